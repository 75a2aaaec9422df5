/** Following `cd` to the directory a later step pushes in. */
import { enterDirectory } from '../../src/analysis/steps/later-steps.js'

describe('enterDirectory', () => {
  it.each<[string | null, string, string | null]>([
    ['', 'tap', 'tap'],
    ['', './tap/', 'tap'],
    ['tap', 'Formula', 'tap/Formula'],
    ['tap/Formula', '../..', ''],
    ['', '"$GITHUB_WORKSPACE/tap"', 'tap'],
    ['other', '${{ github.workspace }}/tap', 'tap'],
    ['', '${GITHUB_WORKSPACE}', ''],
    ['', '..', null],
    ['', '/tmp/x', null],
    ['', '$DIR', null],
    ['', '~', null],
    ['', '-', null],
    ['', '${{ env.DIR }}', null],
    [null, 'tap', null],
  ])('from %p, cd %s', (from, arg, expected) => {
    expect(enterDirectory(from, arg)).toBe(expected)
  })
})
