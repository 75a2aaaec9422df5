/**
 * The verdict for one use: would GITHUB_TOKEN do (true), is a PAT or App token needed (false), or
 * can the files not tell (null, with the reason). Conservative by design: a wrong "would do"
 * breaks someone's release, so anything unseen or unresolved makes the verdict null.
 */
import { FINE_GRAINED_PERMISSIONS, KEY_OF_FINE_GRAINED, levelRank, NO_FINE_GRAINED, type PermissionSet } from '../knowledge/permissions.js'
import type { RunStats } from '../run-stats.js'
import { DISPATCH_EVENTS, isHeard, type TriggerEvent } from '../knowledge/events.js'
import type { StepAnalysis, UseDecision } from './types.js'
import { about, because, plain, type Reason } from '../knowledge/reasons.js'

export function mergePermissions(into: PermissionSet, from: PermissionSet): PermissionSet {
  for (const [k, v] of Object.entries(from)) if (!into[k] || levelRank(v) > levelRank(into[k])) into[k] = v
  return into
}

/** The `permissions:` block for GITHUB_TOKEN, or the permissions it has no key for. */
export function githubTokenPermissions(needs: PermissionSet): { block: Record<string, string>; missing: string[] } {
  const block: Record<string, string> = {}
  const missing: string[] = []
  for (const [perm, level] of Object.entries(needs)) {
    // packages and checks are GITHUB_TOKEN keys with no fine-grained permission (R9, R13).
    const key = KEY_OF_FINE_GRAINED[perm] ?? (NO_FINE_GRAINED.has(perm) ? perm : undefined)
    if (!key) missing.push(perm)
    else block[key] = level === 'admin' ? 'write' : level
  }
  return { block, missing }
}

function permissionReason(perm: string): Reason {
  if (perm === 'workflows') return because('changing files under .github/workflows needs `workflows: write`, which GITHUB_TOKEN never has', 'R2')
  const kind = FINE_GRAINED_PERMISSIONS[perm]?.kind
  if (kind === 'organization') return because(`\`${perm}\` is an organization permission: GITHUB_TOKEN has none`, 'R4')
  if (kind === 'account') return because(`\`${perm}\` is a user permission: GITHUB_TOKEN has none`, 'R4')
  if (/project/.test(perm)) return because('Projects are out of GITHUB_TOKEN\'s reach', 'R5')
  return because(`no \`permissions:\` key grants \`${perm}\``, 'R6')
}

