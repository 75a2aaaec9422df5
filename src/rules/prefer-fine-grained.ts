import { classicOnlyReason } from '../analysis/classic-only.js'
import type { Rule } from './types.js'

/** A classic token is requested although nothing seen needs one (R22: prefer fine-grained). */
export const rule: Rule = {
  meta: { id: 'prefer-fine-grained', description: 'A classic token is requested where a fine-grained token would do', defaultSeverity: 'warning' },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    const out = []
    for (const t of ctx.tokens) {
      const d = t.declaration
      if (!d || d.type !== 'classic') continue
      if (t.uses.some((u) => classicOnlyReason(u))) continue
      const pos = d.fieldPositions.type ?? d
      out.push({
        file,
        line: pos.line,
        column: pos.column,
        secret: t.secret,
        message: `${t.secret} is a classic token, but none of its ${t.uses.length} use${t.uses.length === 1 ? '' : 's'} needs one (no Packages, Checks or user-owned Projects): use a fine-grained token limited to the repositories it needs`,
      })
    }
    return out
  },
}
