/**
 * What a pull request newly requests in pat-requirements.yml, compared with its base: new
 * tokens, new permissions or scopes, higher levels, more repositories, a longer (or no) expiry,
 * classic instead of fine-grained. That is what a reviewer must approve.
 */
import { impliedScopes, levelRank } from '../knowledge/permissions.js'
import type { DeclaredToken } from './load.js'

export type ChangeKind = 'new-token' | 'new-permission' | 'higher-level' | 'new-scope' | 'more-repositories' | 'longer-expiry' | 'to-classic' | 'new-owner'

export interface RequestChange {
  secret: string
  kind: ChangeKind
  detail: string
  /** Where the change is written in the head file. */
  line: number
}

function days(e: DeclaredToken['expires-in']): number {
  return e === undefined || e === 'none' ? Infinity : e
}

export function diffRequests(base: DeclaredToken[], head: DeclaredToken[]): RequestChange[] {
  const before = new Map(base.map((t) => [t.secret, t]))
  const out: RequestChange[] = []
  for (const t of head) {
    const b = before.get(t.secret)
    const at = (key: string) => (t.keyPositions[key] ?? t.fieldPositions[key] ?? t).line
    if (!b) {
      const what = t.type === 'classic' ? `scopes ${(t.scopes ?? []).join(', ') || 'none'}` : `permissions ${Object.entries(t.permissions ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}`
      out.push({ secret: t.secret, kind: 'new-token', detail: `new ${t.type} token with ${what}`, line: t.line })
      continue
    }
    if (t.type === 'classic' && b.type === 'fine-grained') out.push({ secret: t.secret, kind: 'to-classic', detail: 'changed from fine-grained to classic', line: at('type') })
    if (t.type === 'fine-grained') {
      const was = b.type === 'fine-grained' ? (b.permissions ?? {}) : {}
      for (const [perm, level] of Object.entries(t.permissions ?? {})) {
        if (!level) continue
        const old = (was as Record<string, string | undefined>)[perm]
        if (!old) out.push({ secret: t.secret, kind: 'new-permission', detail: `adds ${perm}: ${level}`, line: at(`permissions.${perm}`) })
        else if (levelRank(level) > levelRank(old)) out.push({ secret: t.secret, kind: 'higher-level', detail: `raises ${perm} from ${old} to ${level}`, line: at(`permissions.${perm}`) })
      }
    } else {
      const granted = new Set((b.type === 'classic' ? (b.scopes ?? []) : []).flatMap((s) => [...impliedScopes(s)]))
      ;(t.scopes ?? []).forEach((scope, i) => {
        if (!granted.has(scope)) out.push({ secret: t.secret, kind: 'new-scope', detail: `adds the ${scope} scope`, line: at(`scopes.${i}`) })
      })
    }
    const repos = (r: DeclaredToken['repositories']) => (r === 'all' ? null : new Set((r ?? []).map((x) => x.toLowerCase())))
    const was = repos(b.repositories)
    const now = repos(t.repositories)
    if (was && !now && t.repositories === 'all') out.push({ secret: t.secret, kind: 'more-repositories', detail: 'now reaches all repositories', line: at('repositories') })
    else if (was && now) {
      const added = [...now].filter((r) => !was.has(r))
      if (added.length) out.push({ secret: t.secret, kind: 'more-repositories', detail: `adds ${added.join(', ')}`, line: at('repositories') })
    }
    if (days(t['expires-in']) > days(b['expires-in'])) {
      const show = (e: DeclaredToken['expires-in']) => (e === undefined ? 'unset' : e === 'none' ? 'never' : `${e} days`)
      out.push({ secret: t.secret, kind: 'longer-expiry', detail: `expiry from ${show(b['expires-in'])} to ${show(t['expires-in'])}`, line: at('expires-in') })
    }
    if (t.owner && b.owner && t.owner.toLowerCase() !== b.owner.toLowerCase()) out.push({ secret: t.secret, kind: 'new-owner', detail: `owner from ${b.owner} to ${t.owner}`, line: at('owner') })
  }
  return out
}
