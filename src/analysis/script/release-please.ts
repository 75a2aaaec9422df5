/**
 * The release-please CLI in a script (knowledge/release-please.ts): it uses a token only when
 * `--token` is given it, on the repository `--repo-url` names; what it does there follows from
 * the command.
 */
import { eventsFor } from '../../knowledge/endpoint-events.js'
import { lookupEndpoint } from '../../knowledge/endpoints.js'
import type { TriggerEvent } from '../../knowledge/events.js'
import { maxLevel, type PermissionSet } from '../../knowledge/permissions.js'
import { because } from '../../knowledge/reasons.js'
import { FORK_ROUTE, PULL_REQUEST_COMMANDS, PULL_REQUEST_ROUTES, READ_COMMANDS, READ_ROUTES, RELEASE_COMMANDS, RELEASE_ROUTES } from '../../knowledge/release-please.js'
import { quoted } from '../../limits.js'
import { resolveRepo } from '../repo-ref.js'
import { flagValue, hasFlag, type Command } from '../shell.js'
import type { Call, StepAnalysis } from '../types.js'
import { expand, usesToken, type ScriptContext } from './words.js'

/** Permissions and events of `routes`, on `target`. */
function callOf(what: string, routes: readonly string[], target: Call['target'], withEvents: boolean): Call {
  const permissions: PermissionSet = {}
  const events = new Set<TriggerEvent>()
  for (const route of routes) {
    const [method, path] = route.split(' ')
    if (withEvents) for (const e of eventsFor(method, path)) events.add(e)
    for (const [k, level] of Object.entries(lookupEndpoint(method, path)?.permissions ?? {})) if (k !== 'metadata') permissions[k] = maxLevel(permissions[k], level)
  }
  return { what, permissions, target, ...(events.size ? { events: [...events] } : {}) }
}

/** `words` start with `release-please`. */
export function analyseReleasePlease(words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis) {
  const token = flagValue(words, [], ['--token'])
  // It reads no variable of its environment: a token reaches it through --token or not at all.
  if (token === undefined || !usesToken([token], ctx)) return
  const command = words.slice(1).find((w) => !w.startsWith('-')) ?? ''
  const named = `release-please ${quoted(command)} at line ${commands[at].line}`
  const repoUrl = flagValue(words, [], ['--repo-url'])
  if (repoUrl === undefined) return
  out.sentToGithub = true
  const target = resolveRepo(expand(repoUrl, ctx), ctx.self)
  const reads = { ...callOf(`${named}: reads of the repository, its pull requests and releases (and GraphQL reads of commits)`, READ_ROUTES, target, false), readOnly: true }
  reads.permissions = { ...reads.permissions, contents: 'read', pull_requests: 'read' }
  if (READ_COMMANDS.has(command) || hasFlag(words, ['--dry-run'])) {
    out.calls.push(reads)
    return
  }
  if (PULL_REQUEST_COMMANDS.has(command)) {
    out.calls.push(reads, callOf(`${named}: the release pull request, committed through the API and labelled`, PULL_REQUEST_ROUTES, target, true))
    if (hasFlag(words, ['--fork'])) out.calls.push({ ...callOf(`${named} --fork: a fork for the token's user`, [FORK_ROUTE], target, false), patReason: because('GITHUB_TOKEN cannot create forks', 'R11') })
    return
  }
  if (RELEASE_COMMANDS.has(command)) {
    // A draft release has no tag, and GitHub starts no workflow for a draft's creation.
    const draft = hasFlag(words, ['--draft']) && flagValue(words, [], ['--draft']) !== 'false'
    out.calls.push(reads, callOf(`${named}: ${draft ? 'draft releases' : 'the releases and their tags'}, a comment and labels on each release pull request`, RELEASE_ROUTES, target, !draft))
    return
  }
  out.unknown.push(`${named}: command \`${quoted(command)}\` is not known to pat-lint`)
}
