/**
 * What the release-please CLI does with a GitHub token, read from its source. It takes the token
 * only from `--token` (a value, or a file holding it) and never from the environment; every call
 * goes to the repository `--repo-url` names (required). The pull-request commands commit through
 * the Git database API and open or update the release pull request with labels; the release
 * commands create a GitHub release per merged release pull request (which creates its tag unless
 * `--draft`), comment on it and relabel it. `--dry-run` and `debug-config` only read; `--fork`
 * first forks the repository for the token's user.
 */

const SOURCE = 'googleapis/release-please @fdaca293b5c9215c7bcae72dd228ba9558120817'

export const RELEASE_PLEASE_SOURCE = `${SOURCE} src/bin/release-please.ts:164-216 (--token, --repo-url demanded, --dry-run), 222 (--draft), 271 (--fork), 471-866 (commands); src/manifest.ts:1071 (createPullRequest), 1125 (removeIssueLabels), 1134 (updatePullRequest), 1293 (commentOnIssue), 1308 (addIssueLabels), 1330 (createRelease); src/github-api.ts, src/util/code-suggester/github/*.ts (octokit calls); no process.env read under src/`

/** Commands that open or update a pull request (a release PR, or bootstrap's configuration PR). */
export const PULL_REQUEST_COMMANDS: ReadonlySet<string> = new Set(['release-pr', 'manifest-pr', 'bootstrap'])
/** Commands that make the releases of merged release pull requests. */
export const RELEASE_COMMANDS: ReadonlySet<string> = new Set(['github-release', 'manifest-release'])
/** Commands that only read. */
export const READ_COMMANDS: ReadonlySet<string> = new Set(['debug-config'])

/** Reads every command makes first: the repository, branches, pull requests and releases (GraphQL for commit history). */
export const READ_ROUTES = ['GET /repos/{owner}/{repo}', 'GET /repos/{owner}/{repo}/pulls', 'GET /repos/{owner}/{repo}/releases', 'GET /repos/{owner}/{repo}/git/ref/{ref}'] as const

export const PULL_REQUEST_ROUTES = [
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/commits',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'POST /repos/{owner}/{repo}/pulls',
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
] as const

export const RELEASE_ROUTES = [
  'POST /repos/{owner}/{repo}/releases',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
] as const

/** `--fork`: the pull request comes from a fork of the repository for the token's user. */
export const FORK_ROUTE = 'POST /repos/{owner}/{repo}/forks'
