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
  } catch (e) {
    // Installation tokens (GITHUB_TOKEN, App tokens) have no user: GET /user answers 403. Any other
    // failure says nothing of who we are: guessing would write a second comment under another name.
    if ((e as { status?: number }).status === 403) return 'github-actions[bot]'
    throw e
  }
}

interface Found {
  id: number
  body: string
  url: string
}

/** pat-lint's comments on the pull request by this identity, oldest first: the marker opens the body. */
export async function findComments(octokit: Client, target: StickyTarget, identity: string): Promise<Found[]> {
  const out: Found[] = []
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 })
  for await (const page of pages) {
    for (const c of page.data) {
      // A comment that merely quotes the marker (a reply, another tool's) is not ours.
      if (c.body?.startsWith(COMMENT_MARKER) && c.user?.login === identity) out.push({ id: c.id, body: c.body, url: c.html_url })
    }
  }
  return out.sort((a, b) => a.id - b.id)
}

/** Deletes all but the oldest of our comments (two runs at once may each have created one). */
async function keepOldest(octokit: Client, target: StickyTarget, found: Found[]): Promise<Found | undefined> {
  for (const extra of found.slice(1)) await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id })
  return found[0]
}

/**
 * Writes `body`. With `onlyIfExists` (an all-clear message), nothing is created where there was
 * no comment before: an all-clear needs saying only to replace an earlier verdict.
 */
export async function upsertComment(octokit: Client, target: StickyTarget, body: string, onlyIfExists: boolean): Promise<StickyOutcome> {
  const identity = await commentIdentity(octokit)
  let existing = await keepOldest(octokit, target, await findComments(octokit, target, identity))
  if (!existing) {
    if (onlyIfExists) return { action: 'skipped', url: null }
    await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body })
    // Another run may have created one at the same moment: list again and keep one.
    existing = await keepOldest(octokit, target, await findComments(octokit, target, identity))
    if (!existing) throw new Error('the comment pat-lint created is not listed')
    if (existing.body.trim() === body.trim()) return { action: 'created', url: existing.url }
  }
  if (existing.body.trim() === body.trim()) return { action: 'unchanged', url: existing.url }
  const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body })
  return { action: 'updated', url: data.html_url }
}
