import { RQ, ruleTester } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('pat-expiry', {
  valid: [
    { name: '30 days', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'the file raises the maximum', workflow: WF_USING('A_PAT'), requirements: `max-expiry-days: 180\n${REQ(TOKEN('A_PAT', FG.replace('30', '120')))}` },
    { name: 'ignored by the config list', workflow: WF_USING('A_PAT'), requirements: `ignore:\n  - rule: pat-expiry\n    secret: A_PAT\n${REQ(TOKEN('A_PAT', FG.replace('30', 'none')))}` },
  ],
  invalid: [
    { name: 'never expires', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('30', 'none'))), errors: [{ messageId: 'neverExpires', file: RQ, near: 'none' }] },
    { name: '120 days', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('30', '120'))), errors: [{ messageId: 'tooLong', file: RQ, near: '120' }] },
    { name: 'no expiry given', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('expires-in: 30\n', ''))), errors: [{ messageId: 'noExpiry', file: RQ, near: 'A_PAT' }] },
  ],
})
