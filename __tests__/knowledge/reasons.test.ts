import { readFileSync } from 'node:fs'
import { about, because, cites, citing, plain, REASON_CODES } from '../../src/knowledge/reasons.js'

describe('reasons as data', () => {
  it('cites its codes at the end of the sentence, and matches by code, not by words', () => {
    const r = because('GITHUB_TOKEN cannot create forks', 'R11')
    expect(r).toEqual({ codes: ['R11'], text: 'GITHUB_TOKEN cannot create forks (R11)' })
    expect(cites(r, 'R11')).toBe(true)
    expect(cites(r, 'R1')).toBe(false)
    // Words that look like a code are not one.
    expect(cites(plain('so R1 does not apply'), 'R1')).toBe(false)
  })

  it('keeps the codes when a reason is said about a call', () => {
    const r = about('gh repo fork', because('GITHUB_TOKEN cannot create forks', 'R11'))
    expect(r).toEqual({ codes: ['R11'], text: 'gh repo fork: GITHUB_TOKEN cannot create forks (R11)' })
  })

  it('refuses a sentence that does not cite a code it claims', () => {
    expect(() => citing('a package linked to this repository (R9)', 'R9', 'R18')).toThrow(/R18/)
    expect(citing('in another repository (R3) and must start CI (R1)', 'R3', 'R1').codes).toEqual(['R3', 'R1'])
  })

  it('has a section in docs/reasons.md for every code', () => {
    const doc = readFileSync('docs/reasons.md', 'utf8')
    const sections = [...doc.matchAll(/^## (R\d+[a-z]?)$/gm)].map((m) => m[1])
    expect(sections).toEqual([...REASON_CODES])
  })
})
