/**
 * One authenticated GET of the live check, written for a token that is not ours to lose: sent only
 * to the configured API's origin over https (http only to a loopback address, as the tests' stand-in
 * is), redirects followed by hand and only within that origin, 5xx retried a few times, and no
 * error text that could hold the value (fetch's own messages can quote a header) passed on.
 */
import { TOOL_VERSION } from '../version.js'

export interface LiveHttpOptions {
  /** The API's base URL (GITHUB_API_URL, else https://api.github.com). */
  apiUrl: string
  timeoutMs?: number
  /** Further tries after a 5xx or a dropped connection. */
  retries?: number
  retryBaseMs?: number
  fetch?: typeof fetch
}

export type LiveAnswer =
  | { ok: true; status: number; headers: Headers; body: unknown }
  | { ok: false; problem: string }

const MAX_REDIRECTS = 3
const MAX_BODY_BYTES = 1024 * 1024
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Why the API URL may not carry a token, or null when it may. */
export function unsafeApiUrl(apiUrl: string): string | null {
  let url: URL
  try {
    url = new URL(apiUrl)
  } catch {
    return 'the API URL (GITHUB_API_URL) is not a URL'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null
  return 'the API URL (GITHUB_API_URL) is not https: pat-lint sends no token in the clear'
}

/**
 * Whether a value can travel in an Authorization header as it is: visible ASCII, no spaces.
 * A secret saved with a trailing newline fails here, which is worth saying on its own.
 */
export function sendable(value: string): boolean {
  return /^[\x21-\x7e]{1,1024}$/.test(value)
}

/** Replaces every occurrence of the value: the last guard before anything is said. */
export function redact(text: string, value: string): string {
  return value ? text.split(value).join('***') : text
}

function describeFailure(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: unknown } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'no answer in time'
  const code = typeof err?.cause?.code === 'string' ? err.cause.code : undefined
  return code ? `the connection failed (${code})` : 'the connection failed'
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  if (!text || Buffer.byteLength(text) > MAX_BODY_BYTES) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** GET `path` (from the API's base) with the token; the answer, or in words why there is none. */
export async function getWithToken(path: string, token: string, options: LiveHttpOptions): Promise<LiveAnswer> {
  const unsafe = unsafeApiUrl(options.apiUrl)
  if (unsafe) return { ok: false, problem: unsafe }
  if (!sendable(token)) return { ok: false, problem: 'the value cannot be sent in a header' }
  const base = new URL(options.apiUrl.replace(/\/+$/, '') + '/')
  const doFetch = options.fetch ?? fetch
  const retries = options.retries ?? 2
  let url = new URL(path.replace(/^\/+/, ''), base)
  let redirects = 0
  for (let attempt = 0; ; ) {
    let response: Response
    try {
      response = await doFetch(url, {
        method: 'GET',
        redirect: 'manual',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': `pat-lint/${TOOL_VERSION}`,
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      })
    } catch (e) {
      if (attempt++ < retries) {
        await sleep((options.retryBaseMs ?? 1000) * 2 ** (attempt - 1))
        continue
      }
      return { ok: false, problem: redact(describeFailure(e), token) }
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel().catch(() => {})
      let next: URL
      try {
        next = new URL(response.headers.get('location')!, url)
      } catch {
        return { ok: false, problem: `the API answered ${response.status} with a location that is not a URL` }
      }
      // Another origin gets nothing: not the token, not even a request.
      if (next.origin !== base.origin) return { ok: false, problem: `the API redirected to another host (${next.host}); pat-lint did not follow with the token` }
      if (++redirects > MAX_REDIRECTS) return { ok: false, problem: `the API redirected more than ${MAX_REDIRECTS} times` }
      url = next
      continue
    }
    if (response.status >= 500 && attempt++ < retries) {
      await response.body?.cancel().catch(() => {})
      await sleep((options.retryBaseMs ?? 1000) * 2 ** (attempt - 1))
      continue
    }
    return { ok: true, status: response.status, headers: response.headers, body: await readBody(response) }
  }
}
