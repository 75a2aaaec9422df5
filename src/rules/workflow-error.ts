import { reporter } from './finding.js'
import type { Rule } from './types.js'

/** A workflow or action file that cannot be read or parsed: GitHub would reject it, and pat-lint cannot check it. */
export const rule: Rule<'unreadable'> = {
  meta: {
    id: 'workflow-error',
    description: 'A workflow or action file cannot be read or parsed',
    defaultSeverity: 'error',
    // The parser's or reader's own sentence, with the place it points at.
    messages: { unreadable: '{{problem}}' },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.fileErrors.map((e) => report('unreadable', e, { problem: e.message }))
  },
}
