/**
 * What a fine-grained PAT cannot do (pat-rules R5, R9, R13, R18): GitHub Packages, the Checks API
 * and user-owned Projects. A use that needs one of these is a reason to keep a classic token.
 */
import { lookupAction } from '../knowledge/actions.js'
import type { SecretUse } from '../workflow/flows.js'

/** Why this use needs a classic token, or null when a fine-grained one could serve. */
export function classicOnlyReason(use: SecretUse): string | null {
  const step = use.step
  if (!step) return null
  const uses = step.uses?.value
  const facts = uses ? lookupAction(uses) : undefined
  if (facts && facts.takesGithubToken && facts.fineGrained === null && facts.githubToken !== null) {
    if (facts.uses === 'docker/login-action' && !/ghcr\.io/i.test(step.with.registry?.value ?? '')) return null
    return `${facts.uses} works with GitHub Packages or the Checks API, which fine-grained tokens cannot reach (R9, R13, R18)`
  }
  if (facts?.uses === 'actions/add-to-project' && /\/users\//i.test(step.with['project-url']?.value ?? '')) {
    return 'a user-owned project: fine-grained tokens cannot reach user-owned Projects (R5, R18)'
  }
  const script = step.run?.value ?? ''
  if (/\bdocker\s+login\b[^\n]*ghcr\.io|npm\.pkg\.github\.com|maven\.pkg\.github\.com|nuget\.pkg\.github\.com/i.test(script)) {
    return 'the script uses GitHub Packages, which fine-grained tokens cannot reach (R9, R18)'
  }
  return null
}
