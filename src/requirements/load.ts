/**
 * Finds, reads and validates pat-requirements.yml. Every problem becomes a LintError at the
 * line and column of the offending key or value, with a "did you mean" where a name is misspelt;
 * valid tokens are kept even when a sibling is wrong, so one typo does not hide the rest.
 */
import { expandedSize, MAX_EXPANDED_NODES } from '../workflow/alias-expansion.js'
import { isMap, isScalar, YAMLMap, type Document, type Node, type Pair } from 'yaml'
import type * as z from 'zod/mini'
import type { LintError } from '../types.js'
import { insideRoot, readCandidate } from '../workflow/files.js'
import { parseSource, positionOf, type ParsedFile } from '../workflow/parse.js'
import { PERMISSION_NAMES, SCOPE_NAMES, FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'
import { RequirementsSchema, SecretNameSchema, TokenSchema, type ActionKnowledgeEntry, type IgnoreEntry, type TokenRequest } from './schema.js'
import type { KnownAction } from '../knowledge/actions.js'
import { suggest } from './suggest.js'
import { existsSync, lstatSync } from 'node:fs'
import { plain } from '../knowledge/reasons.js'

export const DEFAULT_REQUIREMENTS_PATHS = ['.github/pat-requirements.yml', '.github/pat-requirements.yaml', 'pat-requirements.yml', 'pat-requirements.yaml']

export interface DeclaredToken extends TokenRequest {
  secret: string
  /** Where the token's key is written. */
  line: number
  column: number
  /** Where each field's value is written: `expires-in`, `type`, `permissions.contents`, `scopes.0`, … */
  fieldPositions: Record<string, { line: number; column: number }>
  /** Where each field's key is written (`permissions`, `permissions.contents`, …). */
  keyPositions: Record<string, { line: number; column: number }>
}

export interface LoadedRequirements {
  /** The file read, relative to the root; null when there is none. */
  path: string | null
  tokens: DeclaredToken[]
  ignore: IgnoreEntry[]
  maxExpiryDays?: number
  /** What the file says about actions pat-lint does not know. */
  actions: KnownAction[]
  errors: LintError[]
}

const FIELD_NAMES = Object.keys(TokenSchema.def.shape ?? {})

/** Locates the requirements file: the given path (which must stay inside the root), else the defaults. */
export function findRequirements(root: string, override?: string): { path: string | null; error?: string } {
  if (override) {
    if (!insideRoot(root, override)) return { path: null, error: `requirements path ${override} leads outside the repository; not read` }
    return { path: override.replace(/\\/g, '/').replace(/^\.\//, '') }
  }
  for (const p of DEFAULT_REQUIREMENTS_PATHS) {
    try {
      lstatSync(`${root}/${p}`)
      return { path: p }
    } catch {
      /* try the next */
    }
  }
  return { path: null }
}

/**
 * The key a pair gets in `toJS` output, which is what validation issues name: a scalar's value
 * (null as ''), a collection written out as yaml itself does (`[a]` becomes "[ a ]").
 */
function jsKeyOf(doc: Document.Parsed, pair: Pair): string {
  if (isScalar(pair.key)) return pair.key.value === null || pair.key.value === undefined ? '' : String(pair.key.value)
  const alone = new YAMLMap(doc.schema)
  alone.items = [pair]
  return Object.keys((alone.toJS(doc) as Record<string, unknown> | undefined) ?? {})[0] ?? ''
}

/** Each map's pairs by key, built on first use: every token's fields are looked up from the root, and a file may hold thousands of tokens. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>()

function pairByKey(doc: Document.Parsed, map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndexes.get(map)
  if (!index) {
    index = new Map()
    // The first of duplicate keys (an error of its own) is the one pointed at.
    for (const pair of map.items) {
      const k = jsKeyOf(doc, pair as Pair)
      if (!index.has(k)) index.set(k, pair as Pair)
    }
    pairIndexes.set(map, index)
  }
  return index.get(key)
}

function nodeAt(doc: Document.Parsed, path: PropertyKey[], wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents
  let keyNode: unknown
  for (const part of path) {
    if (!isMap(node)) {
      if (node && typeof node === 'object' && 'items' in node && typeof part === 'number') {
        node = (node as { items: unknown[] }).items[part]
        keyNode = undefined
        continue
      }
      break
    }
    const pair = pairByKey(doc, node, String(part))
    if (!pair) break
    keyNode = pair.key
    node = pair.value
  }
  return ((wantKey ? keyNode : node) ?? keyNode ?? node) as Node | undefined
}

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

/** Reads and validates the requirements file (if any) under `root`. */
export function loadRequirements(root: string, override?: string): LoadedRequirements {
  const found = findRequirements(root, override)
  const empty: LoadedRequirements = { path: found.path, tokens: [], ignore: [], actions: [], errors: [] }
  if (found.error) return { ...empty, path: override ?? null, errors: [{ file: override ?? '', line: 1, column: 1, message: found.error }] }
  if (!found.path) return empty
  if (override && !existsSync(insideRoot(root, found.path)!)) {
    return { ...empty, errors: [{ file: found.path, line: 1, column: 1, message: `requirements file ${found.path} does not exist (it is looked for in the directory linted)` }] }
  }
  const source = readCandidate(root, { path: found.path, kind: 'requirements' })
  if (!('text' in source)) return { ...empty, errors: [source] }
  return parseRequirements(source.path, source.text)
}

/** Parses and validates requirements text (from the work tree, git or the contents API). */
export function parseRequirements(path: string, text: string): LoadedRequirements {
  const empty: LoadedRequirements = { path, tokens: [], ignore: [], actions: [], errors: [] }
  const { file, errors } = parseSource({ path, kind: 'requirements', text })
  if (!file.root || !file.doc) return { ...empty, errors }
  let data: unknown
  // Anchors and merge keys are ordinary YAML: what is bounded is the size they expand to.
  if (file.text.includes('&') && expandedSize(file.doc) === Infinity) {
    return { ...empty, errors: [...errors, { file: file.path, line: 1, column: 1, message: `its aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} nodes (an alias bomb?); not read` }] }
  }
  try {
    data = file.doc.toJS({ maxAliasCount: -1 })
  } catch (e) {
    return { ...empty, errors: [...errors, { file: file.path, line: 1, column: 1, message: `cannot be read: ${(e as Error).message}` }] }
  }
  const result = validate(file, data)
  return { ...result, errors: [...errors, ...result.errors] }
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
