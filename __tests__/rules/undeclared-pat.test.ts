import { fixtureTester, ruleTester } from './rule-tester.js'
import { FG, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('undeclared-pat', {
  valid: [
    { name: 'declared', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'declared in another case', workflow: WF_USING('a_pat'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'not a GitHub credential', workflow: WF_USING('X', '\n      - run: echo ${{ secrets.SLACK_WEBHOOK }}'), requirements: REQ(TOKEN('X', FG)) },
    { name: 'a deploy key given to checkout: an SSH key, no PAT to declare', workflow: 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ssh-key: ${{ secrets.DEPLOY_KEY }}\n      - uses: webfactory/ssh-agent@v0.9.0\n        with:\n          ssh-private-key: ${{ secrets.DEPLOY_KEY }}\n' },
    { name: 'a key installed for ssh by a script', workflow: 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: |\n          echo "${{ secrets.SYNC_DEPLOY_KEY }}" > ~/.ssh/id_ed25519\n          git push git@github.com:octo/mirror.git main\n' },
    { name: "a PAT-like name handed to another service's variable", workflow: 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/work-items@v1\n        env:\n          ado_token: ${{ secrets.ADO_PERSONAL_ACCESS_TOKEN }}\n' },
    { name: 'ignored inline', workflow: WF_USING('A_PAT }} # pat-lint: ignore[undeclared-pat]', '').replace(' }}\n', '\n') },
  ],
  invalid: [
    { name: 'no requirements file', workflow: WF_USING('A_PAT'), errors: [{ messageId: 'undeclared', near: 'secrets.A_PAT' }] },
    { name: 'a key-named secret also used as a token is still a credential to declare', workflow: 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ssh-key: ${{ secrets.DEPLOY_PAT }}\n      - run: gh release create v1\n        env:\n          GH_TOKEN: ${{ secrets.DEPLOY_PAT }}\n', errors: [{ messageId: 'undeclared', near: 'secrets.DEPLOY_PAT' }] },
    { name: 'not in the file', workflow: WF_USING('B_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), errors: [{ messageId: 'undeclared', near: 'secrets.B_PAT' }] },
  ],
})

fixtureTester('undeclared-pat')
