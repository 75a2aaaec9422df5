/**
 * Duplicate mapping keys, found in one pass. yaml's own check (its `uniqueKeys` option) compares
 * each key with every earlier key of its mapping, so one hostile mapping of 100,000 keys (1 MiB)
 * would parse for minutes; this finds the same duplicates with a set per mapping.
 */
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml'

/**
 * Offsets of the keys that repeat an earlier key of the same mapping, in order. The rule is
 * yaml's: two scalar keys are the same when their values are (`===`, so never NaN).
 */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const offsets: number[] = []
  // A stack, not recursion: nesting as deep as yaml could parse must not overflow here.
  const stack: unknown[] = [doc.contents]
  while (stack.length) {
    const node = stack.pop()
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        const key = pair.key
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) offsets.push(key.range?.[0] ?? 0)
          else seen.add(key.value)
        }
        stack.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item)
    } else if (isPair(node)) {
      stack.push(node.key, node.value)
    }
  }
  return offsets.sort((a, b) => a - b)
}
