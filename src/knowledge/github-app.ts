/**
 * actions/create-github-app-token: the `permission-<name>` inputs it takes (its action.yml,
 * generated from GitHub's App permission names) and how they map to fine-grained PAT names.
 */

/** The permission inputs of actions/create-github-app-token (action.yml, "GENERATED PERMISSIONS INPUTS"). */
export const APP_TOKEN_PERMISSION_INPUTS = new Set([
  'actions', 'administration', 'checks', 'codespaces', 'contents', 'dependabot-secrets', 'deployments', 'email-addresses',
  'environments', 'followers', 'git-ssh-keys', 'gpg-keys', 'interaction-limits', 'issues', 'members', 'metadata',
  'organization-administration', 'organization-announcement-banners', 'organization-copilot-seat-management',
  'organization-custom-org-roles', 'organization-custom-properties', 'organization-custom-roles', 'organization-events',
  'organization-hooks', 'organization-packages', 'organization-personal-access-token-requests',
  'organization-personal-access-tokens', 'organization-plan', 'organization-projects', 'organization-secrets',
  'organization-self-hosted-runners', 'organization-user-blocking', 'packages', 'pages', 'profile', 'pull-requests',
  'repository-custom-properties', 'repository-hooks', 'repository-projects', 'secret-scanning-alerts', 'secrets',
  'security-events', 'single-file', 'starring', 'statuses', 'team-discussions', 'vulnerability-alerts', 'workflows',
])

/** Fine-grained PAT names whose App input is spelled differently. */
const RENAMED: Record<string, string> = { emails: 'email-addresses', keys: 'git-ssh-keys' }

/** The `permission-*` input for a fine-grained permission, or null when the App action has none. */
export function appPermissionInput(permission: string): string | null {
  const name = RENAMED[permission] ?? permission.replace(/_/g, '-')
  return APP_TOKEN_PERMISSION_INPUTS.has(name) ? `permission-${name}` : null
}
