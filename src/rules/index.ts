/** Every rule, in the order findings are produced. A rule's id is its file name. */
import { rule as invalidRequirements } from './invalid-requirements.js'
import { rule as patExpiry } from './pat-expiry.js'
import { rule as preferFineGrained } from './prefer-fine-grained.js'
import type { Rule } from './types.js'
import { rule as undeclaredPat } from './undeclared-pat.js'
import { rule as unusedPat } from './unused-pat.js'
import { rule as workflowError } from './workflow-error.js'
import { rule as unknownSyntax } from './unknown-syntax.js'
import { rule as patWhereGithubTokenWouldDo } from './pat-where-github-token-would-do.js'
import { rule as overScopedRequest } from './over-scoped-request.js'
import { rule as underScopedRequest } from './under-scoped-request.js'
import { rule as preferGithubApp } from './prefer-github-app.js'
import { rule as unverifiedRequest } from './unverified-request.js'
import { rule as wholeSecretsContext } from './whole-secrets-context.js'
import { rule as impossibleSecretName } from './impossible-secret-name.js'
import { rule as liveTokenRejected } from './live-token-rejected.js'
import { rule as liveTokenKind } from './live-token-kind.js'
import { rule as liveTokenExpiry } from './live-token-expiry.js'
import { rule as liveTokenScopes } from './live-token-scopes.js'
import { rule as liveTokenRepository } from './live-token-repository.js'
import { rule as liveCheckIncomplete } from './live-check-incomplete.js'

export const RULES: readonly Rule[] = [
  workflowError,
  unknownSyntax,
  invalidRequirements,
  undeclaredPat,
  wholeSecretsContext,
  impossibleSecretName,
  unusedPat,
  patWhereGithubTokenWouldDo,
  overScopedRequest,
  underScopedRequest,
  unverifiedRequest,
  preferFineGrained,
  preferGithubApp,
  patExpiry,
  liveTokenRejected,
  liveTokenKind,
  liveTokenExpiry,
  liveTokenScopes,
  liveTokenRepository,
  liveCheckIncomplete,
]

export const RULES_BY_ID = new Map(RULES.map((r) => [r.meta.id, r]))

/** Where each rule's documentation lives; SARIF and the comment link to it. */
export const DOCS_BASE = 'https://github.com/pat-lint/pat-lint/blob/main/docs/rules'
export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`
}
