/** A run step's script is read as bash only when it runs in bash or sh (GitHub docs: jobs.<job_id>.steps[*].shell). */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const wf = (runsOn: string, jobExtra: string, stepExtra: string) =>
  `on: push\njobs:\n  j:\n    runs-on: ${runsOn}\n${jobExtra}    steps:\n      - run: gh issue comment 1 --body hi\n${stepExtra}        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
const verdictOf = (workflow: string) => lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens[0].uses[0]

it.each<[string, string, boolean | null, RegExp?]>([
  ['shell: pwsh on the step', wf('ubuntu-latest', '', '        shell: pwsh\n'), null, /runs in `pwsh`, which pat-lint does not read/],
  ['a Windows runner, no shell named: pwsh', wf('windows-latest', '', ''), null, /`pwsh`/],
  ['a Windows runner among the labels', wf('[self-hosted, windows-2022]', '', ''), null, /`pwsh`/],
  ['the job defaults to cmd', wf('ubuntu-latest', '    defaults:\n      run:\n        shell: cmd\n', ''), null, /`cmd`/],
  ['a Windows runner with shell: bash', wf('windows-latest', '', '        shell: bash\n'), true, undefined],
  ['a bash command template', wf('ubuntu-latest', '', '        shell: bash -e {0}\n'), true, undefined],
  ['a runner chosen at run time is not guessed', wf('${{ matrix.os }}', '', ''), true, undefined],
])('%s', (_name, workflow, verdict, reason) => {
  const use = verdictOf(workflow)
  expect(use.githubTokenWouldDo).toBe(verdict)
  if (reason) expect(use.reasons.join('\n')).toMatch(reason)
})
