/**
 * Events an action causes that could be meant to start other workflows (pat-rules R1), read from
 * what each action does with its token (shared/data/actions-kb.yml `operations`).
 */
import type { TriggerEvent } from './events.js'

export const ACTION_EVENTS: Record<string, TriggerEvent[]> = {
  'peter-evans/create-pull-request': ['pull_request', 'push'],
  'stefanzweifel/git-auto-commit-action': ['push'],
  'EndBug/add-and-commit': ['push'],
  'ad-m/github-push-action': ['push'],
  'changesets/action': ['pull_request', 'push', 'release'],
  'googleapis/release-please-action': ['pull_request', 'release', 'push', 'create'],
  'softprops/action-gh-release': ['release', 'tag push', 'create'],
  'ncipollo/release-action': ['release', 'tag push', 'create'],
  'actions/create-release': ['release', 'tag push', 'create'],
  'cycjimmy/semantic-release-action': ['release', 'push', 'create'],
  'mathieudutour/github-tag-action': ['push', 'create'],
  'anothrNick/github-tag-action': ['push', 'create'],
  'TriPSs/conventional-changelog-action': ['push', 'create'],
  'renovatebot/github-action': ['pull_request', 'push'],
  'repo-sync/pull-request': ['pull_request'],
  'peter-evans/repository-dispatch': ['repository_dispatch'],
  'peter-evans/slash-command-dispatch': ['repository_dispatch'],
  'peter-evans/enable-pull-request-automerge': ['push'],
  'pascalgn/automerge-action': ['push'],
  'fastify/github-action-merge-dependabot': ['push'],
  'hmarr/auto-approve-action': ['pull_request_review'],
  'JamesIves/github-pages-deploy-action': ['push'],
  'peaceiris/actions-gh-pages': ['push'],
  'release-drafter/release-drafter': ['release'],
  // GoReleaser publishes a GitHub release for the tag (actions-kb: "creates the GitHub release and uploads artifacts").
  'goreleaser/goreleaser-action': ['release'],
  'peter-evans/create-or-update-comment': ['issue_comment'],
  'peter-evans/create-issue-from-file': ['issues'],
  'JasonEtco/create-an-issue': ['issues'],
  'actions-ecosystem/action-add-labels': ['pull_request:labeled', 'issues'],
  'actions-ecosystem/action-remove-labels': ['pull_request:unlabeled', 'issues'],
  // actions/labeler sets a pull request's labels (src/api/set-labels.ts at bf12e9b: issues.setLabels).
  'actions/labeler': ['pull_request:labeled', 'pull_request:unlabeled'],
  // github/issue-labeler adds and removes labels on issues and pull requests (src/main.ts at 411dd12).
  'github/issue-labeler': ['pull_request:labeled', 'pull_request:unlabeled', 'issues'],
  // kentaro-m/auto-assign-action requests reviewers and adds assignees (src/pull_request.ts at e4bac10).
  'kentaro-m/auto-assign-action': ['pull_request:review_requested', 'pull_request:assigned'],
  'actions-ecosystem/action-create-comment': ['issue_comment'],
  'mshick/add-pr-comment': ['issue_comment'],
  'thollander/actions-comment-pull-request': ['issue_comment'],
  'marocchino/sticky-pull-request-comment': ['issue_comment'],
  'korthout/backport-action': ['pull_request', 'push'],
  'dawidd6/action-homebrew-bump-formula': ['pull_request', 'push'],
  'BetaHuhn/repo-file-sync-action': ['pull_request', 'push'],
  'mislav/bump-homebrew-formula-action': ['pull_request', 'push'],
  'convictional/trigger-workflow-and-wait': ['workflow_dispatch'],
}

/** Inputs through which actions name the repository they act on. */
export const REPOSITORY_INPUTS = [
  'repository', 'repo', 'target-repository', 'target_repository', 'target-repo', 'target_repo', 'external-repository',
  'external_repository', 'destination-repository', 'destination_repository', 'destination-repo', 'destination_repo',
  'publish-repository', 'publish_repository', 'external_repository', 'remote-repository', 'github-repository', 'homebrew-tap',
  'repository-name', // JamesIves/github-pages-deploy-action: owner/name of the repository to deploy to
]

