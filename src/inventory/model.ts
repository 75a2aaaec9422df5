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

export interface Inventory {
  version: typeof INVENTORY_VERSION
  repositories: RepositorySummary[]
  secrets: SecretInventory[]
  failures: InventoryFailure[]
  /** What the reader should know about the merge itself (a repository reported twice), once each. */
  notices: string[]
}
