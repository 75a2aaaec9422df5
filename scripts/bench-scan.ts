/**
 * npm run bench:scan [-- --repos N] [-- --runs R] [-- --concurrency C]
 *
 * Repositories per minute for one process scanning through the API (pat-lint scan --org), against
 * the local stand-in for GitHub the tests use (__tests__/e2e/fake-org.ts) serving N repositories
 * (default 1,000) built from ../shared/corpus. The stand-in answers at once, so the figure is the
 * process's own cost (reading, linting, writing) plus the one-query-a-second pace GitHub's
 * client keeps for GraphQL; the API's latency and rate limits on top are estimated in the README.
 * R rounds (default 3): the median round and the spread are printed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeOrg } from '../__tests__/e2e/fake-org.js'
import { createClient } from '../src/github/client.js'
import { listRepositories } from '../src/github/org-list.js'
import { scanRemoteRepositories } from '../src/github/org-scan.js'

const argv = process.argv.slice(2)
const flag = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback)
const REPOS = flag('--repos', 1000)
const RUNS = flag('--runs', 3)
const CONCURRENCY = flag('--concurrency', 8)

const corpus = join('..', 'shared', 'corpus', 'workflows')
if (!existsSync(corpus)) throw new Error(`${corpus} not found: the benchmark builds its repositories from real workflows`)
const templates = readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => readFileSync(join(corpus, f), 'utf8'))

const rounds: { seconds: number; rest: number; queries: number }[] = []
for (let round = 0; round < RUNS; round++) {
  const gh = new FakeOrg()
  await gh.start()
  for (let i = 0; i < REPOS; i++) {
    const files: Record<string, string> = {}
    for (let k = 0; k <= i % 3; k++) files[`.github/workflows/w${k}.yml`] = templates[(i * 3 + k) % templates.length]
    gh.add({ owner: 'octo', name: `repo-${i}`, branch: 'main', archived: false, files })
  }
  const scratch = mkdtempSync(join(tmpdir(), 'pat-lint-bench-scan-'))
  const client = createClient('ghs_bench', { baseUrl: gh.url, retries: 0 })
  const start = process.hrtime.bigint()
  const repos = await listRepositories(client, 'octo')
  const records = await scanRemoteRepositories(client, repos, { scratch, server: 'https://github.com', concurrency: CONCURRENCY })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (records.filter((r) => !r.failed).length !== REPOS) throw new Error('the scan lost repositories')
  rounds.push({ seconds, rest: gh.requests.filter((r) => r.startsWith('GET /repos/')).length, queries: gh.requests.filter((r) => r.startsWith('POST /graphql')).length })
  rmSync(scratch, { recursive: true, force: true })
  await gh.stop()
}
rounds.sort((a, b) => a.seconds - b.seconds)
const median = rounds[Math.floor(rounds.length / 2)]
const perMinute = (REPOS / median.seconds) * 60
console.log(`${REPOS} repositories, ${RUNS} rounds, concurrency ${CONCURRENCY}`)
console.log(`median ${median.seconds.toFixed(1)} s (${rounds.map((r) => r.seconds.toFixed(1)).join(', ')}): ${Math.round(perMinute)} repositories a minute`)
console.log(`calls: ${(median.rest / REPOS).toFixed(2)} REST a repository, ${median.queries} GraphQL queries (${(median.queries / REPOS).toFixed(3)} a repository)`)
// GitHub's client paces GraphQL at one query a second; the trees and the lint of a batch run within that second.
console.log(`${((median.seconds / REPOS) * 1000).toFixed(1)} ms a repository; ${median.queries} queries at one a second${median.seconds < median.queries * 1.2 ? ' bound the run: the process\'s own work fits under that pace' : ''}`)
