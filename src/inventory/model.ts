/**
 * The organization inventory (issue 20): many repositories' reports merged into one view per
 * secret. A secret is keyed by its owner and name: an organization secret is shared by the
 * owner's repositories, and no secret spans two owners. Plain data, versioned like the report.
 */
import type { PermissionSet } from '../knowledge/permissions.js'

export const INVENTORY_VERSION = 1

/** One repository's part in a secret's inventory. */
export interface SecretInRepository {
  /** The name as this repository's workflows write it. */
  secret: string
  repository: string
  uses: number
  /** Every use here: where, what it reaches, and whether GITHUB_TOKEN would do for it. */
  each: { file: string; line: number; target: string | null; githubTokenWouldDo: boolean | null }[]
  declared: boolean
  /** The token's verdict in this repository: would GITHUB_TOKEN do for all its uses here. */
  githubTokenWouldDo: boolean | null
  minimal: PermissionSet
  minimalScopes: string[]
  /** Repositories its uses here reach, this one included when a use acts on it. */
  reaches: string[]
  type: 'fine-grained' | 'classic' | null
  /** The declaration's expiry: days, or 'none' for a token that never expires. */
  expiresIn: number | 'none' | null
  /** Rule ids of the findings about this secret here, with their counts. */
  findings: Record<string, number>
}

export interface SecretInventory {
  owner: string
  secret: string
  repositories: SecretInRepository[]
  uses: number
  /** The least one token would need for every use in every repository. */
  minimal: PermissionSet
  minimalScopes: string[]
  reaches: string[]
  /** Where GITHUB_TOKEN would do instead, where a PAT is needed, where it is undecided. */
  githubTokenWouldDoIn: string[]
  patNeededIn: string[]
  undecidedIn: string[]
  /** Where the declaration says classic, never expires, declares a token no workflow uses, asks for more than is needed. */
  classicIn: string[]
  neverExpiresIn: string[]
  unusedIn: string[]
  overScopedIn: string[]
  undeclaredIn: string[]
}

export interface RepositorySummary {
  repository: string
  /** Where the report came from (a file name), for a reader tracing a number back. */
  source: string
  tokens: number
  findings: number
  errors: number
}

/** A repository, or a report, that could not be read: the inventory lists it rather than dropping it. */
export interface InventoryFailure {
  repository: string | null
  source: string
  reason: string
}

/** A fine-grained token's grant to an organization's resources, as GitHub lists it to an App. */
export interface PatGrant {
  id: number
  /** The token's owner (a user). */
  owner: string
  tokenName: string
  /** 'all' (every repository of the organization), or those selected (none: organization resources only). */
  repositories: 'all' | string[]
  permissions: { repository: Record<string, string>; organization: Record<string, string> }
  expired: boolean
  expiresAt: string | null
  lastUsedAt: string | null
}

/** What `pat-lint grants` writes. */
export interface GrantsFile {
  version: 1
  organization: string
  grants: PatGrant[]
}

/** A grant beside what the workflows need of the secret it matches by name, if one does. */
export interface GrantReport extends PatGrant {
  organization: string
  /** The organization's secret whose name is the token's (case and separators aside, a _PAT or _TOKEN suffix aside). */
  matchedSecret: string | null
  /** What the matched secret's uses need: the repositories they reach and the permissions. */
  needs: { repositories: string[]; permissions: PermissionSet } | null
  /** Granted beyond that need: repositories ('all', or how many), and permissions above the level needed. */
  excess: { repositories: 'all' | number; permissions: string[] } | null
}

export interface Inventory {
  version: typeof INVENTORY_VERSION
  repositories: RepositorySummary[]
  secrets: SecretInventory[]
  /** Present when grants were given to the merge (`--grants`). */
  grants?: GrantReport[]
  failures: InventoryFailure[]
  /** What the reader should know about the merge itself (a repository reported twice), once each. */
  notices: string[]
}
