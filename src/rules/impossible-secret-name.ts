import { quoted } from '../limits.js'
import type { Rule } from './types.js'

/**
 * A reference to a secret whose name GitHub cannot store (letters, digits and `_`, not starting
 * with a digit or `GITHUB_`): it always evaluates to an empty string, so whatever the step meant
 * to authenticate with is missing. It is no token pat-lint can follow.
 */
export const rule: Rule = {
  meta: { id: 'impossible-secret-name', description: 'A reference to a secret name GitHub cannot store: always empty', defaultSeverity: 'warning' },
  check(ctx) {
    return ctx.impossibleNames.map((u) => ({
      file: u.file,
      line: u.line,
      column: u.column,
      message: `no secret can be named \`${quoted(u.secret ?? '')}\` (secret names are letters, digits and _, not starting with a digit or GITHUB_): this reference is always empty`,
    }))
  },
}
