import type { Rule } from './types.js'

/** A declared token that no workflow uses is a live credential with no job: revoke it. */
export const rule: Rule = {
  meta: { id: 'unused-pat', description: 'A token declared in pat-requirements.yml is never used', defaultSeverity: 'warning' },
  check(ctx) {
    const file = ctx.requirements.path
    if (!file) return []
    return ctx.tokens
      .filter((t) => t.declaration && t.uses.length === 0)
      .map((t) => {
        const inherit = ctx.passAllUses[0]
        const note = inherit
          ? `; only ${inherit.expression} at ${inherit.file}:${inherit.line} may pass it on, check the called workflow`
          : ''
        return {
          file,
          line: t.declaration!.line,
          column: t.declaration!.column,
          secret: t.secret,
          severity: inherit ? 'note' : undefined,
          message: `${t.secret} is declared but no workflow or action uses it${note}: if nothing needs it, delete the secret and revoke the token`,
        }
      })
  },
}
