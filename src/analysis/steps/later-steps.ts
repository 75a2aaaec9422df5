/**
 * A credential left behind for later steps (checkout's persisted token, a git credential store,
 * an SSH key, a remote URL with the token in it) is used by whatever pushes later in the job.
 * This finds those later pushes, and the scripts that may push without showing it. A job's
 * pushes are listed once; each credential then takes the stretch of them it reaches, up to the
 * first step that puts another credential in the same place.
 */
import { actionName, majorOf } from '../../knowledge/actions.js'
import { ACTIONS_THAT_PUSH, GIT_CLI_PUSH_MODES } from '../../knowledge/action-effects.js'
import { firstAtLeast } from '../../order.js'
import type { JobInfo, StepInfo, WorkflowInfo } from '../../workflow/model.js'
import type { Memo } from '../memo.js'
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import type { StepAnalysis } from '../types.js'
import type { StepContext } from './step-context.js'
import { withMakeRecipes } from '../script/make-recipes.js'
import { enterDirectory } from '../directories.js'
import { plain } from '../../knowledge/reasons.js'
import { INERT_ACTIONS } from '../../knowledge/action-effects.js'
import type { ActionKnowledge } from '../../knowledge/actions.js'
import { quoted } from '../../limits.js'
import { SKIP_CI } from '../../knowledge/events.js'
import { EVENTS_OF_REFS, pushedRefs } from '../../knowledge/git.js'
import { filesRun, MERGES_IN_PROGRAM, RUNS_GIT_PUSH, URL_WITH_CREDENTIALS } from '../../knowledge/run-files.js'
import { posix } from 'node:path'

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
  /** The commit pushed says `[skip ci]` or a sibling: the push starts no workflow (R1 does not apply). */
  skipsCi?: boolean
  /** What the push sends: branches unless its arguments say tags (pushedRefs). */
  refs?: 'tags' | 'branches' | 'both'
}

/**
 * Where a credential left behind sits: in a remote's URL (used by pushes to that remote), in the
 * git configuration of a repository checked out at `dir` (used by pushes run inside it), or where
 * git finds it for every github.com URL (credential store, global config, the workspace's checkout).
 */
export type CredentialPlace = { scope: 'github' } | { scope: 'remote'; remote: string } | { scope: 'path'; dir: string } | { scope: 'gh' }

/** What a credential left behind reaches: pushes, and scripts that may push without showing it. */
export interface LaterPushes {
  pushes: LaterPush[]
  /** Pushes to a remote named at run time, which may be the credential's. */
  toRunTimeRemote: LaterPush[]
  /** Later steps that may push with the credential left behind, unseen: scripts and actions pat-lint cannot see into. */
  unseen: UnseenConsumer[]
}

/** A later step that may use a credential left behind, and pat-lint cannot see whether it does. */
export interface UnseenConsumer {
  line: number
  /** `the script run at line 9`, `some/action (line 9)`. */
  what: string
  /** What it may do with the credential: push with it, unless said otherwise. */
  does?: string
}

/** Tools that push with the git credentials they find (their own docs: `deploy` commands). */
const PUSHING_TOOLS = /\bgit\s+(?:-C\s+\S+\s+)?push\b|\bgh-deploy\b|\bhexo\s+(d|deploy)\b|\blerna\s+(publish|version)\b|\bsemantic-release\b|\bchangeset\s+publish\b|\brelease-it\b/
const FOREIGN = /\bgit\s+(rebase|merge|cherry-pick|am|pull)\b|\bgit\s+push\s+(?:-\S+\s+)*\S+\s+\+?(?!HEAD:|refs\/tags\/)([\w./-]+):(?!\2(\s|$))/m
/**
 * Words by which a task says it publishes: a release, a deployment, a version bump, a tag, a
 * commit or a push, a sync, a changelog, a pages site. Tasks so named are where repositories put
 * the git push they do not write in the workflow. A word counts as a whole part of the task's name
 * (`release`, `docs:deploy`, `publish-docs`), not inside another word (`commitlint`, `stage`).
 */
