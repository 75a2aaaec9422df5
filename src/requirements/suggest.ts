/** "Did you mean" suggestions for misspelt permission, scope and field names. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = tmp
    }
  }
  return prev[b.length]
}

const normalise = (s: string) => s.toLowerCase().replace(/[-\s]/g, '_')

/** The closest known name, when it is close enough to be a likely typo. */
export function suggest(input: string, known: readonly string[]): string | undefined {
  const n = normalise(input)
  const exact = known.find((k) => normalise(k) === n)
  if (exact) return exact
  let best: string | undefined
  let bestScore = Infinity
  for (const k of known) {
    const d = distance(n, normalise(k))
    if (d < bestScore) {
      bestScore = d
      best = k
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(n.length / 4)) ? best : undefined
}
