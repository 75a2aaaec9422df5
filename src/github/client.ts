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
}

export function createClient(token: string, options: ClientOptions = {}): Client {
  const log = options.log ?? (() => {})
  const retries = options.retries ?? 3
  return getOctokit(
    token,
    {
      retry: { retries, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      throttle: {
        onRateLimit: (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
          log(`rate limited on ${req.method} ${req.url}; retrying after ${after}s`)
          return count < retries
        },
        onSecondaryRateLimit: (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
          log(`secondary rate limit on ${req.method} ${req.url}; retrying after ${after}s`)
          return count < retries
        },
      },
    },
    retry,
    throttling,
  )
}
