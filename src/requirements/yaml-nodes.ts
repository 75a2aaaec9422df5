/** Finds the YAML node a validation issue's path names, so that errors point at the key or value written. */
import { isMap, isScalar, YAMLMap, type Document, type Node, type Pair } from 'yaml'

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

export function nodeAt(doc: Document.Parsed, path: PropertyKey[], wantKey: boolean): Node | undefined {
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

