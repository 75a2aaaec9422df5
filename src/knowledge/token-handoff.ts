/**
 * Where an action's source hands its token to code not read here (issue 19): a variable holding
 * the token (read from a token input or a token environment variable) given as an argument to any
 * function but an octokit client, one the action defines itself, masking or logging. What that
 * function does with the token is not known, so the use stays undecided.
 */

/** A place the token leaves: the function it is given to, and the offset of the argument. */
export interface Handoff {
  callee: string
  index: number
}

/** Where `text` gives the token to a function outside `defined` and the safe ones. */
export function tokenHandoffs(text: string, tokenInputs: readonly string[], tokenEnv: RegExp, defined: ReadonlySet<string>): Handoff[] {
  const out: Handoff[] = []
  const tokenVars = new Set<string>()
  for (const m of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?=\s*([^;\n]*)/g)) {
    const reads = [...m[2].matchAll(/getInput\s*\(\s*(['"`])([\w-]+)\1|process\.env(?:\.|\[\s*['"`])([A-Z][A-Z0-9_]*)/g)]
    if (reads.some((r) => (r[2] && tokenInputs.includes(r[2])) || (r[3] && tokenEnv.test(r[3])))) tokenVars.add(m[1])
  }
  for (const name of tokenVars) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w$.'"\`-])${name.replace(/\$/g, '\\$')}(?![\\w$'"\`-])`, 'g'))) {
      const callee = enclosingCallee(text, m.index!)
      // A function of the action's own, defined in the files read, is read where it is defined.
      if (callee && !TOKEN_SAFE_CALLEE.test(callee) && !defined.has(callee.split('.').pop()!)) out.push({ callee, index: m.index! })
    }
  }
  return out
}

/** Calls that take a token and do only what is read here: octokit clients, masking, logging, string checks. */
const TOKEN_SAFE_CALLEE = /Octokit$|(?:^|\.)(?:getOctokit|GitHub|setSecret|setFailed|info|debug|warning|error|notice|log|startsWith|endsWith|includes|trim|Boolean|String|Error|if|while|switch|for|return|typeof|catch|await)$/

/** Names of the functions and methods the read files define: `function f(`, `f = (…) =>`, `f(…) {`. */
export function definedFunctions(texts: readonly string[]): Set<string> {
  const names = new Set<string>()
  for (const text of texts) {
    for (const m of text.matchAll(/\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)|\b([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^()]*\)\s*(?::[^=]{0,80})?=>|[A-Za-z_$][\w$]*\s*=>)|^\s*(?:(?:public|private|protected|static|async)\s+)*([A-Za-z_$][\w$]*)\s*\([^()]*\)\s*(?::[^{]{0,80})?\{/gm)) {
      const name = m[1] ?? m[2] ?? m[3]
      if (name && !/^(?:if|for|while|switch|catch|function|return)$/.test(name)) names.add(name)
    }
  }
  return names
}

/**
 * The function whose argument list holds offset `at` (`lib.connect` in `lib.connect({ auth: t })`),
 * looking back 300 characters; null when `at` is in no call's arguments.
 */
function enclosingCallee(text: string, at: number): string | null {
  let depth = 0
  for (let i = at - 1; i >= Math.max(0, at - 300); i--) {
    const c = text[i]
    if (c === ')' || c === ']' || c === '}') depth++
    else if (c === '[' || c === '{') depth = Math.max(0, depth - 1)
    else if (c === '(') {
      if (depth > 0) depth--
      else return /([A-Za-z_$][\w$.]*)\s*$/.exec(text.slice(Math.max(0, i - 100), i))?.[1] ?? null
    } else if (c === ';' && depth === 0) return null
  }
  return null
}

