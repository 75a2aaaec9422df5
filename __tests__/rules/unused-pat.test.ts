import { RQ, ruleTester } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

const INHERIT = 'on: push\njobs:\n  call:\n    uses: octo/shared/.github/workflows/release.yml@v1\n    secrets: inherit\n'

ruleTester('unused-pat', {
  valid: [{ name: 'used', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) }],
  invalid: [
    { name: 'declared, never used', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG) + TOKEN('OLD_PAT', FG)), errors: [{ messageId: 'unused', file: RQ, near: 'OLD_PAT' }] },
    {
      name: 'passed on whole to a workflow pat-lint does not read: a note',
      workflow: INHERIT,
      requirements: REQ(TOKEN('OLD_PAT', FG)),
      errors: [{ messageId: 'maybePassedOn', file: RQ, near: 'OLD_PAT', severity: 'note' }],
    },
  ],
})
