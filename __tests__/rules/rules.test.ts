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

interface Case {
  name: string
  workflow: string
  requirements?: string
  /** Findings of the rule as `file:line:col`; empty for a valid case. */
  expected: (wf: string, req: string) => string[]
}

function check(rule: string, c: Case) {
  const more: Record<string, string> = c.requirements === undefined ? {} : { '.github/pat-requirements.yml': c.requirements }
  const report = lintWorkflow(c.workflow, more)
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
      name: 'invalid: classic for a checkout',
      workflow: WF_USING('A_PAT'),
      requirements: REQ(TOKEN('A_PAT', 'type: classic\nexpires-in: 30\nscopes: [repo]')),
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
