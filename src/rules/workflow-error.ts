import type { Rule } from './types.js'

/** A workflow or action file that cannot be read or parsed: GitHub would reject it, and pat-lint cannot check it. */
export const rule: Rule = {
  meta: { id: 'workflow-error', description: 'A workflow or action file cannot be read or parsed', defaultSeverity: 'error' },
  check(ctx) {
    return ctx.fileErrors.map((e) => ({ ...e }))
  },
}
