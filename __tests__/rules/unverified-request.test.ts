import { lintWorkflow } from '../helpers.js'
import { RQ, ruleTester, WF } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

const UNKNOWN = WF_USING('A_PAT').replace('actions/checkout@v4', 'some/unknown@v1')

ruleTester('unverified-request', {
  valid: [{ name: 'every use understood', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) }],
  invalid: [{ name: 'a use pat-lint cannot see into', workflow: UNKNOWN, requirements: REQ(TOKEN('A_PAT', FG)), errors: [{ messageId: 'undecidedUse', file: RQ, near: 'A_PAT' }] }],
})

it('points at the undecided use as a related location', () => {
  const [f] = lintWorkflow(UNKNOWN, { [RQ]: REQ(TOKEN('A_PAT', FG)) }, { repository: 'octo/app' }).findings.filter((x) => x.rule === 'unverified-request')
  expect(f.related).toEqual([{ file: WF, line: 8, column: 22, message: 'the undecided use of A_PAT' }])
})
