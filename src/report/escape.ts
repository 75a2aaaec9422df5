/**
 * Escaping for text that comes from the repository (secret names, step names, paths, messages):
 * it must not inject markdown or HTML, ping people with @-mentions, or break a table.
 */

/** Removes control characters (terminal escapes, NUL) but keeps tabs and newlines. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
}

/**
 * Output for a terminal or a workflow log: a carriage return could overwrite a line on screen, and
 * a line starting with `::` is a workflow command to the runner (`::error::`, `::add-mask::`).
 * Repository text reaches every format, so the whole output is made safe once, at the end.
 */
export function safeForLog(output: string): string {
  // Most outputs hold neither; a few megabytes of JSON need not be rewritten three times.
  if (!output.includes('\r') && !output.includes('::')) return output
  return output.replace(/\r\n/g, '\n').replace(/\r/g, '\uFFFD').replace(/^(\s*)::/gm, '$1\u200b::')
}

/** One line of plain text from repository text: control characters removed, line breaks folded. */
export function oneLine(text: string): string {
  return stripControl(text.replace(/\r\n?|\n/g, ' ⏎ '))
}

/** Escapes text for a markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b') // a zero-width space after @ stops the mention
    .replace(/\r\n?|\n/g, ' ')
}

/** Code span with a fence long enough for any backticks inside. */
export function markdownCode(text: string): string {
  const clean = stripControl(text).replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|').replace(/@/g, '@\u200b')
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/** A fenced code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeBlock(text: string, lang = ''): string {
  const clean = stripControl(text)
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${clean}\n${fence}`
}

/** Where the reasons' rule codes (R1, R3, …) are explained for users. */
export const REASONS_DOC = 'https://github.com/pat-lint/pat-lint/blob/main/docs/reasons.md'

/**
 * A finding's message as markdown: its `code spans` stay code (rules write them on purpose; the
 * text inside, which may come from the repository, is fenced safely), the rest is escaped, and
 * each rule code it cites in parentheses, `(R3)` or `(R9, R18)`, links to its explanation.
 */
export function messageMarkdown(message: string): string {
  const parts = message.split(/`([^`\r\n]+)`/)
  const out = parts.map((part, i) => (i % 2 ? markdownCode(part) : escapeMarkdown(part))).join('')
  return out.replace(/\\\((R\d+[a-z]?(?:, R\d+[a-z]?)*)\\\)/g, (_, codes: string) => `(${codes.split(', ').map((c) => `[${c}](${REASONS_DOC}#${c.toLowerCase()})`).join(', ')})`)
}