/** An event as the reasons name it: `pull_request (closed)` for one activity type. */
const eventName = (e: TriggerEvent): string => e.replace(/^pull_request:([^#]+)#(.*)$/, "pull_request ($1 '$2')").replace(/^pull_request:(.+)$/, 'pull_request ($1)')

/** Events people create with a token so that CI runs on them (R1); comments, labels and issues rarely are. */
const CI_EVENTS: ReadonlySet<TriggerEvent> = new Set<TriggerEvent>(['push', 'tag push', 'pull_request', 'pull_request change', 'release', 'create'])

export interface Listeners {
  /** Triggers of every workflow seen. */
  triggers: Set<string>
  /** How many workflow files were seen: with only the one using the token, the rest of the repository's CI is unseen. */
  workflowCount: number
}

/** Decides one use from what its step does. */
export function decide(analysis: StepAnalysis, listeners: Listeners, stats: RunStats): UseDecision {
  stats.callsDecided += analysis.calls.length
  const needs: PermissionSet = {}
  const reasons: Reason[] = []
  const classicOnly: Reason[] = []
  const repositories = new Set<string>()
  const provided = new Map<string, Reason>()
  let patNeeded = false
  let undecided = analysis.unknown.length > 0
  for (const reason of analysis.unknown) reasons.push(plain(reason))

  for (const call of analysis.calls) {
    mergePermissions(needs, call.permissions)
    if (call.classicOnly) classicOnly.push(call.classicOnly)
    if (call.provided) provided.set(call.provided.text, call.provided)
    if (call.target.kind === 'other') repositories.add(call.target.repo)
    if (call.patReason) {
      patNeeded = true
      reasons.push(about(call.what, call.patReason))
    }
    const { missing } = githubTokenPermissions(call.permissions)
    for (const perm of missing) {
      patNeeded = true
      reasons.push(about(call.what, permissionReason(perm)))
    }
    switch (call.target.kind) {
      case 'other':
        if (call.target.contributor && !call.readOnly) {
          // A fork belongs to its contributor: only a user allowed to edit it (a maintainer, when the
          // pull request allows edits by maintainers) can push there, with a classic token (R18).
          patNeeded = true
          reasons.push(because(`${call.what} acts on ${call.target.repo}, a contributor's fork when the pull request comes from one: GITHUB_TOKEN cannot write there`, 'R11'))
          classicOnly.push(because(`a contributor's fork is reached only with a classic token of a maintainer the pull request allows to edit it`, 'R18'))
        } else if (call.readOnly) {
          undecided = true
          reasons.push(because(`${call.what} reads ${call.target.repo}: GITHUB_TOKEN can do that only if it is public`, 'R3'))
        } else {
          patNeeded = true
          reasons.push(because(`${call.what} acts on ${call.target.repo}, another repository: GITHUB_TOKEN reaches only its own`, 'R3'))
        }
        break
      case 'organization':
      case 'account':
        if (!call.patReason) {
          patNeeded = true
          reasons.push(because(`${call.what} uses ${call.target.kind}-level APIs, out of GITHUB_TOKEN's reach`, 'R4'))
        }
        break
      case 'public':
        reasons.push(plain(`${call.what} reads public data that GitHub serves to any caller, GITHUB_TOKEN included (${call.target.source})`))
        break
      case 'unknown':
        undecided = true
        reasons.push(about(call.what, call.target.why))
        break
    }
    const events = (call.events ?? []).filter((e) => CI_EVENTS.has(e) || e.startsWith('pull_request:'))
    if (events.length && call.target.kind === 'same') {
      const heard = events.filter((e) => isHeard(e, listeners.triggers))
      if (heard.length) {
        patNeeded = true
        const checks = ['check_suite', 'check_run'].filter((t) => listeners.triggers.has(t) && heard.includes('push'))
        const how = checks.length ? ` (a workflow waits on ${checks.join(' and ')}, which no commit GITHUB_TOKEN pushes ever starts)` : ''
        reasons.push(because(`${call.what} causes ${heard.map(eventName).join(', ')} events that should start workflows here${how}; events from GITHUB_TOKEN start none`, 'R1'))
      } else if (listeners.workflowCount <= 1) {
        undecided = true
        reasons.push(because(`${call.what} causes ${events.map(eventName).join(', ')} events; no other workflow is visible to tell whether they must start CI`, 'R1'))
      } else {
        // A note that R1 was weighed and does not apply: it cites no rule as a cause.
        reasons.push(plain(`${call.what} causes ${events.map(eventName).join(', ')} events, but no workflow here listens to them, so R1 does not apply`))
      }
    }
    if ((call.events ?? []).some((e) => DISPATCH_EVENTS.has(e)) && call.target.kind === 'same') {
      reasons.push(because(`${call.what} dispatches into this repository: GITHUB_TOKEN can start those runs`, 'R1a'))
    }
  }
  let githubTokenWouldDo: boolean | null
  if (patNeeded) githubTokenWouldDo = false
  else if (undecided) githubTokenWouldDo = null
  else {
    githubTokenWouldDo = true
    if (!analysis.calls.length) reasons.push(plain('the step does not use the token'))
    else {
      const { block } = githubTokenPermissions(needs)
      const text = Object.keys(block).length ? Object.entries(block).map(([k, v]) => `${k}: ${v}`).join(', ') : 'no extra permissions'
      reasons.push(plain(`everything happens in this repository (${analysis.calls.length} call${analysis.calls.length === 1 ? '' : 's'}): GITHUB_TOKEN with ${text} would do`))
      reasons.push(...provided.values())
    }
  }
  return { githubTokenWouldDo, needs, reasons, calls: analysis.calls, classicOnly, repositories: [...repositories].sort(), unknown: analysis.unknown, provided: [...provided.values()] }
}
