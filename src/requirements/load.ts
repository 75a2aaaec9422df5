/**
 * Finds, reads and validates pat-requirements.yml. Every problem becomes a LintError at the
 * line and column of the offending key or value, with a "did you mean" where a name is misspelt;
 * valid tokens are kept even when a sibling is wrong, so one typo does not hide the rest.
 */
import { expandedSize, MAX_EXPANDED_NODES } from '../workflow/alias-expansion.js'
import type { LintError } from '../types.js'
import { insideRoot, readCandidate } from '../workflow/files.js'
import { parseSource, type ParsedFile } from '../workflow/parse.js'
// Types only: zod and the schema load when a file is validated (loadValidator), not at start.
import type { IgnoreEntry, TokenRequest } from './schema.js'
import type { KnownAction } from '../knowledge/actions.js'
import { existsSync, lstatSync } from 'node:fs'

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

/** Checks parsed requirements against the schema (validate.ts); loaded with loadValidator(). */
export type Validate = (file: ParsedFile, data: unknown) => LoadedRequirements

/**
 * The schema check, loaded on demand: zod and the schema cost about 25 ms at start on Node 20,
 * and most repositories linted for the first time have no requirements file.
 */
export async function loadValidator(): Promise<Validate> {
  return (await import('./validate.js')).validate
}

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

/** Reads and validates the requirements file (if any) under `root`. */
export function loadRequirements(root: string, override: string | undefined, validate: Validate): LoadedRequirements {
  const found = findRequirements(root, override)
  const empty: LoadedRequirements = { path: found.path, tokens: [], ignore: [], actions: [], errors: [] }
  if (found.error) return { ...empty, path: override ?? null, errors: [{ file: override ?? '', line: 1, column: 1, message: found.error }] }
  if (!found.path) return empty
  if (override && !existsSync(insideRoot(root, found.path)!)) {
    return { ...empty, errors: [{ file: found.path, line: 1, column: 1, message: `requirements file ${found.path} does not exist (it is looked for in the directory linted)` }] }
  }
  const source = readCandidate(root, { path: found.path, kind: 'requirements' })
  if (!('text' in source)) return { ...empty, errors: [source] }
  return parseRequirements(source.path, source.text, validate)
}

/** Parses and validates requirements text (from the work tree, git or the contents API). */
export function parseRequirements(path: string, text: string, validate: Validate): LoadedRequirements {
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

