/**
 * Markdown for the job summary and `--format markdown`: a verdict, a table per token and one
 * per finding. Everything from the repository is escaped. Kept under the summary's 1 MiB limit.
 */
import type { Report } from './model.js'
import { codeBlock, escapeMarkdown, markdownCode, messageMarkdown } from './escape.js'
import { countBySeverity, meetsThreshold, type FailOn } from './severity.js'
import { tokenAdvice, unsureNote } from './advice.js'
import { liveCheckSection } from './live-table.js'

export const MAX_MARKDOWN_BYTES = 1024 * 1024 - 4096

const ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const

export function formatMarkdown(report: Report, failOn: FailOn = 'error', server = 'https://github.com'): string {
  const c = countBySeverity(report.findings)
  const failed = meetsThreshold(report.findings, failOn)
  const head = [
    '## pat-lint',
    '',
    `${failed ? '❌ **Fails**' : '✅ **Passes**'} (fail-on: ${failOn}): ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.`,
    '',
  ]
  const body: string[] = []
  for (const n of report.notices) body.push(`> ℹ️ ${escapeMarkdown(n)}`, '')
  if (report.tokens.length) {
    body.push('### Tokens', '', '| Secret | Declared | Type | Uses | Recognised by |', '| --- | --- | --- | --- | --- |')
    for (const t of report.tokens) {
      const how = [...new Set(t.recognisedBy.map((r) => r.how))].join(', ')
      body.push(`| ${markdownCode(t.secret)} | ${t.declared ? 'yes' : 'no'} | ${t.type ?? '—'} | ${t.uses.length} | ${escapeMarkdown(how)} |`)
    }
    body.push('')
    const create = tokenAdvice(report, { server, repository: report.repository, maxExpiryDays: report.maxExpiryDays }).filter((a) => a.url)
    if (create.length) {
      body.push('### Tokens to create', '', 'Each link opens the token form filled in with the least the workflows need.', '', '| Secret | Token | Repositories to select |', '| --- | --- | --- |')
      for (const a of create) body.push(`| ${markdownCode(a.secret)} | [create ${a.kind} token](${a.url})${escapeMarkdown(unsureNote(a.undecided))} | ${a.select?.map((r) => markdownCode(r)).join(', ') || (a.usedOn?.length ? 'none to select: a classic token reaches all its owner\'s' : '—')} |`)
      body.push('')
    }
  }
  body.push(...liveCheckSection(report.live))
  if (report.findings.length) {
    body.push('### Findings', '', '| | Location | Rule | Message |', '| --- | --- | --- | --- |')
    for (const f of report.findings) {
      body.push(`| ${ICON[f.severity]} | ${markdownCode(`${f.file}:${f.line}:${f.column}`)} | ${markdownCode(f.rule)} | ${messageMarkdown(f.message)} |`)
    }
    body.push('')
    const withHelp = report.findings.filter((f) => f.help)
    for (const f of withHelp) {
      body.push(`<details><summary>Fix for ${markdownCode(f.rule)} at ${markdownCode(`${f.file}:${f.line}`)}</summary>`, '', codeBlock(f.help!, 'yaml'), '', '</details>', '')
    }
  }
  let out = [...head, ...body].join('\n')
  if (Buffer.byteLength(out) > MAX_MARKDOWN_BYTES) {
    const kept = [...head]
    const note = '\n_The rest is cut to stay within the summary size limit; the JSON report has everything._\n'
    // Bytes are counted as lines are added: measuring the whole text each time is quadratic.
    let bytes = Buffer.byteLength(head.join('\n')) + Buffer.byteLength(note)
    for (const line of body) {
      bytes += Buffer.byteLength(line) + 1
      if (bytes > MAX_MARKDOWN_BYTES) break
      kept.push(line)
    }
    out = kept.join('\n') + note
  }
  return out
}
