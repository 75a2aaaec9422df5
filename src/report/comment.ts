/**
 * The sticky pull-request comment: a verdict line, what the pull request newly requests, a row
 * per token (verdict, requested vs minimal, a pre-filled creation link, where it is used) and the
 * findings. Everything that comes from the repository is escaped; the body stays under GitHub's
 * 65,536-character limit.
 */
import type { Report, TokenReport } from './model.js'
import { levelRank } from '../knowledge/permissions.js'
import type { RequestChange } from '../requirements/diff.js'
import { codeBlock, escapeMarkdown, markdownCode, messageMarkdown, REASONS_DOC } from './escape.js'
import { docsUrl } from '../rules/index.js'
import { tokenAdvice, type TokenAdvice } from './advice.js'
import { countBySeverity, meetsThreshold, type FailOn } from './severity.js'
import { liveCheckSection } from './live-table.js'

export const COMMENT_MARKER = '<!-- pat-lint:sticky-comment -->'
export const MAX_COMMENT_CHARS = 65536

export interface CommentContext {
  /** GITHUB_SERVER_URL: github.com or a GitHub Enterprise Server. */
  server: string
  repository: string | null
  headSha: string | null
  failOn: FailOn
  /** What the pull request newly requests; null when the base could not be read. */
  changes: RequestChange[] | null
  maxExpiryDays: number
}

const ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const

function blobLink(ctx: CommentContext, file: string, line: number): string {
  const label = markdownCode(`${file}:${line}`)
  if (!ctx.repository || !ctx.headSha) return label
  const path = file.split('/').map(encodeURIComponent).join('/')
  return `[${label}](${ctx.server.replace(/\/+$/, '')}/${ctx.repository}/blob/${ctx.headSha}/${path}#L${line})`
}

/** The reason that best explains a token's verdict (one resting on a rule when a PAT is needed), with its codes. */
function mainReason(t: TokenReport): { text: string; codes: readonly string[] } {
  const v = t.githubTokenWouldDo
  const use = t.uses.find((u) => u.githubTokenWouldDo === v)
  const at = use?.reasons.findIndex((_, i) => v !== false || (use.reasonCodes[i] ?? []).length > 0) ?? -1
  return use && at >= 0 ? { text: use.reasons[at], codes: use.reasonCodes[at] ?? [] } : { text: '', codes: [] }
}

/** The verdict in a few words, with the rule codes its reason cites: the table stays narrow. */
function verdictCell(t: TokenReport): string {
  if (t.githubTokenWouldDo === true) return '✅ GITHUB_TOKEN would do'
  if (t.githubTokenWouldDo === null) return '❔ undecided'
  const codes = [...new Set(mainReason(t).codes)]
  return `🔑 PAT needed${codes.length ? ` (${codes.map((c) => `[${c}](${REASONS_DOC}#${c.toLowerCase()})`).join(', ')})` : ''}`
}

function requestCell(t: TokenReport): string {
  if (t.githubTokenWouldDo === true) return t.declared ? 'none needed: delete the token' : 'none needed'
  const minimal = t.minimal
  if (!t.declared) return `not declared; needs ${Object.entries(minimal).map(([k, v]) => markdownCode(`${k}: ${v}`)).join(' ') || 'nothing'}`
  if (t.type === 'classic') {
    const requested = t.requested?.scopes ?? []
    return `scopes ${requested.map((s) => markdownCode(s)).join(' ') || 'none'} → ${t.minimalScopes.map((s) => markdownCode(s)).join(' ') || 'none'}`
  }
  const requested = t.requested?.permissions ?? {}
  const parts: string[] = []
  for (const perm of [...new Set([...Object.keys(requested), ...Object.keys(minimal)])].sort()) {
    const r = requested[perm]
    const m = minimal[perm]
    if (perm === 'metadata') continue
    if (r && !m) parts.push(`~~${markdownCode(`${perm}: ${r}`)}~~ drop`)
    else if (!r && m) parts.push(`**add** ${markdownCode(`${perm}: ${m}`)}`)
    else if (r && m && r !== m) parts.push(`${markdownCode(`${perm}: ${r}`)} → ${markdownCode(m)}${levelRank(r) > levelRank(m) ? ' lower it' : ' raise it'}`)
    else if (r) parts.push(markdownCode(`${perm}: ${r}`))
  }
  return parts.join(' · ') || 'nothing'
}

function adviceCell(a: TokenAdvice | undefined): string {
  if (!a) return '—'
  if (a.kind === 'github-token') return 'use `${{ github.token }}`'
  if (a.kind === 'undecided') return 'check by hand'
  return `[create ${a.kind} token](${a.url})`
}

