/** Typed access to GitHub's permission and scope names (generated from shared/data). */
import { BoundedMap } from '../bounded-map.js'
import { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS, GITHUB_TOKEN_KEYS } from './generated/permissions.js'

export { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS, GITHUB_TOKEN_KEYS }

/**
 * A GITHUB_TOKEN `permissions:` key -> its fine-grained permission (`pull-requests` ->
 * `pull_requests`; R20): the one map, with its inverse derived from it.
 */
export const FINE_GRAINED_OF_KEY: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(GITHUB_TOKEN_KEYS).filter(([, v]) => v.fineGrained).map(([k, v]) => [k, v.fineGrained!]),
)
export const KEY_OF_FINE_GRAINED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(FINE_GRAINED_OF_KEY).map(([key, fg]) => [fg, key]))

/** GITHUB_TOKEN keys that have no fine-grained PAT permission: only classic tokens or Apps reach them (R20). */
export const NO_FINE_GRAINED: ReadonlySet<string> = new Set(['packages', 'checks'])

export type Level = 'read' | 'write' | 'admin'
export type PermissionSet = Record<string, Level>

const RANK: Record<Level, number> = { read: 1, write: 2, admin: 3 }

export function levelRank(level: string): number {
  return RANK[level as Level] ?? 0
}

/** The higher of two levels (write includes read, admin includes write). */
export function maxLevel(a: Level | undefined, b: Level): Level {
  return a && RANK[a] >= RANK[b] ? a : b
}

export const PERMISSION_NAMES = Object.keys(FINE_GRAINED_PERMISSIONS).sort()
export const SCOPE_NAMES = Object.keys(CLASSIC_SCOPES).sort()

/** Every scope that `scope` implies, itself included (`repo` implies `public_repo`, …). */
const implied = new BoundedMap<string, Set<string>>(1024)
export function impliedScopes(scope: string): Set<string> {
  const known = implied.get(scope)
  if (known) return known
  const out = new Set([scope])
  implied.set(scope, out)
  let grew = true
  while (grew) {
    grew = false
    for (const [name, { parent }] of Object.entries(CLASSIC_SCOPES)) {
      if (parent && out.has(parent) && !out.has(name)) {
        out.add(name)
        grew = true
      }
    }
  }
  return out
}
