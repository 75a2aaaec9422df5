import type { Rule } from './types.js'

/** A token that never expires, or lives longer than the policy allows, stays useful to whoever leaks it. */
export const rule: Rule = {
  meta: { id: 'pat-expiry', description: 'A declared token has no expiry, or one longer than the maximum', defaultSeverity: 'warning' },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    const out = []
    for (const t of ctx.tokens) {
      const d = t.declaration
      if (!d) continue
      const pos = d.fieldPositions['expires-in'] ?? d
      const at = { file, line: pos.line, column: pos.column, secret: t.secret }
      const expires = d['expires-in']
      if (expires === undefined || expires === 'none') {
        out.push({ ...at, message: `${t.secret} ${expires === 'none' ? 'never expires' : 'declares no expiry'}: set expires-in to at most ${ctx.maxExpiryDays} days and rotate it` })
      } else if (expires > ctx.maxExpiryDays) {
        out.push({ ...at, message: `${t.secret} expires in ${expires} days, longer than the ${ctx.maxExpiryDays}-day maximum: shorten expires-in` })
      }
    }
    return out
  },
}
