/** Shared plain-data types: findings, errors and positions flow through every module unchanged. */

export type Severity = 'error' | 'warning' | 'note'

/** A place in a repository file; line and column are 1-based. */
export interface Position {
  file: string
  line: number
  column: number
}

/** A problem pat-lint reports about the repository. Plain data: reporters only transform it. */
export interface Finding extends Position {
  rule: string
  /** Which of the rule's messages (its `meta.messages`) this is: stable, unlike the wording. */
  messageId: string
  severity: Severity
  message: string
  /** Where the finding's span ends, when it has one. */
  endLine?: number
  endColumn?: number
  /** Other places that explain it (the use behind a declaration's finding, say). */
  related?: RelatedLocation[]
  secret?: string
  /** A ready fix to paste (YAML), shown below the message where there is room. */
  help?: string
}

export interface RelatedLocation extends Position {
  message: string
}

/** A file pat-lint could not read or parse; the other files are still linted. */
export interface LintError extends Position {
  message: string
}

/** What GitHub's API answered about one token of a live check (no value: only what it told). */
export interface LiveCheck {
  /** The secret (environment variable) the value came from. */
  secret: string
  /** The kind its documented prefix names (knowledge/token-formats.ts); `empty` when no value was set. */
  kind: TokenKind
  /** ISO time of the check. */
  checkedAt: string
  /**
   * `accepted`: GitHub authenticated the token; `rejected`: 401; `not-set`: no value in the
   * environment; `not-sent`: a value no HTTP header can carry; `failed`: no answer to go by.
   */
  outcome: 'accepted' | 'rejected' | 'not-set' | 'not-sent' | 'failed'
  /** Why the check could not decide (`failed`, `not-sent`), in words; never the value. */
  problem?: string
  /** `GitHub-Authentication-Token-Expiration` as an ISO time; null when GitHub sent none (no expiry). */
  expiresAt?: string | null
  /** `X-OAuth-Scopes`, split; null when GitHub sent no such header (fine-grained and App tokens). */
  scopes?: string[] | null
  /** One read per repository: whether the token can see it. */
  repositories?: LiveRepository[]
  /** Repositories past the ones read, counted. */
  repositoriesNotChecked?: number
}

export type TokenKind = 'fine-grained' | 'classic' | 'legacy' | 'oauth' | 'app-user' | 'installation' | 'refresh' | 'unknown' | 'empty'

export interface LiveRepository {
  repository: string
  /**
   * `private`/`public`: the token sees it (a public one any token sees, selected or not);
   * `not-visible`: 404; `sso`: 403 until the token is authorized for the organization's SAML
   * single sign-on; `forbidden`: another 403; `failed`: no answer to go by.
   */
  access: 'private' | 'public' | 'not-visible' | 'sso' | 'forbidden' | 'failed'
  /** GitHub's message for a 403, or why the read failed. */
  detail?: string
}
