/** Plain text: one `file:line:col: severity message [rule]` line per finding, then a count. */
import type { Report } from './model.js'
import { oneLine } from './escape.js'
import { countBySeverity } from './severity.js'
import { tokenAdvice, unsureNote } from './advice.js'

export function formatText(report: Report, server = 'https://github.com'): string {
  const lines = report.findings.map((f) => oneLine(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.rule}]`))
  // The same pre-filled links as the pull-request comment: on a push or a fork, the log is all there is.
  for (const a of tokenAdvice(report, { server, repository: report.repository, maxExpiryDays: report.maxExpiryDays })) {
    if (!a.url) continue
    const select = a.select?.length
      ? ` (then select ${a.select.join(', ')})`
      : a.usedOn?.length
        ? ` (a classic token cannot be limited to ${a.usedOn.join(', ')}: it reaches every repository its owner can)`
        : ''
    lines.push(oneLine(`create ${a.secret} as a ${a.kind} token: ${a.url}${select}${unsureNote(a.undecided)}`))
  }
  for (const c of report.live ?? []) {
    const expires = c.expiresAt === undefined ? '' : c.expiresAt === null ? ', never expires' : `, expires ${c.expiresAt.slice(0, 10)}`
    const scopes = c.scopes ? `, scopes: ${c.scopes.join(' ') || 'none'}` : ''
    lines.push(oneLine(`live check: ${c.secret} (${c.kind}): ${c.outcome}${expires}${scopes}`))
  }
  const c = countBySeverity(report.findings)
  const tokens = report.tokens.length
  lines.push(
    `${report.files.length} file${report.files.length === 1 ? '' : 's'} linted, ${tokens} token${tokens === 1 ? '' : 's'} found: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'}`,
  )
  return lines.join('\n') + '\n'
}
