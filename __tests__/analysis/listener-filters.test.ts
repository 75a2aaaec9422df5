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

describe('a tag push is heard only by push triggers that do not filter on branches alone, and by create', () => {
  const PUSH_TAG = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.BOT_PAT }}\n      - run: git tag v1 && git push origin "refs/tags/v1"\n'
  const useWith = (on: string) => lintWorkflow(PUSH_TAG, listener(on), { repository: 'octo/app' }).tokens[0].uses[0]
  it.each<[string, string, boolean]>([
    ['push filtered on branches only (GitHub: no run for the undefined ref)', '  push:\n    branches: [main]', true],
    ['push filtered on tags', '  push:\n    tags: ["v*"]', false],
    ['push without filters', '  push:', false],
    ['create', '  create:', false],
  ])('%s', (_name, on, wouldDo) => {
    expect(useWith(on).githubTokenWouldDo).toBe(wouldDo)
  })
  it('a branch push is not heard by a push trigger filtered on tags alone', () => {
    const wf = PUSH_TAG.replace('git tag v1 && git push origin "refs/tags/v1"', 'git commit -am x && git push')
    expect(lintWorkflow(wf, listener('  push:\n    tags: ["v*"]'), { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBe(true)
  })
})

describe('editing, labelling, closing or marking a pull request ready is heard only by triggers listing those types', () => {
  const CHANGE = (command: string) => OPEN_PR.replace('gh pr create --fill', command)
  const useWith = (command: string, on: string) => lintWorkflow(CHANGE(command), listener(on), { repository: 'octo/app' }).tokens[0].uses[0]
  it.each<[string, string, string, boolean]>([
    ['gh pr close, listener with the default types', 'gh pr close 7', '  pull_request:', true],
    ['gh pr edit --add-label, listener with the default types', 'gh pr edit 7 --add-label x', '  pull_request_target:', true],
    ['gh pr edit --add-label, listener on labeled', 'gh pr edit 7 --add-label x', '  pull_request:\n    types: [labeled]', false],
    ['gh pr ready, listener on ready_for_review', 'gh pr ready 7', '  pull_request:\n    types: [opened, ready_for_review]', false],
    ['gh pr close, listener on closed', 'gh pr close 7', '  pull_request_target:\n    types: closed', false],
    ['gh pr close, listener on labeled only', 'gh pr close 7', '  pull_request:\n    types: [labeled]', true],
    ['gh pr edit --add-label, listener on closed only', 'gh pr edit 7 --add-label x', '  pull_request:\n    types: [closed]', true],
    ['gh pr edit --title, listener on edited', 'gh pr edit 7 --title x', '  pull_request:\n    types: [edited]', false],
    ['gh pr edit with a flag pat-lint does not know, listener on closed', 'gh pr edit 7 --frobnicate', '  pull_request:\n    types: [closed]', false],
    ['gh pr reopen (a default type), listener with the default types', 'gh pr reopen 7', '  pull_request:', false],
    ['gh pr reopen, listener on labeled only', 'gh pr reopen 7', '  pull_request:\n    types: [labeled]', true],
  ])('%s', (_name, command, on, wouldDo) => {
    const use = useWith(command, on)
    expect(use.githubTokenWouldDo).toBe(wouldDo)
    expect(use.reasonCodes.flat().includes('R1')).toBe(!wouldDo)
  })
  it.each<[string, string, string, boolean]>([
    ['labels added through the issues API, listener on labeled', 'gh api -X POST repos/octo/app/issues/7/labels -f "labels[]=x"', '  pull_request:\n    types: [labeled]', false],
    ['a label removed through the issues API, listener on labeled only', 'gh api -X DELETE repos/octo/app/issues/7/labels/x', '  pull_request:\n    types: [labeled]', true],
    ['a label removed through the issues API, listener on unlabeled', 'gh api -X DELETE repos/octo/app/issues/7/labels/x', '  pull_request:\n    types: [unlabeled]', false],
    ['labels set through the issues API, listener on unlabeled', 'gh api -X PUT repos/octo/app/issues/7/labels -f "labels[]=x"', '  pull_request:\n    types: [unlabeled]', false],
    ['assignees added, listener on assigned', 'gh api -X POST repos/octo/app/issues/7/assignees -f "assignees[]=x"', '  pull_request_target:\n    types: [assigned]', false],
    ['reviewers requested, listener with the default types', 'gh api -X POST repos/octo/app/pulls/7/requested_reviewers -f "reviewers[]=x"', '  pull_request:', true],
    ['reviewers requested, listener on review_requested', 'gh api -X POST repos/octo/app/pulls/7/requested_reviewers -f "reviewers[]=x"', '  pull_request:\n    types: [review_requested]', false],
  ])('%s (a pull request is an issue: its labels and assignees are pull_request activity)', (_name, command, on, wouldDo) => {
    const use = useWith(command, on)
    expect(use.githubTokenWouldDo).toBe(wouldDo)
    expect(use.reasonCodes.flat().includes('R1')).toBe(!wouldDo)
  })
  it("a labelling action's labels are heard by a trigger on labeled", () => {
    const wf = 'on: pull_request\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/labeler@v5\n        with:\n          repo-token: ${{ secrets.X_PAT }}\n'
    const use = (on: string) => lintWorkflow(wf, listener(on), { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo
    expect(use('  pull_request:\n    types: [labeled]')).toBe(false)
    expect(use('  pull_request:\n    types: [closed]')).toBe(true)
  })
  it('PATCH on a pull request through the API is a change, POST opens one', () => {
    const api = (m: string, p: string) => useWith(`gh api -X ${m} repos/octo/app/${p} -f state=closed`, '  pull_request:').githubTokenWouldDo
    expect(api('PATCH', 'pulls/7')).toBe(true)
    expect(api('POST', 'pulls')).toBe(false)
  })
})

describe("a labeled pull request is heard only by jobs waiting for that label (github.event.label.name)", () => {
  const label = (value: string) => `on: pull_request_target\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh pr edit 1 --add-label ${value}\n        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
  const waiting = (condition: string) => ({ '.github/workflows/triage.yml': `on:\n  pull_request_target:\n    types: [labeled]\njobs:\n  t:\n    runs-on: x\n    if: ${condition}\n    steps:\n      - run: make triage\n`, '.github/workflows/test.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n' })
  const use = (value: string, condition: string) => lintWorkflow(label(value), waiting(condition), { repository: 'octo/app' }).tokens[0].uses[0]
  it.each<[string, string, string, boolean]>([
    ['another label than the job waits for', 'external', "github.event.action == 'labeled' && github.event.label.name == 'discuss'", true],
    ['the label the job waits for (GitHub compares strings ignoring case)', 'Discuss', "github.event.label.name == 'discuss'", false],
    ['one of the labels it waits for', '"a,discuss"', "github.event.label.name == 'x' || github.event.label.name == 'discuss'", false],
    ['a label named at run time may be the one', '"$LABEL"', "github.event.label.name == 'discuss'", false],
    ['a job that waits for no particular label', 'external', "github.event.action == 'labeled'", false],
  ])('%s', (_name, value, condition, wouldDo) => {
    expect(use(value, condition).githubTokenWouldDo).toBe(wouldDo)
  })
})
