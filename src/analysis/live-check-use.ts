/** Where a workflow hands a token to pat-lint's live check: not a use of the token (knowledge/pat-lint-action.ts). */
import { actionName } from '../knowledge/actions.js'
import { LIVE_CHECK_INPUT, liveCheckNames, PAT_LINT_ACTION } from '../knowledge/pat-lint-action.js'
import type { SecretUse } from '../workflow/flows.js'
import type { StepInfo } from '../workflow/model.js'

/** Whether the step is pat-lint's Action and its live check reads the variable. */
function checksVariable(step: StepInfo, variable: string): boolean {
  const uses = step.uses?.value
  if (!uses || actionName(uses)?.toLowerCase() !== PAT_LINT_ACTION) return false
  const input = step.with[LIVE_CHECK_INPUT]?.value
  return input !== undefined && liveCheckNames(input).includes(variable)
}

/**
 * A binding of the secret to a variable that only pat-lint's live check reads: in the step's own
 * env:, or in a job's or workflow's env: whose every visible reader is such a step.
 */
export function isLiveCheckUse(use: SecretUse): boolean {
  if (use.kind !== 'env' || !use.input) return false
  if (use.step) return checksVariable(use.step, use.input)
  return !!use.readBy?.length && use.readBy.every((s) => checksVariable(s, use.input!))
}
