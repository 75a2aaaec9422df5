/**
 * Just enough shell to read workflow `run:` scripts: logical lines (backslash continuations
 * joined), commands split at `;`, `&&`, `||` and `|`, words split with quotes honoured. Variables
 * and `${{ }}` expressions are kept as written so callers can tell them apart from literals.
 */

export interface Command {
  /** The words, quotes removed, prefixes such as `sudo` and `VAR=x` dropped. */
  words: string[]
  /** 1-based line of the command within the script. */
  line: number
}

/** Index of the `)` closing the `(` at `open`. */
function substitutionEnd(text: string, open: number): number {
  let level = 0
  let j = open
  for (; j < text.length; j++) {
    if (text[j] === '(') level++
    else if (text[j] === ')' && --level === 0) break
  }
  return j
}

function splitWords(text: string): { words: string[]; separators: number[]; substitutions: string[] } {
  const substitutions: string[] = [] // $( … ) and ` … `: commands of their own
  const words: string[] = []
  const separators: number[] = [] // indices in `words` where a new command starts
  let cur = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  let depth = 0 // inside $( … ) or ${{ … }}
  let inTest = false // inside [[ … ]]
  const push = (w: string) => {
    words.push(w)
    if (w === '[[') inTest = true
    else if (w === ']]') inTest = false
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote === '"' && ch === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      const end = substitutionEnd(text, i + 1)
      substitutions.push(text.slice(i + 2, end))
      cur += text.slice(i, end + 1)
      i = end
      continue
    }
    if (quote) {
      if (ch === quote) quote = null
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i]
      else cur += ch
      continue
    }
    if (text.startsWith('${{', i)) {
      const end = text.indexOf('}}', i)
      const stop = end < 0 ? text.length : end + 2
      cur += text.slice(i, stop)
      inWord = true
      i = stop - 1
      continue
    }
    if (ch === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      const j = substitutionEnd(text, i + 1)
      substitutions.push(text.slice(i + 2, j))
      cur += text.slice(i, j + 1)
      inWord = true
      i = j
      continue
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1)
      const stop = end < 0 ? text.length : end
      substitutions.push(text.slice(i + 1, stop))
      cur += text.slice(i, stop + 1)
      inWord = true
      i = stop
      continue
    }
    if (ch === '$' && text[i + 1] === '(') depth++
    if (ch === ')' && depth > 0) {
      depth--
      cur += ch
      continue
    }
    if (depth > 0) {
      cur += ch
      inWord = true
      continue
    }
    if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
      continue
    }
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i]
      inWord = true
      continue
    }
    if (ch === '#' && !inWord) break // a comment runs to the end of the line
    if (/\s/.test(ch)) {
      if (inWord) push(cur)
      cur = ''
      inWord = false
      continue
    }
    if (ch === '&' && (cur.endsWith('>') || text[i + 1] === '>')) {
      cur += ch // 2>&1, &> file: redirections, not separators
      inWord = true
      continue
    }
    // `name=(a b)` and `name+=(c)` assign an array: its elements are data, not a command.
    if (ch === '(' && inWord && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(cur)) {
      const end = arrayEnd(text, i)
      cur += text.slice(i, end + 1)
      i = end
      continue
    }
    // Inside `[[ … ]]`, `&&`, `||` and parentheses belong to the test, not to a command list.
    if (inTest && (ch === '|' || ch === '&' || ch === '(' || ch === ')')) {
      cur += ch
      inWord = true
      continue
    }
    if (ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')') {
      if (inWord) push(cur)
      cur = ''
      inWord = false
      if (text[i + 1] === ch) i++
      separators.push(words.length)
      continue
    }
    cur += ch
    inWord = true
  }
  if (inWord) push(cur)
  return { words, separators, substitutions }
}

/** Where an array assignment's `(` at `open` closes, outside quotes; the text's end if it does not. */
function arrayEnd(text: string, open: number): number {
  let quote = ''
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j]
    if (quote) {
      if (c === quote) quote = ''
      else if (c === '\\' && quote === '"') j++
    } else if (c === '"' || c === "'") quote = c
    else if (c === '\\') j++
    else if (c === ')') return j
  }
  return text.length - 1
}

/** xargs options that take the next word as their value (GNU findutils xargs). */
const XARGS_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-I', '-L', '-n', '-P', '-d', '-E', '-s', '-a', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-lines', '--max-chars', '--eof', '--replace'])

const PREFIXES: ReadonlySet<string> = new Set(['sudo', 'exec', 'time', 'command', 'nohup', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'xargs', 'eval', '{', '}', '(', ')'])

/** Options of `sudo` that take a value (`sudo -u bot make`): the value is no command. */
const SUDO_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-R', '-T', '-U', '--user', '--group'])

/**
 * How deep command substitutions inside substitutions are read as commands: deeper ones stay
 * words. Each level is read again from its text, and a script can nest thousands.
 */
