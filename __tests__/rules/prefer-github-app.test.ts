import { fixtureTester, ruleTester } from './rule-tester.js'
import { DISPATCH, PROJECT } from './sample-files.js'

ruleTester('prefer-github-app', {
  valid: [{ name: 'one other repository', workflow: DISPATCH('octo/docs') }],
  invalid: [{ name: 'organization automation', workflow: PROJECT, errors: [{ messageId: 'appTokenFits', near: 'secrets.P_PAT' }] }],
})

fixtureTester('prefer-github-app')
