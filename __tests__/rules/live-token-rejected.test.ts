import { RQ, ruleTester } from './rule-tester.js'
import { DISPATCH, LIVE, REQ, TOKEN, WF_LIVE, CLASSIC_REPO } from './sample-files.js'

ruleTester('live-token-rejected', {
  valid: [
    { name: 'no live check', workflow: DISPATCH('octo/other') },
    { name: 'accepted', workflow: DISPATCH('octo/other'), live: [LIVE('D_PAT')] },
    { name: 'not set is another rule\'s', workflow: DISPATCH('octo/other'), live: [LIVE('D_PAT', { outcome: 'not-set', kind: 'empty' })] },
  ],
  invalid: [
    { name: 'rejected, declared: at the declaration', workflow: DISPATCH('octo/other'), requirements: REQ(TOKEN('D_PAT', CLASSIC_REPO)), live: [LIVE('D_PAT', { outcome: 'rejected' })], errors: [{ messageId: 'rejected', file: RQ, near: 'D_PAT', severity: 'error' }] },
    { name: 'rejected, undeclared: at its first use', workflow: DISPATCH('octo/other'), live: [LIVE('D_PAT', { outcome: 'rejected' })], errors: [{ messageId: 'rejected', near: 'secrets.D_PAT' }] },
    { name: 'only handed to the live check: at that step\'s env', workflow: WF_LIVE('X_PAT'), live: [LIVE('X_PAT', { outcome: 'rejected' })], errors: [{ messageId: 'rejected', near: 'secrets.X_PAT' }] },
  ],
})
