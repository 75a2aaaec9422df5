/**
 * What a `uses:` step does with the token it is given: from the knowledge base entry of the
 * action, the inputs the step sets (the repository it targets, options that need more), and a
 * few actions whose behaviour depends on other steps (checkout's persisted credentials).
 */
import { actionName, type ActionFacts, type ActionKnowledge, type KnownAction } from '../knowledge/actions.js'
import { ACTION_EVENTS, REPOSITORY_INPUTS } from '../knowledge/action-effects.js'
import { FINE_GRAINED_OF_KEY, NO_FINE_GRAINED, type Level, type PermissionSet } from '../knowledge/permissions.js'
import type { JobInfo, StepInfo, WorkflowInfo } from '../workflow/model.js'
import { analyseGithubScript } from './github-script.js'
import { resolveRepo, type RepoRef } from './repo-ref.js'
import { analyseScript, PACKAGE_TARGET, type ScriptContext } from './run-script.js'
import type { Call, StepAnalysis } from './types.js'
import { firstAtLeast } from '../order.js'
import { quoted } from '../limits.js'
import { checkoutDirectory, laterPushes, type CredentialPlace } from './later-steps.js'

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
}


function withoutMetadata(perms: Record<string, string> | null | undefined): PermissionSet {
  const out: PermissionSet = {}
  for (const [k, v] of Object.entries(perms ?? {})) if (k !== 'metadata' && /^(read|write|admin)$/.test(v)) out[k] = v as Level
  return out
}

function fromGithubTokenKeys(perms: Record<string, string> | null): PermissionSet {
  const out: PermissionSet = {}
  for (const [k, v] of Object.entries(perms ?? {})) {
    const fg = FINE_GRAINED_OF_KEY[k] ?? (NO_FINE_GRAINED.has(k) ? k : undefined)
    if (fg && fg !== 'metadata' && (v === 'read' || v === 'write')) out[fg] = v
  }
  return out
}

/** The step's inputs as plain values. */
function inputs(step: StepInfo): Record<string, string> {
  return Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k.toLowerCase(), v.value]))
}

const SWITCHED_OFF = new Set(['', 'false', 'no', 'off', 'never'])
const SWITCHED_ON = new Set(['true', 'yes', 'on'])

/**
 * Conditional permissions whose `when` names an input the step sets: `delete-branch: true`,
 * `x is set`, `x is enabled` (yes/true/on and the like, never "no"), and
 * `x is not empty (default: …)` for inputs whose default already switches the behaviour on.
 */
export function conditionalApplies(when: string, ins: Record<string, string>): boolean {
  const pair = /^`?([\w-]+)`?:\s*`?([\w.-]+)`?/.exec(when)
  if (pair && ins[pair[1].toLowerCase()] !== undefined) {
    const got = ins[pair[1].toLowerCase()].trim().toLowerCase()
    const want = pair[2].toLowerCase()
    return got === want || (SWITCHED_ON.has(want) && SWITCHED_ON.has(got))
  }
  // `a + b (…)`: both inputs are given.
  const both = /^`?([\w-]+)`?\s*\+\s*`?([\w-]+)`?(?:\s|\(|$)/.exec(when)
  if (both) return [both[1], both[2]].every((name) => (ins[name.toLowerCase()] ?? '').trim() !== '')
  const notEmpty = /^`?([\w-]+)`? is not empty(?: \(default: ([^)]*)\))?/.exec(when)
  if (notEmpty) return (ins[notEmpty[1].toLowerCase()] ?? notEmpty[2] ?? '').trim() !== ''
  const set = /^`?([\w-]+)`? is (set|enabled)/.exec(when)
  if (set) return !SWITCHED_OFF.has((ins[set[1].toLowerCase()] ?? '').trim().toLowerCase())
  return false
}

/** Every value a `${{ matrix.x }}` reference can take in the job; the value itself otherwise. */
export function matrixValues(value: string, job: JobInfo | null): string[] {
  const m = /\$\{\{\s*matrix\.([\w-]+)\s*\}\}/.exec(value)
  const values = m ? job?.matrix[m[1]] : undefined
  return values?.length ? values.map((v) => value.replace(m![0], v)) : [value]
}

/** resolveAll's answers per job and value: every step of a job over a large matrix asks the same. */
const resolvedOverMatrix = new WeakMap<JobInfo, Map<string, RepoRef>>()

