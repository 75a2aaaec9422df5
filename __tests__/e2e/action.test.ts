/**
 * Runs the bundled Action (dist/index.js) the way the runner does: inputs as INPUT_* variables,
 * outputs and the job summary through GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Under the
 * current Node, and under Node 24 (the Action's runtime) when PAT_LINT_NODE24 names its binary.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readOutputs, runnerInputs } from './runner-files.js'

const nodes: [string, string][] = [['current node', process.execPath]]
if (process.env.PAT_LINT_NODE24) nodes.push(['node 24', process.env.PAT_LINT_NODE24])

function runAction(node: string, inputs: Record<string, string>, workspace = resolve('examples/demo'), entry = resolve('dist/index.js')) {
  const tmp = mkdtempSync(join(tmpdir(), 'pat-lint-e2e-'))
  const output = join(tmp, 'output')
  const summary = join(tmp, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo-org/demo',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: tmp,
    GITHUB_ACTIONS: 'true',
    ...runnerInputs(inputs),
  }
  const r = spawnSync(node, [entry], { env, encoding: 'utf8', timeout: 60_000 })
  const outputs = readOutputs(output)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summary, 'utf8'), tmp }
}

describe.each(nodes)('the bundled action under %s', (_label, node) => {
  it('annotates, summarises, sets outputs and passes with fail-on: never', () => {
    const r = runAction(node, { 'fail-on': 'never' })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('::warning title=pat-lint unused-pat,file=.github/pat-requirements.yml,line=18,col=3::OLD_DEPLOY_PAT is declared')
    expect(r.stdout).toContain('::error title=pat-lint over-scoped-request,file=.github/pat-requirements.yml,line=12,col=7::DOCS_DISPATCH_PAT requests pull_requests: write')
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8'))
    expect(r.outputs.findings).toBe(String(report.findings.length))
    expect(r.outputs.errors).toBe('0')
    expect(report.repository).toBe('octo-org/demo')
    expect(report.findings.length).toBeGreaterThan(5)
    expect(r.summary).toContain('## pat-lint')
    expect(r.summary).toContain('✅ **Passes**')
  })

  it('the summary carries the same creation links as the creation-links output', () => {
    const r = runAction(node, { 'fail-on': 'never' })
    const links = Object.values(JSON.parse(r.outputs['creation-links'])) as string[]
    expect(links.length).toBeGreaterThan(0)
    for (const url of links) expect(r.summary).toContain(`(${url})`)
  })

  it('loads neither octokit, an HTTP client nor zod when it writes no comment and reads no requirements file', () => {
    // The bundle alone, without the chunks that dynamic imports load: the run must not need them.
    const alone = mkdtempSync(join(tmpdir(), 'pat-lint-alone-'))
    for (const f of ['index.js', 'package.json']) cpSync(resolve('dist', f), join(alone, f))
    expect(readdirSync(resolve('dist')).filter((f) => /^\d+\.index\.js$/.test(f)).length).toBeGreaterThan(0)
    const workspace = mkdtempSync(join(tmpdir(), 'pat-lint-norequirements-'))
    cpSync(resolve('examples/demo/.github/workflows'), join(workspace, '.github/workflows'), { recursive: true })
    const r = runAction(node, { 'fail-on': 'never' }, workspace, join(alone, 'index.js'))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.summary).toContain('## pat-lint')
    // undici's error codes and octokit's user agent: neither is in the entry bundle
    expect(readFileSync(join(alone, 'index.js'), 'utf8')).not.toMatch(/UND_ERR|octokit-core\.js\//)
    // nor zod's classes: the schema is a chunk of its own, loaded when there is a file to read
    expect(readFileSync(join(alone, 'index.js'), 'utf8')).not.toMatch(/\$ZodType/)
    expect(readdirSync(resolve('dist')).some((f) => /^\d+\.index\.js$/.test(f) && /\$ZodType/.test(readFileSync(resolve('dist', f), 'utf8')))).toBe(true)
  })

  it('fails once, with one message, on the over-scoped requests (fail-on: error, the default)', () => {
    const r = runAction(node, {})
    expect(r.code).toBe(1)
    expect(r.stdout.match(/^::error::/gm)).toHaveLength(1)
    expect(r.stdout).toContain('::error::pat-lint: 2 findings at or above error')
    expect(r.summary).toContain('❌ **Fails**')
  })

  it('writes SARIF inside the workspace, and refuses a path outside it', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pat-lint-ws-'))
    cpSync(resolve('examples/demo'), ws, { recursive: true })
    const ok = runAction(node, { 'sarif-file': 'out/pat-lint.sarif', 'fail-on': 'never' }, ws)
    expect(ok.code).toBe(0)
    expect(JSON.parse(readFileSync(join(ws, 'out/pat-lint.sarif'), 'utf8')).version).toBe('2.1.0')
    const bad = runAction(node, { 'sarif-file': '../escape.sarif', 'fail-on': 'never' }, ws)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('::error::pat-lint: ../escape.sarif leads outside the workspace')
    expect(existsSync(join(ws, '..', 'escape.sarif'))).toBe(false)
    expect(bad.summary).toContain('## pat-lint') // the verdict still reaches the summary
  })

  it('with `path`, annotations, SARIF and the report name files from the workspace', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pat-lint-path-'))
    cpSync(resolve('examples/demo'), join(ws, 'services', 'demo'), { recursive: true })
    const r = runAction(node, { path: 'services/demo', 'sarif-file': 'pat-lint.sarif', 'fail-on': 'never' }, ws)
    expect(r.code).toBe(0)
    const annotated = [...r.stdout.matchAll(/^::(?:error|warning|notice) [^:]*file=([^,]+),/gm)].map((m) => m[1])
    expect(annotated.length).toBeGreaterThan(3)
    for (const file of annotated) expect(existsSync(join(ws, file))).toBe(true)
    const sarif = JSON.parse(readFileSync(join(ws, 'pat-lint.sarif'), 'utf8'))
    for (const result of sarif.runs[0].results) expect(existsSync(join(ws, result.locations[0].physicalLocation.artifactLocation.uri))).toBe(true)
    expect(JSON.parse(readFileSync(r.outputs['report-file'], 'utf8')).requirementsFile).toBe('services/demo/.github/pat-requirements.yml')
  })

  it('a requirements-file that does not exist is an error naming it', () => {
    const r = runAction(node, { 'requirements-file': 'missing/pat-requirements.yml', 'fail-on': 'never' })
    expect(r.stdout).toContain('::error title=pat-lint invalid-requirements,file=missing/pat-requirements.yml,line=1,col=1::requirements file missing/pat-requirements.yml does not exist')
    expect(r.outputs.errors).toBe('1')
  })

  it('writes through no symlink a pull request could commit, and keeps every other result', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pat-lint-outside-'))
    const victim = join(outside, 'victim.txt')
    writeFileSync(victim, 'untouched')
    const ws = mkdtempSync(join(tmpdir(), 'pat-lint-ws-'))
    cpSync(resolve('examples/demo'), ws, { recursive: true })
    symlinkSync(victim, join(ws, 'pat-lint.sarif'))
    mkdirSync(join(ws, 'reports'))
    symlinkSync(outside, join(ws, 'reports', 'out'))
    for (const sarif of ['pat-lint.sarif', 'reports/out/pat-lint.sarif']) {
      const r = runAction(node, { 'sarif-file': sarif, 'fail-on': 'never' }, ws)
      expect(r.code).toBe(1)
      expect(r.stdout).toMatch(/::error::pat-lint: .*symlink; pat-lint writes through none/)
      expect(r.summary).toContain('## pat-lint')
      expect(r.outputs.findings).toBeDefined()
    }
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(existsSync(join(outside, 'pat-lint.sarif'))).toBe(false)
  })

  it('reads no workflow through a directory symlink that leads out of the repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pat-lint-outside-'))
    writeFileSync(join(outside, 'secret-name-of-a-file.yml'), 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets.OUTSIDE_PAT }}\n')
    const ws = mkdtempSync(join(tmpdir(), 'pat-lint-ws-'))
    mkdirSync(join(ws, '.github'))
    symlinkSync(outside, join(ws, '.github', 'workflows'))
    const r = runAction(node, { 'fail-on': 'never' }, ws)
    const report = readFileSync(r.outputs['report-file'], 'utf8')
    expect(report).not.toContain('secret-name-of-a-file')
    expect(report).not.toContain('OUTSIDE_PAT')
  })

  it('rejects a bad input with a clear failure', () => {
    const r = runAction(node, { 'fail-on': 'sometimes' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::pat-lint: input fail-on must be one of error, warning, note, never, not sometimes')
  })

  it('shows at most 10 annotations per type and sends the rest to the summary', () => {
    const ws = mkdtempSync(join(tmpdir(), 'pat-lint-many-'))
    const steps = Array.from({ length: 14 }, (_, i) => `      - uses: actions/checkout@v4\n        with:\n          token: \${{ secrets.PAT_${i} }}`).join('\n')
    cpSync(resolve('examples/demo/.github/workflows/release.yml'), join(ws, 'keep.yml'))
    const wf = join(ws, '.github', 'workflows')
    cpSync(resolve('examples/demo/.github/workflows'), wf, { recursive: true })
    writeFileSync(join(wf, 'many.yml'), `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}\n`)
    const r = runAction(node, { 'fail-on': 'never' }, ws)
    expect(r.stdout.match(/^::warning /gm)).toHaveLength(10)
    expect(r.stdout).toMatch(/::notice::\d+ more findings? than GitHub shows as annotations/)
    expect((r.summary.match(/undeclared-pat/g) ?? []).length).toBeGreaterThan(10)
  })
})