export const MAX_SUBSTITUTION_DEPTH = 16

const CONTINUED = /\\\s*$/

/**
 * The quote still open at the end of `text` when it starts inside `open` ('' for none): bash reads
 * a newline inside single or double quotes as part of the word. Outside quotes, a backslash escapes
 * the next character and `#` after a blank starts a comment; inside double quotes a backslash
 * escapes the next character; inside single quotes nothing does.
 */
function quoteOpenAfter(text: string, open: string): string {
  let quote = open
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote === "'") {
      if (ch === "'") quote = ''
    } else if (ch === '\\') i++
    else if (quote === '"') {
      if (ch === '"') quote = ''
    } else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) break
    else if (ch === '"' || ch === "'") quote = ch
  }
  return quote
}

/** `case WORD in`, `esac`, and an arm's leading pattern (`docs/* | *.md)`, `(x)`), with no parenthesis inside. */
const CASE_OPEN = /(?:^|[;&|])\s*case\s+\S+\s+in\b/
const CASE_CLOSE = /(?:^|[;\s])esac\b/
const CASE_PATTERN = /^\s*\(?[^()\n]*\)/

/** Splits a script into commands. */
export function parseCommands(script: string, depth = 0): Command[] {
  const out: Command[] = []
  let caseDepth = 0
  const physical = script.split(/\r?\n/)
  for (let i = 0; i < physical.length; i++) {
    const start = i
    // Joined part by part: testing the growing line's end each time would read it again per line.
    // A line goes on past its end after a trailing backslash, and while a quote is open: a quoted
    // string may run over several lines (a PR body, a comment), one command, not one per line.
    const parts = [physical[i]]
    let open = quoteOpenAfter(physical[i], '')
    while (i + 1 < physical.length) {
      const last = parts[parts.length - 1]
      if (open) {
        const next = physical[++i]
        parts.push('\n', next)
        open = quoteOpenAfter(next, open)
      } else if (CONTINUED.test(last)) {
        parts[parts.length - 1] = last.replace(CONTINUED, ' ')
        const next = physical[++i]
        parts.push(next)
        open = quoteOpenAfter(next, '')
      } else break
    }
    const logical = parts.length === 1 ? parts[0] : parts.join('')
    // A here-document's body is data, not commands: skip to its terminator.
    const heredoc = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(logical)
    if (heredoc) {
      while (i + 1 < physical.length && physical[i + 1].trim() !== heredoc[2]) i++
      i++
    }
    // Inside `case … in … esac`, a line's leading `pattern)` is a pattern, not a command.
    let text = logical
    if (caseDepth > 0) text = text.replace(CASE_PATTERN, '')
    if (CASE_OPEN.test(text)) caseDepth++
    if (caseDepth > 0 && CASE_CLOSE.test(text)) caseDepth--
    const { words, separators, substitutions } = splitWords(text)
    if (depth < MAX_SUBSTITUTION_DEPTH) for (const sub of substitutions) for (const inner of parseCommands(sub, depth + 1)) out.push({ ...inner, line: start + 1 })
    const cuts = [0, ...separators, words.length]
    for (let k = 0; k < cuts.length - 1; k++) {
      let cmd = words.slice(cuts[k], cuts[k + 1])
      // `sudo`, `VAR=x`, `env VAR=x` and the like only prefix the command that runs.
      while (cmd.length && (PREFIXES.has(cmd[0]) || cmd[0] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(cmd[0]))) {
        const prefix = cmd[0]
        cmd = cmd.slice(1)
        // `sudo -E make`, `env -i make`: the options belong to the prefix.
        if (prefix === 'sudo' || prefix === 'env') while (cmd.length && cmd[0].startsWith('-')) cmd = cmd.slice(SUDO_OPTIONS_WITH_VALUE.has(cmd[0]) ? 2 : 1)
        // `xargs -I {} gh pr close {}`: xargs's options, with their values, come before the command.
        if (prefix === 'xargs') while (cmd.length && cmd[0].startsWith('-')) cmd = cmd.slice(XARGS_OPTIONS_WITH_VALUE.has(cmd[0]) ? 2 : 1)
      }
      // A group's closing `} > out` leaves only a redirection: no command runs there.
      if (cmd.length && !/^\d*[<>]/.test(cmd[0])) out.push({ words: cmd, line: start + 1 })
    }
  }
  return out
}

/** The value of a flag (`-X POST`, `-XPOST`, `--request=POST`, `--request POST`). */
export function flagValue(words: string[], short: string[], long: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    for (const l of long) {
      if (w === l) return words[i + 1]
      if (w.startsWith(`${l}=`)) return w.slice(l.length + 1)
    }
    for (const s of short) {
      if (w === s) return words[i + 1]
      if (w.startsWith(s) && !w.startsWith('--') && w.length > s.length) return w.slice(s.length)
    }
  }
  return undefined
}

export function hasFlag(words: string[], flags: string[]): boolean {
  return words.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)))
}
