/** Facts about git's command line (git's own documentation: git(1), git-push(1), git-rebase(1)). */

/** Global options of git that take a value: `git -C dir push` pushes. */
export const GIT_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path'])

/** Subcommands that talk to a remote. */
export const REMOTE_SUBCOMMANDS: ReadonlySet<string> = new Set(['push', 'clone', 'fetch', 'pull', 'ls-remote'])

/** Subcommands that bring in commits not written by this workflow. */
export const GIT_REWRITES: ReadonlySet<string> = new Set(['rebase', 'merge', 'cherry-pick', 'am', 'pull'])
