import { impliedScopes } from '../knowledge/permissions.js'
import { reporter } from './finding.js'
import { liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/**
 * A live check of a classic token: the scopes GitHub reports (X-OAuth-Scopes) against the
 * declaration and what the uses need. A scope counts as held when a held scope implies it
 * (`repo` holds `public_repo`), as GitHub documents for its scopes.
 */
export const rule: Rule<'notDeclared' | 'beyondNeeds' | 'missingNeeded' | 'missingDeclared'> = {
  meta: {
    id: 'live-token-scopes',
    description: 'A classic token holds scopes beyond its declaration or needs, or lacks some it needs',
    defaultSeverity: 'error',
    messages: {
      notDeclared: '{{secret}} holds the {{scope}} scope, which pat-requirements.yml does not request: recreate the token without it',
      beyondNeeds: '{{secret}} holds the {{scope}} scope, beyond what its uses need ({{needed}}): recreate the token without it',
      missingNeeded: '{{secret}} lacks the {{scope}} scope its uses need{{where}}: the step will fail until the token has it',
      missingDeclared: '{{secret}} lacks the {{scope}} scope pat-requirements.yml requests',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      const c = t.check
      if (c.outcome !== 'accepted' || !c.scopes) continue
      const secret = { secret: c.secret }
      const at = t.at('scopes')
      const held = new Set(c.scopes.flatMap((s) => [...impliedScopes(s)]))
      const declaredScopes = t.declaration?.type === 'classic' ? (t.declaration.scopes ?? []) : null
      const declaredAll = new Set((declaredScopes ?? []).flatMap((s) => [...impliedScopes(s)]))
      const verdict = t.token?.uses.length ? t.token.verdict : null
      const flagged = new Set<string>()
      if (declaredScopes) {
        for (const scope of c.scopes) {
          if (!declaredAll.has(scope)) {
            flagged.add(scope)
            out.push(report('notDeclared', at, { secret: c.secret, scope }, secret))
          }
        }
        for (const scope of declaredScopes) if (!held.has(scope)) out.push(report('missingDeclared', at, { secret: c.secret, scope }, { ...secret, severity: 'warning' }))
      }
      if (!verdict || verdict.githubTokenWouldDo === true) continue // no uses here, or pat-where-github-token-would-do says drop it
      // The minimal scopes are a lower bound even when some use is not understood: lacking one fails.
      for (const scope of verdict.minimalScopes) {
        if (held.has(scope)) continue
        const i = t.token!.decisions.findIndex((d) => Object.keys(d.needs).length > 0)
        const use = t.token!.uses[i]
        out.push(report('missingNeeded', at, { secret: c.secret, scope, where: use ? ` (at ${use.file}:${use.line})` : '' }, secret))
      }
      // Beyond the needs is certain only when every use is understood.
      if (!verdict.complete) continue
      const allowed = new Set(verdict.minimalScopes.flatMap((s) => [...impliedScopes(s)]))
      for (const scope of c.scopes) {
        if (allowed.has(scope) || flagged.has(scope) || declaredAll.has(scope)) continue
        out.push(report('beyondNeeds', at, { secret: c.secret, scope, needed: verdict.minimalScopes.join(', ') || 'no scope' }, secret))
      }
    }
    return out
  },
}
