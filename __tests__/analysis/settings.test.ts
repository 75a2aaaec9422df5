/** "Would do" for opening or approving pull requests holds only where the repository allows GitHub Actions to (R8). */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const wf = (run: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: ${run}\n        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
const only = { '.github/workflows/other.yml': 'on: issues\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n' }

it.each<[string, string, boolean]>([
  ['gh pr create', 'gh pr create --fill', true],
  ['gh pr review --approve', 'gh pr review 7 --approve', true],
  ['gh pr review -a', 'gh pr review 7 -a', true],
  ['gh pr review --comment (not an approval)', 'gh pr review 7 --comment -b hi', false],
  ['gh pr comment', 'gh pr comment 7 -b hi', false],
  ['POST /pulls through the API', 'gh api repos/octo/app/pulls -f head=x -f base=main', true],
])('%s', (_name, run, conditional) => {
  const r = lintWorkflow(wf(run), only, { repository: 'octo/app' })
  const use = r.tokens[0].uses[0]
  expect(use.githubTokenWouldDo).toBe(true)
  expect(use.reasonCodes.flat().includes('R8')).toBe(conditional)
  const finding = r.findings.find((f) => f.rule === 'pat-where-github-token-would-do')
  expect(finding?.message.includes('allows GitHub Actions to create and approve pull requests')).toBe(conditional)
})
