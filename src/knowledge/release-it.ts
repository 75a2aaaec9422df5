/**
 * What release-it does with a GitHub token, read from its source: the token (the variable
 * `github.tokenRef` names, GITHUB_TOKEN by default) is used only by the GitHub plugin, which is
 * off unless `github.release` is on; git commits, tags and pushes with the credential git holds.
 */

const SOURCE = 'release-it/release-it @7ca61cccd16ad56742ee0cb694c946353b66c117'

/** Where it reads its configuration (c12, name `.release-it`, package.json's `release-it` merged in). */
export const CONFIG_DATA_FILES = ['.release-it.json', '.release-it.jsonc', '.release-it.json5', '.release-it.yaml', '.release-it.yml'] as const
export const CONFIG_OTHER_FILES = ['.release-it.js', '.release-it.ts', '.release-it.mjs', '.release-it.cjs', '.release-it.mts', '.release-it.cts', '.release-it.toml'] as const
export const PACKAGE_KEY = 'release-it'

/** The GitHub release (lib/plugin/github/GitHub.js createRelease, uploadReleaseAsset, updateRelease) on the tag git pushed before. */
export const RELEASE_ROUTES = ['POST /repos/{owner}/{repo}/releases', 'POST /repos/{owner}/{repo}/releases/{release_id}/assets', 'PATCH /repos/{owner}/{repo}/releases/{release_id}'] as const
/** `github.comments.submit`: comments on the issues and pull requests the release resolves. */
export const COMMENT_ROUTES = ['GET /repos/{owner}/{repo}/compare/{basehead}', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'] as const

export const RELEASE_IT_SOURCE = `${SOURCE} config/release-it.json (github.release: false, tokenRef GITHUB_TOKEN, npm.publish: true, git.push: true), lib/config.js:145-175 (c12, packageJson), lib/plugin/github/GitHub.js:52-83 (checks skipped on GitHub Actions), 270-330, 399-440, 455-500, lib/plugin/factory.js:58-77 (plugins)`
