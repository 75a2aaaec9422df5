import { quoted } from '../limits.js'
import type { Rule } from './types.js'

/**
 * `toJSON(secrets)` or `secrets[<expression>]` hands a step every secret of the repository (or
 * one chosen at run time): no token can be checked against what the step does, and any of them
 * may leak through it. Passing the secrets a step needs by name bounds both. (`secrets: inherit`
 * passes them to a reusable workflow, whose own uses pat-lint reads.)
 */
export const rule: Rule = {
  meta: { id: 'whole-secrets-context', description: 'Every secret of the repository reaches a step (toJSON(secrets), secrets[<expression>])', defaultSeverity: 'warning' },
  check(ctx) {
    return ctx.passAllUses
      .filter((u) => u.kind !== 'secrets-inherit')
      .map((u) => {
        const where = u.step ? `the step at line ${u.step.pos.line}` : u.job ? `job ${quoted(u.job.id)}` : 'this place'
        return {
          file: u.file,
          line: u.line,
          column: u.column,
          message: `${where} is handed the whole secrets context (or a secret named only at run time): every secret of the repository, PATs included, may reach it and none can be checked; pass the secrets it needs by name`,
        }
      })
  },
}
