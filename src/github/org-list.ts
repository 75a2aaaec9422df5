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

const REPOSITORY = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/

/** `owner/a,owner/b` (spaces and newlines also separate); null for an entry that is not OWNER/NAME. */
export function parseRepositoryList(text: string): { repos: RepositoryToScan[]; invalid: string[] } {
  const repos: RepositoryToScan[] = []
  const invalid: string[] = []
  const seen = new Set<string>()
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const m = REPOSITORY.exec(item)
    if (!m || m[2] === '.' || m[2] === '..') {
      invalid.push(item)
      continue
    }
    if (seen.has(item.toLowerCase())) continue
    seen.add(item.toLowerCase())
    repos.push({ owner: m[1], name: m[2], defaultBranch: null })
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
  const byName = new Map(listed.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]))
  return [...byName.values()].sort((a, b) => `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`))
}
