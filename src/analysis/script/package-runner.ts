/**
 * A program started through a package runner is that program: `npx semantic-release@24`,
 * `npx -y -p @semantic-release/git semantic-release`, `npm exec -- cml`, `pnpm dlx`, `yarn dlx`,
 * `bunx`. The words returned start with the program's name (its version dropped).
 */

/** Runner options that take a value: the package to install (npm exec, npx, pnpm dlx, yarn dlx). */
const VALUE_OPTIONS: ReadonlySet<string> = new Set(['-p', '--package', '-c', '--call', '--workspace', '-w'])

/**
 * Programs pnpm and yarn run by name (`pnpm changeset version`, `yarn semantic-release`): each
 * runs a package's program when the name is no command of its own. Only these, whose programs
 * pat-lint reads, are taken so: another name may be a script of package.json.
 */
const RUN_BY_NAME: ReadonlySet<string> = new Set(['semantic-release', 'changeset', 'release-it', 'release-please'])

/** How many words name the runner: `npx`, `npm exec`, `pnpm dlx`, …; 0 when the words start no runner. */
function runnerLength(words: readonly string[]): number {
  const [first, second] = words
  if (first === 'npx' || first === 'bunx') return 1
  if (first === 'npm' && (second === 'exec' || second === 'x')) return 2
  if ((first === 'pnpm' || first === 'yarn') && (second === 'dlx' || second === 'exec')) return 2
  if (first === 'bun' && second === 'x') return 2
  if ((first === 'pnpm' || first === 'yarn') && RUN_BY_NAME.has(second ?? '')) return 1
  return 0
}

/** `semantic-release@24.1.0` -> `semantic-release`, `@scope/cli@latest` -> `@scope/cli`. */
function withoutVersion(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0)
  return at > 0 ? spec.slice(0, at) : spec
}

/** The words of the program a runner starts, or the words as they are when they start no runner. */
export function programWords(words: string[]): string[] {
  const skip = runnerLength(words)
  if (!skip) return words
  let i = skip
  while (i < words.length) {
    const w = words[i]
    if (w === '--') {
      i++
      break
    }
    if (!w.startsWith('-')) break
    i += VALUE_OPTIONS.has(w) ? 2 : 1
  }
  if (i >= words.length) return words
  return [withoutVersion(words[i]), ...words.slice(i + 1)]
}
