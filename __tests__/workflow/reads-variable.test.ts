/**
 * Whether a run script reads a variable is answered from one pass over the script (the names it
 * reads) instead of one regular expression per name: the answers must be the same.
 */
import fc from 'fast-check'
import { scriptReadsVariable } from '../../src/workflow/flows.js'

/** What a read is, written out per name: `$X`, `${X`, `$env:X`, `%X%`, `env.X`, `env['X']`. */
function readsByPattern(script: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`\\$\\{?${n}(?![A-Za-z0-9_])|\\$env:${n}(?![A-Za-z0-9_])|%${n}%|\\benv\\.${n}(?![A-Za-z0-9_])|\\benv\\[['"]${n}['"]\\]`, 'i').test(script)
}

describe('scriptReadsVariable', () => {
  it.each([
    ['$TOKEN', 'TOKEN', true],
    ['${TOKEN}', 'token', true],
    ['$TOKENS', 'TOKEN', false],
    ['$env:TOKEN', 'TOKEN', true],
    ['$env:TOKEN', 'env', true],
    ['%A%B%', 'B', true],
    ['echo env.TOKEN', 'TOKEN', true],
    ['env.env.TOKEN', 'TOKEN', true],
    ['myenv.TOKEN', 'TOKEN', false],
    ["process.env['TOKEN']", 'TOKEN', true],
    ['$$TOKEN', 'TOKEN', true],
    ['echo TOKEN', 'TOKEN', false],
    ['$MY-VAR', 'MY-VAR', true],
  ])('%j reads %s: %s', (script, name, expected) => {
    expect(scriptReadsVariable(script, name)).toBe(expected)
    expect(readsByPattern(script, name)).toBe(expected)
  })

  it('agrees with the per-name pattern on random scripts and names', () => {
    const piece = fc.constantFrom('$', '${', '}', '$env:', '%', 'env.', 'env[', "'", '"', ']', ' ', '\n', 'a', 'A', 'b', '_', '1', 'TOKEN', 'tok', 'ENV', '-', '.')
    const script = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''))
    const name = fc.constantFrom('a', 'A', 'ab', 'TOKEN', 'token', 'env', 'ENV', 'b_1', '1', 'tok-en', 'a.b')
    fc.assert(
      fc.property(fc.array(fc.tuple(script, name), { minLength: 1, maxLength: 5 }), (cases) => {
        for (const [s, n] of cases) expect(scriptReadsVariable(s, n)).toBe(readsByPattern(s, n))
      }),
      { numRuns: 5000 },
    )
  })
})
