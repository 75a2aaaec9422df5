/**
 * Fine-grained token grants joined with the inventory (issue 20): GitHub lists each token's name,
 * owner, repositories and permissions, but not the secret holding it. A grant is matched to the
 * organization's secret of the same name (case and separators aside, and a trailing _PAT or
 * _TOKEN on either), the only link the two share; the report says "matched by name" and lists
 * the grants no secret matches rather than guess.
 */
import { levelRank, type PermissionSet } from '../knowledge/permissions.js'
import type { GrantReport, GrantsFile, SecretInventory } from './model.js'

/** A name as it is compared: upper case, runs of other characters as one _, no trailing _PAT/_TOKEN. */
export function nameKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/_(?:PAT|TOKEN|GH_TOKEN|GITHUB_TOKEN)$/, '')
}

/** Permissions granted above the level needed (metadata, which every grant has, aside). */
function excessPermissions(granted: Record<string, string>, needed: PermissionSet): string[] {
  return Object.entries(granted)
    .filter(([perm, level]) => perm !== 'metadata' && levelRank(level) > levelRank(needed[perm] ?? ''))
    .map(([perm, level]) => `${perm}: ${level}`)
    .sort()
}

export function joinGrants(files: readonly GrantsFile[], secrets: readonly SecretInventory[]): GrantReport[] {
  const out: GrantReport[] = []
  for (const file of files) {
    const byName = new Map<string, SecretInventory>()
    for (const s of secrets) if (s.owner.toLowerCase() === file.organization.toLowerCase()) byName.set(nameKey(s.secret), s)
    for (const grant of file.grants) {
      const secret = byName.get(nameKey(grant.tokenName)) ?? null
      const needs = secret ? { repositories: secret.reaches, permissions: secret.minimal } : null
      let excess: GrantReport['excess'] = null
      if (needs) {
        const beyond = grant.repositories === 'all' ? 'all' : grant.repositories.filter((r) => !needs.repositories.some((n) => n.toLowerCase() === r.toLowerCase())).length
        excess = { repositories: beyond, permissions: excessPermissions({ ...grant.permissions.repository, ...grant.permissions.organization }, needs.permissions) }
      }
      out.push({ ...grant, organization: file.organization, matchedSecret: secret?.secret ?? null, needs, excess })
    }
  }
  return out.sort((a, b) => a.organization.localeCompare(b.organization) || a.tokenName.localeCompare(b.tokenName) || a.id - b.id)
}
