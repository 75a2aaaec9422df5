/**
 * Events a step can cause that may start workflow runs. Those caused by GITHUB_TOKEN start none
 * (R1), except the dispatches (R1a).
 */
export type TriggerEvent = 'push' | 'tag push' | 'pull_request' | 'pull_request change' | PullRequestActivity | 'release' | 'create' | 'issues' | 'issue_comment' | 'pull_request_review' | 'label' | 'repository_dispatch' | 'workflow_dispatch'

/** The dispatches: GITHUB_TOKEN's do start runs in its own repository (R1a). */
export const DISPATCH_EVENTS: ReadonlySet<TriggerEvent> = new Set<TriggerEvent>(['repository_dispatch', 'workflow_dispatch'])

/**
 * A commit message holding one of these starts no workflow on push or pull_request (GitHub docs,
 * "Skipping workflow runs"): a push of such a commit is not meant to start CI (R1 does not apply).
 */
export const SKIP_CI = /\[(?:skip ci|ci skip|no ci|skip actions|actions skip)\]/i

/**
 * The activity types of the events a token causes that start CI: opening a pull request or pushing
 * to its branch (the default types of pull_request: opened, synchronize, reopened), and publishing
 * a release (GitHub docs, "Events that trigger workflows"). A workflow whose `types:` lists none of
 * these does not hear them.
 */
export const HEARD_TYPES: Readonly<Record<string, readonly string[]>> = {
  pull_request: ['opened', 'synchronize', 'reopened'],
  pull_request_target: ['opened', 'synchronize', 'reopened'],
  release: ['published', 'created', 'released', 'prereleased'],
}

/**
 * How a workflow's push trigger that hears tag pushes is listed among its listening triggers. A push
 * trigger filtered on branches alone hears no tags, and one filtered on tags alone hears no branches
 * (GitHub docs, "Using filters": the workflow will not run for events affecting the undefined ref).
 */
export const PUSH_TAGS = 'push (tags)'

/** The triggers a pull request's activity starts. */
export const PR_TRIGGERS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target'])

/**
 * How a pull_request trigger whose `types:` lists activity other than opening and pushing (edited,
 * closed, labeled, assigned, ready_for_review, …) is listed: it hears a token editing, labelling,
 * closing or marking a pull request ready, which triggers with the default types do not.
 */
export const PR_CHANGE = 'pull_request (activity types)'

/** One activity type of a pull request a token causes, `pull_request:closed`; heard by triggers listing it. */
export type PullRequestActivity = `pull_request:${string}`

/** How a pull_request trigger listing activity type `type` is listed among listening triggers. */
export const prActivityListener = (type: string): string => `pull_request (${type})`

/** The trigger names that hear an event: a known activity type is heard only where it is listed. */
export function listenersOf(event: TriggerEvent): readonly string[] {
  if (event.startsWith('pull_request:')) {
    // `pull_request:labeled#bug`: a label event about a known label, heard also where a job waits for that label.
    const [type, label] = event.slice('pull_request:'.length).split('#')
    return label === undefined ? [prActivityListener(type)] : [prActivityListener(type), `${prActivityListener(type)}#${label}`]
  }
  return LISTENERS[event as Exclude<TriggerEvent, PullRequestActivity>]
}

/**
 * Whether any of `triggers` hears `event`. A label event whose label is not known (given at run
 * time) is heard also by listeners waiting for particular labels: it may be one of them.
 */
export function isHeard(event: TriggerEvent, triggers: ReadonlySet<string>): boolean {
  if (listenersOf(event).some((t) => triggers.has(t))) return true
  if (!event.startsWith('pull_request:') || event.includes('#')) return false
  const prefix = `${prActivityListener(event.slice('pull_request:'.length))}#`
  for (const t of triggers) if (t.startsWith(prefix)) return true
  return false
}

/**
 * Which trigger names start a run for each event a token causes. `check_suite` and `check_run`
 * do not start workflows for a commit "associated with GitHub Actions" (GitHub's events page),
 * so a workflow waiting on checks never hears of commits GITHUB_TOKEN pushed.
 */
export const LISTENERS: Readonly<Record<Exclude<TriggerEvent, PullRequestActivity>, readonly string[]>> = {
  push: ['push', 'check_suite', 'check_run'],
  // A tag pushed is heard by push triggers that do not filter on branches alone (PUSH_TAGS) and by create.
  'tag push': [PUSH_TAGS, 'create'],
  pull_request: ['pull_request', 'pull_request_target'],
  'pull_request change': [PR_CHANGE],
  release: ['release'],
  create: ['create'],
  issues: ['issues'],
  issue_comment: ['issue_comment'],
  pull_request_review: ['pull_request_review'],
  label: ['label'],
  repository_dispatch: ['repository_dispatch'],
  workflow_dispatch: ['workflow_dispatch'],
}

/**
 * Comment commands Dependabot obeys only from users with push access to the repository ("Sorry,
 * only users with push access can use that command"; GitHub docs, Managing pull requests for
 * dependency updates: users with write access). GITHUB_TOKEN comments as github-actions[bot].
 */
export const DEPENDABOT_COMMAND = /@dependabot\s+(?:merge|squash and merge|rebase|recreate|cancel merge|close|reopen|ignore|unignore|show)\b/i
