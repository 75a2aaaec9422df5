/**
 * A step using an action of the knowledge base (knowledge/actions.ts): the permissions its entry
 * states, those of its conditions that the step's inputs switch on, and the repository it acts on.
 */
import { type KnownAction } from '../../knowledge/actions.js'
import { ACTION_EVENTS } from '../../knowledge/action-effects.js'
import { FINE_GRAINED_OF_KEY, NO_FINE_GRAINED, type Level, type PermissionSet } from '../../knowledge/permissions.js'
import { resolveRepo } from '../repo-ref.js'
import { PACKAGE_TARGET } from '../script/programs.js'
import type { Call, StepAnalysis } from '../types.js'
import { inputs, type StepContext } from './step-context.js'
import { alsoRunsIn, resolveAll, targetOf, withEnvValues } from './target.js'
import { because, plain } from '../../knowledge/reasons.js'
import { DEPENDABOT_COMMAND } from '../../knowledge/events.js'
import { CREATES_PULL_REQUESTS } from '../../knowledge/settings.js'
import { DEPENDABOT_REFUSES } from '../script/gh.js'

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

const SWITCHED_OFF: ReadonlySet<string> = new Set(['', 'false', 'no', 'off', 'never'])
const SWITCHED_ON: ReadonlySet<string> = new Set(['true', 'yes', 'on'])

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

/** Images pushed: `docker push`, `docker buildx … --push`, `docker compose push`, skopeo/crane copies. */
const PUSHES_IMAGES = /\bdocker\s+(?:image\s+)?push\b|\bdocker\s+(?:buildx\s+)?(?:build|bake)\b[^\n]*\s--push\b|\bdocker[\s-]compose\s+push\b|\b(?:skopeo\s+copy|crane\s+(?:push|copy)|ko\s+(?:build|publish))\b/

/**
 * A condition the knowledge base states about the job rather than the step's inputs: "the job
 * pushes images to ghcr.io" holds when a later step pushes an image: build-push-action or bake-action
 * with `push:` not false, or a script that pushes (the login's credential is docker's, left in its
 * config for later steps).
 */
function jobConditionApplies(when: string, ctx: StepContext): boolean {
  if (!/\bjob pushes images\b/i.test(when) || !ctx.job) return false
  return ctx.job.steps.slice(ctx.step.index + 1).some((s) => {
    const uses = s.uses?.value.toLowerCase() ?? ''
    if (/^docker\/(build-push|bake)-action@/.test(uses)) return !['', 'false'].includes((s.with.push?.value ?? '').trim().toLowerCase())
    return !!s.run && PUSHES_IMAGES.test(s.run.value)
  })
}

export function analyseKnownAction(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const ins = inputs(ctx.step)
  const permissions = facts.fineGrained ? withoutMetadata(facts.fineGrained) : fromGithubTokenKeys(facts.githubToken)
  for (const c of facts.conditional) {
    if (!conditionalApplies(c.when, ins) && !jobConditionApplies(c.when, ctx)) continue
    Object.assign(permissions, c.fineGrained ? withoutMetadata(c.fineGrained) : fromGithubTokenKeys(c.githubToken))
  }
  const expand = (value: string) => withEnvValues(value, ctx)
  const named = (facts.repositoryInput && ctx.step.with[facts.repositoryInput]?.value) || (facts.repositoryEnv && ctx.step.env[facts.repositoryEnv]?.value)
  // A name alone (`repo: docs` beside `owner: org`) names a repository of that owner.
  const nameAlone = !!named && !!ins.owner && /^[\w.-]+$/.test(expand(named).trim())
  const target = nameAlone ? resolveAll(`${expand(ins.owner)}/${expand(named).trim()}`, ctx.job, ctx.self, ctx.memo) : named ? (alsoRunsIn(expand(named), ctx) ?? resolveAll(expand(named), ctx.job, ctx.self, ctx.memo)) : facts.repositoryDefault ? resolveRepo(facts.repositoryDefault, ctx.self) : targetOf(ctx.step, ctx.self, ctx.job, ctx.memo, expand)
  const call: Call = { what: facts.uses, permissions, target, events: [...(facts.events ?? ACTION_EVENTS[facts.uses] ?? [])] }
  // An action that opens pull requests does so with GITHUB_TOKEN only where the setting allows it (R8).
  if (call.events!.includes('pull_request')) call.provided = CREATES_PULL_REQUESTS
  if (facts.githubToken === null) call.patReason = facts.patNeededWhen[0] ?? plain('GITHUB_TOKEN cannot do this')
  if (facts.fineGrained === null && facts.githubToken !== null) {
    call.classicOnly = because(`${facts.uses} uses GitHub Packages or the Checks API, which fine-grained tokens cannot reach`, 'R9', 'R13', 'R18')
    if (call.permissions.packages && call.target.kind === 'same') call.target = PACKAGE_TARGET
  }
  if (facts.classicOnlyReason) {
    // Classic-only actions state their needs as scopes, with those of the conditions that apply.
    call.classicOnly = facts.classicOnlyReason
    const scopes = [...(facts.classicScopes ?? [])]
    for (const c of facts.conditional) if (conditionalApplies(c.when, ins)) scopes.push(...(c.classicScopes ?? []))
    call.classicScopes = scopes
  }
  // A comment an action posts that commands Dependabot must come from a user with push access.
  if (!call.patReason && ['body', 'comment', 'message', 'comment-body'].some((k) => DEPENDABOT_COMMAND.test(ins[k] ?? ''))) call.patReason = DEPENDABOT_REFUSES
  const calls = [call]
  for (const input of facts.alsoRepositoryInputs ?? []) {
    const also = ctx.step.with[input]?.value
    if (also) calls.push({ ...call, what: `${facts.uses} (${input})`, target: resolveAll(expand(also), ctx.job, ctx.self, ctx.memo) })
  }
  // A configuration document given as an input (JSON such as slash-command-dispatch's `config`)
  // that names `"repository": "owner/name"` sends the action's calls there too (R3 if it is another).
  for (const [input, value] of Object.entries(ctx.step.with)) {
    for (const m of value.value.matchAll(/"repository"\s*:\s*"([^"]{1,200})"/g)) {
      calls.push({ ...call, what: `${facts.uses} (${input}: ${m[1]})`, target: resolveAll(m[1], ctx.job, ctx.self, ctx.memo) })
    }
  }
  return { calls, unknown: [...(facts.unseen ?? [])] }
}
