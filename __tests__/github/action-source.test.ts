/** Unknown actions' source read over the API, against a local stand-in for GitHub. */
import { FakeGitHub } from '../e2e/fake-github.js'
import { createClient } from '../../src/github/client.js'
import { fetchActionSources, parseActionRef, DEFAULT_SOURCE_BUDGET } from '../../src/github/action-source.js'
import { lintReadingSources } from '../../src/github/lint-online.js'
import { runCli } from '../../src/cli.js'
import { cleanRepos, makeRepo } from '../helpers.js'

const ACTION = {
  'action.yml': 'name: x\ninputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: node20\n  main: dist/index.js\n',
  'dist/index.js': 'octokit.rest.repos.delete()',
  'src/main.ts': "const octokit = github.getOctokit(core.getInput('token'))\nawait octokit.rest.issues.createComment({ ...context.repo, issue_number: 1, body: 'x' })\n",
}
const WORKFLOW = 'on: issues\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/commenter@v1\n        with:\n          token: ${{ secrets.BOT_PAT }}\n'

let gh: FakeGitHub
const client = (timeoutMs = 5000) => createClient('ghs_test', { baseUrl: gh.url, retries: 0, timeoutMs })
beforeEach(async () => {
  gh = new FakeGitHub()
  await gh.start()
})
afterEach(() => gh.stop())
afterAll(cleanRepos)

describe('which uses values name a remote action', () => {
  it.each<[string, boolean]>([
    ['octo/commenter@v1', true],
    ['babel/actions/create-comment@v2', true],
    ['octo/x@0123456789abcdef0123456789abcdef01234567', true],
    ['./.github/actions/local', false],
    ['docker://alpine:3', false],
    ['octo/x', false],
    ['octo/x/../../etc@v1', false],
  ])('%s', (uses, remote) => {
    expect(!!parseActionRef(uses)).toBe(remote)
  })
})

