/**
 * The pull-request comment end to end: the bundled action (dist/index.js) run as the runner runs
 * it, talking through the real octokit client to a local stand-in for GitHub's API.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readOutputs, runnerEnvironment, runnerFiles } from './runner-files.js'
import { FakeGitHub } from './fake-github.js'

const nodes: [string, string][] = [['current node', process.execPath]]
if (process.env.PAT_LINT_NODE24) nodes.push(['node 24', process.env.PAT_LINT_NODE24])

const BASE_SHA = 'a'.repeat(40)
const HEAD_SHA = 'b'.repeat(40)

function workspace(extra: Record<string, string> = {}): string {
  const ws = mkdtempSync(join(tmpdir(), 'pat-lint-pr-'))
  cpSync(resolve('examples/demo'), ws, { recursive: true })
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(ws, path), text)
  return ws
}

interface Run {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
}

async function runAction(node: string, api: string, ws: string, inputs: Record<string, string> = {}, event: object | null = undefined as unknown as object, extraEnv: Record<string, string> = {}): Promise<Run> {
  const payload = event === undefined
    ? {
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, state: 'open', title: 'Bump', base: { ref: 'main', sha: BASE_SHA }, head: { ref: 'bump', sha: HEAD_SHA }, user: { login: 'octocat' } },
        repository: { full_name: 'octo-org/demo', name: 'demo', owner: { login: 'octo-org' } },
      }
    : event
  const files = runnerFiles(payload ?? 'null')
  const env = runnerEnvironment(files, { workspace: ws, api, eventName: event === null ? 'push' : 'pull_request', inputs: { 'fail-on': 'never', ...inputs }, githubToken: 'ghs_fake_installation_token', extra: extraEnv })
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
    execFile(node, [resolve('dist/index.js')], { env, timeout: 60_000 }, (error, stdout) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout }))
  })
  const outputs = readOutputs(files.output)
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8') }
}

describe.each(nodes)('the pull-request comment under %s', (_label, node) => {
  let gh: FakeGitHub
  beforeEach(async () => {
    gh = new FakeGitHub()
    await gh.start()
  })
  afterEach(async () => gh.stop())

  it('writes one comment, updates it in place, and does not write when nothing changed', async () => {
    // Unrelated comments, more than one page of them, before ours.
    for (let i = 0; i < 5; i++) gh.comments.push({ id: i + 1, body: `hello ${i}`, user: { login: 'someone', type: 'User' }, html_url: 'x' })
    const ws = workspace()
    const first = await runAction(node, gh.url, ws)
    expect(first.code).toBe(0)
    expect(gh.comments.filter((c) => c.body.includes('<!-- pat-lint:sticky-comment -->'))).toHaveLength(1)
    expect(first.outputs['comment-url']).toMatch(/#issuecomment-/)
    expect(gh.writes()).toEqual(['POST /repos/octo-org/demo/issues/7/comments'])

    gh.requests = []
    const second = await runAction(node, gh.url, ws)
    expect(second.code).toBe(0)
    expect(gh.writes()).toEqual([]) // unchanged body: no write at all
    expect(gh.requests.filter((r) => r.startsWith('GET /repos/octo-org/demo/issues/7/comments')).length).toBeGreaterThan(1) // paginated
    expect(gh.comments.filter((c) => c.body.includes('<!-- pat-lint:sticky-comment -->'))).toHaveLength(1)

    // A change in the findings updates the same comment.
    writeFileSync(join(ws, '.github/workflows/comment.yml'), readFileSync(join(ws, '.github/workflows/comment.yml'), 'utf8').replace('WELCOME_PAT', 'HELLO_PAT'))
    gh.requests = []
    await runAction(node, gh.url, ws)
    expect(gh.writes()).toEqual([expect.stringMatching(/^PATCH \/repos\/octo-org\/demo\/issues\/comments\/\d+$/)])
    expect(gh.comments.filter((c) => c.body.includes('HELLO\\_PAT') || c.body.includes('HELLO_PAT'))).toHaveLength(1)
  })

  it('turns the comment into an all-clear when the findings are gone, and creates none for a clean first run', async () => {
    const ws = workspace()
    await runAction(node, gh.url, ws)
    const clean = mkdtempSync(join(tmpdir(), 'pat-lint-clean-'))
    const cleanRun = async (dir: string) => runAction(node, gh.url, dir)
    await cleanRun(clean)
    const ours = gh.comments.filter((c) => c.body.includes('<!-- pat-lint:sticky-comment -->'))
    expect(ours).toHaveLength(1)
    expect(ours[0].body).toContain('All clear')

    const other = new FakeGitHub()
    await other.start()
    await runAction(node, other.url, clean)
    expect(other.writes()).toEqual([])
    await other.stop()
  })

  it('retries a 502 and still writes the comment', async () => {
    gh.faults.push({ route: 'GET /repos/octo-org/demo/issues/7/comments', status: 502, times: 1 })
    const r = await runAction(node, gh.url, workspace())
    expect(r.code).toBe(0)
    expect(gh.requests.filter((x) => x.startsWith('GET /repos/octo-org/demo/issues/7/comments')).length).toBeGreaterThanOrEqual(2)
    expect(gh.comments).toHaveLength(1)
  })

  it('a stalled API costs a bounded wait and a warning; the verdict was written before it', async () => {
    gh.faults.push({ route: 'GET /repos/octo-org/demo/issues/7/comments', status: 200, times: Infinity, stall: true })
    // A hang would run into the 60-second limit of runAction and lose the exit code.
    const r = await runAction(node, gh.url, workspace(), { 'fail-on': 'error' }, undefined, { PAT_LINT_REQUEST_TIMEOUT_MS: '300' })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::warning::pat-lint could not write its pull-request comment/)
    expect(r.summary).toContain('## pat-lint')
    expect(r.outputs.findings).toBeDefined()
    // The failure and the summary come before the first request is even answered.
    expect(r.stdout.indexOf('::error::pat-lint: 2 findings')).toBeLessThan(r.stdout.indexOf('::warning::pat-lint could not write'))
  })

  it('a rate-limit reset an hour away is not waited for', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    gh.faults.push({ route: 'GET /repos/octo-org/demo/issues/7/comments', status: 403, times: Infinity, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded' } })
    const r = await runAction(node, gh.url, workspace())
    expect(r.stdout).toMatch(/longer than pat-lint waits \(60s\): giving up/)
    expect(r.stdout).toMatch(/::warning::pat-lint could not write its pull-request comment/)
    expect(r.summary).toContain('## pat-lint')
  })

  it('two runs at once leave one comment', async () => {
    const [a, b] = await Promise.all([runAction(node, gh.url, workspace()), runAction(node, gh.url, workspace())])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(gh.comments.filter((c) => c.body.startsWith('<!-- pat-lint:sticky-comment -->'))).toHaveLength(1)
  })

  it('a failing GET /user writes no comment under a guessed identity', async () => {
    gh.userLogin = 'release-bot'
    gh.faults.push({ route: 'GET /user', status: 500, times: Infinity })
    const r = await runAction(node, gh.url, workspace())
    expect(r.code).toBe(0)
    expect(gh.comments).toHaveLength(0)
    expect(r.stdout).toMatch(/::warning::pat-lint could not write its pull-request comment/)
    expect(r.summary).toContain('## pat-lint')
  })

  it('a comment that only quotes the marker is not taken for ours', async () => {
    gh.comments.push({ id: 1, body: 'Look at this:\n<!-- pat-lint:sticky-comment -->\nhi', user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'https://github.example/c/1' })
    await runAction(node, gh.url, workspace())
    expect(gh.comments).toHaveLength(2)
    expect(gh.comments[0].body).toBe('Look at this:\n<!-- pat-lint:sticky-comment -->\nhi')
  })

  it('an HTML error page from the API is reported by its status, not by a parsing error', async () => {
    gh.faults.push({ route: 'GET /repos/octo-org/demo/issues/7/comments', status: 400, times: Infinity, body: '<html>Bad gateway</html>' })
    const r = await runAction(node, gh.url, workspace())
    expect(r.stdout).toMatch(/::warning::pat-lint could not write its pull-request comment: HTTP 400/)
    expect(r.stdout).not.toContain("Cannot use 'in'")
  })

  it('a malformed event file is said to be malformed', async () => {
    const r = await runAction(node, gh.url, workspace(), {}, '{ not json' as unknown as object)
    expect(r.stdout).toMatch(/::notice::pat-lint found no pull request to comment on: the event file \(GITHUB_EVENT_PATH\) is not valid JSON/)
  })

  it('a 403 is a warning naming pull-requests: write, and the verdict and exit status stand', async () => {
    gh.faults.push({ route: 'POST /repos/octo-org/demo/issues/7/comments', status: 403, times: Infinity })
    const never = await runAction(node, gh.url, workspace())
    expect(never.code).toBe(0)
    expect(never.stdout).toMatch(/::warning::pat-lint could not write its pull-request comment \(HTTP 403\): the token needs `pull-requests: write`/)
    expect(gh.requests.filter((x) => x.startsWith('POST ')).length).toBe(1) // 4xx is not retried
    const failing = await runAction(node, gh.url, workspace(), { 'fail-on': 'error' })
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('::error::pat-lint: 2 findings at or above error')
    expect(failing.summary).toContain('## pat-lint')
  })

  it('gives creation links that parse and carry the minimal permissions', async () => {
    const r = await runAction(node, gh.url, workspace())
    const links = JSON.parse(r.outputs['creation-links']) as Record<string, string>
    const docs = new URL(links.DOCS_DISPATCH_PAT)
    expect(`${docs.origin}${docs.pathname}`).toBe('https://github.example/settings/personal-access-tokens/new')
    expect(docs.searchParams.get('contents')).toBe('write')
    expect(docs.searchParams.get('pull_requests')).toBeNull() // requested, but not needed
    expect(docs.searchParams.get('target_name')).toBe('octo-org')
    expect(docs.searchParams.get('expires_in')).toBe('30')
    expect(docs.searchParams.get('name')).toBe('DOCS_DISPATCH_PAT')
    expect(links.WELCOME_PAT).toBeUndefined() // GITHUB_TOKEN would do: no PAT to create
    expect(gh.comments[0].body).toContain(links.DOCS_DISPATCH_PAT.replace(/&/g, '&'))
  })

  it('leads with what the pull request newly requests, read from the contents API at the base', async () => {
    const ws = workspace()
    const head = readFileSync(join(ws, '.github/pat-requirements.yml'), 'utf8')
    gh.files.set(`.github/pat-requirements.yml@${BASE_SHA}`, head.replace('      pull_requests: write    # more than the dispatch needs\n', '').replace(/  WELCOME_PAT:[\s\S]*$/, ''))
    await runAction(node, gh.url, ws)
    expect(gh.requests.map(decodeURIComponent)).toContain('GET /repos/octo-org/demo/contents/.github/pat-requirements.yml')
    const body = gh.comments[0].body
    const newly = body.indexOf('### Newly requested by this pull request')
    expect(newly).toBeGreaterThan(0)
    expect(newly).toBeLessThan(body.indexOf('### Tokens'))
    expect(body).toContain('`DOCS_DISPATCH_PAT`: adds pull\\_requests: write')
    expect(body).toContain('`WELCOME_PAT`: new fine-grained token with permissions pull\\_requests: write')
  })

  it('escapes hostile names from the repository', async () => {
    const ws = workspace({
      '.github/workflows/evil.yml': [
        'on: pull_request',
        'jobs:',
        '  x:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - name: "<img src=x onerror=alert(1)> @octocat | [click](http://evil) `code`"',
        '        uses: actions/checkout@v4',
        '        with:',
        '          token: ${{ secrets.EVIL_PAT }}',
        '',
      ].join('\n'),
    })
    await runAction(node, gh.url, ws)
    const body = gh.comments[0].body
    expect(body).toContain('EVIL_PAT')
    // Code spans and fenced blocks render literally; everywhere else, nothing may become markup.
    const rendered = body.replace(/```[\s\S]*?```/g, '').replace(/(?<![\\`])(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '')
    expect(rendered).not.toContain('<img')
    expect(rendered).not.toMatch(/(^|[^\u200b])@octocat/)
    expect(rendered).not.toContain('[click](http://evil)')
    // The step name is there, inside a code span, with the mention defused.
    expect(body).toContain('`` <img src=x onerror=alert(1)> @\u200boctocat \\| [click](http://evil) `code` ``')
  })

  it('on a push there is no pull request: a notice, no API call', async () => {
    const r = await runAction(node, gh.url, workspace(), {}, null)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/::notice::pat-lint writes its comment on pull requests; this push run has none/)
    expect(gh.requests).toEqual([])
  })

  it('reads the source of an action it has no knowledge of, at the pinned ref, and decides its use from it', async () => {
    gh.repos.set('octo/commenter@0123456789abcdef0123456789abcdef01234567', {
      'action.yml': 'name: x\ninputs:\n  token:\n    required: true\nruns:\n  using: node24\n  main: dist/index.js\n',
      'src/main.ts': "const octokit = github.getOctokit(core.getInput('token'))\nawait octokit.rest.issues.createComment({ ...context.repo, issue_number: 1, body: 'x' })\n",
    })
    const ws = workspace({ '.github/workflows/greet.yml': 'on: issues\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: octo/commenter@0123456789abcdef0123456789abcdef01234567\n        with:\n          token: ${{ secrets.GREETER_PAT }}\n' })
    const r = await runAction(node, gh.url, ws, { comment: 'never' }, null)
    expect(r.code).toBe(0)
    expect(gh.requests).toContain('GET /repos/octo/commenter/git/trees/0123456789abcdef0123456789abcdef01234567')
    expect(r.stdout).toContain('pat-lint read the source of octo/commenter@0123456789abcdef0123456789abcdef01234567')
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8'))
    const use = report.tokens.find((t: { secret: string }) => t.secret === 'GREETER_PAT').uses[0]
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.readFromSource).toBe('octo/commenter@0123456789abcdef0123456789abcdef01234567')

    gh.requests = []
    const off = await runAction(node, gh.url, ws, { comment: 'never', 'read-unknown-actions': 'false' }, null)
    expect(gh.requests).toEqual([])
    const offReport = JSON.parse(readFileSync(off.outputs['report-file'], 'utf8'))
    expect(offReport.tokens.find((t: { secret: string }) => t.secret === 'GREETER_PAT').uses[0].githubTokenWouldDo).toBeNull()
    expect(offReport.unknownActions).toEqual(['octo/commenter@0123456789abcdef0123456789abcdef01234567'])
  })
})
