/**
 * The fine-grained personal access tokens an organization has granted access to its resources
 * (GET /orgs/{org}/personal-access-tokens, then each grant's repositories when it selects some).
 * Only GitHub Apps may call these endpoints, with the organization permission "Personal access
 * tokens" (read): GitHub docs, REST API endpoints for personal access tokens.
 */
import type { Client } from './client.js'
import type { GrantsFile, PatGrant } from '../inventory/model.js'

/** Repositories listed per grant, at most: past it, the count is what matters. */
const MAX_REPOSITORIES = 1000

export class GrantsUnavailable extends Error {
  override name = 'GrantsUnavailable'
}

export async function fetchGrants(client: Client, org: string): Promise<GrantsFile> {
  let raw: Awaited<ReturnType<typeof client.rest.orgs.listPatGrants>>['data']
  try {
    raw = await client.paginate(client.rest.orgs.listPatGrants, { org, per_page: 100 })
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 403 || status === 401 || status === 404) {
      throw new GrantsUnavailable(`GitHub answered ${status} to GET /orgs/${org}/personal-access-tokens: only a GitHub App's installation token with the organization permission "Personal access tokens" (read) may list an organization's fine-grained token grants`)
    }
    throw e
  }
  const grants: PatGrant[] = []
  for (const g of raw) {
    let repositories: PatGrant['repositories'] = []
    if (g.repository_selection === 'all') repositories = 'all'
    else if (g.repository_selection === 'subset') {
      const listed: string[] = []
      for await (const page of client.paginate.iterator(client.rest.orgs.listPatGrantRepositories, { org, pat_id: g.id, per_page: 100 })) {
        listed.push(...page.data.map((r) => r.full_name))
        if (listed.length >= MAX_REPOSITORIES) break
      }
      repositories = listed.sort()
    }
    grants.push({
      id: g.id,
      owner: g.owner.login,
      tokenName: g.token_name,
      repositories,
      permissions: { repository: g.permissions.repository ?? {}, organization: g.permissions.organization ?? {} },
      expired: g.token_expired,
      expiresAt: g.token_expires_at,
      lastUsedAt: g.token_last_used_at,
    })
  }
  return { version: 1, organization: org, grants }
}
