import { impliedScopes, levelRank } from '../knowledge/permissions.js'
import { declaredAndUsed, type Rule, type RuleFinding } from './types.js'

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
      const touched = t.verdict.repositories
      const self = ctx.repository
      const needed = new Set([...touched.map((r) => r.toLowerCase()), ...(self && t.verdict.ownRepository ? [self.toLowerCase()] : [])])
      if (d.repositories === 'all' && needed.size) {
        out.push({ ...at('repositories'), message: `${t.secret} requests all repositories, but its uses reach only ${[...needed].join(', ')}` })
      } else if (Array.isArray(d.repositories) && needed.size) {
        for (const repo of d.repositories) {
          if (!needed.has(repo.toLowerCase())) out.push({ ...at('repositories'), message: `${t.secret} requests access to ${repo}, which none of its uses reaches` })
        }
      }
      if (d.owner && needed.size) {
        const owners = new Set([...needed].map((r) => r.split('/')[0]))
        if (!owners.has(d.owner.toLowerCase())) out.push({ ...at('owner'), message: `${t.secret} is owned by ${d.owner}, but its uses reach repositories of ${[...owners].join(', ')}` })
      }
    }
    return out
  },
}
