/**
 * The live check (issue 21): what GitHub says about each token the workflow hands pat-lint, read
 * without writing anything. One GET /rate_limit per token (it costs no rate limit and answers any
 * valid token; GET /user where GitHub Enterprise Server has no rate limits to report) gives whether GitHub accepts it, its expiry and, for classic tokens, its scopes;
 * then one GET /repos/{owner}/{repo} per repository it should reach tells whether it sees it.
 * The value goes into the Authorization header of these requests and nowhere else: what comes
 * back is plain data (types.ts LiveCheck) with no trace of it.
 */
import { isPersonalAccessToken, parseExpiration, parseScopes, tokenKind } from '../knowledge/token-formats.js'
import type { LiveCheck, LiveRepository } from '../types.js'
import { getWithToken, redact, sendable, type LiveAnswer, type LiveHttpOptions } from './live-request.js'

export interface LiveTarget {
  secret: string
  /** The value from the environment; undefined or '' when the workflow did not pass it. */
  value: string | undefined
  /** `owner/name` of the repositories the token is declared for or used on. */
  repositories: readonly string[]
}

export interface LiveCheckOptions extends LiveHttpOptions {
  now?: () => Date
  /** Repositories read per token at most; the rest are counted. */
  maxRepositories?: number
  /** How long the whole check may take, in milliseconds; what is left then is said to be unchecked. */
  budgetMs?: number
}

export const MAX_LIVE_REPOSITORIES = 20
/** Tokens checked in one run at most: each costs up to 21 requests. */
export const MAX_LIVE_TOKENS = 50
/** The whole check's time: a stalled API must not hold the step for the length of every timeout. */
export const LIVE_CHECK_BUDGET_MS = 180_000
/** GitHub's message for a 403 is quoted at most this long. */
const MAX_DETAIL = 200

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/

function message(body: unknown): string | undefined {
  const m = (body as { message?: unknown } | null)?.message
  return typeof m === 'string' ? m.slice(0, MAX_DETAIL) : undefined
}

function rateLimited(answer: Extract<LiveAnswer, { ok: true }>): boolean {
  return answer.status === 429 || (answer.status === 403 && answer.headers.get('x-ratelimit-remaining') === '0')
}

/** What one answer says about a repository's visibility to the token. */
function repositoryAccess(repository: string, answer: LiveAnswer, value: string): LiveRepository {
  if (!answer.ok) return { repository, access: 'failed', detail: answer.problem }
  if (answer.status === 200) return { repository, access: (answer.body as { private?: unknown } | null)?.private === true ? 'private' : 'public' }
  if (answer.status === 404) return { repository, access: 'not-visible' }
  if (answer.status === 403 && answer.headers.has('x-github-sso')) return { repository, access: 'sso' }
  if (rateLimited(answer)) return { repository, access: 'failed', detail: 'rate limited' }
  const detail = message(answer.body)
  if (answer.status === 403) return { repository, access: 'forbidden', ...(detail ? { detail: redact(detail, value) } : {}) }
  return { repository, access: 'failed', detail: `GitHub answered ${answer.status}` }
}

/** Checks one token: its value never leaves this function except as the header of a request. */
export async function checkToken(target: LiveTarget, options: LiveCheckOptions, deadline = Number.POSITIVE_INFINITY): Promise<LiveCheck> {
  const value = target.value ?? ''
  const kind = tokenKind(value)
  const base: LiveCheck = { secret: target.secret, kind, checkedAt: (options.now?.() ?? new Date()).toISOString(), outcome: 'not-set' }
  if (kind === 'empty') return base
  if (!sendable(value)) return { ...base, kind: 'unknown', outcome: 'not-sent', problem: 'the value holds spaces, line breaks or characters an HTTP header cannot carry (a secret saved with a trailing newline, say)' }
  if (kind === 'unknown') return { ...base, outcome: 'not-sent', problem: 'the value is in no GitHub token format (github_pat_, ghp_, gho_, ghu_, ghs_, or 40 hex digits): pat-lint sends nothing else to GitHub' }
  if (kind === 'refresh') return { ...base, outcome: 'not-sent', problem: 'a refresh token (ghr_) is no access token: the API does not accept it' }
  if (Date.now() >= deadline) return { ...base, outcome: 'failed', problem: OUT_OF_TIME }

  let answer = await getWithToken('/rate_limit', value, options)
  // GitHub Enterprise Server answers 404 there when its rate limits are off (their default):
  // GET /user authenticates the same way (an installation token, which has no user, gets a 403).
  if (answer.ok && answer.status === 404) answer = await getWithToken('/user', value, options)
  if (!answer.ok) return { ...base, outcome: 'failed', problem: answer.problem }
  if (answer.status === 401) return { ...base, outcome: 'rejected' }
  if (rateLimited(answer)) return { ...base, outcome: 'failed', problem: 'GitHub rate-limited the check' }
  if (answer.status !== 200 && !(answer.status === 403 && kind === 'installation')) return { ...base, outcome: 'failed', problem: `GitHub answered ${answer.status}` }

  const out: LiveCheck = { ...base, outcome: 'accepted' }
  const expiration = answer.headers.get('github-authentication-token-expiration')
  if (expiration === null) out.expiresAt = isPersonalAccessToken(kind) ? null : undefined
  else {
    const date = parseExpiration(expiration)
    if (date) out.expiresAt = date.toISOString()
    else out.problem = 'GitHub sent an expiration date pat-lint cannot read'
  }
  if (out.expiresAt === undefined) delete out.expiresAt
  const scopes = answer.headers.get('x-oauth-scopes')
  out.scopes = scopes === null ? null : parseScopes(scopes)

  const wanted = [...new Set(target.repositories.filter((r) => REPOSITORY.test(r)).map((r) => r.toLowerCase()))]
  const limit = options.maxRepositories ?? MAX_LIVE_REPOSITORIES
  if (wanted.length) {
    out.repositories = []
    for (const repository of wanted.slice(0, limit)) {
      if (Date.now() >= deadline) {
        out.repositories.push({ repository, access: 'failed', detail: OUT_OF_TIME })
        continue
      }
      const [owner, name] = repository.split('/')
      const read = await getWithToken(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`, value, options)
      out.repositories.push(repositoryAccess(repository, read, value))
    }
    if (wanted.length > limit) out.repositoriesNotChecked = wanted.length - limit
  }
  return out
}

const OUT_OF_TIME = 'the live check ran out of time before reading it'

/**
 * Checks each token in turn (a handful of requests: no need to press the API in parallel), within
 * the time budget; past MAX_LIVE_TOKENS the names are said to be unchecked.
 */
export async function checkTokens(targets: readonly LiveTarget[], options: LiveCheckOptions): Promise<LiveCheck[]> {
  const deadline = Date.now() + (options.budgetMs ?? LIVE_CHECK_BUDGET_MS)
  const out: LiveCheck[] = []
  for (const [i, t] of targets.entries()) {
    if (i < MAX_LIVE_TOKENS) out.push(await checkToken(t, options, deadline))
    else out.push({ secret: t.secret, kind: tokenKind(t.value ?? ''), checkedAt: (options.now?.() ?? new Date()).toISOString(), outcome: 'failed', problem: `past the ${MAX_LIVE_TOKENS} tokens one run checks` })
  }
  return out
}
