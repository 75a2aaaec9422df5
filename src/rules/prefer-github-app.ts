import { FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'
import { appTokenStep } from '../remedies/snippets.js'
import type { TokenVerdict } from '../analysis/token.js'
import type { Rule, RuleFinding, TokenFacts } from './types.js'
import { reporter } from './finding.js'
import { cites } from '../knowledge/reasons.js'

/**
 * A GitHub App token fits better than a PAT (R21): organization automation, several repositories,
 * or events that must start workflows. Not where only a user can act (forks, user-owned projects,
 * Packages across repositories).
 */
export const rule: Rule<'appTokenFits'> = {
  meta: {
    id: 'prefer-github-app',
    description: 'A GitHub App token would serve better than a PAT',
    defaultSeverity: 'note',
    messages: {
      appTokenFits: '{{secret}} is used for {{uses}}: a GitHub App token is not tied to a person and lives one hour (R21); use `${{ steps.app-token.outputs.token }}` from an actions/create-github-app-token step',
    },
  },
  check(ctx) {
    const out: RuleFinding[] = []
    const report = reporter(rule.meta)
    // Tokens with one use of the same decision share a verdict (callers of one reusable workflow):
    // what the rule makes of it is worked out once.
    const advised = new Map<TokenVerdict, Advice | null>()
    for (const t of ctx.tokens) {
      // A deploy key is tied to one repository, not to a person, and its pushes start push workflows (R1).
      if (t.sshKey && !t.declaration) continue
      let advice = advised.get(t.verdict)
      if (advice === undefined) advised.set(t.verdict, (advice = adviceFor(t, ctx.repository)))
      if (!advice) continue
      out.push(report('appTokenFits', { use: t.uses[0] }, { secret: t.secret, uses: advice.reasons.join(', ') }, { secret: t.secret, help: advice.step }))
    }
    return out
  },
}

interface Advice {
  reasons: string[]
  step: string
}

/** Why an App token fits this token better, and the step to create one; null when it does not. */
function adviceFor(t: TokenFacts, repository: string | null): Advice | null {
  if (t.verdict.githubTokenWouldDo !== false || !t.verdict.fineGrainedPossible) return null
  const calls = t.decisions.flatMap((d) => d.calls)
  if (calls.some((c) => c.target.kind === 'account' || (c.patReason && cites(c.patReason, 'R11')))) return null // a user identity is needed
  const reasons: string[] = []
  const orgPerms = Object.keys(t.verdict.minimal).filter((p) => FINE_GRAINED_PERMISSIONS[p]?.kind === 'organization')
  if (orgPerms.length) reasons.push(`organization automation (${orgPerms.join(', ')})`)
  if (t.verdict.repositories.length >= 2) reasons.push(`${t.verdict.repositories.length} repositories`)
  if (t.decisions.some((d) => d.reasons.some((r) => cites(r, 'R1')))) reasons.push('events that must start workflows')
  if (!reasons.length) return null
  const owners = new Set(t.verdict.repositories.map((r) => r.split('/')[0]))
  const owner = owners.size === 1 ? [...owners][0] : (repository?.split('/')[0] ?? null)
  return { reasons, step: appTokenStep({ owner, repositories: t.verdict.repositories, permissions: t.verdict.minimal }) }
}
