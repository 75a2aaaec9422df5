import { fixtureTester, ruleTester } from './rule-tester.js'
import { WF_USING } from './sample-files.js'

const ENV = (value: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ./deploy.sh\n        env:\n          ALL: ${value}\n`
/** A job whose matrix lists the secret each leg signs with: `secrets[matrix.key]` names one of them. */
const MATRIX = (values: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n        include:\n${values}    steps:\n      - run: ./sign.sh\n        env:\n          KEY: \${{ secrets[matrix.key_secret] }}\n`

ruleTester('whole-secrets-context', {
  valid: [
    { name: 'secrets by name', workflow: WF_USING('A_PAT') },
    { name: 'a secret named by a matrix that lists every name', workflow: MATRIX("          - key_secret: MAC_KEY\n          - key_secret: ''\n") },
  ],
  invalid: [
    { name: 'toJSON(secrets)', workflow: ENV('${{ toJSON(secrets) }}'), errors: [{ messageId: 'everySecret', near: 'secrets)' }] },
    { name: 'a secret named at run time', workflow: ENV('${{ secrets[inputs.name] }}'), errors: [{ messageId: 'everySecret', near: 'secrets[inputs.name]' }] },
    { name: 'a matrix value set by an expression', workflow: MATRIX('          - key_secret: ${{ inputs.key }}\n'), errors: [{ messageId: 'everySecret', near: 'secrets[matrix' }] },
  ],
})

fixtureTester('whole-secrets-context')
