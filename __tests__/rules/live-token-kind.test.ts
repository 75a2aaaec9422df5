import { RQ, ruleTester } from './rule-tester.js'
import { CLASSIC_REPO, DISPATCH, LIVE, REQ, TOKEN } from './sample-files.js'

const WF = DISPATCH('octo/other')
const FINE = 'type: fine-grained\nowner: octo\nrepositories: [octo/other]\nexpires-in: 30\npermissions:\n  contents: write'

ruleTester('live-token-kind', {
  valid: [
    { name: 'classic as declared', workflow: WF, requirements: REQ(TOKEN('D_PAT', CLASSIC_REPO)), live: [LIVE('D_PAT')] },
    { name: 'fine-grained as declared', workflow: WF, requirements: REQ(TOKEN('D_PAT', FINE)), live: [LIVE('D_PAT', { kind: 'fine-grained' })] },
    { name: 'undeclared fine-grained', workflow: WF, live: [LIVE('D_PAT', { kind: 'fine-grained' })] },
    { name: 'an unknown value is the incomplete rule\'s', workflow: WF, requirements: REQ(TOKEN('D_PAT', FINE)), live: [LIVE('D_PAT', { kind: 'unknown', outcome: 'not-sent' })] },
  ],
  invalid: [
    { name: 'declared fine-grained, holds classic', workflow: WF, requirements: REQ(TOKEN('D_PAT', FINE)), live: [LIVE('D_PAT')], errors: [{ messageId: 'otherType', file: RQ, near: 'fine-grained', severity: 'error' }] },
    { name: 'declared classic, holds an installation token', workflow: WF, requirements: REQ(TOKEN('D_PAT', CLASSIC_REPO)), live: [LIVE('D_PAT', { kind: 'installation' })], errors: [{ messageId: 'otherType', file: RQ, near: 'classic' }] },
    { name: 'undeclared installation token', workflow: WF, live: [LIVE('D_PAT', { kind: 'installation' })], errors: [{ messageId: 'notPat', near: 'secrets.D_PAT', severity: 'warning' }] },
    { name: 'an OAuth app token', workflow: WF, live: [LIVE('D_PAT', { kind: 'oauth' })], errors: [{ messageId: 'notPat', near: 'secrets.D_PAT' }] },
    { name: 'an old-format token', workflow: WF, requirements: REQ(TOKEN('D_PAT', CLASSIC_REPO)), live: [LIVE('D_PAT', { kind: 'legacy' })], errors: [{ messageId: 'oldFormat', file: RQ, near: 'classic', severity: 'note' }] },
  ],
})
