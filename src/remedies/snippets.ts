/**
 * Ready-to-paste YAML for the alternatives to a PAT: a job's `permissions:` block for
 * GITHUB_TOKEN, and an actions/create-github-app-token step. Pure functions over plain data.
 */
import { appPermissionInput } from '../knowledge/github-app.js'
import type { PermissionSet } from '../knowledge/permissions.js'
import { githubTokenPermissions } from '../analysis/decide.js'
import { byKey } from '../order.js'
import { firstOf, MAX_REPOSITORIES_PER_TOKEN } from '../limits.js'

/** `permissions:` for a job whose token needs `needs` (metadata is implicit; contents: read kept for checkout). */
export function permissionsBlock(needs: PermissionSet, indent = ''): string {
  const { block } = githubTokenPermissions(needs)
  const entries = Object.entries(block).sort(byKey)
  if (!entries.length) return `${indent}permissions: {}`
  return [`${indent}permissions:`, ...entries.map(([k, v]) => `${indent}  ${k}: ${v}`)].join('\n')
}

/** A create-github-app-token step narrowed to the owner, repositories and permissions given. */
export function appTokenStep(options: { owner: string | null; repositories: string[]; permissions: PermissionSet }): string {
  const lines = [
    '- uses: actions/create-github-app-token@v2',
    '  id: app-token',
    '  with:',
    '    app-id: ${{ vars.APP_ID }}',
    '    private-key: ${{ secrets.APP_PRIVATE_KEY }}',
  ]
  if (options.owner) lines.push(`    owner: ${options.owner}`)
  const names = [...new Set(options.repositories.map((r) => r.split('/')[1]).filter(Boolean))].sort()
  const { shown, more } = firstOf(names, MAX_REPOSITORIES_PER_TOKEN)
  if (shown.length) lines.push(`    repositories: ${shown.join(',')}`)
  if (more) lines.push(`    # and ${more} more repositories, not listed here`)
  for (const [perm, level] of Object.entries(options.permissions).sort(byKey)) {
    const input = appPermissionInput(perm)
    if (input) lines.push(`    ${input}: ${level}`)
  }
  return lines.join('\n')
}