const PUBLISHING = '(?:release|publish|deploy|version|bump|tag|push|commit|sync|changelog|gh-?pages)s?'
const TASK = String.raw`(?:[\w.-]*[:._-])?${PUBLISHING}(?:[:._-][\w:.-]*)?(?=[\s;&|)"'\`]|$)`
const SCRIPT_FILE = String.raw`(?:[\w./-]*[/._-])?${PUBLISHING}(?:[._-][\w.-]*?)?\.(?:[cm]?js|ts|py|rb|pl|ps1)\b`
/**
 * Programs run from the repository that may push with the credential git finds: shell scripts run
 * by path (whatever their name), and tasks named for publishing run through make, a package
 * manager's scripts, npx-style runners, an interpreter given a script, or by path.
 */
const SCRIPT_THAT_MAY_PUSH = new RegExp(
  String.raw`(^|[\s;&|(])(\.\/|bash\s+|sh\s+)[\w./-]+\.sh\b` +
    String.raw`|\bmake\s+(?:-\S+\s+)*${TASK}` +
    String.raw`|\b(?:npm\s+run|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun(?:\s+run)?)\s+${TASK}` +
    String.raw`|\b(?:npx|pnpm\s+dlx|yarn\s+dlx|bunx)\s+(?:-\S+\s+)*${TASK}` +
    String.raw`|\b(?:node|python3?|ruby|perl|pwsh|deno\s+run)\s+(?:-\S+\s+)*${SCRIPT_FILE}` +
    String.raw`|(^|[\s;&|(])\.\/(?:[\w./-]*[/._-])?${PUBLISHING}(?:[._-][\w.-]*)?(?=\s|$)`,
  'm',
)
/**
 * A program of the repository's own, whatever its name: a package manager's task, a runner, an
 * interpreter given a file, or a path. Given a GitHub token as well, it is GitHub automation, and
 * the git it runs finds the credential a checkout left (`pnpm changes:pr` opening a release pull
 * request from the branch it pushes).
 */
