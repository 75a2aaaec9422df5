/**
 * What a GraphQL document touches, as far as it shows that GITHUB_TOKEN cannot do it. GitHub
 * publishes no permission map for GraphQL, so a query is evidence only one way: Projects (R5) and
 * an organization's members or teams (R4) are out of GITHUB_TOKEN's reach whatever else the query
 * does; anything else stays unknown, never "would do".
 */
import type { Call } from '../types.js'
import { because } from '../../knowledge/reasons.js'

const PROJECTS = /projectsV2|projectV2|ProjectNext/i
/** An organization's members or teams: the `members` organization permission (GraphQL objects Organization.membersWithRole, Organization.team/teams). */
const ORG_MEMBERS = /\borganization\s*\([^)]*\)\s*\{[\s\S]*?\b(?:membersWithRole|teams?|team)\b/

/** The calls a GraphQL document shows, or the reason it stays unknown. */
export function graphqlCalls(document: string, what: string): { calls: Call[]; unknown?: string } {
  const calls: Call[] = []
  if (PROJECTS.test(document)) {
    calls.push({ what: `${what} (Projects)`, permissions: { organization_projects: 'write' }, target: { kind: 'organization', owner: null }, patReason: because('Projects are out of GITHUB_TOKEN\'s reach', 'R5') })
  }
  if (ORG_MEMBERS.test(document)) {
    calls.push({ what: `${what} (organization members or teams)`, permissions: { members: 'read' }, target: { kind: 'organization', owner: null }, patReason: because('an organization\'s members and teams need the `members` organization permission, which GITHUB_TOKEN never has', 'R4') })
  }
  return calls.length ? { calls } : { calls, unknown: `${what}: GitHub publishes no permission map for GraphQL` }
}
