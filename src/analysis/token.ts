/** Per token: the minimal permission set over its uses, classic scopes, and the overall verdict. */
import { classicScopesFor, normaliseScopes } from '../knowledge/classic-scopes.js'
import type { PermissionSet } from '../knowledge/permissions.js'
import { mergePermissions } from './decide.js'
import { NO_FINE_GRAINED } from '../knowledge/permissions.js'
import type { Memo } from './memo.js'
import type { UseDecision } from './types.js'
import { listed, MAX_OWNERS_NAMED } from '../limits.js'
import { because, type Reason } from '../knowledge/reasons.js'

export interface TokenVerdict {
  /** true when every use could take GITHUB_TOKEN; false when one needs a PAT; null when unsure. */
  githubTokenWouldDo: boolean | null
  /** Union of the uses' needs, highest level per permission (metadata: read is implicit). */
  minimal: PermissionSet
  /** The minimal classic scopes for the same job. */
  minimalScopes: string[]
  /** A fine-grained token can do every use (no Packages, Checks, user-owned Projects). */
  fineGrainedPossible: boolean
  /** Other repositories the token acts on. */
  repositories: string[]
  /** Some use acts on the repository running the workflow. */
  ownRepository: boolean
  /** Every use's needs are known: the minimal set is complete, not a lower bound. */
  complete: boolean
  classicOnly: Reason[]
}

/**
 * `self` is the repository running the workflows (owner/name), when known. The verdict of a token
 * with a single use is remembered by its decision: callers of one reusable workflow share theirs.
 */
export function tokenVerdict(decisions: UseDecision[], self: string | null, memo: Memo): TokenVerdict {
  if (decisions.length !== 1) return verdictOf(decisions, self)
  const bySelf = memo.once('verdict of a single use', decisions[0], () => new Map<string | null, TokenVerdict>())
  let verdict = bySelf.get(self)
  if (!verdict) bySelf.set(self, (verdict = verdictOf(decisions, self)))
  return verdict
}

/**
 * Classic scopes for the token. A call whose scopes its action documents (winget-releaser:
 * `public_repo`, for a public repository) is taken at its word; the permissions no other call
 * needs are not widened to `repo`, which pat-lint would ask for only because it cannot see
 * whether a repository is public.
 */
function minimalScopesOf(decisions: UseDecision[], minimal: PermissionSet): string[] {
  const calls = decisions.flatMap((d) => d.calls)
  const documented = calls.filter((c) => c.classicScopes?.length)
  const generic: PermissionSet = {}
  for (const [perm, level] of Object.entries(minimal)) {
    const byOthers = calls.some((c) => !c.classicScopes?.length && perm in c.permissions)
    if (byOthers || !documented.some((c) => perm in c.permissions)) generic[perm] = level
  }
  return normaliseScopes([...classicScopesFor(generic), ...documented.flatMap((c) => c.classicScopes!)])
}

function verdictOf(decisions: UseDecision[], self: string | null): TokenVerdict {
  const minimal: PermissionSet = {}
  for (const d of decisions) mergePermissions(minimal, d.needs)
  const verdicts = decisions.map((d) => d.githubTokenWouldDo)
  const githubTokenWouldDo = verdicts.includes(false) ? false : verdicts.length && verdicts.every((v) => v === true) ? true : null
  // The same reason from several uses is said once.
  const classicOnly = [...new Map(decisions.flatMap((d) => d.classicOnly).map((r) => [r.text, r])).values()]
  // One fine-grained token serves one resource owner (R18).
  const ownRepository = decisions.some((d) => d.calls.some((c) => c.target.kind === 'same'))
  const owners = new Set(decisions.flatMap((d) => d.repositories).map((r) => r.split('/')[0].toLowerCase()))
  if (ownRepository && self) owners.add(self.split('/')[0].toLowerCase())
  if (owners.size > 1) {
    classicOnly.push(because(`it reaches repositories of ${owners.size} owners (${listed([...owners].sort(), MAX_OWNERS_NAMED)}), and a fine-grained token serves one owner`, 'R18'))
  }
  const fineGrainedPossible = classicOnly.length === 0 && !Object.keys(minimal).some((p) => NO_FINE_GRAINED.has(p))
  return {
    githubTokenWouldDo,
    minimal,
    minimalScopes: minimalScopesOf(decisions, minimal),
    fineGrainedPossible,
    repositories: [...new Set(decisions.flatMap((d) => d.repositories))].sort(),
    ownRepository,
    complete: decisions.every((d) => d.unknown.length === 0 && d.githubTokenWouldDo !== null),
    classicOnly,
  }
}
