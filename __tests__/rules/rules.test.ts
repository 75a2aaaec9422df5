/**
 * Each rule: a table of valid cases (no finding of that rule) and invalid ones (a finding at an
 * exact place). Positions are asserted, wording only where it carries the fix.
 */
import { cleanRepos, lintWorkflow, posOf } from '../helpers.js'

afterAll(cleanRepos)

const WF_USING = (secret: string, extra = '') =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: \${{ secrets.${secret} }}${extra}\n`
const REQ = (body: string) => `version: 1\ntokens:\n${body}`
const TOKEN = (name: string, fields: string) => `  ${name}:\n${fields.split('\n').map((l) => `    ${l}`).join('\n')}\n`
const FG = 'type: fine-grained\nowner: o\nrepositories: [o/r]\nexpires-in: 30\npermissions:\n  contents: read'

const DISPATCH = (repo: string) =>
  `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: ${repo}\n          event-type: go\n`
const FG_DOCS = (perms: string) => `type: fine-grained\nowner: octo\nrepositories: [octo/docs]\nexpires-in: 30\npermissions:\n  ${perms}`
const PROJECT = 'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/add-to-project@v1\n        with:\n          project-url: https://github.com/orgs/octo/projects/1\n          github-token: ${{ secrets.P_PAT }}\n'

interface Case {
  name: string
  workflow: string
  requirements?: string
  /** Findings of the rule as `file:line:col`; empty for a valid case. */
  expected: (wf: string, req: string) => string[]
}

function check(rule: string, c: Case) {
  const more: Record<string, string> = c.requirements === undefined ? {} : { '.github/pat-requirements.yml': c.requirements }
  const report = lintWorkflow(c.workflow, more, { repository: 'octo/app' })
  const got = report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column}`)
  expect(got).toEqual(c.expected(c.workflow, c.requirements ?? ''))
}

const WF = '.github/workflows/ci.yml'
const RQ = '.github/pat-requirements.yml'

