/**
 * Finds `${{ … }}` expressions in raw YAML scalar text and the context references inside them.
 *
 * Hand-written rather than @actions/expressions: we need offsets into the *source* text (so a
 * reference inside a multi-line `run: |` block gets its exact line and column), tolerance of
 * expressions that never close, and only one thing from the grammar: member access on contexts.
 * The lexer below follows GitHub's expression syntax for what matters here: single-quoted strings
 * with '' escapes, identifiers with dashes, `.name`, `['name']` and `[*]` access.
 */

export interface Expression {
  /** Offset of `${{` in the scanned text. */
  start: number
  /** Offset just past `}}`, or the text's length when the expression never closes. */
  end: number
  /** The text between the braces. */
  body: string
  /** Offset of `body` in the scanned text. */
  bodyStart: number
  closed: boolean
}

/** A reference to a context member, e.g. `secrets.X`, `secrets['X']`, `env.X`, `github.token`. */
export interface ContextRef {
  context: string
  /** The member name, or null when the whole context is used (`toJSON(secrets)`, `secrets[expr]`). */
  name: string | null
  /** Offset of the context identifier in the scanned text. */
  offset: number
  /** The expression this reference belongs to. */
  expression: Expression
  /** `secrets[matrix.KEY]`: the member is the matrix value of KEY (set only where name is null). */
  byMatrix?: string
}

/** Scans `text` for `${{ … }}` expressions, honouring quoted strings inside them. */
export function findExpressions(text: string): Expression[] {
  const out: Expression[] = []
  let i = 0
  while (i < text.length) {
    const start = text.indexOf('${{', i)
    if (start < 0) break
    const bodyStart = start + 3
    let j = bodyStart
    let closed = false
    while (j < text.length) {
      const ch = text[j]
      if (ch === "'") {
        // GitHub strings are single-quoted; '' is an escaped quote.
        j++
        while (j < text.length) {
          if (text[j] === "'") {
            if (text[j + 1] === "'") j += 2
            else break
          } else j++
        }
        j++
        continue
      }
      if (ch === '}' && text[j + 1] === '}') {
        closed = true
        break
      }
      j++
    }
    const bodyEnd = Math.min(j, text.length)
    const end = closed ? j + 2 : text.length
    out.push({ start, end, body: text.slice(bodyStart, bodyEnd), bodyStart, closed })
    i = end
  }
  return out
}

type Token =
  | { kind: 'ident'; value: string; offset: number }
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'punct'; value: string; offset: number }
  | { kind: 'other'; value: string; offset: number }

function tokenize(body: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < body.length) {
    const ch = body[i]
    if (/\s/.test(ch)) {
      i++
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(body.slice(i))!
      tokens.push({ kind: 'ident', value: m[0], offset: i })
      i += m[0].length
    } else if (ch === "'") {
      let j = i + 1
      let value = ''
      while (j < body.length) {
        if (body[j] === "'") {
          if (body[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        value += body[j++]
      }
      tokens.push({ kind: 'string', value, offset: i })
      i = j + 1
    } else if ('.[]()*,!'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch, offset: i })
      i++
    } else {
      const m = /^[0-9][0-9A-Za-z_.]*/.exec(body.slice(i))
      const value = m ? m[0] : ch
      tokens.push({ kind: 'other', value, offset: i })
      i += value.length
    }
  }
  return tokens
}

const CONTEXTS = new Set(['secrets', 'env', 'github', 'inputs', 'vars', 'steps', 'needs', 'matrix', 'job', 'runner', 'strategy'])

/**
 * Lists the context references inside one expression. A context name directly followed by `.name`
 * or `['name']` gives that member; any other use of the context (`toJSON(secrets)`,
 * `secrets[format(…)]`) gives `name: null`. Identifiers after a `.` are members, not contexts.
 */
export function contextRefs(expression: Expression): ContextRef[] {
  const tokens = tokenize(expression.body)
  const refs: ContextRef[] = []
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    if (t.kind !== 'ident') continue
    const prev = tokens[k - 1]
    if (prev && prev.kind === 'punct' && prev.value === '.') continue
    const next = tokens[k + 1]
    if (next && next.kind === 'punct' && next.value === '(') continue // a function call
    const context = t.value.toLowerCase()
    if (!CONTEXTS.has(context)) continue
    let name: string | null = null
    if (next?.kind === 'punct' && next.value === '.' && tokens[k + 2]?.kind === 'ident') {
      name = tokens[k + 2].value
    } else if (
      next?.kind === 'punct' && next.value === '[' &&
      tokens[k + 2]?.kind === 'string' &&
      tokens[k + 3]?.kind === 'punct' && tokens[k + 3].value === ']'
    ) {
      name = tokens[k + 2].value
    }
    // `secrets[matrix.key]`: one of the names the job's matrix lists for the key.
    const byMatrix =
      name === null && next?.kind === 'punct' && next.value === '[' &&
      tokens[k + 2]?.kind === 'ident' && tokens[k + 2].value.toLowerCase() === 'matrix' &&
      tokens[k + 3]?.kind === 'punct' && tokens[k + 3].value === '.' &&
      tokens[k + 4]?.kind === 'ident' &&
      tokens[k + 5]?.kind === 'punct' && tokens[k + 5].value === ']'
        ? tokens[k + 4].value
        : undefined
    refs.push({ context, name, offset: expression.bodyStart + t.offset, expression, ...(byMatrix ? { byMatrix } : {}) })
  }
  return refs
}

/** True when the expression falls back to the built-in token: `secrets.X || github.token`. */
export function fallsBackToGithubToken(expression: Expression): boolean {
  return /\|\|/.test(expression.body) &&
    contextRefs(expression).some((r) =>
      (r.context === 'github' && r.name?.toLowerCase() === 'token') ||
      (r.context === 'secrets' && r.name?.toUpperCase() === 'GITHUB_TOKEN'))
}
