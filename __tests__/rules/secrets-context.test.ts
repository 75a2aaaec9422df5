/**
 * Whole-context access and impossible names: each is a finding at its position, in every format,
 * and neither is taken for a token.
 */
import { runCli } from '../../src/cli.js'
import { cleanRepos, lintWorkflow, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const wf = (value: string) => `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: ./deploy.sh\n        env:\n          V: ${value}\n`

describe('whole-secrets-context', () => {
  it.each([
    ['toJSON(secrets)', '${{ toJSON(secrets) }}', 25],
    ['a name computed at run time', "${{ secrets[format('{0}_PAT', 'DEPLOY')] }}", 18],
  ])('%s is a finding at the reference', (_what, value, column) => {
    const report = lintWorkflow(wf(value))
    const f = report.findings.filter((x) => x.rule === 'whole-secrets-context')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ line: 8, column, severity: 'warning' })
  })

  it.each([
    ['a literal name in brackets', "${{ secrets['DEPLOY_PAT'] }}"],
    ['a name', '${{ secrets.DEPLOY_PAT }}'],
  ])('%s is not', async (_what, value) => {
    expect(lintWorkflow(wf(value)).findings.filter((x) => x.rule === 'whole-secrets-context')).toEqual([])
  })

  it('secrets: inherit is not (the called workflow is read)', async () => {
    const report = lintWorkflow('on: push\njobs:\n  call:\n    uses: octo/other/.github/workflows/x.yml@v1\n    secrets: inherit\n')
    expect(report.findings.filter((x) => x.rule === 'whole-secrets-context')).toEqual([])
  })

  it.each(['text', 'json', 'sarif', 'markdown'])('shows in %s', async (format) => {
    const root = makeRepo({ '.github/workflows/a.yml': wf('${{ toJSON(secrets) }}') })
    expect((await runCli([root, '--format', format, '--repository', 'o/r', '--fail-on', 'never'], {})).stdout).toContain('whole-secrets-context')
  })
})

describe('impossible-secret-name', () => {
  it.each([["secrets['deploy-token']", 'DEPLOY-TOKEN'], ["secrets['1PAT']", '1PAT'], ['secrets.GITHUB_PAT', 'GITHUB_PAT']])('%s is reported and is no token', async (ref, name) => {
    const report = lintWorkflow(wf(`\${{ ${ref} }}`), {}, { repository: 'o/r' })
    expect(report.tokens.map((t) => t.secret)).not.toContain(name)
    const f = report.findings.filter((x) => x.rule === 'impossible-secret-name')
    expect(f).toHaveLength(1)
    expect(f[0].line).toBe(8)
  })

  it('a valid name is not reported', async () => {
    expect(lintWorkflow(wf('${{ secrets.DEPLOY_PAT }}')).findings.filter((x) => x.rule === 'impossible-secret-name')).toEqual([])
  })
})
