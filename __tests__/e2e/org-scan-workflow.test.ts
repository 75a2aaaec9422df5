/**
 * The shipped reusable workflow (.github/workflows/org-scan.yml), its jobs' commands run locally
 * in order with the bundled CLI, as the runner would run them: the plan's matrix from
 * $GITHUB_OUTPUT, one scan per shard, artifacts moved as upload/download-artifact move them, and
 * the merge writing the job summary; then again, incrementally, with the first run's reports.
 */
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { FakeOrg } from './fake-org.js'

const run = promisify(execFile)

interface Step { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }
const workflow = parse(readFileSync('.github/workflows/org-scan.yml', 'utf8')) as { jobs: Record<string, { steps: Step[]; needs?: string | string[] }> }

/** The `run:` of the step with this id or name; the test fails if the workflow loses it. */
function script(job: string, test: (s: Step) => boolean): string {
  const step = workflow.jobs[job].steps.find(test)
  if (!step?.run) throw new Error(`org-scan.yml: job ${job} has no such step`)
  return step.run
}

let gh: FakeOrg
let work: string
beforeAll(async () => {
  gh = new FakeOrg()
  await gh.start()
  for (let i = 0; i < 30; i++) {
    gh.add({ owner: 'octo', name: `svc-${i}`, branch: 'main', archived: false, files: { '.github/workflows/ci.yml': `on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh issue comment 1 --body hi\n        env:\n          GH_TOKEN: \${{ secrets.${i % 2 ? 'BOT_PAT' : 'OTHER_PAT'} }}\n` } })
  }
  work = mkdtempSync(join(tmpdir(), 'pat-lint-org-workflow-'))
})
afterAll(async () => {
  await gh.stop()
  rmSync(work, { recursive: true, force: true })
})

/** A job's workspace: pat-lint's checkout, as actions/checkout leaves it (dist/ is what runs). */
function workspace(name: string): string {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, 'dist'))) symlinkSync(resolve('dist'), join(dir, 'dist'))
  return dir
}

async function bash(cwd: string, text: string, env: Record<string, string>) {
  return run('bash', ['-e', '-o', 'pipefail', '-c', text], { cwd, env: { PATH: process.env.PATH!, GITHUB_API_URL: gh.url, ...env }, timeout: 120_000 })
}

/** plan, scan per shard, merge; returns the merge workspace. */
async function runWorkflow(label: string, previousReports?: string): Promise<string> {
  const plan = workspace(`${label}-plan`)
  const output = join(plan, 'github-output')
  writeFileSync(output, '')
  await bash(plan, script('plan', (s) => s.id === 'list'), { GH_TOKEN: 'ghs_test', ORGANIZATION: 'octo', SHARDS: '4', GITHUB_OUTPUT: output })
  const matrix = JSON.parse(/^matrix=(.*)$/m.exec(readFileSync(output, 'utf8'))![1]) as { include: { shard: number; repos: string }[] }
  expect(matrix.include).toHaveLength(4)
  const artifacts = join(work, `${label}-artifacts`)
  for (const shard of matrix.include) {
    const dir = workspace(`${label}-scan-${shard.shard}`)
    if (previousReports) cpSync(previousReports, join(dir, 'previous'), { recursive: true })
    await bash(dir, script('scan', (s) => !!s.name?.startsWith('Scan shard')), { GH_TOKEN: 'ghs_test', REPOS: shard.repos, CONCURRENCY: '2' })
    cpSync(join(dir, 'reports'), join(artifacts, `pat-lint-reports-${shard.shard}`), { recursive: true })
  }
  const merge = workspace(`${label}-merge`)
  // download-artifact with pattern and merge-multiple: every shard's files in one folder.
  for (const a of readdirSync(artifacts)) cpSync(join(artifacts, a), join(merge, 'reports'), { recursive: true })
  writeFileSync(join(merge, 'summary.md'), '')
  await bash(merge, script('merge', (s) => s.name === 'Merge the reports into the inventory'), { GITHUB_STEP_SUMMARY: join(merge, 'summary.md') })
  return merge
}

describe('org-scan.yml, run locally job by job', () => {
  it('plans shards, scans each, and merges one inventory into the job summary', async () => {
    const merge = await runWorkflow('first')
    const inventory = JSON.parse(readFileSync(join(merge, 'inventory', 'inventory.json'), 'utf8'))
    expect(inventory.repositories).toHaveLength(30)
    expect(inventory.failures).toEqual([])
    expect(inventory.secrets.map((s: { secret: string; repositories: unknown[] }) => [s.secret, s.repositories.length])).toEqual([['BOT_PAT', 15], ['OTHER_PAT', 15]])
    expect(readFileSync(join(merge, 'summary.md'), 'utf8')).toContain('## pat-lint inventory')
    expect(existsSync(join(merge, 'inventory', 'inventory.csv'))).toBe(true)

    // The next run, given this run's reports: nothing changed, so only the root trees are read.
    gh.requests = []
    const again = await runWorkflow('second', join(merge, 'reports'))
    expect(gh.requests.filter((r) => r.startsWith('POST /graphql'))).toEqual([])
    expect(gh.requests.filter((r) => r.startsWith('GET /repos/'))).toHaveLength(30)
    expect(JSON.parse(readFileSync(join(again, 'inventory', 'inventory.json'), 'utf8')).repositories).toHaveLength(30)
  }, 180_000)

  it('the jobs depend on each other in this order', () => {
    expect(workflow.jobs.scan.needs).toBe('plan')
    expect(workflow.jobs.merge.needs).toEqual(['plan', 'scan'])
  })
})
