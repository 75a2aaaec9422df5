/**
 * Pre-filled token creation links. Fine-grained: `<server>/settings/personal-access-tokens/new`
 * with name (at most 40 characters), description (at most 1024), target_name, expires_in (1-366
 * or none) and one parameter per permission at a level GitHub offers for it (its URL table).
 * Classic, only where fine-grained cannot do the job: `<server>/settings/tokens/new?scopes=…`.
 * The links cannot pick repositories; the comment says which to select.
 */
import { FINE_GRAINED_PERMISSIONS, levelRank, type Level, type PermissionSet } from '../knowledge/permissions.js'
import { byKey } from '../order.js'

export const MAX_NAME = 40
export const MAX_DESCRIPTION = 1024

/** Cuts text to `max` characters (not UTF-16 units), ending with … when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')]
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…'
}

/** The level to put in the link: the needed one if offered, else the lowest offered above it. */
export function offeredLevel(permission: string, needed: Level): Level | null {
  const levels = FINE_GRAINED_PERMISSIONS[permission]?.levels
  if (!levels?.length) return null
  if (levels.includes(needed)) return needed
  const above = levels.filter((l) => levelRank(l) > levelRank(needed)).sort((a, b) => levelRank(a) - levelRank(b))
  return above[0] ?? null
}

function base(server: string): string {
  return server.replace(/\/+$/, '')
}

export interface FineGrainedLinkOptions {
  server: string
  name: string
  description: string
  owner?: string | null
  expiresIn?: number | 'none'
  permissions: PermissionSet
}

export function fineGrainedLink(o: FineGrainedLinkOptions): string {
  const params = new URLSearchParams()
  params.set('name', truncate(o.name, MAX_NAME))
  params.set('description', truncate(o.description, MAX_DESCRIPTION))
  if (o.owner) params.set('target_name', o.owner)
  if (o.expiresIn !== undefined) {
    params.set('expires_in', o.expiresIn === 'none' ? 'none' : String(Math.min(366, Math.max(1, Math.round(o.expiresIn)))))
  }
  for (const [perm, needed] of Object.entries(o.permissions).sort(byKey)) {
    if (perm === 'metadata') continue // always granted
    const level = offeredLevel(perm, needed)
    if (level) params.set(perm, level)
  }
  return `${base(o.server)}/settings/personal-access-tokens/new?${params.toString()}`
}

export function classicLink(o: { server: string; scopes: string[]; description: string }): string {
  const scopes = o.scopes.map(encodeURIComponent).join(',')
  return `${base(o.server)}/settings/tokens/new?scopes=${scopes}&description=${encodeURIComponent(truncate(o.description, MAX_DESCRIPTION))}`
}
