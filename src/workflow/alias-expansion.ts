/**
 * How large a YAML document is with its aliases expanded, counted without expanding them: each
 * node's size is worked out once and an alias costs its target's size, so a "billion laughs"
 * file is measured in time linear in its text. Anchors are ordinary YAML (GitHub accepts them in
 * workflows); what must be bounded is what they expand to, not how many there are.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml'

/** Nodes an expanded file may hold: far beyond a real workflow or requirements file (1 MiB of YAML is about 200,000 nodes). */
export const MAX_EXPANDED_NODES = 1_000_000

/** The node count with aliases expanded, or Infinity once it passes `cap`. */
export function expandedSize(doc: Document, cap = MAX_EXPANDED_NODES): number {
  const sizes = new Map<unknown, number>()
  // Iterative post-order: hostile nesting must not overflow the stack.
  const stack: { node: unknown; done: boolean }[] = [{ node: doc.contents, done: false }]
  const onPath = new Set<unknown>()
  while (stack.length) {
    const top = stack[stack.length - 1]
    const node = top.node
    if (sizes.has(node)) {
      stack.pop()
      continue
    }
    const children = childrenOf(node, doc)
    if (!top.done) {
      top.done = true
      if (onPath.has(node)) return Infinity // an alias inside its own anchor expands forever
      onPath.add(node)
      for (const c of children) if (!sizes.has(c)) stack.push({ node: c, done: false })
      continue
    }
    stack.pop()
    onPath.delete(node)
    let size = 1
    for (const c of children) size += sizes.get(c) ?? 0
    if (size > cap) return Infinity
    sizes.set(node, size)
  }
  return sizes.get(doc.contents) ?? 0
}

function childrenOf(node: unknown, doc: Document): unknown[] {
  if (isAlias(node)) {
    const target = node.resolve(doc)
    return target ? [target] : []
  }
  if (isMap(node) || isSeq(node)) {
    const out: unknown[] = []
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (item.key) out.push(item.key)
        if (item.value) out.push(item.value)
      } else if (item) out.push(item)
    }
    return out
  }
  if (isScalar(node)) return []
  return [] as Node[]
}
