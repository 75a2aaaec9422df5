/**
 * `release-it` in a script: its GitHub release, and the comments it may post, take the token in
 * the variable `github.tokenRef` names; what else its configuration runs (hooks, plugins, the
 * npm publish) is said, not guessed (knowledge/release-it.ts).
 */
import { parse } from 'yaml'
import { eventsFor } from '../../knowledge/endpoint-events.js'
import { lookupEndpoint } from '../../knowledge/endpoints.js'
import type { TriggerEvent } from '../../knowledge/events.js'
import { maxLevel, type PermissionSet } from '../../knowledge/permissions.js'
import { COMMENT_ROUTES, CONFIG_DATA_FILES, CONFIG_OTHER_FILES, PACKAGE_KEY, RELEASE_ROUTES } from '../../knowledge/release-it.js'
import { quoted } from '../../limits.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { directoryAt, joinPath } from './release-config.js'
import type { ScriptContext } from './words.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The configuration: package.json's key with the file's over it (c12 merges them), or why it cannot be read. */
function loadConfig(dir: string, named: string | undefined, read: (path: string) => string | null): { config: Json } | { unseen: string } {
  let config: Json = {}
  const pkgText = read(joinPath(dir, 'package.json'))
  if (pkgText !== null) {
    try {
      const pkg: unknown = JSON.parse(pkgText)
      if (isObject(pkg) && isObject(pkg[PACKAGE_KEY])) config = { ...pkg[PACKAGE_KEY] }
    } catch {
      return { unseen: `\`${quoted(joinPath(dir, 'package.json'))}\` cannot be read as JSON` }
    }
  }
  const names = named !== undefined ? [named] : [...CONFIG_DATA_FILES, ...CONFIG_OTHER_FILES]
  for (const name of names) {
    const body = read(joinPath(dir, name))
    if (body === null) continue
    if (!/\.(json|jsonc|json5|ya?ml)$/.test(name)) return { unseen: `its configuration \`${quoted(joinPath(dir, name))}\` is not JSON or YAML, which pat-lint reads` }
    try {
      const file: unknown = parse(body, { maxAliasCount: 100 })
      if (!isObject(file)) return { unseen: `\`${quoted(joinPath(dir, name))}\` is not a mapping` }
      return { config: { ...config, ...file, github: { ...(isObject(config.github) ? config.github : {}), ...(isObject(file.github) ? file.github : {}) } } }
    } catch {
      return { unseen: `\`${quoted(joinPath(dir, name))}\` cannot be read as JSON or YAML` }
    }
  }
  if (named !== undefined) return { unseen: `its configuration \`${quoted(named)}\` is not among the files read` }
  if (pkgText === null) return { unseen: `neither a package.json nor a .release-it file is among the files read in ${dir ? `\`${quoted(dir)}\`` : 'the repository root'}, so its configuration is unknown` }
  return { config }
}

/** A boolean option set by a flag (`--github.release`, `--no-github.release`, `--github.release=false`), else by the configuration, else its default. */
function option(words: string[], key: string, configured: unknown, fallback: boolean): boolean {
  if (words.includes(`--no-${key}`)) return false
  const given = flagValue(words, [], [`--${key}`])
  if (words.includes(`--${key}`) && (given === undefined || given.startsWith('-'))) return true
  if (given === 'true' || given === 'false') return given === 'true'
  return typeof configured === 'boolean' ? configured : fallback
}

function callOf(what: string, routes: readonly string[], onIssuesAndPulls: boolean): Call {
  const permissions: PermissionSet = {}
  const events = new Set<TriggerEvent>()
  for (const route of routes) {
    const [method, path] = route.split(' ')
    for (const e of eventsFor(method, path)) events.add(e)
    for (const [k, level] of Object.entries(lookupEndpoint(method, path)?.permissions ?? {})) {
      if (k === 'metadata') continue
      permissions[k] = maxLevel(permissions[k], level)
      if (onIssuesAndPulls && k === 'issues') permissions.pull_requests = maxLevel(permissions.pull_requests, level)
    }
  }
  return { what, permissions, target: { kind: 'same' }, events: [...events] }
}

/** `words` start with `release-it`. */
export function analyseReleaseIt(words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis) {
  if (!ctx.tokenVars.size || hasFlag(words, ['-d', '--dry-run', '--release-version', '--changelog', '-v', '--version', '-h', '--help'])) return
  const named = `release-it at line ${commands[at].line}`
  const dir = directoryAt(commands, at, ctx)
  const loaded = dir === null ? { unseen: 'it runs in a directory named at run time, so its configuration is unknown' } : loadConfig(dir, flagValue(words, ['-c'], ['--config']), ctx.readFile ?? (() => null))
  if ('unseen' in loaded) {
    out.unknown.push(`${named}: ${loaded.unseen}`)
    return
  }
  const { config } = loaded
  const github = isObject(config.github) ? config.github : {}
  // Hooks and plugins run with the whole environment, the token's variable among it.
  if (isObject(config.hooks) && Object.keys(config.hooks).length) out.unknown.push(`${named} runs the commands of its \`hooks\` with the token in their environment`)
  if (isObject(config.plugins) && Object.keys(config.plugins).length) out.unknown.push(`${named} runs plugins (${Object.keys(config.plugins).slice(0, 3).map((p) => `\`${quoted(p)}\``).join(', ')}) pat-lint does not read`)
  const npm = isObject(config.npm) ? config.npm : {}
  if (option(words, 'npm', undefined, true) && option(words, 'npm.publish', npm.publish, true)) out.unknown.push(`${named} runs the package manager's publish with the token in its environment (an .npmrc may hand it to a registry), and pat-lint cannot see whether it uses it`)
  const tokenRef = typeof github.tokenRef === 'string' ? github.tokenRef : 'GITHUB_TOKEN'
  if (!ctx.tokenVars.has(tokenRef) || !option(words, 'github.release', github.release, false)) return
  out.sentToGithub = true
  // The tag exists when the release is made: git pushed it first (the git plugin runs before GitHub's).
  out.calls.push({ ...callOf(`${named}: the GitHub release`, RELEASE_ROUTES, false), events: ['release'] })
  const comments = isObject(github.comments) ? github.comments : {}
  if (option(words, 'github.comments.submit', comments.submit, false)) out.calls.push(callOf(`${named}: comments on the issues and pull requests released`, COMMENT_ROUTES, true))
}
