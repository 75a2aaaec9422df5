import { fixtureTester, ruleTester } from './rule-tester.js'
import { DISPATCH, PROJECT } from './sample-files.js'

ruleTester('prefer-github-app', {
  valid: [
    { name: 'one other repository', workflow: DISPATCH('octo/docs') },
    // A deploy key is tied to one repository, not a person, and its pushes start push workflows (R1).
    { name: 'a deploy key that pushes where CI listens', workflow: 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ssh-key: ${{ secrets.DEPLOY_KEY }}\n      - run: git commit -am x && git push\n', files: { '.github/workflows/test.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' } },
  ],
  invalid: [
    { name: 'organization automation', workflow: PROJECT, errors: [{ messageId: 'appTokenFits', near: 'secrets.P_PAT' }] },
    { name: 'a PAT that pushes where CI listens', workflow: 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.PUSH_PAT }}\n      - run: git commit -am x && git push\n', files: { '.github/workflows/test.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' }, errors: [{ messageId: 'appTokenFits', near: 'secrets.PUSH_PAT' }] },
  ],
})

fixtureTester('prefer-github-app')
