import { quoted } from '../limits.js'
import { reporter } from './finding.js'
import type { Rule } from './types.js'

/**
 * A reference to a secret whose name GitHub cannot store (letters, digits and `_`, not starting
 * with a digit or `GITHUB_`): it always evaluates to an empty string, so whatever the step meant
 * to authenticate with is missing. It is no token pat-lint can follow.
 */
export const rule: Rule<'alwaysEmpty'> = {
  meta: {
    id: 'impossible-secret-name',
    description: 'A reference to a secret name GitHub cannot store: always empty',
    defaultSeverity: 'warning',
    messages: {
      alwaysEmpty: 'no secret can be named `{{name}}` (secret names are letters, digits and _, not starting with a digit or GITHUB_): this reference is always empty',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.impossibleNames.map((u) => report('alwaysEmpty', { use: u }, { name: quoted(u.secret ?? '') }))
  },
}
