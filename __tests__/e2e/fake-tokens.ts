/**
 * A stand-in for what GitHub answers about tokens (the live check), on top of the pull-request
 * stand-in: GET /rate_limit and GET /repos/{owner}/{repo} answer by the Authorization header as
 * each token is set up (status, expiration and scopes headers, 5xx, redirects, SSO). Every request
 * is recorded with its Authorization header; `OtherHost` records whatever reaches it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { FakeGitHub } from './fake-github.js'
import { LocalServer } from './local-server.js'

export interface TokenSetup {
  /** Status of GET /rate_limit (200 unless given). */
  status?: number
  /** GitHub-Authentication-Token-Expiration, as GitHub writes it. */
  expiration?: string
  /** X-OAuth-Scopes; absent unless given ('' for a classic token with no scope). */
  scopes?: string
  /** Answer this many requests with 502 first. */
  failFirst?: number
  /** Answer GET /rate_limit with a redirect to this URL. */
  redirectTo?: string
  /** Never answer. */
  stall?: boolean
  /** GET /rate_limit answers 404, as GitHub Enterprise Server does with rate limits off; GET /user answers instead. */
  noRateLimit?: boolean
  /** Per repository (`owner/name`): what GET /repos answers. */
  repos?: Record<string, 'private' | 'public' | 'missing' | 'sso' | 'forbidden' | 'moved'>
}

export interface Seen {
  line: string
  authorization: string | undefined
}

export class FakeTokens extends FakeGitHub {
  tokens = new Map<string, TokenSetup>()
  seen: Seen[] = []

  protected async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url)
    const line = `${req.method} ${url.pathname}`
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? /^\/repositories\/(\d+)$/.exec(url.pathname)
    const authorization = req.headers.authorization
    this.seen.push({ line, authorization })
    const token = authorization?.replace(/^Bearer /, '') ?? ''
    const setup = this.tokens.get(token)
    const user = url.pathname === '/user' && !!setup?.noRateLimit
    if (req.method !== 'GET' || (url.pathname !== '/rate_limit' && !repo && !user)) return super.handle(req, res)
    this.requests.push(line)
    if (!setup) return this.send(res, 401, { message: 'Bad credentials' })
    if (setup.stall) return
    if (setup.failFirst) {
      setup.failFirst--
      return this.send(res, 502, { message: 'Server Error' })
    }
    const headers: Record<string, string> = { 'x-ratelimit-remaining': '4999' }
    if (setup.expiration !== undefined) headers['github-authentication-token-expiration'] = setup.expiration
    if (setup.scopes !== undefined) headers['x-oauth-scopes'] = setup.scopes
    if (user) return this.send(res, 200, { login: 'someone' }, headers)
    if (url.pathname === '/rate_limit') {
      if (setup.noRateLimit) return this.send(res, 404, { message: 'Not Found' })
      if (setup.redirectTo) {
        res.writeHead(302, { location: setup.redirectTo })
        return res.end()
      }
      return this.send(res, setup.status ?? 200, setup.status && setup.status !== 200 ? { message: 'Bad credentials' } : { resources: {} }, headers)
    }
    if (url.pathname.startsWith('/repositories/')) return this.send(res, 200, { full_name: 'moved/there', private: true }, headers)
    const name = `${repo![1]}/${repo![2]}`.toLowerCase()
    const access = setup.repos?.[name] ?? 'missing'
    if (access === 'private' || access === 'public') return this.send(res, 200, { full_name: name, private: access === 'private' }, headers)
    if (access === 'moved') {
      res.writeHead(301, { location: `${this.url}/repositories/42` })
      return res.end()
    }
    if (access === 'sso') return this.send(res, 403, { message: 'Resource protected by organization SAML enforcement.' }, { ...headers, 'x-github-sso': 'required; url=https://github.example/orgs/o/sso?authorization_request=x' })
    if (access === 'forbidden') return this.send(res, 403, { message: 'organization forbids access via a fine-grained personal access tokens if the token\'s lifetime is greater than 30 days' }, headers)
    return this.send(res, 404, { message: 'Not Found' }, headers)
  }
}

/** Another host: whatever reaches it is recorded, headers and all, and answered 200. */
export class OtherHost extends LocalServer {
  received: { line: string; headers: Record<string, string | string[] | undefined>; body: string }[] = []

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    this.received.push({ line: `${req.method} ${req.url}`, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
    return this.send(res, 200, { resources: {} }, { 'x-oauth-scopes': 'repo' })
  }
}