const REPOSITORY_PROGRAM = new RegExp(
  // Installing runs no task of the repository's choosing that pushes.
  String.raw`\b(?:npm\s+run|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun(?:\s+run)?)\s+(?!(?:install|i|ci|add)\b)[\w:.-]+` +
    String.raw`|\b(?:npx|pnpm\s+dlx|yarn\s+dlx|bunx)\s+(?:-\S+\s+)*[\w@/.-]+` +
    String.raw`|\b(?:node|python3?|ruby|perl|pwsh|deno\s+run|go\s+run|cargo\s+run|make)\s+(?:-\S+\s+)*[\w./-]+` +
    String.raw`|(^|[\s;&|(])\.\/[\w./-]+`,
  'm',
)
/** Variables GitHub's tools and libraries read a token from. */
const GITHUB_TOKEN_VARIABLES = /^(?:GITHUB_TOKEN|GH_TOKEN|GITHUB_PAT|GH_PAT)$/
/** Whether the step's env gives it a GitHub token: a secret, or the job's own token, under a name GitHub's tools read. */
function handsGithubToken(s: StepInfo): boolean {
  return Object.entries(s.env).some(([k, v]) => GITHUB_TOKEN_VARIABLES.test(k) && /\$\{\{\s*(?:secrets\.|github\.token)/.test(v.value))
}
/** `${{ steps.v.outputs.major }}` as one word, so that a tag named by an expression is the same name where it is pushed. */
const compactExpressions = (text: string) => text.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => `\${{${e.replace(/\s+/g, '')}}}`)
/** `--force`, `-f`, or `-f` among clustered short options (`git tag -fa`). */
const isForce = (w: string) => w === '--force' || /^-[a-zA-Z]*f[a-zA-Z]*$/.test(w)
/** A `git tag` command's arguments, to the command's end. */
const GIT_TAG = /\bgit\s+(?:-C\s+\S+\s+)?tag\b([^\n;&|]*)/g
/** A `git commit` command, to its line's end: its message when given with -m. */
const GIT_COMMIT = /\bgit\s+(?:-C\s+\S+\s+)?commit\b[^\n;&|]*/g
/** Inputs holding the commit message of the actions that push (their action.yml). */
const COMMIT_MESSAGE_INPUTS = ['commit_message', 'message', 'commit-message']
/** gh's login, its git set-up, and its commands (gh help environment, gh auth login, gh auth setup-git). */
const GH_LOGIN = /\bgh\s+auth\s+login\b/
const GH_SETUP_GIT = /\bgh\s+auth\s+setup-git\b/
const GH_COMMAND = /(^|[\s;&|(`]|\$\()gh\s+(?!auth\s+(?:login|status|setup-git)\b)[a-z]/m
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

export { enterDirectory } from '../directories.js'

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
  unknown: ByStep<UnseenConsumer>
  unknownByDirectory: Map<string, ByStep<UnseenConsumer>>
  /** Actions pat-lint does not know: whatever directory a credential sits in, they may work there. */
  unknownActions: ByStep<UnseenConsumer>
  /** Steps running gh without a token in their own env: gh uses the one a login stored. */
  ghCommands: ByStep<UnseenConsumer>
  /** Steps that log gh in again, replacing a stored token. */
  ghResets: number[]
  /** Some step runs `gh auth setup-git`: git then takes gh's stored token for github.com. */
  ghSetsUpGit: boolean
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

function listPushes(job: JobInfo, knowledge: ActionKnowledge, localAction: StepContext['localAction'], readFile: StepContext['readScript']): JobPushes {
  const out: JobPushes = { pushes: new ByStep(), byRemote: new Map(), toRunTimeRemote: new ByStep(), byDirectory: new Map(), unknown: new ByStep(), unknownByDirectory: new Map(), unknownActions: new ByStep(), ghCommands: new ByStep(), ghResets: [], ghSetsUpGit: false, githubResets: [], remoteResets: [], pathResets: new Map() }
  // Whether the last commit message written in the job so far asks to skip CI.
  let lastCommitSkipsCi = false
  // Tags the job's scripts create (`git tag NAME`), as written, and whether one was moved (`git tag -f`).
  const tagsMade = new Set<string>()
  let tagMoved = false
  for (const s of job.steps) {
    const name = s.uses ? actionName(s.uses.value)?.toLowerCase() : null
    // A `make TARGET` runs its recipe: the recipe's git commands are the step's.
    const script = s.run ? withMakeRecipes(s.run.value, enterDirectory('', s.workingDirectory?.trim() ?? '') ?? '', readFile ?? (() => null)) : undefined
    const commits = script?.match(GIT_COMMIT)
    if (commits) lastCommitSkipsCi = SKIP_CI.test(commits[commits.length - 1])
    for (const m of script?.matchAll(GIT_TAG) ?? []) {
      const words = compactExpressions(m[1]).trim().split(/\s+/)
      const name = words.find((w) => !w.startsWith('-') && words[words.indexOf(w) - 1] !== '-m')
      if (name) tagsMade.add(name.replace(/^["']|["']$/g, ''))
      if (words.some(isForce)) tagMoved = true
    }
    // An action runs git in the job's workspace with whatever credential git finds there: one
    // pat-lint has no knowledge of may push with it (actions/checkout's README: the persisted
    // token "enables your scripts to run authenticated git commands").
    // A local composite action is read: its steps push, may push, or do neither.
    const local = s.uses && !name ? localAction?.(s.uses.value) : undefined
    const effect = local ? localActionEffect(local, knowledge) : null
    if (effect === 'push') {
      const push: LaterPush = { what: `${quoted(s.uses!.value)} (line ${s.pos.line}), whose steps push`, foreignCommits: false }
      out.pushes.add(s.index, push)
      byKey(out.byRemote, 'origin').add(s.index, push)
    } else if (effect === 'unseen' || (effect === null && s.uses && !ACTIONS_THAT_PUSH.has(name ?? '') && !GIT_CLI_PUSH_MODES.has(name ?? '') && mayUseGitCredentials(s.uses.value, name, knowledge))) {
      const why = effect === 'unseen' ? 'runs steps pat-lint cannot see into, which' : 'which pat-lint has no knowledge of,'
      out.unknownActions.add(s.index, { line: s.pos.line, what: `${quoted(s.uses!.value)} (line ${s.pos.line}), ${why}` })
    }
    // A step that may be skipped does not replace a credential: the earlier one may still be there.
    const alwaysRuns = s.if === undefined || /^\s*(\$\{\{\s*)?always\(\)(\s*\}\})?\s*$/.test(s.if)
    if (alwaysRuns && name === 'actions/checkout' && s.with['persist-credentials']?.value !== 'false') {
      // A checkout of the workspace replaces both the workspace's credential and a remote's (origin).
      const dir = checkoutDirectory(s)
      if (dir === '') out.githubResets.push(s.index), out.remoteResets.push(s.index)
      else if (dir !== null) (out.pathResets.get(dir) ?? out.pathResets.set(dir, []).get(dir)!).push(s.index)
    }
    // An action that pushes with the git CLI in some modes: pushes, may push, or pushes through the API.
    const mode = name && s.uses ? GIT_CLI_PUSH_MODES.get(name)?.(majorOf(s.uses.value, knowledge), (k) => s.with[k]?.value) : undefined
    if (mode === true) {
      const push: LaterPush = { what: `${name} (line ${s.pos.line}), which pushes with the git CLI`, foreignCommits: false }
      out.pushes.add(s.index, push)
      byKey(out.byRemote, 'origin').add(s.index, push)
    } else if (mode === null) {
      out.unknownActions.add(s.index, { line: s.pos.line, what: `${quoted(s.uses!.value)} (line ${s.pos.line}), whose release (and so whether it pushes with the git CLI) pat-lint cannot tell,` })
    }
    const pusher = name ? ACTIONS_THAT_PUSH.get(name) : undefined
    if (pusher) {
      const message = COMMIT_MESSAGE_INPUTS.map((k) => s.with[k]?.value).find((v) => v !== undefined)
      const push: LaterPush = { what: `${name} (line ${s.pos.line})`, foreignCommits: pusher.foreignCommits, skipsCi: message !== undefined && SKIP_CI.test(message) }
      out.pushes.add(s.index, push)
      byKey(out.byRemote, 'origin').add(s.index, push)
      const dir = pusher.directoryInput ? (s.with[pusher.directoryInput]?.value ?? '') : ''
      for (const d of ancestry(enterDirectory('', dir))) byKey(out.byDirectory, d).add(s.index, push)
    }
    const run = script
    if (!run) continue
    if (alwaysRuns && SETS_GITHUB_CREDENTIAL.test(run)) out.githubResets.push(s.index)
    if (alwaysRuns && GH_LOGIN.test(run)) out.ghResets.push(s.index)
    if (GH_SETUP_GIT.test(run)) out.ghSetsUpGit = true
    // gh prefers GH_TOKEN or GITHUB_TOKEN from its environment to the token a login stored (gh help environment).
    if (GH_COMMAND.test(run) && !Object.keys(s.env).some((k) => k === 'GH_TOKEN' || k === 'GITHUB_TOKEN')) {
      out.ghCommands.add(s.index, { line: s.pos.line, what: `the gh commands of the step at line ${s.pos.line}`, does: 'may call GitHub with' })
    }
    if (alwaysRuns && SETS_REMOTE.test(run)) out.remoteResets.push(s.index)
    const tool = PUSHING_TOOLS.exec(run)
    if (tool) {
      const url = /\bgit\s+(?:-C\s+\S+\s+)?push\s+(?:-\S+\s+)*(\S*github\.com\S*)/.exec(run)?.[1]
      const pushArgs = /\bgit\s+(?:-C\s+\S+\s+)?push\b([^\n;&|]*)/.exec(run)?.[1]
      const pushWords = compactExpressions(pushArgs ?? '').trim().split(/\s+/).filter(Boolean)
      // A name the job tagged is a tag: `git tag v1 … git push origin v1`.
      const names = pushWords.filter((w) => !w.startsWith('-')).slice(1).map((w) => w.replace(/^["']|["']$/g, ''))
      const tagsOnly = names.length > 0 && names.every((n) => tagsMade.has(n))
      const refs = tagsOnly ? 'tags' : pushArgs === undefined ? 'branches' : pushedRefs(pushWords)
      // Moving a tag (git tag -f, then a forced push) points it across commits it did not hold (R2).
      // `git push --force --tags` after `git tag -f` moves that tag as well.
      const moves = refs === 'tags' && tagMoved && pushWords.some((w) => isForce(w) || w.startsWith('+'))
      // A step of a composite action is named with its file: its line is that file's, not the workflow's.
      const where = /action\.ya?ml\b/.test(s.pos.file) ? ` of ${quoted(s.pos.file)}` : ''
      const push: LaterPush = { what: `the run step at line ${s.pos.line}${where}`, foreignCommits: FOREIGN.test(run) || moves, skipsCi: lastCommitSkipsCi, refs }
      if (url) push.url = url
      else Object.assign(push, remoteOf(run))
      out.pushes.add(s.index, push)
      if (push.remoteAtRunTime) out.toRunTimeRemote.add(s.index, push)
      else if (!push.url) byKey(out.byRemote, push.remote ?? 'origin').add(s.index, push)
      for (const dir of ancestry(pushDirectory(s, run, tool.index))) byKey(out.byDirectory, dir).add(s.index, push)
    } else {
      // A program of the repository the step runs, read: its git push is the step's.
      const program = pushingProgram(s, run, readFile ?? (() => null))
      if (program) {
        const where = /action\.ya?ml\b/.test(s.pos.file) ? ` of ${quoted(s.pos.file)}` : ''
        const what = `${quoted(program.path)}, run by the step at line ${s.pos.line}${where}, which runs git push`
        if (program.ownUrl) {
          // It pushes to a URL with credentials of its own somewhere: which push uses git's cannot be told.
          out.unknown.add(s.index, { line: s.pos.line, what })
          for (const dir of ancestry(program.dir)) byKey(out.unknownByDirectory, dir).add(s.index, { line: s.pos.line, what })
          continue
        }
        const push: LaterPush = { what, foreignCommits: program.merges, skipsCi: lastCommitSkipsCi }
        out.pushes.add(s.index, push)
        byKey(out.byRemote, 'origin').add(s.index, push)
        for (const dir of ancestry(program.dir)) byKey(out.byDirectory, dir).add(s.index, push)
        continue
      }
      const script = SCRIPT_THAT_MAY_PUSH.exec(run) ?? (handsGithubToken(s) ? REPOSITORY_PROGRAM.exec(run) : null)
      if (!script) continue
      const consumer = { line: s.pos.line, what: `the script run at line ${s.pos.line}` }
      out.unknown.add(s.index, consumer)
      // Inside a checked-out repository, as a push would be; one run elsewhere is not counted for it.
      for (const dir of ancestry(pushDirectory(s, run, script.index))) byKey(out.unknownByDirectory, dir).add(s.index, consumer)
    }
  }
  return out
}

/** The first program of the repository a run step runs whose text runs git push (knowledge/run-files.ts), read where the step runs it. */
function pushingProgram(step: StepInfo, run: string, readFile: (path: string) => string | null): { path: string; dir: string | null; merges: boolean; ownUrl: boolean } | null {
  for (const file of filesRun(run)) {
    const dir = pushDirectory(step, run, file.at)
    if (dir === null) continue
    const path = dir ? `${dir}/${file.path}` : file.path
    const text = readFile(posix.normalize(path))
    if (text && RUNS_GIT_PUSH.test(text)) return { path, dir, merges: MERGES_IN_PROGRAM.test(text), ownUrl: URL_WITH_CREDENTIALS.test(text) }
  }
  return null
}

const NONE = new ByStep<never>()

/**
 * What a local composite action's steps do with a credential left in the workspace: push (a
 * pushing tool in a script, an action that pushes), maybe push (a script or action pat-lint cannot
 * see into, a local action inside it), or neither. One level deep: a local action inside is unseen.
 */
function localActionEffect(action: WorkflowInfo, knowledge: ActionKnowledge): 'push' | 'unseen' | 'none' {
  let effect: 'push' | 'unseen' | 'none' = 'none'
  for (const s of action.jobs.flatMap((j) => j.steps)) {
    const name = s.uses ? actionName(s.uses.value)?.toLowerCase() : null
    if ((name && ACTIONS_THAT_PUSH.has(name)) || (s.run && PUSHING_TOOLS.test(s.run.value))) return 'push'
    if (s.uses && mayUseGitCredentials(s.uses.value, name, knowledge)) effect = 'unseen'
    if (s.run && SCRIPT_THAT_MAY_PUSH.test(s.run.value)) effect = 'unseen'
  }
  return action.using === 'composite' ? effect : 'unseen'
}

/** Whether the action of a `uses:` may run git with the job's credentials, for all pat-lint knows. */
function mayUseGitCredentials(uses: string, name: string | null | undefined, knowledge: ActionKnowledge): boolean {
  // A local or docker action is code pat-lint does not read for pushes.
  if (!name) return true
  if (INERT_ACTIONS.has(name)) return false
  // The knowledge base says what each action it holds does, pushes included (ACTIONS_THAT_PUSH);
  // an entry read from source that runs git or gh in ways not read may use a stored credential.
  const known = knowledge.lookup(uses)
  return !known || (known.unseen ?? []).some((u) => /^runs (?:git|gh|a command built at run time)\b/.test(u))
}

/**
 * The pushes of the steps after `afterIndex` that a credential in `place` reaches: up to the
 * first later step that puts another one there. Worked out from the job's list of pushes, so a
 * job with thousands of credentials and thousands of pushes is read once.
 */
export function laterPushes(job: JobInfo | null, afterIndex: number, place: CredentialPlace, memo: Memo, knowledge: ActionKnowledge, localAction?: StepContext['localAction'], readFile?: StepContext['readScript']): LaterPushes {
  if (!job) return { pushes: [], toRunTimeRemote: [], unseen: [] }
  const all = memo.once('pushes of a job', job, () => listPushes(job, knowledge, localAction, readFile))
  const resets = place.scope === 'github' ? all.githubResets : place.scope === 'remote' ? all.remoteResets : place.scope === 'gh' ? all.ghResets : (all.pathResets.get(place.dir) ?? [])
  const until = resets[firstAtLeast(resets, afterIndex + 1)] ?? Infinity
  const actions = all.unknownActions.between(afterIndex, until)
  const inOrder = (scripts: UnseenConsumer[]) => [...scripts, ...actions].sort((a, b) => a.line - b.line)
  if (place.scope === 'github') return { pushes: all.pushes.between(afterIndex, until), toRunTimeRemote: [], unseen: inOrder(all.unknown.between(afterIndex, until)) }
  if (place.scope === 'gh') {
    const pushes = all.ghSetsUpGit ? all.pushes.between(afterIndex, until) : []
    return { pushes, toRunTimeRemote: [], unseen: inOrder([...all.ghCommands.between(afterIndex, until), ...all.unknown.between(afterIndex, until)]) }
  }
  if (place.scope === 'remote') {
    return {
      pushes: (all.byRemote.get(place.remote) ?? NONE).between(afterIndex, until),
      toRunTimeRemote: all.toRunTimeRemote.between(afterIndex, until),
      unseen: inOrder(all.unknown.between(afterIndex, until)),
    }
  }
  return {
    pushes: (all.byDirectory.get(place.dir) ?? NONE).between(afterIndex, until),
    toRunTimeRemote: [],
    unseen: inOrder((all.unknownByDirectory.get(place.dir) ?? NONE).between(afterIndex, until)),
  }
}

/** Past this many, later scripts that may push with a credential left behind are counted, not listed. */
export const LATER_SCRIPTS_LISTED = 5

/** Adds the pushes later steps make with a credential this step leaves behind. */
export function followLaterPushes(ctx: StepContext, out: StepAnalysis, target: RepoRef | null, what: string, place: CredentialPlace) {
  const later = laterPushes(ctx.job, ctx.step.index, place, ctx.memo, ctx.knowledge, ctx.localAction, ctx.readScript)
  const unknown = later.unseen.slice(0, LATER_SCRIPTS_LISTED).map((c) => `${c.what} ${c.does ?? 'may push with'} the token left behind`)
  const more = later.unseen.length - LATER_SCRIPTS_LISTED
  if (more > 0) unknown.push(`${more} more later steps, up to line ${later.unseen[later.unseen.length - 1].line}, may push with the token left behind`)
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
      events: p.skipsCi ? [] : [...EVENTS_OF_REFS[p.refs ?? 'branches']],
    })
  }
  for (const reason of unknown) out.unknown.push(reason)
}
