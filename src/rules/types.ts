/** The contract every rule implements: metadata plus a pure check over the linted repository. */
import type { Finding, LintError, LiveCheck, Severity } from '../types.js'
import type { DeclaredToken, LoadedRequirements } from '../requirements/load.js'
import type { Recognition } from '../analysis/recognise.js'
import type { SecretUse } from '../workflow/flows.js'
import type { UseDecision } from '../analysis/types.js'
import type { TokenVerdict } from '../analysis/token.js'
import type { Memo } from '../analysis/memo.js'

export interface RuleMeta<Id extends string = string> {
  id: string
  description: string
  defaultSeverity: Severity
  /** Each kind of finding the rule makes, by id: its sentence, with `{{placeholders}}` for the data. */
  messages: Readonly<Record<Id, string>>
}

/** One credential as the rules see it: its declaration (if any) and every place it is used. */
export interface TokenFacts {
  secret: string
  declaration: DeclaredToken | null
  recognisedBy: Recognition[]
  uses: SecretUse[]
  /** One decision per use, in the same order. */
  decisions: UseDecision[]
  verdict: TokenVerdict
  /** Every use hands it on as an SSH key (a deploy key): no PAT, nothing to declare as one. */
  sshKey?: boolean
}

export interface RuleContext {
  tokens: TokenFacts[]
  requirements: LoadedRequirements
  /** Uses that pass every secret on (`secrets: inherit`, `toJSON(secrets)`): any declared token may ride along. */
  passAllUses: SecretUse[]
  /** References to secrets GitHub cannot store (`secrets['my-token']`): always empty. */
  impossibleNames: SecretUse[]
  /** Errors in workflow and action files. */
  fileErrors: LintError[]
  /** What pat-lint passed over in workflow files without failing (keys it does not know). */
  fileNotes: LintError[]
  maxExpiryDays: number
  /** `owner/name` of the linted repository, when known. */
  repository: string | null
  /** The run's caches (shared verdicts are read once). */
  memo: Memo
  /** What GitHub said of each token a live check read (empty without one). */
  live: readonly LiveCheck[]
  /** Where workflows hand tokens to pat-lint's own live check: not uses, but the place to point at. */
  liveCheckUses: readonly SecretUse[]
  /** A live check warns of tokens expiring within this many days. */
  expiryWarningDays: number
}

/** A finding as a rule makes it (through finding.ts); lint() adds the rule id and the default severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>
  check(ctx: RuleContext): RuleFinding[]
}

/** The declared tokens that some workflow uses, with the requirements file they are declared in. */
export function* declaredAndUsed(ctx: RuleContext): Generator<{ file: string; token: TokenFacts; declaration: DeclaredToken }> {
  const file = ctx.requirements.path
  if (!file) return
  for (const token of ctx.tokens) if (token.declaration && token.uses.length) yield { file, token, declaration: token.declaration }
}
