/**
 * Decides each use: finds the step(s) that receive the token, analyses what they do with it,
 * and turns that into a verdict, the permissions needed and the reasons.
 */
import { actionName, type ActionKnowledge } from '../knowledge/actions.js'
import { expressionPattern, type SecretUse } from '../workflow/flows.js'
import { jobNamed, localPath, type JobInfo, type StepInfo, type WorkflowInfo } from '../workflow/model.js'
import { withEnvValues } from './steps/target.js'
import type { Memo } from './memo.js'
import { analyseActionStep } from './steps/action-step.js'
import { analyseRunStep } from './steps/run-step.js'
import type { StepContext } from './steps/step-context.js'
import { decide, type Listeners } from './decide.js'
import { unseenEnvConsumer } from './env-consumers.js'
import { tokenVerdict } from './token.js'
import type { StepAnalysis, UseDecision } from './types.js'
import { quoted } from '../limits.js'
import { about, plain } from '../knowledge/reasons.js'

export interface AnalysisContext {
  self: string | null
  /** Models by file path. */
  models: Map<string, WorkflowInfo>
  /** Every secret use, by file: a reusable workflow's uses decide for its callers. */
  usesByFile: Map<string, SecretUse[]>
  knowledge: ActionKnowledge
  /** The triggers of every workflow seen: whether a token's events would start anything (R1). */
  listeners: Listeners
  /** Each workflow's triggers, by file: a workflow's own are no evidence that its events must start CI. */
  triggersByFile: ReadonlyMap<string, readonly string[]>
  /** The run's caches and counts. */
  memo: Memo
  /** Files github-script steps load, read before the analysis: text, or null when unreadable. */
  scriptFiles?: ReadonlyMap<string, string | null>
  /** Composite actions of other repositories, modelled from their action.yml, by lower-cased action name. */
  remoteComposites?: ReadonlyMap<string, WorkflowInfo>
}

/** A decision that cannot be made, with the reason. */
export function undecided(reason: string): UseDecision {
  return { githubTokenWouldDo: null, needs: {}, reasons: [plain(reason)], calls: [], classicOnly: [], repositories: [], unknown: [reason], provided: [] }
}

/** The token reaches a place where nothing uses it: GITHUB_TOKEN, or nothing at all, would do. */
function unused(reason: string): UseDecision {
  return { githubTokenWouldDo: true, needs: {}, reasons: [plain(reason)], calls: [], classicOnly: [], repositories: [], unknown: [], provided: [] }
}

/** The with-input of `step` whose value reads `${{ env.NAME }}`, if any. */
function inputReadingEnv(step: StepInfo, name: string): string | null {
  const re = expressionPattern(name)
  return Object.entries(step.with).find(([, v]) => re.test(v.raw))?.[0] ?? null
}

/** How deep local actions calling local actions are followed. */
const MAX_LOCAL_DEPTH = 4

/** The model of a local action (`uses: ./path`), when the repository has it. */
function localAction(uses: string, ctx: AnalysisContext): WorkflowInfo | undefined {
  const dir = localPath(uses)
  if (dir === null) return ctx.remoteComposites?.size ? ctx.remoteComposites.get(actionName(uses)?.toLowerCase() ?? '') : undefined
  return ctx.models.get(`${dir}/action.yml`) ?? ctx.models.get(`${dir}/action.yaml`)
}

function merge(into: StepAnalysis, from: StepAnalysis): StepAnalysis {
  // One at a time: spreading a list of 100,000 calls into push() overflows the stack.
  for (const call of from.calls) into.calls.push(call)
  for (const reason of from.unknown) into.unknown.push(reason)
  if (from.persists) for (const p of from.persists) (into.persists ??= []).push(p)
  return into
}

/**
 * A local composite action given the token as input `input` (and/or in env `vars`, which its
 * steps inherit): its steps that read `${{ inputs.<input> }}` or those variables are analysed
 * like any step, the input's reference in a script standing for a variable holding the token.
 */
