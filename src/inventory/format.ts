/**
 * The inventory as markdown (a job summary, a file to read) and CSV (a spreadsheet). Every name
 * in it comes from repositories' reports, so it is escaped for each format: markdown cannot be
 * injected into a table or mention anyone, and no CSV cell starts a spreadsheet formula.
 */
import type { PermissionSet } from '../knowledge/permissions.js'
import { escapeMarkdown, markdownCode, stripControl } from '../report/escape.js'
import type { Inventory, SecretInventory } from './model.js'

/** Repositories named in one table cell; the rest are counted. */
const CELL_REPOSITORIES = 5

function listed(items: readonly string[], max = CELL_REPOSITORIES): string {
  if (!items.length) return '—'
  const shown = items.slice(0, max).map(escapeMarkdown).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

function permissions(p: PermissionSet): string {
  const entries = Object.entries(p).filter(([k]) => k !== 'metadata').sort(([a], [b]) => a.localeCompare(b))
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(', ') : 'none'
}

function flags(s: SecretInventory): string {
  const out: string[] = []
  const add = (label: string, where: string[]) => where.length && out.push(`${label} in ${listed(where, 3)}`)
  add('over-scoped', s.overScopedIn)
  add('classic', s.classicIn)
  add('never expires', s.neverExpiresIn)
  add('declared, unused', s.unusedIn)
  add('undeclared', s.undeclaredIn)
  add('undecided', s.undecidedIn)
  return out.join('; ') || '—'
}

export function formatInventoryMarkdown(inv: Inventory): string {
  const lines = ['## pat-lint inventory', '']
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  lines.push(`${count(inv.repositories.length, 'repository', 'repositories')} read, ${count(inv.secrets.length, 'secret', 'secrets')} used as GitHub tokens, ${count(inv.failures.length, 'repository or report', 'repositories or reports')} not read.`, '')
  if (inv.secrets.length) {
    lines.push('### Secrets', '', '| Owner | Secret | Repositories | Uses | Needs (fine-grained) | Classic scopes | Reaches | GITHUB_TOKEN would do in | Flags |', '| --- | --- | --- | ---: | --- | --- | --- | --- | --- |')
    for (const s of inv.secrets) {
      const scopes = s.minimalScopes.length ? s.minimalScopes.join(', ') : 'none'
      lines.push(`| ${escapeMarkdown(s.owner)} | ${markdownCode(s.secret)} | ${listed(s.repositories.map((r) => r.repository))} | ${s.uses} | ${permissions(s.minimal)} | ${escapeMarkdown(scopes)} | ${listed(s.reaches)} | ${listed(s.githubTokenWouldDoIn)} | ${flags(s)} |`)
    }
    lines.push('')
  }
  const replaceable = inv.secrets.filter((s) => s.githubTokenWouldDoIn.length && !s.patNeededIn.length && !s.undecidedIn.length)
  if (replaceable.length) {
    lines.push('### Secrets GITHUB_TOKEN could replace everywhere', '', 'Every use of these, in every repository read, is one the workflow\'s own token can make: set the `permissions:` each report gives and revoke the token.', '')
    for (const s of replaceable) lines.push(`- ${markdownCode(s.secret)} (${escapeMarkdown(s.owner)}): ${listed(s.githubTokenWouldDoIn)}`)
    lines.push('')
  }
  if (inv.grants) {
    lines.push('### Fine-grained token grants', '', 'As GitHub lists them to the organization, each beside what the workflows need of the secret of the same name (matched by name: GitHub does not say which secret holds a token).', '')
    if (!inv.grants.length) lines.push('No fine-grained token has access to the organization\'s resources.', '')
    else {
      lines.push('| Organization | Token | Owner | Repositories | Permissions | Expires | Last used | Secret | Needed | Beyond need |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
      for (const g of inv.grants) {
        const granted = Object.entries({ ...g.permissions.repository, ...g.permissions.organization }).filter(([k]) => k !== 'metadata').map(([k, v]) => `${k}: ${v}`).sort().join(', ') || 'none'
        const repos = g.repositories === 'all' ? 'all' : String(g.repositories.length)
        const expires = g.expired ? 'expired' : g.expiresAt ? escapeMarkdown(g.expiresAt.slice(0, 10)) : '**never**'
        const needed = g.needs ? `${g.needs.repositories.length} repositories; ${permissions(g.needs.permissions)}` : '—'
        const beyond = g.excess ? [g.excess.repositories === 'all' ? 'every repository' : g.excess.repositories ? `${g.excess.repositories} repositories` : '', ...g.excess.permissions.map(escapeMarkdown)].filter(Boolean).join('; ') || 'nothing' : '—'
        lines.push(`| ${escapeMarkdown(g.organization)} | ${markdownCode(g.tokenName)} | ${escapeMarkdown(g.owner)} | ${repos} | ${escapeMarkdown(granted)} | ${expires} | ${g.lastUsedAt ? escapeMarkdown(g.lastUsedAt.slice(0, 10)) : 'never'} | ${g.matchedSecret ? markdownCode(g.matchedSecret) : 'none matched'} | ${needed} | ${beyond} |`)
      }
      lines.push('')
    }
  }
  if (inv.failures.length) {
    lines.push('### Not read', '', '| Repository | Source | Reason |', '| --- | --- | --- |')
    for (const f of inv.failures) lines.push(`| ${f.repository ? escapeMarkdown(f.repository) : '—'} | ${markdownCode(f.source)} | ${escapeMarkdown(f.reason)} |`)
    lines.push('')
  }
  for (const n of inv.notices) lines.push(`> ${escapeMarkdown(n)}`, '')
  return lines.join('\n')
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with a quote mark
 * (OWASP's advice on CSV injection).
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : stripControl(String(value)).replace(/\r\n?/g, '\n')
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const CSV_COLUMNS = ['owner', 'secret', 'repository', 'uses', 'declared', 'github_token_would_do', 'needs', 'classic_scopes', 'reaches', 'type', 'expires_in', 'findings'] as const

/** One row per secret and repository. */
export function formatInventoryCsv(inv: Inventory): string {
  const rows: string[] = [CSV_COLUMNS.join(',')]
  for (const s of inv.secrets) {
    for (const r of s.repositories) {
      const findings = Object.entries(r.findings).map(([rule, n]) => `${rule}:${n}`).join(' ')
      const verdict = r.uses === 0 ? '' : r.githubTokenWouldDo === null ? 'undecided' : String(r.githubTokenWouldDo)
      rows.push([s.owner, s.secret, r.repository, r.uses, r.declared, verdict, permissions(r.minimal), r.minimalScopes.join(' '), r.reaches.join(' '), r.type, r.expiresIn, findings].map(csvCell).join(','))
    }
  }
  return rows.join('\n') + '\n'
}

export function formatInventoryJson(inv: Inventory): string {
  return JSON.stringify(inv, null, 2) + '\n'
}
