import { existsSync, readFileSync } from 'node:fs'
import { finding, formatMessage } from '../../src/rules/finding.js'
import { RULES } from '../../src/rules/index.js'
import type { RuleMeta } from '../../src/rules/types.js'

const meta: RuleMeta<'one'> = { id: 'sample', description: 'd', defaultSeverity: 'warning', messages: { one: '{{secret}} could use `${{ github.token }}` ({{n}})' } }

describe('the finding helper', () => {
  it('fills placeholders once: values are not read as templates, workflow expressions stay', () => {
    expect(formatMessage(meta.messages.one, { secret: '{{n}}', n: 2 })).toBe('{{n}} could use `${{ github.token }}` (2)')
  })

  it('refuses a message whose data is missing, and an id the rule does not declare', () => {
    expect(() => formatMessage(meta.messages.one, { secret: 'A' })).toThrow(/\{\{n\}\}/)
    expect(() => finding(meta, { messageId: 'two' as 'one', at: { file: 'f', line: 1, column: 1 } })).toThrow(/no message two/)
  })

  it('places a finding on a declaration key, on its value, or on the token name when the key is absent', () => {
    const declaration = { secret: 'A', line: 3, column: 3, fieldPositions: { 'expires-in': { line: 7, column: 17 } }, keyPositions: { 'expires-in': { line: 7, column: 5 } } } as never
    const at = (key: string, keyItself = false) => {
      const f = finding(meta, { messageId: 'one', data: { secret: 'A', n: 1 }, at: { declaration, file: 'r.yml', key, keyItself } })
      return `${f.file}:${f.line}:${f.column}`
    }
    expect(at('expires-in')).toBe('r.yml:7:17')
    expect(at('expires-in', true)).toBe('r.yml:7:5')
    expect(at('owner')).toBe('r.yml:3:3')
  })

  it('keeps end positions and related locations when given', () => {
    const f = finding(meta, { messageId: 'one', data: { secret: 'A', n: 1 }, at: { file: 'w.yml', line: 2, column: 4, endLine: 2, endColumn: 9 }, related: [{ file: 'r.yml', line: 1, column: 1, message: 'declared here' }] })
    expect(f).toMatchObject({ line: 2, column: 4, endLine: 2, endColumn: 9, messageId: 'one', related: [{ file: 'r.yml', message: 'declared here' }] })
  })
})

describe.each(RULES.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  it('has its own test file in valid/invalid shape and a docs page', () => {
    const test = `__tests__/rules/${id}.test.ts`
    expect(existsSync(test)).toBe(true)
    expect(readFileSync(test, 'utf8')).toMatch(/ruleTester\('/)
    expect(existsSync(`docs/rules/${id}.md`)).toBe(true)
  })

  it('declares each message once, each with words of its own', () => {
    const texts = Object.values(rule.meta.messages) as string[]
    expect(texts.length).toBeGreaterThan(0)
    expect(new Set(texts).size).toBe(texts.length)
  })
})

it('every rule can be named in the requirements file\'s ignore list', async () => {
  const { RULE_IDS } = await import('../../src/requirements/schema.js')
  expect([...RULE_IDS].sort()).toEqual(RULES.map((r) => r.meta.id).sort())
})
