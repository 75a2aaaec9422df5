/**
 * What a `run:` script does with a token: gh commands, `gh api`, curl/wget to the REST API, git
 * over URLs that carry the token, docker login to ghcr.io, npm publishing to GitHub Packages and
 * the other programs in knowledge/programs.ts.
 * A program that may read the token but whose behaviour pat-lint cannot see is reported as
 * unknown, never guessed.
 */
import { lookupEndpoint, pathSegments, VAR } from '../knowledge/endpoints.js'
import { ghCommandFacts, GH_TOKEN_VARIABLES } from '../knowledge/gh-commands.js'
import { programFacts, type ProgramFacts } from '../knowledge/programs.js'
import { quoted } from '../limits.js'
import { firstAtLeast } from '../order.js'
import { work } from '../work.js'
import { gitConfigSet, PrefixRules, type GitConfigSet } from './git-config.js'
import { resolveRepo, type RepoRef } from './repo-ref.js'
import { flagValue, hasFlag, parseCommands, type Command } from './shell.js'
import type { Call, StepAnalysis, TriggerEvent } from './types.js'

export interface ScriptContext {
  /** `owner/name` of the repository running the workflow. */
  self: string | null
  /** Environment variables of the step that hold the token. */
  tokenVars: Set<string>
  /** Other environment variables of the step (name -> value), to follow `$REPO`-style indirection. */
  env: Record<string, string>
  /** The secret being followed, when it is written inline as `${{ secrets.NAME }}`; any secret when absent. */
  secret?: string
  /** Variables a `for … in` or `while read` loop of the script sets: each names several values. */
  loopVars?: Set<string>
}

/**
 * GitHub Packages are owned by a user or organization, not a repository: GITHUB_TOKEN reaches a
 * package only when it is linked to this repository or grants it access (R9), which files do not show.
 */
export const PACKAGE_TARGET: RepoRef = { kind: 'unknown', text: 'ghcr.io', why: 'GITHUB_TOKEN reaches a package only if it is linked to this repository or grants it access (R9); the files do not show which' }

/**
 * Commands that never do anything with a token they are handed or run beside: shell built-ins
 * and text tools. Runtimes and build tools (node, python, make, docker, …) are not among them:
 * what they run may read the token.
 */
const INERT = new Set([
  'echo', 'printf', 'cd', 'ls', 'cat', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'chmod', 'chown', 'ln', 'export', 'set', 'unset', 'test', '[', '[[', ']]', 'true', 'false',
  'sleep', 'pwd', 'grep', 'egrep', 'sed', 'awk', 'cut', 'tr', 'jq', 'yq', 'sort', 'uniq', 'head', 'tail', 'wc', 'date', 'tee', 'find', 'basename', 'dirname',
  'fi', 'done', 'esac', 'case', 'for', 'in', 'local', 'read', 'return', 'exit', 'shift', 'tar', 'unzip', 'zip', 'gzip', 'sha256sum', 'md5sum', 'diff',
  'which', 'printenv', 'realpath', 'readlink', 'mktemp', 'seq', 'base64', 'timedatectl', 'ssh-keyscan',
])

function varRefs(text: string): string[] {
  return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1])
}

/** `secrets.NAME` or `secrets['NAME']`, matched inside one `${{ … }}`. */
const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z0-9_-]+)|\[\s*'([^']*)'\s*\])/gi

/**
 * Whether a word carries `${{ … secrets.NAME … }}` for the secret being followed (any secret when
 * none is). One shared pattern and a name comparison: a pattern per secret costs a regex compile
 * for each of thousands of secrets in a large repository.
 */
function inlineSecret(word: string, ctx: ScriptContext): boolean {
  if (!ctx.secret) return expressionBodies(word).some((body) => /\bsecrets\s*[.[]/i.test(body))
  return secretsNamedIn(word).has(ctx.secret.toUpperCase())
}

/** The secrets each word names, by word: thousands of tokens may each ask about one word that names them all. */
const namesInWords = new Map<string, Set<string>>()
const MAX_WORDS_REMEMBERED = 20_000

function secretsNamedIn(word: string): Set<string> {
  let names = namesInWords.get(word)
  if (!names) {
    if (namesInWords.size >= MAX_WORDS_REMEMBERED) namesInWords.clear()
    namesInWords.set(word, (names = new Set(secretNamesIn(word))))
  }
  return names
}

/**
 * What each `${{ … }}` of a word holds, up to its first `}`, or up to the next `${{` when it is
 * never closed (an expression cannot hold one). One pass: a word of thousands of unclosed `${{`
 * would otherwise give each the rest of the word.
 */
function expressionBodies(word: string): string[] {
  const bodies: string[] = []
  let close = -2 // the next `}` not yet passed; -1 once there is none
  let at = word.indexOf('${{')
  while (at >= 0) {
    const next = word.indexOf('${{', at + 3)
    if (close !== -1 && close < at + 3) close = word.indexOf('}', at + 3)
    const end = close >= 0 && (next < 0 || close < next) ? close : next >= 0 ? next : word.length
    bodies.push(word.slice(at + 3, end))
    at = next
  }
  return bodies
}

/** The secrets a word names inside its `${{ … }}`, upper-cased. */
function secretNamesIn(word: string): string[] {
  return expressionBodies(word).flatMap((body) => [...body.matchAll(SECRET_REF)].map((m) => (m[1] ?? m[2]).toUpperCase()))
}

/** Variables a word reads: `$X`, `${X}` and `${{ env.X }}`. */
function variablesIn(word: string): string[] {
  return [...varRefs(word), ...[...word.matchAll(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1])]
}

function usesToken(words: string[], ctx: ScriptContext): boolean {
  // Most words carry no `$` and so no reference at all.
  return words.some((w) => w.includes('$') && (inlineSecret(w, ctx) || variablesIn(w).some((v) => ctx.tokenVars.has(v))))
}

/** Expands `$VAR` from the step's env so `repos/$REPO/dispatches` can still be resolved. */
function expand(text: string, ctx: ScriptContext): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) => (name !== 'GITHUB_REPOSITORY' && ctx.env[name] !== undefined && !/\$\{\{\s*secrets\./.test(ctx.env[name]) ? ctx.env[name] : m))
}