/** What the table leaves out, under it: why, requested against minimal, what to select, where. */
function tokenDetail(t: TokenReport, a: TokenAdvice | undefined, ctx: CommentContext): string {
  const parts = [messageMarkdown(mainReason(t).text || 'no reason recorded')]
  parts.push(`requested → minimal: ${requestCell(t)}`)
  if (a?.select?.length) parts.push(`select ${a.select.map((r) => markdownCode(r)).join(', ')}`)
  if (a?.usedOn?.length) parts.push(`used on ${a.usedOn.map((r) => markdownCode(r)).join(', ')}, but a classic token reaches every repository its owner can`)
  const undecided = t.uses.filter((u) => u.githubTokenWouldDo === null).length
  if (undecided && t.githubTokenWouldDo !== null) parts.push(`${undecided} use${undecided === 1 ? '' : 's'} undecided: check before creating`)
  parts.push(`used at ${usedAt(t, ctx)}`)
  return `- ${markdownCode(t.secret)}: ${parts.join('; ')}`
}

function usedAt(t: TokenReport, ctx: CommentContext): string {
  const shown = t.uses.slice(0, 3).map((u) => blobLink(ctx, u.file, u.line))
  return shown.join(', ') + (t.uses.length > 3 ? ` and ${t.uses.length - 3} more` : '')
}

/** A finding's rule id, linked to its page. */
function ruleLink(rule: string): string {
  return `[${markdownCode(rule)}](${docsUrl(rule)})`
}

/** The whole comment body, cut to fit with a note when it would not. */
export function buildComment(report: Report, ctx: CommentContext): string {
  const c = countBySeverity(report.findings)
  const failed = meetsThreshold(report.findings, ctx.failOn)
  const changes = ctx.changes ?? []
  if (!report.findings.length && !changes.length) {
    return `${COMMENT_MARKER}\n## pat-lint\n\n✅ **All clear**: no findings about personal access tokens in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.\n`
  }
  const advice = tokenAdvice(report, ctx)
  const head = [
    COMMENT_MARKER,
    '## pat-lint',
    '',
    `${failed ? '❌ **Fails**' : '✅ **Passes**'} (fail-on: ${ctx.failOn}): ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'}.`,
    '',
  ]
  const sections: string[][] = []
  if (changes.length) {
    sections.push([
      '### Newly requested by this pull request',
      '',
      ...changes.map((ch) => `- ${markdownCode(ch.secret)}: ${escapeMarkdown(ch.detail)} (${report.requirementsFile ? blobLink(ctx, report.requirementsFile, ch.line) : `line ${ch.line}`})`),
      '',
    ])
  } else if (ctx.changes === null && report.requirementsFile) {
    sections.push(['_The base branch\'s requirements could not be read, so new requests are not singled out._', ''])
  }
  const tokens = report.tokens.filter((t) => t.uses.length)
  if (tokens.length) {
    const adviceBySecret = new Map(advice.map((a) => [a.secret, a]))
    const rows = tokens.map((t) => `| ${markdownCode(t.secret)} | ${verdictCell(t)} | ${adviceCell(adviceBySecret.get(t.secret))} |`)
    const detail = tokens.map((t) => tokenDetail(t, adviceBySecret.get(t.secret), ctx))
    sections.push(['### Tokens', '', '| Secret | Verdict | Token |', '| --- | --- | --- |', ...rows, '', ...detail, ''])
  }
  const live = liveCheckSection(report.live)
  if (live.length) sections.push(live)
  if (report.findings.length) {
    sections.push([
      `### Findings (${report.findings.length})`,
      '',
      ...report.findings.map((f) => `- ${ICON[f.severity]} ${blobLink(ctx, f.file, f.line)} ${messageMarkdown(f.message)} (${ruleLink(f.rule)})`),
      '',
    ])
  }
  const details: string[] = []
  for (const a of advice) {
    if (!a.snippet) continue
    details.push(`${markdownCode(a.secret)}: GITHUB_TOKEN would do; give the job:`, '', codeBlock(a.snippet, 'yaml'), '')
  }
  for (const f of report.findings.filter((x) => x.rule === 'prefer-github-app' && x.help)) {
    details.push(`${markdownCode(f.secret ?? '')}: a GitHub App token instead:`, '', codeBlock(f.help!, 'yaml'), '')
  }
  for (const t of tokens) {
    details.push(
      `**${markdownCode(t.secret)}**`,
      '',
      ...t.uses.map((u) => {
        const where = u.step ? ` step ${markdownCode(u.step)}` : u.job ? ` job ${markdownCode(u.job)}` : ''
        const verdict = u.githubTokenWouldDo === true ? 'GITHUB_TOKEN would do' : u.githubTokenWouldDo === false ? 'PAT needed' : 'undecided'
        return `- ${blobLink(ctx, u.file, u.line)}${where}: ${verdict}; ${messageMarkdown(u.reasons.join('; '))}`
      }),
      '',
    )
  }
  if (details.length) sections.push(['<details><summary>Details</summary>', '', ...details, '</details>', ''])

  const note = '\n_Cut to fit in a comment: the job summary has the full report._\n'
  let body = head.join('\n')
  for (const section of sections) {
    const text = '\n' + section.join('\n')
    if (body.length + text.length + note.length > MAX_COMMENT_CHARS) {
      // Add what fits of this section line by line, then stop.
      for (const line of section) {
        if (body.length + line.length + 1 + note.length > MAX_COMMENT_CHARS) break
        body += '\n' + line
      }
      return body + note
    }
    body += text
  }
  return body
}
