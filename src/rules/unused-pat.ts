import { reporter } from './finding.js'
import type { Rule } from './types.js'

/** A declared token that no workflow uses is a live credential with no job: revoke it. */
export const rule: Rule<'unused' | 'maybePassedOn'> = {
  meta: {
    id: 'unused-pat',
    description: 'A token declared in pat-requirements.yml is never used',
    defaultSeverity: 'warning',
    messages: {
      unused: '{{secret}} is declared but no workflow or action uses it: if nothing needs it, delete the secret and revoke the token',
      maybePassedOn: '{{secret}} is declared but no workflow or action uses it; only {{expression}} at {{file}}:{{line}} may pass it on, check the called workflow: if nothing needs it, delete the secret and revoke the token',
    },
  },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    const report = reporter(rule.meta)
    const inherit = ctx.passAllUses[0]
    return ctx.tokens
      .filter((t) => t.declaration && t.uses.length === 0)
      .map((t) => {
        const at = { declaration: t.declaration!, file }
        if (!inherit) return report('unused', at, { secret: t.secret }, { secret: t.secret })
        // Passed on whole, the token may be used by a workflow pat-lint does not read: a note, not a warning.
        const related = [{ file: inherit.file, line: inherit.line, column: inherit.column, message: `${inherit.expression} may pass ${t.secret} on` }]
        return report('maybePassedOn', at, { secret: t.secret, expression: inherit.expression, file: inherit.file, line: inherit.line }, { secret: t.secret, severity: 'note', related })
      })
  },
}
