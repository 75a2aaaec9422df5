import { FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'
import { appTokenStep } from '../report/snippets.js'
import type { Rule, RuleFinding } from './types.js'

/**
 * A GitHub App token fits better than a PAT (R21): organization automation, several repositories,
 * or events that must start workflows. Not where only a user can act (forks, user-owned projects,
 * Packages across repositories).
 */
export const rule: Rule = {
  meta: { id: 'prefer-github-app', description: 'A GitHub App token would serve better than a PAT', defaultSeverity: 'note' },
  check(ctx) {
    const out: RuleFinding[] = []
    for (const t of ctx.tokens) {
      if (t.verdict.githubTokenWouldDo !== false || !t.verdict.fineGrainedPossible) continue
      const calls = t.decisions.flatMap((d) => d.calls)
      if (calls.some((c) => c.target.kind === 'account' || /R11|fork/.test(c.patReason ?? ''))) continue // a user identity is needed
      const reasons: string[] = []
      const orgPerms = Object.keys(t.verdict.minimal).filter((p) => FINE_GRAINED_PERMISSIONS[p]?.kind === 'organization')
      if (orgPerms.length) reasons.push(`organization automation (${orgPerms.join(', ')})`)
      if (t.verdict.repositories.length >= 2) reasons.push(`${t.verdict.repositories.length} repositories`)
      if (t.decisions.some((d) => d.reasons.some((r) => /\(R1\)$/.test(r)))) reasons.push('events that must start workflows')
      if (!reasons.length) continue
      const owners = new Set(t.verdict.repositories.map((r) => r.split('/')[0]))
      const owner = owners.size === 1 ? [...owners][0] : (ctx.repository?.split('/')[0] ?? null)
      const first = t.uses[0]
      const step = appTokenStep({ owner, repositories: t.verdict.repositories, permissions: t.verdict.minimal })
      out.push({
        file: first.file,
        line: first.line,
        column: first.column,
        secret: t.secret,
        message: `${t.secret} is used for ${reasons.join(', ')}: a GitHub App token is not tied to a person and lives one hour (R21); use \`\${{ steps.app-token.outputs.token }}\` from an actions/create-github-app-token step`,
        help: step,
      })
    }
    return out
  },
}
