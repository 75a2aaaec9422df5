/**
 * The live check's requests against a local stand-in for GitHub's API: each header combination,
 * revoked tokens, 5xx, redirects within the API and to another host, stalls, and values that must
 * never be sent.
 */
import { jest } from '@jest/globals'
import { checkToken, checkTokens, type LiveCheckOptions } from '../../src/github/live-check.js'
import { redact, unsafeApiUrl } from '../../src/github/live-request.js'
import { parseExpiration, parseScopes, tokenKind } from '../../src/knowledge/token-formats.js'
import { FakeTokens, OtherHost } from '../e2e/fake-tokens.js'

const CLASSIC = 'ghp_' + 'C'.repeat(36)
const FINE = 'github_pat_' + 'F'.repeat(22) + '_' + 'f'.repeat(59)
const APP = 'ghs_' + 'S'.repeat(36)
const OLD = 'a1'.repeat(20)
const NOW = new Date('2026-12-06T12:00:00Z')

let gh: FakeTokens
let other: OtherHost
let options: LiveCheckOptions

beforeEach(async () => {
  gh = new FakeTokens()
  other = new OtherHost()
  await Promise.all([gh.start(), other.start()])
  options = { apiUrl: gh.url, retryBaseMs: 1, now: () => NOW, timeoutMs: 2000 }
})
afterEach(async () => Promise.all([gh.stop(), other.stop()]))

const check = (value: string | undefined, repositories: string[] = []) => checkToken({ secret: 'A_PAT', value, repositories }, options)

describe('what GitHub says of a token', () => {
  it('reads a classic token\'s expiry and scopes', async () => {
    gh.tokens.set(CLASSIC, { expiration: '2026-12-10 08:00:00 UTC', scopes: 'repo, workflow' })
    expect(await check(CLASSIC)).toEqual({ secret: 'A_PAT', kind: 'classic', checkedAt: NOW.toISOString(), outcome: 'accepted', expiresAt: '2026-12-10T08:00:00.000Z', scopes: ['repo', 'workflow'] })
    expect(gh.seen).toEqual([{ line: 'GET /rate_limit', authorization: `Bearer ${CLASSIC}` }])
  })

  it('a fine-grained token has no scopes header; a PAT without an expiry header never expires', async () => {
    gh.tokens.set(FINE, {})
    expect(await check(FINE)).toMatchObject({ kind: 'fine-grained', outcome: 'accepted', expiresAt: null, scopes: null })
  })

  it('a classic token with no scope sends an empty header', async () => {
    gh.tokens.set(CLASSIC, { scopes: '' })
    expect((await check(CLASSIC)).scopes).toEqual([])
  })

  it('an installation token without the header has no expiry to speak of', async () => {
    gh.tokens.set(APP, {})
    const c = await check(APP)
    expect(c).toMatchObject({ kind: 'installation', outcome: 'accepted' })
    expect('expiresAt' in c).toBe(false)
  })

  it('an expiry it cannot read is said, not taken for none', async () => {
    gh.tokens.set(CLASSIC, { expiration: 'soon', scopes: 'repo' })
    const c = await check(CLASSIC)
    expect(c.outcome).toBe('accepted')
    expect('expiresAt' in c).toBe(false)
    expect(c.problem).toMatch(/expiration date/)
  })

  it('where /rate_limit is not there (GitHub Enterprise Server without rate limits), reads GET /user', async () => {
    gh.tokens.set(CLASSIC, { noRateLimit: true, scopes: 'repo', expiration: '2027-01-01 00:00:00 UTC' })
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'accepted', scopes: ['repo'], expiresAt: '2027-01-01T00:00:00.000Z' })
    expect(gh.seen.map((s) => s.line)).toEqual(['GET /rate_limit', 'GET /user'])
  })

  it('a 401 is a rejected token', async () => {
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'rejected', kind: 'classic' })
  })

  it('a rate limit is no verdict', async () => {
    gh.tokens.set(CLASSIC, { status: 429 })
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'failed', problem: 'GitHub rate-limited the check' })
  })
})