/** The repository a value names; over a matrix, another repository if any entry is one. */
export function resolveAll(value: string, job: JobInfo | null, self: string | null): RepoRef {
  if (!job || !value.includes('matrix.')) return resolveOver(value, job, self)
  let known = resolvedOverMatrix.get(job)
  if (!known) resolvedOverMatrix.set(job, (known = new Map()))
  const key = `${self ?? ''}\n${value}`
  let ref = known.get(key)
  if (!ref) known.set(key, (ref = resolveOver(value, job, self)))
  return ref
}

function resolveOver(value: string, job: JobInfo | null, self: string | null): RepoRef {
  const refs = matrixValues(value, job).map((v) => resolveRepo(v, self))
  return refs.find((r) => r.kind === 'other') ?? refs.find((r) => r.kind === 'unknown') ?? refs[0]
}

function targetOf(step: StepInfo, self: string | null, job: JobInfo | null = null): RepoRef {
  const ins = inputs(step)
  // `owner` and `repo` given apart (the repository's name alone in `repo`).
  if (ins.owner && ins.repo && !ins.repo.includes('/')) return resolveAll(`${ins.owner}/${ins.repo}`, job, self)
  for (const name of REPOSITORY_INPUTS) {
    if (ins[name]) return resolveAll(ins[name], job, self)
  }
  // CLA and sync actions name the other repository by owner and name inputs.
  const remoteOwner = ins['remote-organization-name'] ?? ins['remote_organization_name']
  const remoteRepo = ins['remote-repository-name'] ?? ins['remote_repository_name']
  if (remoteRepo) return resolveRepo(`${remoteOwner ?? self?.split('/')[0] ?? '?'}/${remoteRepo}`, self)
  const owner = ins.owner ?? ins['repo-owner'] ?? ins.repository_owner
  const repo = ins['repo-name'] ?? ins.repository_name
  if (owner && repo) return resolveAll(`${owner}/${repo}`, job, self)
  return { kind: 'same' }
}

const githubEnvNames = new WeakMap<JobInfo, Set<string>>()

/** The names a job's steps may write to $GITHUB_ENV: every `NAME=` on a line that mentions GITHUB_ENV. Read once per job. */
function writtenToGithubEnv(job: JobInfo): Set<string> {
  let names = githubEnvNames.get(job)
  if (!names) {
    names = new Set()
    for (const s of job.steps) {
      if (!s.run?.value.includes('GITHUB_ENV')) continue
      for (const line of s.run.value.split('\n')) if (line.includes('GITHUB_ENV')) for (const m of line.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1])
    }
    githubEnvNames.set(job, names)
  }
  return names
}

/** The steps of a job that check out a repository, by `path:` as written. */
const checkoutsByPath = new WeakMap<JobInfo, Map<string, number[]>>()

/** The last checkout before step `before` whose `path:` is `path`, if any. */
function lastCheckoutAt(job: JobInfo, path: string, before: number): StepInfo | undefined {
  let byPath = checkoutsByPath.get(job)
  if (!byPath) {
    byPath = new Map()
    for (const s of job.steps) {
      const at = s.with.path?.value
      if (at === undefined || !s.uses || !/actions\/checkout/i.test(s.uses.value)) continue
      const list = byPath.get(at)
      if (list) list.push(s.index)
      else byPath.set(at, [s.index])
    }
    checkoutsByPath.set(job, byPath)
  }
  const list = byPath.get(path) ?? []
  const index = list[firstAtLeast(list, before) - 1]
  return index === undefined ? undefined : job.steps[index]
}

/**
 * `${{ env.X || github.repository }}`: when nothing defines X (no env: block, no write to
 * $GITHUB_ENV), the expression is its fallback.
 */
export function resolveFallback(value: string, ctx: StepContext): string {
  const m = /^\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\|\|\s*(.+?)\s*\}\}$/.exec(value.trim())
  if (!m) return value
  const name = m[1]
  const defined = [ctx.model.env, ctx.job?.env ?? {}, ctx.step.env].some((e) => Object.hasOwn(e, name)) || (!!ctx.job && writtenToGithubEnv(ctx.job).has(name))
  if (defined) return value
  const fallback = m[2]
  return /^'.*'$/.test(fallback) ? fallback.slice(1, -1) : `\${{ ${fallback} }}`
}

