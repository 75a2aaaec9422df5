import { reporter } from './finding.js'
import { liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/** A live check: GitHub answers 401 to the token. Every job that uses it will fail. */
export const rule: Rule<'rejected'> = {
  meta: {
    id: 'live-token-rejected',
    description: 'GitHub rejects a token the live check read (revoked, expired or mistyped)',
    defaultSeverity: 'error',
    messages: {
      rejected: 'GitHub rejects {{secret}} (401 Bad credentials): the token was revoked, has expired, or the secret holds something else; create a new token and update the secret',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      if (t.check.outcome === 'rejected') out.push(report('rejected', t.at(), { secret: t.check.secret }, { secret: t.check.secret }))
    }
    return out
  },
}