describe('faults', () => {
  it('retries a 5xx, then answers', async () => {
    gh.tokens.set(CLASSIC, { failFirst: 2, scopes: 'repo' })
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'accepted', scopes: ['repo'] })
    expect(gh.seen.filter((s) => s.line === 'GET /rate_limit')).toHaveLength(3)
  })

  it('gives up after the retries with the status, no verdict', async () => {
    gh.tokens.set(CLASSIC, { failFirst: 10 })
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'failed', problem: 'GitHub answered 502' })
  })

  it('never follows a redirect to another host: that host gets no request at all', async () => {
    gh.tokens.set(CLASSIC, { redirectTo: `${other.url}/rate_limit` })
    const c = await check(CLASSIC, ['o/r'])
    expect(c.outcome).toBe('failed')
    expect(c.problem).toMatch(/redirected to another host \(127\.0\.0\.1:\d+\); pat-lint did not follow/)
    expect(other.received).toEqual([])
  })

  it('follows a redirect within the API (a renamed repository) with the token', async () => {
    gh.tokens.set(CLASSIC, { scopes: 'repo', repos: { 'o/old': 'moved' } })
    expect((await check(CLASSIC, ['o/old'])).repositories).toEqual([{ repository: 'o/old', access: 'private' }])
    expect(gh.seen.map((s) => s.line)).toEqual(['GET /rate_limit', 'GET /repos/o/old', 'GET /repositories/42'])
  })

  it('a stalled API is no answer in time', async () => {
    gh.tokens.set(CLASSIC, { stall: true })
    options.timeoutMs = 200
    options.retries = 0
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'failed', problem: 'no answer in time' })
  })

  it('stops within its time budget: what is left is said to be unchecked', async () => {
    gh.tokens.set(CLASSIC, { stall: true })
    gh.tokens.set(FINE, {})
    const started = Date.now()
    const [first, second] = await checkTokens([{ secret: 'A', value: CLASSIC, repositories: [] }, { secret: 'B', value: FINE, repositories: [] }], { ...options, timeoutMs: 300, retries: 0, budgetMs: 200 })
    expect(first).toMatchObject({ outcome: 'failed', problem: 'no answer in time' })
    expect(second).toMatchObject({ outcome: 'failed', problem: expect.stringMatching(/ran out of time/) })
    expect(gh.seen.filter((s) => s.authorization === `Bearer ${FINE}`)).toEqual([])
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('sends nothing over plain http to anything but a loopback address', async () => {
    const fetch = jest.fn<typeof globalThis.fetch>()
    options = { ...options, apiUrl: 'http://api.example.com', fetch }
    expect(await check(CLASSIC)).toMatchObject({ outcome: 'failed', problem: expect.stringMatching(/not https/) })
    expect(fetch).not.toHaveBeenCalled()
    expect(unsafeApiUrl('https://ghe.example.com/api/v3')).toBeNull()
    expect(unsafeApiUrl('http://127.0.0.1:8080')).toBeNull()
  })
})

describe('values that are not sent', () => {
  it.each([
    ['not set', undefined, 'not-set'],
    ['empty', '', 'not-set'],
    ['a trailing newline', `${CLASSIC}\n`, 'not-sent'],
    ['no token format', 'npm_abcdefghijklmnopqrstuvwxyz0123456789', 'not-sent'],
    ['a refresh token', 'ghr_' + 'R'.repeat(36), 'not-sent'],
  ])('%s', async (_name, value, outcome) => {
    const c = await check(value)
    expect(c.outcome).toBe(outcome)
    expect(gh.seen).toEqual([])
    expect(JSON.stringify(c)).not.toContain(value || 'never')
  })
})

describe('repositories', () => {
  it('one read each: seen, public, not selected, SSO, refused; past the limit counted', async () => {
    gh.tokens.set(FINE, { expiration: '2027-01-30 00:00:00 UTC', repos: { 'o/private': 'private', 'o/public': 'public', 'o/sso': 'sso', 'o/refused': 'forbidden' } })
    options.maxRepositories = 5
    const c = await check(FINE, ['o/private', 'O/Public', 'o/hidden', 'o/sso', 'o/refused', 'o/sixth', 'not a repository'])
    expect(c.repositories).toEqual([
      { repository: 'o/private', access: 'private' },
      { repository: 'o/public', access: 'public' },
      { repository: 'o/hidden', access: 'not-visible' },
      { repository: 'o/sso', access: 'sso' },
      { repository: 'o/refused', access: 'forbidden', detail: expect.stringMatching(/^organization forbids/) },
    ])
    expect(c.repositoriesNotChecked).toBe(1)
  })

  it('reads no repository for a rejected token', async () => {
    await check(CLASSIC, ['o/r'])
    expect(gh.seen.map((s) => s.line)).toEqual(['GET /rate_limit'])
  })
})

describe('token facts', () => {
  it.each([
    [CLASSIC, 'classic'],
    [FINE, 'fine-grained'],
    ['gho_' + 'x'.repeat(36), 'oauth'],
    ['ghu_' + 'x'.repeat(36), 'app-user'],
    [APP, 'installation'],
    [OLD, 'legacy'],
    ['A'.repeat(40), 'unknown'],
    ['', 'empty'],
  ])('%s is %s', (value, kind) => expect(tokenKind(value)).toBe(kind))

  it('reads the expiration header as GitHub writes it, with an offset, and nothing else', () => {
    expect(parseExpiration('2021-10-07 19:07:53 UTC')?.toISOString()).toBe('2021-10-07T19:07:53.000Z')
    expect(parseExpiration('2021-10-07 19:07:53 +0200')?.toISOString()).toBe('2021-10-07T17:07:53.000Z')
    expect(parseExpiration('next week')).toBeNull()
    expect(parseExpiration('2021-13-45 99:00:00 UTC')).toBeNull()
  })

  it('splits scopes, empty for none', () => {
    expect(parseScopes('repo, admin:org ,workflow')).toEqual(['repo', 'admin:org', 'workflow'])
    expect(parseScopes('')).toEqual([])
  })

  it('redacts every occurrence of a value', () => {
    expect(redact(`a ${CLASSIC} b ${CLASSIC}`, CLASSIC)).toBe('a *** b ***')
  })
})
