import { reporter } from './finding.js'
import type { Rule, RuleFinding } from './types.js'

/**
 * Classic requested though a fine-grained token can do every use (R22); and the reverse, a
 * fine-grained token requested for something only a classic one can do (Packages, Checks,
 * user-owned Projects: R18), which will fail.
 */
export const rule: Rule<'classicNotNeeded' | 'fineGrainedWillFail'> = {
  meta: {
    id: 'prefer-fine-grained',
    description: 'The token type does not fit: classic where fine-grained would do, or fine-grained where only classic works',
    defaultSeverity: 'warning',
    messages: {
      classicNotNeeded: '{{secret}} is a classic token, but none of its {{uses}} needs one (no Packages, Checks or user-owned Projects): use a fine-grained token limited to the repositories it needs',
      fineGrainedWillFail: '{{secret}} is fine-grained, but {{why}}: it will fail; use a classic token or GITHUB_TOKEN',
    },
  },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of ctx.tokens) {
      const d = t.declaration
      if (!d) continue
      const at = { declaration: d, file, key: 'type' }
      if (d.type === 'classic' && t.verdict.fineGrainedPossible && t.verdict.githubTokenWouldDo !== true) {
        const n = t.uses.length
        out.push(report('classicNotNeeded', at, { secret: t.secret, uses: `${n} use${n === 1 ? '' : 's'}` }, { secret: t.secret }))
      }
      if (d.type === 'fine-grained' && !t.verdict.fineGrainedPossible) {
        const why = t.verdict.classicOnly[0]?.text ?? 'a use needs GitHub Packages'
        out.push(report('fineGrainedWillFail', at, { secret: t.secret, why }, { secret: t.secret, severity: 'error' }))
      }
    }
    return out
  },
}
