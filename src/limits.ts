/**
 * How much of a long list a report shows. The rest is counted, not listed, so that no workflow a
 * pull request can write makes the report grow with the square of its size: a thousand tokens
 * handed to a workflow that reaches a thousand repositories would otherwise list a million.
 */
export const MAX_REASONS_PER_USE = 50
export const MAX_REPOSITORIES_PER_TOKEN = 100
export const MAX_OWNERS_NAMED = 5
/** Parse problems reported per file; the rest are counted. */
export const MAX_ERRORS_PER_FILE = 100
/** Repositories a token reaches beyond its declared list: one finding each, up to this many. */
export const MAX_REPOSITORY_FINDINGS = 5

/** `a, b, c` or, past `max`, `a, b, c and N more`; `total` when `items` holds only the first ones. */
export function listed(items: readonly string[], max: number, total = items.length): string {
  const shown = items.slice(0, max)
  return total > shown.length ? `${shown.join(', ')} and ${total - shown.length} more` : shown.join(', ')
}

/** Repository text quoted in a reason, a label or a message: longer text is cut. */
export const MAX_QUOTED_CHARS = 200

/**
 * Repository text as a report quotes it: up to 200 characters, then `…`. A string the files hold
 * once (a step's name, an action, a command line) can be quoted for each of thousands of tokens,
 * so its length would multiply; cutting a flat string costs nothing.
 */
export function quoted(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1)}…` : text
}

/** The first `max` items, and how many more there are. */
export function firstOf<T>(items: readonly T[], max: number): { shown: readonly T[]; more: number } {
  return items.length <= max ? { shown: items, more: 0 } : { shown: items.slice(0, max), more: items.length - max }
}
