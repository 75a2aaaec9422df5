/** Every rule, in the order findings are produced. A rule's id is its file name. */
import { rule as invalidRequirements } from './invalid-requirements.js'
import { rule as patExpiry } from './pat-expiry.js'
import { rule as preferFineGrained } from './prefer-fine-grained.js'
import type { Rule } from './types.js'
import { rule as undeclaredPat } from './undeclared-pat.js'
import { rule as unusedPat } from './unused-pat.js'
import { rule as workflowError } from './workflow-error.js'

export const RULES: readonly Rule[] = [workflowError, invalidRequirements, undeclaredPat, unusedPat, preferFineGrained, patExpiry]

export const RULES_BY_ID = new Map(RULES.map((r) => [r.meta.id, r]))

/** Where each rule's documentation lives; SARIF and the comment link to it. */
export const DOCS_BASE = 'https://github.com/pat-lint/pat-lint/blob/main/docs/rules'
export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`
}