describe('reading the source', () => {
  it('reads action.yml and the source at the ref (not the bundle), and derives the calls', async () => {
    gh.repos.set('octo/commenter@v1', ACTION)
    const got = await fetchActionSources(client(), ['octo/commenter@v1'])
    expect(got.skipped).toEqual([])
    expect(got.derived[0].calls.map((c) => [c.route, c.at])).toEqual([['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'src/main.ts:2']])
    expect(gh.requests).not.toContain('GET /repos/octo/commenter/contents/dist/index.js')
  })

  it.each<[string, (g: FakeGitHub) => void, RegExp]>([
    ['a missing or private repository', () => {}, /not found, or private/],
    ['a tree too large to list', (g) => { g.repos.set('octo/commenter@v1', ACTION); g.truncated.add('octo/commenter@v1') }, /too large to list/],
    ['a server error', (g) => { g.repos.set('octo/commenter@v1', ACTION); g.faults.push({ route: 'GET /repos/octo/commenter/git/trees', status: 500, times: Infinity }) }, /HTTP 500/],
    ['a stalled connection', (g) => { g.faults.push({ route: 'GET /repos/octo/commenter/git/trees', status: 200, times: Infinity, stall: true }) }, /did not answer in time/],
  ])('skips %s with the reason, reading nothing else', async (_name, setup, why) => {
    setup(gh)
    const got = await fetchActionSources(client(300), ['octo/commenter@v1'])
    expect(got.derived).toEqual([])
    expect(got.skipped.join('\n')).toMatch(why)
  })

  it('stops when the time budget is spent, saying so for the rest', async () => {
    for (const n of [1, 2]) gh.repos.set(`octo/a${n}@v1`, ACTION)
    const got = await fetchActionSources(client(), ['octo/a1@v1', 'octo/a2@v1'], { ...DEFAULT_SOURCE_BUDGET, seconds: -1 })
    expect(got.derived).toEqual([])
    expect(got.skipped.every((s) => /s for reading actions' source are spent/.test(s))).toBe(true)
  })

  it('keeps within its budget of actions, files and bytes', async () => {
    for (const n of [1, 2, 3]) gh.repos.set(`octo/a${n}@v1`, ACTION)
    const few = await fetchActionSources(client(), ['octo/a1@v1', 'octo/a2@v1', 'octo/a3@v1'], { ...DEFAULT_SOURCE_BUDGET, actions: 2 })
    expect(few.derived.length).toBe(2)
    expect(few.skipped.join('\n')).toMatch(/more than 2 actions/)
    const big = { ...ACTION, 'src/huge.ts': 'x'.repeat(2000) }
    gh.repos.set('octo/big@v1', big)
    const small = await fetchActionSources(client(), ['octo/big@v1'], { ...DEFAULT_SOURCE_BUDGET, bytesPerFile: 1000 })
    expect(small.derived[0].files).not.toContain('src/huge.ts')
    const many = await fetchActionSources(client(), ['octo/big@v1'], { ...DEFAULT_SOURCE_BUDGET, filesPerAction: 2 })
    expect(many.skipped.join('\n')).toMatch(/more than the 2 read/)
  })
})

describe('linting with what was read', () => {
  it('decides the use from the source, says so, and lists unknown actions when offline', async () => {
    gh.repos.set('octo/commenter@v1', ACTION)
    const root = makeRepo({ '.github/workflows/w.yml': WORKFLOW })
    const log: string[] = []
    const offline = await lintReadingSources(root, { repository: 'octo/app' }, null, (m) => log.push(m))
    expect(offline.unknownActions).toEqual(['octo/commenter@v1'])
    expect(offline.tokens[0].uses[0].githubTokenWouldDo).toBeNull()
    expect(gh.requests).toEqual([])
    const online = await lintReadingSources(root, { repository: 'octo/app' }, client(), (m) => log.push(m))
    expect(online.unknownActions).toEqual([])
    expect(online.tokens[0].uses[0].githubTokenWouldDo).toBe(true)
    expect(online.tokens[0].uses[0].readFromSource).toBe('octo/commenter@v1')
    expect(log.join('\n')).toContain('read the source of octo/commenter@v1')
  })

  it('a composite action read at run time goes through the step analysis', async () => {
    gh.repos.set('octo/commenter@v1', { 'action.yml': 'name: x\ninputs:\n  token:\n    required: true\nruns:\n  using: composite\n  steps:\n    - run: gh issue comment 1 -b hi\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.token }}\n' })
    const root = makeRepo({ '.github/workflows/w.yml': WORKFLOW })
    const report = await lintReadingSources(root, { repository: 'octo/app' }, client(), () => {})
    expect(report.tokens[0].uses[0].githubTokenWouldDo).toBe(true)
    expect(report.tokens[0].uses[0].needs).toEqual({ issues: 'write' })
    expect(report.tokens[0].uses[0].readFromSource).toBe('octo/commenter@v1')
  })

  it('the CLI reads sources only with --online, and needs a token for it', async () => {
    gh.repos.set('octo/commenter@v1', ACTION)
    const root = makeRepo({ '.github/workflows/w.yml': WORKFLOW })
    const env = { GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'ghs_test' }
    const plain = await runCli([root, '--repository', 'octo/app', '--format', 'json', '--fail-on', 'never'], env)
    expect(JSON.parse(plain.stdout).tokens[0].uses[0].githubTokenWouldDo).toBeNull()
    expect(gh.requests).toEqual([])
    const online = await runCli([root, '--repository', 'octo/app', '--format', 'json', '--fail-on', 'never', '--online'], env)
    expect(JSON.parse(online.stdout).tokens[0].uses[0].githubTokenWouldDo).toBe(true)
    expect(online.stderr).toContain('read the source of octo/commenter@v1')
    const noToken = await runCli([root, '--online'], { GITHUB_API_URL: gh.url })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toContain('--online needs a token')
  })
})
