/**
 * GET endpoints whose answer is public data, the same for every caller: GitHub's endpoint map lists
 * an organization or user permission for them (needed only for private resources), but their REST
 * pages say they can be used without authentication. Endpoints that answer more to a caller with
 * the permission (`GET /orgs/{org}/members` also lists concealed members to a member) are not here:
 * swapping the token would change what the workflow sees.
 */
export const PUBLIC_READS: ReadonlyMap<string, string> = new Map([
  // "Check public organization membership for a user", "List public organization members":
  // public memberships only (REST docs, orgs/members: usable without authentication).
  ['GET /orgs/{org}/public_members', 'https://docs.github.com/rest/orgs/members#list-public-organization-members'],
  ['GET /orgs/{org}/public_members/{username}', 'https://docs.github.com/rest/orgs/members#check-public-organization-membership-for-a-user'],
  // "Lists the verified public keys for a user. This is accessible by anyone." (REST docs, users/keys)
  ['GET /users/{username}/keys', 'https://docs.github.com/rest/users/keys#list-public-keys-for-a-user'],
])
