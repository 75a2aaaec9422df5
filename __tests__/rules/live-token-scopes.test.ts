import { RQ, ruleTester } from './rule-tester.js'
import { CLASSIC_REPO, DISPATCH, LIVE, REQ, TOKEN, WF_LIVE } from './sample-files.js'

// D_PAT dispatches to another repository: its uses need `repo`, and are all understood.
const WF = DISPATCH('octo/other')
const DECLARED = REQ(TOKEN('D_PAT', CLASSIC_REPO))
const AT = 'secrets.D_PAT'
const UNKNOWN = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: someone/unknown-action@v1\n        with:\n          token: \${{ secrets.D_PAT }}\n${WF.split('steps:\n')[1].replace(/^/gm, '').replace(/^ {6}- uses/m, '      - uses')}`

ruleTester('live-token-scopes', {
  valid: [
    { name: 'holds what it needs and declares', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { scopes: ['repo'] })] },
    { name: 'a fine-grained token has no scopes to compare', workflow: WF, live: [LIVE('D_PAT', { kind: 'fine-grained', scopes: null })] },
    { name: 'used only by the live check: nothing needed to compare with', workflow: WF_LIVE('X_PAT'), live: [LIVE('X_PAT', { scopes: ['repo', 'delete_repo'] })] },
    { name: 'a use not understood: more than the lower bound proves nothing', workflow: UNKNOWN, live: [LIVE('D_PAT', { scopes: ['repo', 'admin:org'] })] },
  ],
  invalid: [
    { name: 'a scope not declared', workflow: WF, requirements: DECLARED, live: [LIVE('D_PAT', { scopes: ['repo', 'admin:org'] })], errors: [{ messageId: 'notDeclared', file: RQ, near: '[repo]', severity: 'error' }] },
    { name: 'undeclared: a scope beyond the needs', workflow: WF, live: [LIVE('D_PAT', { scopes: ['repo', 'delete_repo'] })], errors: [{ messageId: 'beyondNeeds', near: AT }] },
    {
      name: 'lacks the scope its uses need, and the one declared',
      workflow: WF,
      requirements: DECLARED,
      live: [LIVE('D_PAT', { scopes: ['public_repo'] })],
      errors: [{ messageId: 'missingNeeded', file: RQ, near: '[repo]', severity: 'error' }, { messageId: 'missingDeclared', file: RQ, near: '[repo]', severity: 'warning' }],
    },
    { name: 'a use not understood still needs its lower bound', workflow: UNKNOWN, live: [LIVE('D_PAT', { scopes: [] })], errors: [{ messageId: 'missingNeeded', near: AT }] },
  ],
})
