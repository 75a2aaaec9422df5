import type { Rule, RuleFinding } from './types.js'

/**
 * Classic requested though a fine-grained token can do every use (R22); and the reverse, a
 * fine-grained token requested for something only a classic one can do (Packages, Checks,
 * user-owned Projects: R18), which will fail.
 */
export const rule: Rule = {
  meta: { id: 'prefer-fine-grained', description: 'The token type does not fit: classic where fine-grained would do, or fine-grained where only classic works', defaultSeverity: 'warning' },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    const out: RuleFinding[] = []
    for (const t of ctx.tokens) {
      const d = t.declaration
      if (!d) continue
      const pos = d.fieldPositions.type ?? d
      const at = { file, line: pos.line, column: pos.column, secret: t.secret }
      if (d.type === 'classic' && t.verdict.fineGrainedPossible && t.verdict.githubTokenWouldDo !== true) {
        const n = t.uses.length
        out.push({
          ...at,
          message: `${t.secret} is a classic token, but none of its ${n} use${n === 1 ? '' : 's'} needs one (no Packages, Checks or user-owned Projects): use a fine-grained token limited to the repositories it needs`,
        })
      }
      if (d.type === 'fine-grained' && !t.verdict.fineGrainedPossible) {
        out.push({
          ...at,
          severity: 'error',
          message: `${t.secret} is fine-grained, but ${t.verdict.classicOnly[0]?.text ?? 'a use needs GitHub Packages'}: it will fail; use a classic token or GITHUB_TOKEN`,
        })
      }
    }
    return out
  },
}
