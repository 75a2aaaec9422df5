/**
 * Walks a parsed YAML tree and yields every scalar with its path from the root. Aliases are
 * followed freely where the file's expansion is bounded, and within a per-file budget where it is
 * not, so that a "billion laughs" file costs bounded time; depth
 * is capped so hostile nesting cannot blow the stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml'
import type { LintError } from '../types.js'
import { positionOf, type ParsedFile, MAX_ALIAS_COUNT } from './parse.js'
import { expandedSize } from './alias-expansion.js'

export type PathPart = string | number

export interface ScalarSite {
  path: PathPart[]
  node: Scalar
  /** The scalar's value as YAML gives it, as a string. */
  value: string
  /** Offsets of the scalar's source text (with quotes or block header). */
  start: number
  end: number
}

export const MAX_DEPTH = 64

const NULL_TAG = 'tag:yaml.org,2002:null'
const NULL_PLAIN = /^(?:~|null|Null|NULL|)$/

/**
 * A scalar's text, or undefined for YAML's null (empty, `~`, `null`, or tagged `!!null`).
 * Workflows are parsed with the failsafe schema (see parse.ts), which leaves every scalar a
 * string as written; null is the one core-schema meaning pat-lint keeps: a key with no value.
 */
export function scalarText(n: Scalar): string | undefined {
  if (n.value === null || n.value === undefined) return undefined
  if (n.tag) return n.tag === NULL_TAG ? undefined : String(n.value) // `!!str ~` is text
  if (n.type === 'PLAIN' && typeof n.value === 'string' && NULL_PLAIN.test(n.value)) return undefined
  return String(n.value)
}

export class TreeWalker {
  private aliasesLeft: number
  readonly errors: LintError[] = []
  private warnedAliases = false
  private warnedDepth = false

  constructor(readonly file: ParsedFile) {
    // Anchors are followed freely when what they expand to is bounded; only a file that would
    // expand past the cap (an alias bomb) is held to a count of aliases.
    // A file with no `&` has no anchor, so no alias to expand: most workflows are not walked for it.
    this.aliasesLeft = !file.text.includes('&') || (file.doc && expandedSize(file.doc) !== Infinity) ? Infinity : MAX_ALIAS_COUNT
  }

  /** Follows an alias within the budget; undefined when over it or unresolvable. */
  resolve(node: unknown): Node | undefined {
    if (!isAlias(node)) return (node ?? undefined) as Node | undefined
    if (this.aliasesLeft-- <= 0) {
      if (!this.warnedAliases) {
        this.warnedAliases = true
        const at = node.range ? positionOf(this.file, node.range[0]) : { file: this.file.path, line: 1, column: 1 }
        this.errors.push({ ...at, message: `more than ${MAX_ALIAS_COUNT} YAML aliases to follow (an alias bomb?); the rest are skipped` })
      }
      return undefined
    }
    const target = this.file.doc ? node.resolve(this.file.doc) : undefined
    return (target ?? undefined) as Node | undefined
  }

  /** The value under `key` in a mapping (aliases resolved). */
  get(map: unknown, key: string): Node | undefined {
    const m = this.resolve(map)
    if (!isMap(m)) return undefined
    for (const pair of m.items) {
      const k = this.resolve(pair.key)
      if (isScalar(k) && String(k.value) === key) return this.resolve(pair.value)
    }
    return undefined
  }

  /** The entries of a mapping as [key, keyNode, value]. */
  entries(map: unknown): [string, Scalar, Node | undefined][] {
    const m = this.resolve(map)
    if (!isMap(m)) return []
    const out: [string, Scalar, Node | undefined][] = []
    for (const pair of (m as YAMLMap).items) {
      if (!isPair(pair)) continue
      const k = this.resolve(pair.key)
      if (isScalar(k)) out.push([String(k.value), k, this.resolve(pair.value)])
    }
    return out
  }

  /** The items of a sequence (aliases resolved). */
  items(seq: unknown): (Node | undefined)[] {
    const s = this.resolve(seq)
    if (!isSeq(s)) return []
    return s.items.map((i) => this.resolve(i))
  }

  /** A scalar's value as a string, or undefined for non-scalars. */
  str(node: unknown): string | undefined {
    const n = this.resolve(node)
    return isScalar(n) ? scalarText(n) : undefined
  }

  /**
   * Every scalar below `node` (values only, not keys), depth-first, in document order. With
   * `keep`, only the scalars whose source text passes it become sites: paths are built for those
   * alone, which spares the allocation for the great majority of scalars.
   */
  scalars(node: unknown, path: PathPart[] = [], keep?: (start: number, end: number) => boolean): ScalarSite[] {
    const out: ScalarSite[] = []
    const stack: PathPart[] = [...path]
    const visit = (n: unknown, p: PathPart[]) => {
      if (p.length > MAX_DEPTH) {
        if (!this.warnedDepth) {
          this.warnedDepth = true
          this.errors.push({ file: this.file.path, line: 1, column: 1, message: `nesting deeper than ${MAX_DEPTH} levels is not linted` })
        }
        return
      }
      const r = this.resolve(n)
      if (!r) return
      if (isScalar(r)) {
        const value = r.range && (!keep || keep(r.range[0], r.range[1])) ? scalarText(r) : undefined
        if (value !== undefined) {
          out.push({ path: [...p], node: r, value, start: r.range![0], end: r.range![1] })
        }
      } else if (isMap(r)) {
        for (const pair of r.items) {
          const k = this.resolve(pair.key)
          if (!isScalar(k)) continue
          p.push(String(k.value))
          visit(pair.value, p)
          p.pop()
        }
      } else if (isSeq(r)) {
        for (let i = 0; i < r.items.length; i++) {
          p.push(i)
          visit(r.items[i], p)
          p.pop()
        }
      }
    }
    visit(node, stack)
    return out
  }
}
