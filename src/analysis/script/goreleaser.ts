/**
 * `goreleaser` in a script or through goreleaser/goreleaser-action: which repositories it writes
 * to with which token follows from its configuration (knowledge/goreleaser.ts), read from the
 * directory it runs in. What the configuration hides (commands it runs, included files, a token
 * or repository built by a template pat-lint cannot resolve) is said, not guessed.
 */
import { parse } from 'yaml'
import { eventsFor } from '../../knowledge/endpoint-events.js'
import { lookupEndpoint } from '../../knowledge/endpoints.js'
import { CHANGELOG_ROUTES, CONFIG_FILES, FILE_ROUTES, LOCAL, MILESTONE_ROUTES, PUBLISHING, PULL_REQUEST_ROUTES, RELEASE_ROUTES, REPOSITORY_PUBLISHERS, UNFOLLOWED } from '../../knowledge/goreleaser.js'
import type { TriggerEvent } from '../../knowledge/events.js'
import { maxLevel, type PermissionSet } from '../../knowledge/permissions.js'
import { because } from '../../knowledge/reasons.js'
import { GO_ENV_BLIND, INERT } from '../../knowledge/programs.js'
import { quoted } from '../../limits.js'
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { directoryAt, joinPath } from './release-config.js'
import type { ScriptContext } from './words.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

type Loaded = { file: string; config: Json } | { unseen: string }

