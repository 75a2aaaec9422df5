/** The live check as a table, for the job summary and the pull-request comment: what GitHub said of each token. */
import type { LiveCheck } from '../types.js'
import { escapeMarkdown, markdownCode } from './escape.js'

const OUTCOME: Readonly<Record<LiveCheck['outcome'], string>> = {
  accepted: '✅ accepted',
  rejected: '❌ rejected (401)',
  'not-set': '⚠️ not set',
  'not-sent': '⚠️ not sent',
  failed: '⚠️ not checked',
}

function expiry(c: LiveCheck): string {
  if (c.expiresAt === undefined) return '—'
  return c.expiresAt === null ? 'never' : c.expiresAt.slice(0, 10)
}

function repositories(c: LiveCheck): string {
  if (!c.repositories?.length) return '—'
  const cells = c.repositories.map((r) => `${markdownCode(r.repository)} ${r.access === 'private' || r.access === 'public' ? `sees (${r.access})` : escapeMarkdown(r.access)}`)
  return cells.join(', ') + (c.repositoriesNotChecked ? `, ${c.repositoriesNotChecked} more not checked` : '')
}

/** Rows of the table, with its heading; none when no live check ran. */
export function liveCheckSection(live: readonly LiveCheck[] | undefined): string[] {
  if (!live?.length) return []
  const rows = live.map((c) => {
    const scopes = c.scopes === undefined || c.scopes === null ? '—' : c.scopes.map((s) => markdownCode(s)).join(' ') || 'none'
    return `| ${markdownCode(c.secret)} | ${c.kind === 'empty' ? '—' : escapeMarkdown(c.kind)} | ${OUTCOME[c.outcome]} | ${expiry(c)} | ${scopes} | ${repositories(c)} |`
  })
  return ['### Live check', '', `What GitHub said of each token on ${live[0].checkedAt.slice(0, 16).replace('T', ' ')} UTC.`, '', '| Secret | Kind | GitHub | Expires | Scopes | Repositories |', '| --- | --- | --- | --- | --- | --- |', ...rows, '']
}
