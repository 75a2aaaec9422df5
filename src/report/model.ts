/**
 * The report as every output reads it: plain data, versioned (`version`), built by lint.ts and
 * transformed by the reporters. It lives below both, so that reporters depend on the schema and
 * not on the pipeline.
 */
import type { Recognition } from '../analysis/recognise.js'
import type { TokenVerdict } from '../analysis/token.js'
import type { PermissionSet } from '../knowledge/permissions.js'
import type { Finding, LintError, LiveCheck } from '../types.js'
import type { SecretUse } from '../workflow/flows.js'
import type { ReasonCode } from '../knowledge/reasons.js'

export const REPORT_VERSION = 1

export interface UseReport {
  file: string
  line: number
  column: number
  job: string | null
  step: string | null
  kind: SecretUse['kind']
  /** The action, reusable workflow or `run` the token reaches. */
  target: string | null
  input: string | null
  via: string | null
  fallbackToGithubToken: boolean
  /** For workflow- and job-level env: the steps that visibly read the variable. */
  readBy?: { file: string; line: number; job: string | null; step: string }[]
  githubTokenWouldDo: boolean | null
  needs: PermissionSet
  reasons: string[]
  /** The rules (docs/reasons.md) each reason rests on: `reasonCodes[i]` for `reasons[i]`. */
  reasonCodes: ReasonCode[][]
  /** The action's knowledge was read from its source at run time (`owner/repo@ref`), not from pat-lint's own. */
  readFromSource?: string
  /**
   * The action's release whose facts decided, where its major version does something else than
   * the newest release (`v2.8.1`), or the release a pinned SHA was matched to.
   */
  actionRelease?: string
}

/** A token in the report: its verdict fields are those of the analysis (see TokenVerdict). */
export interface TokenReport extends Pick<TokenVerdict, 'githubTokenWouldDo' | 'minimal' | 'minimalScopes' | 'fineGrainedPossible' | 'repositories' | 'ownRepository'> {
  /** Repositories past the first 100, counted and not listed (absent when none). */
  repositoriesNotListed?: number
  secret: string
  declared: boolean
  recognisedBy: Recognition[]
  type: 'fine-grained' | 'classic' | null
  requested: {
    owner?: string
    repositories?: string[] | 'all'
    expiresIn?: number | 'none'
    purpose?: string
    permissions?: Record<string, string>
    scopes?: string[]
  } | null
  uses: UseReport[]
}

export interface Report {
  version: typeof REPORT_VERSION
  repository: string | null
  requirementsFile: string | null
  /** The longest acceptable expiry in force: the option, else the requirements file's, else 90. */
  maxExpiryDays: number
  files: string[]
  /** What the reader should know about the run itself (an unknown repository), once each. */
  notices: string[]
  tokens: TokenReport[]
  findings: Finding[]
  errors: LintError[]
  /** Remote actions (`uses:` as written) that receive a token and that pat-lint has no knowledge of. */
  unknownActions: string[]
  /** What the live check read from GitHub, token by token (present only when one ran). */
  live?: LiveCheck[]
  /** Variables that workflows hand to pat-lint's live check, by the secret each holds, where the names differ. */
  liveCheckSecrets?: Record<string, string>
}

