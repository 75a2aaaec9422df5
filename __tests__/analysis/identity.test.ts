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

describe('GraphQL is evidence one way: projects and an organization\'s members or teams need more than GITHUB_TOKEN', () => {
  const gh = (query: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: |\n          gh api graphql -f query='${query}'\n        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
  const script = (query: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          github-token: \${{ secrets.BOT_PAT }}\n          script: |\n            await github.graphql(\`${query}\`)\n`
  it.each<[string, string, boolean | null, string | null]>([
    ['team members', 'query { organization(login: "octo") { team(slug: "core") { members { nodes { login } } } } }', false, 'R4'],
    ['members with role', 'query { organization(login: "octo") { membersWithRole(first: 100) { nodes { login } } } }', false, 'R4'],
    ['a project item', 'mutation { addProjectV2ItemById(input: {projectId: "P", contentId: "C"}) { item { id } } }', false, 'R5'],
    ['an organization\'s repositories only: unknown', 'query { organization(login: "octo") { repositories(first: 5) { nodes { name } } } }', null, null],
    ['a repository query: unknown, never "would do"', 'query { repository(owner: "octo", name: "app") { issues(first: 1) { nodes { id } } } }', null, null],
  ])('%s', (_name, query, verdict, code) => {
    for (const wf of [gh(query), script(query)]) {
      const use = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]
      expect(use.githubTokenWouldDo).toBe(verdict)
      if (code) expect(use.reasonCodes.flat()).toContain(code)
    }
  })
})
