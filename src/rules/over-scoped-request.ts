import { impliedScopes, levelRank } from '../knowledge/permissions.js'
import { declaredAndUsed, type Rule, type RuleFinding } from './types.js'
import { listed, MAX_OWNERS_NAMED, MAX_REPOSITORIES_PER_TOKEN } from '../limits.js'
import { reachOf } from '../analysis/token-reach.js'
import { reporter } from './finding.js'

/**
 * The request in pat-requirements.yml grants more than the workflows need: a permission, a level,
 * a scope, repository access or an owner beyond the minimal set. Only asserted when every use of
 * the token is understood; otherwise the minimal set is a lower bound and proves nothing.
 */
export const rule: Rule<'unneededPermission' | 'higherLevel' | 'unneededScope' | 'allRepositories' | 'unneededRepository' | 'otherOwner'> = {
  meta: {
    id: 'over-scoped-request',
    description: 'A token requests more than its uses need',
    defaultSeverity: 'error',
    messages: {
      unneededPermission: '{{secret}} requests {{permission}}: {{level}}, which none of its uses needs: drop it',
      higherLevel: '{{secret}} requests {{permission}}: {{level}}, but its uses need only {{permission}}: {{needed}}',
      unneededScope: '{{secret}} requests the {{scope}} scope, beyond what its uses need ({{needed}})',
      allRepositories: '{{secret}} requests all repositories, but its uses reach only {{reached}}',
      unneededRepository: '{{secret}} requests access to {{repository}}, which none of its uses reaches',
      otherOwner: '{{secret}} is owned by {{owner}}, but its uses reach repositories of {{owners}}',
    },
  },
  check(ctx) {
    const out: RuleFinding[] = []
    const report = reporter(rule.meta)
    for (const { file, token: t, declaration: d } of declaredAndUsed(ctx)) {
      if (!t.verdict.complete) continue
      // A permission is pointed at by its key (`contents:`), everything else by its value.
      const at = (key: string) => ({ declaration: d, file, key, keyItself: key.startsWith('permissions.') })
      const secret = { secret: t.secret }
      const minimal = t.verdict.minimal
      if (d.type === 'fine-grained') {
        for (const [perm, level] of Object.entries(d.permissions ?? {})) {
          if (!level || perm === 'metadata') continue
          const need = minimal[perm]
          if (!need) out.push(report('unneededPermission', at(`permissions.${perm}`), { secret: t.secret, permission: perm, level }, secret))
          else if (levelRank(level) > levelRank(need)) out.push(report('higherLevel', at(`permissions.${perm}`), { secret: t.secret, permission: perm, level, needed: need }, secret))
        }
      } else {
        const allowed = new Set(t.verdict.minimalScopes.flatMap((s) => [...impliedScopes(s)]))
        ;(d.scopes ?? []).forEach((scope, i) => {
          if (!allowed.has(scope)) {
            out.push(report('unneededScope', at(`scopes.${i}`), { secret: t.secret, scope, needed: t.verdict.minimalScopes.join(', ') || 'no scope' }, secret))
          }
        })
      }
      const { repositories: needed, owners } = reachOf(t.verdict, ctx.repository, ctx.memo)
      if (d.repositories === 'all' && needed.size) {
        out.push(report('allRepositories', at('repositories'), { secret: t.secret, reached: listed(firstKeys(needed, MAX_REPOSITORIES_PER_TOKEN + 1), MAX_REPOSITORIES_PER_TOKEN, needed.size) }, secret))
      } else if (Array.isArray(d.repositories) && needed.size) {
        for (const repo of d.repositories) {
          if (!needed.has(repo.toLowerCase())) out.push(report('unneededRepository', at('repositories'), { secret: t.secret, repository: repo }, secret))
        }
      }
      if (d.owner && needed.size && !owners.has(d.owner.toLowerCase())) {
        out.push(report('otherOwner', at('owner'), { secret: t.secret, owner: d.owner, owners: listed(firstKeys(owners, MAX_OWNERS_NAMED + 1), MAX_OWNERS_NAMED, owners.size) }, secret))
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
