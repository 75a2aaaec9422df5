/**
 * What a gh CLI command does with its token: the generated table from cli/cli's source, plus
 * common commands it does not cover, written as the REST endpoint gh calls so that the
 * permission itself still comes from GitHub's endpoint map.
 */
import { GH_COMMANDS, type GhCall } from './generated/gh-cli.js'
import { lookupEndpoint } from './endpoints.js'
import type { PermissionSet } from './permissions.js'
import { maxLevel, type Level } from './permissions.js'
import type { TriggerEvent } from './events.js'

/** The variables gh takes its token from unasked (the enterprise ones on GHES), as `gh help environment` lists them. */
export const GH_TOKEN_VARIABLES: readonly string[] = ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_ENTERPRISE_TOKEN']

const byCommand = new Map<string, readonly GhCall[]>()
for (const [key, calls] of Object.entries(GH_COMMANDS)) {
  // "gh run list / view / watch" stands for three commands.
  const [head, ...alts] = key.split(' / ')
  const words = head.split(' ')
  byCommand.set(head, calls)
  for (const alt of alts) byCommand.set([...words.slice(0, -1), alt].join(' '), calls)
}

/** Commands not in the table, by the REST endpoint gh calls for them (cli/cli pkg/cmd/…). */
const EXTRA: Record<string, string[]> = {
  'gh pr review': ['POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  'gh pr view': ['GET /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr list': ['GET /repos/{owner}/{repo}/pulls'],
  'gh pr diff': ['GET /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr checks': ['GET /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr close': ['PATCH /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr reopen': ['PATCH /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr ready': ['PATCH /repos/{owner}/{repo}/pulls/{pull_number}'],
  'gh pr checkout': ['GET /repos/{owner}/{repo}/pulls/{pull_number}', 'GET /repos/{owner}/{repo}/contents/{path}'],
  'gh issue view': ['GET /repos/{owner}/{repo}/issues/{issue_number}'],
  'gh issue list': ['GET /repos/{owner}/{repo}/issues'],
  'gh issue close': ['PATCH /repos/{owner}/{repo}/issues/{issue_number}'],
  'gh issue reopen': ['PATCH /repos/{owner}/{repo}/issues/{issue_number}'],
  'gh issue delete': ['PATCH /repos/{owner}/{repo}/issues/{issue_number}'],
  'gh issue lock': ['PUT /repos/{owner}/{repo}/issues/{issue_number}/lock'],
  'gh issue transfer': ['PATCH /repos/{owner}/{repo}/issues/{issue_number}'],
  'gh release view': ['GET /repos/{owner}/{repo}/releases/tags/{tag}'],
  'gh release list': ['GET /repos/{owner}/{repo}/releases'],
  'gh release download': ['GET /repos/{owner}/{repo}/releases/tags/{tag}'],
  'gh release delete': ['DELETE /repos/{owner}/{repo}/releases/{release_id}'],
  'gh release edit': ['PATCH /repos/{owner}/{repo}/releases/{release_id}'],
  'gh repo view': ['GET /repos/{owner}/{repo}'],
  'gh repo fork': ['POST /repos/{owner}/{repo}/forks'],
  'gh repo edit': ['PATCH /repos/{owner}/{repo}'],
  'gh repo sync': ['POST /repos/{owner}/{repo}/merge-upstream'],
  'gh workflow list': ['GET /repos/{owner}/{repo}/actions/workflows'],
  'gh workflow view': ['GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}'],
  'gh workflow enable': ['PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable'],
  'gh workflow disable': ['PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable'],
  'gh variable set': ['POST /repos/{owner}/{repo}/actions/variables'],
  'gh variable list': ['GET /repos/{owner}/{repo}/actions/variables'],
  'gh secret list': ['GET /repos/{owner}/{repo}/actions/secrets'],
  'gh secret delete': ['DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}'],
  'gh cache list': ['GET /repos/{owner}/{repo}/actions/caches'],
  'gh cache delete': ['DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}'],
  'gh run rerun': ['POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun'],
}

/** Events a command causes that could be meant to start workflows (R1). */
const EVENTS: Record<string, TriggerEvent[]> = {
  'gh pr create': ['pull_request', 'push'],
  'gh pr merge': ['push'],
  // Editing, closing and marking ready are activity types a pull_request trigger hears only when
  // its `types:` lists them; reopening is a default type (GitHub docs, Events that trigger workflows).
  'gh pr edit': ['pull_request change'],
  'gh pr close': ['pull_request:closed'],
  'gh pr reopen': ['pull_request'],
  'gh pr ready': ['pull_request:ready_for_review'],
  'gh pr review': ['pull_request_review'],
  'gh pr comment': ['issue_comment'],
  'gh issue create': ['issues'],
  'gh issue comment': ['issue_comment'],
  'gh issue edit': ['issues'],
  'gh issue close': ['issues'],
  'gh release create': ['release', 'tag push', 'create'],
  'gh workflow run': ['workflow_dispatch'],
  'gh repo sync': ['push'],
}

/**
 * The pull_request activity types `gh pr edit` causes, by flag (gh pr edit --help; GitHub docs,
 * Events that trigger workflows: pull_request activity types). Flags not listed here (projects)
 * cause none; an unknown flag leaves the type unknown.
 */
const PR_EDIT_ACTIVITY: Readonly<Record<string, string>> = {
  '--add-label': 'labeled', '--remove-label': 'unlabeled',
  '--add-assignee': 'assigned', '--remove-assignee': 'unassigned',
  '--add-reviewer': 'review_requested', '--remove-reviewer': 'review_request_removed',
  '--milestone': 'milestoned', '-m': 'milestoned', '--remove-milestone': 'demilestoned',
  '--title': 'edited', '-t': 'edited', '--body': 'edited', '-b': 'edited', '--body-file': 'edited', '-F': 'edited', '--base': 'edited', '-B': 'edited',
  '--add-project': '', '--remove-project': '', '--repo': '', '-R': '',
}

/** The labels a `--add-label`/`--remove-label` value names (`a,b`), lower-cased; null when built at run time. */
function labelsOf(value: string | undefined): string[] | null {
  if (value === undefined || /[$`]/.test(value)) return null
  const labels = value.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean)
  return labels.length ? labels : null
}

function prEditEvents(words: readonly string[]): TriggerEvent[] {
  const args = words.slice(3)
  const flags = args.filter((w) => w.startsWith('-')).map((w) => w.split('=')[0])
  if (flags.some((f) => !(f in PR_EDIT_ACTIVITY))) return ['pull_request change']
  const events = new Set<TriggerEvent>()
  args.forEach((w, i) => {
    const flag = w.split('=')[0]
    const type = PR_EDIT_ACTIVITY[flag]
    if (!w.startsWith('-') || !type) return
    // A label event names its label: a job waiting for another label is not started by it.
    const labels = type === 'labeled' || type === 'unlabeled' ? labelsOf(w.includes('=') ? w.slice(w.indexOf('=') + 1) : args[i + 1]) : null
    if (labels) for (const l of labels) events.add(`pull_request:${type}#${l}`)
    else events.add(`pull_request:${type}`)
  })
  return [...events]
}

export interface GhCommandFacts {
  command: string
  permissions: PermissionSet
  events: TriggerEvent[]
  /** REST templates that were looked up, for the reasons. */
  endpoints: string[]
}

function add(set: PermissionSet, name: string, level: Level) {
  if (name === 'metadata') return
  set[name] = maxLevel(set[name], level)
}

/** Whether a call listed with a `when` applies to this command line. */
function applies(call: GhCall, words: string[]): boolean {
  if (!call.when) return true
  const flags = call.when.match(/--[a-z-]+/g)
  if (flags) return flags.some((f) => words.some((w) => w === f || w.startsWith(`${f}=`)))
  if (/^direct merge/.test(call.when)) return !words.includes('--auto')
  return false // interactive prompts, clean-up after failures, …
}

/** The facts for `gh <group> <command> …`, or undefined for commands pat-lint does not know. */
export function ghCommandFacts(words: string[]): GhCommandFacts | undefined {
  const command = words.slice(0, 3).join(' ')
  const calls = byCommand.get(command)
  const permissions: PermissionSet = {}
  const endpoints: string[] = []
  if (calls && command !== 'gh api') {
    for (const call of calls) {
      if (!applies(call, words)) continue
      // A REST call is looked up in the endpoint map like any other, so both agree on what it needs.
      const match = call.method && call.path && !/^https?:/.test(call.path) ? lookupEndpoint(call.method, call.path) : undefined
      if (match) {
        for (const [name, level] of Object.entries(match.permissions)) add(permissions, name, level)
        endpoints.push(match.template)
        continue
      }
      for (const p of call.permissions) {
        const [name, level] = p.split(':')
        add(permissions, name, level as Level)
      }
    }
    const events = command === 'gh pr edit' ? prEditEvents(words) : (EVENTS[command] ?? [])
    return { command, permissions, events, endpoints }
  }
  const extra = EXTRA[command]
  if (!extra) return undefined
  for (const ep of extra) {
    const [method, path] = ep.split(' ')
    const match = lookupEndpoint(method, path)
    if (!match) continue
    for (const [name, level] of Object.entries(match.permissions)) add(permissions, name, level)
    endpoints.push(match.template)
  }
  return { command, permissions, events: command === 'gh pr edit' ? prEditEvents(words) : (EVENTS[command] ?? []), endpoints }
}

/** Flags of `gh api` that take a value: its endpoint is the first other word (`gh api --help`). */
export const GH_API_VALUE_FLAGS: ReadonlySet<string> = new Set(['-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '-q', '--jq', '-t', '--template', '--hostname', '--cache', '-p', '--preview'])
