/** The JSON report: stable and versioned (`version`); the corpus scorer and other tools read it. */
import type { Report } from './model.js'
import { creationLinks, tokenAdvice } from './advice.js'

/** The report, each token with its pre-filled creation link (null where none is to be created). */
export function formatJson(report: Report, server = 'https://github.com'): string {
  const links = creationLinks(tokenAdvice(report, { server, repository: report.repository, maxExpiryDays: report.maxExpiryDays }))
  const tokens = report.tokens.map((t) => ({ ...t, creationLink: links[t.secret] ?? null }))
  return JSON.stringify({ ...report, tokens }, null, 2) + '\n'
}
