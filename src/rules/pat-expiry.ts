import { reporter } from './finding.js'
import type { Rule, RuleFinding } from './types.js'

/** A token that never expires, or lives longer than the policy allows, stays useful to whoever leaks it. */
export const rule: Rule<'neverExpires' | 'noExpiry' | 'tooLong'> = {
  meta: {
    id: 'pat-expiry',
    description: 'A declared token has no expiry, or one longer than the maximum',
    defaultSeverity: 'warning',
    messages: {
      neverExpires: '{{secret}} never expires: set expires-in to at most {{max}} days and rotate it',
      noExpiry: '{{secret}} declares no expiry: set expires-in to at most {{max}} days and rotate it',
      tooLong: '{{secret}} expires in {{days}} days, longer than the {{max}}-day maximum: shorten expires-in',
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
      const at = { declaration: d, file, key: 'expires-in' }
      const data = { secret: t.secret, max: ctx.maxExpiryDays }
      const expires = d['expires-in']
      if (expires === undefined) out.push(report('noExpiry', at, data, { secret: t.secret }))
      else if (expires === 'none') out.push(report('neverExpires', at, data, { secret: t.secret }))
      else if (expires > ctx.maxExpiryDays) out.push(report('tooLong', at, { ...data, days: expires }, { secret: t.secret }))
    }
    return out
  },
}
