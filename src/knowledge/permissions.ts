/** Typed access to GitHub's permission and scope names (generated from shared/data). */
import { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS, GITHUB_TOKEN_KEYS } from './generated/permissions.js'

export { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS, GITHUB_TOKEN_KEYS }

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
const implied = new Map<string, Set<string>>()
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
