/**
 * Lints repositories without a checkout (issue 20): per repository the root tree (one call, not
 * recursive: a monorepo's full tree is megabytes), the `.github` tree (one call, recursive), and
 * the files pat-lint reads through GraphQL (blobs by `branch:path`, many repositories a query), written to a scratch
 * directory and linted as a checkout is. The `.github` tree's SHA and the requirements file's
 * blob SHA fingerprint everything read: a repository whose fingerprint matches its previous
 * report is not read again. A repository that cannot be read becomes a failure record.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Client } from './client.js'
import type { RepositoryToScan } from './org-list.js'
import { lint, validatorFor } from '../lint.js'
import { formatJson } from '../report/json.js'
import { oneLine } from '../report/escape.js'
import { DEFAULT_REQUIREMENTS_PATHS } from '../requirements/load.js'
import { describeApiError } from './review.js'

/** What the scan reads under `.github`: workflows (GitHub runs only those directly in the folder) and local actions. */
const WORKFLOW = /^workflows\/[^/]+\.ya?ml$/
const LOCAL_ACTION = /(?:^|\/)action\.ya?ml$/
/** Files read per repository, at most; a larger blob is not a workflow anyone wrote by hand. */
export const MAX_FILES = 300
export const MAX_FILE_BYTES = 1024 * 1024

export interface ScanRecord {
  repository: string
  /** `owner+name.json`. */
  name: string
  json: string
  failed: boolean
  /** Reused from the previous scan: the fingerprint had not changed. */
  unchanged?: boolean
}

/** What a previous scan left: its report of a repository, whose `scan.fingerprint` is compared. */
export type PreviousReports = (repository: string) => { fingerprint: string; json: string } | undefined

interface Blob {
  text: string | null
  isTruncated: boolean
  isBinary: boolean | null
}

/** A path from the API is written only when it stays inside the scratch directory. */
function safePath(path: string): boolean {
  return path.length <= 4096 && !path.includes('\\') && !path.includes('\0') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
}

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status
}

function why(e: unknown): string {
  const code = status(e)
  if (code === 404) return 'not found (deleted, renamed, or not visible to this token)'
  if (code === 403 || code === 451) return `not readable with this token (HTTP ${code})`
  return oneLine(describeApiError(e).split('\n')[0]).slice(0, 300)
}

/** A repository whose files are to be read and linted. */
interface Plan {
  index: number
  repository: string
  name: string
  owner: string
  repo: string
  branch: string
  paths: string[]
  fingerprint: string
  notices: string[]
}

/** Repositories, and files, one GraphQL query reads at most. */
export const REPOSITORIES_PER_QUERY = 100
export const FILES_PER_QUERY = 300
/** Repositories planned at once: trees are read for these before their files, which bounds what is held. */
const CHUNK = 100

function failureRecord(repository: string, reason: string): ScanRecord {
  return { repository, name: `${repository.replace('/', '+')}.json`, failed: true, json: JSON.stringify({ version: 1, repository, failed: reason }, null, 2) + '\n' }
}

/** The trees of one repository: what to read, or the record when there is nothing to read (unchanged, failed). */
async function plan(client: Client, repo: RepositoryToScan, index: number, previous?: PreviousReports): Promise<Plan | ScanRecord> {
  const repository = `${repo.owner}/${repo.name}`
  const name = `${repo.owner}+${repo.name}.json`
  try {
    const branch = repo.defaultBranch ?? (await client.rest.repos.get({ owner: repo.owner, repo: repo.name })).data.default_branch
    const notices: string[] = []
    const wanted: string[] = []
    let fingerprint = ''
    try {
      const { data: top } = await client.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: branch })
      for (const entry of top.tree) {
        if (entry.type === 'blob' && entry.path && DEFAULT_REQUIREMENTS_PATHS.includes(entry.path) && entry.mode !== '120000') {
          wanted.push(entry.path)
          fingerprint += `${entry.path}@${entry.sha} `
        }
      }
      const github = top.tree.find((e) => e.path === '.github' && e.type === 'tree')
      if (github?.sha) fingerprint += `.github@${github.sha}`
      const known = previous?.(repository)
      if (known && known.fingerprint === fingerprint) return { repository, name, json: known.json, failed: false, unchanged: true }
      if (github?.sha) {
        const { data: sub } = await client.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: github.sha, recursive: 'true' })
        if (sub.truncated) notices.push('its .github folder is too large for the API to list whole: some workflows may not be read')
        for (const entry of sub.tree) {
          // Symbolic links (mode 120000) are not followed: their target may be anywhere.
          if (entry.type !== 'blob' || !entry.path || entry.mode === '120000') continue
          if (!WORKFLOW.test(entry.path) && !LOCAL_ACTION.test(entry.path) && !DEFAULT_REQUIREMENTS_PATHS.includes(`.github/${entry.path}`)) continue
          if ((entry.size ?? 0) > MAX_FILE_BYTES) {
            notices.push(`.github/${oneLine(entry.path).slice(0, 200)} is larger than ${MAX_FILE_BYTES} bytes: not read`)
            continue
          }
          wanted.push(`.github/${entry.path}`)
        }
      }
    } catch (e) {
      // An empty repository has no tree (409): nothing to lint, which is an answer, not a failure.
      if (status(e) !== 409) throw e
    }
    const paths = wanted.filter(safePath)
    if (paths.length > MAX_FILES) notices.push(`${paths.length} files to read, more than the ${MAX_FILES} read per repository: the rest is not linted`)
    return { index, repository, name, owner: repo.owner, repo: repo.name, branch, paths: paths.slice(0, MAX_FILES), fingerprint, notices }
  } catch (e) {
    return failureRecord(repository, why(e))
  }
}

