import { reporter } from './finding.js'
import type { Rule } from './types.js'

/** pat-requirements.yml does not follow its schema; the message points at the key or value. */
export const rule: Rule<'invalid'> = {
  meta: {
    id: 'invalid-requirements',
    description: 'pat-requirements.yml is malformed or does not follow its schema',
    defaultSeverity: 'error',
    messages: { invalid: '{{problem}}' },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    return ctx.requirements.errors.map((e) => report('invalid', e, { problem: e.message }))
  },
}
