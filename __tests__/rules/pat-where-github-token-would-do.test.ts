import { fixtureTester, ruleTester } from './rule-tester.js'
import { DISPATCH, WF_USING } from './sample-files.js'

const COMMENT = '      - uses: peter-evans/create-or-update-comment@v4\n        with:\n          token: ${{ secrets.D_PAT }}\n          issue-number: 1\n'

ruleTester('pat-where-github-token-would-do', {
  valid: [
    { name: 'a dispatch to another repository needs the PAT', workflow: DISPATCH('octo/docs') },
    { name: 'undecided uses are not flagged', workflow: WF_USING('A_PAT').replace('actions/checkout@v4', 'some/unknown@v1') },
    { name: 'an SSH key on checkout is no PAT: its pushes start workflows, GITHUB_TOKEN\'s do not', workflow: WF_USING('DEPLOY_SSH_KEY').replace('token:', 'ssh-key:') },
  ],
  invalid: [
    { name: 'a checkout of this repository', workflow: WF_USING('A_PAT'), errors: [{ messageId: 'githubTokenWouldDo', near: 'secrets.A_PAT' }] },
    { name: 'one use of a needed token does not need it: a note', workflow: DISPATCH('octo/docs') + COMMENT, errors: [{ messageId: 'useWouldTakeGithubToken', near: 'secrets.D_PAT', nth: 1, severity: 'note' }] },
  ],
})

fixtureTester('pat-where-github-token-would-do')