function loadConfig(dir: string, named: string | undefined, read: (path: string) => string | null): Loaded {
  const candidates = named !== undefined ? [named] : CONFIG_FILES
  for (const name of candidates) {
    if (/^[/~$]/.test(name) || name.includes('..')) return { unseen: `its configuration \`${quoted(name)}\` is outside the files read` }
    const path = joinPath(dir, name)
    const body = read(path)
    if (body === null) continue
    try {
      const config: unknown = parse(body, { maxAliasCount: 100 })
      return isObject(config) ? { file: path, config } : { unseen: `\`${quoted(path)}\` is not a mapping` }
    } catch {
      return { unseen: `\`${quoted(path)}\` cannot be read as YAML` }
    }
  }
  if (named !== undefined) return { unseen: `its configuration \`${quoted(named)}\` is not among the files read` }
  // Without a configuration it builds the Go module of the directory: without go.mod either,
  // the files read are not the checkout.
  if (read(joinPath(dir, 'go.mod')) === null) return { unseen: `neither a .goreleaser.yaml nor a go.mod is among the files read in ${dir ? `\`${quoted(dir)}\`` : 'the repository root'}, so what it publishes is unknown` }
  return { file: `${joinPath(dir, 'go.mod')} (no configuration: the defaults)`, config: {} }
}

/** The environment variable a `token:` template reads (`{{ .Env.NAME }}`); null when it is built otherwise. */
function tokenVariable(template: string): string | null {
  return /^\{\{\s*\.Env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template)?.[1] ?? null
}

/** A repository named by `owner` and `name`; a template in either is resolved only from `.Env` values the step gives. */
function repositoryOf(ref: Json, ctx: ScriptContext): RepoRef | null {
  const resolve = (v: string | undefined) => (v === undefined ? undefined : v.replace(/\{\{\s*\.Env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (m, name: string) => (ctx.env[name] !== undefined && !ctx.env[name].includes('${{') ? ctx.env[name] : m)))
  const owner = resolve(text(ref.owner))
  const name = resolve(text(ref.name))
  if (!owner || !name) return null
  return resolveRepo(`${owner}/${name}`, ctx.self)
}

function callOf(what: string, routes: readonly string[], target: RepoRef, patReason?: Call['patReason']): Call {
  const permissions: PermissionSet = {}
  const events = new Set<TriggerEvent>()
  for (const route of routes) {
    const [method, path] = route.split(' ')
    for (const e of eventsFor(method, path)) events.add(e)
    for (const [k, level] of Object.entries(lookupEndpoint(method, path)?.permissions ?? {})) if (k !== 'metadata') permissions[k] = maxLevel(permissions[k], level)
  }
  return { what, permissions, target, events: [...events], ...(patReason ? { patReason } : {}) }
}

/**
 * The release, of the tag the run is on: GoReleaser releases the current tag, which exists before
 * it runs (internal/pipe/git/git.go:152,207: no tag, or a tag not on HEAD, stops the run), so the release starts release workflows and no tag push.
 */
function releaseCall(what: string, target: RepoRef): Call {
  return { ...callOf(what, RELEASE_ROUTES, target), events: ['release'] }
}

/** Whether the followed token is the one a `token:` template (or, without one, GITHUB_TOKEN) gives. */
function usesFollowed(template: string | undefined, ctx: ScriptContext): boolean | 'unknown' {
  if (template === undefined) return ctx.tokenVars.has('GITHUB_TOKEN')
  const v = tokenVariable(template)
  return v === null ? 'unknown' : ctx.tokenVars.has(v)
}

/** The commands its hooks run: `before.hooks`, and each build's `hooks.pre` and `hooks.post` (a string, or a list of strings or `{ cmd }`). */
function hookCommands(config: Json): { where: string; cmd: string }[] {
  const out: { where: string; cmd: string }[] = []
  const take = (where: string, v: unknown) => {
    for (const h of Array.isArray(v) ? v : [v]) {
      const cmd = typeof h === 'string' ? h : isObject(h) ? text(h.cmd) : undefined
      if (cmd) out.push({ where, cmd })
    }
  }
  if (isObject(config.before)) take('before.hooks', config.before.hooks)
  const builds = Array.isArray(config.builds) ? config.builds : []
  builds.forEach((b, n) => {
    if (!isObject(b) || !isObject(b.hooks)) return
    take(`builds[${n}].hooks.pre`, b.hooks.pre)
    take(`builds[${n}].hooks.post`, b.hooks.post)
  })
  return out
}

/** A hook that cannot use a token in its environment: a text tool, or a Go subcommand that runs no module code. */
function hookIsBlind(cmd: string): boolean {
  const [prog, sub] = cmd.trim().split(/\s+/)
  return INERT.has(prog) || (prog === 'go' && GO_ENV_BLIND.has(sub ?? ''))
}

/** `words` start with `goreleaser`; `label` names an action running it. */
export function analyseGoreleaser(words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis, label?: string) {
  const named = label ? `${label} (goreleaser)` : `goreleaser at line ${commands[at].line}`
  // Arguments an expression chooses (`${{ … && 'release' || 'release --snapshot' }}`) may publish:
  // read as the run that does the most.
  const chosen = words.some((w) => w.includes('${{'))
  const sub = chosen ? 'release' : (words.slice(1).find((w) => !w.startsWith('-')) ?? 'release')
  if (LOCAL.has(sub) || LOCAL.has(words[1] ?? '')) return
  if (!PUBLISHING.has(sub)) {
    out.unknown.push(`${named}: subcommand \`${quoted(sub)}\` is not known to pat-lint`)
    return
  }
  const skips = (flagValue(words, [], ['--skip']) ?? '').split(',')
  const publishes = chosen || (!hasFlag(words, ['--snapshot', '--skip-publish']) && !skips.includes('publish'))
  const dir = directoryAt(commands, at, ctx)
  if (dir === null) {
    out.unknown.push(`${named} runs in a directory named at run time, so its configuration is unknown`)
    return
  }
  // Parsed once per file: every token of every step running it would parse it again.
  const configFile = flagValue(words, ['-f'], ['--config'])
  const table = ctx.memo.byText<Loaded>('goreleaser configurations')
  const key = `${dir}\0${configFile ?? ''}`
  let loaded = table.get(key)
  if (!loaded) table.set(key, (loaded = loadConfig(dir, configFile, ctx.readFile ?? (() => null))))
  if ('unseen' in loaded) {
    if (ctx.tokenVars.size) out.unknown.push(`${named}: ${loaded.unseen}`)
    // The release is made with GITHUB_TOKEN in this repository unless a configuration says otherwise:
    // what listens to it is weighed all the same.
    if (publishes && ctx.tokenVars.has('GITHUB_TOKEN')) {
      out.sentToGithub = true
      out.calls.push(releaseCall(`${named}: the GitHub release (its default)`, { kind: 'same' }))
    }
    return
  }
  const { config, file } = loaded
  const where = `(${quoted(file)})`
  let used = false
  // The changelog is made in every run, a snapshot's too, from the API when it says so.
  const changelog = isObject(config.changelog) ? config.changelog : {}
  const changelogRoutes = changelog.disable === true ? undefined : CHANGELOG_ROUTES[String(changelog.use)]
  if (changelogRoutes && ctx.tokenVars.has('GITHUB_TOKEN')) {
    used = true
    out.calls.push(callOf(`${named}: the changelog (changelog.use: ${quoted(String(changelog.use))})`, changelogRoutes, { kind: 'same' }))
  }
  if (!publishes) {
    if (used) out.sentToGithub = true
    return
  }
  for (const [key, what] of Object.entries(UNFOLLOWED)) {
    if (config[key] !== undefined && ctx.tokenVars.size) out.unknown.push(`${named} ${what} ${where}`)
  }
  // Hooks run with the whole environment, the token's variable among it.
  const readers = hookCommands(config).filter((h) => !hookIsBlind(h.cmd))
  if (readers.length && ctx.tokenVars.size) out.unknown.push(`${named} runs \`${quoted(readers[0].cmd)}\` (${readers[0].where}${readers.length > 1 ? ` and ${readers.length - 1} more hook${readers.length > 2 ? 's' : ''}` : ''}) ${where} with the token in its environment, and pat-lint cannot see what it does with it`)
  // The release, in this repository unless `release.github` names another.
  const release = isObject(config.release) ? config.release : {}
  const github = isObject(release.github) ? release.github : {}
  const releaseToken = usesFollowed(text(github.token), ctx)
  if (release.disable !== true && release.disable !== 'true' && releaseToken !== false) {
    used = true
    if (releaseToken === 'unknown') out.unknown.push(`${named}: the release's token is built by a template ${where}`)
    else out.calls.push(releaseCall(`${named}: the GitHub release`, github.owner || github.name ? (repositoryOf(github, ctx) ?? { kind: 'unknown', text: 'release.github', why: because('its owner or name is built by a template') }) : { kind: 'same' }))
  }
  for (const [key, refKeys] of Object.entries(REPOSITORY_PUBLISHERS)) {
    const entries = Array.isArray(config[key]) ? (config[key] as unknown[]) : []
    entries.forEach((entry, n) => {
      if (!isObject(entry) || entry.skip_upload === true) return
      const ref = refKeys.map((k) => entry[k]).find(isObject)
      const label = `${named}: ${key}[${n}]`
      if (!ref) {
        if (ctx.tokenVars.has('GITHUB_TOKEN')) out.unknown.push(`${label} names no repository pat-lint can read ${where}`)
        return
      }
      const git = isObject(ref.git) ? ref.git : {}
      if (text(git.url)) return // pushed over SSH with its own key
      const uses = usesFollowed(text(ref.token), ctx)
      const pr = isObject(ref.pull_request) ? ref.pull_request : {}
      const prUses = pr.enabled === true ? usesFollowed(text(pr.token) ?? text(ref.token), ctx) : false
      if (uses === 'unknown' || prUses === 'unknown') out.unknown.push(`${label}: its token is built by a template ${where}`)
      const target = repositoryOf(ref, ctx) ?? { kind: 'unknown', text: `${key}[${n}].repository`, why: because('its owner or name is built by a template the step does not resolve') }
      if (uses === true) {
        used = true
        out.calls.push(callOf(`${label} (its manifest)`, FILE_ROUTES, target))
      }
      if (prUses === true) {
        used = true
        const base = isObject(pr.base) ? pr.base : {}
        const baseRepo = base.owner || base.name ? (repositoryOf(base, ctx) ?? { kind: 'unknown' as const, text: `${key}[${n}].pull_request.base`, why: because('its owner or name is built by a template') }) : target
        const fromFork = base.owner !== undefined && base.owner !== ref.owner
        out.calls.push(callOf(`${label} (its pull request)`, PULL_REQUEST_ROUTES, baseRepo, fromFork ? because('the pull request comes from a fork into another repository', 'R3', 'R11') : undefined))
      }
    })
  }
  const milestones = Array.isArray(config.milestones) ? config.milestones : []
  for (const m of milestones) {
    if (!isObject(m) || m.close !== true || !ctx.tokenVars.has('GITHUB_TOKEN')) continue
    used = true
    out.calls.push(callOf(`${named}: closes a milestone`, MILESTONE_ROUTES, isObject(m.repo) ? (repositoryOf(m.repo, ctx) ?? { kind: 'same' }) : { kind: 'same' }))
  }
  if (used) out.sentToGithub = true
}
