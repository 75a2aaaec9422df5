/**
 * git in scripts: which commands can carry the token (a URL holding it, a remote set to one, the
 * credential store, a `git config` rule that covers the URL), where they send it, and what a
 * push needs. The index is built once per script, whatever token is followed.
 */
import { EVENTS_OF_REFS, GIT_OPTIONS_WITH_VALUE, GIT_REWRITES, pushedRefs, pushesOtherRef, REMOTE_SUBCOMMANDS } from '../../knowledge/git.js'
import { quoted } from '../../limits.js'
import { appendIndex, firstAtLeast } from '../../order.js'
import { gitConfigSet, PrefixRules, type GitConfigSet } from '../git-config.js'
import type { RepoRef } from '../repo-ref.js'
import type { Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { expand, repoRef, usesToken, type ScriptContext } from './words.js'
import { plain } from '../../knowledge/reasons.js'
import { SKIP_CI } from '../../knowledge/events.js'

/** What git holds of the followed token while a script runs. */
export interface GitState {
  /** remote name -> repository, for remotes whose URL carries the token. */
  remotes: Map<string, RepoRef>
  /** The credential store gives the token to every github.com URL. */
  allGithub: boolean
  /** Commits not written by this workflow were brought in (rebase, merge, cherry-pick): they may touch .github/workflows. */
  rewrote: boolean
  /** A push to a remote named at run time has been reported: the later ones are counted with it. */
  runTimePushSeen: boolean
}

export function newGitState(): GitState {
  return { remotes: new Map(), allGithub: false, rewrote: false, runTimePushSeen: false }
}

/** A git command's parts, read once per script: its subcommand, its arguments, what it sets. */
interface GitParts {
  sub: string | undefined
  /** The arguments after the subcommand, options dropped. */
  args: string[]
  /** `git remote add|set-url NAME URL` or `git config remote.NAME.url URL`: the remote and URL, as written. */
  set: { name: string; url: string } | null
  config: GitConfigSet | null
}

function gitParts(words: string[]): GitParts {
  let at = words.length
  for (let i = 1; i < words.length; i++) {
    if (GIT_OPTIONS_WITH_VALUE.has(words[i])) i++
    else if (!words[i].startsWith('-')) {
      at = i
      break
    }
  }
  const sub = words[at] as string | undefined
  const config = sub === 'config' ? gitConfigSet(words) : null
  let set: GitParts['set'] = null
  if (config?.kind === 'remote-url') set = { name: config.remote, url: config.url }
  else if (sub === 'remote' && (words.includes('set-url') || words.includes('add'))) {
    const name = words[words.indexOf(words.includes('set-url') ? 'set-url' : 'add') + 1]
    if (name !== undefined) set = { name, url: words[words.length - 1] }
  }
  return { sub, args: words.slice(at + 1).filter((w) => !w.startsWith('-')), set, config }
}

/** A remote named by a variable or an expression (`"$REMOTE"`): it may be any remote. */
function namedAtRunTime(remote: string): boolean {
  return /[$%]/.test(remote)
}

/** Stands in the index for git commands whose remote is named at run time (git refuses `*` in a remote's name). */
export const ANY_REMOTE = '*'

/**
 * What a git command that does not name the token can do with one git already holds: use or
 * reset the remote of that name, or send it to a URL (when git sends the token to all of
 * github.com); `none` for everything else (commits, config without the token, …).
 */
type GitReach = { remote: string } | 'url' | 'none'

function gitReach({ sub, args, set }: GitParts): GitReach {
  if (set) return { remote: set.name }
  if (sub !== undefined && REMOTE_SUBCOMMANDS.has(sub)) {
    if (args.some((w) => /:\/\/|@github\.com/.test(w))) return 'url'
    const remote = args[0] ?? 'origin'
    return { remote: sub === 'push' && namedAtRunTime(remote) ? ANY_REMOTE : remote }
  }
  return 'none'
}

/** Whether git, holding the token as `state` says, may use it for a command that reaches `reach`. */
function gitMayUse(reach: GitReach, state: GitState): boolean {
  if (reach === 'none') return false
  if (state.allGithub) return true
  if (reach === 'url') return false
  return reach.remote === ANY_REMOTE ? state.remotes.size > 0 && !state.runTimePushSeen : state.remotes.has(reach.remote)
}

/**
 * The runner's own variables and contexts for the server, as they read on github.com: a URL built
 * from them (`https://x:$T@${GITHUB_SERVER_URL#https://}/$GITHUB_REPOSITORY`) is a GitHub URL.
 */
const SERVER_URL = /\$\{GITHUB_SERVER_URL(?:#+[^}]*)\}|\$\{\{\s*github\.server_url\s*\}\}(?:\/\/)?|\$\{?GITHUB_SERVER_URL\}?/g

/**
 * The repository a git URL names: this one for `$GITHUB_REPOSITORY` or `${{ github.repository }}`,
 * unknown where the host or path is known only at run time, null for another host.
 */
export function gitUrlRepo(url: string, ctx: ScriptContext): RepoRef | null {
  const text = expand(url, ctx).replace(SERVER_URL, (m) => (m.includes('#') ? 'github.com' : 'https://github.com'))
  const m = /github\.com[/:](.+?)(?:\.git)?\/?$/i.exec(text)
  if (m) return repoRef(m[1], ctx)
  const host = /^(?:[a-z+]+:\/\/)?(?:[^@/]*@)?([^/:]+)/i.exec(text)?.[1] ?? ''
  // Another literal host (gitlab.com, a mirror) takes no GitHub token; a host named at run time may be GitHub.
  if (/^[A-Za-z0-9.-]+$/.test(host)) return null
  return { kind: 'unknown', text: quoted(url), why: plain(`the URL \`${quoted(url)}\` is only known at run time`) }
}

/**
 * Stands for the URL of a remote the script does not set (the checkout's origin, a remote named
 * at run time): one on github.com, whose path the files do not show.
 */
const GITHUB_URL = 'https://github.com/'

/** The git commands of a script, indexed by what they reach and what reaches them. */
export interface GitIndex {
  /** git commands, in order. */
  list: number[]
  /** What each git command reaches when it does not name the token (see `gitReach`). */
  reach: Map<number, GitReach>
  /** git commands by the remote they use or set, when they name one (`ANY_REMOTE` for pushes to a remote named at run time). */
  byRemote: Map<string, number[]>
  /** Each git command's parts (see `gitParts`). */
  parts: Map<number, GitParts>
  /** `git remote add|set-url` commands by the remote they set, in order. */
  remoteUrls: Map<string, number[]>
  /**
   * git commands -> the `git config` commands whose rules git applies to their URL: the URL
   * rewrite, the extra header, the credential helper in force (see git-config.ts).
   */
  rules: Map<number, number[]>
  /** The commands each such rule applies to, in order. */
  byRule: Map<number, number[]>
  /** The rules git would apply to a github.com URL after the script: those later steps inherit. */
  githubRulesAtEnd: number[]
  /** The first git command that brings in commits not written here (rebase, merge, pull, …). */
  firstRewrite: number
  /** The script mentions git's credential store or helper. */
  credentialStore: boolean
  /** `git commit` commands, in order, and whether each message (when written) asks to skip CI. */
  commits: number[]
  commitSkipsCi: boolean[]
  /**
   * The write to git's credential store that git reads for github.com: the last `>` overwrite,
   * else the first `>>` append (git takes the first line matching the host); -1 if none.
   */
  githubCredential: number
}

/** The URL the script last set for `remote` before command `at`, if it set one. */
function remoteUrlAt(git: Pick<GitIndex, 'remoteUrls' | 'parts'>, remote: string, at: number): string | undefined {
  const sets = git.remoteUrls.get(remote) ?? []
  const last = sets[firstAtLeast(sets, at) - 1]
  return last === undefined ? undefined : git.parts.get(last)!.set!.url
}

/**
 * The URL a git command that talks to a remote uses, as git sees it before rewriting: its URL
 * argument, else its remote's last URL set in the script (`GITHUB_URL` when none); null for
 * commands that reach no remote.
 */
function gitUrlOf({ sub, args }: GitParts, git: Pick<GitIndex, 'remoteUrls' | 'parts'>, at: number): string | null {
  if (sub === undefined || !REMOTE_SUBCOMMANDS.has(sub)) return null
  return args.find((w) => /:\/\/|@github\.com/.test(w)) ?? remoteUrlAt(git, args[0] ?? 'origin', at) ?? GITHUB_URL
}

/** Builds a script's GitIndex command by command, applying `git config` rules as git does (git-config.ts). */
export class GitIndexer {
  readonly index: GitIndex
  private readonly rules = { rewrite: new PrefixRules('first'), pushRewrite: new PrefixRules('first'), extraheader: new PrefixRules('last'), helper: new PrefixRules('last') }

  constructor(script: string) {
    this.index = {
      list: [],
      reach: new Map(),
      byRemote: new Map(),
      parts: new Map(),
      remoteUrls: new Map(),
      rules: new Map(),
      byRule: new Map(),
      githubRulesAtEnd: [],
      firstRewrite: Infinity,
      credentialStore: /git-credentials|credential\.helper/.test(script),
      githubCredential: -1,
      commits: [],
      commitSkipsCi: [],
    }
  }

  /** The rules in force for `url`; a push takes a pushInsteadOf rule before an insteadOf one. */
  private rulesFor(url: string, push: boolean): number[] {
    const { rules } = this
    return [(push ? rules.pushRewrite.match(url) : undefined) ?? rules.rewrite.match(url), rules.extraheader.match(url), rules.helper.match(url)].filter((r) => r !== undefined)
  }

  /** A git command, command `at` of the script. */
  addGit(words: string[], at: number): void {
    const index = this.index
    index.list.push(at)
    const parts = gitParts(words)
    index.parts.set(at, parts)
    const reach = gitReach(parts)
    index.reach.set(at, reach)
    if (typeof reach === 'object') appendIndex(index.byRemote, reach.remote, at)
    if (parts.set) appendIndex(index.remoteUrls, parts.set.name, at)
    const { config } = parts
    if (config?.kind === 'rewrite') this.rules[config.push ? 'pushRewrite' : 'rewrite'].add(config.prefix, at)
    else if (config?.kind === 'credential') this.rules[config.mechanism].add(config.prefix, at)
    const url = gitUrlOf(parts, index, at)
    if (url !== null) {
      const applied = this.rulesFor(url, parts.sub === 'push')
      if (applied.length) index.rules.set(at, applied)
      for (const rule of applied) appendIndex(index.byRule, rule, at)
    }
    if (GIT_REWRITES.has(parts.sub ?? '')) index.firstRewrite = Math.min(index.firstRewrite, at)
    if (parts.sub === 'commit') {
      index.commits.push(at)
      index.commitSkipsCi.push(SKIP_CI.test(words.join(' ')))
    }
  }

  /** An `echo`/`printf` naming a secret or variable that may write git's credential store for github.com. */
  addPrint(words: string[], at: number, overwrites: boolean): void {
    const index = this.index
    if (!index.credentialStore || !words.some((w) => /github\.com/.test(w))) return
    if (overwrites) index.githubCredential = at
    else if (index.githubCredential < 0) index.githubCredential = at
  }

  finish(): GitIndex {
    this.index.githubRulesAtEnd = this.rulesFor(GITHUB_URL, true)
    return this.index
  }
}

/** Writes of the token into git's credential store: `echo "https://u:TOKEN@github.com" > ~/.git-credentials`. */
export function storesGitCredential(cmd: Command, ctx: ScriptContext): boolean {
  return (cmd.words[0] === 'echo' || cmd.words[0] === 'printf') && cmd.words.some((w) => /github\.com/.test(w) && usesToken([w], ctx))
}

/** Whether git command `at`, which does not name the token, can use it: by what git holds, or by a `git config` rule that names it. */
export function gitCommandMatters(git: GitIndex, at: number, named: Set<number>, state: GitState): boolean {
  return gitMayUse(git.reach.get(at)!, state) || (git.rules.get(at) ?? []).some((rule) => named.has(rule))
}

/**
 * The repository a remote points to when git sends the token to all of github.com: the URL the
 * script last set for it (none when that URL is not github.com's or carries its own
 * credentials), else the checkout's for origin. Read from the index, whatever the token,
 * so that it does not depend on which commands this token's reading skipped.
 */
function remoteRepo(git: GitIndex, at: number, remote: string, ctx: ScriptContext): RepoRef | null {
  const url = remoteUrlAt(git, remote, at)
  if (url !== undefined) {
    // A URL with credentials of its own (another token's) is sent with those.
    return /github\.com[/:]/i.test(url) && !/:\/\/[^/]*@/.test(url) ? gitUrlRepo(url, ctx) : null
  }
  if (remote === 'origin') return { kind: 'same' }
  return { kind: 'unknown', text: quoted(remote), why: plain(namedAtRunTime(remote) ? `the remote (${quoted(remote)}) is named at run time` : `remote ${quoted(remote)} is not set in this script`) }
}

/** What git command `at` does with the token, given what git holds (`state`, updated here). */
export function analyseGit(cmd: Command, at: number, git: GitIndex, commands: Command[], ctx: ScriptContext, state: GitState, out: StepAnalysis) {
  const words = cmd.words
  state.rewrote ||= at > git.firstRewrite
  const { sub, args, set, config } = git.parts.get(at)!
  const urlArgs = words.filter((w) => /github\.com[/:]/i.test(w))
  const tokenUrl = urlArgs.find((w) => usesToken([w], ctx))
  if (set) {
    const { name, url } = set
    const repo = gitUrlRepo(url, ctx)
    if (repo && usesToken([url], ctx)) {
      state.remotes.set(name, repo)
      ;(out.persists ??= []).push({ what: `remote ${quoted(name)} set to a URL carrying the token`, target: repo, scope: 'remote', remote: name })
    } else state.remotes.delete(name) // set to a URL without this token: later pushes there no longer use it
    return
  }
  if (sub === 'config') {
    if (config?.kind === 'rewrite' || config?.kind === 'credential') {
      // The commands git sends the token with by this rule are found from the index (rules);
      // only the rules in force for github.com at the end of the script are left to later steps.
      if (git.githubRulesAtEnd.includes(at) && usesToken(words, ctx)) (out.persists ??= []).push({ what: 'git configured to send the token to github.com', target: null })
    } else if (tokenUrl && config?.kind === 'other') {
      out.unknown.push(`\`git config ${quoted(config.key)}\` at line ${cmd.line} gives git the token in a way pat-lint does not follow`)
    }
    return
  }
  // A rule of `git config` that carries this token applies to this command's URL.
  const byConfig = (git.rules.get(at) ?? []).some((rule) => usesToken(commands[rule].words, ctx))
  const viaToken = (url: string | undefined, remote?: string): RepoRef | null => {
    if (url && (usesToken([url], ctx) || state.allGithub || byConfig)) return gitUrlRepo(url, ctx)
    if (remote && state.remotes.has(remote)) return state.remotes.get(remote)!
    if (remote && (state.allGithub || byConfig)) return remoteRepo(git, at, remote, ctx)
    return null
  }
  if (GIT_REWRITES.has(sub ?? '') || (sub === 'push' && pushesOtherRef(args))) state.rewrote = true
  if (sub === 'push') {
    const url = args.find((w) => /:\/\/|@github\.com/.test(w))
    const remote = url ? undefined : (args[0] ?? 'origin')
    if (remote !== undefined && namedAtRunTime(remote) && !state.allGithub && !byConfig) {
      if (!state.remotes.size || state.runTimePushSeen) return
      state.runTimePushSeen = true
      const names = [...state.remotes.keys()]
      const listed = names.length > 3 ? `${names.slice(0, 3).map(quoted).join(', ')} or ${names.length - 3} more` : names.map(quoted).join(' or ')
      const later = git.byRemote.get(ANY_REMOTE)!
      const more = later.length - firstAtLeast(later, at + 1)
      out.unknown.push(`git push at line ${cmd.line} names its remote at run time (${quoted(remote)}): it may be ${listed}, whose URL carries the token${more ? ` (and ${more} more pushes after it name theirs at run time)` : ''}`)
      return
    }
    const target = viaToken(url, remote)
    if (target) {
      const permissions: Call['permissions'] = state.rewrote ? { contents: 'write', workflows: 'write' } : { contents: 'write' }
      // The last commit before the push, when this script makes one, says whether it is meant to start CI.
      const last = firstAtLeast(git.commits, at) - 1
      const skipsCi = last >= 0 && git.commitSkipsCi[last]
      const events = [...EVENTS_OF_REFS[pushedRefs(words.slice(words.indexOf('push') + 1))]]
      out.calls.push({ what: state.rewrote ? 'git push of rebased or merged commits' : 'git push', permissions, target, events: skipsCi ? [] : events })
    }
    return
  }
  if (sub === 'clone' || sub === 'fetch' || sub === 'pull' || sub === 'ls-remote') {
    const url = args.find((w) => /:\/\/|@github\.com/.test(w))
    const target = viaToken(url, url ? undefined : args[0] ?? 'origin')
    if (target) {
      out.calls.push({ what: `git ${sub}`, permissions: { contents: 'read' }, target, readOnly: true })
      // The clone's origin keeps the token: a later `git push` in the script goes there.
      if (sub === 'clone' && url) state.remotes.set('origin', target)
    }
  }
}
