/**
 * The live check end to end: the bundled action (dist/index.js) run as the runner runs it, the
 * tokens passed in env: as a workflow passes secrets, GitHub's part played by a local stand-in,
 * and another host waiting for a redirect that must never bring it anything. Then every output is
 * searched for the token values.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readOutputs, runnerEnvironment, runnerFiles } from './runner-files.js'
import { FakeTokens, OtherHost } from './fake-tokens.js'

const nodes: [string, string][] = [['current node', process.execPath]]
if (process.env.PAT_LINT_NODE24) nodes.push(['node 24', process.env.PAT_LINT_NODE24])

const JOB_TOKEN = 'ghs_fake_installation_token'
const VALUES = {
  DOCS_DISPATCH_PAT: 'github_pat_' + 'D'.repeat(22) + '_' + 'd'.repeat(59),
  RELEASE_BOT_TOKEN: 'ghp_' + 'R'.repeat(36),
  OLD_DEPLOY_PAT: 'github_pat_' + 'O'.repeat(22) + '_' + 'o'.repeat(59),
  WELCOME_PAT: 'github_pat_' + 'W'.repeat(22) + '_' + 'w'.repeat(59),
  FLAKY_PAT: 'ghp_' + 'F'.repeat(36),
}
const NAMES = [...Object.keys(VALUES), 'EMPTY_PAT']

/** The demo repository with a scheduled workflow that hands each token to the live check. */
function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'pat-lint-live-'))
  cpSync(resolve('examples/demo'), ws, { recursive: true })
  mkdirSync(join(ws, '.github/workflows'), { recursive: true })
  const env = NAMES.map((n) => `          ${n}: \${{ secrets.${n} }}`).join('\n')
  writeFileSync(
    join(ws, '.github/workflows/live.yml'),
    `on:\n  schedule: [{ cron: '0 6 * * 1' }]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pat-lint/pat-lint@v1\n        with:\n          live-check: ${NAMES.join(',')}\n        env:\n${env}\n`,
  )
  return ws
}

interface Run {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  files: Record<string, string>
}

async function runAction(node: string, api: string, ws: string, inputs: Record<string, string>, extra: Record<string, string>): Promise<Run> {
  const files = runnerFiles({
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, state: 'open', title: 'x', base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'x', sha: 'b'.repeat(40) }, user: { login: 'octocat' } },
    repository: { full_name: 'octo-org/demo', name: 'demo', owner: { login: 'octo-org' } },
  })
  const env = runnerEnvironment(files, { workspace: ws, api, eventName: 'pull_request', inputs: { 'fail-on': 'never', comment: 'always', 'sarif-file': 'pat-lint.sarif', ...inputs }, githubToken: JOB_TOKEN, extra })
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(node, [resolve('dist/index.js')], { env, timeout: 60_000 }, (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }))
  })
  const outputs = readOutputs(files.output)
  const texts: Record<string, string> = { summary: readFileSync(files.summary, 'utf8'), output: readFileSync(files.output, 'utf8') }
  if (outputs['report-file']) texts.report = readFileSync(outputs['report-file'], 'utf8')
  try {
    texts.sarif = readFileSync(join(ws, 'pat-lint.sarif'), 'utf8')
  } catch {
    /* the run may have failed before writing it: the test says so */
  }
  return { code, stdout, stderr, outputs, files: texts }
}

