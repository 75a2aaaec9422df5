/**
 * `pat-lint scan --org OWNER` / `--repos LIST`: lists the repositories and scans each through the
 * API (github/org-scan.ts), with the token in GITHUB_TOKEN or GH_TOKEN and the API at
 * GITHUB_API_URL. Loaded only for these commands, so no other run loads the API client.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createClient } from './github/client.js'
import { listRepositories, matrixOf, MAX_SHARDS, parseRepositoryList, type RepositoryToScan } from './github/org-list.js'
import { scanRemoteRepositories, type PreviousReports } from './github/org-scan.js'
import { fetchGrants, GrantsUnavailable } from './github/pat-grants.js'

export interface RemoteScanArgs {
  org?: string
  repos?: string
  out: string
  concurrency: string
  previous?: string
}

/** GitHub's primary rate limit resets hourly: a scan of thousands of repositories waits it out rather than fail them. */
const SCAN_MAX_WAIT_SECONDS = 3600
const MAX_CONCURRENCY = 16
const MAX_PREVIOUS_BYTES = 64 * 1024 * 1024

/** The previous scan's reports by repository, with the fingerprint each was made from; read when it matches. */
function previousReports(dir: string): PreviousReports {
  const byRepository = new Map<string, { fingerprint: string; file: string }>()
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = join(dir, f)
    try {
      if (statSync(file).size > MAX_PREVIOUS_BYTES) continue
      const json = JSON.parse(readFileSync(file, 'utf8')) as { repository?: unknown; scan?: { fingerprint?: unknown } }
      if (typeof json.repository === 'string' && typeof json.scan?.fingerprint === 'string') byRepository.set(json.repository.toLowerCase(), { fingerprint: json.scan.fingerprint, file })
    } catch {
      /* a report that cannot be read is scanned again */
    }
  }
  return (repository) => {
    const known = byRepository.get(repository.toLowerCase())
    return known ? { fingerprint: known.fingerprint, json: readFileSync(known.file, 'utf8') } : undefined
  }
}

export async function scanRemote(args: RemoteScanArgs, env: NodeJS.ProcessEnv, server: string, usage: (m: string) => never): Promise<{ code: number; stdout: string; stderr: string }> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) usage('scan --org / --repos needs a token in GITHUB_TOKEN or GH_TOKEN')
  const concurrency = Number(args.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) usage(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`)
  if (args.org !== undefined && !/^[A-Za-z0-9-]{1,39}$/.test(args.org)) usage('--org must be an organization or user name')
  if (args.previous !== undefined && !existsSync(args.previous)) usage(`--previous ${args.previous} does not exist`)
  const log: string[] = []
  const client = createClient(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: (m) => log.push(m), maxWaitSeconds: SCAN_MAX_WAIT_SECONDS })
  let repos: RepositoryToScan[] = []
  if (args.repos !== undefined) {
    const parsed = parseRepositoryList(args.repos)
    if (parsed.invalid.length) usage(`--repos: not OWNER/NAME: ${parsed.invalid.slice(0, 3).join(', ')}`)
    repos = parsed.repos
  }
  if (args.org !== undefined) {
    try {
      repos = [...repos, ...(await listRepositories(client, args.org))]
    } catch (e) {
      return { code: 1, stdout: '', stderr: `pat-lint: cannot list the repositories of ${args.org}: ${(e as Error).message.split('\n')[0]}\n` }
    }
  }
  const out = resolve(args.out)
  mkdirSync(out, { recursive: true })
  const scratch = mkdtempSync(join(tmpdir(), 'pat-lint-scan-'))
  let failed = 0
  let unchanged = 0
  try {
    await scanRemoteRepositories(client, repos, {
      scratch,
      server,
      concurrency,
      previous: args.previous ? previousReports(args.previous) : undefined,
      onRecord: (r) => {
        writeFileSync(join(out, r.name), r.json)
        if (r.failed) failed++
        if (r.unchanged) unchanged++
      },
    })
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  const lines = [...log, `${repos.length - failed} of ${repos.length} repositories scanned (${unchanged} unchanged since the previous scan), ${failed} not read; reports in ${args.out}`]
  return { code: 0, stdout: '', stderr: lines.join('\n') + '\n' }
}

/** `pat-lint list --org OWNER [--shards N]`: the matrix a reusable workflow fans the scan out over, on stdout. */
export async function listForMatrix(org: string, shards: string, env: NodeJS.ProcessEnv, usage: (m: string) => never): Promise<{ code: number; stdout: string; stderr: string }> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) usage('list needs a token in GITHUB_TOKEN or GH_TOKEN')
  if (!/^[A-Za-z0-9-]{1,39}$/.test(org)) usage('--org must be an organization or user name')
  const count = Number(shards)
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) usage(`--shards must be a whole number from 1 to ${MAX_SHARDS}`)
  const log: string[] = []
  const client = createClient(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: (m) => log.push(m), maxWaitSeconds: SCAN_MAX_WAIT_SECONDS })
  try {
    const repos = await listRepositories(client, org)
    const matrix = matrixOf(repos, count)
    return { code: 0, stdout: `${JSON.stringify(matrix)}\n`, stderr: [...log, `${repos.length} repositories of ${org} in ${matrix.include.length} shards`].join('\n') + '\n' }
  } catch (e) {
    return { code: 1, stdout: '', stderr: `pat-lint: cannot list the repositories of ${org}: ${(e as Error).message.split('\n')[0]}\n` }
  }
}

/** `pat-lint grants --org ORG --out FILE`: the organization's fine-grained token grants, for `merge --grants`. */
export async function writeGrants(org: string, file: string, env: NodeJS.ProcessEnv, usage: (m: string) => never): Promise<{ code: number; stdout: string; stderr: string }> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) usage('grants needs a GitHub App installation token in GITHUB_TOKEN or GH_TOKEN')
  if (!/^[A-Za-z0-9-]{1,39}$/.test(org)) usage('--org must be an organization name')
  const client = createClient(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', maxWaitSeconds: SCAN_MAX_WAIT_SECONDS })
  try {
    const grants = await fetchGrants(client, org)
    writeFileSync(resolve(file), JSON.stringify(grants, null, 2) + '\n')
    return { code: 0, stdout: '', stderr: `${grants.grants.length} fine-grained token grants of ${org} written to ${file}\n` }
  } catch (e) {
    const message = e instanceof GrantsUnavailable ? e.message : `cannot list the fine-grained token grants of ${org}: ${(e as Error).message.split('\n')[0]}`
    return { code: 1, stdout: '', stderr: `pat-lint: ${message}\n` }
  }
}
