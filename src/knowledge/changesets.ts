/**
 * What the changesets CLI (`changeset`, of @changesets/cli) does with a GitHub token, read from its
 * source: only `changeset version` makes GitHub calls, through the changelog generator
 * `.changeset/config.json` names; `publish` publishes to the npm registry and tags locally.
 */

export const CONFIG_FILE = '.changeset/config.json'

/** Subcommands that make no GitHub call and run nothing that might (the bare command adds a changeset). */
export const LOCAL = new Set(['add', 'status', 'tag', 'pre', 'init', 'pack', 'publish-plan', '--help', '--version'])

/** `publish` runs the package manager's publish for each package, which reads the registry's token as an .npmrc says. */
export const PUBLISH = 'publish'

/**
 * Changelog generators by package: the GraphQL reads @changesets/changelog-github makes with
 * GITHUB_TOKEN (commits, their pull requests and authors) in the repository its `repo` option
 * names (else GITHUB_REPOSITORY); the others make none. An unknown one stays unseen.
 */
export const CHANGELOGS: Readonly<Record<string, { reads: boolean }>> = {
  '@changesets/changelog-github': { reads: true },
  '@changesets/cli/changelog': { reads: false },
  '@changesets/changelog-git': { reads: false },
}

/** The default when the configuration names none (packages/config/src/defaults.ts). */
export const DEFAULT_CHANGELOG = '@changesets/cli/changelog'

export const CHANGESETS_SOURCE = 'changesets/changesets @5322174b2722b626161ca1b9c0889ede440b30b5 packages/get-github-info/src/env.ts (GITHUB_TOKEN), src/dataloader.ts:100-175 (GraphQL queries only), packages/changelog-github/src/index.ts:53-63 (repo option, else GITHUB_REPOSITORY), packages/cli/src/commands/'
