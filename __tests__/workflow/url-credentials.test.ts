/** Whether a reference sits in a URL's user-info: `https://x:${{ secrets.T }}@github.com/o/r`. */
import fc from 'fast-check'
import { insideUrlCredentials } from '../../src/workflow/flows.js'

const REF = '${{ secrets.T }}'

/** What the answer was before it read a bounded window: the whole line on either side. */
function wholeLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const nl = text.indexOf('\n', end)
  return /[a-z][a-z0-9+.-]*:\/\/[^\s'"`@/]*$/i.test(text.slice(lineStart, start)) && /^[^\s'"`/]*@/.test(text.slice(end, nl < 0 ? text.length : nl))
}

describe('insideUrlCredentials', () => {
  it.each<[string, boolean]>([
    [`https://x-access-token:${REF}@github.com/o/r`, true],
    [`git clone https://${REF}@github.com/o/r`, true],
    [`git+ssh://u:${REF}@host/x`, true],
    [`https://github.com/${REF}/r`, false],
    [`echo "https://x:" ${REF}@github.com`, false],
    [`https://x:${REF} @github.com`, false],
    [`://x:${REF}@github.com`, false],
  ])('%s', (text, expected) => {
    const start = text.indexOf(REF)
    expect(insideUrlCredentials(text, start, start + REF.length)).toBe(expected)
  })

  it('agrees with reading the whole line, on short lines', () => {
    const piece = fc.constantFrom('https://', 'git+ssh://', '://', 'x', 'A1', ':', '/', '@', ' ', "'", '"', '\n', '.', '-', 'github.com')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), (before, after) => {
        const text = before.join('') + REF + after.join('')
        const start = before.join('').length
        expect(insideUrlCredentials(text, start, start + REF.length)).toBe(wholeLine(text, start, start + REF.length))
      }),
      { numRuns: 5000 },
    )
  })

  it('looks no further than a window around the reference on a long line', () => {
    const long = `https://${'x'.repeat(5000)}${REF}@github.com`
    expect(insideUrlCredentials(long, long.indexOf(REF), long.indexOf(REF) + REF.length)).toBe(false)
  })
})
