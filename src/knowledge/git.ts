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
