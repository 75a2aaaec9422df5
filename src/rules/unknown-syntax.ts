import type { Rule } from './types.js'

/**
 * A key GitHub's workflow parser does not list for a workflow, job or step: newer syntax pat-lint
 * does not follow yet, or a mistake. Said, never skipped silently: what is under it is not analysed.
 */
export const rule: Rule = {
  meta: { id: 'unknown-syntax', description: 'A workflow, job or step key pat-lint does not know: what is under it is not analysed', defaultSeverity: 'note' },
  check(ctx) {
    return ctx.fileNotes.map((n) => ({ ...n }))
  },
}
