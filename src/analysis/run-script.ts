/**
 * What a `run:` script does with a token: gh commands, `gh api`, curl/wget to the REST API, git
 * over URLs that carry the token, docker login to ghcr.io, npm publishing to GitHub Packages and
 * the other programs in knowledge/programs.ts.
 * A program that may read the token but whose behaviour pat-lint cannot see is reported as
 * unknown, never guessed.
 */
import { lookupEndpoint, pathSegments, VAR } from '../knowledge/endpoints.js'
import { ghCommandFacts } from '../knowledge/gh-commands.js'
import { programFacts, type ProgramFacts } from '../knowledge/programs.js'
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
  return secretNamesIn(word).includes(ctx.secret.toUpperCase())
}

/** What each `${{ … }}` of a word holds, up to its first `}`. */
function expressionBodies(word: string): string[] {
  const bodies: string[] = []
  let at = word.indexOf('${{')
  while (at >= 0) {
    const close = word.indexOf('}', at + 3)
    bodies.push(word.slice(at + 3, close < 0 ? word.length : close))
    at = word.indexOf('${{', at + 3)
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
  const label = what ?? `${method.toUpperCase()} ${rawPath}`
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
    const call = restCall(method, path, ctx, `gh api ${method.toUpperCase()} ${endpoint}`)
    if (typeof call === 'string') out.unknown.push(call)
    else out.calls.push(call)
    return
  }
  const facts = ghCommandFacts(words)
  if (!facts) {
    if (words[1] === 'auth' || words[1] === 'config' || words[1] === '--version' || words[1] === 'version') return
    out.unknown.push(`\`${words.slice(0, 3).join(' ')}\` at line ${cmd.line} is not in pat-lint's gh command table`)
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
    out.calls.push({ what: `${method} uploads.github.com release asset`, permissions: { contents: 'write' }, target: segs[0] === 'repos' ? resolveRepo(`${api.split('/')[4]}/${api.split('/')[5]}`, ctx.self) : { kind: 'same' } })
    return
  }
  const call = restCall(method, api, ctx, `${cmd.words[0]} ${method} ${url}`)
  if (typeof call === 'string') out.unknown.push(call)
  else out.calls.push(call)
}

/** `owner/name` of a GitHub git URL, if it is one. */
function gitUrlRepo(url: string, ctx: ScriptContext): RepoRef | null {
  const m = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/i.exec(expand(url, ctx))
  return m ? repoRef(m[1], ctx) : null
}

interface GitState {
  /** remote name -> repository, for remotes whose URL carries the token. */
  remotes: Map<string, RepoRef>
  /** A credential helper or insteadOf rule gives the token to every github.com URL. */
  allGithub: boolean
  /** Commits not written by this workflow were brought in (rebase, merge, cherry-pick): they may touch .github/workflows. */
  rewrote: boolean
}

function analyseGit(cmd: Command, ctx: ScriptContext, state: GitState, out: StepAnalysis) {
  const words = cmd.words
  const sub = words.slice(1).find((w) => !w.startsWith('-'))
  const urlArgs = words.filter((w) => /github\.com[/:]/i.test(w))
  const tokenUrl = urlArgs.find((w) => usesToken([w], ctx))
  if (sub === 'remote' && (words.includes('set-url') || words.includes('add'))) {
    const name = words[words.indexOf(words.includes('set-url') ? 'set-url' : 'add') + 1]
    const url = words[words.length - 1]
    const repo = gitUrlRepo(url, ctx)
    if (repo && usesToken([url], ctx)) {
      state.remotes.set(name, repo)
      ;(out.persists ??= []).push({ what: `remote ${name} set to a URL carrying the token`, target: repo })
    }
    return
  }
  if (sub === 'config' && tokenUrl) {
    state.allGithub = true
    ;(out.persists ??= []).push({ what: 'git configured to send the token to github.com', target: null })
    return
  }
  const viaToken = (url: string | undefined, remote?: string): RepoRef | null => {
    if (url && (usesToken([url], ctx) || state.allGithub)) return gitUrlRepo(url, ctx)
    if (remote && state.remotes.has(remote)) return state.remotes.get(remote)!
    if (!url && !remote && state.remotes.has('origin')) return state.remotes.get('origin')!
    return null
  }
  if (sub === 'rebase' || sub === 'merge' || sub === 'cherry-pick' || sub === 'am' || sub === 'pull') state.rewrote = true
  if (sub === 'push') {
    const args = words.slice(words.indexOf('push') + 1).filter((w) => !w.startsWith('-'))
    const url = args.find((w) => /:\/\/|@github\.com/.test(w))
    const target = viaToken(url, url ? undefined : (args[0] ?? 'origin'))
    if (target) {
      const permissions: Call['permissions'] = state.rewrote ? { contents: 'write', workflows: 'write' } : { contents: 'write' }
      out.calls.push({ what: state.rewrote ? 'git push of rebased or merged commits' : 'git push', permissions, target, events: ['push'] })
    }
    return
  }
  if (sub === 'clone' || sub === 'fetch' || sub === 'pull' || sub === 'ls-remote') {
    const args = words.slice(words.indexOf(sub) + 1).filter((w) => !w.startsWith('-'))
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
    ;(out.persists ??= []).push({ what: `${facts.command} set remote ${remote} to a URL carrying the token`, target })
    out.calls.push({ what: `${facts.command} (git fetch)`, permissions: { contents: 'read' }, target, readOnly: true })
    return
  }
  out.calls.push({ what: facts.command, permissions: facts.permissions, target, events: facts.events })
}

