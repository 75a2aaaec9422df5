import { escapeMarkdown, markdownCode, stripControl } from '../../src/report/escape.js'
import { formatMarkdown } from '../../src/report/markdown.js'
import type { Report } from '../../src/lint.js'

describe('escaping repository text for markdown', () => {
  it.each([
    ['HTML', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['a table break', 'a | b', 'a \\| b'],
    ['a mention', '@octocat', '@\u200boctocat'],
    ['links and emphasis', '[x](http://e) *y*', '\\[x\\]\\(http://e\\) \\*y\\*'],
    ['newlines', 'a\nb', 'a b'],
    ['terminal escapes', 'a\u001b[31mb', 'a\uFFFD\\[31mb'],
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })

  it('code spans survive backticks and pipes', () => {
    expect(markdownCode('a`b')).toBe('``a`b``')
    expect(markdownCode('a|b')).toBe('`a\\|b`')
  })

  it('keeps tabs and newlines when stripping control characters', () => {
    expect(stripControl('a\tb\nc\u0007')).toBe('a\tb\nc\uFFFD')
  })

  it('a hostile finding cannot add rows or markup to the summary', () => {
    const report: Report = {
      version: 1, repository: null, requirementsFile: null, maxExpiryDays: 90, files: ['x'], notices: [], tokens: [], errors: [], unknownActions: [],
      findings: [{ rule: 'undeclared-pat', messageId: 'undeclared', severity: 'warning', file: 'x|y.yml', line: 1, column: 1, message: 'secret <b>X</b>\n| injected | row |' }],
    }
    const md = formatMarkdown(report)
    const rows = md.split('\n').filter((l) => l.startsWith('| ⚠️'))
    expect(rows).toHaveLength(1)
    expect(md).not.toContain('<b>')
    expect(md).not.toMatch(/\n\| injected/)
  })

  it('a summary too large for GitHub is cut with a note', () => {
    const findings = Array.from({ length: 20000 }, (_, i) => ({ rule: 'undeclared-pat', messageId: 'undeclared', severity: 'warning' as const, file: 'f.yml', line: i + 1, column: 1, message: 'x'.repeat(100) }))
    const md = formatMarkdown({ version: 1, repository: null, requirementsFile: null, maxExpiryDays: 90, files: ['f.yml'], notices: [], tokens: [], errors: [], unknownActions: [], findings })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024)
    expect(md).toContain('The rest is cut')
  })
})
