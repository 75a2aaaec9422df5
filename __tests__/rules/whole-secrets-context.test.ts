import { fixtureTester, ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

const ENV = (value: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./deploy.sh\n        env:\n          ALL: ${value}\n`

ruleTester('whole-secrets-context', {
  valid: [{ name: 'secrets by name', workflow: WF_USING('A_PAT') }],
  invalid: [
    { name: 'toJSON(secrets)', workflow: ENV('${{ toJSON(secrets) }}'), errors: [{ messageId: 'everySecret', near: 'secrets)' }] },
    { name: 'a secret named at run time', workflow: ENV('${{ secrets[inputs.name] }}'), errors: [{ messageId: 'everySecret', near: 'secrets[inputs.name]' }] },
  ],
})

fixtureTester('whole-secrets-context')
