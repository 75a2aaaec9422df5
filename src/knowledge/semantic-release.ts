/**
 * What semantic-release does with a GitHub token, by plugin, read from its source. What it does
 * depends on the plugins its configuration lists (the defaults when there is none), so the facts
 * are per plugin; a plugin not listed here stays unknown.
 */

/** Where semantic-release looks for its configuration (cosmiconfig, module name `release`), in order. */
export const CONFIG_DATA_FILES = ['.releaserc', '.releaserc.json', '.releaserc.yaml', '.releaserc.yml', '.config/releaserc', '.config/releaserc.json', '.config/releaserc.yaml', '.config/releaserc.yml'] as const
/** Configuration that is a program: what it lists is known only by running it. */
export const CONFIG_PROGRAM_FILES = [
  '.releaserc.js', '.releaserc.ts', '.releaserc.mjs', '.releaserc.cjs',
  '.config/releaserc.js', '.config/releaserc.ts', '.config/releaserc.mjs', '.config/releaserc.cjs',
  'release.config.js', 'release.config.ts', 'release.config.mjs', 'release.config.cjs',
] as const

/** The plugins used when the configuration lists none (lib/get-config.js). */
export const DEFAULT_PLUGINS = ['@semantic-release/commit-analyzer', '@semantic-release/release-notes-generator', '@semantic-release/npm', '@semantic-release/github'] as const

export interface PluginFacts {
  /** REST routes it calls on the repository of `repositoryUrl`, with the token in GH_TOKEN or GITHUB_TOKEN. */
  routes?: readonly string[]
  /** Routes it calls only on issues and pull requests named by the release's commits: both kinds. */
  issueRoutes?: readonly string[]
  /** Its routes that a `false` option turns off. */
  optional?: Readonly<Record<string, readonly string[]>>
  /** It pushes a commit to the release branch through `repositoryUrl`; the default message, which may skip CI. */
  pushesBranch?: { defaultMessage: string }
  /** It runs shell commands its configuration gives, with the step's environment. */
  runsCommands?: boolean
  /**
   * It moves version tags (`v1`, `v1.2`) to the release with forced pushes through `repositoryUrl`:
   * a moved tag spans commits it did not hold, workflow changes among them (R2), as later-steps.ts
   * reads `git tag -f` with a forced push.
   */
  movesTags?: boolean
  source: string
}

const GITHUB_SOURCE = 'semantic-release/github @b285843a01951ad7bbcb62815b5a698b25dda26a lib/resolve-config.js:27 (GH_TOKEN || GITHUB_TOKEN), lib/verify.js:111, lib/publish.js:70,85,135,180, lib/add-channel.js:45,56,73, lib/success.js:53,122,133,214,228,292,318, lib/fail.js:52,77,93'

/** Plugins by package name. Those not here are unknown: what they do with the token is unseen. */
export const PLUGINS: Readonly<Record<string, PluginFacts>> = {
  '@semantic-release/github': {
    routes: [
      'GET /repos/{owner}/{repo}',
      'POST /repos/{owner}/{repo}/releases',
      'PATCH /repos/{owner}/{repo}/releases/{release_id}',
      'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
      'GET /repos/{owner}/{repo}/releases/tags/{tag}',
    ],
    // Comments and labels go on the issues and pull requests the release's commits resolve; the
    // failure issue is opened, commented on, and closed after a later success.
    issueRoutes: [
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/issues',
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ],
    optional: {
      successComment: ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'],
      releasedLabels: ['POST /repos/{owner}/{repo}/issues/{issue_number}/labels'],
      failComment: ['POST /repos/{owner}/{repo}/issues'],
    },
    source: GITHUB_SOURCE,
  },
  '@semantic-release/git': {
    pushesBranch: { defaultMessage: 'chore(release): ${nextRelease.version} [skip ci]' },
    source: 'semantic-release/git lib/git.js @283536f28c2e0c0f6a0d43f9fde378034fcf5354 (git push --tags origin HEAD:branch); README (message default)',
  },
  '@semantic-release/exec': { runsCommands: true, source: 'semantic-release/exec README (verifyConditionsCmd … publishCmd, successCmd, failCmd run in a shell)' },
  'semantic-release-major-tag': { movesTags: true, source: 'doteric/semantic-release-major-tag src/steps/success.ts @e469b2578b201df953ff641c2b659ab1d251bda4 (git tag --force, git push repositoryUrl --force --tags)' },
  'semantic-release-github-actions-tags': { movesTags: true, source: 'davelosert/semantic-release-github-actions-tags lib/git.js @72c32ff4631307c6e31ba5fdaac6bf12ca1bacc3 (deletes and re-pushes the major and minor tags through repositoryUrl)' },
  // Local work and other registries: no GitHub call with the token.
  '@semantic-release/commit-analyzer': { source: 'semantic-release/commit-analyzer (reads commits)' },
  '@semantic-release/release-notes-generator': { source: 'semantic-release/release-notes-generator (writes notes)' },
  '@semantic-release/changelog': { source: 'semantic-release/changelog (writes a file)' },
  '@semantic-release/npm': { source: 'semantic-release/npm (publishes with NPM_TOKEN to the registry of package.json)' },
}

/**
 * The core's pushes: the release tag (`git push --tags`) through the repository URL, tried first
 * as it is (the credential a checkout left works) and then with GIT_CREDENTIALS, GH_TOKEN or
 * GITHUB_TOKEN put in it. `--dry-run` pushes nothing and calls only the verifying steps.
 */
export const CORE = {
  gitTokenEnv: ['GIT_CREDENTIALS', 'GH_TOKEN', 'GITHUB_TOKEN'],
  apiTokenEnv: ['GH_TOKEN', 'GITHUB_TOKEN'],
  source: 'semantic-release/semantic-release @8d905a56e80030c141a71a32c0c4cb870e90470a lib/get-git-auth-url.js:64-118, lib/git.js:239-253, index.js:67,204-211, lib/get-config.js:21,75-79, cli.js:23-38',
} as const

/** Actions that run semantic-release on the workspace: which inputs stand for which of its options. */
export interface SemanticReleaseAction {
  workingDirectory: string
  dryRun: string
  extends: string
  repositoryUrl: string
  /** A JSON list of plugins replacing the configuration's. */
  plugins?: string
  source: string
}

export const SEMANTIC_RELEASE_ACTIONS: Readonly<Record<string, SemanticReleaseAction>> = {
  'cycjimmy/semantic-release-action': {
    workingDirectory: 'working_directory', dryRun: 'dry_run', extends: 'extends', repositoryUrl: 'repository_url',
    source: 'cycjimmy/semantic-release-action @71b2ac36ece276d61489147b9d5de3cf0d13fad8 src/index.js (chdir to working_directory, semanticRelease with the step environment), src/handleOptions.js',
  },
  'codfish/semantic-release-action': {
    workingDirectory: 'working-directory', dryRun: 'dry-run', extends: 'extends', repositoryUrl: 'repository-url', plugins: 'plugins',
    source: 'codfish/semantic-release-action @8f9a58f2acdc190c356f79159b5de2548cdb63cd entrypoint.js:79-147 (a docker action: the step environment, semanticRelease in working-directory)',
  },
}
