/** Events a REST call causes that may start workflow runs (R1), by the endpoint it calls. */
import type { TriggerEvent } from './events.js'

/** Pull request activity types caused through issue and review-request endpoints, by method and route. */
const PR_ACTIVITY: ReadonlyArray<readonly [string, RegExp, readonly string[]]> = [
  ['POST', /\/issues\/\{issue_number\}\/labels$/, ['labeled']],
  // Setting the labels adds some and may remove others.
  ['PUT', /\/issues\/\{issue_number\}\/labels$/, ['labeled', 'unlabeled']],
  ['DELETE', /\/issues\/\{issue_number\}\/labels(\/\{name\})?$/, ['unlabeled']],
  ['POST', /\/issues\/\{issue_number\}\/assignees$/, ['assigned']],
  ['DELETE', /\/issues\/\{issue_number\}\/assignees$/, ['unassigned']],
  ['POST', /\/pulls\/\{pull_number\}\/requested_reviewers$/, ['review_requested']],
  ['DELETE', /\/pulls\/\{pull_number\}\/requested_reviewers$/, ['review_request_removed']],
]

/** The events a call to an endpoint causes that a workflow may listen to (R1). */
export function eventsFor(method: string, template: string): TriggerEvent[] {
  const m = method.toUpperCase()
  if (m === 'GET') return []
  if (/\/dispatches$/.test(template)) return [/\/actions\/workflows\//.test(template) ? 'workflow_dispatch' : 'repository_dispatch']
  // Creating a pull request opens it; updating one edits or closes it, heard only by triggers listing those types.
  if (/\/pulls$/.test(template)) return ['pull_request']
  if (/\/pulls\/\{pull_number\}$/.test(template)) return ['pull_request change']
  if (/\/pulls\/\{pull_number\}\/reviews/.test(template)) return ['pull_request_review']
  // A pull request is an issue: labelling or assigning it through the issues API is pull_request
  // activity, heard by triggers listing that type (GitHub docs, Events that trigger workflows:
  // pull_request's labeled, unlabeled, assigned, unassigned, review_requested).
  const activity = PR_ACTIVITY.find(([verb, route]) => verb === m && route.test(template))
  if (activity) return activity[2].map((t): TriggerEvent => `pull_request:${t}`)
  if (/\/comments$/.test(template)) return ['issue_comment']
  if (/\/issues(\/\{issue_number\})?$/.test(template)) return ['issues']
  // A release for a tag that does not exist yet creates the tag: a tag push, heard by tag listeners (GitHub docs, Create a release: tag_name).
  if (/\/releases$/.test(template)) return ['release', 'tag push', 'create']
  if (/\/(git\/refs|contents\/\{path\}|merges|pulls\/\{pull_number\}\/merge)/.test(template)) return ['push']
  return []
}
