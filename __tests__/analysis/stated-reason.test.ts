import fc from 'fast-check'
import { MAX_COMMENT_LINES, statedReason, withStatedReason } from '../../src/analysis/stated-reason.js'
import { Memo } from '../../src/analysis/memo.js'
import type { UseDecision } from '../../src/analysis/types.js'

const step = (comments: string[], tokenLine = '          token: ${{ secrets.BOT }}') =>
  ['jobs:', '  a:', '    steps:', ...comments.map((c) => `      # ${c}`), '      - uses: some/action@v1', '        with:', tokenLine].join('\n')

/** 1-based lines of the step and of the token in `step()` output. */
const at = (text: string) => {
  const lines = text.split('\n')
  return [lines.findIndex((l) => l.includes('- uses:')) + 1, lines.findIndex((l) => l.includes('secrets.BOT')) + 1] as const
}

describe('a comment that says why a user token is used', () => {
  it.each([
    ['A personal token is required because pushing with GITHUB_TOKEN will', 'prevent commits from running CI after they land.'],
    ['Use a PAT so that workflows are triggered for the created PR', 'i.e. allow CI to be triggered'],
    ['PAT owned by a code owner: approves as you to satisfy the code-owner review gate.'],
    ['see https://docs.github.com/en/actions/reference/events-that-trigger-workflows#triggering-new-workflows-using-a-personal-access-token'],
    ['needs to bypass branch protection on main'],
    ['Needs access to push to main'],
    ['GITHUB_TOKEN fails with "Resource not accessible by integration" here'],
    ['use the bot so the tag will tigger the deploy workflows'],
    ['the default token is not permitted to create this'],
  ])('is found above the step: %s', (...comments) => {
    const text = step(comments)
    const [stepLine, useLine] = at(text)
    const r = statedReason(text.split('\n'), stepLine, useLine, new Memo())
    expect(r?.line).toBe(4)
    expect(r?.text).toContain(comments[0].slice(0, 20))
  })

  it('is found on the token line itself', () => {
    const text = step([], '          token: ${{ secrets.BOT }} # so that the pushed tags trigger the release workflows')
    const [stepLine, useLine] = at(text)
    expect(statedReason(text.split('\n'), stepLine, useLine, new Memo())?.line).toBe(useLine)
  })

  it.each([
    ['This token is required only if you store signatures in a remote repository'],
    ['A token with ability to comment (default: secrets.GITHUB_TOKEN)'],
    ['Needs the whole git history'],
    ['GITHUB_TOKEN would do here, but we reuse the bot token to trigger CI'],
  ])('is not read into a comment that hedges or gives no reason: %s', (comment) => {
    const text = step([comment])
    const [stepLine, useLine] = at(text)
    expect(statedReason(text.split('\n'), stepLine, useLine, new Memo())).toBeNull()
  })

  it('ignores comments of an earlier step, past a line that is not a comment', () => {
    const text = ['steps:', '  # so that CI runs on the pushed commits', '  - run: echo', '  - uses: x/y@v1', '    with:', '      token: ${{ secrets.BOT }}'].join('\n')
    expect(statedReason(text.split('\n'), 4, 6, new Memo())).toBeNull()
  })

  it('turns an undecided use, or one GITHUB_TOKEN would do, into "keep the PAT", citing the line', () => {
    const undecided: UseDecision = { githubTokenWouldDo: null, needs: {}, reasons: [{ codes: [], text: 'x is unknown' }], calls: [], classicOnly: [] } as unknown as UseDecision
    const reason = { line: 7, text: 'so that CI runs' }
    const kept = withStatedReason(undecided, reason)
    expect(kept.githubTokenWouldDo).toBe(false)
    expect(kept.reasons.at(-1)).toEqual({ codes: [], text: 'the comment at line 7 says why a user token is used: "so that CI runs"', evidence: { line: 7 } })
    // The author's word vetoes "would do" for a step that uses the token...
    const wouldDo = { ...undecided, githubTokenWouldDo: true, calls: [{ what: 'git push', permissions: { contents: 'write' }, target: { kind: 'same' } }] } as unknown as UseDecision
    expect(withStatedReason(wouldDo, reason).githubTokenWouldDo).toBe(false)
    // ...not for one where nothing uses it, and a decided "PAT needed" or no comment changes nothing.
    const unused = { ...undecided, githubTokenWouldDo: true }
    expect(withStatedReason(unused, reason)).toBe(unused)
    const needed = { ...undecided, githubTokenWouldDo: false }
    expect(withStatedReason(needed, reason)).toBe(needed)
    expect(withStatedReason(undecided, null)).toBe(undecided)
  })
})

describe('reading a step\'s comments once for all its uses (property)', () => {
  /** The reading the index must agree with: every line from the block above the step through the use line, for each use. */
  function readingAll(lines: string[], stepLine: number, useLine: number) {
    let from = stepLine - 1
    while (from > 0 && /^\s*#/.test(lines[from - 1])) from--
    const runs: { line: number; parts: string[] }[] = []
    let run: { line: number; parts: string[] } | null = null
    for (let i = from; i < Math.min(useLine, lines.length); i++) {
      const c = /(?:^|\s)#\s?(.*)$/.exec(lines[i])?.[1].trim() ?? null
      if (c === null) {
        run = null
        continue
      }
      if (!run || !/^\s*#/.test(lines[i])) runs.push((run = { line: i + 1, parts: [] }))
      run.parts.push(c)
    }
    // The oracle of the old implementation gave the same for runs of up to MAX_COMMENT_LINES lines.
    for (const r of runs) {
      const sentence = r.parts.slice(0, MAX_COMMENT_LINES).join(' ')
      const again = statedReason([`# ${sentence}`], 1, 1, new Memo())
      if (again) return { line: r.line, text: again.text }
    }
    return null
  }
  const LINES = [
    '      # pushing with GITHUB_TOKEN will not trigger CI', '      # only if the release is signed', '      # so that', '      # workflows run on the tag', '      # we need the checks', '      # to be triggered by this push',
    '      - uses: some/action@v1', '        with:', '          token: ${{ secrets.A }}', '          token: ${{ secrets.B }} # code owners must approve it',
    '        env:', '          X: ${{ secrets.C }}  # nothing to say', '', '      - run: |', '          # needs to bypass branch protection', '          git push',
  ]

  it('gives what reading every line for every use gives, whatever order the uses ask in', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (lines, queries) => {
        for (const [a, b] of queries) {
          const stepLine = 1 + (a % lines.length)
          const useLine = stepLine + (b % (lines.length - stepLine + 2))
          expect(statedReason(lines, stepLine, useLine, new Memo())).toEqual(readingAll(lines, stepLine, useLine))
        }
      }),
      { numRuns: 3000 },
    )
  })
})
