/**
 * A credential left behind for later steps (checkout's persisted token, a git credential store,
 * an SSH key, a remote URL with the token in it) is used by whatever pushes later in the job.
 * This finds those later pushes, and the scripts that may push without showing it.
 */
import { actionName } from '../knowledge/actions.js'
import type { JobInfo, StepInfo } from '../workflow/model.js'

export interface LaterPush {
  what: string
  /** The push carries commits the workflow did not write (rebase, merge, landing PRs): they may touch .github/workflows (R2). */
  foreignCommits: boolean
  /** The remote URL pushed to, when the push names one. */
  url?: string
  /** The remote pushed to, when the push names one by name. */
  remote?: string
  /** The remote as written when a variable names it (`"$REMOTE"`): it may be any remote. */
  remoteAtRunTime?: string
}

/**
 * Later pushes, those of them that go to each remote by name (`origin` when none is named), and
 * those to a remote named at run time, which may be any of them.
 */
export interface LaterPushes {
  pushes: LaterPush[]
  unknown: string[]
  byRemote: Map<string, LaterPush[]>
  toRunTimeRemote: LaterPush[]
}

/** Tools that push with the git credentials they find (their own docs: `deploy` commands). */
const PUSHING_TOOLS = /\bgit\s+push\b|\bgh-deploy\b|\bhexo\s+(d|deploy)\b|\blerna\s+(publish|version)\b|\bsemantic-release\b|\bchangeset\s+publish\b|\brelease-it\b/
const FOREIGN = /\bgit\s+(rebase|merge|cherry-pick|am|pull)\b/
const ACTIONS_THAT_PUSH: Record<string, boolean> = {
  'stefanzweifel/git-auto-commit-action': false,
  'endbug/add-and-commit': false,
  'cirrus-actions/rebase': true,
}

/**
 * Where a credential left behind sits: in a remote's URL (used by pushes to that remote), or
 * where git finds it for every github.com URL (credential store, config, checkout's header).
 */
export type CredentialScope = 'remote' | 'github'

/** Later steps that put another credential in the same place: pushes after them use that one. */
const SETS_REMOTE = /\bgit\s+remote\s+(set-url|add)\b[^\n]*@github\.com/
const SETS_GITHUB_CREDENTIAL = /git-credentials|\binsteadOf\b|extraheader/

function replacesCredential(step: StepInfo, scope: CredentialScope): boolean {
  if (step.run) return (scope === 'remote' ? SETS_REMOTE : SETS_GITHUB_CREDENTIAL).test(step.run.value)
  // A checkout of the workspace (its token in git's config, unless told not to) replaces both.
  const checkout = step.uses && actionName(step.uses.value)?.toLowerCase() === 'actions/checkout'
  const path = step.with.path?.value.trim()
  return !!checkout && step.with['persist-credentials']?.value !== 'false' && (!path || path === '.')
}

/**
 * The remote of a run step's `git push`: a name (quotes dropped), or, when a variable or an
 * expression names it, the text as written; neither for a push that names no remote.
 */
function remoteOf(run: string): Pick<LaterPush, 'remote' | 'remoteAtRunTime'> {
  // Within the command's line: `git push` alone on a line names no remote.
  const arg = /\bgit[ \t]+push[ \t]+(?:-\S+[ \t]+)*([^\s;&|)]+)/.exec(run)?.[1]
  if (arg === undefined) return {}
  const unquoted = /^(["'])(.*)\1$/.exec(arg)?.[2] ?? arg
  if (/^[A-Za-z0-9_][\w.-]*$/.test(unquoted)) return { remote: unquoted }
  return /[$%]/.test(unquoted) ? { remoteAtRunTime: arg } : {}
}

const found = new WeakMap<JobInfo, Map<string, LaterPushes>>()

/**
 * The pushes of the steps after `afterIndex`, up to the first that replaces the credential; worked
 * out once per step and scope, as every token a step leaves behind asks the same.
 */
export function laterPushes(job: JobInfo | null, afterIndex: number, scope: CredentialScope = 'github'): LaterPushes {
  if (!job) return { pushes: [], unknown: [], byRemote: new Map(), toRunTimeRemote: [] }
  let byIndex = found.get(job)
  if (!byIndex) found.set(job, (byIndex = new Map()))
  const key = `${afterIndex} ${scope}`
  const known = byIndex.get(key)
  if (known) return known
  const pushes: LaterPush[] = []
  const unknown: string[] = []
  for (const s of job.steps.slice(afterIndex + 1)) {
    if (replacesCredential(s, scope)) break
    const name = s.uses ? actionName(s.uses.value)?.toLowerCase() : null
    if (name && name in ACTIONS_THAT_PUSH) pushes.push({ what: `${name} (line ${s.pos.line})`, foreignCommits: ACTIONS_THAT_PUSH[name] })
    const run = s.run?.value ?? ''
    if (PUSHING_TOOLS.test(run)) {
      const url = /\bgit\s+push\s+(?:-\S+\s+)*(\S*github\.com\S*)/.exec(run)?.[1]
      const push: LaterPush = { what: `the run step at line ${s.pos.line}`, foreignCommits: FOREIGN.test(run) }
      if (url) push.url = url
      else Object.assign(push, remoteOf(run))
      pushes.push(push)
    } else if (run && /(^|[\s;&|])(\.\/|bash\s+|sh\s+)[\w./-]+\.sh\b|\bnpm\s+run\s+(deploy|publish|release)\b|\b(yarn|pnpm)\s+(deploy|release)\b/m.test(run)) {
      unknown.push(`the script run at line ${s.pos.line} may push with the token left behind`)
    }
  }
  const byRemote = new Map<string, LaterPush[]>()
  const toRunTimeRemote: LaterPush[] = []
  for (const p of pushes) {
    if (p.url) continue
    if (p.remoteAtRunTime) {
      toRunTimeRemote.push(p)
      continue
    }
    const remote = p.remote ?? 'origin'
    const list = byRemote.get(remote)
    if (list) list.push(p)
    else byRemote.set(remote, [p])
  }
  const result = { pushes, unknown, byRemote, toRunTimeRemote }
  byIndex.set(key, result)
  return result
}
