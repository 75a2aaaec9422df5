/** What the analysis of one step that receives a token knows about it. */
import type { ActionKnowledge } from '../../knowledge/actions.js'
import type { JobInfo, StepInfo, WorkflowInfo } from '../../workflow/model.js'
import type { Memo } from '../memo.js'

export interface StepContext {
  self: string | null
  model: WorkflowInfo
  job: JobInfo | null
  step: StepInfo
  /** The `with:` input that receives the token, if that is how it arrives. */
  tokenInput: string | null
  /** Env variables of the step that hold the token. */
  tokenVars: Set<string>
  knowledge: ActionKnowledge
  /** The secret being followed (for inline `${{ secrets.NAME }}` in scripts). */
  secret?: string
  /** The run's caches and counts. */
  memo: Memo
  /** The local action (`./path`) a `uses:` names, when the repository holds it. */
  localAction?: (uses: string) => WorkflowInfo | undefined
  /** A file of the repository read before the analysis: one a github-script step loads, a release tool's configuration (null: not there). */
  readScript?: (path: string) => string | null
}

/** The step's inputs as plain values, by lower-cased name. */
export function inputs(step: StepInfo): Record<string, string> {
  return Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k.toLowerCase(), v.value]))
}
