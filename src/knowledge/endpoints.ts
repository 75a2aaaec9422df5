/**
 * Looks up the fine-grained permissions a REST call needs in GitHub's endpoint map. Paths seen in
 * workflows carry variables (`$REPO`, `${{ github.repository }}`, `{owner}`); a variable segment
 * matches any template parameter, literal segments must match, and the most literal template wins.
 */
import { BoundedMap } from '../bounded-map.js'
import { ENDPOINT_TEMPLATES, type EndpointTemplate } from './generated/endpoints.js'
import { type PermissionSet, levelRank } from './permissions.js'
import { PUBLIC_READS } from './public-reads.js'

export interface EndpointMatch {
  template: string
  /** Permissions required together (additional-permission entries folded in, see below). */
  permissions: PermissionSet
  /** True when only a GitHub App (GITHUB_TOKEN included) can call it: no fine-grained PAT permission exists. */
  appOnly: boolean
  /** "organization" / "account" when the endpoint needs a permission of that kind. */
  scope: 'repository' | 'organization' | 'account'
  /** The REST page saying a GET answers public data to anyone: it needs no permission (see public-reads.ts). */
  publicRead?: string
}

type Template = EndpointTemplate

/** Templates by method, indexed when the knowledge is generated: a lookup scans those of its own method. */
const BY_METHOD: ReadonlyMap<string, readonly Template[]> = new Map(Object.entries(ENDPOINT_TEMPLATES))

/** Marks a path segment as "some value we cannot see". */
export const VAR = '\u0000'

/** Splits a URL path into segments, turning shell and expression variables into VAR. */
export function pathSegments(path: string): string[] {
  const clean = path
    .replace(/^https?:\/\/[^/]+/i, '')
    .replace(/^\/api\/v3/, '')
    .split(/[?#]/)[0]
  return clean
    .split('/')
    .filter(Boolean)
    .map((s) => (/\$|\{/.test(s) ? VAR : decodeURIComponentSafe(s)))
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const ORG_PERMISSION = /^(organization_|members$|team_discussions$|issue_types$)/

/** Which fine-grained permissions a call needs. When an endpoint is listed under several
 * permissions with "additional permissions", the docs say either one suffices or both are needed
 * depending on the case; we take the permission named like the path's resource (issues for
 * /issues/, pulls for /pulls/), else the first listed, keep contents alongside workflows, and
 * take every listed permission alongside an administration write. */
export function lookupEndpoint(method: string, path: string | string[]): EndpointMatch | undefined {
  const segs = Array.isArray(path) ? path : pathSegments(path)
  const m = method.toUpperCase()
  // The same few calls recur across a repository's workflows; each result is copied out so
  // that no caller can change the cached one.
  const key = `${m} ${segs.join('/')}`
  let found = lookups.get(key)
  if (found === undefined) {
    found = findEndpoint(m, segs) ?? null
    lookups.set(key, found)
  }
  return found ? { ...found, permissions: { ...found.permissions } } : undefined
}

/** Answers by method and path (text the repository writes): bounded. */
const lookups = new BoundedMap<string, EndpointMatch | null>(8192)

function findEndpoint(m: string, segs: string[]): EndpointMatch | undefined {
  let best: Template | undefined
  let bestScore = -1
  for (const t of BY_METHOD.get(m) ?? []) {
    if (t.greedy ? segs.length < t.segments.length : t.segments.length !== segs.length) continue
    let score = 0
    let ok = true
    for (let i = 0; i < t.segments.length; i++) {
      const want = t.segments[i]
      const got = segs[i]
      const isParam = want.startsWith('{')
      if (isParam) continue
      if (got === VAR) {
        ok = false // a variable never stands for a literal resource name like "pulls"
        break
      }
      if (want.toLowerCase() !== got.toLowerCase()) {
        ok = false
        break
      }
      score++
    }
    if (ok && score > bestScore) {
      best = t
      bestScore = score
    }
  }
  if (!best) return undefined
  const found = best
  type Entry = Template['entries'][number]
  const permissions: PermissionSet = {}
  const primary = best.entries.filter((e) => !e.additional)
  let chosen: readonly Entry[] = primary.length ? primary : []
  if (!chosen.length) {
    const resource = best.segments.find((s) => !s.startsWith('{') && s !== 'repos' && best!.entries.some((e) => e.permission.startsWith(s.replace(/s$/, ''))))
    const named: readonly Entry[] = resource ? best.entries.filter((e) => e.permission.startsWith(resource.replace(/s$/, ''))) : []
    chosen = named.length ? named : best.entries.slice(0, 1)
    // Writing workflow files needs contents as well (the map lists both with additional permissions).
    if (chosen.some((e) => e.permission === 'workflows')) chosen = [...chosen, ...best.entries.filter((e) => e.permission === 'contents')]
    // Administration writes listed with another permission need both: forking or generating a
    // repository also reads the source (contents, advisories), adding a team's repository reads
    // the team (members). The endpoint pages give these as one permission set.
    if (best.entries.some((e) => e.permission === 'administration' && e.level === 'write')) chosen = [...best.entries]
  }
  for (const e of chosen) {
    if (e.permission === 'metadata') continue
    if (!permissions[e.permission] || levelRank(e.level) > levelRank(permissions[e.permission])) permissions[e.permission] = e.level
  }
  const scope = Object.keys(permissions).some((p) => ORG_PERMISSION.test(p))
    ? 'organization'
    : best.segments[0] === 'user' || best.segments[0] === 'gists'
      ? 'account'
      : 'repository'
  const template = `${m} ${found.path}`
  const publicRead = PUBLIC_READS.get(template)
  if (publicRead) return { template, permissions: {}, appOnly: false, scope: 'repository', publicRead }
  return { template, permissions, appOnly: best.appOnly, scope }
}
