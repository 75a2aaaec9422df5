import { quoted } from '../limits.js'
import { reporter } from './finding.js'
import { declaredAndUsed, type Rule, type RuleFinding } from './types.js'

/**
 * A declared request pat-lint cannot hold against the workflows: a use is undecided, so what the
 * token needs there (and where) is not known. Said so that a request nobody could check never
 * passes as if it had been checked (a file `init` wrote for an action it cannot see, say).
 */
export const rule: Rule<'undecidedUse'> = {
  meta: {
    id: 'unverified-request',
    description: 'A declared request that pat-lint cannot check, because a use of the token is undecided',
    defaultSeverity: 'note',
    messages: {
      undecidedUse: "{{secret}}'s request cannot be checked against its use at {{file}}:{{line}}{{more}}: {{why}}; check the owner, repositories and permissions by hand",
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const { file, token, declaration } of declaredAndUsed(ctx)) {
      const at = token.decisions.findIndex((d) => d.githubTokenWouldDo === null)
      if (at < 0) continue
      const use = token.uses[at]
      const more = token.decisions.filter((d) => d.githubTokenWouldDo === null).length - 1
      const why = token.decisions[at].unknown[0] ?? token.decisions[at].reasons[0]?.text ?? 'it cannot be seen'
      const data = { secret: token.secret, file: use.file, line: use.line, more: more ? ` (and ${more} more)` : '', why: quoted(why) }
      const related = [{ file: use.file, line: use.line, column: use.column, message: `the undecided use of ${token.secret}` }]
      out.push(report('undecidedUse', { declaration, file }, data, { secret: token.secret, related }))
    }
    return out
  },
}
