/**
 * What a `run:` script does with a token: gh commands, `gh api`, curl/wget to the REST API, git
 * over URLs that carry the token, docker login to ghcr.io, npm publishing to GitHub Packages and
 * the other programs in knowledge/programs.ts. A program that may read the token but whose
 * behaviour pat-lint cannot see is reported as unknown, never guessed.
 */
import { GH_TOKEN_VARIABLES } from '../../knowledge/gh-commands.js'
import { INERT, programFacts } from '../../knowledge/programs.js'
import { programWords } from './package-runner.js'
import { analyseSemanticRelease } from './semantic-release.js'
import { analyseGoreleaser } from './goreleaser.js'
import { analyseChangesets } from './changesets.js'
import { analyseReleaseIt } from './release-it.js'
import { analyseReleasePlease } from './release-please.js'
import { quoted } from '../../limits.js'
import { firstAtLeast } from '../../order.js'
import type { Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { holdsSeveralTokens, scriptIndexOf } from './command-index.js'
import { ghFragment, ghSession } from './gh.js'
import { analyseGit, ANY_REMOTE, gitCommandMatters, newGitState, storesGitCredential } from './git.js'
import { analyseCurl } from './http.js'
import { analyseGhcrLogin, analyseProgram, analysePackagesPublish, analyseWrite, isGhcrLogin, isPackagesPublish } from './programs.js'
import { commandsConfigGivesToken, ENV_READERS_LISTED, everyCommand, inOrder, namedCommands, nextIn, relevantCommands, type Stream } from './reading-order.js'
import { usesToken, type ScriptContext } from './words.js'

export { ENV_READERS_LISTED } from './reading-order.js'

/**
 * What a script does with the token. `key` (the step's `run:` value) lets a second analysis of
 * the same step reuse the parsed commands; leave it out for a script built on the fly.
 */
export function analyseScript(script: string, stepCtx: ScriptContext, key?: object): StepAnalysis {
  return analyse(script, stepCtx, key, false)
}

/**
 * The reference reader: the same analysis reading every command of the script in turn, none
 * skipped, which the per-token schedule of reading-order.ts must agree with (a property test
 * holds them equal). Not for use: thousands of tokens cost thousands of readings of the script.
 */
export function analyseScriptReadingAll(script: string, ctx: ScriptContext): StepAnalysis {
  return analyse(script, ctx, undefined, true)
}

type ReleaseToolReader = (words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis) => void

/** Release tools whose configuration in the repository says what they do with a token, by program name. */
const RELEASE_TOOLS: ReadonlyMap<string, ReleaseToolReader> = new Map<string, ReleaseToolReader>([
  ['semantic-release', analyseSemanticRelease],
  ['goreleaser', analyseGoreleaser],
  ['changeset', analyseChangesets],
  ['release-it', analyseReleaseIt],
  ['release-please', analyseReleasePlease],
])

function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function analyse(script: string, stepCtx: ScriptContext, key: object | undefined, readAll: boolean): StepAnalysis {
  const out: StepAnalysis = { calls: [], unknown: [] }
  const index = scriptIndexOf(script, key, stepCtx.memo)
  const { commands, git, gh } = index
  const loopVars = index.loopVars
  const ctx: ScriptContext = loopVars?.size ? { ...stepCtx, loopVars } : stepCtx
  const state = newGitState()
  const ghReadsToken = GH_TOKEN_VARIABLES.some((v) => ctx.tokenVars.has(v))
  let ghLoggedIn = false
  const relevant = readAll ? everyCommand(index, namedCommands(index, ctx)) : relevantCommands(index, ctx)
  const { named, unlisted } = relevant
  const readVars = () => [...ctx.tokenVars].map((v) => `$${quoted(v)}`).join(', ')
  let listedReaders = 0
  const credential = git.githubCredential
  if (credential >= 0 && (!named || named.has(credential)) && storesGitCredential(commands[credential], ctx)) {
    state.allGithub = true
    ;(out.persists ??= []).push({ what: 'the token is stored as a git credential for github.com', target: null })
  }
  // gh hands git the token it reads from the environment once `gh auth setup-git` has run (taken
  // for the whole script, as a stored credential is above); the helper it configures asks the gh
  // of each later step, whose environment is that step's own, so nothing persists.
  if (ghReadsToken && gh.setupGit >= 0) state.allGithub = true
  // A git or gh command that does not name the token matters only while git or gh holds it.
  const givenByConfig = named && !readAll ? commandsConfigGivesToken(named, index) : []
  const gitWanted = (from: number) => {
    if (state.allGithub) return from
    let first = nextIn(givenByConfig, from)
    for (const remote of state.remotes.keys()) first = Math.min(first, nextIn(git.byRemote.get(remote) ?? [], from))
    if (state.remotes.size && !state.runTimePushSeen) first = Math.min(first, nextIn(git.byRemote.get(ANY_REMOTE) ?? [], from))
    return first
  }
  const ghWanted = (from: number) => (ghReadsToken || ghLoggedIn ? from : nextIn(gh.anonymousLogins, from))
  const streams: Stream[] = named && !readAll ? [{ list: git.list, at: 0, wanted: gitWanted }, { list: gh.list, at: 0, wanted: ghWanted }] : []
  const ghCalls = new Set<Call>()
  const untracedLogins: number[] = []
  for (const i of inOrder(relevant.picked, streams)) {
    ctx.memo.stats.scriptCommands++
    const cmd = commands[i]
    const prog = cmd.words[0]
    if (prog === 'gh') {
      const feeder = gh.logins.get(i)
      // A login with another token ends this one's; one fed by nothing visible may be any token's.
      if (feeder !== undefined) {
        const anyToken = feeder < 0 && named !== null
        ghLoggedIn = !named || named.has(feeder) || (anyToken && !holdsSeveralTokens(index, ctx))
        if (anyToken && !ghLoggedIn) untracedLogins.push(cmd.line)
        // gh keeps the token it logs in with for later steps of the job (gh auth login: the system
        // credential store, else a config file in the runner's home).
        if (ghLoggedIn && !ghReadsToken) (out.persists ??= []).push({ what: 'gh auth login stores the token for later gh commands', target: null, scope: 'gh' })
      }
      const take = (part: StepAnalysis) => {
        out.sentToGithub = true
        for (const c of part.calls) {
          if (ghCalls.has(c)) continue
          ghCalls.add(c)
          out.calls.push(c)
        }
        for (const reason of part.unknown) out.unknown.push(reason)
      }
      if (ghReadsToken || ghLoggedIn || usesToken(cmd.words, ctx)) take(ghFragment(gh, commands, i, ctx))
      if (feeder !== undefined && ghLoggedIn && named && !ghReadsToken && !readAll) {
        // The whole session up to the next login at once: thousands of tokens may share one login.
        const { session, end } = ghSession(gh, commands, i, ctx)
        if (session.calls.length || session.unknown.length) take(session)
        ghLoggedIn = false
        streams[1].at = firstAtLeast(gh.list, end)
      }
      continue
    }
    if (prog === 'curl' || prog === 'wget') {
      if (usesToken(cmd.words, ctx)) analyseCurl(cmd, ctx, out)
      continue
    }
    if (prog === 'git') {
      // A git command that does not name the token matters only where it uses what git holds.
      if (named && !named.has(i) && !readAll && !gitCommandMatters(git, i, named, state)) continue
      analyseGit(cmd, i, git, commands, ctx, state, out)
      continue
    }
    if (isGhcrLogin(cmd.words)) {
      const feeder = i > 0 && commands[i - 1].line === cmd.line ? commands[i - 1] : undefined
      analyseGhcrLogin(cmd, feeder, index.programs.pushesToGhcr, ctx, out)
      continue
    }
    if (isPackagesPublish(cmd.words, index.programs.toGithubPackages)) {
      analysePackagesPublish(prog, out)
      continue
    }
    if ((prog === 'echo' || prog === 'printf' || prog === 'cat') && usesToken(cmd.words, ctx)) {
      analyseWrite(cmd, out)
      continue
    }
    const run = programWords(cmd.words)
    const releaseTool = RELEASE_TOOLS.get(run[0])
    if (releaseTool) {
      releaseTool(run, commands, i, ctx, out)
      continue
    }
    const program = programFacts(run)
    if (program) {
      analyseProgram(cmd, program, ctx, state, out)
      continue
    }
    const explicit = usesToken(cmd.words, ctx)
    // Installing packages does not hand a GH_TOKEN-style variable to anything that reads it.
    if (index.roles[i] === 'silent' && !explicit) continue
    if (INERT.has(prog)) continue
    // Anything else that is handed the token, or runs with it in its environment, may use it.
    if (explicit) out.unknown.push(`\`${cmd.words.slice(0, 2).map(quoted).join(' ')}\` at line ${cmd.line} is given the token, and pat-lint cannot see what it does with it`)
    else if (ctx.tokenVars.size) {
      if (listedReaders < ENV_READERS_LISTED) {
        listedReaders++
        out.unknown.push(`\`${cmd.words.slice(0, 2).map(quoted).join(' ')}\` at line ${cmd.line} may read ${readVars()}, and pat-lint cannot see what it does with it`)
      } else {
        unlisted.count++
        unlisted.first = Math.min(unlisted.first, cmd.line)
        unlisted.last = Math.max(unlisted.last, cmd.line)
      }
    }
  }
  if (untracedLogins.length) {
    const more = untracedLogins.length > 1 ? ` (and ${untracedLogins.length - 1} more)` : ''
    out.unknown.push(`gh auth login at line ${untracedLogins[0]}${more} reads a token pat-lint cannot trace, and the step holds several: the gh commands after it may use this one`)
  }
  if (unlisted.count) {
    const lines = unlisted.count === 1 ? `at line ${unlisted.first}` : `from line ${unlisted.first} to line ${unlisted.last}`
    out.unknown.push(`${unlisted.count} more command${unlisted.count === 1 ? '' : 's'} ${lines} may read ${readVars()}, and pat-lint cannot see what ${unlisted.count === 1 ? 'it does' : 'they do'} with it`)
  }
  // A command repeated (a push per branch, a login per registry) adds nothing the first did not.
  if (out.calls.length > 1) out.calls = distinct(out.calls, (c) => JSON.stringify(c))
  if (out.unknown.length > 1) out.unknown = [...new Set(out.unknown)]
  if (out.persists && out.persists.length > 1) out.persists = distinct(out.persists, (p) => JSON.stringify(p))
  return out
}

/**
 * The first command of a script that runs with the step's environment and whose use of it
 * pat-lint cannot see (a build tool, a runtime, a script of the repository); undefined if none.
 */
export function firstEnvReader(script: string, key: object, memo: ScriptContext['memo']): Command | undefined {
  const index = scriptIndexOf(script, key, memo)
  const i = index.envReaders[0]
  return i === undefined ? undefined : index.commands[i]
}