/** Variables bound by `for NAME in …` and `while read … NAME` loops. */
function loopVariables(script: string): Set<string> {
  const out = new Set<string>()
  for (const m of script.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) out.add(m[1])
  // The names end with the line: `while read REPO` followed by `do` on the next line binds REPO only.
  for (const m of script.matchAll(/\bwhile[ \t]+(?:IFS=\S*[ \t]+)?read[ \t]+((?:-[A-Za-z]+[ \t]+)*(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*)+)/g)) {
    for (const w of m[1].trim().split(/\s+/)) if (!w.startsWith('-')) out.add(w)
  }
  return out
}

/**
 * The repository a text names. A name built from a loop variable stands for several
 * repositories, and GITHUB_TOKEN reaches only this one (R3).
 */
function repoRef(text: string, ctx: ScriptContext): RepoRef {
  const expanded = expand(text, ctx)
  const ref = resolveRepo(expanded, ctx.self)
  if (ref.kind !== 'unknown' || !ctx.loopVars?.size) return ref
  for (const m of expanded.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (ctx.loopVars.has(m[1])) return { kind: 'other', repo: `${expanded} (several repositories, one per pass of the loop over $${m[1]})` }
  }
  return ref
}

function eventsFor(method: string, template: string): TriggerEvent[] {
  const m = method.toUpperCase()
  if (m === 'GET') return []
  if (/\/dispatches$/.test(template)) return [/\/actions\/workflows\//.test(template) ? 'workflow_dispatch' : 'repository_dispatch']
  if (/\/pulls(\/\{pull_number\})?$/.test(template)) return ['pull_request']
  if (/\/pulls\/\{pull_number\}\/reviews/.test(template)) return ['pull_request_review']
  if (/\/comments$/.test(template)) return ['issue_comment']
  if (/\/issues(\/\{issue_number\})?$/.test(template)) return ['issues']
  if (/\/releases$/.test(template)) return ['release', 'push', 'create']
  if (/\/(git\/refs|contents\/\{path\}|merges|pulls\/\{pull_number\}\/merge)/.test(template)) return ['push']
  return []
}

/** A REST call to `path`, with the repository it targets. */
export function restCall(method: string, rawPath: string, ctx: ScriptContext, what?: string): Call | string {
  const path = rawPath.replace(/\{owner\}\/\{repo\}/g, '${{ github.repository }}')
  const segs = pathSegments(path.replace(/\$\{\{\s*github\.repository\s*\}\}|\$\{?GITHUB_REPOSITORY\}?/g, 'SELF_OWNER/SELF_NAME'))
  const match = lookupEndpoint(method, segs.map((s) => (s === 'SELF_OWNER' || s === 'SELF_NAME' ? VAR : s)))
  const label = what ?? `${quoted(method.toUpperCase())} ${quoted(rawPath)}`
  if (!match) return `${label}: not in GitHub's fine-grained permission map`
  let target: Call['target'] = { kind: 'same' }
  if (segs[0] === 'repos' && segs.length >= 3) {
    if (segs[1] === 'SELF_OWNER' && segs[2] === 'SELF_NAME') target = { kind: 'same' }
    else {
      const rawSegs = path.replace(/^https?:\/\/[^/]+/i, '').replace(/^\/api\/v3/, '').split(/[?#]/)[0].split('/').filter(Boolean)
      target = repoRef(`${rawSegs[1]}/${rawSegs[2]}`, ctx)
    }
  } else if (segs[0] === 'orgs') target = { kind: 'organization', owner: segs[1] === VAR ? null : segs[1] }
  else if (segs[0] === 'user' || segs[0] === 'gists') target = { kind: 'account' }
  const call: Call = { what: `${match.template}`, permissions: match.permissions, target, events: eventsFor(method, match.template), readOnly: method.toUpperCase() === 'GET' }
  if (match.appOnly) call.classicOnly = `${match.template} is for GitHub Apps and classic tokens only: fine-grained tokens cannot call the Checks API (R13, R18)`
  return call
}

function ghRepo(words: string[], ctx: ScriptContext): RepoRef {
  const repo = flagValue(words, ['-R'], ['--repo']) ?? ctx.env.GH_REPO
  return repo ? repoRef(repo, ctx) : { kind: 'same' }
}

function analyseGh(cmd: Command, ctx: ScriptContext, out: StepAnalysis) {
  const words = cmd.words
  if (words[1] === 'api') {
    const valueFlags = new Set(['-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '-q', '--jq', '-t', '--template', '--hostname', '--cache', '-p', '--preview'])
    let endpoint: string | undefined
    for (let i = 2; i < words.length; i++) {
      if (valueFlags.has(words[i])) {
        i++
        continue
      }
      if (words[i].startsWith('-')) continue
      endpoint = words[i]
      break
    }
    if (!endpoint) return out.unknown.push(`gh api without an endpoint at line ${cmd.line}`)
    if (/^graphql$/i.test(endpoint)) {
      const query = words.join(' ')
      if (/projectV2|ProjectNext/i.test(query)) {
        out.calls.push({ what: 'gh api graphql (Projects)', permissions: { organization_projects: 'write' }, target: { kind: 'organization', owner: null }, patReason: 'Projects are out of GITHUB_TOKEN\'s reach (R5)' })
      } else out.unknown.push(`gh api graphql at line ${cmd.line}: GitHub publishes no permission map for GraphQL`)
      return
    }
    const hasFields = hasFlag(words, ['-f', '-F', '--field', '--raw-field', '--input'])
    const method = flagValue(words, ['-X'], ['--method']) ?? (hasFields ? 'POST' : 'GET')
    const path = '/' + expand(endpoint, ctx).replace(/^\//, '')
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
  const target = ghRepo(words, ctx)
  const call: Call = { what: facts.command, permissions: facts.permissions, target, events: facts.events }
  if (facts.command === 'gh repo fork') call.patReason = 'GITHUB_TOKEN cannot create forks (R11)'
  if (facts.command === 'gh secret set' || facts.command === 'gh variable set') call.patReason = 'no `permissions:` key grants secrets or variables (R6)'
  if (/^gh (pr|run|workflow|release|issue) (view|list|diff|checks|download|watch)$/.test(facts.command)) call.readOnly = true
  out.calls.push(call)
}

function analyseCurl(cmd: Command, ctx: ScriptContext, out: StepAnalysis) {
  const words = cmd.words.map((w) => expand(w, ctx))
  const url = words.find((w) => /^https?:\/\/|^\$\{?GITHUB_API_URL\}?|^\$\{\{\s*github\.api_url\s*\}\}/i.test(w))
  if (!url) return
  const api = url.replace(/^\$\{?GITHUB_API_URL\}?|^\$\{\{\s*github\.api_url\s*\}\}/i, 'https://api.github.com')
  if (!/^https?:\/\/(api\.github\.com|uploads\.github\.com|[^/]+\/api\/v3)\//i.test(api)) return
  out.sentToGithub = true
  const isWget = cmd.words[0] === 'wget'
  const explicit = isWget ? flagValue(words, [], ['--method']) : flagValue(words, ['-X'], ['--request'])
  const data = isWget ? hasFlag(words, ['--post-data', '--post-file', '--body-data']) : hasFlag(words, ['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-F', '--form', '-T', '--upload-file'])
  const method = (explicit ?? (data ? 'POST' : 'GET')).toUpperCase()
  if (/^https?:\/\/uploads\.github\.com/i.test(api)) {
    const segs = pathSegments(api)
    out.calls.push({ what: `${quoted(method)} uploads.github.com release asset`, permissions: { contents: 'write' }, target: segs[0] === 'repos' ? resolveRepo(`${api.split('/')[4]}/${api.split('/')[5]}`, ctx.self) : { kind: 'same' } })
    return
  }
  const call = restCall(method, api, ctx, `${quoted(cmd.words[0])} ${quoted(method)} ${quoted(url)}`)
  if (typeof call === 'string') out.unknown.push(call)
  else out.calls.push(call)
}

/** `owner/name` of a GitHub git URL, if it is one. */
/**
 * The runner's own variables and contexts for the server, as they read on github.com: a URL built
 * from them (`https://x:$T@${GITHUB_SERVER_URL#https://}/$GITHUB_REPOSITORY`) is a GitHub URL.
 */
const SERVER_URL = /\$\{GITHUB_SERVER_URL(?:#+[^}]*)\}|\$\{\{\s*github\.server_url\s*\}\}(?:\/\/)?|\$\{?GITHUB_SERVER_URL\}?/g

/**
 * The repository a git URL names: this one for `$GITHUB_REPOSITORY` or `${{ github.repository }}`,
 * unknown where the host or path is known only at run time, null for another host.
 */
function gitUrlRepo(url: string, ctx: ScriptContext): RepoRef | null {
  const text = expand(url, ctx).replace(SERVER_URL, (m) => (m.includes('#') ? 'github.com' : 'https://github.com'))
  const m = /github\.com[/:](.+?)(?:\.git)?\/?$/i.exec(text)
  if (m) return repoRef(m[1], ctx)
  const host = /^(?:[a-z+]+:\/\/)?(?:[^@/]*@)?([^/:]+)/i.exec(text)?.[1] ?? ''
  // Another literal host (gitlab.com, a mirror) takes no GitHub token; a host named at run time may be GitHub.
  if (/^[A-Za-z0-9.-]+$/.test(host)) return null
  return { kind: 'unknown', text: quoted(url), why: `the URL \`${quoted(url)}\` is only known at run time` }
}

interface GitState {
  /** remote name -> repository, for remotes whose URL carries the token. */
  remotes: Map<string, RepoRef>
  /** The credential store gives the token to every github.com URL. */
  allGithub: boolean
  /** Commits not written by this workflow were brought in (rebase, merge, cherry-pick): they may touch .github/workflows. */
  rewrote: boolean
  /** A push to a remote named at run time has been reported: the later ones are counted with it. */
  runTimePushSeen: boolean
}

/** Global options of git that take a value: `git -C dir push` pushes. */
const GIT_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path'])

/** A git command's parts, read once per script: its subcommand, its arguments, what it sets. */
interface GitParts {
  sub: string | undefined
  /** The arguments after the subcommand, options dropped. */
  args: string[]
  /** `git remote add|set-url NAME URL` or `git config remote.NAME.url URL`: the remote and URL, as written. */
  set: { name: string; url: string } | null
  config: GitConfigSet | null
}

/** Subcommands that talk to a remote. */
const REMOTE_SUBCOMMANDS = new Set(['push', 'clone', 'fetch', 'pull', 'ls-remote'])

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
const ANY_REMOTE = '*'

/**
 * The repository a remote points to when git sends the token to all of github.com: the URL the
 * script last set for it (none when that URL is not github.com's or carries its own
 * credentials), else the checkout's for origin. Read from the index, whatever the token,
 * so that it does not depend on which commands this token's reading skipped.
 */
function remoteRepo(parsed: ParsedScript, at: number, remote: string, ctx: ScriptContext): RepoRef | null {
  const url = remoteUrlAt(parsed, remote, at)
  if (url !== undefined) {
    // A URL with credentials of its own (another token's) is sent with those.
    return /github\.com[/:]/i.test(url) && !/:\/\/[^/]*@/.test(url) ? gitUrlRepo(url, ctx) : null
  }
  if (remote === 'origin') return { kind: 'same' }
  return { kind: 'unknown', text: quoted(remote), why: namedAtRunTime(remote) ? `the remote (${quoted(remote)}) is named at run time` : `remote ${quoted(remote)} is not set in this script` }
}

/** The URL the script last set for `remote` before command `at`, if it set one. */
function remoteUrlAt(parsed: Pick<ParsedScript, 'remoteUrls' | 'gitParts'>, remote: string, at: number): string | undefined {
  const sets = parsed.remoteUrls.get(remote) ?? []
  const last = sets[firstAtLeast(sets, at) - 1]
  return last === undefined ? undefined : parsed.gitParts.get(last)!.set!.url
}

function analyseGit(cmd: Command, at: number, parsed: ParsedScript, ctx: ScriptContext, state: GitState, out: StepAnalysis) {
  const words = cmd.words
  const { sub, args, set, config } = parsed.gitParts.get(at)!
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
      // The commands git sends the token with by this rule are found from the index (gitRules);
      // only the rules in force for github.com at the end of the script are left to later steps.
      if (parsed.githubRulesAtEnd.includes(at) && usesToken(words, ctx)) (out.persists ??= []).push({ what: 'git configured to send the token to github.com', target: null })
    } else if (tokenUrl && config?.kind === 'other') {
      out.unknown.push(`\`git config ${quoted(config.key)}\` at line ${cmd.line} gives git the token in a way pat-lint does not follow`)
    }
    return
  }
  // A rule of `git config` that carries this token applies to this command's URL.
  const byConfig = (parsed.gitRules.get(at) ?? []).some((rule) => usesToken(parsed.commands[rule].words, ctx))
  const viaToken = (url: string | undefined, remote?: string): RepoRef | null => {
    if (url && (usesToken([url], ctx) || state.allGithub || byConfig)) return gitUrlRepo(url, ctx)
    if (remote && state.remotes.has(remote)) return state.remotes.get(remote)!
    if (remote && (state.allGithub || byConfig)) return remoteRepo(parsed, at, remote, ctx)
    return null
  }
  if (sub === 'rebase' || sub === 'merge' || sub === 'cherry-pick' || sub === 'am' || sub === 'pull') state.rewrote = true
  if (sub === 'push') {
    const url = args.find((w) => /:\/\/|@github\.com/.test(w))
    const remote = url ? undefined : (args[0] ?? 'origin')
    if (remote !== undefined && namedAtRunTime(remote) && !state.allGithub && !byConfig) {
      if (!state.remotes.size || state.runTimePushSeen) return
      state.runTimePushSeen = true
      const names = [...state.remotes.keys()]
      const listed = names.length > 3 ? `${names.slice(0, 3).map(quoted).join(', ')} or ${names.length - 3} more` : names.map(quoted).join(' or ')
      const later = parsed.gitByRemote.get(ANY_REMOTE)!
      const more = later.length - firstAtLeast(later, at + 1)
      out.unknown.push(`git push at line ${cmd.line} names its remote at run time (${quoted(remote)}): it may be ${listed}, whose URL carries the token${more ? ` (and ${more} more pushes after it name theirs at run time)` : ''}`)
      return
    }
    const target = viaToken(url, remote)
    if (target) {
      const permissions: Call['permissions'] = state.rewrote ? { contents: 'write', workflows: 'write' } : { contents: 'write' }
      out.calls.push({ what: state.rewrote ? 'git push of rebased or merged commits' : 'git push', permissions, target, events: ['push'] })
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

/** Whether a known program gets this token: from a token flag, or from the first of its variables that is set. */
function programGetsToken(cmd: Command, facts: ProgramFacts, ctx: ScriptContext): boolean {
  const flag = flagValue(cmd.words, [], facts.tokenFlags)
  if (flag !== undefined) return usesToken([flag], ctx)
  const first = facts.tokenEnv.find((v) => ctx.tokenVars.has(v) || ctx.env[v] !== undefined)
  return first !== undefined && ctx.tokenVars.has(first)
}

function analyseProgram(cmd: Command, facts: ProgramFacts, ctx: ScriptContext, state: GitState, out: StepAnalysis) {
  if (!programGetsToken(cmd, facts, ctx) || !facts.callsGithub) return
  out.sentToGithub = true
  const repo = flagValue(cmd.words, [], facts.repoFlags)
  const target = repo === undefined ? { kind: 'same' as const } : (gitUrlRepo(repo, ctx) ?? repoRef(repo, ctx))
  if (facts.setsRemote) {
    const remote = flagValue(cmd.words, [], ['--remote']) ?? facts.setsRemote
    state.remotes.set(remote, target)
    ;(out.persists ??= []).push({ what: `${facts.command} set remote ${quoted(remote)} to a URL carrying the token`, target, scope: 'remote', remote })
    out.calls.push({ what: `${facts.command} (git fetch)`, permissions: { contents: 'read' }, target, readOnly: true })
    return
  }
  out.calls.push({ what: facts.command, permissions: facts.permissions, target, events: facts.events })
}

/** Writes of the token into git's credential store: `echo "https://u:TOKEN@github.com" > ~/.git-credentials`. */
function storesGitCredential(cmd: Command, ctx: ScriptContext): boolean {
  return (cmd.words[0] === 'echo' || cmd.words[0] === 'printf') && cmd.words.some((w) => /github\.com/.test(w) && usesToken([w], ctx))
}

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

/** Past this many, commands that may read the token from their environment are counted, not listed. */
export const ENV_READERS_LISTED = 5

const GIT_REWRITES = new Set(['rebase', 'merge', 'cherry-pick', 'am', 'pull'])

/**
 * What a command that does not name the token can still do with it. `silent`: nothing (built-ins,
 * text tools, installs, curl and wget). `env`: run with the token in its environment, unseen.
 * `watched`: it depends on the step (gh, git, docker login to ghcr.io, publishing to GitHub
 * Packages, the programs of knowledge/programs.ts).
 */
type Role = 'silent' | 'env' | 'watched'

function isGhcrLogin(words: string[]): boolean {
  return words[0] === 'docker' && words[1] === 'login' && words.some((w) => /ghcr\.io/i.test(w))
}

function isPackagesPublish(words: string[], toGithubPackages: boolean): boolean {
  return toGithubPackages && (words[0] === 'npm' || words[0] === 'yarn' || words[0] === 'pnpm') && words.includes('publish')
}

/**
 * Docker subcommands that read no variable of their environment on their own: a container or build
 * sees only the variables passed to it (`-e NAME`, `--build-arg NAME` and `--secret …,env=NAME`
 * take a value from the environment when no `=value` is given; Docker CLI reference). Compose and
 * bake files interpolate the environment, so they are not among these.
 */
const DOCKER_ENV_BLIND = new Set(['pull', 'push', 'run', 'create', 'exec', 'build', 'tag', 'images', 'ps', 'logs', 'stop', 'rm', 'rmi', 'inspect', 'save', 'load', 'login', 'logout', 'network', 'volume', 'cp', 'start', 'kill', 'wait', 'version', 'info'])

function dockerReadsEnv(words: string[]): boolean {
  const sub = words[1] === 'buildx' || words[1] === 'image' || words[1] === 'container' ? words[2] : words[1]
  if (!DOCKER_ENV_BLIND.has(sub ?? '')) return true
  return words.some((w, k) => w === '--env-file' || w.startsWith('--env-file=') || (/^(-e|--env|--build-arg)$/.test(w) && !(words[k + 1] ?? '').includes('=')) || (w === '--secret' && /(^|,)env=/.test(words[k + 1] ?? '')))
}

function isInstall(words: string[]): boolean {
  return /^(pip3?|npm|yarn|pnpm|apt|apt-get|brew|gem|cargo|go)$/.test(words[0]) && /^(install|ci|add|i|update|upgrade|get)$/.test(words[1] ?? '')
}

/**
 * A script's commands with an index of which command names which secret or variable, and of what
 * the others can do. Every secret of a step is followed through its script on its own: without the
 * index, a step with thousands of secrets and thousands of commands costs their product in time.
 */
interface ParsedScript {
  commands: Command[]
  roles: Role[]
  bySecret: Map<string, number[]>
  byVariable: Map<string, number[]>
  /** Commands whose role is `env`, in order. */
  envReaders: number[]
  /** gh commands, in order. */
  gh: number[]
  /** git commands, in order. */
  git: number[]
  /** What each git command reaches when it does not name the token (see `gitReach`). */
  gitReach: Map<number, GitReach>
  /** git commands by the remote they use or set, when they name one (`ANY_REMOTE` for pushes to a remote named at run time). */
  gitByRemote: Map<string, number[]>
  /** Each git command's parts (see `gitParts`). */
  gitParts: Map<number, GitParts>
  /** `git remote add|set-url` commands by the remote they set, in order. */
  remoteUrls: Map<string, number[]>
  /**
   * git commands -> the `git config` commands whose rules git applies to their URL: the URL
   * rewrite, the extra header, the credential helper in force (see git-config.ts).
   */
  gitRules: Map<number, number[]>
  /** The commands each such rule applies to, in order. */
  gitByRule: Map<number, number[]>
  /** The rules git would apply to a github.com URL after the script: those later steps inherit. */
  githubRulesAtEnd: number[]
  /** Commands of knowledge/programs.ts, by the variables they read a token from. */
  programsByVariable: Map<string, number[]>
  /**
   * The first publish to GitHub Packages per package manager: whatever token the step holds,
   * each gives the same call as any later one.
   */
  registryLogins: number[]
  /** `docker login ghcr.io` commands fed by the command before them in a pipe: feeder -> login. */
  ghcrLoginsByFeeder: Map<number, number>
  /** The first `docker login ghcr.io` that names no variable or secret, nor is piped one: -1 if none. */
  anonymousGhcrLogin: number
  /**
   * `gh auth login --with-token` commands -> the command that feeds them the token: the login
   * itself (`<<< "$T"`), the one before it on its line (`echo "$T" |`), or the last to write the
   * file it reads (`< file`); -1 when none of those names a secret or variable (any token).
   */
  ghLogins: Map<number, number>
  /** The logins each feeding command feeds. */
  ghLoginsByFeeder: Map<number, number[]>
  /** Logins fed by nothing pat-lint can see, in order. */
  anonymousGhLogins: number[]
  /** Every login, in order. */
  ghLoginList: number[]
  /** What each gh command asks of GitHub does not depend on the token: worked out once per step. */
  ghCache: WeakMap<object, GhCache>
  /** The first git command that brings in commits not written here (rebase, merge, pull, …). */
  firstGitRewrite: number
  /** `docker push` to ghcr.io somewhere in the script: a ghcr.io login then needs packages: write. */
  pushesToGhcr: boolean
  /** The script publishes to npm.pkg.github.com. */
  toGithubPackages: boolean
  /** Variables bound by loops, when the script has any. */
  loopVars?: Set<string>
  /** The script mentions git's credential store or helper. */
  credentialStore: boolean
  /**
   * The write to git's credential store that git reads for github.com: the last `>` overwrite,
   * else the first `>>` append (git takes the first line matching the host); -1 if none.
   */
  githubCredential: number
}

/** Up to two secrets an environment holds (its values' `secrets.X`), per object of its chain. */
const envSecrets = new WeakMap<object, string[]>()

function twoSecretsOf(env: Record<string, string> | null): string[] {
  if (!env) return []
  let found = envSecrets.get(env)
  if (!found) {
    const names = new Set<string>()
    for (const key of Object.keys(env)) {
      for (const name of secretNamesIn(env[key])) names.add(name)
      if (names.size >= 2) break
    }
    for (const name of twoSecretsOf(Object.getPrototypeOf(env))) if (names.size < 2) names.add(name)
    found = [...names].slice(0, 2)
    envSecrets.set(env, found)
  }
  return found
}

/**
 * Whether the step holds more than one secret (named in its script or in its environment): a gh
 * login fed from somewhere pat-lint cannot see is then not known to carry the one followed.
 */
function holdsSeveralTokens(parsed: ParsedScript, ctx: ScriptContext): boolean {
  const held = new Set<string>()
  for (const name of parsed.bySecret.keys()) {
    held.add(name)
    if (held.size >= 2) return true
  }
  for (const name of twoSecretsOf(ctx.env)) held.add(name)
  if (ctx.secret) held.add(ctx.secret.toUpperCase())
  return held.size > 1
}

/** Scripts parsed once per step: recognising the secret and deciding its use both read them. */
const parsedScripts = new WeakMap<object, ParsedScript>()

function indexScript(script: string, commands: Command[]): ParsedScript {
  const out: ParsedScript = {
    commands,
    roles: [],
    bySecret: new Map(),
    byVariable: new Map(),
    envReaders: [],
    gh: [],
    git: [],
    gitReach: new Map(),
    gitByRemote: new Map(),
    gitParts: new Map(),
    remoteUrls: new Map(),
    gitRules: new Map(),
    gitByRule: new Map(),
    githubRulesAtEnd: [],
    programsByVariable: new Map(),
    registryLogins: [],
    ghcrLoginsByFeeder: new Map(),
    anonymousGhcrLogin: -1,
    ghLogins: new Map(),
    ghLoginsByFeeder: new Map(),
    anonymousGhLogins: [],
    ghLoginList: [],
    ghCache: new WeakMap(),
    firstGitRewrite: Infinity,
    pushesToGhcr: /\bdocker\s+(push|buildx\s+build[^\n]*--push)[^\n]*ghcr\.io/i.test(script),
    toGithubPackages: /npm\.pkg\.github\.com/.test(script),
    loopVars: /\b(for|while)\b/.test(script) ? loopVariables(script) : undefined,
    credentialStore: /git-credentials|credential\.helper/.test(script),
    githubCredential: -1,
  }
  const add = <K>(map: Map<K, number[]>, name: K, i: number) => {
    const list = map.get(name)
    if (!list) map.set(name, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  const registries = new Set<string>()
  const rules = { rewrite: new PrefixRules('first'), pushRewrite: new PrefixRules('first'), extraheader: new PrefixRules('last'), helper: new PrefixRules('last') }
  // A push takes a pushInsteadOf rule before an insteadOf one.
  const rulesFor = (url: string, push: boolean) =>
    [(push ? rules.pushRewrite.match(url) : undefined) ?? rules.rewrite.match(url), rules.extraheader.match(url), rules.helper.match(url)].filter((r) => r !== undefined)
  const mentions: boolean[] = []
  const lastWriter = new Map<string, number>()
  commands.forEach((cmd, i) => {
    const words = cmd.words
    const prog = words[0]
    mentions.push(false)
    for (const w of words) {
      if (!w.includes('$')) continue
      const secrets = secretNamesIn(w)
      const variables = variablesIn(w)
      for (const name of secrets) add(out.bySecret, name, i)
      for (const name of variables) add(out.byVariable, name, i)
      if (secrets.length || variables.length) mentions[i] = true
    }
    const redirect = words.findIndex((w) => w === '>' || w === '>>')
    if (redirect >= 0 && words[redirect + 1]) lastWriter.set(words[redirect + 1], i)
    const program = prog === 'gh' || prog === 'git' ? undefined : programFacts(words)
    let role: Role = 'watched'
    if (prog === 'gh') {
      out.gh.push(i)
      if (words[1] === 'auth' && words.includes('--with-token')) {
        const input = words.indexOf('<')
        const writer = input >= 0 ? lastWriter.get(words[input + 1] ?? '') : undefined
        let feeder = -1
        if (mentions[i]) feeder = i
        else if (i > 0 && commands[i - 1].line === cmd.line && mentions[i - 1]) feeder = i - 1
        else if (writer !== undefined && mentions[writer]) feeder = writer
        out.ghLogins.set(i, feeder)
        out.ghLoginList.push(i)
        if (feeder < 0) out.anonymousGhLogins.push(i)
        else add(out.ghLoginsByFeeder, feeder, i)
      }
    } else if (prog === 'git') {
      out.git.push(i)
      const parts = gitParts(words)
      out.gitParts.set(i, parts)
      const reach = gitReach(parts)
      out.gitReach.set(i, reach)
      if (typeof reach === 'object') add(out.gitByRemote, reach.remote, i)
      if (parts.set) add(out.remoteUrls, parts.set.name, i)
      const { config } = parts
      if (config?.kind === 'rewrite') rules[config.push ? 'pushRewrite' : 'rewrite'].add(config.prefix, i)
      else if (config?.kind === 'credential') rules[config.mechanism].add(config.prefix, i)
      const url = gitUrlOf(parts, out, i)
      if (url !== null) {
        const applied = rulesFor(url, parts.sub === 'push')
        if (applied.length) out.gitRules.set(i, applied)
        for (const rule of applied) add(out.gitByRule, rule, i)
      }
      if (GIT_REWRITES.has(parts.sub ?? '')) out.firstGitRewrite = Math.min(out.firstGitRewrite, i)
    } else if (isGhcrLogin(words)) {
      // Its password is its own argument (a named command) or what the command before it in a pipe prints.
      if (i > 0 && commands[i - 1].line === cmd.line && mentions[i - 1]) out.ghcrLoginsByFeeder.set(i - 1, i)
      else if (!mentions[i] && out.anonymousGhcrLogin < 0) out.anonymousGhcrLogin = i
    } else if (isPackagesPublish(words, out.toGithubPackages)) {
      if (!registries.has(prog)) out.registryLogins.push(i)
      registries.add(prog)
    } else if (program) {
      for (const v of program.tokenEnv) add(out.programsByVariable, v, i)
    } else if (prog === 'curl' || prog === 'wget' || INERT.has(prog) || isInstall(words) || (prog === 'docker' && !dockerReadsEnv(words))) role = 'silent'
    else role = 'env'
    out.roles.push(role)
    if (role === 'env') out.envReaders.push(i)
    if (out.credentialStore && (prog === 'echo' || prog === 'printf') && mentions[i] && words.some((w) => /github\.com/.test(w))) {
      if (redirect >= 0 && words[redirect] === '>') out.githubCredential = i
      else if (out.githubCredential < 0) out.githubCredential = i
    }
  })
  out.githubRulesAtEnd = rulesFor(GITHUB_URL, true)
  return out
}

/**
 * Stands for the URL of a remote the script does not set (the checkout's origin, a remote named
 * at run time): one on github.com, whose path the files do not show.
 */
const GITHUB_URL = 'https://github.com/'

/**
 * The URL a git command that talks to a remote uses, as git sees it before rewriting: its URL
 * argument, else its remote's last URL set in the script (`GITHUB_URL` when none); null for
 * commands that reach no remote.
 */
function gitUrlOf({ sub, args }: GitParts, parsed: Pick<ParsedScript, 'remoteUrls' | 'gitParts'>, at: number): string | null {
  if (sub === undefined || !REMOTE_SUBCOMMANDS.has(sub)) return null
  return args.find((w) => /:\/\/|@github\.com/.test(w)) ?? remoteUrlAt(parsed, args[0] ?? 'origin', at) ?? GITHUB_URL
}

function scriptOf(script: string, key: object | undefined): ParsedScript {
  if (!key) return indexScript(script, parseCommands(script))
  let parsed = parsedScripts.get(key)
  if (!parsed) {
    parsed = indexScript(script, parseCommands(script))
    parsedScripts.set(key, parsed)
  }
  return parsed
}


/** Environment readers that were not read one by one: how many, and between which lines. */
interface Unlisted {
  count: number
  first: number
  last: number
}

/** Which commands one token's analysis reads (see `relevantCommands`). */
interface Relevant {
  /** Commands to read, in order, besides the gh and git commands read while they can hold the token. */
  picked: number[]
  /** Commands that name the token; null when any secret is followed. */
  named: Set<number> | null
  unlisted: Unlisted
}

/** The commands that name the followed secret or one of its variables; null when any secret is followed. */
function namedCommands(parsed: ParsedScript, ctx: ScriptContext): Set<number> | null {
  if (!ctx.secret) return null
  const named = new Set<number>(parsed.bySecret.get(ctx.secret.toUpperCase()) ?? [])
  for (const v of ctx.tokenVars) for (const i of parsed.byVariable.get(v) ?? []) named.add(i)
  return named
}

/** The git commands that git gives the token by a rule of `git config` (the token names the rule's command). */
function commandsConfigGivesToken(named: Set<number>, parsed: ParsedScript): number[] {
  const lists: number[][] = []
  for (const rule of named) {
    const list = parsed.gitByRule.get(rule)
    if (list) lists.push(list)
  }
  return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b)
}

/**
 * The commands that can matter for one token: those naming it, the logins it feeds, the programs
 * that read one of its variables, the first registry logins, and, when it sits in variables, the
 * first few of the commands that may read their environment; the rest of those are only counted
 * (`unlisted`). gh and git commands are read besides, while they can hold the token (`inOrder`).
 * Following any secret (no name given) reads every command.
 */
function relevantCommands(parsed: ParsedScript, ctx: ScriptContext): Relevant {
  const unlisted: Unlisted = { count: 0, first: Infinity, last: 0 }
  if (!ctx.secret) return { picked: parsed.commands.map((_, i) => i), named: null, unlisted }
  const named = namedCommands(parsed, ctx)!
  const picked = new Set(named)
  for (const i of named) for (const login of parsed.ghLoginsByFeeder.get(i) ?? []) picked.add(login)
  for (const v of ctx.tokenVars) for (const i of parsed.programsByVariable.get(v) ?? []) picked.add(i)
  for (const i of parsed.registryLogins) picked.add(i)
  for (const i of named) {
    const login = parsed.ghcrLoginsByFeeder.get(i)
    if (login !== undefined) picked.add(login)
  }
  if (parsed.anonymousGhcrLogin >= 0) picked.add(parsed.anonymousGhcrLogin)
  if (ctx.tokenVars.size) {
    let listed = 0
    for (const i of parsed.envReaders) {
      if (named.has(i)) continue
      if (listed < ENV_READERS_LISTED) {
        picked.add(i)
        listed++
        continue
      }
      // Past the listed ones only the count and the last line are wanted.
      unlisted.first = parsed.commands[i].line
      break
    }
    if (unlisted.first !== Infinity) {
      let namedReaders = 0
      for (const i of named) if (parsed.roles[i] === 'env') namedReaders++
      unlisted.count = parsed.envReaders.length - namedReaders - listed
      for (let k = parsed.envReaders.length - 1; k >= 0; k--) {
        const i = parsed.envReaders[k]
        if (!named.has(i)) {
          unlisted.last = parsed.commands[i].line
          break
        }
      }
    }
  }
  return { picked: [...picked].sort((a, b) => a - b), named, unlisted }
}

/**
 * Commands of one program (gh or git) that do not name the token, read only where they can
 * matter: `wanted(from)` is the first command at or after `from` that can, given what the
 * program holds so far (Infinity when none can).
 */
interface Stream {
  list: number[]
  at: number
  wanted: (from: number) => number
}

/** The first entry of a sorted list at or after `from`; Infinity if none. */
function nextIn(list: number[], from: number): number {
  return list[firstAtLeast(list, from)] ?? Infinity
}

/**
 * `picked` and the streams merged in script order. A stream skips, unread, to its next wanted
 * command or to the next picked one, whichever comes first: a picked command may change what
 * the program holds.
 */
function* inOrder(picked: number[], streams: Stream[]): Generator<number> {
  let p = 0
  for (;;) {
    const nextPicked = p < picked.length ? picked[p] : Infinity
    let next = nextPicked
    let from: Stream | null = null
    for (const s of streams) {
      if (s.at < s.list.length) s.at = Math.max(s.at, firstAtLeast(s.list, Math.min(nextPicked, s.wanted(s.list[s.at]))))
      if (s.at < s.list.length && s.list[s.at] < next) {
        next = s.list[s.at]
        from = s
      }
    }
    if (next === Infinity) return
    if (from) from.at++
    else {
      p++
      for (const s of streams) if (s.list[s.at] === next) s.at++
    }
    yield next
  }
}

/** gh commands worked out for one environment of a step (keyed by it) and one repository. */
interface GhCache {
  self: string | null
  byIndex: Map<number, StepAnalysis>
  calls: Map<string, Call>
  /** What the gh commands after each login, up to the next one, ask together. */
  sessions: Map<number, StepAnalysis>
}

/** The gh cache of the script for this environment and repository. */
function ghCacheFor(parsed: ParsedScript, ctx: ScriptContext): GhCache {
  let cache = parsed.ghCache.get(ctx.env)
  if (!cache || cache.self !== ctx.self) {
    cache = { self: ctx.self, byIndex: new Map(), calls: new Map(), sessions: new Map() }
    parsed.ghCache.set(ctx.env, cache)
  }
  return cache
}

/** What gh command `i` asks of GitHub: the same for every token of the step, so worked out once. */
function ghFragment(parsed: ParsedScript, i: number, ctx: ScriptContext): StepAnalysis {
  const cache = ghCacheFor(parsed, ctx)
  let fragment = cache.byIndex.get(i)
  if (!fragment) {
    fragment = { calls: [], unknown: [] }
    analyseGh(parsed.commands[i], ctx, fragment)
    // Equal calls become one object, so a token's repeated calls are told apart by identity.
    fragment.calls = fragment.calls.map((c) => {
      const key = JSON.stringify(c)
      const known = cache.calls.get(key)
      if (known) return known
      cache.calls.set(key, c)
      return c
    })
    cache.byIndex.set(i, fragment)
  }
  return fragment
}

/**
 * What the gh commands after login `login` ask, up to the next login: every token that login
 * may carry gets all of it, so it is put together once per step.
 */
function ghSession(parsed: ParsedScript, login: number, ctx: ScriptContext): { session: StepAnalysis; end: number } {
  const end = parsed.ghLoginList[firstAtLeast(parsed.ghLoginList, login + 1)] ?? Infinity
  const cache = ghCacheFor(parsed, ctx)
  let session = cache.sessions.get(login)
  if (!session) {
    session = { calls: [], unknown: [] }
    const seen = new Set<Call>()
    for (let k = firstAtLeast(parsed.gh, login + 1); k < parsed.gh.length && parsed.gh[k] < end; k++) {
      const fragment = ghFragment(parsed, parsed.gh[k], ctx)
      for (const c of fragment.calls) {
        if (seen.has(c)) continue
        seen.add(c)
        session.calls.push(c)
      }
      for (const reason of fragment.unknown) session.unknown.push(reason)
    }
    cache.sessions.set(login, session)
  }
  return { session, end }
}

function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * What a script does with the token. `key` (the step's `run:` value) lets a second analysis of
 * the same step reuse the parsed commands; leave it out for a script built on the fly.
 */
export function analyseScript(script: string, stepCtx: ScriptContext, key?: object): StepAnalysis {
  return analyse(script, stepCtx, key, false)
}

/**
 * The same analysis reading every command of the script in turn, none skipped: what the per-token
 * reading of `analyseScript` must agree with (a property test holds them equal). Not for use:
 * thousands of tokens cost thousands of readings of the whole script.
 */
export function analyseScriptReadingAll(script: string, ctx: ScriptContext): StepAnalysis {
  return analyse(script, ctx, undefined, true)
}

function analyse(script: string, stepCtx: ScriptContext, key: object | undefined, readAll: boolean): StepAnalysis {
  const out: StepAnalysis = { calls: [], unknown: [] }
  const parsed = scriptOf(script, key)
  const loopVars = parsed.loopVars
  const ctx: ScriptContext = loopVars?.size ? { ...stepCtx, loopVars } : stepCtx
  const state: GitState = { remotes: new Map(), allGithub: false, rewrote: false, runTimePushSeen: false }
  const ghReadsToken = GH_TOKEN_VARIABLES.some((v) => ctx.tokenVars.has(v))
  let ghLoggedIn = false
  const relevant = readAll ? { picked: parsed.commands.map((_, i) => i), named: namedCommands(parsed, ctx), unlisted: { count: 0, first: Infinity, last: 0 } } : relevantCommands(parsed, ctx)
  const { named, unlisted } = relevant
  const readVars = () => [...ctx.tokenVars].map((v) => `$${quoted(v)}`).join(', ')
  let listedReaders = 0
  const credential = parsed.githubCredential
  if (credential >= 0 && (!named || named.has(credential)) && storesGitCredential(parsed.commands[credential], ctx)) {
    state.allGithub = true
    ;(out.persists ??= []).push({ what: 'the token is stored as a git credential for github.com', target: null })
  }
  // A git or gh command that does not name the token matters only while git or gh holds it.
  const givenByConfig = named && !readAll ? commandsConfigGivesToken(named, parsed) : []
  const gitWanted = (from: number) => {
    if (state.allGithub) return from
    let first = nextIn(givenByConfig, from)
    for (const remote of state.remotes.keys()) first = Math.min(first, nextIn(parsed.gitByRemote.get(remote) ?? [], from))
    if (state.remotes.size && !state.runTimePushSeen) first = Math.min(first, nextIn(parsed.gitByRemote.get(ANY_REMOTE) ?? [], from))
    return first
  }
  const ghWanted = (from: number) => (ghReadsToken || ghLoggedIn ? from : nextIn(parsed.anonymousGhLogins, from))
  const streams: Stream[] = named && !readAll ? [{ list: parsed.git, at: 0, wanted: gitWanted }, { list: parsed.gh, at: 0, wanted: ghWanted }] : []
  const ghCalls = new Set<Call>()
  const untracedLogins: number[] = []
  for (const i of inOrder(relevant.picked, streams)) {
    work.scriptCommands++
    const cmd = parsed.commands[i]
    const prog = cmd.words[0]
    if (prog === 'gh') {
      const feeder = parsed.ghLogins.get(i)
      // A login with another token ends this one's; one fed by nothing visible may be any token's.
      if (feeder !== undefined) {
        const anyToken = feeder < 0 && named !== null
        ghLoggedIn = !named || named.has(feeder) || (anyToken && !holdsSeveralTokens(parsed, ctx))
        if (anyToken && !ghLoggedIn) untracedLogins.push(cmd.line)
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
      if (ghReadsToken || ghLoggedIn || usesToken(cmd.words, ctx)) take(ghFragment(parsed, i, ctx))
      if (feeder !== undefined && ghLoggedIn && named && !ghReadsToken && !readAll) {
        // The whole session up to the next login at once: thousands of tokens may share one login.
        const { session, end } = ghSession(parsed, i, ctx)
        if (session.calls.length || session.unknown.length) take(session)
        ghLoggedIn = false
        streams[1].at = firstAtLeast(parsed.gh, end)
      }
      continue
    }
    if (prog === 'curl' || prog === 'wget') {
      if (usesToken(cmd.words, ctx)) analyseCurl(cmd, ctx, out)
      continue
    }
    if (prog === 'git') {
      // A git command that does not name the token matters only where it uses what git holds.
      if (named && !named.has(i) && !readAll) {
        if (!gitMayUse(parsed.gitReach.get(i)!, state) && !(parsed.gitRules.get(i) ?? []).some((rule) => named.has(rule))) continue
      }
      state.rewrote ||= i > parsed.firstGitRewrite
      analyseGit(cmd, i, parsed, ctx, state, out)
      continue
    }
    if (isGhcrLogin(cmd.words)) {
      // The password is the command's own argument or what the command before it in a pipe prints.
      const feeder = i > 0 && parsed.commands[i - 1].line === cmd.line ? parsed.commands[i - 1] : undefined
      const fed = usesToken(cmd.words, ctx) || (feeder !== undefined && usesToken(feeder.words, ctx))
      // A login fed by another variable or secret (often GITHUB_TOKEN itself) logs in with that one.
      if (!fed && [cmd, feeder].some((c) => c?.words.some((w) => w.includes('$')))) continue
      if (!fed) {
        out.unknown.push('a docker login to ghcr.io reads a password pat-lint cannot trace')
        continue
      }
      out.calls.push({ what: 'docker login ghcr.io', permissions: { packages: parsed.pushesToGhcr ? 'write' : 'read' }, target: PACKAGE_TARGET, classicOnly: 'GitHub Packages (ghcr.io) takes GITHUB_TOKEN or a classic token, not a fine-grained one (R9, R18)' })
      continue
    }
    if (isPackagesPublish(cmd.words, parsed.toGithubPackages)) {
      out.calls.push({ what: `${prog} publish to GitHub Packages`, permissions: { packages: 'write' }, target: PACKAGE_TARGET, classicOnly: 'GitHub Packages takes GITHUB_TOKEN or a classic token, not a fine-grained one (R9, R18)' })
      continue
    }
    if ((prog === 'echo' || prog === 'printf' || prog === 'cat') && usesToken(cmd.words, ctx)) {
      const redirect = cmd.words.findIndex((w) => /^>>?$/.test(w))
      const file = redirect >= 0 ? cmd.words[redirect + 1] ?? '' : ''
      if (/GITHUB_ENV/.test(file)) out.unknown.push(`line ${cmd.line} exports the token to later steps through $GITHUB_ENV`)
      else if (/\.ssh|id_rsa|id_ed25519/.test(file)) (out.persists ??= []).push({ what: 'the secret is written as an SSH key', target: null })
      else if (file && !/GITHUB_(OUTPUT|STEP_SUMMARY)|git-credentials/.test(file)) (out.persists ??= []).push({ what: `the token is written to ${quoted(file)}`, target: null })
      continue
    }
    const program = programFacts(cmd.words)
    if (program) {
      analyseProgram(cmd, program, ctx, state, out)
      continue
    }
    const explicit = usesToken(cmd.words, ctx)
    // Installing packages does not hand a GH_TOKEN-style variable to anything that reads it.
    if (parsed.roles[i] === 'silent' && !explicit) continue
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
export function firstEnvReader(script: string, key: object): Command | undefined {
  const parsed = scriptOf(script, key)
  const i = parsed.envReaders[0]
  return i === undefined ? undefined : parsed.commands[i]
}