/** Writes of the token into git's credential store: `echo "https://u:TOKEN@github.com" > ~/.git-credentials`. */
function storesGitCredential(cmd: Command, ctx: ScriptContext): boolean {
  return (cmd.words[0] === 'echo' || cmd.words[0] === 'printf') && cmd.words.some((w) => /github\.com/.test(w) && usesToken([w], ctx))
}

/** Programs whose handling does not depend on the command naming the token (state, logins, config files). */
const STATEFUL = new Set(['git', 'gh', 'docker', 'npm', 'yarn', 'pnpm'])

/**
 * A script's commands with an index of which command names which secret or variable. Every
 * secret of a step is followed through its script on its own: without the index a script naming
 * thousands of secrets costs thousands of walks over thousands of commands.
 */
interface ParsedScript {
  commands: Command[]
  bySecret: Map<string, number[]>
  byVariable: Map<string, number[]>
  /** Commands to read whatever the token: git, gh, docker and package managers. */
  stateful: number[]
  /** Commands that may read a token from their environment (all but the inert ones). */
  notInert: number[]
  /** Variables bound by loops, when the script has any. */
  loopVars?: Set<string>
  /** The script mentions git's credential store or helper. */
  credentialStore: boolean
}

/** Scripts parsed once per step: recognising the secret and deciding its use both read them. */
const parsedScripts = new WeakMap<object, ParsedScript>()

