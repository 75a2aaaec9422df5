/**
 * `pat-lint init`: writes a starting pat-requirements.yml from what the workflows need: the
 * minimal sets, owners, repositories, a 90-day expiry, a purpose drawn from the uses, and
 * comments for what could not be decided. Never overwrites a file unless asked.
 */
import { SCHEMA_ID } from './requirements/schema-id.js'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Report, TokenReport } from './lint.js'
import { insideRoot } from './workflow/files.js'
import { DEFAULT_REQUIREMENTS_PATHS } from './requirements/load.js'
import { byKey } from './order.js'
import { MAX_REPOSITORIES_PER_TOKEN } from './limits.js'

const SAFE_PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._/:,()-]*$/

function scalar(text: string): string {
  return SAFE_PLAIN.test(text) && !/: |\s#|,$/.test(text) ? text : JSON.stringify(text)
}

function comment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')
}

/** What the token is for, in a sentence, from the calls its uses make. */
function purpose(t: TokenReport): string {
  const targets = t.uses.map((u) => u.target?.replace(/@.*$/, '') ?? u.kind)
  const unique = [...new Set(targets)].slice(0, 4)
  const where = [...new Set(t.uses.map((u) => u.file.replace(/^\.github\/workflows\//, '')))].slice(0, 3)
  return `Used by ${unique.join(', ')} in ${where.join(', ')}`.slice(0, 1024)
}

export function requirementsFromReport(report: Report): string {
  const self = report.repository
  const lines = [
    '# pat-requirements.yml: the personal access tokens this repository needs, written by `pat-lint init`.',
    '# Review every entry: pat-lint computed these from the workflows; comments mark what it could not decide.',
    `# yaml-language-server: $schema=${SCHEMA_ID}`,
    'version: 1',
    'tokens:',
  ]
  const tokens = report.tokens.filter((t) => t.uses.length)
  if (!tokens.length) lines[lines.length - 1] = 'tokens: {}'
  for (const t of tokens) {
    lines.push(`  ${t.secret}:`)
    if (t.githubTokenWouldDo === true) lines.push('    # GITHUB_TOKEN would do for every use: consider deleting this secret instead of declaring it.')
    for (const u of t.uses) {
      if (u.githubTokenWouldDo === null) lines.push(`    # undecided at ${u.file}:${u.line}: ${comment(u.reasons[0] ?? 'unknown')}`)
    }
    const fineGrained = t.fineGrainedPossible
    lines.push(`    type: ${fineGrained ? 'fine-grained' : 'classic'}`)
    const owners = [...new Set(t.repositories.map((r) => r.split('/')[0]))]
    // Where a use is undecided, its target is not known: this repository is no safe guess.
    const placed = t.uses.every((u) => u.githubTokenWouldDo !== null)
    const owner = owners.length === 1 ? owners[0] : placed ? self?.split('/')[0] : undefined
    if (!placed) lines.push('    # owner and repositories: not all known from the workflows (see the undecided uses above): add what the token must reach')
    if (owners.length > 1) lines.push(`    # reaches several owners (${owners.join(', ')}): one fine-grained token serves one owner`)
    if (owner && fineGrained) lines.push(`    owner: ${scalar(owner)}`)
    const repos = new Set(t.repositories)
    if (self && t.ownRepository && placed) repos.add(self)
    if (repos.size) lines.push(`    repositories: [${[...repos].sort().map(scalar).join(', ')}]`)
    if (t.repositoriesNotListed) lines.push(`    # and ${t.repositoriesNotListed} more repositories, not listed (the report lists ${MAX_REPOSITORIES_PER_TOKEN} per token): add them, or consider a GitHub App`)
    lines.push('    expires-in: 90')
    lines.push(`    purpose: ${scalar(purpose(t))}`)
    if (fineGrained) {
      const perms = Object.entries(t.minimal).filter(([k]) => k !== 'metadata').sort(byKey)
      if (perms.length) {
        lines.push('    permissions:')
        for (const [k, v] of perms) lines.push(`      ${k}: ${v}`)
      } else lines.push('    permissions: {}')
    } else {
      lines.push(`    scopes: [${t.minimalScopes.join(', ')}]`)
    }
  }
  return lines.join('\n') + '\n'
}

export interface InitResult {
  path: string
  written: boolean
  message: string
}

/** Writes the file unless one exists (any of the default names) and `force` is off. */
export function writeRequirements(root: string, report: Report, options: { path?: string; force?: boolean } = {}): InitResult {
  const path = options.path ?? DEFAULT_REQUIREMENTS_PATHS[0]
  const abs = insideRoot(root, path)
  if (!abs) return { path, written: false, message: `${path} leads outside the repository; nothing written` }
  const existing = (options.path ? [path] : DEFAULT_REQUIREMENTS_PATHS).find((p) => existsSync(insideRoot(root, p) ?? ''))
  if (existing && !options.force) return { path: existing, written: false, message: `${existing} already exists; pass --force to overwrite it` }
  mkdirSync(dirname(abs), { recursive: true })
  writeFileSync(abs, requirementsFromReport(report))
  return { path, written: true, message: `wrote ${path} with ${report.tokens.filter((t) => t.uses.length).length} token(s): review it, then commit it` }
}
