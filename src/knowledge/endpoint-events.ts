/** Events a REST call causes that may start workflow runs (R1), by the endpoint it calls. */
import type { TriggerEvent } from './events.js'

/** The events a call to an endpoint causes that a workflow may listen to (R1). */
export function eventsFor(method: string, template: string): TriggerEvent[] {
  const m = method.toUpperCase()
  if (m === 'GET') return []
  if (/\/dispatches$/.test(template)) return [/\/actions\/workflows\//.test(template) ? 'workflow_dispatch' : 'repository_dispatch']
  // Creating a pull request opens it; updating one edits or closes it, heard only by triggers listing those types.
  if (/\/pulls$/.test(template)) return ['pull_request']
  if (/\/pulls\/\{pull_number\}$/.test(template)) return ['pull_request change']
  if (/\/pulls\/\{pull_number\}\/reviews/.test(template)) return ['pull_request_review']
  if (/\/comments$/.test(template)) return ['issue_comment']
  if (/\/issues(\/\{issue_number\})?$/.test(template)) return ['issues']
  // A release for a tag that does not exist yet creates the tag: a tag push, heard by tag listeners (GitHub docs, Create a release: tag_name).
  if (/\/releases$/.test(template)) return ['release', 'tag push', 'create']
  if (/\/(git\/refs|contents\/\{path\}|merges|pulls\/\{pull_number\}\/merge)/.test(template)) return ['push']
  return []
}
