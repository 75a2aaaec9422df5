/**
 * Golden outputs for examples/demo in every format. After an intended change, regenerate with
 * `UPDATE_GOLDEN=1 npm test -- golden` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { lintRepo as lint } from '../helpers.js'
import { formatJson } from '../../src/report/json.js'
import { formatMarkdown } from '../../src/report/markdown.js'
import { formatSarif } from '../../src/report/sarif.js'
import { formatText } from '../../src/report/text.js'

const report = lint('examples/demo', { repository: 'octo-org/demo' })

describe.each([
  ['demo.txt', () => formatText(report)],
  ['demo.json', () => formatJson(report)],
  ['demo.sarif', () => formatSarif(report)],
  ['demo.md', () => formatMarkdown(report, 'error')],
])('%s', (name, render) => {
  it('matches the golden file', () => {
    const path = `__tests__/golden/${name}`
    const text = render()
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text)
    // A missing golden file is a failure, not a file to write: nothing would be compared.
    if (!existsSync(path)) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npm test -- golden and review it`)
    expect(text).toBe(readFileSync(path, 'utf8'))
  })
})

describe('report shapes', () => {
  it('SARIF is 2.1.0 with a rule descriptor and docs link for every rule used', () => {
    const sarif = JSON.parse(formatSarif(report))
    expect(sarif.version).toBe('2.1.0')
    const rules = sarif.runs[0].tool.driver.rules as { id: string; helpUri: string }[]
    for (const result of sarif.runs[0].results) {
      const rule = rules[result.ruleIndex]
      expect(rule.id).toBe(result.ruleId)
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${result.ruleId}\\.md$`))
      expect(['error', 'warning', 'note']).toContain(result.level)
    }
  })

  it('every rule has a docs page', () => {
    const sarif = JSON.parse(formatSarif(report))
    for (const r of sarif.runs[0].tool.driver.rules as { id: string }[]) expect(existsSync(`docs/rules/${r.id}.md`)).toBe(true)
  })

  it('JSON carries the fields the scorer and other tools read', () => {
    const json = JSON.parse(formatJson(report))
    expect(json.version).toBe(1)
    expect(json.repository).toBe('octo-org/demo')
    for (const t of json.tokens) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['secret', 'declared', 'recognisedBy', 'type', 'requested', 'uses']))
      for (const u of t.uses) expect(Object.keys(u)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'job', 'step', 'kind', 'target', 'githubTokenWouldDo', 'needs', 'reasons', 'reasonCodes']))
    }
  })
})
