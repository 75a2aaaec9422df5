import { quoted } from '../limits.js'
import { reporter } from './finding.js'
import type { Rule } from './types.js'

/**
 * `toJSON(secrets)` or `secrets[<expression>]` hands a step every secret of the repository (or
 * one chosen at run time): no token can be checked against what the step does, and any of them
 * may leak through it. Passing the secrets a step needs by name bounds both. (`secrets: inherit`
 * passes them to a reusable workflow, whose own uses pat-lint reads.)
 */
export const rule: Rule<'everySecret'> = {
  meta: {
    id: 'whole-secrets-context',
    description: 'Every secret of the repository reaches a step (toJSON(secrets), secrets[<expression>])',
    defaultSeverity: 'warning',
    messages: {
      everySecret: '{{where}} is handed the whole secrets context (or a secret named only at run time): every secret of the repository, PATs included, may reach it and none can be checked; pass the secrets it needs by name',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.passAllUses
      .filter((u) => u.kind !== 'secrets-inherit')
      .map((u) => report('everySecret', { use: u }, { where: u.step ? `the step at line ${u.step.pos.line}` : u.job ? `job ${quoted(u.job.id)}` : 'this place' }))
  },
}
