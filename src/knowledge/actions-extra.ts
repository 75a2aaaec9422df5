/**
 * Popular actions the shared knowledge base does not cover, written from each action's own
 * action.yml and README (the `source` field names the file and commit read). Same shape as the
 * generated entries, so they are looked up the same way.
 */
import type { KnownAction } from './actions.js'
import { because, citing } from './reasons.js'

export const EXTRA_ACTIONS: readonly KnownAction[] = [
  {
    uses: 'lowlighter/metrics',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read' },
    classicScopes: [],
    // What a section or plugin reads, as GitHub's permission map names it: commit history and
    // repository contents (base sections, languages, lines, habits), issue and pull-request
    // reactions and counts (reactions, followup), traffic (GET …/traffic/* is administration:read).
    conditional: [
      { when: 'output_action: gist', githubToken: null, fineGrained: { gists: 'write' }, classicScopes: ['gist'] },
      { when: 'base is not empty (default: header, activity, community, repositories, metadata)', githubToken: null, fineGrained: { contents: 'read' }, classicScopes: [] },
      ...['languages', 'lines', 'habits'].map((p) => ({ when: `plugin_${p} is enabled`, githubToken: null, fineGrained: { contents: 'read' as const }, classicScopes: [] })),
      ...['reactions', 'followup'].map((p) => ({ when: `plugin_${p} is enabled`, githubToken: null, fineGrained: { issues: 'read' as const, pull_requests: 'read' as const }, classicScopes: [] })),
      { when: 'plugin_traffic is enabled', githubToken: null, fineGrained: { administration: 'read' }, classicScopes: [] },
    ],
    patNeededWhen: [citing('it reads user and organization data (profile, activity, other repositories) that repository-scoped tokens cannot reach (R4); no scope is needed beyond what plugins ask for', 'R4')],
    source: 'lowlighter/metrics .github/readme/partials/documentation/setup/action.md @4c7d574d12d519a9c36ffa05f1850623f0177b88; source/plugins/base/metadata.yml @0d25bf7689cf11b9c3931341b0c60c84b9daa015 (base default); source/plugins/traffic/metadata.yml @161c0bd5bc43bbba01c7d59f932c78974a318902',
  },
  {
    uses: 'dawidd6/action-homebrew-bump-formula',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    // The fork it pushes to lags the tap: the push carries the tap's newer commits, workflow
    // files included, which GitHub refuses without workflows:write / `workflow` (R2).
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write', workflows: 'write' },
    classicScopes: ['public_repo', 'workflow'],
    conditional: [],
    patNeededWhen: [because('it runs brew bump-formula-pr, which forks the tap repository and opens a pull request there: another repository and a fork', 'R3', 'R11')],
    source: 'dawidd6/action-homebrew-bump-formula README.md @102ccb27b575fe498b4f5ca78b2bde99a59f9150',
  },
  {
    uses: 'BetaHuhn/repo-file-sync-action',
    tokenInputs: [{ name: 'GH_PAT', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write', workflows: 'write' },
    classicScopes: ['repo', 'workflow'],
    conditional: [],
    patNeededWhen: [because('it syncs files, workflow files included, into the other repositories its config file lists and opens pull requests there', 'R2', 'R3')],
    source: 'BetaHuhn/repo-file-sync-action action.yml @111906a96336c1fc3e21840abf8fa9e9aa0cb29a',
  },
  {
    uses: 'korthout/backport-action',
    tokenInputs: [{ name: 'github_token', defaultsToGithubToken: true }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: { contents: 'write', 'pull-requests': 'write' },
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write' },
    classicScopes: ['repo'],
    conditional: [],
    patNeededWhen: [because('the backport pull requests it opens must start workflows', 'R1')],
    source: 'korthout/backport-action action.yml @005d2086074f5928eb6810e603238c5f731c9e5d',
  },
  {
    uses: 'tspascoal/get-user-teams-membership',
    tokenInputs: [{ name: 'GITHUB_TOKEN', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { members: 'read' },
    classicScopes: ['read:org'],
    conditional: [],
    patNeededWhen: [because('it reads an organization\'s team membership: an organization permission GITHUB_TOKEN never has', 'R4')],
    source: 'tspascoal/get-user-teams-membership README.md @0aab3d86847713d65cc916865eddb204b66c0012',
  },
  {
    uses: 'mislav/bump-homebrew-formula-action',
    tokenInputs: [],
    tokenEnv: ['COMMITTER_TOKEN'],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write', workflows: 'write' },
    classicScopes: ['repo', 'workflow'],
    conditional: [],
    patNeededWhen: [because('it edits the formula in the homebrew-tap repository (default Homebrew/homebrew-core), through a fork and a pull request when it cannot push: another repository', 'R3', 'R11')],
    // action.yml: homebrew-tap "the repository where the formula should be updated" (default
    // Homebrew/homebrew-core); push-to "an existing fork of the homebrew-tap repository".
    repositoryInput: 'homebrew-tap',
    repositoryDefault: 'Homebrew/homebrew-core',
    alsoRepositoryInputs: ['push-to'],
    source: 'mislav/bump-homebrew-formula-action README.md @06456343544165da13e9cb6460cae203845649eb, action.yml @1533e855f580284761b12b591d9d5baae10f1690',
  },
  {
    uses: 'convictional/trigger-workflow-and-wait',
    tokenInputs: [{ name: 'github_token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: { actions: 'write' },
    fineGrained: { metadata: 'read', actions: 'write' },
    classicScopes: ['repo'],
    conditional: [],
    patNeededWhen: [because('the workflow it triggers (owner and repo inputs) is in another repository', 'R3')],
    source: 'convictional/trigger-workflow-and-wait action.yml @0e8f635202d2c0f218920f1b8679e7b5f4b33767',
  },
  {
    uses: 'derberg/manage-files-in-multiple-repositories',
    tokenInputs: [{ name: 'github_token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', contents: 'write', workflows: 'write', pull_requests: 'write' },
    classicScopes: ['repo', 'workflow'],
    conditional: [],
    patNeededWhen: [because('it pushes workflow files to the other repositories of the owner and opens pull requests there; its action.yml says GITHUB_TOKEN cannot be used', 'R2', 'R3')],
    source: 'derberg/manage-files-in-multiple-repositories action.yml @05fa354153ee14fd29bebefc439a2a303d69df60',
  },
  {
    uses: 'ahmadnassri/action-dependabot-auto-merge',
    tokenInputs: [{ name: 'github-token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', pull_requests: 'write' },
    classicScopes: ['public_repo'],
    conditional: [],
    patNeededWhen: [because('it approves the pull request and comments a merge command to Dependabot, which obeys only users with push access: the README asks for a personal token of such a user', 'R8')],
    source: 'ahmadnassri/action-dependabot-auto-merge README.md @04b6e4cdef016181545c54e646c51f14e5c69d70 (Token Scope), action.yml @2133115d42d94a212b3cf241bf95655fe87da122',
  },
  {
    uses: 'cirrus-actions/rebase',
    tokenInputs: [],
    tokenEnv: ['GITHUB_TOKEN'],
    takesGithubToken: true,
    githubToken: null,
    // Rebasing onto the base branch carries the base's newer workflow files into the push (R2).
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'read', workflows: 'write' },
    classicScopes: ['repo', 'workflow'],
    conditional: [],
    patNeededWhen: [citing('it force-pushes the rebased head branch of the pull request, which for a pull request from a fork is in another repository (R3) that only a user allowed to edit it can push to (R11), and the push must start CI again (R1)', 'R3', 'R11', 'R1')],
    source: 'cirrus-actions/rebase entrypoint.sh @31b9e5c77166ef14a2f58cbe20b016397ef25348 (GITHUB_TOKEN env, GET pulls/{n}, push to the head repository), README.md @52085520a99bce7c4b518015131140c798911155',
  },
  {
    uses: 'theme-keep/hexo-deploy-github-pages-action',
    tokenInputs: [],
    tokenEnv: ['PERSONAL_TOKEN'],
    takesGithubToken: true,
    githubToken: { contents: 'write' },
    // It builds the site and force-pushes it to BRANCH of PUBLISH_REPOSITORY (this repository when unset).
    fineGrained: { metadata: 'read', contents: 'write' },
    classicScopes: ['repo'],
    conditional: [],
    patNeededWhen: [because('PUBLISH_REPOSITORY names another repository', 'R3')],
    repositoryEnv: 'PUBLISH_REPOSITORY',
    source: 'theme-keep/hexo-deploy-github-pages-action entrypoint.sh @1123177ac4be64380812c7e30c8ef6e9e7c89df2 (env PERSONAL_TOKEN, PUBLISH_REPOSITORY defaulting to GITHUB_REPOSITORY, git push --force), action.yml @5d9410c5162c034b5f0869874ba770e17b7766f3',
  },
  {
    // action.yml: token "a Personal Access Token (PAT) with either the user:read or org:read
    // permission scope ... generated from the account or organization that receives sponsorship";
    // it reads that account's sponsors, which no GITHUB_TOKEN permission reaches (R4).
    uses: 'JamesIves/github-sponsors-readme-action',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: null,
    classicScopes: ['read:user'],
    conditional: [{ when: 'organization: true', githubToken: null, fineGrained: null, classicScopes: ['read:org'] }],
    patNeededWhen: [because('it reads the sponsors of a user or organization: an account-level API no GITHUB_TOKEN permission reaches', 'R4')],
    classicOnlyReason: because('the action documents a classic token with read:user (read:org for an organization) for the sponsors it reads', 'R4'),
    source: 'JamesIves/github-sponsors-readme-action action.yml @01673aad8199e8042c8bf73b48e445333851617a (inputs token, organization)',
  },
  {
    // action.yml: token "GitHub token to create pull request on Windows Package Manager Community
    // Repository"; fork-user "GitHub username where the fork of winget-pkgs is present". It pushes
    // the manifests to that fork and opens the pull request on microsoft/winget-pkgs.
    uses: 'vedantmgoyal2009/winget-releaser',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write' },
    classicScopes: ['public_repo'],
    conditional: [],
    patNeededWhen: [because('it pushes to a fork of microsoft/winget-pkgs and opens the pull request there: repositories this workflow does not own', 'R3', 'R11')],
    repositoryDefault: 'microsoft/winget-pkgs',
    classicOnlyReason: because('a pull request to microsoft/winget-pkgs, a public repository the token\'s user is not a member of: fine-grained tokens cannot contribute there', 'R18'),
    source: 'vedantmgoyal2009/winget-releaser action.yml @cf8c5b693dd449d2587c52cf5032febca299281d (inputs token, fork-user)',
  },
  {
    uses: 'conda/actions/check-cla',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: true }, { name: 'cla_token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: null,
    classicScopes: null,
    conditional: [],
    patNeededWhen: [],
    byTokenInput: {
      // Reacts to the comment, reads the pull request, labels and comments on it, sets a commit
      // status, and reads the signee list from cla_repo (conda/infrastructure, a public repository).
      token: {
        githubToken: { issues: 'write', 'pull-requests': 'write', statuses: 'write' },
        fineGrained: { metadata: 'read', issues: 'write', pull_requests: 'write', statuses: 'write' },
        classicScopes: ['repo'],
        patNeededWhen: [],
      },
      // Pushes the new signee to a branch of cla_fork and opens the pull request in cla_repo (create-pull-request push-to-fork).
      cla_token: {
        githubToken: null,
        fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write', workflows: 'write' },
        classicScopes: ['repo', 'workflow'],
        patNeededWhen: [because('it pushes to a fork (cla_fork) and opens the signee pull request in cla_repo, other repositories', 'R3', 'R11')],
        repositoryInput: 'cla_repo',
        repositoryDefault: 'conda/infrastructure',
      },
    },
    source: 'conda/actions check-cla/action.yml @2c5b4521830e39813402af58ed6c893410c92d97 (inputs token, cla_token, cla_repo, cla_fork; its composite steps)',
  },
]

/**
 * Facts the shared knowledge base leaves out or states from an outdated source, merged into its
 * entries (`replace` overrides fields). Each names the file read.
 * - docker/login-action: a login is to Docker Hub unless `registry` names another registry; its
 *   password is a GitHub token only for GitHub's registries.
 * - changesets/action: releases up to v1.7 read the token only from env GITHUB_TOKEN (newer ones
 *   also take the `github-token` input).
 * - peter-evans/slash-command-dispatch: its README says GITHUB_TOKEN "does not have scopes to
 *   create" dispatch events; GitHub now grants that (contents: write, actions: write) and such
 *   dispatches do start runs (R1a). With `token`, the source makes only these calls on the
 *   `repository` input (this one by default): the commenter's permission, the pull request,
 *   the dispatch (and, for workflow dispatches, the workflow list). Reactions use `reaction-token`.
 */
export const ACTION_CORRECTIONS: readonly { uses: string; tokenEnv?: string[]; replace?: Partial<KnownAction>; source: string }[] = [
  {
    // `registry` defaults to Docker Hub; only ghcr.io (and the older docker.pkg.github.com) take a GitHub token.
    uses: 'docker/login-action',
    replace: { githubWhen: { input: 'registry', hosts: ['ghcr.io', 'docker.pkg.github.com'], otherwise: 'Docker Hub when `registry` is not set' } },
    source: 'docker/login-action action.yml @087884b3d26e0ea9f5fac62cfefae4831c7b96dc (registry: "If not set then will default to Docker Hub")',
  },
  { uses: 'changesets/action', tokenEnv: ['GITHUB_TOKEN'], source: 'changesets/action src/index.ts @0079d1574ba993236995bba8bd2f0059b091a7d5 (process.env.GITHUB_TOKEN)' },
  {
    uses: 'peter-evans/slash-command-dispatch',
    replace: {
      patNeededWhen: [because('`repository` names another repository', 'R3')],
      byTokenInput: {
        token: {
          githubToken: { contents: 'write', 'pull-requests': 'read' },
          fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'read' },
          classicScopes: ['repo'],
          conditional: [{ when: 'dispatch-type: workflow', githubToken: { actions: 'write' }, fineGrained: { actions: 'write' } }],
          patNeededWhen: [because('`repository` names another repository', 'R3')],
        },
        'reaction-token': {
          githubToken: { issues: 'write' },
          fineGrained: { metadata: 'read', issues: 'write' },
          classicScopes: ['repo'],
          patNeededWhen: [],
          events: [],
        },
      },
    },
    source: 'peter-evans/slash-command-dispatch src/github-helper.ts @b3fce2c2912ff7c9033a12a636dd6a350d7b2676 (getCollaboratorPermissionLevel, pulls.get, createDispatchEvent or workflow dispatch; reactions with reaction-token), README.md @02782580e549454adf8e23a8133edf5ae26eae10',
  },
]
