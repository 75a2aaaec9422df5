/**
 * The schema check of pat-requirements.yml: zod's issues become LintErrors at the key or value
 * they name, with a "did you mean" where a name is misspelt; each invalid token is dropped on its
 * own. Loaded on demand (load.ts, loadValidator): this module is where zod enters.
 */
import type * as z from 'zod/mini'
import type { LintError } from '../types.js'
import { positionOf, type ParsedFile } from '../workflow/parse.js'
import { PERMISSION_NAMES, SCOPE_NAMES, FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'
import { RequirementsSchema, SecretNameSchema, TokenSchema, type ActionKnowledgeEntry } from './schema.js'
import type { KnownAction } from '../knowledge/actions.js'
import { plain } from '../knowledge/reasons.js'
import { suggest } from './suggest.js'
import { nodeAt } from './yaml-nodes.js'
import type { DeclaredToken, LoadedRequirements } from './load.js'

const FIELD_NAMES = Object.keys(TokenSchema.def.shape ?? {})

/** A value as YAML would write it: JSON has no infinity or NaN and would say null. */
function asWritten(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'
  const json = JSON.stringify(value)
  return json === undefined ? String(value) : json
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  const last = String(issue.path[issue.path.length - 1] ?? '')
  if (value === undefined && issue.path.length && issue.code !== 'unrecognized_keys') return `\`${last}\` is required`
  const parent = String(issue.path[issue.path.length - 2] ?? '')
  const got = value === undefined ? '' : ` (found ${asWritten(value)})`
  if (issue.code === 'unrecognized_keys') {
    const where = parent === 'permissions' || last === 'permissions' ? 'permissions' : 'fields'
    return issue.keys
      .map((k) => {
        const known = last === 'permissions' ? PERMISSION_NAMES : issue.path.length === 0 ? ['version', 'tokens', 'ignore', 'max-expiry-days'] : FIELD_NAMES
        const hint = suggest(k, known)
        return `unknown ${where === 'permissions' ? 'permission' : 'field'} \`${k}\`${hint ? `; did you mean \`${hint}\`?` : ''}`
      })
      .join('; ')
  }
  if (parent === 'permissions' && issue.code === 'invalid_value') {
    const levels = FINE_GRAINED_PERMISSIONS[last]?.levels ?? []
    return `${last} can be ${levels.join(' or ')}${got}`
  }
  if (parent === 'scopes' || (last === 'scopes' && issue.code === 'invalid_value')) {
    const hint = typeof value === 'string' ? suggest(value, SCOPE_NAMES) : undefined
    return `unknown classic scope${got}${hint ? `; did you mean \`${hint}\`?` : ''}`
  }
  if (last === 'expires-in') return `expires-in is a number of days from 1 to 366, or none${got}`
  if (issue.code === 'invalid_key') {
    const inner = (issue as { issues?: { message: string }[] }).issues?.[0]?.message ?? issue.message
    return last === '' ? `empty secret name: ${inner}` : `secret name \`${last}\`: ${inner}`
  }
  // zod's own wording names no field; our custom messages are whole sentences already.
  if (!/^(Invalid|Too |Expected|Unrecognized)/.test(issue.message)) return `${issue.message}${issue.code === 'custom' ? '' : got}`
  return `${last ? `\`${last}\`: ` : ''}${issue.message}${got}`
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v: unknown = data
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined
  return v
}

/** Validates parsed data; each invalid token is dropped on its own, the valid ones are kept. */
export function validate(file: ParsedFile, data: unknown): LoadedRequirements {
  const doc = file.doc!
  const errors: LintError[] = []
  const report = (issue: z.core.$ZodIssue, base: PropertyKey[] = []) => {
    const path = [...base, ...issue.path]
    const wantKey = issue.code === 'unrecognized_keys' || issue.code === 'invalid_key' || issue.code === 'custom'
    let node = nodeAt(doc, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path, wantKey)
    if (!node?.range) node = doc.contents ?? undefined
    const at = node?.range ? positionOf(file, node.range[0]) : { file: file.path, line: 1, column: 1 }
    errors.push({ ...at, message: describe({ ...issue, path } as z.core.$ZodIssue, valueAt(data, path)) })
  }
  // Validate the top level without the tokens, then each token alone, so one bad token costs only itself.
  const top = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
  const rawTokens = top.tokens
  const shell = RequirementsSchema.safeParse({ ...top, tokens: {} })
  if (!shell.success) for (const issue of shell.error.issues) report(issue)
  const tokens: DeclaredToken[] = []
  if (rawTokens !== undefined && rawTokens !== null && (typeof rawTokens !== 'object' || Array.isArray(rawTokens))) {
    report({ code: 'custom', path: ['tokens'], message: 'tokens is a mapping of secret name to token', input: rawTokens } as z.core.$ZodIssue)
  } else if (rawTokens) {
    for (const [secret, value] of Object.entries(rawTokens as Record<string, unknown>)) {
      const nameCheck = SecretNameSchema.safeParse(secret)
      if (!nameCheck.success) {
        report({ code: 'invalid_key', path: [secret], issues: nameCheck.error.issues, message: 'invalid key' } as unknown as z.core.$ZodIssue, ['tokens'])
        continue
      }
      const parsed = TokenSchema.safeParse(value)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) report(issue, ['tokens', secret])
        continue
      }
      const keyNode = nodeAt(doc, ['tokens', secret], true)
      const at = keyNode?.range ? positionOf(file, keyNode.range[0]) : { line: 1, column: 1 }
      const fieldPositions: DeclaredToken['fieldPositions'] = {}
      const keyPositions: DeclaredToken['keyPositions'] = {}
      const mark = (name: string, path: PropertyKey[]) => {
        for (const [want, into] of [[false, fieldPositions], [true, keyPositions]] as const) {
          const n = nodeAt(doc, ['tokens', secret, ...path], want)
          if (n?.range) {
            const p = positionOf(file, n.range[0])
            into[name] = { line: p.line, column: p.column }
          }
        }
      }
      for (const field of Object.keys(parsed.data)) mark(field, [field])
      for (const perm of Object.keys(parsed.data.permissions ?? {})) mark(`permissions.${perm}`, ['permissions', perm])
      ;(parsed.data.scopes ?? []).forEach((_, i) => mark(`scopes.${i}`, ['scopes', i]))
      tokens.push({ ...parsed.data, secret: secret.toUpperCase(), line: at.line, column: at.column, fieldPositions, keyPositions })
    }
  }
  return {
    path: file.path,
    tokens,
    ignore: shell.success ? (shell.data.ignore ?? []) : [],
    maxExpiryDays: shell.success ? shell.data['max-expiry-days'] : undefined,
    actions: shell.success ? Object.entries(shell.data.actions ?? {}).map(([uses, a]) => toKnownAction(uses, a, file.path)) : [],
    errors,
  }
}

/** Turns a repository's description of an action into the shape of the built-in knowledge. */
function toKnownAction(uses: string, a: ActionKnowledgeEntry, file: string): KnownAction {
  const permissions = (a.permissions ?? {}) as Record<string, string>
  const githubKeys: Record<string, string> = {}
  for (const [k, v] of Object.entries(permissions)) githubKeys[k.replace(/_/g, '-')] = v
  return {
    uses,
    tokenInputs: (a['token-inputs'] ?? []).map((name) => ({ name, defaultsToGithubToken: false })),
    tokenEnv: a['token-env'] ?? [],
    takesGithubToken: true,
    githubToken: a['github-token'] === false ? null : githubKeys,
    fineGrained: permissions,
    classicScopes: null,
    conditional: [],
    patNeededWhen: a.reason ? [plain(a.reason)] : [],
    source: `declared in ${file}`,
    ...(a.events ? { events: a.events } : {}),
    ...(a['repository-input'] ? { repositoryInput: a['repository-input'] } : {}),
  }
}
