/**
 * The events a job's `if:` limits it to: `github.event_name == 'push'`, alone, joined by `||`, or
 * one of the conditions joined by `&&`. A job so limited runs on no other trigger of its workflow.
 */

const MAX_CONDITION = 2000
const EVENT_TEST = /^github\.event_name\s*==\s*'([\w-]+)'$|^'([\w-]+)'\s*==\s*github\.event_name$/
const LABEL_TEST = /^github\.event\.label\.name\s*==\s*'([^']*)'$|^'([^']*)'\s*==\s*github\.event\.label\.name$/

/** Splits at `sep` where it stands outside parentheses and quotes. */
function splitTop(text: string, sep: '&&' | '||'): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "'") quoted = !quoted
    else if (quoted) continue
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i))
      start = i + sep.length
      i += sep.length - 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim())
}

/** `(a)` -> `a`, when the parentheses enclose the whole text. */
function unwrap(text: string): string {
  let t = text.trim()
  while (t.startsWith('(') && t.endsWith(')') && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim()
  return t
}

function balanced(text: string): boolean {
  let depth = 0
  for (const c of text) {
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}

/** The values a condition's conjuncts limit `test`'s subject to (`a == 'x' || a == 'y'`, and'ed), or null. */
function valuesOfCondition(condition: string | undefined, test: RegExp, fold: (v: string) => string): string[] | null {
  // Unwrapping is quadratic in nesting: a condition longer than any written by hand limits nothing.
  if (!condition || condition.length > MAX_CONDITION) return null
  const body = unwrap(condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1'))
  let values: string[] | null = null
  for (const conjunct of splitTop(body, '&&')) {
    const names = splitTop(unwrap(conjunct), '||').map((d) => test.exec(unwrap(d)))
    if (!names.every((m) => m)) continue
    const set = names.map((m) => fold(m![1] ?? m![2]))
    values = values ? values.filter((e) => set.includes(e)) : set
  }
  return values
}

/** The event names a condition limits its job to, or null when it limits it to none in particular. */
export function eventsOfCondition(condition: string | undefined): string[] | null {
  return valuesOfCondition(condition, EVENT_TEST, (v) => v)
}

/**
 * The label names a condition limits its job to (`github.event.label.name == 'discuss'`: the label
 * a labeled or unlabeled event is about), lower-cased, as GitHub's expressions compare strings
 * ignoring case; null when it limits it to none in particular.
 */
export function labelsOfCondition(condition: string | undefined): string[] | null {
  return valuesOfCondition(condition, LABEL_TEST, (v) => v.toLowerCase())
}