function analyseCheckout(ctx: StepContext, facts: ActionFacts): StepAnalysis {
  const ins = inputs(ctx.step)
  const target = ins.repository ? resolveRepo(resolveFallback(ins.repository, ctx), ctx.self) : ({ kind: 'same' } as RepoRef)
  const out: StepAnalysis = { calls: [{ what: `${facts.uses} (fetch)`, permissions: { contents: 'read' }, target, readOnly: true }], unknown: [] }
  if (ins.submodules && ins.submodules !== 'false') out.unknown.push('submodules are fetched with the token: their repositories are not visible here')
  if (ins['persist-credentials'] !== 'false') {
    // The token goes into the git config of the repository checked out: the workspace's, or the one at `path:`.
    const dir = checkoutDirectory(ctx.step)
    if (dir === null) out.unknown.push(`the token is persisted in the repository checked out at ${quoted(ins.path ?? '')}, a path the files do not show: later pushes from it are not followed`)
    else followLaterPushes(ctx, out, target, 'the token checkout persisted', dir ? { scope: 'path', dir } : { scope: 'github' })
  }
  return out
}

/** Past this many, later scripts that may push with a credential left behind are counted, not listed. */
export const LATER_SCRIPTS_LISTED = 5

/** Adds the pushes later steps make with a credential this step leaves behind. */
function followLaterPushes(ctx: StepContext, out: StepAnalysis, target: RepoRef | null, what: string, place: CredentialPlace) {
  const later = laterPushes(ctx.job, ctx.step.index, place)
  const unknown = later.unknownLines.slice(0, LATER_SCRIPTS_LISTED).map((line) => `the script run at line ${line} may push with the token left behind`)
  const more = later.unknownLines.length - LATER_SCRIPTS_LISTED
  if (more > 0) unknown.push(`${more} more scripts run by later steps, up to line ${later.unknownLines[later.unknownLines.length - 1]}, may push with the token left behind`)
  // A push to a remote named by a variable may be a push to this one: the files cannot tell.
  const runTime = later.toRunTimeRemote
  if (runTime.length && place.scope === 'remote') {
    const others = runTime.length > 1 ? ` (and ${runTime.length - 1} more later steps)` : ''
    unknown.push(`${runTime[0].what} pushes to a remote named at run time (${runTime[0].remoteAtRunTime})${others}: it may be ${place.remote}, whose URL carries the token`)
  }
  for (const p of later.pushes) {
    const to = p.url ? resolveRepo(p.url, ctx.self) : target
    out.calls.push({
      what: `a push by ${p.what} (with ${what})`,
      permissions: p.foreignCommits ? { contents: 'write', workflows: 'write' } : { contents: 'write' },
      target: to ?? { kind: 'unknown', text: '', why: 'where the later push goes is not visible' },
      events: ['push'],
    })
  }
  for (const reason of unknown) out.unknown.push(reason)
}

function analyseAddToProject(ctx: StepContext): StepAnalysis {
  const url = inputs(ctx.step)['project-url'] ?? ''
  const reads: PermissionSet = {}
  if (ctx.model.triggers.includes('issues')) reads.issues = 'read'
  if (ctx.model.triggers.some((t) => t === 'pull_request' || t === 'pull_request_target')) reads.pull_requests = 'read'
  if (/\/users\//i.test(url)) {
    return { calls: [{ what: 'actions/add-to-project (user project)', permissions: reads, target: { kind: 'account' }, patReason: 'Projects are out of GITHUB_TOKEN\'s reach (R5)', classicOnly: 'a user-owned project: fine-grained tokens cannot reach user-owned Projects (R5, R18)' }], unknown: [] }
  }
  const owner = /\/orgs\/([^/]+)/i.exec(url)?.[1] ?? null
  return { calls: [{ what: 'actions/add-to-project', permissions: { organization_projects: 'write', ...reads }, target: { kind: 'organization', owner }, patReason: 'Projects are out of GITHUB_TOKEN\'s reach (R5)' }], unknown: [] }
}

