/**
 * pat-lint's own Action, as workflows call it: the variables named in its `live-check` input are
 * read only to ask GitHub what the tokens are (GET /rate_limit, GET /repos/{owner}/{repo}: reads
 * that need no permission), so handing a token to the live check is no use of it (src/main.ts).
 */
import { tokenKind } from './token-formats.js'

export const PAT_LINT_ACTION = 'pat-lint/pat-lint'
export const LIVE_CHECK_INPUT = 'live-check'

/** An environment variable name as a workflow's env: can set one for pat-lint to read. */
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/

function entries(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean)
}

/** An entry that is a token itself (`live-check: ${{ secrets.X }}`): never a name to print or look up. */
export function looksLikeToken(entry: string): boolean {
  return tokenKind(entry) !== 'unknown'
}

/** The names a `live-check` value lists (commas, spaces or lines between them), each once; anything else is left out. */
export function liveCheckNames(value: string): string[] {
  return [...new Set(entries(value).filter((n) => VARIABLE.test(n) && !looksLikeToken(n)))]
}

/** The entries that look like token values, to be masked like the values they are. */
export function tokenLikeEntries(value: string): string[] {
  return entries(value).filter(looksLikeToken)
}

/** What is wrong with a `live-check` value, said without repeating an entry that may be a token; null when nothing. */
export function liveCheckProblem(value: string): string | null {
  const all = entries(value)
  const tokens = all.filter(looksLikeToken).length
  if (tokens) return `${tokens === 1 ? 'an entry looks' : `${tokens} entries look`} like a token, not the name of a variable: pass the secret in the step's env: and list the variable's name`
  const bad = all.filter((n) => !VARIABLE.test(n))
  if (bad.length) return `it lists environment variables by name (letters, digits and _, not starting with a digit), not ${bad.map((n) => JSON.stringify(n.slice(0, 60))).join(', ')}`
  return null
}
