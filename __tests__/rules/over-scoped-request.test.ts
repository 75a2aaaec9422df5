import { lintWorkflow } from '../helpers.js'
import { RQ, ruleTester } from './rule-tester.js'
import { DISPATCH, FG, FG_DOCS, REQ, TOKEN, WF_USING } from './sample-files.js'

ruleTester('over-scoped-request', {
  valid: [
    { name: 'exactly what is needed', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write'))) },
    { name: 'not asserted while a use is undecided', workflow: WF_USING('A_PAT').replace('actions/checkout@v4', 'some/unknown@v1'), requirements: REQ(TOKEN('A_PAT', FG.replace('contents: read', 'contents: write\n  issues: write'))) },
  ],
  invalid: [
    {
      name: 'a permission nothing needs, and a higher level',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write\n  actions: write\n  issues: write'))),
      errors: [{ messageId: 'unneededPermission', file: RQ, near: 'actions' }, { messageId: 'unneededPermission', file: RQ, near: 'issues' }],
    },
    { name: 'a higher level than needed', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('contents: read', 'contents: write').replace('owner: o\nrepositories: [o/r]', 'owner: octo\nrepositories: [octo/app]'))), errors: [{ messageId: 'higherLevel', file: RQ, near: 'contents' }] },
    { name: 'all repositories', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('[octo/docs]', 'all'))), errors: [{ messageId: 'allRepositories', file: RQ, near: 'all' }] },
    { name: 'a repository nothing reaches', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('[octo/docs]', '[octo/docs, octo/web]'))), errors: [{ messageId: 'unneededRepository', file: RQ, near: '[octo/docs' }] },
    { name: 'another owner', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('owner: octo', 'owner: elsewhere'))), errors: [{ messageId: 'otherOwner', file: RQ, near: 'elsewhere' }] },
    { name: 'a classic scope beyond the minimal ones', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo, admin:org]')), errors: [{ messageId: 'unneededScope', file: RQ, near: 'admin:org' }] },
  ],
})

describe('long lists in findings are cut, counted', () => {
  const dispatchTo = (repos: string[]) =>
    `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${repos.map((r) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: ${r}\n          event-type: go\n`).join('')}`
  const messages = (workflow: string, token: string) =>
    lintWorkflow(workflow, { [RQ]: REQ(TOKEN('D_PAT', token)) }, { repository: 'octo/app' }).findings.filter((f) => f.rule === 'over-scoped-request').map((f) => f.message)

  it('all repositories asked for lists the first 100 reached; several owners, the first 5', () => {
    const repos = Array.from({ length: 103 }, (_, i) => `octo/r${String(i).padStart(3, '0')}`)
    const all = messages(dispatchTo(repos), FG_DOCS('contents: write').replace('[octo/docs]', 'all'))
    expect(all).toHaveLength(1)
    expect(all[0]).toMatch(/^D_PAT requests all repositories, but its uses reach only octo\/r000, .*, octo\/r099 and 3 more$/)
    const owners = messages(dispatchTo(Array.from({ length: 7 }, (_, i) => `org${i}/r`)), FG_DOCS('contents: write').replace('[octo/docs]', 'all'))
    expect(owners.find((m) => /is owned by/.test(m))).toBe('D_PAT is owned by octo, but its uses reach repositories of org0, org1, org2, org3, org4 and 2 more')
  })
})
