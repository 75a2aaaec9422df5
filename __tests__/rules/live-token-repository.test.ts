import { RQ, ruleTester } from './rule-tester.js'
import { DISPATCH, LIVE, REQ, TOKEN } from './sample-files.js'

const WF = DISPATCH('octo/other')
const FINE = REQ(TOKEN('D_PAT', 'type: fine-grained\nowner: octo\nrepositories: [octo/other]\nexpires-in: 30\npermissions:\n  contents: write'))
const AT = 'secrets.D_PAT'

ruleTester('live-token-repository', {
  valid: [
    { name: 'sees the private repository', workflow: WF, requirements: FINE, live: [LIVE('D_PAT', { kind: 'fine-grained', repositories: [{ repository: 'octo/other', access: 'private' }] })] },
    { name: 'a public repository proves nothing either way', workflow: WF, live: [LIVE('D_PAT', { kind: 'fine-grained', repositories: [{ repository: 'octo/other', access: 'public' }] })] },
    { name: 'a read that failed is the incomplete rule\'s', workflow: WF, live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'failed' }] })] },
  ],
  invalid: [
    { name: 'not selected for a fine-grained token', workflow: WF, requirements: FINE, live: [LIVE('D_PAT', { kind: 'fine-grained', repositories: [{ repository: 'octo/other', access: 'not-visible' }] })], errors: [{ messageId: 'notVisible', file: RQ, near: '[octo/other]', severity: 'error' }] },
    { name: 'a classic token\'s user without access', workflow: WF, live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'not-visible' }] })], errors: [{ messageId: 'notVisible', near: AT }] },
    { name: 'SAML single sign-on', workflow: WF, live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'sso' }] })], errors: [{ messageId: 'sso', near: AT }] },
    { name: 'refused by the organization', workflow: WF, live: [LIVE('D_PAT', { repositories: [{ repository: 'octo/other', access: 'forbidden', detail: 'organization forbids classic tokens' }] })], errors: [{ messageId: 'forbidden', near: AT }] },
  ],
})
