/** `pat-lint --live-check NAME`: the CLI's live check reads the value from the environment and never prints it. */
import { runCli } from '../src/cli.js'
import { FakeTokens } from './e2e/fake-tokens.js'
import { cleanRepos, makeRepo } from './helpers.js'
import { DISPATCH, REQ, TOKEN } from './rules/sample-files.js'

const VALUE = 'ghp_' + 'Q'.repeat(36)
let gh: FakeTokens
beforeEach(async () => {
  gh = new FakeTokens()
  await gh.start()
})
afterEach(async () => gh.stop())
afterAll(cleanRepos)

function repo(): string {
  return makeRepo({ '.github/workflows/ci.yml': DISPATCH('octo/other'), '.github/pat-requirements.yml': REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo]')) })
}

it('checks the token in the named variable and says what GitHub said, in text and JSON', async () => {
  gh.tokens.set(VALUE, { scopes: 'repo, delete_repo', expiration: '2026-12-01 00:00:00 UTC', repos: { 'octo/other': 'private' } })
  const env = { D_PAT: VALUE, GITHUB_API_URL: gh.url, PAT_LINT_RETRY_BASE_MS: '1' }
  const text = await runCli([repo(), '--repository', 'octo/app', '--live-check', 'D_PAT', '--fail-on', 'never'], env)
  expect(text.code).toBe(0)
  expect(text.stdout).toMatch(/live check: D_PAT \(classic\): accepted, expires 2026-12-01, scopes: repo delete_repo/)
  expect(text.stdout).toMatch(/D_PAT holds the delete_repo scope, which pat-requirements.yml does not request.*\[live-token-scopes\]/)
  const json = await runCli([repo(), '--repository', 'octo/app', '--live-check', 'D_PAT', '--format', 'json'], env)
  expect(json.code).toBe(1)
  const report = JSON.parse(json.stdout) as { live: { repositories: unknown[] }[] }
  expect(report.live[0].repositories).toEqual([{ repository: 'octo/other', access: 'private' }])
  expect(gh.seen.map((s) => s.line)).toEqual(['GET /rate_limit', 'GET /repos/octo/other', 'GET /rate_limit', 'GET /repos/octo/other'])
  for (const out of [text.stdout, text.stderr, json.stdout, json.stderr]) expect(out).not.toContain(VALUE)
})

it('a variable named otherwise than its secret is checked and reported as that secret', async () => {
  gh.tokens.set(VALUE, { repos: {} })
  const root = makeRepo({
    '.github/workflows/ci.yml': DISPATCH('octo/other'),
    '.github/workflows/check.yml': 'on: schedule\njobs:\n  c:\n    runs-on: x\n    steps:\n      - uses: pat-lint/pat-lint@v1\n        with:\n          live-check: TOKEN\n        env:\n          TOKEN: ${{ secrets.D_PAT }}\n',
    '.github/pat-requirements.yml': REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo]')),
  })
  const result = await runCli([root, '--repository', 'octo/app', '--live-check', 'TOKEN', '--format', 'json'], { TOKEN: VALUE, GITHUB_API_URL: gh.url })
  const report = JSON.parse(result.stdout) as { live: { secret: string }[]; findings: { rule: string; secret?: string; file: string }[] }
  expect(report.live.map((c) => c.secret)).toEqual(['D_PAT'])
  expect(report.findings.filter((f) => f.rule === 'live-token-repository').map((f) => `${f.secret} ${f.file}`)).toEqual(['D_PAT .github/pat-requirements.yml'])
  expect(gh.seen.map((s) => s.line)).toEqual(['GET /rate_limit', 'GET /repos/octo/other'])
})

it('refuses a value given in place of a name, without repeating it', async () => {
  const result = await runCli([repo(), '--live-check', VALUE], { GITHUB_API_URL: gh.url })
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(/--live-check: an entry looks like a token/)
  expect(result.stderr + result.stdout).not.toContain(VALUE)
  expect(gh.seen).toEqual([])
})

it('without --live-check, makes no request', async () => {
  const result = await runCli([repo(), '--repository', 'octo/app'], { D_PAT: VALUE, GITHUB_API_URL: gh.url })
  expect(result.stdout).not.toMatch(/live check/)
  expect(gh.seen).toEqual([])
})
