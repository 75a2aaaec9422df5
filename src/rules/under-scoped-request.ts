import { impliedScopes, levelRank } from '../knowledge/permissions.js'
import { declaredAndUsed, type Rule, type RuleFinding } from './types.js'
import { MAX_REPOSITORY_FINDINGS } from '../limits.js'
import { reachOf } from '../analysis/token-reach.js'
import { reporter } from './finding.js'

/** The workflows need more than pat-requirements.yml requests: the job will fail at run time. */
export const rule: Rule<'missingPermission' | 'lowerLevel' | 'missingScope' | 'missingRepository' | 'moreMissingRepositories'> = {
  meta: {
    id: 'under-scoped-request',
    description: 'A token requests less than its uses need',
    defaultSeverity: 'warning',
    messages: {
      missingPermission: '{{secret}} needs {{permission}}: {{needed}}{{where}}, which pat-requirements.yml does not request',
      lowerLevel: '{{secret}} needs {{permission}}: {{needed}}{{where}}, but requests only {{level}}',
      missingScope: '{{secret}} needs the {{scope}} scope, which pat-requirements.yml does not request',
      missingRepository: '{{secret}} acts on {{repository}}, which its repositories list leaves out',
      moreMissingRepositories: '{{secret}} acts on {{count}} more {{repositories}} its repositories list leaves out, not listed',
    },
  },
  check(ctx) {
    const out: RuleFinding[] = []
    const report = reporter(rule.meta)
    for (const { file, token: t, declaration: d } of declaredAndUsed(ctx)) {
      if (t.verdict.githubTokenWouldDo === true) continue
      const where = (perm: string) => {
        const i = t.decisions.findIndex((x) => x.needs[perm])
        const u = t.uses[i]
        return u ? ` (needed at ${u.file}:${u.line})` : ''
      }
      const pos = d.keyPositions.permissions ?? d.keyPositions.scopes ?? { line: d.line, column: d.column }
      const at = { file, line: pos.line, column: pos.column }
      const repositoriesAt = { ...at, ...(d.fieldPositions.repositories ?? {}) }
      const secret = { secret: t.secret }
      if (d.type === 'fine-grained') {
        for (const [perm, need] of Object.entries(t.verdict.minimal)) {
          if (perm === 'packages' || perm === 'checks') continue // no fine-grained permission: prefer-fine-grained says so
          const have = d.permissions?.[perm]
          if (!have) out.push(report('missingPermission', at, { secret: t.secret, permission: perm, needed: need, where: where(perm) }, secret))
          else if (levelRank(have) < levelRank(need)) out.push(report('lowerLevel', at, { secret: t.secret, permission: perm, needed: need, where: where(perm), level: have }, secret))
        }
      } else {
        const granted = new Set((d.scopes ?? []).flatMap((s) => [...impliedScopes(s)]))
        for (const scope of t.verdict.minimalScopes) {
          if (!granted.has(scope)) out.push(report('missingScope', at, { secret: t.secret, scope }, secret))
        }
      }
      if (Array.isArray(d.repositories)) {
        const have = new Set(d.repositories.map((r) => r.toLowerCase()))
        // Counted from the declared list (short) against the shared reach, not repository by repository.
        const { repositories: reached } = reachOf(t.verdict, null, ctx.memo)
        let left = t.verdict.repositories.length
        for (const repo of have) left -= reached.get(repo) ?? 0
        const shown: string[] = []
        for (const repo of t.verdict.repositories) {
          if (shown.length === Math.min(left, MAX_REPOSITORY_FINDINGS)) break
          if (!have.has(repo.toLowerCase())) shown.push(repo)
        }
        for (const repo of shown) out.push(report('missingRepository', repositoriesAt, { secret: t.secret, repository: repo }, secret))
        const more = left - shown.length
        if (more) out.push(report('moreMissingRepositories', repositoriesAt, { secret: t.secret, count: more, repositories: more === 1 ? 'repository' : 'repositories' }, secret))
      }
    }
    return out
  },
}
