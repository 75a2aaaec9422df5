import { quoted } from '../limits.js'
import { githubTokenPermissions, mergePermissions } from '../analysis/decide.js'
import type { PermissionSet } from '../knowledge/permissions.js'
import type { UseDecision } from '../analysis/types.js'
import type { Rule, RuleFinding, TokenFacts } from './types.js'
import { byKey } from '../order.js'
import { reporter } from './finding.js'
import { isSshKeyUse } from '../analysis/recognise.js'

function blockText(needs: PermissionSet): string {
  const { block } = githubTokenPermissions(needs)
  const entries = Object.entries(block).sort(byKey)
  return entries.length ? `permissions: { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : 'permissions: {}'
}

/** The settings GITHUB_TOKEN needs besides its permissions, as a clause: ", provided …". */
function providedText(decisions: readonly UseDecision[]): string {
  const texts = [...new Set(decisions.flatMap((d) => d.provided.map((r) => r.text)))]
  return texts.length ? `, ${texts.join('; ')}` : ''
}

/** Per job: the permissions GITHUB_TOKEN would need there instead of the PAT. */
function perJob(t: TokenFacts): string {
  const jobs = new Map<string, PermissionSet>()
  t.uses.forEach((u, i) => {
    // A workflow-level env binding is needed by the jobs of the steps that read it.
    const names = u.job ? [u.job.id] : [...new Set((u.readBy ?? []).map((s) => s.job ?? '(composite)'))]
    for (const job of names) jobs.set(job, mergePermissions(jobs.get(job) ?? {}, t.decisions[i].needs))
  })
  return [...jobs.entries()].map(([job, needs]) => `job ${quoted(job)}: ${blockText(needs)}`).join('; ')
}

/**
 * A PAT used where the built-in GITHUB_TOKEN would do: the PAT can be revoked. When the token is
 * needed elsewhere, the uses that do not need it are noted, so the PAT reaches fewer steps.
 */
export const rule: Rule<'exposedUnused' | 'githubTokenWouldDo' | 'useWouldTakeGithubToken' | 'reachesUnused'> = {
  meta: {
    id: 'pat-where-github-token-would-do',
    description: 'A PAT is used where GITHUB_TOKEN would do',
    defaultSeverity: 'warning',
    messages: {
      exposedUnused: '{{secret}} is exposed but nothing uses it: remove it from env and revoke the token',
      githubTokenWouldDo: 'every use of {{secret}} could use GITHUB_TOKEN (`${{ github.token }}`) instead: {{perJob}}{{provided}}; then revoke the token',
      useWouldTakeGithubToken: 'this use of {{secret}} could take GITHUB_TOKEN with {{block}}{{provided}}: the PAT need not reach this step',
      reachesUnused: '{{secret}} reaches this place but nothing here uses it: remove it',
    },
  },
  check(ctx) {
    const out: RuleFinding[] = []
    const report = reporter(rule.meta)
    for (const t of ctx.tokens) {
      // An SSH key (a deploy key) is no PAT: GITHUB_TOKEN does not replace it, as its pushes start
      // workflows and GITHUB_TOKEN's do not (pat-rules R1), and there is no token to revoke.
      if (!t.uses.length || t.sshKey) continue
      if (t.verdict.githubTokenWouldDo === true) {
        const at = { use: t.uses[0] }
        const unread = t.decisions.every((d) => !d.calls.length)
        out.push(unread ? report('exposedUnused', at, { secret: t.secret }, { secret: t.secret }) : report('githubTokenWouldDo', at, { secret: t.secret, perJob: perJob(t), provided: providedText(t.decisions) }, { secret: t.secret }))
        continue
      }
      if (t.verdict.githubTokenWouldDo !== false) continue
      t.uses.forEach((u, i) => {
        const d = t.decisions[i]
        if (d.githubTokenWouldDo !== true || isSshKeyUse(u)) return
        const extra = { secret: t.secret, severity: 'note' as const }
        out.push(d.calls.length ? report('useWouldTakeGithubToken', { use: u }, { secret: t.secret, block: blockText(d.needs), provided: providedText([d]) }, extra) : report('reachesUnused', { use: u }, { secret: t.secret }, extra))
      })
    }
    return out
  },
}
