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
