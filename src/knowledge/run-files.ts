/**
 * The repository's own programs a run step starts, and what their text says about git: a script
 * the step runs through an interpreter or by path runs the git commands written in it, with the
 * credential git finds (actions/checkout's README: the persisted token "enables your scripts to
 * run authenticated git commands").
 */

/**
 * A file run through an interpreter, past its options (and the module an option such as `-r`
 * loads first: `node -r esbuild-register tools/x.ts`), or a path run as a program (`./release.sh`).
 */
const INTERPRETED = /(?:^|[\s;&|(])(?:node|python3?|ruby|perl|deno\s+run|tsx|ts-node|bun(?:\s+run)?|bash|sh|zx)((?:[ \t]+(?:-r|--require|--import|--loader|--experimental-loader)[ \t]+\S+|[ \t]+-(?!m\b)\S+)*)[ \t]+(["']?)([\w.][\w./-]{0,200}\.(?:[cm]?[jt]s|py|rb|pl|sh))\2(?=[\s;&|)]|$)/g
/** A path in a command's first place (`./release.sh`, `x && ./sync`), not an argument (`chmod +x ./sync`). */
const BY_PATH = /(?:^|[;&|(]|\b(?:then|do|else))[ \t]*(\.\/[\w.-][\w./-]{0,200})(?=[\s;&|)]|$)/gm

export interface FileRun {
  /** The path as written, relative to where the command runs. */
  path: string
  /** Where in the script the command starts (for the directory `cd` has moved to by then). */
  at: number
}

/** The repository files a script runs, in order, each once; at most `max`. */
export function filesRun(script: string, max = 8): FileRun[] {
  const out = new Map<string, number>()
  for (const re of [INTERPRETED, BY_PATH]) {
    for (const m of script.matchAll(re)) {
      const path = (re === INTERPRETED ? m[3] : m[1]).replace(/^\.\//, '')
      if (!out.has(path)) out.set(path, m.index)
    }
  }
  return [...out].sort((a, b) => a[1] - b[1]).slice(0, max).map(([path, at]) => ({ path, at }))
}

/**
 * A `git push` in a program's text: on a command line (`git push`, `git -C dir push`) or as an
 * argument list (`spawnSync("git", ["push"])`, `run(['git', 'push', ...])`).
 */
export const RUNS_GIT_PUSH = /\bgit\b(?:[ \t]+-C[ \t]+\S+)?["'`]?[ \t,([]*["'`]?push\b/
/** Git commands that bring others' commits into what is pushed (pat-rules R2: workflow files may ride along). */
export const MERGES_IN_PROGRAM = /\bgit\b["'`]?[ \t,([]*["'`]?(?:rebase|merge|cherry-pick|am|pull)\b/
/** A URL with credentials of its own: a push to it does not use what git holds. */
export const URL_WITH_CREDENTIALS = /https?:\/\/[^\s'"`/]*@/
