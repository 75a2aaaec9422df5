/** What pat-lint works out about one use of a token. */
import type { PermissionSet } from '../knowledge/permissions.js'
import type { RepoRef } from './repo-ref.js'
import type { TriggerEvent } from '../knowledge/events.js'
import type { Reason } from '../knowledge/reasons.js'

export type { TriggerEvent } from '../knowledge/events.js'

/** One thing a step does with the token. */
export interface Call {
  /** e.g. `gh pr create`, `POST /repos/{owner}/{repo}/dispatches`, `git push`, `actions/checkout`. */
  what: string
  permissions: PermissionSet
  /** public: data GitHub serves to anyone, whatever the token (knowledge/public-reads.ts). */
  target: RepoRef | { kind: 'account' } | { kind: 'organization'; owner: string | null } | { kind: 'public'; source: string }
  /** Events the call causes that may be meant to start workflows. */
  events?: TriggerEvent[]
  /** A repository setting GITHUB_TOKEN needs for this call, off by default (R8): "would do" holds only with it. */
  provided?: Reason
  /** Why GITHUB_TOKEN cannot do this at all (R2, R4, R5, R6, …). */
  patReason?: Reason
  /** Why only a classic token (not fine-grained) can do this. */
  classicOnly?: Reason
  /** Classic scopes the call needs that no fine-grained permission stands for (an action's documented scopes). */
  classicScopes?: readonly string[]
  /** The call only reads; another repository's public content needs no token of its own. */
  readOnly?: boolean
}

export interface StepAnalysis {
  calls: Call[]
  /** The step leaves the token behind for later steps (git credentials, a remote URL, an SSH key). */
  persists?: { what: string; target: import('./repo-ref.js').RepoRef | null; scope?: 'github' | 'remote' | 'gh'; remote?: string }[]
  /** What the token may be used for that pat-lint cannot see or interpret. */
  unknown: string[]
  /** The token is sent to GitHub (gh, git, the REST or GraphQL API, ghcr.io), understood or not. */
  sentToGithub?: boolean
}

export interface UseDecision {
  githubTokenWouldDo: boolean | null
  needs: PermissionSet
  reasons: Reason[]
  calls: Call[]
  classicOnly: Reason[]
  repositories: string[]
  unknown: string[]
  /** Settings GITHUB_TOKEN needs for the calls ("would do, provided …"). */
  provided: Reason[]
}
