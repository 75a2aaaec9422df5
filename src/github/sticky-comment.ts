/**
 * One comment per pull request, found by its hidden marker among the comments written by the
 * same identity: created when first needed, updated in place, left alone when unchanged.
 */
import type { Client } from './client.js'
import { COMMENT_MARKER } from '../report/comment.js'

export interface StickyTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type StickyOutcome = { action: 'created' | 'updated' | 'unchanged'; url: string } | { action: 'skipped'; url: null }

/** The login that writes comments with this token: the PAT's user, or the Actions bot for GITHUB_TOKEN. */
export async function commentIdentity(octokit: Client): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch {
    // Installation tokens (GITHUB_TOKEN, App tokens) have no user: GET /user answers 403.
    return 'github-actions[bot]'
  }
}

export async function findComment(octokit: Client, target: StickyTarget, identity: string): Promise<{ id: number; body: string; url: string } | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 })
  for await (const page of pages) {
    for (const c of page.data) {
      if (c.body?.includes(COMMENT_MARKER) && c.user?.login === identity) return { id: c.id, body: c.body, url: c.html_url }
    }
  }
  return null
}

/**
 * Writes `body`. With `onlyIfExists` (an all-clear message), nothing is created where there was
 * no comment before: an all-clear needs saying only to replace an earlier verdict.
 */
export async function upsertComment(octokit: Client, target: StickyTarget, body: string, onlyIfExists: boolean): Promise<StickyOutcome> {
  const identity = await commentIdentity(octokit)
  const existing = await findComment(octokit, target, identity)
  if (!existing) {
    if (onlyIfExists) return { action: 'skipped', url: null }
    const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body })
    return { action: 'created', url: data.html_url }
  }
  if (existing.body.trim() === body.trim()) return { action: 'unchanged', url: existing.url }
  const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body })
  return { action: 'updated', url: data.html_url }
}