function analyseCreatePullRequest(ctx: StepContext, facts: ActionFacts): StepAnalysis {
  const ins = inputs(ctx.step)
  const calls: Call[] = []
  let target: RepoRef = { kind: 'same' }
  // A `path:` that another checkout filled: the PR goes to that repository.
  if (ins.path) {
    const checkout = ctx.job ? lastCheckoutAt(ctx.job, ins.path, ctx.step.index) : undefined
    if (checkout?.with.repository) target = resolveRepo(checkout.with.repository.value, ctx.self)
  }
  const permissions: PermissionSet = { contents: 'write', pull_requests: 'write' }
  if (ins['team-reviewers']) permissions.members = 'read'
  const call: Call = { what: facts.uses, permissions, target, events: ['pull_request', 'push'] }
  if (ins['push-to-fork']) {
    call.patReason = 'the branch is pushed to a fork (push-to-fork), which needs a user token (R11)'
    // The fork lags its parent: the push carries the parent's newer commits, workflow files included (R2).
    call.permissions.workflows = 'write'
  }
  calls.push(call)
  return { calls, unknown: [] }
}

function analyseGeneric(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const ins = inputs(ctx.step)
  const permissions = facts.fineGrained ? withoutMetadata(facts.fineGrained) : fromGithubTokenKeys(facts.githubToken)
  for (const c of facts.conditional) {
    if (!conditionalApplies(c.when, ins)) continue
    Object.assign(permissions, c.fineGrained ? withoutMetadata(c.fineGrained) : fromGithubTokenKeys(c.githubToken))
  }
  const named = (facts.repositoryInput && ctx.step.with[facts.repositoryInput]?.value) || (facts.repositoryEnv && ctx.step.env[facts.repositoryEnv]?.value)
  const target = named ? resolveAll(named, ctx.job, ctx.self) : facts.repositoryDefault ? resolveRepo(facts.repositoryDefault, ctx.self) : targetOf(ctx.step, ctx.self, ctx.job)
  const call: Call = { what: facts.uses, permissions, target, events: [...(facts.events ?? ACTION_EVENTS[facts.uses] ?? [])] }
  if (facts.githubToken === null) call.patReason = facts.patNeededWhen[0] ?? 'GITHUB_TOKEN cannot do this'
  if (facts.fineGrained === null && facts.githubToken !== null) {
    call.classicOnly = `${facts.uses} uses GitHub Packages or the Checks API, which fine-grained tokens cannot reach (R9, R13, R18)`
    if (call.permissions.packages && call.target.kind === 'same') call.target = PACKAGE_TARGET
  }
  if (facts.classicOnlyReason) {
    // Classic-only actions state their needs as scopes, with those of the conditions that apply.
    call.classicOnly = facts.classicOnlyReason
    const scopes = [...(facts.classicScopes ?? [])]
    for (const c of facts.conditional) if (conditionalApplies(c.when, ins)) scopes.push(...(c.classicScopes ?? []))
    call.classicScopes = scopes
  }
  const calls = [call]
  for (const input of facts.alsoRepositoryInputs ?? []) {
    const also = ctx.step.with[input]?.value
    if (also) calls.push({ ...call, what: `${facts.uses} (${input})`, target: resolveAll(also, ctx.job, ctx.self) })
  }
  return { calls, unknown: [] }
}

/**
 * An action pat-lint knows nothing about: what it does is unseen, but a token handed to a step
 * that names another repository (by input or env) is used there, and GITHUB_TOKEN cannot reach it (R3).
 */
function analyseUnknownAction(ctx: StepContext, name: string): StepAnalysis {
  // Whatever token the step holds, the answer is the same: worked out once per step.
  let known = unknownActionSteps.get(ctx.step)
  if (!known) unknownActionSteps.set(ctx.step, (known = readUnknownAction(ctx, name)))
  return known
}

const unknownActionSteps = new WeakMap<StepInfo, StepAnalysis>()

const actionNames = new WeakMap<StepInfo, string | null>()

/** `actionName` of a step's `uses:`, read once per step. */
function actionNameOf(step: StepInfo): string | null {
  let name = actionNames.get(step)
  if (name === undefined) actionNames.set(step, (name = actionName(step.uses!.value)))
  return name
}

