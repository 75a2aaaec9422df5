import { statedReason, withStatedReason } from '../../src/analysis/stated-reason.js'
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
  ])('is found above the step: %s', (...comments) => {
    const text = step(comments)
    const [stepLine, useLine] = at(text)
    const r = statedReason(text.split('\n'), stepLine, useLine)
    expect(r?.line).toBe(4)
    expect(r?.text).toContain(comments[0].slice(0, 20))
  })

  it('is found on the token line itself', () => {
    const text = step([], '          token: ${{ secrets.BOT }} # so that the pushed tags trigger the release workflows')
    const [stepLine, useLine] = at(text)
    expect(statedReason(text.split('\n'), stepLine, useLine)?.line).toBe(useLine)
  })

  it.each([
    ['This token is required only if you store signatures in a remote repository'],
    ['A token with ability to comment (default: secrets.GITHUB_TOKEN)'],
    ['Needs the whole git history'],
    ['GITHUB_TOKEN would do here, but we reuse the bot token to trigger CI'],
  ])('is not read into a comment that hedges or gives no reason: %s', (comment) => {
    const text = step([comment])
    const [stepLine, useLine] = at(text)
    expect(statedReason(text.split('\n'), stepLine, useLine)).toBeNull()
  })

  it('ignores comments of an earlier step, past a line that is not a comment', () => {
    const text = ['steps:', '  # so that CI runs on the pushed commits', '  - run: echo', '  - uses: x/y@v1', '    with:', '      token: ${{ secrets.BOT }}'].join('\n')
    expect(statedReason(text.split('\n'), 4, 6)).toBeNull()
  })

  it('turns only an undecided use into "keep the PAT", citing the line', () => {
    const undecided: UseDecision = { githubTokenWouldDo: null, needs: {}, reasons: ['x is unknown'], calls: [], classicOnly: [] } as unknown as UseDecision
    const reason = { line: 7, text: 'so that CI runs' }
    const kept = withStatedReason(undecided, reason)
    expect(kept.githubTokenWouldDo).toBe(false)
    expect(kept.reasons.at(-1)).toBe('the comment at line 7 says why a user token is used: "so that CI runs"')
    const decided = { ...undecided, githubTokenWouldDo: true }
    expect(withStatedReason(decided, reason)).toBe(decided)
    expect(withStatedReason(undecided, null)).toBe(undecided)
  })
})
