import { fixtureTester, ruleTester } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('undeclared-pat', {
  valid: [
    { name: 'declared', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'declared in another case', workflow: WF_USING('a_pat'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'not a GitHub credential', workflow: WF_USING('X', '\n      - run: echo ${{ secrets.SLACK_WEBHOOK }}'), requirements: REQ(TOKEN('X', FG)) },
    { name: 'ignored inline', workflow: WF_USING('A_PAT }} # pat-lint: ignore[undeclared-pat]', '').replace(' }}\n', '\n') },
  ],
  invalid: [
    { name: 'no requirements file', workflow: WF_USING('A_PAT'), errors: [{ messageId: 'undeclared', near: 'secrets.A_PAT' }] },
    { name: 'not in the file', workflow: WF_USING('B_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), errors: [{ messageId: 'undeclared', near: 'secrets.B_PAT' }] },
  ],
})

fixtureTester('undeclared-pat')
