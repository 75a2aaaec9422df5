/**
 * The lint with a live check (issue 21): the first report says which repositories each token is
 * declared for or acts on; GitHub is asked about each named token; the repository is linted again
 * with the answers, so that their findings are ignored, placed and sorted as every other.
 */
import { lint, type LintOptions, type Report } from '../lint.js'
import { checkTokens, type LiveCheckOptions, type LiveTarget } from './live-check.js'

export interface LiveRun extends LiveCheckOptions {
  /** The variables holding the tokens (the `live-check` input, `--live-check`). */
  names: readonly string[]
  env: NodeJS.ProcessEnv
  expiryWarningDays?: number
}

/** The repositories worth one read each: those declared, those the uses reach, and this one when a use acts on it. */
export function repositoriesToRead(report: Report, secret: string): string[] {
  const t = report.tokens.find((x) => x.secret.toUpperCase() === secret.toUpperCase())
  if (!t) return []
  const declared = Array.isArray(t.requested?.repositories) ? t.requested.repositories : []
  const own = t.ownRepository && report.repository ? [report.repository] : []
  return [...new Set([...declared, ...own, ...t.repositories].map((r) => r.toLowerCase()))]
}

export async function lintWithLiveCheck(root: string, options: LintOptions, first: Report, run: LiveRun): Promise<Report> {
  // A variable named otherwise than its secret is reported by the secret's name, which the declaration and uses carry.
  const secretOf = (name: string) => (first.liveCheckSecrets && Object.hasOwn(first.liveCheckSecrets, name) ? first.liveCheckSecrets[name] : name)
  const targets: LiveTarget[] = run.names.map((name) => ({ secret: secretOf(name), value: run.env[name], repositories: repositoriesToRead(first, secretOf(name)) }))
  const live = await checkTokens(targets, run)
  return lint(root, { ...options, live, expiryWarningDays: run.expiryWarningDays })
}
