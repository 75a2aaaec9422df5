/** The JSON report: stable and versioned (`version`); the corpus scorer and other tools read it. */
import type { Report } from '../lint.js'

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}
