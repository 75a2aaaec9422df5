import { fixtureTester, ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

const ENV = (value: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./publish.sh\n        env:\n          TOKEN: ${value}\n`

ruleTester('impossible-secret-name', {
  valid: [{ name: 'a storable name', workflow: WF_USING('A_PAT') }],
  invalid: [{ name: 'a dash in the name', workflow: ENV("${{ secrets['my-token'] }}"), errors: [{ messageId: 'alwaysEmpty', near: "secrets['my-token']" }] }],
})

fixtureTester('impossible-secret-name')
