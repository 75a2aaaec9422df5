/**
 * gh in scripts: what each command asks of GitHub (knowledge/gh-commands.ts, `gh api` through
 * GitHub's endpoint data), and which token each runs with: `GH_TOKEN`/`GITHUB_TOKEN` in its
 * environment, or the last `gh auth login --with-token` before it and what fed that login.
 */
import { graphqlCalls } from './graphql.js'
import { GH_API_VALUE_FLAGS, ghCommandFacts } from '../../knowledge/gh-commands.js'
import { CREATES_PULL_REQUESTS, ghNeedsPullRequestSetting } from '../../knowledge/settings.js'
import { quoted } from '../../limits.js'
import { appendIndex, firstAtLeast } from '../../order.js'
import type { RepoRef } from '../repo-ref.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { restCall } from './http.js'
import { expand, repoRef, type ScriptContext } from './words.js'
import { about, because, plain } from '../../knowledge/reasons.js'
import { cloneTarget, enterDirectory, repositoryOfDirectory } from '../directories.js'
import { DEPENDABOT_COMMAND } from '../../knowledge/events.js'

/** A command to Dependabot in a comment posted with GITHUB_TOKEN is refused: a user with push access must post it. */
export const DEPENDABOT_REFUSES = because('Dependabot obeys comment commands only from users with push access, and GITHUB_TOKEN comments as github-actions[bot]', 'R8')

/** `gh repo` subcommands whose first argument names the repository they act on (gh help repo: `gh repo sync [<destination-repository>]`, `gh repo view [<repository>]`, …). */
const REPO_ARGUMENT: ReadonlySet<string> = new Set(['sync', 'clone', 'view', 'edit', 'delete', 'archive', 'unarchive', 'fork', 'set-default'])

function ghRepo(words: string[], ctx: ScriptContext, inDirectory: RepoRef): RepoRef {
  const repo = flagValue(words, ['-R'], ['--repo']) ?? positionalRepo(words) ?? ctx.env.GH_REPO
  return repo ? repoRef(repo, ctx) : inDirectory
}

/**
 * The repository of the directory gh command `at` runs in, when the script moved before it: gh
 * takes GH_REPO, else the git remotes of the current directory (gh help environment). A directory
 * an earlier `git clone` of the script or a checkout of another repository filled is that
 * repository; any other known directory is inside this one; one named at run time is unknown.
 */
function directoryRepository(commands: Command[], at: number, ctx: ScriptContext): RepoRef {
  const start = ctx.directory ? ctx.directory.start : ''
  let dir: string | null = start
  const repos = new Map(ctx.directory?.repos ?? [])
  // A step that starts elsewhere (`working-directory:`) has moved already; to a place named at
  // run time, that matters only where earlier steps put another repository somewhere.
  let moved = start === null ? repos.size > 0 : start !== ''
  for (let k = 0; k < at; k++) {
    const w = commands[k].words
    if (w[0] === 'cd' || w[0] === 'pushd') {
      moved = true
      dir = w[1] === undefined ? null : enterDirectory(dir, w[1])
    } else if (w[0] === 'popd') {
      moved = true
      dir = null
    } else {
      const clone = cloneTarget(w)
      const into = clone ? enterDirectory(dir, clone.dir) : null
      if (clone && into !== null) repos.set(into, clone.url)
    }
  }
  if (!moved) return { kind: 'same' }
  if (dir === null) return { kind: 'unknown', text: 'cd', why: plain(`gh runs in a directory the script names at run time (cd before line ${commands[at].line}): its repository is not known`) }
  const repo = repositoryOfDirectory(dir, repos)
  return repo === undefined ? { kind: 'same' } : repoRef(repo, ctx)
}

/** `OWNER/REPO` (or a GitHub URL) given as the first argument of a `gh repo` subcommand that takes one. */
function positionalRepo(words: string[]): string | undefined {
  if (words[1] !== 'repo' || !REPO_ARGUMENT.has(words[2] ?? '')) return undefined
  const arg = words[3]
  return arg && !arg.startsWith('-') && arg.includes('/') ? arg : undefined
}


