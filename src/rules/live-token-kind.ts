import { fitsDeclaredType, KIND_NAMES } from '../knowledge/token-formats.js'
import type { TokenKind } from '../types.js'
import { reporter } from './finding.js'
import { liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/** What to do instead of storing a token of a kind that is no personal access token. */
const INSTEAD: Partial<Record<TokenKind, string>> = {
  installation: 'a stored one stops working within the hour; mint one in each run from the App\'s key (actions/create-github-app-token)',
  oauth: 'it stands for a person\'s sign-in to an app and carries every scope that app was granted; store a fine-grained token or use a GitHub App',
  'app-user': 'it expires within 8 hours unless the app refreshes it; use an installation token minted in the run',
}

/**
 * A live check: the value is not the kind of token pat-requirements.yml declares, or not a
 * personal access token at all (the kinds by prefix: knowledge/token-formats.ts).
 */
export const rule: Rule<'otherType' | 'notPat' | 'oldFormat'> = {
  meta: {
    id: 'live-token-kind',
    description: 'A token is of another kind than declared, or no personal access token',
    defaultSeverity: 'error',
    messages: {
      otherType: '{{secret}} is declared {{declared}}, but holds {{kind}}: update the secret or the declaration',
      notPat: '{{secret}} holds {{kind}}: {{instead}}',
      oldFormat: '{{secret}} holds a token made before April 2021 (40 hex digits): regenerate it, so that secret scanning recognises it if it leaks',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      const { kind, secret } = t.check
      if (kind === 'empty' || kind === 'unknown' || t.check.outcome === 'not-sent') continue
      const type = t.declaration?.type
      if (type && !fitsDeclaredType(kind, type)) {
        out.push(report('otherType', t.at('type'), { secret, declared: type, kind: KIND_NAMES[kind] }, { secret }))
        continue
      }
      const instead = INSTEAD[kind]
      if (instead) out.push(report('notPat', t.at('type'), { secret, kind: KIND_NAMES[kind], instead }, { secret, severity: 'warning' }))
      else if (kind === 'legacy') out.push(report('oldFormat', t.at('type'), { secret }, { secret, severity: 'note' }))
    }
    return out
  },
}
