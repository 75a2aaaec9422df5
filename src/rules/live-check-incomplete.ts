import { reporter } from './finding.js'
import { liveTokens } from './live.js'
import type { Rule, RuleFinding } from './types.js'

/** A live check that could not read what it was asked to: said, so that silence never reads as a pass. */
export const rule: Rule<'notSet' | 'notSent' | 'failed' | 'unreadable' | 'repositoryFailed' | 'moreRepositories'> = {
  meta: {
    id: 'live-check-incomplete',
    description: 'The live check could not read a token, or part of what GitHub says about it',
    defaultSeverity: 'warning',
    messages: {
      notSet: '{{secret}} was not checked: it is empty in pat-lint\'s environment (pass it in the step\'s env: from secrets.{{secret}}; secrets are empty in runs from forks)',
      notSent: '{{secret}} was not sent to GitHub: {{problem}}',
      failed: '{{secret}} could not be checked: {{problem}}',
      unreadable: '{{secret}} was checked, but {{problem}}',
      repositoryFailed: 'whether {{secret}} can see {{repository}} could not be checked: {{problem}}',
      moreRepositories: '{{secret}} reaches {{count}} more repositories than the live check reads; they were not checked',
    },
  },
  check(ctx) {
    const report = reporter(rule.meta)
    const out: RuleFinding[] = []
    for (const t of liveTokens(ctx)) {
      const c = t.check
      const secret = { secret: c.secret }
      const data = { secret: c.secret, problem: c.problem ?? 'no reason given' }
      if (c.outcome === 'not-set') out.push(report('notSet', t.at(), data, secret))
      else if (c.outcome === 'not-sent') out.push(report('notSent', t.at(), data, secret))
      else if (c.outcome === 'failed') out.push(report('failed', t.at(), data, secret))
      else if (c.outcome === 'accepted' && c.problem) out.push(report('unreadable', t.at(), data, secret))
      for (const r of c.repositories ?? []) {
        if (r.access === 'failed') out.push(report('repositoryFailed', t.at('repositories'), { secret: c.secret, repository: r.repository, problem: r.detail ?? 'no reason given' }, secret))
      }
      if (c.repositoriesNotChecked) out.push(report('moreRepositories', t.at('repositories'), { secret: c.secret, count: c.repositoriesNotChecked }, secret))
    }
    return out
  },
}
