import { reporter } from './finding.js'
import type { Rule } from './types.js'

/** A GitHub credential reaches a step but pat-requirements.yml does not declare it. */
export const rule: Rule<'undeclared'> = {
  meta: {
    id: 'undeclared-pat',
    description: 'A GitHub token secret is used but not declared in pat-requirements.yml',
    defaultSeverity: 'warning',
    messages: {
      undeclared: 'secret {{secret}} is used as a GitHub token{{more}} but not declared {{where}}: declare its type, owner, repositories, expiry, purpose and permissions',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.tokens
      // A reusable workflow's parameter is declared where its callers keep the secret.
      // An SSH deploy key is no PAT: it has no type, scopes or expiry to declare.
      .filter((t) => !t.declaration && !t.sshKey && t.uses.length > 0 && !t.uses.every((u) => u.parameter))
      .map((t) => {
        const more = t.uses.length > 1 ? ` (and ${t.uses.length - 1} more use${t.uses.length > 2 ? 's' : ''})` : ''
        const where = ctx.requirements.path ? `in ${ctx.requirements.path}` : 'in a pat-requirements.yml'
        return report('undeclared', { use: t.uses[0] }, { secret: t.secret, more, where }, { secret: t.secret })
      })
  },
}
