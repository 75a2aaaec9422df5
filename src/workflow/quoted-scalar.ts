/**
 * Where each character of a quoted YAML scalar's value comes from in its source text. GitHub
 * evaluates the decoded value: `"\x24{{ secrets.X }}"` and `'${{ secrets[''X''] }}'` hold
 * references the raw text does not show as such. Decoding here, offset by offset, lets a
 * reference found in the value be reported at its place in the file (YAML 1.2, §7.3.1-7.3.2).
 */

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
}
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 }

/**
 * The decoded text of a quoted scalar's source (quotes included) and, per decoded UTF-16 unit,
 * the offset in the source it came from; null when the source is not a quoted scalar this reads.
 */
export function decodeQuoted(raw: string): { text: string; from: number[] } | null {
  const quote = raw[0]
  if ((quote !== '"' && quote !== "'") || raw.length < 2 || raw[raw.length - 1] !== quote) return null
  let text = ''
  const from: number[] = []
  const put = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) from.push(at)
    text += s
  }
  const end = raw.length - 1
  let i = 1
  while (i < end) {
    const ch = raw[i]
    if (quote === "'" && ch === "'" && raw[i + 1] === "'") {
      put("'", i)
      i += 2
    } else if (quote === '"' && ch === '\\') {
      const next = raw[i + 1]
      if (next === '\n' || next === '\r') {
        // An escaped line break joins the lines: the break and the next line's indentation go.
        i += next === '\r' && raw[i + 2] === '\n' ? 3 : 2
        while (i < end && (raw[i] === ' ' || raw[i] === '\t')) i++
      } else if (next in HEX_LENGTH) {
        const hex = raw.slice(i + 2, i + 2 + HEX_LENGTH[next])
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_LENGTH[next]) return null
        put(String.fromCodePoint(parseInt(hex, 16)), i)
        i += 2 + hex.length
      } else if (next in ESCAPES) {
        put(ESCAPES[next], i)
        i += 2
      } else return null
    } else if (ch === '\n' || ch === '\r') {
      // Line folding: trailing spaces before the break and the next line's indentation go; one
      // break becomes a space, each further empty line a newline.
      while (text.endsWith(' ') || text.endsWith('\t')) {
        text = text.slice(0, -1)
        from.pop()
      }
      let breaks = 0
      while (i < end && (raw[i] === '\n' || raw[i] === '\r' || raw[i] === ' ' || raw[i] === '\t')) {
        if (raw[i] === '\n') breaks++
        i++
      }
      put(breaks > 1 ? '\n'.repeat(breaks - 1) : ' ', i)
    } else {
      put(ch, i)
      i++
    }
  }
  return { text, from }
}
