/** R1 counts a listener only if its `types:` hear what the token causes (a pull request opened, a release published). */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const OPEN_PR = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh pr create --fill\n        env:\n          GH_TOKEN: ${{ secrets.BOT_PAT }}\n'
const listener = (on: string) => ({ '.github/workflows/other.yml': `on:\n${on}\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n` })
const verdictWith = (on: string) => lintWorkflow(OPEN_PR, listener(on), { repository: 'octo/app' }).tokens[0].uses[0]

it.each<[string, string, boolean]>([
  ['pull_request with the default types', '  pull_request:', false],
  ['pull_request listing opened', '  pull_request:\n    types: [opened, edited]', false],
  ['pull_request_target listing synchronize', '  pull_request_target:\n    types: synchronize', false],
  ['pull_request listing only labeled', '  pull_request:\n    types: [labeled, unlabeled]', true],
  ['pull_request listing only closed', '  pull_request:\n    types: [closed]', true],
])('%s', (_name, on, wouldDo) => {
  const use = verdictWith(on)
  expect(use.githubTokenWouldDo).toBe(wouldDo)
  expect(use.reasonCodes.flat().includes('R1')).toBe(!wouldDo)
})
