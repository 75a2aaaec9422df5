/**
 * Classic scopes for a set of fine-grained permissions. A classic token has no per-permission
 * grain: most repository permissions ride on `repo`; a few need their own scope. Implied scopes
 * are dropped using the parents GitHub documents (oauth-scopes: `repo` implies `public_repo`).
 */
import { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS, impliedScopes, type PermissionSet } from './permissions.js'

/** Scopes beyond `repo` that some permissions need (GitHub's scope descriptions in oauth-scopes). */
const SPECIAL: Record<string, { read: string; write: string }> = {
  workflows: { read: 'workflow', write: 'workflow' },
  packages: { read: 'read:packages', write: 'write:packages' },
  organization_projects: { read: 'read:project', write: 'project' },
  members: { read: 'read:org', write: 'write:org' },
  organization_administration: { read: 'read:org', write: 'admin:org' },
  organization_secrets: { read: 'admin:org', write: 'admin:org' },
  organization_actions_variables: { read: 'admin:org', write: 'admin:org' },
  organization_hooks: { read: 'admin:org_hook', write: 'admin:org_hook' },
  repository_hooks: { read: 'read:repo_hook', write: 'write:repo_hook' },
  gists: { read: 'gist', write: 'gist' },
  followers: { read: 'user:follow', write: 'user:follow' },
  emails: { read: 'user:email', write: 'user:email' },
  keys: { read: 'read:public_key', write: 'write:public_key' },
  gpg_keys: { read: 'read:gpg_key', write: 'write:gpg_key' },
  security_events: { read: 'security_events', write: 'security_events' },
}

/** Drops scopes implied by another one in the list, and sorts. */
export function normaliseScopes(scopes: Iterable<string>): string[] {
  const set = new Set(scopes)
  for (const s of [...set]) for (const implied of impliedScopes(s)) if (implied !== s) set.delete(implied)
  return [...set].filter((s) => CLASSIC_SCOPES[s]).sort()
}

/** The minimal classic scopes for the permissions (`workflow` also needs `repo` to push). */
export function classicScopesFor(perms: PermissionSet): string[] {
  const scopes = new Set<string>()
  for (const [perm, level] of Object.entries(perms)) {
    const special = SPECIAL[perm]
    if (special) scopes.add(level === 'read' ? special.read : special.write)
    if (perm === 'workflows' || (!special && FINE_GRAINED_PERMISSIONS[perm]?.kind === 'repository')) scopes.add('repo')
    if (perm === 'organization_projects' && Object.keys(perms).some((p) => FINE_GRAINED_PERMISSIONS[p]?.kind === 'repository')) scopes.add('repo')
  }
  return normaliseScopes(scopes)
}