/**
 * Actions that push with the git credentials they find in the workspace: whether the commits may
 * be foreign (not written by the workflow), and the input naming the repository's directory
 * (each action's action.yml).
 */
export const ACTIONS_THAT_PUSH: ReadonlyMap<string, { foreignCommits: boolean; directoryInput?: string }> = new Map([
  ['stefanzweifel/git-auto-commit-action', { foreignCommits: false, directoryInput: 'repository' }],
  ['endbug/add-and-commit', { foreignCommits: false, directoryInput: 'cwd' }],
  ['cirrus-actions/rebase', { foreignCommits: true }],
])

/**
 * Actions that push with the git CLI in some modes only; a git push carries whatever credential
 * git holds, and a checkout's persisted extraheader wins over the .netrc these actions write for
 * their own token (changesets/action#187: version PRs pushed with the checkout's GITHUB_TOKEN start
 * no workflows). For a major and the step's inputs: whether it pushes with the git CLI; null when
 * that cannot be told (a branch or unknown commit, an input set at run time).
 */
export const GIT_CLI_PUSH_MODES: ReadonlyMap<string, (major: number | null, input: (name: string) => string | undefined) => boolean | null> = new Map([
  // changesets/action: v1 pushes with git unless commitMode is github-api (action.yml at v1.9.0:
  // default git-cli; before v1.5 always git); v2 only with push-with-git-cli: true (default false).
  ['changesets/action', (major, input) => {
    if (major === null) return null
    const value = major < 2 ? input('commitMode') : input('push-with-git-cli')
    if (value?.includes('${{')) return null
    return major < 2 ? (value ?? 'git-cli').trim() !== 'github-api' : (value ?? 'false').trim() === 'true'
  }],
])

/**
 * Actions outside the knowledge base that run no git command: they install a toolchain, restore or
 * save a cache, or upload files (each action's README and source: @actions/cache, @actions/tool-cache,
 * @actions/artifact; docker's buildx and binfmt installers). A credential left behind is not used
 * by them; every other action pat-lint does not know may push with it.
 */
export const INERT_ACTIONS: ReadonlySet<string> = new Set([
  'actions/cache',
  'actions/upload-artifact',
  'actions/upload-pages-artifact',
  'actions/setup-dotnet',
  'actions/setup-ruby',
  'docker/setup-buildx-action',
  'docker/setup-qemu-action',
  'pnpm/action-setup',
  'ruby/setup-ruby',
  'dtolnay/rust-toolchain',
  'swatinem/rust-cache',
  'astral-sh/setup-uv',
  'oven-sh/setup-bun',
  'denoland/setup-deno',
  'hashicorp/setup-terraform',
  'azure/setup-helm',
  'gradle/gradle-build-action',
  'gradle/wrapper-validation-action',
  'subosito/flutter-action',
  'erlef/setup-beam',
  'shivammathur/setup-php',
  'jdx/mise-action',
  'actions-rs/toolchain',
  'mlugg/setup-zig',
  'goto-bus-stop/setup-zig',
  'haskell-actions/setup',
])

/**
 * Actions that fetch secrets from a secrets manager and give each as a step output,
 * `${{ steps.ID.outputs.NAME }}` (hashicorp/vault-action README: each secret is an output named by
 * its `| NAME`; google-github-actions/get-secretmanager-secrets: outputs named before `:`;
 * 1password/load-secrets-action: outputs when export-env is false; Azure/get-keyvault-secrets:
 * outputs named by the secrets). Such an output reaching a step is a credential as a secret is.
 */
export const SECRET_MANAGERS: ReadonlySet<string> = new Set(['hashicorp/vault-action', 'google-github-actions/get-secretmanager-secrets', '1password/load-secrets-action', 'azure/get-keyvault-secrets'])