describe.each(nodes)('the live check under %s', (_label, node) => {
  let gh: FakeTokens
  let other: OtherHost
  beforeEach(async () => {
    gh = new FakeTokens()
    other = new OtherHost()
    await Promise.all([gh.start(), other.start()])
    gh.userLogin = 'github-actions[bot]'
  })
  afterEach(async () => Promise.all([gh.stop(), other.stop()]))

  it('reports what GitHub says of each token, and no value leaves the step but in its own requests', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ') + ' UTC'
    gh.tokens.set(VALUES.DOCS_DISPATCH_PAT, { expiration: soon, repos: {} })
    gh.tokens.set(VALUES.RELEASE_BOT_TOKEN, { scopes: 'repo, workflow, admin:org', repos: { 'octo-org/demo': 'private' } })
    gh.tokens.set(VALUES.WELCOME_PAT, { redirectTo: `${other.url}/rate_limit` })
    gh.tokens.set(VALUES.FLAKY_PAT, { failFirst: 100 })
    // OLD_DEPLOY_PAT is unknown to the stand-in: 401, as for a revoked token. EMPTY_PAT is not set.
    const run = await runAction(node, gh.url, workspace(), { 'live-check': NAMES.join(', ') }, { ...VALUES, EMPTY_PAT: '' })
    expect(run.code).toBe(0)

    const report = JSON.parse(run.files.report) as { live: { secret: string; outcome: string }[]; findings: { rule: string; messageId: string; secret?: string; file: string }[] }
    expect(report.live.map((c) => `${c.secret} ${c.outcome}`)).toEqual([
      'DOCS_DISPATCH_PAT accepted',
      'RELEASE_BOT_TOKEN accepted',
      'OLD_DEPLOY_PAT rejected',
      'WELCOME_PAT failed',
      'FLAKY_PAT failed',
      'EMPTY_PAT not-set',
    ])
    const live = report.findings.filter((f) => f.rule.startsWith('live-')).map((f) => `${f.rule} ${f.messageId} ${f.secret}`).sort()
    expect(live).toEqual([
      'live-check-incomplete failed FLAKY_PAT',
      'live-check-incomplete failed WELCOME_PAT',
      'live-check-incomplete notSet EMPTY_PAT',
      'live-token-expiry expiresSoon DOCS_DISPATCH_PAT',
      'live-token-rejected rejected OLD_DEPLOY_PAT',
      'live-token-repository notVisible DOCS_DISPATCH_PAT',
      'live-token-scopes notDeclared RELEASE_BOT_TOKEN',
    ])
    // Handing a token to the live check is no use of it: live.yml adds no use and no undeclared token.
    expect(report.findings.filter((f) => f.file === '.github/workflows/live.yml' && !f.rule.startsWith('live-'))).toEqual([])
    expect(run.files.summary).toContain('### Live check')
    expect(JSON.parse(run.files.sarif).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('live-token-rejected')
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].body).toContain('live-token-expiry')

    // The other host was never asked anything; the API got each token only on the live check's reads.
    expect(other.received).toEqual([])
    for (const [name, value] of Object.entries(VALUES)) {
      const carried = gh.seen.filter((s) => s.authorization === `Bearer ${value}`).map((s) => s.line)
      expect(carried.length).toBeGreaterThan(0)
      expect(carried.every((l) => l === 'GET /rate_limit' || /^GET \/repos\/[^/]+\/[^/]+$/.test(l))).toBe(true)
      for (const s of gh.seen) if (s.authorization !== `Bearer ${value}`) expect(s.authorization ?? '').not.toContain(value)
      expect(name).toBeTruthy()
    }
    const commentCalls = gh.seen.filter((s) => /comments/.test(s.line))
    expect(commentCalls.length).toBeGreaterThan(0)
    expect(commentCalls.every((s) => s.authorization === `token ${JOB_TOKEN}` || s.authorization === `Bearer ${JOB_TOKEN}`)).toBe(true)

    // Every value is masked before anything else is printed, and appears nowhere else.
    const lines = run.stdout.split('\n')
    const masks = Object.values(VALUES).map((v) => `::add-mask::${v}`)
    expect(lines.slice(0, masks.length).sort()).toEqual([...masks].sort())
    const everything = [run.stdout.split('\n').slice(masks.length).join('\n'), run.stderr, ...Object.values(run.files), ...gh.comments.map((c) => c.body), JSON.stringify(gh.requests)]
    for (const value of Object.values(VALUES)) for (const text of everything) expect(text).not.toContain(value)
  })

  it('a token written into the input itself is masked, never looked up or printed, and fails the step; the lint still reports', async () => {
    const value = 'ghp_' + 'X'.repeat(36)
    const run = await runAction(node, gh.url, workspace(), { 'live-check': `${value}, RELEASE_BOT_TOKEN`, comment: 'never' }, { RELEASE_BOT_TOKEN: VALUES.RELEASE_BOT_TOKEN })
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${value}`)
    expect(run.stdout).toMatch(/input live-check: an entry looks like a token/)
    const report = JSON.parse(run.files.report) as { live?: unknown; tokens: unknown[] }
    expect(report.live).toBeUndefined()
    expect(report.tokens.length).toBeGreaterThan(0)
    expect(gh.seen).toEqual([])
    for (const text of [run.stdout.split('\n').slice(1).join('\n'), run.stderr, ...Object.values(run.files)]) expect(text).not.toContain(value)
  })
})
