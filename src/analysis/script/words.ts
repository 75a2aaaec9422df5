/**
 * What the words of a script name: the secrets inside their `${{ … }}`, the variables they read,
 * and the repository a word stands for once the step's environment is substituted.
 */
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import type { Memo } from '../memo.js'

export interface ScriptContext {
  /** `owner/name` of the repository running the workflow. */
  self: string | null
  /** Environment variables of the step that hold the token. */
  tokenVars: Set<string>
  /** Other environment variables of the step (name -> value), to follow `$REPO`-style indirection. */
  env: Record<string, string>
  /** The secret being followed, when it is written inline as `${{ secrets.NAME }}`; any secret when absent. */
  secret?: string
  /** Variables a `for … in` or `while read` loop of the script sets: each names several values. */
  loopVars?: Set<string>
  /** The run's caches and counts. */
  memo: Memo
  /**
   * Where the script starts (relative to the workspace; null when the files cannot tell) and the
   * directories earlier checkouts filled with another repository: gh acts on the repository of the
   * directory it runs in.
   */
  directory?: { start: string | null; repos: ReadonlyMap<string, string> }
  /** A file of the repository read before the analysis (a release tool's configuration); null: not there or not read. */
  readFile?: (path: string) => string | null
}

function varRefs(text: string): string[] {
  return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1])
}

/** `secrets.NAME` or `secrets['NAME']`, matched inside one `${{ … }}`. */
const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z0-9_-]+)|\[\s*'([^']*)'\s*\])/gi

/**
 * Whether a word carries `${{ … secrets.NAME … }}` for the secret being followed (any secret when
 * none is). One shared pattern and a name comparison: a pattern per secret costs a regex compile
 * for each of thousands of secrets in a large repository.
 */
function inlineSecret(word: string, ctx: ScriptContext): boolean {
  if (!ctx.secret) return expressionBodies(word).some((body) => /\bsecrets\s*[.[]/i.test(body))
  return secretsNamedIn(word, ctx.memo).has(ctx.secret.toUpperCase())
}

/** The secrets a word names, remembered by word: thousands of tokens may each ask about one word that names them all. */
function secretsNamedIn(word: string, memo: Memo): Set<string> {
  const table = memo.byText<Set<string>>('secrets named in a word')
  let names = table.get(word)
  if (!names) table.set(word, (names = new Set(secretNamesIn(word))))
  return names
}

/**
 * What each `${{ … }}` of a word holds, up to its first `}`, or up to the next `${{` when it is
 * never closed (an expression cannot hold one). One pass: a word of thousands of unclosed `${{`
 * would otherwise give each the rest of the word.
 */
function expressionBodies(word: string): string[] {
  const bodies: string[] = []
  let close = -2 // the next `}` not yet passed; -1 once there is none
  let at = word.indexOf('${{')
  while (at >= 0) {
    const next = word.indexOf('${{', at + 3)
    if (close !== -1 && close < at + 3) close = word.indexOf('}', at + 3)
    const end = close >= 0 && (next < 0 || close < next) ? close : next >= 0 ? next : word.length
    bodies.push(word.slice(at + 3, end))
    at = next
  }
  return bodies
}

/** The secrets a word names inside its `${{ … }}`, upper-cased. */
export function secretNamesIn(word: string): string[] {
  // A secrets manager's output (`steps.ID.outputs.NAME`) stands for the credential NAME as a secret does.
  return expressionBodies(word).flatMap((body) => [...[...body.matchAll(SECRET_REF)].map((m) => (m[1] ?? m[2]).toUpperCase()), ...[...body.matchAll(STEP_OUTPUT_REF)].map((m) => m[1].toUpperCase())])
}

/** `steps.ID.outputs.NAME` inside one `${{ … }}`. */
const STEP_OUTPUT_REF = /\bsteps\s*\.\s*[\w-]+\s*\.\s*outputs\s*\.\s*([A-Za-z_][\w-]*)/gi

/** Variables a word reads: `$X`, `${X}` and `${{ env.X }}`. */
export function variablesIn(word: string): string[] {
  return [...varRefs(word), ...[...word.matchAll(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1])]
}

/** Whether any of the words hands over the followed token, inline or through one of its variables. */
export function usesToken(words: string[], ctx: ScriptContext): boolean {
  // Most words carry no `$` and so no reference at all.
  return words.some((w) => w.includes('$') && (inlineSecret(w, ctx) || variablesIn(w).some((v) => ctx.tokenVars.has(v))))
}

/** Expands `$VAR` from the step's env so `repos/$REPO/dispatches` can still be resolved. */
export function expand(text: string, ctx: ScriptContext): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) => (name !== 'GITHUB_REPOSITORY' && ctx.env[name] !== undefined && !/\$\{\{\s*secrets\./.test(ctx.env[name]) ? ctx.env[name] : m))
}

/** Variables bound by `for NAME in …` and `while read … NAME` loops. */
export function loopVariables(script: string): Set<string> {
  const out = new Set<string>()
  for (const m of script.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) out.add(m[1])
  // The names end with the line: `while read REPO` followed by `do` on the next line binds REPO only.
  for (const m of script.matchAll(/\bwhile[ \t]+(?:IFS=\S*[ \t]+)?read[ \t]+((?:-[A-Za-z]+[ \t]+)*(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*)+)/g)) {
    for (const w of m[1].trim().split(/\s+/)) if (!w.startsWith('-')) out.add(w)
  }
  return out
}

/**
 * The repository a text names. A name built from a loop variable stands for several
 * repositories, and GITHUB_TOKEN reaches only this one (R3).
 */
export function repoRef(text: string, ctx: ScriptContext): RepoRef {
  const expanded = expand(text, ctx)
  const ref = resolveRepo(expanded, ctx.self)
  if (ref.kind !== 'unknown' || !ctx.loopVars?.size) return ref
  for (const m of expanded.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (ctx.loopVars.has(m[1])) return { kind: 'other', repo: `${expanded} (several repositories, one per pass of the loop over $${m[1]})` }
  }
  return ref
}