/**
 * The files of several repositories in one GraphQL query (GitHub's client allows one such query a
 * second): owners, names and `branch:path` expressions in variables, never in the query text. A
 * repository GitHub cannot resolve (deleted since its trees were read) comes back null.
 */
async function readFiles(client: Client, plans: readonly Plan[]): Promise<Map<Plan, Map<string, Blob | null> | null>> {
  const vars: Record<string, string> = {}
  const declared: string[] = []
  const parts = plans.map((p, i) => {
    vars[`o${i}`] = p.owner
    vars[`n${i}`] = p.repo
    declared.push(`$o${i}: String!`, `$n${i}: String!`)
    const fields = p.paths.map((path, j) => {
      vars[`e${i}_${j}`] = `${p.branch}:${path}`
      declared.push(`$e${i}_${j}: String!`)
      return `f${j}: object(expression: $e${i}_${j}) { ... on Blob { text isTruncated isBinary } }`
    })
    return `r${i}: repository(owner: $o${i}, name: $n${i}) { ${fields.join(' ') || '__typename'} }`
  })
  const query = `query(${declared.join(', ')}) { ${parts.join(' ')} }`
  let data: Record<string, Record<string, Blob | null> | null>
  try {
    data = await client.graphql<typeof data>(query, vars)
  } catch (e) {
    // Partial data: the repositories it could not resolve are null, the others are read.
    const partial = (e as { data?: typeof data }).data
    if (!partial) throw e
    data = partial
  }
  const out = new Map<Plan, Map<string, Blob | null> | null>()
  plans.forEach((p, i) => {
    const repo = data[`r${i}`]
    out.set(p, repo ? new Map(p.paths.map((path, j) => [path, repo[`f${j}`] ?? null])) : null)
  })
  return out
}

/** Writes the files read into a scratch checkout and lints it as a checkout is linted. */
async function lintPlan(p: Plan, blobs: Map<string, Blob | null>, scratch: string, server: string): Promise<ScanRecord> {
  const root = mkdtempSync(join(scratch, 'repo-'))
  try {
    const notices = [...p.notices]
    for (const [path, blob] of blobs) {
      if (!blob || blob.isBinary || blob.text === null || blob.isTruncated) {
        if (blob) notices.push(`${oneLine(path).slice(0, 200)} could not be read whole through the API: not linted`)
        continue
      }
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), blob.text)
    }
    const report = lint(root, { repository: p.repository, validate: await validatorFor(root, {}) })
    const json = JSON.parse(formatJson(report, server)) as Record<string, unknown>
    json.notices = [...(json.notices as string[]), ...notices]
    json.scan = { branch: p.branch, fingerprint: p.fingerprint }
    return { repository: p.repository, name: p.name, failed: false, json: JSON.stringify(json, null, 2) + '\n' }
  } catch (e) {
    return failureRecord(p.repository, `not linted: ${oneLine((e as Error).message).slice(0, 300)}`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** Plans in query-sized groups: at most REPOSITORIES_PER_QUERY repositories and FILES_PER_QUERY files each. */
function batches(plans: readonly Plan[]): Plan[][] {
  const out: Plan[][] = []
  let current: Plan[] = []
  let files = 0
  for (const p of plans) {
    if (current.length && (current.length >= REPOSITORIES_PER_QUERY || files + p.paths.length > FILES_PER_QUERY)) {
      out.push(current)
      current = []
      files = 0
    }
    current.push(p)
    files += p.paths.length
  }
  if (current.length) out.push(current)
  return out
}

async function pool<T, R>(items: readonly T[], concurrency: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await run(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return results
}

/**
 * Scans `repos`: trees with at most `concurrency` requests in flight, then the files of up to
 * REPOSITORIES_PER_QUERY repositories a query, then the lint. Records come back in the order given.
 */
export async function scanRemoteRepositories(client: Client, repos: readonly RepositoryToScan[], options: { scratch: string; server: string; concurrency: number; previous?: PreviousReports; onRecord?: (r: ScanRecord) => void }): Promise<ScanRecord[]> {
  const records: ScanRecord[] = new Array(repos.length)
  const done = (i: number, r: ScanRecord) => {
    records[i] = r
    options.onRecord?.(r)
  }
  for (let start = 0; start < repos.length; start += CHUNK) {
    const planned = await pool(repos.slice(start, start + CHUNK), options.concurrency, (repo, i) => plan(client, repo, start + i, options.previous))
    const toRead: Plan[] = []
    for (const [i, p] of planned.entries()) {
      if ('json' in p) done(start + i, p)
      else toRead.push(p)
    }
    for (const batch of batches(toRead)) {
      let read: Map<Plan, Map<string, Blob | null> | null>
      try {
        read = await readFiles(client, batch)
      } catch (e) {
        for (const p of batch) done(p.index, failureRecord(p.repository, why(e)))
        continue
      }
      for (const p of batch) {
        const blobs = read.get(p)
        done(p.index, blobs ? await lintPlan(p, blobs, options.scratch, options.server) : failureRecord(p.repository, 'not found (deleted, renamed, or not visible to this token)'))
      }
    }
  }
  return records
}
