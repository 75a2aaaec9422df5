/**
 * Scanning an organization through the API, against a local stand-in serving 1,000 synthetic
 * repositories built from real workflows (../shared/corpus when present), with rate limits, server
 * errors, and a repository deleted and another archived while the scan runs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeOrg, type FakeRepo } from '../e2e/fake-org.js'
import { createClient } from '../../src/github/client.js'
import { listRepositories, parseRepositoryList } from '../../src/github/org-list.js'
import { scanRemoteRepositories, type ScanRecord } from '../../src/github/org-scan.js'
import { mergeReports } from '../../src/inventory/merge.js'
import { formatInventoryMarkdown } from '../../src/inventory/format.js'
import { runCli } from '../../src/cli.js'

const CORPUS = '../shared/corpus/workflows'
const FALLBACK = [
  'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${{ secrets.DISPATCH_PAT }}\n          repository: octo/docs\n          event-type: go\n',
  'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh issue comment 1 --body hi\n        env:\n          GH_TOKEN: ${{ secrets.BOT_PAT }}\n',
  'on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n',
]
const templates = existsSync(CORPUS) ? readdirSync(CORPUS).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8')) : FALLBACK

function synthetic(count: number, owner = 'octo'): FakeRepo[] {
  return Array.from({ length: count }, (_, i) => {
    const files: Record<string, string> = {}
    for (let k = 0; k <= i % 3; k++) files[`.github/workflows/w${k}.yml`] = templates[(i * 3 + k) % templates.length]
    if (i % 10 === 0) files['.github/actions/setup/action.yml'] = 'name: setup\nruns:\n  using: composite\n  steps:\n    - run: make setup\n      shell: bash\n'
    return { owner, name: `repo-${String(i).padStart(4, '0')}`, branch: i % 7 === 0 ? 'trunk' : 'main', archived: false, files }
  })
}

let gh: FakeOrg
let scratch: string
beforeEach(async () => {
  gh = new FakeOrg()
  await gh.start()
  scratch = mkdtempSync(join(tmpdir(), 'pat-lint-org-'))
})
afterEach(async () => {
  await gh.stop()
  rmSync(scratch, { recursive: true, force: true })
})

const client = () => createClient('ghs_test', { baseUrl: gh.url, retries: 3, retryBaseMs: 5, timeoutMs: 10_000, maxWaitSeconds: 5 })

describe('an organization of 1,000 repositories', () => {
  it('reports every reachable repository once, lists the one deleted mid-scan, and stays within 3 calls a repository', async () => {
    for (const r of synthetic(1000)) gh.add(r)
    // A rate limit on the second listing page, server errors on two trees, a secondary limit on GraphQL.
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    gh.faults.push({ route: 'GET /orgs/octo/repos', status: 403, times: 1, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded' } })
    gh.faults.push({ route: 'GET /repos/octo/repo-0003/git/trees', status: 502, times: 2 })
    gh.faults.push({ route: 'GET /repos/octo/repo-0500/git/trees', status: 500, times: 1 })
    gh.faults.push({ route: 'POST /graphql', status: 403, times: 1, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } })
    const c = client()
    // The listing is rate limited once: the limit is waited out and the page asked again.
    const repos = await listRepositories(c, 'octo')
    const listed = gh.requests.filter((r) => r.startsWith('GET /orgs/octo/repos')).length
    expect(repos).toHaveLength(1000)
    expect(listed).toBe(11)

    let done = 0
    const records: ScanRecord[] = await scanRemoteRepositories(c, repos, {
      scratch,
      server: 'https://github.com',
      concurrency: 8,
      onRecord: () => {
        // While the scan runs: a repository not yet read is deleted, another is archived.
        if (++done === 100) {
          gh.repos.get('octo/repo-0900')!.deleted = true
          gh.repos.get('octo/repo-0901')!.archived = true
        }
      },
    })
    expect(records).toHaveLength(1000)
    expect(new Set(records.map((r) => r.repository)).size).toBe(1000)
    expect(records.filter((r) => r.failed).map((r) => r.repository)).toEqual(['octo/repo-0900'])
    const inventory = mergeReports(records.map((r) => ({ source: r.name, text: r.json })))
    expect(inventory.repositories).toHaveLength(999)
    expect(inventory.failures).toEqual([{ repository: 'octo/repo-0900', source: 'octo+repo-0900.json', reason: expect.stringMatching(/not found/) }])
    // Each report linted the workflows it was given.
    const first = JSON.parse(records[2].json)
    expect(first.files).toEqual(['.github/workflows/w0.yml', '.github/workflows/w1.yml', '.github/workflows/w2.yml'])
    // Calls: the root tree and the .github tree of each repository, and one GraphQL query for the
    // files of up to 100; the retries of the injected faults on top.
    const rest = gh.requests.filter((r) => r.startsWith('GET /repos/'))
    const queries = gh.requests.filter((r) => r.startsWith('POST /graphql'))
    expect(rest.length).toBeLessThanOrEqual(2 * 1000 + 3)
    expect(queries.length).toBeLessThanOrEqual(1000 / 100 + 2)
    expect((rest.length + queries.length) / 1000).toBeLessThanOrEqual(2.02)
  }, 120_000)
})

describe('incremental scans', () => {
  it('a repository whose .github tree and requirements did not change is not read again', async () => {
    for (const r of synthetic(5)) gh.add(r)
    const c = client()
    const repos = await listRepositories(c, 'octo')
    const first = await scanRemoteRepositories(c, repos, { scratch, server: 'https://github.com', concurrency: 2 })
    const byName = new Map(first.map((r) => [r.repository, r]))
    const previous = (repository: string) => {
      const r = byName.get(repository)
      return r ? { fingerprint: JSON.parse(r.json).scan.fingerprint as string, json: r.json } : undefined
    }
    gh.repos.get('octo/repo-0001')!.files['.github/workflows/w0.yml'] = templates[0] + '\n# changed\n'
    gh.requests = []
    const second = await scanRemoteRepositories(c, repos, { scratch, server: 'https://github.com', concurrency: 2, previous })
    expect(second.filter((r) => r.unchanged).map((r) => r.repository)).toEqual(['octo/repo-0000', 'octo/repo-0002', 'octo/repo-0003', 'octo/repo-0004'])
    // Unchanged: the root tree only. Changed: both trees, and its files in the one query made.
    expect(gh.callsPer('octo/repo-0000')).toBe(1)
    expect(gh.callsPer('octo/repo-0001')).toBe(3)
    expect(gh.requests.filter((r) => r.startsWith('POST /graphql'))).toEqual(['POST /graphql octo/repo-0001 '])
  })
})

describe('what the API gives is untrusted', () => {
  it('a listed name that is no repository name (it would become a file name) is not scanned', async () => {
    gh.add({ owner: 'octo', name: 'fine', branch: 'main', archived: false, files: {} })
    gh.add({ owner: 'octo', name: '../../etc', branch: 'main', archived: false, files: {} })
    gh.add({ owner: 'octo', name: '..', branch: 'main', archived: false, files: {} })
    expect((await listRepositories(client(), 'octo')).map((r) => r.name)).toEqual(['fine'])
  })

  it('a path leading out of the scratch folder, or a symbolic link, is not written or followed', async () => {
    gh.add({ owner: 'octo', name: 'evil', branch: 'main', archived: false, files: { '.github/workflows/../../../escape.yml': 'x: 1', '.github/workflows/ok.yml': FALLBACK[1] } })
    const [record] = await scanRemoteRepositories(client(), [{ owner: 'octo', name: 'evil', defaultBranch: 'main' }], { scratch, server: 'https://github.com', concurrency: 1 })
    expect(record.failed).toBe(false)
    expect(JSON.parse(record.json).files).toEqual(['.github/workflows/ok.yml'])
    expect(existsSync(join(scratch, '..', 'escape.yml'))).toBe(false)
  })
})

describe('pat-lint scan --repos / --org', () => {
  it('writes a report per repository and a failure record for one that is not there', async () => {
    for (const r of synthetic(2)) gh.add(r)
    const out = join(scratch, 'reports')
    const result = await runCli(['scan', '--repos', 'octo/repo-0000,octo/repo-0001 octo/gone', '--out', out], { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: gh.url })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('2 of 3 repositories scanned')
    expect(readdirSync(out).sort()).toEqual(['octo+gone.json', 'octo+repo-0000.json', 'octo+repo-0001.json'])
    expect(JSON.parse(readFileSync(join(out, 'octo+gone.json'), 'utf8')).failed).toMatch(/not found/)
    // The token never reaches a report.
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toContain('ghs_test')
  })

  it('needs a token, and names what it cannot list', async () => {
    expect((await runCli(['scan', '--org', 'octo', '--out', scratch], {})).code).toBe(2)
    const missing = await runCli(['scan', '--org', 'nobody', '--out', join(scratch, 'r')], { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: gh.url })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('cannot list the repositories of nobody')
    expect(parseRepositoryList('octo/a, octo/../x bad').invalid).toEqual(['octo/../x', 'bad'])
    // A shard as list writes it: default branches ride along (a branch may hold a comma).
    expect(parseRepositoryList('octo/a@main octo/b@release,2024').repos).toEqual([{ owner: 'octo', name: 'a', defaultBranch: 'main' }, { owner: 'octo', name: 'b', defaultBranch: 'release,2024' }])
  })
})

describe("an organization's fine-grained token grants", () => {
  const grant = (id: number, tokenName: string, selection: 'all' | 'subset', permissions: Record<string, string>, expires: string | null) => ({
    id, owner: { login: 'alice' }, repository_selection: selection, repositories_url: '', permissions: { repository: { metadata: 'read', ...permissions }, organization: {} },
    access_granted_at: '2026-01-01T00:00:00Z', token_id: id, token_name: tokenName, token_expired: false, token_expires_at: expires, token_last_used_at: '2026-11-30T10:00:00Z',
  })

  it('are joined by name with what the workflows need: this grant reaches 40 repositories, the workflows need 1', async () => {
    gh.grants = [
      { grant: grant(1, 'bot-pat', 'subset', { contents: 'write', issues: 'write', administration: 'write' }, null), repositories: Array.from({ length: 40 }, (_, i) => `octo/repo-${String(i).padStart(4, '0')}`) },
      { grant: grant(2, 'laptop', 'all', { contents: 'read' }, '2027-01-01T00:00:00Z'), repositories: [] },
    ]
    const out = join(scratch, 'grants.json')
    const fetched = await runCli(['grants', '--org', 'octo', '--out', out], { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: gh.url })
    expect(fetched.code).toBe(0)
    const report = { source: 'octo+app.json', text: JSON.stringify({ version: 1, repository: 'octo/repo-0001', tokens: [{ secret: 'BOT_PAT', declared: false, githubTokenWouldDo: true, minimal: { issues: 'write' }, minimalScopes: ['repo'], repositories: [], ownRepository: true, type: null, requested: null, uses: [{ file: '.github/workflows/ci.yml', line: 8, target: 'run', githubTokenWouldDo: true }] }], findings: [], errors: [] }) }
    const inv = mergeReports([report], [{ source: out, text: readFileSync(out, 'utf8') }])
    const [bot, laptop] = inv.grants!
    expect(bot.matchedSecret).toBe('BOT_PAT')
    expect(bot.repositories).toHaveLength(40)
    expect(bot.excess).toEqual({ repositories: 39, permissions: ['administration: write', 'contents: write'] })
    expect(laptop.matchedSecret).toBeNull()
    expect(laptop.excess).toBeNull()
    const table = formatInventoryMarkdown(inv)
    expect(table).toContain('### Fine-grained token grants')
    expect(table).toMatch(/`bot-pat` \| alice \| 40 \| .*\| \*\*never\*\* \|.*`BOT_PAT` \| 1 repositories; issues: write \| 39 repositories; administration: write; contents: write \|/)
  })

  it('only a GitHub App may list them: any other token is told so', async () => {
    const result = await runCli(['grants', '--org', 'octo', '--out', join(scratch, 'g.json')], { GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: gh.url })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/only a GitHub App's installation token/)
    expect(result.stderr).not.toContain('ghp_test')
  })
})
