/** The one table mapping pat-lint severities to SARIF levels and workflow-command annotations. */
import type { Finding, Severity } from '../types.js'

export const SEVERITY_MAP: Record<Severity, { sarif: 'error' | 'warning' | 'note'; annotation: 'error' | 'warning' | 'notice'; rank: number }> = {
  error: { sarif: 'error', annotation: 'error', rank: 3 },
  warning: { sarif: 'warning', annotation: 'warning', rank: 2 },
  note: { sarif: 'note', annotation: 'notice', rank: 1 },
}

export type FailOn = Severity | 'never'
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never']

/** How many findings are at or above the threshold (none for `never`). */
export function countAtOrAbove(findings: Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0
  const min = SEVERITY_MAP[failOn].rank
  return findings.filter((f) => SEVERITY_MAP[f.severity].rank >= min).length
}

/** True when some finding is at or above the threshold. */
export function meetsThreshold(findings: Finding[], failOn: FailOn): boolean {
  return countAtOrAbove(findings, failOn) > 0
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  for (const f of findings) out[f.severity]++
  return out
}
