/**
 * What a `uses:` step does with the token it is given: from the knowledge base entry of the
 * action (known-action.ts), the few actions whose behaviour depends on more (special-actions.ts),
 * or, for an action pat-lint does not know, what its inputs say about where it acts.
 */
import { actionName } from '../../knowledge/actions.js'
import { REPOSITORY_INPUTS } from '../../knowledge/action-effects.js'
import { quoted } from '../../limits.js'
import type { StepInfo } from '../../workflow/model.js'
import type { Memo } from '../memo.js'
import type { StepAnalysis } from '../types.js'
import { analyseKnownAction } from './known-action.js'
import { SEMANTIC_RELEASE_ACTIONS } from '../../knowledge/semantic-release.js'
import { analyseGoreleaserAction, analyseSemanticReleaseAction } from './release-tool-actions.js'
import { GORELEASER_ACTION } from '../../knowledge/goreleaser.js'
import { analyseAddToProject, analyseCheckout, analyseCreatePullRequest, analyseGithubScriptStep, analyseRenovate } from './special-actions.js'
import { inputs, type StepContext } from './step-context.js'
import { resolveAll, withEnvValues } from './target.js'

/**
 * An action pat-lint knows nothing about: what it does is unseen, but a token handed to a step
 * that names another repository (by input or env) is used there, and GITHUB_TOKEN cannot reach it
 * (R3). Whatever token the step holds, the answer is the same: worked out once per step.
 */
function analyseUnknownAction(ctx: StepContext, name: string): StepAnalysis {
  return ctx.memo.once('unknown action steps', ctx.step, () => readUnknownAction(ctx, name))
}

/** `actionName` of a step's `uses:`, read once per step. */
/** The action's name as written and lower-cased, once per step: a `uses:` may be as long as the file, and thousands of uses may share it. */
function actionNameOf(step: StepInfo, memo: Memo): { name: string; lower: string } | null {
  return memo.once('action names', step, () => {
    const name = actionName(step.uses!.value)
    return name === null ? null : { name, lower: name.toLowerCase() }
  })
}

function readUnknownAction(ctx: StepContext, name: string): StepAnalysis {
  const unknown = [`${quoted(name)} is not in pat-lint's knowledge base: what it does with the token cannot be seen`]
  const named: string[] = []
  for (const [k, v] of Object.entries(ctx.step.with)) if (REPOSITORY_INPUTS.includes(k.toLowerCase())) named.push(v.value)
  for (const [k, v] of Object.entries(ctx.step.env)) if (/(^|_)(REPO|REPOSITORY)$/i.test(k) && !/\$\{\{\s*secrets\./.test(v.value)) named.push(v.value)
  const ins = inputs(ctx.step)
  if (ins.owner && ins.repo) named.push(`${ins.owner}/${ins.repo}`)
  for (const value of named) {
    const ref = resolveAll(withEnvValues(value, ctx), ctx.job, ctx.self, ctx.memo)
    if (ref.kind === 'other') {
      return { calls: [{ what: `${quoted(name)} (on ${ref.repo})`, permissions: {}, target: ref }], unknown }
    }
  }
  return { calls: [], unknown }
}

/** Analyses a `uses:` step that receives the token. */
export function analyseActionStep(ctx: StepContext): StepAnalysis {
  const uses = ctx.step.uses!.value
  const named = actionNameOf(ctx.step, ctx.memo)
  if (!named) {
    return { calls: [], unknown: [`${quoted(uses)} is a ${uses.startsWith('docker://') ? 'container' : 'local'} action: what it does with the token is not followed yet`] }
  }
  // Actions that run a release tool do what its configuration in the repository says.
  const { name, lower } = named
  const semanticRelease = SEMANTIC_RELEASE_ACTIONS[lower]
  if (semanticRelease) return analyseSemanticReleaseAction(ctx, name, semanticRelease)
  if (lower === GORELEASER_ACTION.uses) return analyseGoreleaserAction(ctx, name)
  const facts = ctx.knowledge.lookup(uses)
  if (!facts) return analyseUnknownAction(ctx, name)
  // The token went somewhere the action does not read it from (a non-token input or env).
  const tokenInput = ctx.tokenInput?.toLowerCase()
  const readsIt = (tokenInput && facts.tokenInputs.some((i) => i.name.toLowerCase() === tokenInput)) || [...ctx.tokenVars].some((v) => facts.tokenEnv.includes(v))
  if (!readsIt && facts.uses !== 'actions/github-script') {
    const via = tokenInput ? `input \`${quoted(ctx.tokenInput!)}\`` : `env ${[...ctx.tokenVars].map(quoted).join(', ')}`
    return { calls: [], unknown: [`${facts.uses} is not known to read a token from ${via}`] }
  }
  const perInput = tokenInput ? Object.entries(facts.byTokenInput ?? {}).find(([name]) => name.toLowerCase() === tokenInput)?.[1] : undefined
  if (perInput) return analyseKnownAction(ctx, { ...facts, conditional: [], ...perInput })
  switch (facts.uses) {
    case 'actions/checkout':
      return analyseCheckout(ctx, facts)
    case 'actions/add-to-project':
      return analyseAddToProject(ctx)
    case 'peter-evans/create-pull-request':
      return analyseCreatePullRequest(ctx, facts)
    case 'actions/github-script':
      return analyseGithubScriptStep(ctx)
    case 'renovatebot/github-action':
      return analyseRenovate(ctx, facts)
    default:
      return analyseKnownAction(ctx, facts)
  }
}