const table: Record<string, Case[]> = {
  'undeclared-pat': [
    { name: 'valid: declared', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    { name: 'valid: declared in another case', workflow: WF_USING('a_pat'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    { name: 'valid: not a GitHub credential', workflow: WF_USING('X', '\n      - run: echo ${{ secrets.SLACK_WEBHOOK }}'), requirements: REQ(TOKEN('X', FG)), expected: () => [] },
    { name: 'valid: ignored inline', workflow: WF_USING('A_PAT }} # pat-lint: ignore[undeclared-pat]', '').replace(' }}\n', '\n'), expected: () => [] },
    { name: 'invalid: no requirements file', workflow: WF_USING('A_PAT'), expected: (wf) => [`${WF}:${posOf(wf, 'secrets.A_PAT')}`] },
    { name: 'invalid: not in the file', workflow: WF_USING('B_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: (wf) => [`${WF}:${posOf(wf, 'secrets.B_PAT')}`] },
  ],
  'unused-pat': [
    { name: 'valid: used', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    { name: 'invalid: declared, never used', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG) + TOKEN('OLD_PAT', FG)), expected: (_wf, req) => [`${RQ}:${posOf(req, 'OLD_PAT')}`] },
  ],
  'invalid-requirements': [
    { name: 'valid', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    { name: 'invalid: misspelt permission', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('contents', 'contens'))), expected: (_wf, req) => [`${RQ}:${posOf(req, 'contens')}`] },
  ],
  'prefer-fine-grained': [
    { name: 'valid: fine-grained', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    {
      name: 'valid: classic for GitHub Packages',
      workflow: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          password: ${{ secrets.PKG_PAT }}\n',
      requirements: REQ(TOKEN('PKG_PAT', 'type: classic\nexpires-in: 30\nscopes: [read:packages]')),
      expected: () => [],
    },
    {
      name: 'invalid (error): fine-grained for GitHub Packages',
      workflow: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          password: ${{ secrets.PKG_PAT }}\n',
      requirements: REQ(TOKEN('PKG_PAT', FG)),
      expected: (_wf, req) => [`${RQ}:${posOf(req, 'fine-grained')}`],
    },
    {
      name: 'invalid: classic for a dispatch',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo]')),
      expected: (_wf, req) => [`${RQ}:${posOf(req, 'classic')}`],
    },
  ],
  'pat-expiry': [
    { name: 'valid: 30 days', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG)), expected: () => [] },
    { name: 'invalid: never expires', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('30', 'none'))), expected: (_wf, req) => [`${RQ}:${posOf(req, 'none')}`] },
    { name: 'invalid: 120 days', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('30', '120'))), expected: (_wf, req) => [`${RQ}:${posOf(req, '120')}`] },
    { name: 'invalid: no expiry given', workflow: WF_USING('A_PAT'), requirements: REQ(TOKEN('A_PAT', FG.replace('expires-in: 30\n', ''))), expected: (_wf, req) => [`${RQ}:${posOf(req, 'A_PAT')}`] },
    {
      name: 'valid: the file raises the maximum',
      workflow: WF_USING('A_PAT'),
      requirements: `max-expiry-days: 180\n${REQ(TOKEN('A_PAT', FG.replace('30', '120')))}`,
      expected: () => [],
    },
    {
      name: 'valid: ignored by the config list',
      workflow: WF_USING('A_PAT'),
      requirements: `ignore:\n  - rule: pat-expiry\n    secret: A_PAT\n${REQ(TOKEN('A_PAT', FG.replace('30', 'none')))}`,
      expected: () => [],
    },
  ],
  'pat-where-github-token-would-do': [
    { name: 'valid: a dispatch to another repository needs the PAT', workflow: DISPATCH('octo/docs'), expected: () => [] },
    { name: 'invalid: a checkout of this repository', workflow: WF_USING('A_PAT'), expected: (wf) => [`${WF}:${posOf(wf, 'secrets.A_PAT')}`] },
    {
      name: 'invalid (note): one use of a needed token does not need it',
      workflow: DISPATCH('octo/docs') + '      - uses: peter-evans/create-or-update-comment@v4\n        with:\n          token: ${{ secrets.D_PAT }}\n          issue-number: 1\n',
      expected: (wf) => [`${WF}:${posOf(wf, 'secrets.D_PAT', 1)}`],
    },
    { name: 'valid: undecided uses are not flagged', workflow: WF_USING('A_PAT').replace('actions/checkout@v4', 'some/unknown@v1'), expected: () => [] },
  ],
  'over-scoped-request': [
    { name: 'valid: exactly what is needed', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write'))), expected: () => [] },
    {
      name: 'invalid: a permission nothing needs, and a higher level',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: admin\n  issues: write').replace('contents: admin', 'contents: write\n  actions: write'))),
      expected: (_wf, req) => [`${RQ}:${posOf(req, 'actions')}`, `${RQ}:${posOf(req, 'issues')}`],
    },
    {
      name: 'invalid: all repositories',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('[octo/docs]', 'all'))),
      expected: (_wf, req) => [`${RQ}:${posOf(req, 'all')}`],
    },
    {
      name: 'invalid: a classic scope beyond the minimal ones',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo, admin:org]')),
      expected: (_wf, req) => [`${RQ}:${posOf(req, 'admin:org')}`],
    },
    { name: 'valid: not asserted while a use is undecided', workflow: WF_USING('A_PAT').replace('actions/checkout@v4', 'some/unknown@v1'), requirements: REQ(TOKEN('A_PAT', FG.replace('contents: read', 'contents: write\n  issues: write'))), expected: () => [] },
  ],
  'under-scoped-request': [
    { name: 'valid', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write'))), expected: () => [] },
    { name: 'invalid: a lower level than needed', workflow: DISPATCH('octo/docs'), requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: read'))), expected: (_wf, req) => [`${RQ}:${posOf(req, 'permissions')}`] },
    {
      name: 'invalid: a repository left out',
      workflow: DISPATCH('octo/docs'),
      requirements: REQ(TOKEN('D_PAT', FG_DOCS('contents: write').replace('octo/docs', 'octo/web'))),
      expected: (_wf, req) => [`${RQ}:${posOf(req, '[octo/web]')}`],
    },
  ],
  'prefer-github-app': [
    { name: 'valid: one other repository', workflow: DISPATCH('octo/docs'), expected: () => [] },
    { name: 'invalid: organization automation', workflow: PROJECT, expected: (wf) => [`${WF}:${posOf(wf, 'secrets.P_PAT')}`] },
  ],
  'workflow-error': [
    { name: 'valid', workflow: WF_USING('A_PAT'), expected: () => [] },
    { name: 'invalid: duplicate key', workflow: 'on: push\non: push\njobs: {}\n', expected: () => [`${WF}:2:1`] },
  ],
}

describe.each(Object.entries(table))('%s', (rule, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(rule, c))
})

