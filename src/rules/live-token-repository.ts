import { reporter } from './finding.js'
import { liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/**
 * A live check: a repository the token is declared for or used on that it cannot reach. GitHub
 * answers 404, not 403, for a repository a token may not see; a fine-grained token sees the
 * private repositories selected for it (and every public one, so a public repository proves
 * nothing either way); a 403 with X-GitHub-SSO asks for SAML single sign-on authorization.
 */
export const rule: Rule<'notVisible' | 'sso' | 'forbidden'> = {
  meta: {
    id: 'live-token-repository',
    description: 'A token cannot reach a repository it is declared for or used on',
    defaultSeverity: 'error',
    messages: {
      notVisible: '{{secret}} cannot see {{repository}} (GitHub answers 404): {{fix}}',
      sso: '{{secret}} is not authorized for the SAML single sign-on of {{owner}} (GitHub answers 403 on {{repository}}): authorize it under the token\'s Configure SSO',
      forbidden: '{{secret}} is refused {{repository}} (GitHub answers 403{{detail}})',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      const c = t.check
      const secret = { secret: c.secret }
      const at = t.at('repositories')
      for (const r of c.repositories ?? []) {
        const owner = r.repository.split('/')[0]
        if (r.access === 'not-visible') {
          const fix = c.kind === 'fine-grained'
            ? `select it among the token's repositories (the token's resource owner must be ${owner}), or check the name`
            : 'the token\'s user has no access to it, or the name is wrong'
          out.push(report('notVisible', at, { secret: c.secret, repository: r.repository, fix }, secret))
        } else if (r.access === 'sso') out.push(report('sso', at, { secret: c.secret, owner, repository: r.repository }, secret))
        else if (r.access === 'forbidden') out.push(report('forbidden', at, { secret: c.secret, repository: r.repository, detail: r.detail ? `: ${r.detail}` : '' }, secret))
      }
    }
    return out
  },
}
