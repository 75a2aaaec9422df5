/**
 * `semantic-release` in a script: what it does with the token follows from the plugins its
 * configuration lists (knowledge/semantic-release.ts), read from the directory it runs in.
 * A configuration pat-lint cannot read (a program, a shareable config, one not among the files
 * read) or a plugin it does not know leaves the use undecided, saying which.
 */
import { parse } from 'yaml'
import { lookupEndpoint } from '../../knowledge/endpoints.js'
import { eventsFor } from '../../knowledge/endpoint-events.js'
import type { TriggerEvent } from '../../knowledge/events.js'
import { SKIP_CI } from '../../knowledge/events.js'
import { maxLevel, type PermissionSet } from '../../knowledge/permissions.js'
import { CONFIG_DATA_FILES, CONFIG_PROGRAM_FILES, CORE, DEFAULT_PLUGINS, PLUGINS } from '../../knowledge/semantic-release.js'
import { quoted } from '../../limits.js'
import type { RepoRef } from '../repo-ref.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { gitUrlRepo } from './git.js'
import { directoryAt, joinPath } from './release-config.js'
import type { ScriptContext } from './words.js'

type Json = Record<string, unknown>

interface Configuration {
  /** Where it was found, for reasons. */
  file: string
  options: Json
  /** package.json, for its `repository`. */
  pkg: Json | null
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function parsed(text: string | null): unknown {
  if (text === null) return undefined
  try {
    return parse(text, { maxAliasCount: 100 })
  } catch {
    return null
  }
}

/** The configuration semantic-release finds in `dir` (cosmiconfig's order), or why it cannot be read. */
function findConfiguration(dir: string, read: (path: string) => string | null): Configuration | { unseen: string } {
  const pkgText = read(joinPath(dir, 'package.json'))
  const pkg = parsed(pkgText)
  if (pkgText !== null && !isObject(pkg)) return { unseen: `\`${quoted(joinPath(dir, 'package.json'))}\` cannot be read as JSON` }
  const pkgJson = isObject(pkg) ? pkg : null
  if (pkgJson && pkgJson.release !== undefined) {
    return isObject(pkgJson.release) ? { file: joinPath(dir, 'package.json'), options: pkgJson.release, pkg: pkgJson } : { unseen: `the \`release\` key of \`${quoted(joinPath(dir, 'package.json'))}\` is not an object` }
  }
  for (const name of CONFIG_DATA_FILES) {
    const text = read(joinPath(dir, name))
    if (text === null) continue
    const options = parsed(text)
    return isObject(options) ? { file: joinPath(dir, name), options, pkg: pkgJson } : { unseen: `\`${quoted(joinPath(dir, name))}\` cannot be read as JSON or YAML` }
  }
  const program = CONFIG_PROGRAM_FILES.find((name) => read(joinPath(dir, name)) !== null)
  if (program) return { unseen: `its configuration is a program (\`${quoted(joinPath(dir, program))}\`): which plugins it lists is known only by running it` }
  // No configuration: the default plugins, of which @semantic-release/npm needs a package.json.
  // Without one, the files read are not the whole checkout.
  if (!pkgJson) return { unseen: `neither a package.json nor a .releaserc is among the files read in ${dir ? `\`${quoted(dir)}\`` : 'the repository root'}, so its configuration (which plugins run) is unknown` }
  return { file: `${joinPath(dir, 'package.json')} (no configuration: the default plugins)`, options: {}, pkg: pkgJson }
}

/** The plugins a configuration lists: names with their options. */
function pluginsOf(options: Json, fromFlag: string | undefined): { name: string; options: Json }[] {
  if (fromFlag !== undefined) return fromFlag.split(',').map((name) => ({ name: name.trim(), options: {} })).filter((p) => p.name)
  const listed = options.plugins
  if (!Array.isArray(listed)) return DEFAULT_PLUGINS.map((name) => ({ name, options: {} }))
  return listed.flatMap((p) => {
    if (typeof p === 'string') return [{ name: p, options: {} }]
    if (Array.isArray(p) && typeof p[0] === 'string') return [{ name: p[0], options: isObject(p[1]) ? p[1] : {} }]
    return [{ name: String(p), options: {} }]
  })
}

/** The repository the release is made in: `repositoryUrl`, else package.json's `repository`, else this one. */
function releaseRepository(flag: string | undefined, options: Json, pkg: Json | null, ctx: ScriptContext): RepoRef {
  const repository = pkg?.repository
  const url = flag ?? (typeof options.repositoryUrl === 'string' ? options.repositoryUrl : typeof repository === 'string' ? repository : isObject(repository) && typeof repository.url === 'string' ? repository.url : undefined)
  if (url === undefined) return { kind: 'same' }
  // `owner/repo` and `github:owner/repo` are GitHub shortcuts (hosted-git-info).
  const shortcut = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url)
  return gitUrlRepo(shortcut ? `https://github.com/${shortcut[1]}` : url, ctx) ?? { kind: 'same' }
}

function callOf(what: string, routes: readonly string[], target: RepoRef, onIssuesAndPulls: boolean): Call {
  const permissions: PermissionSet = {}
  const events = new Set<TriggerEvent>()
  for (const route of routes) {
    const [method, path] = route.split(' ')
    for (const e of eventsFor(method, path)) events.add(e)
    const perms = lookupEndpoint(method, path)?.permissions ?? {}
    for (const [name, level] of Object.entries(perms)) {
      if (name === 'metadata') continue
      permissions[name] = maxLevel(permissions[name], level)
      // A comment or label on a pull request needs the pull-request permission too.
      if (onIssuesAndPulls && name === 'issues') permissions.pull_requests = maxLevel(permissions.pull_requests, level)
    }
  }
  return { what, permissions, target, events: [...events] }
}

/** The core's push of the release tag (lib/git.js push: `git push --tags`). */
function tagPush(named: string, target: RepoRef): Call {
  return { what: `${named}: git push --tags (the release tag)`, permissions: { contents: 'write' }, target, events: ['tag push', 'create'] }
}

/** `words` start with `semantic-release` (a runner's words removed); `label` names an action running it. */
export function analyseSemanticRelease(words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis, label?: string) {
  const holds = (v: string) => ctx.tokenVars.has(v)
  // The API plugin takes the first of GH_TOKEN and GITHUB_TOKEN that is set; git tries each it finds.
  const apiVar = CORE.apiTokenEnv.find((v) => holds(v) || ctx.env[v] !== undefined)
  const api = apiVar !== undefined && holds(apiVar)
  const git = CORE.gitTokenEnv.some(holds)
  if (!api && !git) return
  out.sentToGithub = true
  const named = label ? `${label} (semantic-release)` : `semantic-release at line ${commands[at].line}`
  const dir = directoryAt(commands, at, ctx)
  if (dir === null) {
    out.unknown.push(`${named} runs in a directory named at run time, so its configuration (which plugins run) is unknown`)
    return
  }
  // Read once per directory: every token of every step running it would read it again.
  const configurations = ctx.memo.byText<Configuration | { unseen: string }>('release configurations')
  let found = configurations.get(dir)
  if (!found) configurations.set(dir, (found = findConfiguration(dir, ctx.readFile ?? (() => null))))
  if ('unseen' in found) {
    out.unknown.push(`${named}: ${found.unseen}`)
    // Every release pushes its tag, whatever the plugins: what listens to tags is weighed all the same.
    if (git && !hasFlag(words, ['-d', '--dry-run'])) out.calls.push(tagPush(named, { kind: 'same' }))
    return
  }
  const extendsFlag = flagValue(words, ['-e'], ['--extends'])
  if (extendsFlag !== undefined || found.options.extends !== undefined) {
    out.unknown.push(`${named} extends a shareable configuration (\`${quoted(String(extendsFlag ?? found.options.extends))}\`) that pat-lint does not read`)
    if (git && !hasFlag(words, ['-d', '--dry-run'])) out.calls.push(tagPush(named, { kind: 'same' }))
    return
  }
  const target = releaseRepository(flagValue(words, ['-r'], ['--repository-url']), found.options, found.pkg, ctx)
  const dryRun = hasFlag(words, ['-d', '--dry-run']) || found.options.dryRun === true
  // Pushes through the repository URL: as it is first (a checkout's credential), else with the token.
  if (git) {
    // Even a dry run checks that it may push (git push --dry-run), which takes write access.
    out.calls.push(dryRun
      ? { what: `${named}: git push --dry-run (checks it may push)`, permissions: { contents: 'write' }, target }
      : tagPush(named, target))
  }
  for (const plugin of pluginsOf(found.options, flagValue(words, ['-p'], ['--plugins']))) {
    const facts = PLUGINS[plugin.name]
    if (!facts) {
      out.unknown.push(`${named} runs plugin \`${quoted(plugin.name)}\` (${quoted(found.file)}), which pat-lint does not know`)
      continue
    }
    if (facts.runsCommands) out.unknown.push(`${named} runs the commands its configuration gives \`${quoted(plugin.name)}\` (${quoted(found.file)}) with the token in their environment`)
    if (facts.pushesBranch && git && !dryRun) {
      const message = typeof plugin.options.message === 'string' ? plugin.options.message : facts.pushesBranch.defaultMessage
      // A commit whose message says [skip ci] starts no push workflow (events.ts SKIP_CI).
      out.calls.push({ what: `${named}: ${plugin.name} pushes the release commit`, permissions: { contents: 'write' }, target, events: SKIP_CI.test(message) ? [] : ['push'] })
    }
    if (facts.movesTags && git && !dryRun) {
      out.calls.push({ what: `${named}: ${plugin.name} moves version tags (forced push)`, permissions: { contents: 'write', workflows: 'write' }, target, events: ['tag push'] })
    }
    if (!facts.routes || !api) continue
    if (dryRun) {
      out.calls.push(callOf(`${named}: ${plugin.name} (dry run: verifies only)`, facts.routes.filter((r) => r.startsWith('GET ')), target, false))
      continue
    }
    const off = new Set(Object.entries(facts.optional ?? {}).filter(([option]) => plugin.options[option] === false).flatMap(([, routes]) => routes))
    out.calls.push(callOf(`${named}: ${plugin.name} (releases)`, facts.routes.filter((r) => !off.has(r)), target, false))
    const issueRoutes = (facts.issueRoutes ?? []).filter((r) => !off.has(r))
    if (issueRoutes.length) out.calls.push(callOf(`${named}: ${plugin.name} (comments, labels and the failure issue)`, issueRoutes, target, true))
  }
}
