/**
 * What a token's value and GitHub's answer to it tell without any permission: the kind from the
 * documented prefix, and the two headers GitHub sends on every authenticated API response.
 *
 * Sources: GitHub changelog 2021-03-31 "Authentication token format updates are generally
 * available" (ghp_ personal access tokens, gho_ OAuth app tokens, ghu_ GitHub App user-to-server,
 * ghs_ GitHub App server-to-server, which GITHUB_TOKEN is, ghr_ refresh tokens; before that 40
 * hex digits); GitHub Docs "Managing your personal access tokens" (fine-grained tokens start
 * github_pat_); GitHub Docs "Scopes for OAuth apps" (X-OAuth-Scopes lists a token's scopes);
 * GitHub changelog 2021-07-26 "Expiration options for personal access tokens" (the
 * GitHub-Authentication-Token-Expiration header, e.g. `2021-10-07 19:07:53 UTC`).
 */
import type { TokenKind } from '../types.js'

const PREFIXES: readonly (readonly [string, TokenKind])[] = [
  ['github_pat_', 'fine-grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'app-user'],
  ['ghs_', 'installation'],
  ['ghr_', 'refresh'],
]

/** The kind of token a value is, by its prefix (`legacy`: the 40 hex digits of tokens made before April 2021). */
export function tokenKind(value: string): TokenKind {
  if (value === '') return 'empty'
  for (const [prefix, kind] of PREFIXES) if (value.startsWith(prefix)) return kind
  return /^[0-9a-f]{40}$/.test(value) ? 'legacy' : 'unknown'
}

/** Words for a kind, as findings name it. */
export const KIND_NAMES: Readonly<Record<TokenKind, string>> = {
  'fine-grained': 'a fine-grained personal access token (github_pat_)',
  classic: 'a classic personal access token (ghp_)',
  legacy: 'an old-format token (40 hex digits, made before April 2021: a classic personal access token or an OAuth token)',
  oauth: 'an OAuth app token (gho_), such as `gh auth login` makes',
  'app-user': 'a GitHub App user access token (ghu_)',
  installation: 'a GitHub App installation token (ghs_), which expires an hour after it is made',
  refresh: 'a GitHub App refresh token (ghr_), which the API does not accept',
  unknown: 'no GitHub token format',
  empty: 'nothing',
}

/** Kinds that are personal access tokens: what a requirements file declares. */
export function isPersonalAccessToken(kind: TokenKind): boolean {
  return kind === 'classic' || kind === 'fine-grained' || kind === 'legacy'
}

/** Whether a declared `type:` fits the kind (a legacy value is a classic token or an OAuth one: both have scopes). */
export function fitsDeclaredType(kind: TokenKind, type: 'fine-grained' | 'classic'): boolean {
  return type === 'fine-grained' ? kind === 'fine-grained' : kind === 'classic' || kind === 'legacy'
}

/**
 * GitHub-Authentication-Token-Expiration as a Date: `YYYY-MM-DD HH:MM:SS UTC` (or a numeric
 * offset); null for anything else, which the caller reports as unreadable, never as no expiry.
 */
export function parseExpiration(header: string): Date | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.exec(header)
  if (!m) return null
  const zone = /^(UTC|Z)$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const date = new Date(`${m[1]}T${m[2]}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** X-OAuth-Scopes as a list: comma-separated, possibly empty (a classic token with no scope). */
export function parseScopes(header: string): string[] {
  return header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
