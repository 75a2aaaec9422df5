/**
 * Duplicate keys are found by pat-lint in one pass instead of by yaml's quadratic check: the
 * same duplicates, at the keys that repeat.
 */
import fc from 'fast-check'
import { LineCounter, parseDocument } from 'yaml'
import { duplicateKeyOffsets } from '../../src/workflow/unique-keys.js'
import { parseSource } from '../../src/workflow/parse.js'

const ours = (text: string, schema: 'core' | 'failsafe' = 'failsafe') => duplicateKeyOffsets(parseDocument(text, { uniqueKeys: false, schema, logLevel: 'error' }))
const linesOf = (text: string, offsets: number[]) => {
  const lc = new LineCounter()
  parseDocument(text, { lineCounter: lc, uniqueKeys: false, logLevel: 'error' })
  return offsets.map((o) => lc.linePos(o).line)
}

describe('duplicate keys', () => {
  it.each([
    ['a repeated top-level key', 'on: push\non: pull_request\njobs: {}\n', [2]],
    ['in a nested mapping, twice', 'jobs:\n  a:\n    env:\n      X: 1\n      Y: 2\n      X: 3\n      X: 4\n', [6, 7]],
    ['in a flow mapping', 'env: {A: 1, B: 2, A: 3}\n', [1]],
    ['in mappings inside a sequence', 'steps:\n  - run: a\n    run: b\n  - run: c\n', [3]],
    ['quoting does not make a key different', 'a: 1\n"a": 2\n', [2]],
    ['the same name in different mappings is fine', 'a:\n  x: 1\nb:\n  x: 1\n', []],
  ])('%s', (_name, text, lines) => {
    expect(linesOf(text, ours(text))).toEqual(lines)
  })

  it('compares values as the schema reads them: 1 and "1" differ in the core schema only', () => {
    expect(ours('1: a\n"1": b\n', 'core')).toEqual([])
    expect(ours('1: a\n"1": b\n', 'failsafe')).toHaveLength(1)
  })

  it('finds the one duplicate among 50,000 keys', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  K${i}: v`)
    const text = `env:\n${keys.join('\n')}\n  K123: again\n`
    expect(linesOf(text, ours(text))).toEqual([50_002])
  })

  it('parseSource reports them as yaml did, in document order among its other errors', () => {
    const { errors } = parseSource({ path: 'w.yml', kind: 'workflow', text: 'a: 1\nb: [\nc: 2\na: 3\n' })
    const messages = errors.map((e) => `${e.line}:${e.column} ${e.message}`)
    expect(messages.filter((m) => /unique/.test(m))).toEqual(['4:1 YAML: Map keys must be unique'])
    const lines = errors.map((e) => e.line)
    expect(lines).toEqual([...lines].sort((x, y) => x - y))
  })

  it('agree with yaml\'s own check on the number of duplicates in any document yaml finds no other fault in', () => {
    const parts = ['a', 'b', ': ', '\n', '  ', '- ', '[', ']', '{', '}', ', ', '? ', '&x ', '*x', '!!str ', '~', 'null', '1', '01', '"a"', "'a'", '#c', '|\n', 'true', 'True']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }).map((a) => a.join('')), fc.constantFrom('failsafe' as const, 'core' as const), (text, schema) => {
        const reference = parseDocument(text, { uniqueKeys: true, schema, logLevel: 'error' })
        const dupes = reference.errors.filter((e) => e.code === 'DUPLICATE_KEY')
        if (dupes.length !== reference.errors.length) return
        expect(ours(text, schema)).toHaveLength(dupes.length)
      }),
      { numRuns: 3000 },
    )
  })
})
