/** Facts about git's command line (git's own documentation: git(1), git-push(1), git-rebase(1)). */

/** Global options of git that take a value: `git -C dir push` pushes. */
export const GIT_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path'])

/** Subcommands that talk to a remote. */
export const REMOTE_SUBCOMMANDS: ReadonlySet<string> = new Set(['push', 'clone', 'fetch', 'pull', 'ls-remote'])

/** Subcommands that bring in commits not written by this workflow. */
export const GIT_REWRITES: ReadonlySet<string> = new Set(['rebase', 'merge', 'cherry-pick', 'am', 'pull'])

/**
 * A push refspec that sends another ref's commits to a branch (`upstream/main:main`, `main:gh-pages`):
 * the branch moves across commits it did not have, and any change they make under
 * .github/workflows needs `workflows: write` (R2; git-push(1) for refspecs).
 */
export function pushesOtherRef(args: readonly string[]): boolean {
  return args.some((a) => {
    // Refs are names: a URL (`https://…`, `git@github.com:o/r`) is no refspec.
    const m = /^\+?([\w./-]+):(?!\/)(?:refs\/heads\/)?([\w./-]+)$/.exec(a)
    return !!m && m[1] !== 'HEAD' && m[1] !== m[2] && !m[1].startsWith('refs/tags/')
  })
}

/**
 * What a `git push` sends, from its arguments: tags only (`--tags`, `tag NAME`, `refs/tags/…`
 * refspecs), or branches (and tags too with `--follow-tags`). A bare name may be either: branches.
 */
export const EVENTS_OF_REFS = { tags: ['tag push'], branches: ['push'], both: ['push', 'tag push'] } as const

export function pushedRefs(words: readonly string[]): 'tags' | 'branches' | 'both' {
  const follow = words.includes('--follow-tags')
  const refs = words.filter((w) => !w.startsWith('-'))
  const tagsOnly = words.includes('--tags') || refs.includes('tag') || (refs.length > 0 && refs.slice(1).length > 0 && refs.slice(1).every((r) => /^\+?refs\/tags\//.test(r.replace(/^["']|["']$/g, ''))))
  if (tagsOnly) return 'tags'
  return follow ? 'both' : 'branches'
}
