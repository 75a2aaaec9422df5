/**
 * One file's share of a run: read it, parse it, model it and find its token flows. Files are
 * independent at this stage; what comes out is plain data (no YAML tree is kept).
 */
import type { LintError } from '../types.js'
import { readCandidate, type Candidate } from './files.js'
import { findSecretUses, type EnvReader, type SecretUse } from './flows.js'
import { buildModel, structuralErrors, unknownKeys, type WorkflowInfo } from './model.js'
import { parseSource } from './parse.js'
import { TreeWalker } from './tree.js'

export interface IngestedFile {
  path: string
  /** The file's text, or null when it could not be read (the reason is in errors). */
  text: string | null
  /** Null when the file did not parse to a mapping, or is a JavaScript or Docker action. */
  model: WorkflowInfo | null
  uses: SecretUse[]
  errors: LintError[]
  /** What pat-lint passed over without failing (keys it does not know). */
  notes: LintError[]
}

/** Ingests one file. Never throws: a bug of ours costs this file, not the run. */
export function ingestFile(root: string, candidate: Candidate, readsEnv: EnvReader): IngestedFile {
  const source = readCandidate(root, candidate)
  if (!('text' in source)) return { path: candidate.path, text: null, model: null, uses: [], errors: [source], notes: [] }
  const out: IngestedFile = { path: source.path, text: source.text, model: null, uses: [], errors: [], notes: [] }
  try {
    const { file, errors: parseErrors } = parseSource(source)
    for (const e of parseErrors) out.errors.push(e) // one at a time: push(...) of 100,000 overflows the stack
    if (!file.root) return out
    // The YAML tree lives only as long as this call: models and flows keep what later steps need.
    const walker = new TreeWalker(file)
    const model = buildModel(walker)
    // A root action.yml of a JavaScript or Docker action has no steps to lint.
    if (model.kind === 'action' && model.using !== 'composite') return out
    const flows = findSecretUses(walker, model, readsEnv)
    const structural = structuralErrors(walker, model)
    // Set only once nothing can throw: a failed file keeps no half-built model.
    out.model = model
    out.uses = flows.uses
    for (const e of structural) out.errors.push({ file: file.path, ...e })
    // A file GitHub rejects outright gets its errors, not notes about its keys.
    if (!structural.length) for (const n of unknownKeys(walker, model)) out.notes.push({ file: file.path, ...n })
    for (const e of [...walker.errors, ...flows.errors]) out.errors.push(e)
  } catch (e) {
    out.errors.push({ file: candidate.path, line: 1, column: 1, message: `pat-lint failed on this file (${(e as Error).message}); please report it` })
  }
  return out
}
