import { lintWorkflow } from '../helpers.js'
import { RQ, ruleTester } from './rule-tester.js'
import { DISPATCH, FG_DOCS, REQ, TOKEN } from './sample-files.js'

ruleTester('under-scoped-request', {
  valid: [{ name: 'what is needed', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write'))) }],
  invalid: [
    { name: 'a lower level than needed', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: read'))), errors: [{ messageId: 'lowerLevel', file: RQ, near: 'permissions' }] },
    { name: 'a permission not requested', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('issues: write'))), errors: [{ messageId: 'missingPermission', file: RQ, near: 'permissions' }] },
    { name: 'a scope not requested', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [read:org]')), errors: [{ messageId: 'missingScope', file: RQ, near: 'scopes' }] },
    { name: 'a repository left out', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('octo/docs', 'octo/web'))), errors: [{ messageId: 'missingRepository', file: RQ, near: '[octo/web]' }] },
  ],
})

describe('long lists in findings are cut, counted', () => {
  const dispatchTo = (repos: string[]) =>
    `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${repos.map((r) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: ${r}\n          event-type: go\n`).join('')}`
  const found = (workflow: string, token: string) =>
    lintWorkflow(workflow, { [RQ]: REQ(TOKEN('D_PAT', token)) }, { repository: 'octo/app' }).findings.filter((f) => f.rule === 'under-scoped-request')

  it('one finding per repository left out, up to 5, then one counting the rest', () => {
    const repos = Array.from({ length: 8 }, (_, i) => `octo/r${i}`)
    const got = found(dispatchTo(repos), FG_DOCS('contents: write'))
    expect(got.map((f) => f.messageId)).toEqual([...Array(5).fill('missingRepository'), 'moreMissingRepositories'])
    expect(got.map((f) => f.message)).toEqual([...repos.slice(0, 5).map((r) => `D_PAT acts on ${r}, which its repositories list leaves out`), 'D_PAT acts on 3 more repositories its repositories list leaves out, not listed'])
    // The list is compared without case; what it holds is neither shown nor counted.
    const listing = found(dispatchTo(repos), FG_DOCS('contents: write').replace('[octo/docs]', '[OCTO/R0, octo/r6]')).map((f) => f.message)
    expect(listing).toEqual([...['octo/r1', 'octo/r2', 'octo/r3', 'octo/r4', 'octo/r5'].map((r) => `D_PAT acts on ${r}, which its repositories list leaves out`), 'D_PAT acts on 1 more repository its repositories list leaves out, not listed'])
  })
})
