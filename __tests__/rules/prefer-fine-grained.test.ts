import { RQ, ruleTester } from './rule-tester.js'
import { DISPATCH, FG, GHCR, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('prefer-fine-grained', {
  valid: [
    { name: 'fine-grained', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)) },
    { name: 'classic for GitHub Packages', workflow: GHCR, requirements: REQ(TOKEN('PKG_PAT', 'type: classic\nexpires-in: 30\nscopes: [read:packages]')) },
  ],
  invalid: [
    { name: 'fine-grained for GitHub Packages: it will fail', workflow: GHCR, requirements: REQ(TOKEN('PKG_PAT', FG)), errors: [{ messageId: 'fineGrainedWillFail', file: RQ, near: 'fine-grained', severity: 'error' }] },
    { name: 'classic for a dispatch', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo]')), errors: [{ messageId: 'classicNotNeeded', file: RQ, near: 'classic' }] },
  ],
})
