/** Where a workflow hands a token to pat-lint's live check: not a use of the token (knowledge/pat-lint-action.ts). */
import { actionName } from '../knowledge/actions.js'
import { LIVE_CHECK_INPUT, liveCheckNames, PAT_LINT_ACTION } from '../knowledge/pat-lint-action.js'
import type { SecretUse } from '../workflow/flows.js'
import type { StepInfo, WorkflowInfo } from '../workflow/model.js'

/** The steps that run pat-lint's Action with a live check, and the variables each reads; read once per run. */
export function liveCheckSteps(models: readonly WorkflowInfo[]): ReadonlyMap<StepInfo, ReadonlySet<string>> {
  const out = new Map<StepInfo, ReadonlySet<string>>()
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    const input = s.with[LIVE_CHECK_INPUT]?.value
    if (input === undefined || !s.uses || actionName(s.uses.value)?.toLowerCase() !== PAT_LINT_ACTION) continue
    out.set(s, new Set(liveCheckNames(input)))
  }
  return out
}

/**
 * A binding of the secret to a variable that only pat-lint's live check reads: in the step's own
 * env:, or in a job's or workflow's env: whose every visible reader is such a step.
 */
export function isLiveCheckUse(use: SecretUse, steps: ReadonlyMap<StepInfo, ReadonlySet<string>>): boolean {
  if (!steps.size || use.kind !== 'env' || !use.input) return false
  if (use.step) return !!steps.get(use.step)?.has(use.input)
  return !!use.readBy?.length && use.readBy.every((s) => !!steps.get(s)?.has(use.input!))
}
