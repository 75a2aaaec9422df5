/**
 * The pull request a run is about, read from the event payload (GITHUB_EVENT_PATH). Kept apart
 * from the octokit code so that runs without a pull request never load it.
 */
import { readFileSync } from 'node:fs'

export interface PullRequestEvent {
  number: number
  baseSha: string | null
  headSha: string | null
}

export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequestEvent | null {
  if (!env.GITHUB_EVENT_PATH) return null
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } }
    const pr = payload.pull_request
    if (!pr || typeof pr.number !== 'number') return null
    const sha = (v: unknown) => (typeof v === 'string' && /^[0-9a-f]{40}$/i.test(v) ? v : null)
    return { number: pr.number, baseSha: sha(pr.base?.sha), headSha: sha(pr.head?.sha) }
  } catch {
    return null
  }
}

/** Why the event file could not be read, when it could not: a pull request may be hidden behind it. */
function eventFileProblem(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_EVENT_PATH) return null
  try {
    JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    return null
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code ? `cannot be read (${code})` : 'is not valid JSON'
  }
}

/** The notice for runs with no pull request to comment on. */
export function noPullRequestNotice(env: NodeJS.ProcessEnv): string {
  const problem = eventFileProblem(env)
  if (problem) return `pat-lint found no pull request to comment on: the event file (GITHUB_EVENT_PATH) ${problem}; the verdict is in the job summary only`
  return `pat-lint writes its comment on pull requests; this ${env.GITHUB_EVENT_NAME ?? 'event'} run has none, so the verdict is in the job summary only`
}
