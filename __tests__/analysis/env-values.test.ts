/** `${{ env.NAME }}` in an action's inputs takes the value the file gives NAME, nearest level first. */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const dispatch = (workflowEnv: string, jobEnv: string, before = '') =>
  `on: push\n${workflowEnv}jobs:\n  j:\n    runs-on: x\n${jobEnv}    steps:\n${before}      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: \${{ env.TARGET_REPO }}\n          event-type: go\n`
const useOf = (wf: string) => lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]

it.each<[string, string, boolean | null, RegExp]>([
  ['the workflow names another repository', dispatch('env:\n  TARGET_REPO: octo/docs\n', ''), false, /acts on octo\/docs, another repository/],
  ['the job overrides it with this repository', dispatch('env:\n  TARGET_REPO: octo/docs\n', '    env:\n      TARGET_REPO: octo/app\n'), true, /dispatches into this repository/],
  ['no level defines it', dispatch('', ''), null, /only known at run time/],
  ['an earlier step may set it through $GITHUB_ENV', dispatch('env:\n  TARGET_REPO: octo/docs\n', '', '      - run: echo "TARGET_REPO=$X" >> "$GITHUB_ENV"\n'), null, /only known at run time/],
  ['its value is itself an expression', dispatch('env:\n  TARGET_REPO: ${{ vars.REPO }}\n', ''), null, /only known at run time/],
])('%s', (_name, wf, verdict, reason) => {
  const use = useOf(wf)
  expect(use.githubTokenWouldDo).toBe(verdict)
  expect(use.reasons.join('\n')).toMatch(reason)
})

describe('${{ steps.ID.outputs.NAME }} takes the literal value an earlier step writes to $GITHUB_OUTPUT', () => {
  const wf = (write: string) =>
    `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - id: pick\n        run: ${write}\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: \${{ steps.pick.outputs.repo }}\n          event-type: go\n`
  it.each<[string, string, boolean | null]>([
    ['a literal written once', 'echo "repo=octo/docs" >> "$GITHUB_OUTPUT"', false],
    ['this repository written once', 'echo "repo=octo/app" >> $GITHUB_OUTPUT', true],
    ['a value from a variable', 'echo "repo=$TARGET" >> "$GITHUB_OUTPUT"', null],
    ['written twice', 'echo "repo=octo/a" >> "$GITHUB_OUTPUT"; echo "repo=octo/b" >> "$GITHUB_OUTPUT"', null],
  ])('%s', (_name, write, verdict) => {
    expect(lintWorkflow(wf(write), {}, { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBe(verdict)
  })
})

describe('gh runs on the repository checked out in its working directory', () => {
  const wf = (workingDirectory: string) =>
    `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          repository: octo/docs\n          path: docs\n      - run: gh pr comment 1 --body done\n${workingDirectory}        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
  it.each<[string, string, boolean]>([
    ['in the other repository\'s checkout', '        working-directory: docs\n', false],
    ['in the workspace', '', true],
    ['in another directory', '        working-directory: site\n', true],
  ])('%s', (_name, dir, wouldDo) => {
    const use = lintWorkflow(wf(dir), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(wouldDo)
    if (!wouldDo) expect(use.reasons.join('\n')).toMatch(/octo\/docs, another repository/)
  })
})

describe('gh runs on the repository an earlier step cloned into its working directory', () => {
  const wf = (clone: string, workingDirectory: string) =>
    `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: ${clone}\n      - run: gh pr comment 1 --body done\n${workingDirectory}        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
  it.each<[string, string, string, boolean | null, RegExp]>([
    ['cloned with its default directory', 'git clone https://github.com/octo/docs.git', '        working-directory: docs\n', false, /octo\/docs, another repository/],
    ['cloned into a named directory after a cd', 'mkdir work && cd work && git clone https://x@github.com/octo/docs.git site', '        working-directory: work/site\n', false, /octo\/docs, another repository/],
    ['elsewhere than the clone', 'git clone https://github.com/octo/docs.git', '        working-directory: site\n', true, /this repository|would do/],
    ['in a directory named at run time, with a clone somewhere', 'git clone https://github.com/octo/docs.git', '        working-directory: ${{ matrix.dir }}\n', null, /directory the script names at run time/],
  ])('%s', (_name, clone, dir, wouldDo, why) => {
    const use = lintWorkflow(wf(clone, dir), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(wouldDo)
    expect(use.reasons.join('\n')).toMatch(why)
  })
})

describe('a repository named literally is another one where the workflow says it also runs', () => {
  const wf = (condition: string) =>
    `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - if: ${condition}\n        run: exit 1\n      - uses: actions/checkout@v4\n        with:\n          repository: octo/app\n          token: \${{ secrets.BOT_PAT }}\n`
  it.each<[string, string, boolean | null]>([
    ['a condition naming another repository', "github.repository != 'fork/app'", null],
    ['a condition naming this one', "github.repository != 'octo/app'", true],
    ['no condition on the repository', "github.event_name == 'push'", true],
  ])('%s', (_name, condition, verdict) => {
    const use = lintWorkflow(wf(condition), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(verdict)
    if (verdict === null) expect(use.reasons.join('\n')).toMatch(/also meant to run in fork\/app/)
  })
})
