/**
 * Decides each use: finds the step(s) that receive the token, analyses what they do with it,
 * and turns that into a verdict, the permissions needed and the reasons.
 */
import type { SecretUse } from '../workflow/flows.js'
import type { ActionKnowledge } from '../knowledge/actions.js'
import type { StepInfo, WorkflowInfo } from '../workflow/model.js'
import { analyseActionStep, analyseRunStep, type StepContext } from './action-step.js'
import { decide, type Listeners } from './decide.js'
import type { StepAnalysis, UseDecision } from './types.js'

export interface AnalysisContext {
  self: string | null
  /** Models by file path. */
  models: Map<string, WorkflowInfo>
  knowledge: ActionKnowledge
  /** The triggers of every workflow seen: whether a token's events would start anything (R1). */
  listeners: Listeners
}

function undecided(reason: string): UseDecision {
  return { githubTokenWouldDo: null, needs: {}, reasons: [reason], calls: [], classicOnly: [], repositories: [], unknown: [reason] }
}

/** The with-input of `step` whose value reads `${{ env.NAME }}`, if any. */
function inputReadingEnv(step: StepInfo, name: string): string | null {
  const re = new RegExp(`\\benv\\.${name}\\b|\\benv\\[\\s*'${name}'\\s*\\]`)
  return Object.entries(step.with).find(([, v]) => re.test(v.raw))?.[0] ?? null
}

function analyseStep(step: StepInfo, model: WorkflowInfo, ctx: AnalysisContext, tokenInput: string | null, tokenVars: Set<string>): StepAnalysis {
  const job = model.jobs.find((j) => j.id === step.job) ?? model.jobs.find((j) => j.steps.includes(step)) ?? null
  const stepCtx: StepContext = { self: ctx.self, model, job, step, tokenInput, tokenVars, knowledge: ctx.knowledge }
  if (step.uses) return analyseActionStep(stepCtx)
  if (step.run) return analyseRunStep(stepCtx)
  return { calls: [], unknown: [] }
}

export function decideUse(use: SecretUse, ctx: AnalysisContext): UseDecision {
  const model = ctx.models.get(use.file)
  if (!model) return undecided('the file could not be modelled')
  switch (use.kind) {
    case 'reusable-workflow':
    case 'secrets-inherit':
      return undecided(`the called workflow ${use.job?.uses?.value ?? ''} decides what the token is used for; it is not followed yet`.replace('  ', ' '))
    case 'container-credentials':
      return undecided('registry credentials for a job container: whether GITHUB_TOKEN (packages: read) would do depends on the package\'s access settings')
    case 'other':
      return undecided(`the secret is used in \`${use.input ?? 'an unusual place'}\`, which pat-lint does not interpret`)
  }
  if (use.kind === 'env' && use.envLevel !== 'step') {
    const readers = use.readBy ?? []
    if (!readers.length) {
      return { githubTokenWouldDo: true, needs: {}, reasons: [`no step reads $${use.input}: the secret need not be exposed here at all`], calls: [], classicOnly: [], repositories: [], unknown: [] }
    }
    const merged: StepAnalysis = { calls: [], unknown: [] }
    for (const step of readers) {
      const a = analyseStep(step, model, ctx, inputReadingEnv(step, use.input!), new Set([use.input!]))
      merged.calls.push(...a.calls)
      merged.unknown.push(...a.unknown)
    }
    return decide(merged, ctx.listeners)
  }
  const step = use.step
  if (!step) return undecided('the use is not inside a step')
  const tokenVars = new Set<string>()
  let tokenInput: string | null = null
  if (use.kind === 'env' && use.input) tokenVars.add(use.input)
  if (use.kind === 'with' || (use.kind === 'git-url' && use.input && step.with[use.input])) tokenInput = use.input
  // A secret passed through env, then read as ${{ env.X }}: the env variable carries it.
  if (use.via?.startsWith('env.')) tokenVars.add(use.via.slice(4))
  return decide(analyseStep(step, model, ctx, tokenInput, tokenVars), ctx.listeners)
}
