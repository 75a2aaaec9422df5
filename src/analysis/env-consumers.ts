/**
 * Steps that may use any variable of their environment without naming it: programs and actions
 * whose code pat-lint cannot see. An `env:` at workflow level reaches every step of every job, and
 * one at job level every step of the job (GitHub docs, "Store information in variables"), so a
 * credential bound there is used wherever such a step runs, whether or not its script names it.
 */
import { actionName } from '../knowledge/actions.js'
import type { ActionKnowledge } from '../knowledge/actions.js'
import { quoted } from '../limits.js'
import { localPath, stepLabel, type JobInfo, type StepInfo, type WorkflowInfo } from '../workflow/model.js'
import type { Memo } from './memo.js'
import { firstEnvReader } from './script/analyse.js'

/** How deep local actions are read for such steps, as for the token's own analysis. */
const MAX_DEPTH = 4

export interface EnvConsumerContext {
  models: Map<string, WorkflowInfo>
  knowledge: ActionKnowledge
  memo: Memo
}

/** What a step runs that may read its environment unseen, or null when everything it runs is known. */
function opaqueIn(step: StepInfo, ctx: EnvConsumerContext, depth: number): string | null {
  if (step.run) {
    const cmd = firstEnvReader(step.run.value, step.run, ctx.memo)
    return cmd ? `\`${cmd.words.slice(0, 2).map(quoted).join(' ')}\` (line ${step.run.pos.line + cmd.line - (step.run.raw.startsWith('|') || step.run.raw.startsWith('>') ? 0 : 1)})` : null
  }
  if (!step.uses) return null
  const uses = step.uses.value
  const dir = localPath(uses)
  if (dir !== null) {
    const action = ctx.models.get(`${dir}/action.yml`) ?? ctx.models.get(`${dir}/action.yaml`)
    if (!action || depth >= MAX_DEPTH) return `the local action ${quoted(uses)}`
    for (const inner of action.jobs[0]?.steps ?? []) {
      const found = opaqueIn(inner, ctx, depth + 1)
      if (found) return `${found} in ${quoted(uses)}`
    }
    return null
  }
  if (!actionName(uses)) return `the container ${quoted(uses)}`
  return ctx.knowledge.lookup(uses) ? null : `${quoted(actionName(uses)!)}, an action pat-lint does not know`
}

/** Per job (or composite action), its steps that may read their environment unseen, in order; listed once per job. */
function opaqueStepsOf(job: JobInfo, ctx: EnvConsumerContext): { step: StepInfo; what: string }[] {
  return ctx.memo.once('opaque steps of a job', job, () => {
    const list: { step: StepInfo; what: string }[] = []
    for (const step of job.steps) {
      const what = opaqueIn(step, ctx, 0)
      if (what) list.push({ step, what })
    }
    return list
  })
}

/**
 * The first step among `jobs` that may read the variable `name` from the environment without
 * naming it, described for a reason; null when none may. A step binding `name` itself does not
 * see the outer value.
 */
export function unseenEnvConsumer(jobs: readonly JobInfo[], name: string, ctx: EnvConsumerContext): string | null {
  for (const job of jobs) {
    for (const { step, what } of opaqueStepsOf(job, ctx)) {
      if (step.env[name] !== undefined) continue
      return `step "${quoted(stepLabel(step))}" of job ${quoted(job.id)} runs ${what} with $${quoted(name)} in its environment, and pat-lint cannot see whether it uses it`
    }
  }
  return null
}