it('invalid-requirements: YAML that does not parse is reported on its line', () => {
  const report = lintWorkflow(WF_USING('A_PAT'), { [RQ]: 'version: 1\ntokens: {a: [}\n' })
  const found = report.findings.filter((f) => f.rule === 'invalid-requirements')
  expect(found.length).toBeGreaterThan(0)
  expect(found.every((f) => f.file === RQ && f.line === 2 && f.severity === 'error')).toBe(true)
})

describe('long lists in findings are cut, counted', () => {
  const dispatchTo = (repos: string[]) =>
    `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${repos.map((r) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: ${r}\n          event-type: go\n`).join('')}`
  const messages = (workflow: string, token: string, rule: string) =>
    lintWorkflow(workflow, { [RQ]: REQ(TOKEN('D_PAT', token)) }, { repository: 'octo/app' }).findings.filter((f) => f.rule === rule).map((f) => f.message)

  it('under-scoped: one finding per repository left out, up to 5, then one counting the rest', () => {
    const repos = Array.from({ length: 8 }, (_, i) => `octo/r${i}`)
    const got = messages(dispatchTo(repos), FG_DOCS('contents: write'), 'under-scoped-request')
    expect(got).toEqual([...repos.slice(0, 5).map((r) => `D_PAT acts on ${r}, which its repositories list leaves out`), 'D_PAT acts on 3 more repositories its repositories list leaves out, not listed'])
    // The list is compared without case; what it holds is neither shown nor counted.
    const listing = messages(dispatchTo(repos), FG_DOCS('contents: write').replace('[octo/docs]', '[OCTO/R0, octo/r6]'), 'under-scoped-request')
    expect(listing).toEqual([...['octo/r1', 'octo/r2', 'octo/r3', 'octo/r4', 'octo/r5'].map((r) => `D_PAT acts on ${r}, which its repositories list leaves out`), 'D_PAT acts on 1 more repository its repositories list leaves out, not listed'])
  })

  it('over-scoped: all repositories asked for lists the first 100 reached; several owners, the first 5', () => {
    const repos = Array.from({ length: 103 }, (_, i) => `octo/r${String(i).padStart(3, '0')}`)
    const all = messages(dispatchTo(repos), FG_DOCS('contents: write').replace('[octo/docs]', 'all'), 'over-scoped-request')
    expect(all).toHaveLength(1)
    expect(all[0]).toMatch(/^D_PAT requests all repositories, but its uses reach only octo\/r000, .*, octo\/r099 and 3 more$/)
    const owners = messages(dispatchTo(Array.from({ length: 7 }, (_, i) => `org${i}/r`)), FG_DOCS('contents: write').replace('[octo/docs]', 'all'), 'over-scoped-request')
    expect(owners.find((m) => /is owned by/.test(m))).toBe('D_PAT is owned by octo, but its uses reach repositories of org0, org1, org2, org3, org4 and 2 more')
  })
})
