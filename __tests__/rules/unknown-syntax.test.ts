import { fixtureTester, ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

ruleTester('unknown-syntax', {
  valid: [{ name: 'known keys', workflow: WF_USING('A_PAT') }],
  invalid: [{ name: 'a misspelt job key', workflow: WF_USING('A_PAT').replace('runs-on', 'runs-onn'), errors: [{ messageId: 'unknownKey', near: 'runs-onn' }] }],
})

fixtureTester('unknown-syntax')
