import { lintWorkflow } from '../helpers.js'
import { RQ, ruleTester } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('invalid-requirements', {
  valid: [{ name: 'follows the schema', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) }],
  invalid: [{ name: 'misspelt permission', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('contents', 'contens'))), errors: [{ messageId: 'invalid', file: RQ, near: 'contens' }] }],
})

it('reports YAML that does not parse on its line, as an error', () => {
  const found = lintWorkflow(WF_USING('A_PAT'), { [RQ]: 'version: 1\ntokens: {a: [}\n' }).findings.filter((f) => f.rule === 'invalid-requirements')
  expect(found.length).toBeGreaterThan(0)
  expect(found.every((f) => f.file === RQ && f.line === 2 && f.severity === 'error' && f.messageId === 'invalid')).toBe(true)
})
