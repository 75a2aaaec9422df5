import { isPersonalAccessToken } from '../knowledge/token-formats.js'
import { reporter } from './finding.js'
import { day, daysUntil, liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/**
 * A live check: the expiry GitHub reports (GitHub-Authentication-Token-Expiration; no header
 * means the token never expires) against the calendar, the declaration and the maximum. What is
 * left of a token's life is at most its lifetime, so a token with more days left than declared
 * or allowed was made to live longer.
 */
export const rule: Rule<'expiresSoon' | 'neverExpiresDeclared' | 'neverExpires' | 'declaredNever' | 'beyondMaximum' | 'longerThanDeclared'> = {
  meta: {
    id: 'live-token-expiry',
    description: 'A token expires soon, never expires, or lives longer than declared or allowed',
    defaultSeverity: 'warning',
    messages: {
      expiresSoon: '{{secret}} expires on {{date}} ({{when}}): create its successor and update the secret before then',
      neverExpiresDeclared: '{{secret}} never expires (GitHub reports no expiry date), though pat-requirements.yml says it expires in {{days}} days: replace it with a token that does',
      neverExpires: '{{secret}} never expires (GitHub reports no expiry date): replace it with a token that expires within {{max}} days',
      declaredNever: 'pat-requirements.yml says {{secret}} never expires, but it expires on {{date}}: set expires-in and plan its successor',
      beyondMaximum: '{{secret}} expires on {{date}}, {{days}} days from now, past the {{max}}-day maximum: replace it with a shorter-lived token',
      longerThanDeclared: '{{secret}} expires on {{date}}, {{days}} days from now, later than the {{declared}} days pat-requirements.yml declares',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      const c = t.check
      if (c.outcome !== 'accepted' || c.expiresAt === undefined || !isPersonalAccessToken(c.kind)) continue
      const secret = { secret: c.secret }
      const declared = t.declaration?.['expires-in']
      const at = t.at('expires-in')
      if (c.expiresAt === null) {
        if (typeof declared === 'number') out.push(report('neverExpiresDeclared', at, { secret: c.secret, days: declared }, { ...secret, severity: 'error' }))
        // A declared `none` is pat-expiry's to say, on the declaration.
        else if (declared !== 'none') out.push(report('neverExpires', at, { secret: c.secret, max: ctx.maxExpiryDays }, secret))
        continue
      }
      const days = daysUntil(c.expiresAt, c.checkedAt)
      const date = day(c.expiresAt)
      if (days <= ctx.expiryWarningDays) {
        const when = days < 0 ? 'already past' : days === 0 ? 'within a day' : `in ${days} day${days === 1 ? '' : 's'}`
        out.push(report('expiresSoon', at, { secret: c.secret, date, when }, secret))
      }
      if (declared === 'none') out.push(report('declaredNever', at, { secret: c.secret, date }, secret))
      else if (days > ctx.maxExpiryDays) out.push(report('beyondMaximum', at, { secret: c.secret, date, days, max: ctx.maxExpiryDays }, secret))
      else if (typeof declared === 'number' && days > declared) out.push(report('longerThanDeclared', at, { secret: c.secret, date, days, declared }, secret))
    }
    return out
  },
}
