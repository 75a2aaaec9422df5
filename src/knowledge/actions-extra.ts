/**
 * Popular actions the shared knowledge base does not cover, written from each action's own
 * action.yml and README (the `source` field names the file and commit read). Same shape as the
 * generated entries, so they are looked up the same way.
 */
import type { ActionFacts } from './generated/actions.js'

export const EXTRA_ACTIONS: readonly ActionFacts[] = [
  {
    uses: 'lowlighter/metrics',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read' },
    classicScopes: [],
    conditional: [{ when: 'output_action: gist', githubToken: null, fineGrained: { gists: 'write' }, classicScopes: ['gist'] }],
    patNeededWhen: ['it reads user and organization data (profile, activity, other repositories) that repository-scoped tokens cannot reach (R4); no scope is needed beyond what plugins ask for'],
    source: 'lowlighter/metrics .github/readme/partials/documentation/setup/action.md @4c7d574d12d519a9c36ffa05f1850623f0177b88',
  },
  {
    uses: 'dawidd6/action-homebrew-bump-formula',
    tokenInputs: [{ name: 'token', defaultsToGithubToken: false }],
    tokenEnv: [],
    takesGithubToken: true,
    githubToken: null,
    fineGrained: { metadata: 'read', contents: 'write', pull_requests: 'write' },
    classicScopes: ['public_repo'],
    conditional: [],
    patNeededWhen: ['it runs brew bump-formula-pr, which forks the tap repository and opens a pull request there: another repository and a fork (R3, R11)'],
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
    patNeededWhen: ['it syncs files, workflow files included, into the other repositories its config file lists and opens pull requests there (R2, R3)'],
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
    patNeededWhen: ['the backport pull requests it opens must start workflows (R1)'],
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
    patNeededWhen: ['it reads an organization\'s team membership: an organization permission GITHUB_TOKEN never has (R4)'],
    source: 'tspascoal/get-user-teams-membership README.md @0aab3d86847713d65cc916865eddb204b66c0012',
  },
]
