/** Commands to Dependabot are obeyed only from users with push access: a token posting them is a user's (R8). */
import { analyseScript } from '../../src/analysis/script/analyse.js'
import { Memo } from '../../src/analysis/memo.js'
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const codesOf = (script: string) => analyseScript(script, { memo: new Memo(), self: 'octo/app', tokenVars: new Set(['GH_TOKEN']), env: {} }).calls.map((c) => c.patReason?.codes ?? [])

it.each<[string, string[][]]>([
  ['gh pr comment "$PR" --body "@dependabot merge"', [['R8']]],
  ['gh pr comment 5 -b "@dependabot squash and merge"', [['R8']]],
  ['gh pr review 5 --approve --body "@dependabot rebase"', [['R8']]],
  ['gh pr comment 5 --body "thanks, merging after @dependabot finishes"', [[]]],
  ['gh pr merge 5 --squash', [[]]],
])('%s', (script, codes) => {
  expect(codesOf(script)).toEqual(codes)
})

it('an action posting the command needs a user token too', () => {
  const wf = 'on: pull_request_target\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: peter-evans/create-or-update-comment@v4\n        with:\n          token: ${{ secrets.BOT_PAT }}\n          issue-number: 1\n          body: "@dependabot rebase"\n'
  const use = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]
  expect(use.githubTokenWouldDo).toBe(false)
  expect(use.reasonCodes.flat()).toContain('R8')
})
