/**
 * The pull-request review: reads the event, works out what the pull request newly requests, and
 * writes the sticky comment. Loaded only when a comment may be written, so runs that make no API
 * call do not pay for octokit. Never throws: problems come back as notices and warnings.
 */
import { posix } from 'node:path'
import type { Report } from '../report/model.js'
import { diffRequests, type RequestChange } from '../requirements/diff.js'
import { loadRequirements, loadValidator, parseRequirements, DEFAULT_REQUIREMENTS_PATHS } from '../requirements/load.js'
import { buildComment } from '../report/comment.js'
import type { FailOn } from '../report/severity.js'
import { baseRequirements } from './base-requirements.js'
import { createClient, type Client } from './client.js'
import { upsertComment } from './sticky-comment.js'
import { noPullRequestNotice, pullRequestOf } from './event.js'

export type CommentMode = 'auto' | 'always' | 'never'

export interface ReviewOptions {
  report: Report
  root: string
  /** Where `root` lies in the repository (the Action's `path` input), '' at its top. */
  pathInRepository?: string
  requirementsPath?: string
  token: string
  mode: CommentMode
  failOn: FailOn
  maxExpiryDays: number
  env: NodeJS.ProcessEnv
  log: (message: string) => void
}

export interface ReviewResult {
  commentUrl: string | null
  action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed'
  notices: string[]
  warnings: string[]
}

const PERMISSION_HINT = 'the token needs `pull-requests: write` (on pull requests from forks the token is read-only: run pat-lint on `pull_request_target`, which checks out nothing from the fork by itself)'

export async function reviewPullRequest(o: ReviewOptions): Promise<ReviewResult> {
  const result: ReviewResult = { commentUrl: null, action: 'skipped', notices: [], warnings: [] }
  if (o.mode === 'never') return result
  const pr = pullRequestOf(o.env)
  const [owner, repo] = (o.env.GITHUB_REPOSITORY ?? '').split('/')
  if (!pr || !owner || !repo) {
    result.notices.push(noPullRequestNotice(o.env))
    return result
  }
  if (!o.token) {
    result.warnings.push(`pat-lint could not comment: no github-token was given; ${PERMISSION_HINT}`)
    return result
  }
  let client: Client | undefined
  // The variables shorten the waits in tests; the defaults are the ones users get.
  const octokit = () => (client ??= createClient(o.token, { log: o.log, retryBaseMs: Number(o.env.PAT_LINT_RETRY_BASE_MS) || undefined, timeoutMs: Number(o.env.PAT_LINT_REQUEST_TIMEOUT_MS) || undefined }))

  // What the pull request newly requests: head against base.
  let changes: RequestChange[] | null = null
  // Head and base are compared in what they request: both are read through the schema.
  const validate = await loadValidator()
  const head = loadRequirements(o.root, o.requirementsPath, validate)
  if (pr.baseSha) {
    const path = head.path ?? o.requirementsPath ?? DEFAULT_REQUIREMENTS_PATHS[0]
    // `sha:path` in git and the contents API both name paths from the repository's top.
    const inRepository = posix.join(o.pathInRepository || '.', path)
    const base = await baseRequirements({ root: o.root, sha: pr.baseSha, path: inRepository, owner, repo, octokit })
    if (base) changes = diffRequests(base.found ? parseRequirements(path, base.text, validate).tokens : [], head.tokens)
  }

  const body = buildComment(o.report, {
    server: o.env.GITHUB_SERVER_URL || 'https://github.com',
    repository: `${owner}/${repo}`,
    headSha: pr.headSha,
    failOn: o.failOn,
    changes,
    maxExpiryDays: o.maxExpiryDays,
  })
  const allClear = !o.report.findings.length && !(changes ?? []).length
  try {
    const outcome = await upsertComment(octokit(), { owner, repo, issueNumber: pr.number }, body, o.mode === 'auto' && allClear)
    result.action = outcome.action
    result.commentUrl = outcome.url
  } catch (e) {
    const status = (e as { status?: number }).status
    result.action = 'failed'
    result.warnings.push(
      status === 403 || status === 404
        ? `pat-lint could not write its pull-request comment (HTTP ${status}): ${PERMISSION_HINT}`
        : `pat-lint could not write its pull-request comment: ${describeApiError(e)}`,
    )
  }
  return result
}

/**
 * What went wrong with a request, for a user: the status and GitHub's own message where there is
 * one. octokit's message for a body that is not JSON (an HTML error page from a proxy) is about
 * its own parsing ("Cannot use 'in' operator …"), and a timeout is an AbortSignal's.
 */
export function describeApiError(e: unknown): string {
  const err = e as { status?: number; name?: string; message?: string; response?: { data?: unknown }; cause?: { name?: string } }
  // octokit wraps an aborted fetch in a 500 whose cause is the AbortSignal's TimeoutError.
  if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError' || /aborted due to timeout/i.test(err.message ?? '')) return 'the API did not answer in time'
  if (typeof err.status === 'number' && err.status > 0) {
    const data = err.response?.data
    const said = data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string' ? `: ${(data as { message: string }).message}` : ' (the answer was not GitHub\'s JSON)'
    return `HTTP ${err.status}${said}`
  }
  return err.message ?? String(e)
}