function analyseComposite(action: WorkflowInfo, input: string | null, vars: Set<string>, ctx: AnalysisContext, depth: number, given: Readonly<Record<string, string>> = {}): StepAnalysis {
  // By action, input, variables, the literal inputs given and depth: actions that call actions n
  // times each would otherwise be read n x n x … times.
  const analysed = ctx.memo.byText<StepAnalysis>('composite analyses')
  const literal = literalInputs(given)
  const key = `${action.file}\n${input ?? ''}\n${[...vars].sort().join(' ')}\n${depth}\n${JSON.stringify(literal)}`
  let analysis = analysed.get(key)
  if (!analysis) analysed.set(key, (analysis = readComposite(action, input, vars, ctx, depth, literal)))
  return analysis
}

/** The `with:` values a step gives an action, `${{ env.NAME }}` taking the value the files give NAME. */
function givenInputs(step: StepInfo, job: JobInfo | null, model: WorkflowInfo): Record<string, string> {
  return Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k, withEnvValues(v.value, { step, job, model })]))
}

/** The `with:` values a step gives an action that are literal (no expression), by lower-cased name, in name order. */
function literalInputs(given: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => !v.includes('${{')).map(([k, v]) => [k.toLowerCase(), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * A composite step with `${{ inputs.NAME }}` replaced by the literal the calling step gives NAME
 * (the token's own input excepted, which the analysis follows as the token): a composite's
 * `repository: ${{ inputs.repo }}` is the repository its caller names.
 */
function withGivenInputs(step: StepInfo, given: Readonly<Record<string, string>>, tokenInput: string | undefined): StepInfo {
  if (!Object.keys(given).length) return step
  const put = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (written, name: string) => {
    const key = name.toLowerCase()
    return key === tokenInput?.toLowerCase() || given[key] === undefined ? written : given[key]
  })
  const values = <T extends { value: string }>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, { ...v, value: put(v.value) }]))
  if (![...Object.values(step.with), ...Object.values(step.env), ...(step.run ? [step.run] : [])].some((v) => /\$\{\{\s*inputs\./.test(v.value))) return step
  return { ...step, with: values(step.with), env: values(step.env), ...(step.run ? { run: { ...step.run, value: put(step.run.value) } } : {}) }
}

function readComposite(action: WorkflowInfo, input: string | null, vars: Set<string>, ctx: AnalysisContext, depth: number, given: Readonly<Record<string, string>>): StepAnalysis {
  // Each call, reason and credential once: steps calling the same action share its analysis.
  const calls = new Set<StepAnalysis['calls'][number]>()
  const unknown = new Set<string>()
  const persists = new Set<NonNullable<StepAnalysis['persists']>[number]>()
  const parts = new Set<StepAnalysis>()
  const name = input?.replace(/[^A-Za-z0-9_-]/g, '')
  const reads = name ? new RegExp(`\\$\\{\\{[^}]*\\binputs(\\.${name}\\b|\\[\\s*'${name}'\\s*\\])[^}]*\\}\\}`, 'i') : null
  for (const original of action.jobs[0]?.steps ?? []) {
    const step = withGivenInputs(original, given, name)
    const stepVars = new Set(vars)
    for (const [k, v] of Object.entries(step.env)) if (reads?.test(v.raw)) stepVars.add(k)
    const withInput = reads ? (Object.entries(step.with).find(([, v]) => reads.test(v.raw))?.[0] ?? null) : null
    let s = step
    if (reads && step.run && reads.test(step.run.raw)) {
      stepVars.add('PAT_LINT_INPUT')
      s = { ...step, run: { ...step.run, value: step.run.value.replace(new RegExp(reads.source, 'gi'), '$PAT_LINT_INPUT') } }
    }
    if (!withInput && !stepVars.size) continue // the step sees neither the input nor the variables
    const part = analyseStep(s, action, ctx, withInput, stepVars, depth + 1)
    // The same (memoized) analysis again adds nothing: skip it rather than re-add its calls.
    if (parts.has(part)) continue
    parts.add(part)
    for (const call of part.calls) calls.add(call)
    for (const reason of part.unknown) unknown.add(reason)
    for (const p of part.persists ?? []) persists.add(p)
  }
  return { calls: [...calls], unknown: [...unknown], ...(persists.size ? { persists: [...persists] } : {}) }
}

function analyseStep(step: StepInfo, model: WorkflowInfo, ctx: AnalysisContext, tokenInput: string | null, tokenVars: Set<string>, depth = 0, secret?: string): StepAnalysis {
  // A composite action's steps have no job id: the action's one job holds them.
  const job = (step.job === null ? model.jobs[0] : jobNamed(model, step.job)) ?? null
  const stepCtx: StepContext = { self: ctx.self, model, job, step, tokenInput, tokenVars, knowledge: ctx.knowledge, secret, memo: ctx.memo, localAction: (uses) => localAction(uses, ctx), readScript: (path) => ctx.scriptFiles?.get(path) ?? null }
  // A remote composite's `./` actions live in its own repository, which is not read here.
  if (model.remote && step.uses && localPath(step.uses.value) !== null) return { calls: [], unknown: [`${quoted(step.uses.value)} is an action of ${model.remote}'s own repository, which pat-lint has not read`] }
  const action = step.uses ? localAction(step.uses.value, ctx) : undefined
  if (action && depth < MAX_LOCAL_DEPTH) return analyseComposite(action, tokenInput, tokenVars, ctx, depth, givenInputs(step, job, model))
  if (action) return { calls: [], unknown: [`${quoted(step.uses!.value)} is a local action ${depth} levels down: pat-lint follows local actions no deeper`] }
  if (step.uses) return analyseActionStep(stepCtx)
  if (step.run) return analyseRunStep(stepCtx)
  return { calls: [], unknown: [] }
}

/**
 * A job calling a reusable workflow of this repository: the called workflow's uses of the
 * secret it receives (as `secrets.<input>`, or every secret with `secrets: inherit`) decide.
 */
function decideReusable(use: SecretUse, ctx: AnalysisContext): UseDecision {
  const target = use.job?.uses?.value.trim() ?? ''
  const path = localPath(target)
  const called = path === null ? undefined : ctx.models.get(path)
  if (!called) return undecided(`the called workflow ${target} is in another repository: what it does with the token is not visible here`)
  const name = (use.kind === 'secrets-inherit' ? use.secret : use.input)?.toUpperCase()
  if (!name) return undecided('every secret is passed on: the called workflow decides')
  // Every caller passing a token to the same secret of the same workflow gets the same decision.
  const decided = ctx.memo.byText<UseDecision | 'deciding'>('reusable decisions')
  const key = `${called.file}\n${name}`
  const known = decided.get(key)
  if (known === 'deciding') return undecided(`${called.file} is reached again through the workflows it calls: pat-lint does not follow the loop`)
  if (known) return known
  decided.set(key, 'deciding')
  const decision = decideCalled(called, name, ctx)
  decided.set(key, decision)
  return decision
}

/** What a called workflow's uses of the secret `name` add up to. */
function decideCalled(called: WorkflowInfo, name: string, ctx: AnalysisContext): UseDecision {
  const inner = (ctx.usesByFile.get(called.file) ?? []).filter((u) => u.secret === name)
  if (!inner.length) return unused(`${called.file} does not use the secret it is given`)
  const decisions = inner.map((u) => decideUse(u, ctx))
  // The called workflow's uses combine as a token's uses do.
  const combined = tokenVerdict(decisions, ctx.self, ctx.memo)
  return {
    githubTokenWouldDo: combined.githubTokenWouldDo,
    needs: combined.minimal,
    reasons: decisions.flatMap((d, i) => d.reasons.map((r) => about(`${called.file}:${inner[i].line}`, r))),
    calls: decisions.flatMap((d) => d.calls),
    provided: decisions.flatMap((d) => d.provided),
    classicOnly: decisions.flatMap((d) => d.classicOnly),
    repositories: combined.repositories,
    unknown: decisions.flatMap((d) => d.unknown),
  }
}

export function decideUse(use: SecretUse, ctx: AnalysisContext): UseDecision {
  const model = ctx.models.get(use.file)
  if (!model) return undecided('the file could not be modelled')
  switch (use.kind) {
    case 'reusable-workflow':
    case 'secrets-inherit':
      return decideReusable(use, ctx)
    case 'container-credentials':
      return undecided('registry credentials for a job container: whether GITHUB_TOKEN (packages: read) would do depends on the package\'s access settings')
    case 'other':
      return undecided(`the secret is used in \`${quoted(use.input ?? 'an unusual place')}\`, which pat-lint does not interpret`)
  }
  if (use.kind === 'env' && use.envLevel !== 'step') {
    const readers = use.readBy ?? []
    // The variable reaches every step in scope: one running what pat-lint cannot see may use it unnamed.
    const scope = use.envLevel === 'job' && use.job ? [use.job] : model.jobs
    const unseen = use.input ? unseenEnvConsumer(scope, use.input, ctx) : null
    if (!readers.length && !unseen) return unused(`no step reads $${quoted(use.input ?? '')}: the secret need not be exposed here at all`)
    const merged: StepAnalysis = { calls: [], unknown: unseen ? [unseen] : [] }
    for (const step of readers) merge(merged, analyseStep(step, model, ctx, inputReadingEnv(step, use.input!), new Set([use.input!])))
    return decide(merged, othersListening(model, use.envLevel === 'job' ? use.job : null, ctx), ctx.memo.stats)
  }
  const step = use.step
  if (!step) return undecided('the use is not inside a step')
  const tokenVars = new Set<string>()
  let tokenInput: string | null = null
  if (use.kind === 'env' && use.input) tokenVars.add(use.input)
  if (use.kind === 'with' || (use.kind === 'git-url' && use.input && step.with[use.input])) tokenInput = use.input
  // A secret passed through env, then read as ${{ env.X }}: the env variable carries it.
  if (use.via?.startsWith('env.')) tokenVars.add(use.via.slice(4))
  const action = step.uses ? localAction(step.uses.value, ctx) : undefined
  if (action) return decideComposite(action, tokenInput, tokenVars, ctx, givenInputs(step, use.job, model))
  return decide(analyseStep(step, model, ctx, tokenInput, tokenVars, 0, use.secret ?? undefined), othersListening(model, use.job, ctx), ctx.memo.stats)
}

/**
 * The workflows that would hear a use's events. Its own workflow counts only through the triggers
 * its job does not run on: a workflow re-triggering itself is no evidence that CI must run (a
 * release job that pushes back on push would loop), but a job limited to push (`if:
 * github.event_name == 'push'`) that opens a pull request is heard by its workflow's
 * pull_request trigger, and that CI run is what the pull request waits for. Worked out once per
 * file and job.
 */
function othersListening(model: WorkflowInfo, job: JobInfo | null, ctx: AnalysisContext): Listeners {
  if (!ctx.triggersByFile.get(model.file)) return ctx.listeners
  const key = `${model.file}\0${job?.events?.join(',') ?? ''}`
  return ctx.memo.byText<Listeners>('listeners besides a workflow').get(key) ?? remember(key, model, job, ctx)
}

function remember(key: string, model: WorkflowInfo, job: JobInfo | null, ctx: AnalysisContext): Listeners {
  const triggers = new Set<string>()
  for (const [other, list] of ctx.triggersByFile) if (other !== model.file) for (const t of list) triggers.add(t)
  if (job?.events) {
    for (const t of model.triggers) {
      if (!job.events.includes(t) && model.listensBy && Object.hasOwn(model.listensBy, t)) for (const heard of model.listensBy[t]) triggers.add(heard)
    }
  }
  const listeners: Listeners = { triggers, workflowCount: ctx.listeners.workflowCount }
  ctx.memo.byText<Listeners>('listeners besides a workflow').set(key, listeners)
  return listeners
}

/**
 * A token given to a local composite action: what the action does with the input (or the
 * variables) decides, whichever step passes which token, so every such use shares one decision,
 * worked out once.
 */
function decideComposite(action: WorkflowInfo, input: string | null, vars: Set<string>, ctx: AnalysisContext, given: Readonly<Record<string, string>> = {}): UseDecision {
  const decided = ctx.memo.byText<UseDecision>('composite decisions')
  const key = `${action.file}\n${input ?? ''}\n${[...vars].sort().join(' ')}\n${JSON.stringify(literalInputs(given))}`
  let decision = decided.get(key)
  if (!decision) decided.set(key, (decision = decide(analyseComposite(action, input, vars, ctx, 0, given), ctx.listeners, ctx.memo.stats)))
  return decision
}
