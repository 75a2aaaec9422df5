import { reporter } from './finding.js'
import type { Rule } from './types.js'

/**
 * A key GitHub's workflow parser does not list for a workflow, job or step: newer syntax pat-lint
 * does not follow yet, or a mistake. Said, never skipped silently: what is under it is not analysed.
 */
export const rule: Rule<'unknownKey'> = {
  meta: {
    id: 'unknown-syntax',
    description: 'A workflow, job or step key pat-lint does not know: what is under it is not analysed',
    defaultSeverity: 'note',
    messages: { unknownKey: '{{note}}' },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.fileNotes.map((n) => report('unknownKey', n, { note: n.message }))
  },
}
