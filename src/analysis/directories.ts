/** Directories of the workspace that steps and scripts move into (`working-directory`, `cd`, `pushd`). */

const WORKSPACE = /^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?)(?:\/|$)/

/**
 * A directory relative to the workspace after `cd arg` from `dir` ('' is the workspace); null
 * when the files cannot tell (an absolute path, a variable, `cd -`, above the workspace).
 */
export function enterDirectory(dir: string | null, arg: string): string | null {
  if (dir === null) return null
  let path = /^(["'])(.*)\1$/.exec(arg)?.[2] ?? arg
  const fromWorkspace = WORKSPACE.exec(path)
  if (fromWorkspace) {
    path = path.slice(fromWorkspace[0].length)
    dir = ''
  }
  if (/^[/~$-]/.test(path) || path.includes('${{')) return null
  const parts = dir ? dir.split('/') : []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..') parts.push(part)
    else if (!parts.pop()) return null
  }
  return parts.join('/')
}

/** Options of `git clone` that take a value (git help clone). */
const CLONE_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-b', '--branch', '--depth', '-o', '--origin', '--reference', '--reference-if-able', '-c', '--config', '--filter', '-j', '--jobs', '--template', '--separate-git-dir', '-u', '--upload-pack', '--shallow-since', '--shallow-exclude', '--server-option'])

/** `git clone URL [DIR]`: the URL and the directory it creates (the URL's last part without .git by default). */
export function cloneTarget(words: readonly string[]): { url: string; dir: string } | null {
  if (words[0] !== 'git') return null
  const at = words.indexOf('clone')
  if (at < 0 || words.slice(1, at).some((w) => !w.startsWith('-') && !/^\S+=/.test(w))) return null
  const args: string[] = []
  for (let i = at + 1; i < words.length; i++) {
    if (CLONE_VALUE_OPTIONS.has(words[i])) i++
    else if (!words[i].startsWith('-')) args.push(words[i])
  }
  if (!args.length) return null
  const url = args[0]
  const dir = args[1] ?? url.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).pop() ?? ''
  return { url, dir }
}

/** The repository text of the deepest directory in `repos` holding `dir`, if any. */
export function repositoryOfDirectory(dir: string, repos: ReadonlyMap<string, string>): string | undefined {
  const parts = dir ? dir.split('/') : []
  for (let n = parts.length; n >= 1; n--) {
    const repo = repos.get(parts.slice(0, n).join('/'))
    if (repo !== undefined) return repo
  }
  return undefined
}
