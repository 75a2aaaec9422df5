/**
 * Parses workflow and action files with `yaml`, keeping node ranges so that every value can be
 * traced back to a line and column. Parse problems become LintErrors with positions; the tree
 * that `yaml` recovers is still returned so what can be linted is linted.
 */
import { isMap, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml'
import type { LintError, Position } from '../types.js'
import type { FileKind, SourceText } from './files.js'
import { duplicateKeyOffsets } from './unique-keys.js'
import { firstOf, MAX_ERRORS_PER_FILE } from '../limits.js'

export interface ParsedFile {
  path: string
  kind: FileKind
  text: string
  doc: Document.Parsed | null
  root: YAMLMap | null
  lines: LineCounter
}

/** Position of an offset in a parsed file. */
export function positionOf(file: { path: string; lines: LineCounter }, offset: number): Position {
  const { line, col } = file.lines.linePos(offset)
  return { file: file.path, line, column: col }
}

/** yaml's message, where it speaks to the library's user rather than to the file's author. */
function userMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a `---` line after content): a workflow or requirements file is one document'
  return message
}

/** How many aliases one file may dereference: enough for real anchors, far below a "billion laughs". */
export const MAX_ALIAS_COUNT = 100

/**
 * Runs `parse` with V8 capturing no stack traces: `yaml` makes an Error for each problem, and pat-lint
 * reads only its message and position. A file of 500,000 broken lines made as many errors, and
 * capturing their stacks took most of 15 s.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const saved = Error.stackTraceLimit
  try {
    Error.stackTraceLimit = 0
  } catch {
    return parse() // a realm that froze Error: parse with stacks
  }
  try {
    return parse()
  } finally {
    Error.stackTraceLimit = saved
  }
}

export function parseSource(source: SourceText): { file: ParsedFile; errors: LintError[] } {
  const lines = new LineCounter()
  const file: ParsedFile = { path: source.path, kind: source.kind, text: source.text, doc: null, root: null, lines }
  const errors: LintError[] = []
  try {
    // pat-lint reads every workflow value as text, so the failsafe schema spares matching each
    // plain scalar against the core schema's null/bool/int/float patterns (1,332 -> 1,313 ms,
    // medians of 21, for 2,000 workflows); tree.ts keeps null's meaning. The requirements file
    // has numbers and booleans, so it keeps the core schema.
    const schema = source.kind === 'requirements' ? 'core' : 'failsafe'
    // logLevel 'error': yaml would print its warnings (e.g. on collection keys) to stderr
    // through process.emitWarning; pat-lint reports what matters itself, with a position.
    // Duplicate keys are found by duplicateKeyOffsets: yaml's own check is quadratic in a
    // mapping's size.
    // Merge keys (`<<: *defaults`) are the usual way to share a token's fields in the
    // requirements file; workflows are read as GitHub reads them, which has no merge keys.
    const merge = source.kind === 'requirements'
    const doc = withoutStackTraces(() => parseDocument(source.text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, schema, logLevel: 'error', merge }))
    file.doc = doc
    const problems = [
      ...doc.errors.map((e) => ({ offset: e.pos[0], message: userMessage(e.code, e.message.split('\n')[0]) })),
      ...duplicateKeyOffsets(doc).map((offset) => ({ offset, message: 'Map keys must be unique' })),
    ].sort((a, b) => a.offset - b.offset)
    const { shown, more } = firstOf(problems, MAX_ERRORS_PER_FILE)
    for (const p of shown) errors.push({ ...positionOf(file, p.offset), message: `YAML: ${p.message}` })
    if (more) errors.push({ ...positionOf(file, problems[MAX_ERRORS_PER_FILE].offset), message: `YAML: ${more} more problems in this file from here on, not listed` })
    if (doc.contents === null || doc.contents === undefined) {
      errors.push({ file: source.path, line: 1, column: 1, message: 'file is empty (or holds only comments): nothing to lint' })
    } else if (!isMap(doc.contents)) {
      const at = doc.contents.range ? positionOf(file, doc.contents.range[0]) : { file: source.path, line: 1, column: 1 }
      errors.push({ ...at, message: `top level is not a mapping, so this is not a ${source.kind === 'workflow' ? 'workflow' : 'action'} file` })
    } else {
      file.root = doc.contents
    }
  } catch (e) {
    // yaml recurses per nesting level: pathological nesting overflows the stack.
    const reason = e instanceof RangeError ? 'nesting is too deep to parse' : `cannot be parsed (${(e as Error).message})`
    errors.push({ file: source.path, line: 1, column: 1, message: reason })
    file.doc = null
    file.root = null
  }
  return { file, errors }
}
