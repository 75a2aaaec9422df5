/**
 * What GoReleaser does with a GitHub token, read from its source: it releases in the repository of
 * the git remote (or `release.github`), and the publishers its configuration lists write manifests
 * into other repositories (a Homebrew tap, a Scoop bucket, …), each with the token its
 * `repository.token` names or GITHUB_TOKEN.
 */

const SOURCE = 'goreleaser/goreleaser @cd616d2c080b205bfe0833396e6f2d208253095e'

/** Where it looks for its configuration when `--config`/`-f` names none (cmd/config.go:47-52). */
export const CONFIG_FILES = ['.config/goreleaser.yml', '.config/goreleaser.yaml', '.goreleaser.yml', '.goreleaser.yaml', 'goreleaser.yml', 'goreleaser.yaml'] as const

/** Subcommands that publish (the bare command releases); the others make no GitHub call. */
export const PUBLISHING = new Set(['release', 'publish', 'continue', 'announce'])
export const LOCAL = new Set(['build', 'check', 'healthcheck', 'init', 'jsonschema', 'completion', 'man', 'help', '--version', '-v', 'verify-license'])

/** Release calls on the release repository (internal/client/github.go CreateRelease, Upload, PublishRelease). */
export const RELEASE_ROUTES = [
  'POST /repos/{owner}/{repo}/releases',
  'PATCH /repos/{owner}/{repo}/releases/{release_id}',
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
  'GET /repos/{owner}/{repo}/releases/tags/{tag}',
] as const

/** A manifest written into a repository (CreateFile: default branch, contents, a branch made when named). */
export const FILE_ROUTES = ['GET /repos/{owner}/{repo}', 'GET /repos/{owner}/{repo}/contents/{path}', 'PUT /repos/{owner}/{repo}/contents/{path}', 'POST /repos/{owner}/{repo}/git/refs'] as const
export const PULL_REQUEST_ROUTES = ['POST /repos/{owner}/{repo}/pulls'] as const
/** `changelog.use`: `github` compares the tags through the API, `github-native` has GitHub write the notes (internal/pipe/changelog/changelog.go:34-37,248,373). */
export const CHANGELOG_ROUTES: Readonly<Record<string, readonly string[]>> = {
  github: ['GET /repos/{owner}/{repo}/compare/{basehead}'],
  'github-native': ['POST /repos/{owner}/{repo}/releases/generate-notes'],
}
export const MILESTONE_ROUTES = ['GET /repos/{owner}/{repo}/milestones', 'PATCH /repos/{owner}/{repo}/milestones/{milestone_number}'] as const

/**
 * Publishers that write into a repository, by configuration key, with the keys their repository
 * had in older releases (`tap`, `bucket`, `index`). pkg/config/config.go RepoRef: owner, name,
 * token, branch, git.url (pushed over SSH with a key instead), pull_request (enabled, base, token).
 */
export const REPOSITORY_PUBLISHERS: Readonly<Record<string, readonly string[]>> = {
  brews: ['repository', 'tap'],
  homebrew_casks: ['repository'],
  scoops: ['repository', 'bucket'],
  krews: ['repository', 'index'],
  nix: ['repository'],
  winget: ['repository'],
}

/** Configuration keys whose work pat-lint does not follow: commands run with the environment, files included. */
export const UNFOLLOWED = { publishers: 'runs the commands of `publishers` with the environment they list', includes: 'includes configuration from other files or URLs' } as const

export const GORELEASER_SOURCE = `${SOURCE} cmd/config.go:47-52, internal/pipe/env/env.go:69 (GITHUB_TOKEN), internal/client/github.go:314 (OpenPullRequest), 409 (CreateFile), 518 (CreateRelease), 792 (Upload), 262 (CloseMilestone), internal/pipe/brew/brew.go:169,198, cask/cask.go:182,211, krew/krew.go:332,361, nix/nix.go:416, winget/winget.go:456-497, release/release.go:31,119, pkg/config/config.go:85-99`

/** goreleaser/goreleaser-action runs `goreleaser <args>` in `workdir` with the step's environment (src/main.ts). */
export const GORELEASER_ACTION = { uses: 'goreleaser/goreleaser-action', args: 'args', workdir: 'workdir', source: 'goreleaser/goreleaser-action @57e184bc5a82be8284323f1ac99a6b188d673f7f src/main.ts (args, workdir), action.yml' } as const
