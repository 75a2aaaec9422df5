/**
 * Files an actions/github-script script loads from the checkout: `require('./x')`,
 * `await import('${{ github.workspace }}/x.ts')`, `require(process.env.GITHUB_WORKSPACE + '/x')`.
 * github-script resolves relative paths against the working directory, the workspace (its
 * README, "Run a separate file"), so each is a path relative to the repository root when the
 * checkout sits at the workspace root. Package names (`require('fs')`) are not files.
 */
import { posix } from 'node:path'
import { readCandidate } from './files.js'
import type { WorkflowInfo } from './model.js'

/** The prefixes that stand for the workspace in a loaded path. */
const WORKSPACE = /^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{process\.env\.GITHUB_WORKSPACE\}|\$\{\s*process\.env\.GITHUB_WORKSPACE\s*\})\/?/

const LOADS = [
  /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]{1,300})\1\s*\)/g,
  /\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?(['"`])([^'"`\n]{1,300})\1/g,
]
/** `require(process.env.GITHUB_WORKSPACE + '/x')`: the string is relative to the workspace. */
const LOADS_FROM_WORKSPACE = /\b(?:require|import)\s*\(\s*process\.env\.GITHUB_WORKSPACE\s*\+\s*(['"`])([^'"`\n]{1,300})\1\s*\)/g

/**
 * The paths a script in `dir` loads, relative to the repository root, and those pat-lint cannot
 * place (absolute, outside the repository, or built at run time), described.
 */
export function scriptImports(script: string, dir = '.'): { paths: string[]; unplaced: string[] } {
  const paths = new Set<string>()
  const unplaced = new Set<string>()
  const found = [
    ...LOADS.flatMap((re) => [...script.matchAll(re)]).map((m) => (WORKSPACE.test(m[2]) ? m[2].replace(WORKSPACE, './') : relativeTo(dir, m[2]))),
    ...[...script.matchAll(LOADS_FROM_WORKSPACE)].map((m) => `./${m[2].replace(/^\/+/, '')}`),
  ]
  for (const raw of found) {
    if (/\$\{/.test(raw)) unplaced.add(`${raw} (built at run time)`)
    else if (raw.startsWith('/')) unplaced.add(`${raw} (outside the repository)`)
    else if (!raw.startsWith('.')) continue // a package, not a file
    else {
      const path = posix.normalize(raw)
      if (path.startsWith('..')) unplaced.add(`${path} (outside the repository)`)
      else paths.add(path)
    }
  }
  return { paths: [...paths], unplaced: [...unplaced] }
}

/** A path a file in `dir` loads, relative to the repository root; packages are left as they are. */
function relativeTo(dir: string, path: string): string {
  if (!path.startsWith('./') && !path.startsWith('../')) return path
  return `./${posix.join(dir, path)}`
}

/** The names a path without an extension may be found under, in Node's order. */
export function candidatePaths(path: string): string[] {
  if (/\.[cm]?[jt]s$/.test(path)) return [path]
  return [path, ...['.js', '.cjs', '.mjs', '.ts'].map((ext) => path + ext), `${path}/index.js`]
}

/** Loaded files pat-lint reads for one script, at most: a loader that reads more is a black box. */
export const MAX_SCRIPT_FILES = 20

/**
 * The files a script loads, and the files those load, read with `read` (a path relative to the
 * repository root, or null when no such file can be read). `missing` names loads pat-lint could
 * not read: what they do with the client is unseen.
 */
export function loadScripts(script: string, read: (path: string) => string | null): { texts: string[]; missing: string[] } {
  const texts: string[] = []
  const missing: string[] = []
  const seen = new Set<string>()
  const queue: { script: string; dir: string }[] = [{ script, dir: '.' }]
  while (queue.length) {
    const { script: text, dir } = queue.shift()!
    const { paths, unplaced } = scriptImports(text, dir)
    missing.push(...unplaced)
    for (const path of paths) {
      if (seen.has(path)) continue
      seen.add(path)
      if (seen.size > MAX_SCRIPT_FILES) {
        missing.push(`${path} (more than ${MAX_SCRIPT_FILES} files loaded)`)
        continue
      }
      const found = candidatePaths(path).map((c) => ({ c, text: read(c) })).find((f) => f.text !== null)
      if (!found) missing.push(path)
      else {
        texts.push(found.text!)
        queue.push({ script: found.text!, dir: posix.dirname(found.c) })
      }
    }
  }
  return { texts, missing }
}

/**
 * Reads, before the analysis, every file the github-script steps of `models` load (and the files
 * those load), through the same guarded reader as workflows: inside the repository, no symlink out,
 * at most MAX_FILE_BYTES. Only steps whose script loads something cost a read.
 */
export function readLoadedScripts(root: string, models: readonly WorkflowInfo[]): Map<string, string | null> {
  const files = new Map<string, string | null>()
  const read = (path: string): string | null => {
    if (!files.has(path)) {
      const got = readCandidate(root, { path, kind: 'script' })
      files.set(path, 'text' in got ? got.text : null)
    }
    return files.get(path)!
  }
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    const script = s.with.script?.value
    if (script && /^actions\/github-script@/i.test(s.uses?.value ?? '') && /\b(?:require|import)\b/.test(script)) loadScripts(script, read)
  }
  return files
}
