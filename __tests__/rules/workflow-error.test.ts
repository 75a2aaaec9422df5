import { ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

ruleTester('workflow-error', {
  valid: [{ name: 'parses', workflow: WF_USING('A_PAT') }],
  invalid: [{ name: 'duplicate key', workflow: 'on: push\non: push\njobs: {}\n', errors: [{ messageId: 'unreadable', near: 'on: push\njobs' }] }],
})