function analyseGh(cmd: Command, ctx: ScriptContext, out: StepAnalysis, inDirectory: RepoRef = { kind: 'same' }) {
  const words = cmd.words
  if (words[1] === 'api') {
    let endpoint: string | undefined
    for (let i = 2; i < words.length; i++) {
      if (GH_API_VALUE_FLAGS.has(words[i])) {
        i++
        continue
      }
      if (words[i].startsWith('-')) continue
      endpoint = words[i]
      break
    }
    if (!endpoint) return out.unknown.push(`gh api without an endpoint at line ${cmd.line}`)
    if (/^graphql$/i.test(endpoint)) {
      const found = graphqlCalls(words.join(' '), 'gh api graphql')
      out.calls.push(...found.calls)
      if (found.unknown) out.unknown.push(`${found.unknown} (line ${cmd.line})`)
      return
    }
    const hasFields = hasFlag(words, ['-f', '-F', '--field', '--raw-field', '--input'])
    const method = flagValue(words, ['-X'], ['--method']) ?? (hasFields ? 'POST' : 'GET')
    // gh fills {owner}/{repo} from the current directory's repository (gh help api).
    if (inDirectory.kind === 'unknown' && endpoint.includes('{owner}')) return out.unknown.push(about(`gh api ${quoted(endpoint)}`, inDirectory.why).text)
    const here = inDirectory.kind === 'other' ? endpoint.replace(/\{owner\}\/\{repo\}/g, inDirectory.repo) : endpoint
    const path = '/' + expand(here, ctx).replace(/^\//, '')
    const call = restCall(method, path, ctx, `gh api ${quoted(method.toUpperCase())} ${quoted(endpoint)}`)
    if (typeof call === 'string') out.unknown.push(call)
    else out.calls.push(call)
    return
  }
  const facts = ghCommandFacts(words)
  if (!facts) {
    if (words[1] === 'auth' || words[1] === 'config' || words[1] === '--version' || words[1] === 'version') return
    out.unknown.push(`\`${words.slice(0, 3).map(quoted).join(' ')}\` at line ${cmd.line} is not in pat-lint's gh command table`)
    return
  }
  const target = ghRepo(words, ctx, inDirectory)
  const call: Call = { what: facts.command, permissions: facts.permissions, target, events: facts.events }
  if (ghNeedsPullRequestSetting(facts.command, words)) call.provided = CREATES_PULL_REQUESTS
  if (facts.command === 'gh repo fork') call.patReason = because('GITHUB_TOKEN cannot create forks', 'R11')
  if (/comment|review/.test(facts.command) && DEPENDABOT_COMMAND.test(words.join(' '))) call.patReason = DEPENDABOT_REFUSES
  if (facts.command === 'gh secret set' || facts.command === 'gh variable set') call.patReason = because('no `permissions:` key grants secrets or variables', 'R6')
  if (/^gh (pr|run|workflow|release|issue) (view|list|diff|checks|download|watch)$/.test(facts.command)) call.readOnly = true
  out.calls.push(call)
}

/** The gh commands of a script and its logins. */
export interface GhIndex {
  /** gh commands, in order. */
  list: number[]
  /**
   * `gh auth login --with-token` commands -> the command that feeds them the token: the login
   * itself (`<<< "$T"`), the one before it on its line (`echo "$T" |`), or the last to write the
   * file it reads (`< file`); -1 when none of those names a secret or variable (any token).
   */
  logins: Map<number, number>
  /** The logins each feeding command feeds. */
  loginsByFeeder: Map<number, number[]>
  /** Logins fed by nothing pat-lint can see, in order. */
  anonymousLogins: number[]
  /** Every login, in order. */
  loginList: number[]
  /**
   * The first `gh auth setup-git`, -1 if none: from there git asks gh for github.com credentials
   * (`gh auth git-credential`), and gh answers with the token it holds (gh help environment:
   * GH_TOKEN, GITHUB_TOKEN), so git's pushes and fetches to github.com carry that token.
   */
  setupGit: number
}

export function newGhIndex(): GhIndex {
  return { list: [], logins: new Map(), loginsByFeeder: new Map(), anonymousLogins: [], loginList: [], setupGit: -1 }
}

/**
 * Adds gh command `at`. `mentions[k]`: command k names a secret or variable; `lastWriter`: the
 * last command so far to write each file.
 */
export function indexGh(gh: GhIndex, commands: Command[], at: number, mentions: boolean[], lastWriter: Map<string, number>): void {
  const { words, line } = commands[at]
  gh.list.push(at)
  if (words[1] === 'auth' && words[2] === 'setup-git' && gh.setupGit < 0) gh.setupGit = at
  if (words[1] !== 'auth' || !words.includes('--with-token')) return
  const input = words.indexOf('<')
  const writer = input >= 0 ? lastWriter.get(words[input + 1] ?? '') : undefined
  let feeder = -1
  if (mentions[at]) feeder = at
  else if (at > 0 && commands[at - 1].line === line && mentions[at - 1]) feeder = at - 1
  else if (writer !== undefined && mentions[writer]) feeder = writer
  gh.logins.set(at, feeder)
  gh.loginList.push(at)
  if (feeder < 0) gh.anonymousLogins.push(at)
  else appendIndex(gh.loginsByFeeder, feeder, at)
}

/** gh commands worked out for one environment of a step and one repository. */
interface GhAnswers {
  self: string | null
  byIndex: Map<number, StepAnalysis>
  calls: Map<string, Call>
  /** What the gh commands after each login, up to the next one, ask together. */
  sessions: Map<number, StepAnalysis>
}

/**
 * What each gh command asks of GitHub does not depend on the token: worked out once per script
 * (keyed by its index) and environment (the step's env object), for one repository.
 */
function answersFor(gh: GhIndex, ctx: ScriptContext): GhAnswers {
  const byEnv = ctx.memo.once('gh commands of a script', gh, () => new WeakMap<object, GhAnswers>())
  let answers = byEnv.get(ctx.env)
  if (!answers || answers.self !== ctx.self) {
    answers = { self: ctx.self, byIndex: new Map(), calls: new Map(), sessions: new Map() }
    byEnv.set(ctx.env, answers)
  }
  return answers
}

/** What gh command `at` asks of GitHub: the same for every token of the step, so worked out once. */
export function ghFragment(gh: GhIndex, commands: Command[], at: number, ctx: ScriptContext): StepAnalysis {
  const answers = answersFor(gh, ctx)
  let fragment = answers.byIndex.get(at)
  if (!fragment) {
    fragment = { calls: [], unknown: [] }
    analyseGh(commands[at], ctx, fragment, directoryRepository(commands, at, ctx))
    // Equal calls become one object, so a token's repeated calls are told apart by identity.
    fragment.calls = fragment.calls.map((c) => {
      const key = JSON.stringify(c)
      const known = answers.calls.get(key)
      if (known) return known
      answers.calls.set(key, c)
      return c
    })
    answers.byIndex.set(at, fragment)
  }
  return fragment
}

/**
 * What the gh commands after login `login` ask, up to the next login: every token that login
 * may carry gets all of it, so it is put together once per step.
 */
export function ghSession(gh: GhIndex, commands: Command[], login: number, ctx: ScriptContext): { session: StepAnalysis; end: number } {
  const end = gh.loginList[firstAtLeast(gh.loginList, login + 1)] ?? Infinity
  const answers = answersFor(gh, ctx)
  let session = answers.sessions.get(login)
  if (!session) {
    session = { calls: [], unknown: [] }
    const seen = new Set<Call>()
    for (let k = firstAtLeast(gh.list, login + 1); k < gh.list.length && gh.list[k] < end; k++) {
      const fragment = ghFragment(gh, commands, gh.list[k], ctx)
      for (const c of fragment.calls) {
        if (seen.has(c)) continue
        seen.add(c)
        session.calls.push(c)
      }
      for (const reason of fragment.unknown) session.unknown.push(reason)
    }
    answers.sessions.set(login, session)
  }
  return { session, end }
}
