/**
 * A credential left behind for later steps (checkout's persisted token, a git credential store,
 * an SSH key, a remote URL with the token in it) is used by whatever pushes later in the job.
 * This finds those later pushes, and the scripts that may push without showing it. A job's
 * pushes are listed once; each credential then takes the stretch of them it reaches, up to the
 * first step that puts another credential in the same place.
 */
import { actionName } from '../../knowledge/actions.js'
import { ACTIONS_THAT_PUSH } from '../../knowledge/action-effects.js'
import { firstAtLeast } from '../../order.js'
import type { JobInfo, StepInfo } from '../../workflow/model.js'
import type { Memo } from '../memo.js'
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import type { StepAnalysis } from '../types.js'
import type { StepContext } from './step-context.js'
import { plain } from '../../knowledge/reasons.js'

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
 * Where a credential left behind sits: in a remote's URL (used by pushes to that remote), in the
 * git configuration of a repository checked out at `dir` (used by pushes run inside it), or where
 * git finds it for every github.com URL (credential store, global config, the workspace's checkout).
 */
export type CredentialPlace = { scope: 'github' } | { scope: 'remote'; remote: string } | { scope: 'path'; dir: string }

/** What a credential left behind reaches: pushes, and scripts that may push without showing it. */
export interface LaterPushes {
  pushes: LaterPush[]
  /** Pushes to a remote named at run time, which may be the credential's. */
  toRunTimeRemote: LaterPush[]
  /** Lines of the steps running scripts that may push with the credential left behind. */
  unknownLines: number[]
}

/** Tools that push with the git credentials they find (their own docs: `deploy` commands). */
const PUSHING_TOOLS = /\bgit\s+(?:-C\s+\S+\s+)?push\b|\bgh-deploy\b|\bhexo\s+(d|deploy)\b|\blerna\s+(publish|version)\b|\bsemantic-release\b|\bchangeset\s+publish\b|\brelease-it\b/
const FOREIGN = /\bgit\s+(rebase|merge|cherry-pick|am|pull)\b/
const SCRIPT_THAT_MAY_PUSH = /(^|[\s;&|])(\.\/|bash\s+|sh\s+)[\w./-]+\.sh\b|\bnpm\s+run\s+(deploy|publish|release)\b|\b(yarn|pnpm)\s+(deploy|release)\b/m
/** Later steps that put another credential in the same place: pushes after them use that one. */
const SETS_REMOTE = /\bgit\s+remote\s+(set-url|add)\b[^\n]*@github\.com/
const SETS_GITHUB_CREDENTIAL = /git-credentials|\binsteadOf\b|extraheader/

/**
 * The remote of a run step's `git push`: a name (quotes dropped), or, when a variable or an
 * expression names it, the text as written; neither for a push that names no remote.
 */
function remoteOf(run: string): Pick<LaterPush, 'remote' | 'remoteAtRunTime'> {
  // Within the command's line: `git push` alone on a line names no remote.
  const arg = /\bgit[ \t]+(?:-C[ \t]+\S+[ \t]+)?push[ \t]+(?:-\S+[ \t]+)*([^\s;&|)]+)/.exec(run)?.[1]
  if (arg === undefined) return {}
  const unquoted = /^(["'])(.*)\1$/.exec(arg)?.[2] ?? arg
  if (/^[A-Za-z0-9_][\w.-]*$/.test(unquoted)) return { remote: unquoted }
  return /[$%]/.test(unquoted) ? { remoteAtRunTime: arg } : {}
}

const WORKSPACE = /^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?)(?:\/|$)/

/**
 * A directory relative to the workspace after `cd arg` from `dir` ('' is the workspace); null
 * when the files cannot tell (an absolute path, a variable, `cd -`, above the workspace).
 */
export function enterDirectory(dir: string | null, arg: string): string | null {
  if (dir === null) return null
  let path = /^(["'])(.*)\1$/.exec(arg)?.[2] ?? arg
  const fromWorkspace = WORKSPACE.exec(path)
  if (fromWorkspace) {
    path = path.slice(fromWorkspace[0].length)
    dir = ''
  }
  if (/^[/~$-]/.test(path) || path.includes('${{')) return null
  const parts = dir ? dir.split('/') : []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..') parts.push(part)
    else if (!parts.pop()) return null
  }
  return parts.join('/')
}

/** The directory a run step pushes in: its working directory, then each `cd`/`pushd` before the push, then `git -C`. */
function pushDirectory(step: StepInfo, run: string, pushAt: number): string | null {
  let dir = enterDirectory('', step.workingDirectory ?? '')
  for (const cd of run.slice(0, pushAt).matchAll(/(?:^|[\s;&|(])(?:cd|pushd)[ \t]+([^\s;&|)]+)/g)) dir = enterDirectory(dir, cd[1])
  const gitC = /^git[ \t]+-C[ \t]+(\S+)/.exec(run.slice(pushAt))?.[1]
  return gitC === undefined ? dir : enterDirectory(dir, gitC)
}

/** A list in step order, with the steps' indices beside it for binary search. */
class ByStep<T> {
  readonly items: T[] = []
  readonly at: number[] = []

  add(step: number, item: T): void {
    this.items.push(item)
    this.at.push(step)
  }

  /** The items of steps after `after` and before `before`. */
  between(after: number, before: number): T[] {
    return this.items.slice(firstAtLeast(this.at, after + 1), firstAtLeast(this.at, before))
  }
}

/** A job's pushes and the steps that put credentials in place, listed once. */
interface JobPushes {
  pushes: ByStep<LaterPush>
  byRemote: Map<string, ByStep<LaterPush>>
  toRunTimeRemote: ByStep<LaterPush>
  /** Pushes run inside each directory (a push in `a/b` is listed under `a` and `a/b`). */
  byDirectory: Map<string, ByStep<LaterPush>>
  unknown: ByStep<number>
  unknownByDirectory: Map<string, ByStep<number>>
  /** Steps that replace a credential for all of github.com, or a remote's, or a checkout's at a path. */
  githubResets: number[]
  remoteResets: number[]
  pathResets: Map<string, number[]>
}

function byKey<T>(map: Map<string, ByStep<T>>, key: string): ByStep<T> {
  let list = map.get(key)
  if (!list) map.set(key, (list = new ByStep()))
  return list
}

/** The directory and its ancestors, except the workspace: `a/b` -> `a`, `a/b`. */
function ancestry(dir: string | null): string[] {
  if (!dir) return []
  const parts = dir.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** Where a checkout leaves its token: the workspace's git config, or that of the repository at `path`. */
export function checkoutDirectory(step: StepInfo): string | null {
  return enterDirectory('', step.with.path?.value.trim() ?? '')
}

function listPushes(job: JobInfo): JobPushes {
  const out: JobPushes = { pushes: new ByStep(), byRemote: new Map(), toRunTimeRemote: new ByStep(), byDirectory: new Map(), unknown: new ByStep(), unknownByDirectory: new Map(), githubResets: [], remoteResets: [], pathResets: new Map() }
  for (const s of job.steps) {
    const name = s.uses ? actionName(s.uses.value)?.toLowerCase() : null
    if (name === 'actions/checkout' && s.with['persist-credentials']?.value !== 'false') {
      // A checkout of the workspace replaces both the workspace's credential and a remote's (origin).
      const dir = checkoutDirectory(s)
      if (dir === '') out.githubResets.push(s.index), out.remoteResets.push(s.index)
      else if (dir !== null) (out.pathResets.get(dir) ?? out.pathResets.set(dir, []).get(dir)!).push(s.index)
    }
    const pusher = name ? ACTIONS_THAT_PUSH.get(name) : undefined
    if (pusher) {
      const push: LaterPush = { what: `${name} (line ${s.pos.line})`, foreignCommits: pusher.foreignCommits }
      out.pushes.add(s.index, push)
      byKey(out.byRemote, 'origin').add(s.index, push)
      const dir = pusher.directoryInput ? (s.with[pusher.directoryInput]?.value ?? '') : ''
      for (const d of ancestry(enterDirectory('', dir))) byKey(out.byDirectory, d).add(s.index, push)
    }
    const run = s.run?.value
    if (!run) continue
    if (SETS_GITHUB_CREDENTIAL.test(run)) out.githubResets.push(s.index)
    if (SETS_REMOTE.test(run)) out.remoteResets.push(s.index)
    const tool = PUSHING_TOOLS.exec(run)
    if (tool) {
      const url = /\bgit\s+(?:-C\s+\S+\s+)?push\s+(?:-\S+\s+)*(\S*github\.com\S*)/.exec(run)?.[1]
      const push: LaterPush = { what: `the run step at line ${s.pos.line}`, foreignCommits: FOREIGN.test(run) }
      if (url) push.url = url
      else Object.assign(push, remoteOf(run))
      out.pushes.add(s.index, push)
      if (push.remoteAtRunTime) out.toRunTimeRemote.add(s.index, push)
      else if (!push.url) byKey(out.byRemote, push.remote ?? 'origin').add(s.index, push)
      for (const dir of ancestry(pushDirectory(s, run, tool.index))) byKey(out.byDirectory, dir).add(s.index, push)
    } else {
      const script = SCRIPT_THAT_MAY_PUSH.exec(run)
      if (!script) continue
      out.unknown.add(s.index, s.pos.line)
      // Inside a checked-out repository, as a push would be; one run elsewhere is not counted for it.
      for (const dir of ancestry(pushDirectory(s, run, script.index))) byKey(out.unknownByDirectory, dir).add(s.index, s.pos.line)
    }
  }
  return out
}

const NONE = new ByStep<never>()

/**
 * The pushes of the steps after `afterIndex` that a credential in `place` reaches: up to the
 * first later step that puts another one there. Worked out from the job's list of pushes, so a
 * job with thousands of credentials and thousands of pushes is read once.
 */
export function laterPushes(job: JobInfo | null, afterIndex: number, place: CredentialPlace, memo: Memo): LaterPushes {
  if (!job) return { pushes: [], toRunTimeRemote: [], unknownLines: [] }
  const all = memo.once('pushes of a job', job, () => listPushes(job))
  const resets = place.scope === 'github' ? all.githubResets : place.scope === 'remote' ? all.remoteResets : (all.pathResets.get(place.dir) ?? [])
  const until = resets[firstAtLeast(resets, afterIndex + 1)] ?? Infinity
  if (place.scope === 'github') return { pushes: all.pushes.between(afterIndex, until), toRunTimeRemote: [], unknownLines: all.unknown.between(afterIndex, until) }
  if (place.scope === 'remote') {
    return {
      pushes: (all.byRemote.get(place.remote) ?? NONE).between(afterIndex, until),
      toRunTimeRemote: all.toRunTimeRemote.between(afterIndex, until),
      unknownLines: all.unknown.between(afterIndex, until),
    }
  }
  return {
    pushes: (all.byDirectory.get(place.dir) ?? NONE).between(afterIndex, until),
    toRunTimeRemote: [],
    unknownLines: (all.unknownByDirectory.get(place.dir) ?? NONE).between(afterIndex, until),
  }
}

/** Past this many, later scripts that may push with a credential left behind are counted, not listed. */
export const LATER_SCRIPTS_LISTED = 5

/** Adds the pushes later steps make with a credential this step leaves behind. */
export function followLaterPushes(ctx: StepContext, out: StepAnalysis, target: RepoRef | null, what: string, place: CredentialPlace) {
  const later = laterPushes(ctx.job, ctx.step.index, place, ctx.memo)
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
      target: to ?? { kind: 'unknown', text: '', why: plain('where the later push goes is not visible') },
      events: ['push'],
    })
  }
  for (const reason of unknown) out.unknown.push(reason)
}
