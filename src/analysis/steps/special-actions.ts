/**
 * Actions whose use of the token depends on more than their inputs: checkout (the credential it
 * persists for later steps), add-to-project (whose project), create-pull-request (the repository
 * a `path:` holds, a fork), github-script (its script) and Renovate (which updates workflow pins).
 */
import { loadScripts } from '../../workflow/script-imports.js'
import { CREATES_PULL_REQUESTS } from '../../knowledge/settings.js'
import type { KnownAction } from '../../knowledge/actions.js'
import type { PermissionSet } from '../../knowledge/permissions.js'
import { quoted } from '../../limits.js'
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import type { ScriptContext } from '../script/words.js'
import type { Call, StepAnalysis } from '../types.js'
import { analyseGithubScript } from './github-script.js'
import { analyseKnownAction } from './known-action.js'
import { checkoutDirectory, followLaterPushes } from './later-steps.js'
import { inputs, type StepContext } from './step-context.js'
import { alsoRunsIn, lastCheckoutAt, resolveFallback } from './target.js'
import { because } from '../../knowledge/reasons.js'

export function analyseCheckout(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const ins = inputs(ctx.step)
  const target = ins.repository ? (alsoRunsIn(ins.repository, ctx) ?? resolveRepo(resolveFallback(ins.repository, ctx), ctx.self)) : ({ kind: 'same' } as RepoRef)
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

export function analyseAddToProject(ctx: StepContext): StepAnalysis {
  const url = inputs(ctx.step)['project-url'] ?? ''
  const reads: PermissionSet = {}
  if (ctx.model.triggers.includes('issues')) reads.issues = 'read'
  if (ctx.model.triggers.some((t) => t === 'pull_request' || t === 'pull_request_target')) reads.pull_requests = 'read'
  if (/\/users\//i.test(url)) {
    return { calls: [{ what: 'actions/add-to-project (user project)', permissions: reads, target: { kind: 'account' }, patReason: because('Projects are out of GITHUB_TOKEN\'s reach', 'R5'), classicOnly: because('a user-owned project: fine-grained tokens cannot reach user-owned Projects', 'R5', 'R18') }], unknown: [] }
  }
  const owner = /\/orgs\/([^/]+)/i.exec(url)?.[1] ?? null
  return { calls: [{ what: 'actions/add-to-project', permissions: { organization_projects: 'write', ...reads }, target: { kind: 'organization', owner }, patReason: because('Projects are out of GITHUB_TOKEN\'s reach', 'R5') }], unknown: [] }
}

export function analyseCreatePullRequest(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const ins = inputs(ctx.step)
  const calls: Call[] = []
  let target: RepoRef = { kind: 'same' }
  // A `path:` that another checkout filled: the PR goes to that repository.
  if (ins.path) {
    const checkout = ctx.job ? lastCheckoutAt(ctx.job, ins.path, ctx.step.index, ctx.memo) : undefined
    if (checkout?.with.repository) target = resolveRepo(checkout.with.repository.value, ctx.self)
  }
  const permissions: PermissionSet = { contents: 'write', pull_requests: 'write' }
  if (ins['team-reviewers']) permissions.members = 'read'
  const fork = ins['push-to-fork']
  if (!fork) {
    calls.push({ what: facts.uses, permissions, target, events: ['pull_request', 'push'], provided: CREATES_PULL_REQUESTS })
    return { calls, unknown: [] }
  }
  // push-to-fork: the branch goes to the fork and the pull request to the parent, two repositories
  // the token must both reach (the action's docs/concepts-guidelines.md, "Pushing to a fork with
  // fine-grained permissions"). The fork lags its parent: the push carries the parent's newer
  // commits, workflow files included (R2).
  const { contents: _contents, ...prPermissions } = permissions
  calls.push({ what: facts.uses, permissions: { ...prPermissions, contents: 'read' }, target, events: ['pull_request'] })
  calls.push({
    what: `${facts.uses} (push-to-fork)`,
    permissions: { contents: 'write', workflows: 'write' },
    target: resolveRepo(fork, ctx.self),
    patReason: because('the branch is pushed to a fork (push-to-fork), which needs a user token', 'R11'),
  })
  return { calls, unknown: [] }
}

export function analyseGithubScriptStep(ctx: StepContext): StepAnalysis {
  const scriptCtx: ScriptContext = { self: ctx.self, tokenVars: ctx.tokenVars, env: Object.fromEntries(Object.entries(ctx.step.env).map(([k, v]) => [k, v.value])), secret: ctx.secret, memo: ctx.memo }
  const script = ctx.step.with.script?.value ?? ''
  // The files it loads get the client too (`await require('./x.js')({ github })`): their calls count, and one pat-lint cannot read is unseen.
  const loaded = loadScripts(script, ctx.readScript ?? (() => null))
  const unseen = loaded.missing.map((path) => `the script loads ${quoted(path)}, which pat-lint cannot read`)
  return analyseGithubScript([script, ...loaded.texts].join('\n'), scriptCtx, unseen)
}

/**
 * Renovate's github-actions manager is on by default and keeps `uses:` pins up to date, this very
 * step's `renovatebot/github-action@…` among them: its branches change workflow files (R2).
 */
export function analyseRenovate(ctx: StepContext, facts: KnownAction): StepAnalysis {
  const out = analyseKnownAction(ctx, facts)
  const pin = ctx.step.uses!.value
  if (!pin.includes('@')) return out
  for (const call of out.calls) {
    call.permissions = { ...call.permissions, workflows: 'write' }
    call.what = `${facts.uses} (whose github-actions manager, on by default, updates workflow pins such as \`${pin}\`)`
  }
  return out
}