function indexScript(script: string, commands: Command[]): ParsedScript {
  const out: ParsedScript = {
    commands,
    bySecret: new Map(),
    byVariable: new Map(),
    stateful: [],
    notInert: [],
    loopVars: /\b(for|while)\b/.test(script) ? loopVariables(script) : undefined,
    credentialStore: /git-credentials|credential\.helper/.test(script),
  }
  const add = (map: Map<string, number[]>, name: string, i: number) => {
    const list = map.get(name)
    if (!list) map.set(name, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  commands.forEach((cmd, i) => {
    const prog = cmd.words[0]
    if (STATEFUL.has(prog)) out.stateful.push(i)
    if (!INERT.has(prog)) out.notInert.push(i)
    for (const w of cmd.words) {
      if (!w.includes('$')) continue
      for (const name of secretNamesIn(w)) add(out.bySecret, name, i)
      for (const name of variablesIn(w)) add(out.byVariable, name, i)
    }
  })
  return out
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

/**
 * The commands that can matter for one token: those naming it, the stateful ones, and, when it
 * sits in variables, every command that may read its environment. Others are skipped unread;
 * following any secret (no name given) reads them all.
 */
function relevantCommands(parsed: ParsedScript, ctx: ScriptContext): Command[] {
  if (!ctx.secret) return parsed.commands
  const picked = new Set<number>([...(parsed.bySecret.get(ctx.secret.toUpperCase()) ?? []), ...parsed.stateful])
  for (const v of ctx.tokenVars) for (const i of parsed.byVariable.get(v) ?? []) picked.add(i)
  if (ctx.tokenVars.size) for (const i of parsed.notInert) picked.add(i)
  return [...picked].sort((a, b) => a - b).map((i) => parsed.commands[i])
}

/**
 * What a script does with the token. `key` (the step's `run:` value) lets a second analysis of
 * the same step reuse the parsed commands; leave it out for a script built on the fly.
 */
export function analyseScript(script: string, stepCtx: ScriptContext, key?: object): StepAnalysis {
  const out: StepAnalysis = { calls: [], unknown: [] }
  const parsed = scriptOf(script, key)
  const loopVars = parsed.loopVars
  const ctx: ScriptContext = loopVars?.size ? { ...stepCtx, loopVars } : stepCtx
  const state: GitState = { remotes: new Map(), allGithub: false, rewrote: false }
  const ghReadsToken = [...ctx.tokenVars].some((v) => /^(GH_TOKEN|GITHUB_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/.test(v))
  let ghLoggedIn = false
  const commands = relevantCommands(parsed, ctx)
  if (parsed.credentialStore && commands.some((c) => storesGitCredential(c, ctx))) {
    state.allGithub = true
    ;(out.persists ??= []).push({ what: 'the token is stored as a git credential for github.com', target: null })
  }
  for (const cmd of commands) {
    const prog = cmd.words[0]
    if (prog === 'gh') {
      if (cmd.words[1] === 'auth' && cmd.words.includes('--with-token')) ghLoggedIn = true
      if (ghReadsToken || ghLoggedIn || usesToken(cmd.words, ctx)) {
        out.sentToGithub = true
        analyseGh(cmd, ctx, out)
      }
      continue
    }
    if (prog === 'curl' || prog === 'wget') {
      if (usesToken(cmd.words, ctx)) analyseCurl(cmd, ctx, out)
      continue
    }
    if (prog === 'git') {
      analyseGit(cmd, ctx, state, out)
      continue
    }
    if (prog === 'docker' && cmd.words[1] === 'login' && cmd.words.some((w) => /ghcr\.io/i.test(w))) {
      const pushes = /\bdocker\s+(push|buildx\s+build[^\n]*--push)[^\n]*ghcr\.io/i.test(script)
      out.calls.push({ what: 'docker login ghcr.io', permissions: { packages: pushes ? 'write' : 'read' }, target: PACKAGE_TARGET, classicOnly: 'GitHub Packages (ghcr.io) takes GITHUB_TOKEN or a classic token, not a fine-grained one (R9, R18)' })
      continue
    }
    if ((prog === 'npm' || prog === 'yarn' || prog === 'pnpm') && cmd.words.includes('publish') && /npm\.pkg\.github\.com/.test(script)) {
      out.calls.push({ what: `${prog} publish to GitHub Packages`, permissions: { packages: 'write' }, target: PACKAGE_TARGET, classicOnly: 'GitHub Packages takes GITHUB_TOKEN or a classic token, not a fine-grained one (R9, R18)' })
      continue
    }
    if ((prog === 'echo' || prog === 'printf' || prog === 'cat') && usesToken(cmd.words, ctx)) {
      const redirect = cmd.words.findIndex((w) => /^>>?$/.test(w))
      const file = redirect >= 0 ? cmd.words[redirect + 1] ?? '' : ''
      if (/GITHUB_ENV/.test(file)) out.unknown.push(`line ${cmd.line} exports the token to later steps through $GITHUB_ENV`)
      else if (/\.ssh|id_rsa|id_ed25519/.test(file)) (out.persists ??= []).push({ what: 'the secret is written as an SSH key', target: null })
      else if (file && !/GITHUB_(OUTPUT|STEP_SUMMARY)|git-credentials/.test(file)) (out.persists ??= []).push({ what: `the token is written to ${file}`, target: null })
      continue
    }
    const program = programFacts(cmd.words)
    if (program) {
      analyseProgram(cmd, program, ctx, state, out)
      continue
    }
    const explicit = usesToken(cmd.words, ctx)
    // Installing packages does not hand a GH_TOKEN-style variable to anything that reads it.
    const installs = /^(pip3?|npm|yarn|pnpm|apt|apt-get|brew|gem|cargo|go)$/.test(prog) && /^(install|ci|add|i|update|upgrade|get)$/.test(cmd.words[1] ?? '')
    if (INERT.has(prog) || (installs && !explicit)) continue
    // Anything else that is handed the token, or runs with it in its environment, may use it.
    if (explicit || ctx.tokenVars.size) {
      out.unknown.push(`\`${cmd.words.slice(0, 2).join(' ')}\` at line ${cmd.line} ${explicit ? 'is given the token' : `may read ${[...ctx.tokenVars].map((v) => `$${v}`).join(', ')}`}, and pat-lint cannot see what it does with it`)
    }
  }
  return out
}
