/**
 * Repository settings GITHUB_TOKEN depends on that no workflow file shows. "Allow GitHub Actions to
 * create and approve pull requests" is off by default for new repositories and organizations; with
 * it off, GITHUB_TOKEN gets "GitHub Actions is not permitted to create or approve pull requests"
 * (GitHub Docs, Managing GitHub Actions settings for a repository) (R8).
 */
import { because, type Reason } from './reasons.js'

export const CREATES_PULL_REQUESTS: Reason = because('provided the repository allows GitHub Actions to create and approve pull requests, off by default', 'R8')

/** REST calls the setting governs: opening a pull request, and a review that approves one. */
export function needsPullRequestSetting(method: string, template: string, approves: boolean): boolean {
  if (method.toUpperCase() !== 'POST') return false
  return /\/pulls$/.test(template) || (approves && /\/pulls\/\{pull_number\}\/reviews$/.test(template))
}

/** gh commands the setting governs: `gh pr create`, and `gh pr review` with --approve / -a. */
export function ghNeedsPullRequestSetting(command: string, words: readonly string[]): boolean {
  if (command === 'gh pr create') return true
  return command === 'gh pr review' && words.some((w) => w === '--approve' || w === '-a')
}
