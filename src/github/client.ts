/**
 * The octokit client: @actions/github's (base URL from GITHUB_API_URL, so GitHub Enterprise
 * Server works unchanged) with retries on 5xx and on rate limits, never on other 4xx.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Client = ReturnType<typeof getOctokit>

export interface ClientOptions {
  /** Where to say that a request is retried. */
  log?: (message: string) => void
  /** Base of the retry back-off in milliseconds (octokit's default: 1000). */
  retryBaseMs?: number
  /** How many times to retry a request. */
  retries?: number
  /** How long one request may take, in milliseconds. */
  timeoutMs?: number
  /** The longest rate-limit wait pat-lint sits out, in seconds; past it the request fails. */
  maxWaitSeconds?: number
  /** The API's base URL when not the runner's (GITHUB_API_URL): the CLI passes its own environment's. */
  baseUrl?: string
}

/** One request may take this long: a stalled connection must not hold the step for an hour. */
export const REQUEST_TIMEOUT_MS = 30_000
/** A rate-limit reset further away than this is not waited for (GitHub's primary limit resets hourly). */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60

/** fetch with a timeout of its own for every request (a signal the caller gave still counts). */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return fetch(input, { ...init, signal })
  }
}

export function createClient(token: string, options: ClientOptions = {}): Client {
  const log = options.log ?? (() => {})
  const retries = options.retries ?? 3
  const maxWait = options.maxWaitSeconds ?? MAX_RATE_LIMIT_WAIT_SECONDS
  const onLimit = (kind: string) => (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
    if (after > maxWait) {
      log(`${kind} on ${req.method} ${req.url} resets in ${after}s, longer than pat-lint waits (${maxWait}s): giving up`)
      return false
    }
    log(`${kind} on ${req.method} ${req.url}; retrying after ${after}s`)
    return count < retries
  }
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: { fetch: fetchWithTimeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS) },
      retry: { retries, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      throttle: { onRateLimit: onLimit('rate limited'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    },
    retry,
    throttling,
  )
}
