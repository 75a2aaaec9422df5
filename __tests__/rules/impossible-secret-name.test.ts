import { fixtureTester, ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

const ENV = (value: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./publish.sh\n        env:\n          TOKEN: ${value}\n`

ruleTester('impossible-secret-name', {
  valid: [
    { name: 'a storable name', workflow: WF_USING('A_PAT') },
    {
      name: 'a reusable workflow\'s own parameter, named as its inputs are (hyphens allowed)',
      workflow: 'on:\n  workflow_call:\n    secrets:\n      repository-password:\n        required: false\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./publish.sh\n        env:\n          PASSWORD: ${{ secrets.repository-password }}\n',
    },
  ],
  invalid: [
    { name: 'a dash in the name', workflow: ENV("${{ secrets['my-token'] }}"), errors: [{ messageId: 'alwaysEmpty', near: "secrets['my-token']" }] },
    { name: 'a dash in a name the reusable workflow does not declare', workflow: 'on:\n  workflow_call:\n    secrets:\n      other:\n        required: false\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./publish.sh\n        env:\n          PASSWORD: ${{ secrets.repository-password }}\n', errors: [{ messageId: 'alwaysEmpty', near: 'secrets.repository-password' }] },
  ],
})

fixtureTester('impossible-secret-name')