function readUnknownAction(ctx: StepContext, name: string): StepAnalysis {
  const unknown = [`${quoted(name)} is not in pat-lint's knowledge base: what it does with the token cannot be seen`]
  const named: string[] = []
  for (const [k, v] of Object.entries(ctx.step.with)) if (REPOSITORY_INPUTS.includes(k.toLowerCase())) named.push(v.value)
  for (const [k, v] of Object.entries(ctx.step.env)) if (/(^|_)(REPO|REPOSITORY)$/i.test(k) && !/\$\{\{\s*secrets\./.test(v.value)) named.push(v.value)
  const ins = inputs(ctx.step)
  if (ins.owner && ins.repo) named.push(`${ins.owner}/${ins.repo}`)
  for (const value of named) {
    const ref = resolveAll(value, ctx.job, ctx.self)
    if (ref.kind === 'other') {
      return { calls: [{ what: `${quoted(name)} (on ${ref.repo})`, permissions: {}, target: ref }], unknown }
    }
  }
  return { calls: [], unknown }
}

/** Analyses a `uses:` step that receives the token. */
export function analyseActionStep(ctx: StepContext): StepAnalysis {
  const uses = ctx.step.uses!.value
  const name = actionNameOf(ctx.step)
  if (!name) {
    return { calls: [], unknown: [`${quoted(uses)} is a ${uses.startsWith('docker://') ? 'container' : 'local'} action: what it does with the token is not followed yet`] }
  }
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
  if (perInput) return analyseGeneric(ctx, { ...facts, conditional: [], ...perInput })
  switch (facts.uses) {
    case 'actions/checkout':
      return analyseCheckout(ctx, facts)
    case 'actions/add-to-project':
      return analyseAddToProject(ctx)
    case 'peter-evans/create-pull-request':
      return analyseCreatePullRequest(ctx, facts)
    case 'actions/github-script': {
      const scriptCtx: ScriptContext = { self: ctx.self, tokenVars: ctx.tokenVars, env: Object.fromEntries(Object.entries(ctx.step.env).map(([k, v]) => [k, v.value])), secret: ctx.secret }
      return analyseGithubScript(ctx.step.with.script?.value ?? '', scriptCtx)
    }
    case 'renovatebot/github-action':
      return analyseRenovate(ctx, facts)
    default:
      return analyseGeneric(ctx, facts)
  }
}

/**
 * Renovate's github-actions manager is on by default and keeps `uses:` pins up to date, this very
 * step's `renovatebot/github-action@…` among them: its branches change workflow files (R2).
 */
function analyseRenovate(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const out = analyseGeneric(ctx, facts)
  const pin = ctx.step.uses!.value
  if (!pin.includes('@')) return out
  for (const call of out.calls) {
    call.permissions = { ...call.permissions, workflows: 'write' }
    call.what = `${facts.uses} (whose github-actions manager, on by default, updates workflow pins such as \`${pin}\`)`
  }
  return out
}

/**
 * Each step's environment: its `env:` over its job's over the workflow's, as a chain of objects
 * so each level is built once (a workflow may carry thousands of variables and of steps). The
 * chain ends in null, so names such as `constructor` are not found in it.
 */
const envLayers = new WeakMap<object, Record<string, string>>()

function envLayer(key: object, parent: Record<string, string> | null, scope: Record<string, { value: string }>): Record<string, string> {
  let env = envLayers.get(key)
  if (!env) {
    env = Object.create(parent) as Record<string, string>
    for (const [k, v] of Object.entries(scope)) env[k] = v.value
    envLayers.set(key, env)
  }
  return env
}

function stepEnv(ctx: StepContext): Record<string, string> {
  const workflow = envLayer(ctx.model, null, ctx.model.env)
  const job = ctx.job ? envLayer(ctx.job, workflow, ctx.job.env) : workflow
  return envLayer(ctx.step, job, ctx.step.env)
}

/** Analyses a `run:` step that receives the token (inline or through env). */
export function analyseRunStep(ctx: StepContext): StepAnalysis {
  const out = analyseScript(ctx.step.run?.value ?? '', { self: ctx.self, tokenVars: ctx.tokenVars, env: stepEnv(ctx), secret: ctx.secret }, ctx.step.run)
  for (const p of out.persists ?? []) {
    const place: CredentialPlace = p.scope === 'remote' ? { scope: 'remote', remote: p.remote ?? 'origin' } : { scope: 'github' }
    followLaterPushes(ctx, out, p.target, p.what.replace(/^the token is |^the secret is /, 'the credential '), place)
  }
  return out
}
