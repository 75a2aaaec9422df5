import { ruleTester } from './rule-tester.js'
import { DISPATCH, LIVE } from './sample-files.js'

const WF = DISPATCH('octo/other')
const AT = 'secrets.D_PAT'

ruleTester('live-check-incomplete', {
  valid: [
    { name: 'accepted, every repository read', workflow: WF, live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'private' }] })] },
    { name: 'rejected is another rule\'s', workflow: WF, live: [LIVE('D_PAT', { outcome: 'rejected' })] },
  ],
  invalid: [
    { name: 'not set', workflow: WF, live: [LIVE('D_PAT', { outcome: 'not-set', kind: 'empty' })], errors: [{ messageId: 'notSet', near: AT, severity: 'warning' }] },
    { name: 'not sendable', workflow: WF, live: [LIVE('D_PAT', { outcome: 'not-sent', kind: 'unknown', problem: 'a trailing newline' })], errors: [{ messageId: 'notSent', near: AT }] },
    { name: 'no answer', workflow: WF, live: [LIVE('D_PAT', { outcome: 'failed', problem: 'GitHub answered 502' })], errors: [{ messageId: 'failed', near: AT }] },
    { name: 'an unreadable header', workflow: WF, live: [LIVE('D_PAT', { problem: 'GitHub sent an expiration date pat-lint cannot read' })], errors: [{ messageId: 'unreadable', near: AT }] },
    {
      name: 'a repository not read, and more than the limit',
      workflow: WF,
      live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'failed', detail: 'no answer in time' }], repositoriesNotChecked: 3 })],
      errors: [{ messageId: 'repositoryFailed', near: AT }, { messageId: 'moreRepositories', near: AT }],
    },
  ],
})
