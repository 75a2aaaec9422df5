/**
 * The repositories an inventory covers (issue 20): an organization's (or a user's) listed through
 * the API, 100 a page, or the repositories named one by one. The listing gives each repository's
 * default branch, which the scan reads, so a listed repository costs no call of its own here.
 */
import type { Client } from './client.js'

export interface RepositoryToScan {
  owner: string
  name: string
  /** null when not listed (`--repos`): the scan asks the repository for it. */
  defaultBranch: string | null
  archived?: boolean
}

const REPOSITORY = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})(?:@([^\s\x00-\x1f\x7f]{1,255}))?$/

/**
 * `owner/a,owner/b`, or `owner/a@main owner/b@trunk` as `list` writes a shard (with its default
 * branch, which spares the scan a call): whitespace separates entries, and so do commas in an
 * entry without a branch (a branch name may hold a comma). Returns the entries that are not
 * OWNER/NAME[@BRANCH] apart.
 */
export function parseRepositoryList(text: string): { repos: RepositoryToScan[]; invalid: string[] } {
  const repos: RepositoryToScan[] = []
  const invalid: string[] = []
  const seen = new Set<string>()
  const items = text.split(/\s+/).filter(Boolean).flatMap((t) => (t.includes('@') ? [t] : t.split(',').filter(Boolean)))
  for (const item of items) {
    const m = REPOSITORY.exec(item)
    if (!m || m[2] === '.' || m[2] === '..') {
      invalid.push(item)
      continue
    }
    if (seen.has(`${m[1]}/${m[2]}`.toLowerCase())) continue
    seen.add(`${m[1]}/${m[2]}`.toLowerCase())
    repos.push({ owner: m[1], name: m[2], defaultBranch: m[3] ?? null })
  }
  return { repos, invalid }
}

/**
 * Every repository of `owner`: the organization's, else (a 404) the user's. Forks are kept: their
 * workflows run as any other repository's. A repository listed on two pages (one created while
 * the listing ran shifts the pages) is kept once.
 */
export async function listRepositories(client: Client, owner: string): Promise<RepositoryToScan[]> {
  const toScan = (r: { name: string; owner: { login: string }; default_branch?: string; archived?: boolean }): RepositoryToScan => ({ owner: r.owner.login, name: r.name, defaultBranch: r.default_branch ?? null, archived: !!r.archived })
  let listed: RepositoryToScan[]
  try {
    listed = (await client.paginate(client.rest.repos.listForOrg, { org: owner, type: 'all', per_page: 100 })).map(toScan)
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e
    listed = (await client.paginate(client.rest.repos.listForUser, { username: owner, type: 'owner', per_page: 100 })).map(toScan)
  }
  // Names become file names: one that is not a GitHub owner/name (from a misbehaving server) is not scanned.
  const byName = new Map(listed.filter((r) => REPOSITORY.test(`${r.owner}/${r.name}`) && r.name !== '.' && r.name !== '..').map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]))
  return [...byName.values()].sort((a, b) => `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`))
}

/** GitHub runs at most 256 jobs a matrix. */
export const MAX_SHARDS = 256

/**
 * The repositories split into `shards` for a matrix (round robin, so that no shard holds only the
 * largest names' neighbours), as `strategy.matrix` takes it: `{ include: [{ shard, repos }] }`.
 */
export function matrixOf(repos: readonly RepositoryToScan[], shards: number): { include: { shard: number; repos: string }[] } {
  const count = Math.max(1, Math.min(shards, MAX_SHARDS, repos.length))
  const groups: string[][] = Array.from({ length: count }, () => [])
  repos.forEach((r, i) => groups[i % count].push(`${r.owner}/${r.name}${r.defaultBranch ? `@${r.defaultBranch}` : ''}`))
  return { include: groups.filter((g) => g.length).map((g, i) => ({ shard: i + 1, repos: g.join(' ') })) }
}
