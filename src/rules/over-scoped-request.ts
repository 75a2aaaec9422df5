import { impliedScopes, levelRank } from '../knowledge/permissions.js'
import { declaredAndUsed, type Rule, type RuleFinding } from './types.js'
import { listed, MAX_OWNERS_NAMED, MAX_REPOSITORIES_PER_TOKEN } from '../limits.js'
import { reachOf } from '../analysis/token-reach.js'

/**
 * The request in pat-requirements.yml grants more than the workflows need: a permission, a level,
 * a scope, repository access or an owner beyond the minimal set. Only asserted when every use of
 * the token is understood; otherwise the minimal set is a lower bound and proves nothing.
 */
export const rule: Rule = {
  meta: { id: 'over-scoped-request', description: 'A token requests more than its uses need', defaultSeverity: 'error' },
  check(ctx) {
    const out: RuleFinding[] = []
    for (const { file, token: t, declaration: d } of declaredAndUsed(ctx)) {
      if (!t.verdict.complete) continue
      const at = (key: string) => ({ file, ...(d.keyPositions[key] && key.startsWith('permissions.') ? d.keyPositions[key] : (d.fieldPositions[key] ?? { line: d.line, column: d.column })), secret: t.secret })
      const minimal = t.verdict.minimal
      if (d.type === 'fine-grained') {
        for (const [perm, level] of Object.entries(d.permissions ?? {})) {
          if (!level || perm === 'metadata') continue
          const need = minimal[perm]
          if (!need) out.push({ ...at(`permissions.${perm}`), message: `${t.secret} requests ${perm}: ${level}, which none of its uses needs: drop it` })
          else if (levelRank(level) > levelRank(need)) out.push({ ...at(`permissions.${perm}`), message: `${t.secret} requests ${perm}: ${level}, but its uses need only ${perm}: ${need}` })
        }
      } else {
        const allowed = new Set(t.verdict.minimalScopes.flatMap((s) => [...impliedScopes(s)]))
        ;(d.scopes ?? []).forEach((scope, i) => {
          if (!allowed.has(scope)) {
            out.push({ ...at(`scopes.${i}`), message: `${t.secret} requests the ${scope} scope, beyond what its uses need (${t.verdict.minimalScopes.join(', ') || 'no scope'})` })
          }
        })
      }
      const { repositories: needed, owners } = reachOf(t.verdict, ctx.repository, ctx.memo)
      if (d.repositories === 'all' && needed.size) {
        out.push({ ...at('repositories'), message: `${t.secret} requests all repositories, but its uses reach only ${listed(firstKeys(needed, MAX_REPOSITORIES_PER_TOKEN + 1), MAX_REPOSITORIES_PER_TOKEN, needed.size)}` })
      } else if (Array.isArray(d.repositories) && needed.size) {
        for (const repo of d.repositories) {
          if (!needed.has(repo.toLowerCase())) out.push({ ...at('repositories'), message: `${t.secret} requests access to ${repo}, which none of its uses reaches` })
        }
      }
      if (d.owner && needed.size && !owners.has(d.owner.toLowerCase())) {
        out.push({ ...at('owner'), message: `${t.secret} is owned by ${d.owner}, but its uses reach repositories of ${listed(firstKeys(owners, MAX_OWNERS_NAMED + 1), MAX_OWNERS_NAMED, owners.size)}` })
      }
    }
    return out
  },
}

/** The first `n` keys of a map or set, in order, without copying the rest. */
function firstKeys(items: Map<string, unknown> | Set<string>, n: number): string[] {
  const out: string[] = []
  for (const key of items.keys()) {
    if (out.length === n) break
    out.push(key)
  }
  return out
}
