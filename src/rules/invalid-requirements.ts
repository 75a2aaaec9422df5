import type { Rule } from './types.js'

/** pat-requirements.yml does not follow its schema; the message points at the key or value. */
export const rule: Rule = {
  meta: { id: 'invalid-requirements', description: 'pat-requirements.yml is malformed or does not follow its schema', defaultSeverity: 'error' },
  check(ctx) {
    return ctx.requirements.errors.map((e) => ({ ...e }))
  },
}
