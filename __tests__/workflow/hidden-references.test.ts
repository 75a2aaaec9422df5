/**
 * GitHub evaluates a scalar's decoded value: references spelt with YAML escapes are references
 * all the same, found at their place in the file.
 */
import { decodeQuoted } from '../../src/workflow/quoted-scalar.js'
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const wf = (value: string) => `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${value}\n`

describe('references hidden by YAML escapes', () => {
  it.each([
    ['doubled quotes in a single-quoted scalar', "'${{ secrets[''HIDDEN_PAT''] }}'", 8, 23],
    ['$ as \\x24', '"\\x24{{ secrets.HIDDEN_PAT }}"', 8, 26],
    ['a letter of the name as \\x48', '"${{ secrets.\\x48IDDEN_PAT }}"', 8, 23],
    ['$ as \\u0024', '"\\u0024{{ secrets.HIDDEN_PAT }}"', 8, 28],
    ['a name continued on the next line', '"${{ secrets.HIDDEN\\\n            _PAT }}"', 8, 23],
  ])('%s', (_what, value, line, column) => {
    const report = lintWorkflow(wf(value), {}, { repository: 'o/r' })
    expect(report.tokens.map((t) => t.secret)).toEqual(['HIDDEN_PAT'])
    expect(report.tokens[0].uses[0]).toMatchObject({ line, column, kind: 'with', input: 'token' })
  })

  it('plain references keep their exact position', () => {
    const report = lintWorkflow(wf('"${{ secrets.PLAIN_PAT }}"'), {}, { repository: 'o/r' })
    expect(report.tokens[0].uses[0]).toMatchObject({ line: 8, column: 23 })
  })
})

describe('decodeQuoted', () => {
  it.each([
    ["'a''b'", "a'b"],
    ['"a\\x41\\u00e9\\U0001F600"', 'aAé😀'],
    ['"a\\\n   b"', 'ab'],
    ['"a  \n   b"', 'a b'],
    ['"a\n\n   b"', 'a\nb'],
    ['"tab\\tend"', 'tab\tend'],
  ])('%j decodes to %j', (raw, text) => {
    expect(decodeQuoted(raw)?.text).toBe(text)
  })

  it('maps each decoded character to its source', () => {
    const d = decodeQuoted('"\\x24{{ x }}"')!
    expect(d.text).toBe('${{ x }}')
    expect(d.from.slice(0, 3)).toEqual([1, 5, 6])
  })

  it('refuses what it cannot decode', () => {
    expect(decodeQuoted('plain')).toBeNull()
    expect(decodeQuoted('"bad \\q escape"')).toBeNull()
  })
})
