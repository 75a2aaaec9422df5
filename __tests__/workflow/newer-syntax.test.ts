/**
 * Newer workflow syntax is never skipped silently: steps in a `parallel:` block are read like any
 * step, and a key GitHub's parser does not list yields a note naming it, with the secrets under
 * it still found.
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const job = (steps: string, jobExtra = '') => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobExtra}    steps:\n${steps}`

describe('newer workflow syntax', () => {
  it('steps of a parallel block are steps: their token uses are analysed', () => {
    const report = lintWorkflow(job('      - parallel:\n          - run: echo hi\n          - run: gh pr list\n            env:\n              GH_TOKEN: ${{ secrets.READ_PAT }}\n      - run: echo after\n'), {}, { repository: 'octo/app' })
    const use = report.tokens[0].uses[0]
    expect(use.kind).toBe('env')
    expect(use.step).toBe('step 2')
    expect(use.needs).toEqual({ pull_requests: 'read' })
    expect(report.findings.filter((f) => f.rule === 'unknown-syntax')).toEqual([])
  })

  it('cache-mode, documented after the parser schema, is known at the workflow and the job', () => {
    const wf = 'on: push\ncache-mode: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    cache-mode: write-only\n    steps:\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets.READ_PAT }}\n'
    const report = lintWorkflow(wf, {}, { repository: 'octo/app' })
    expect(report.findings.filter((f) => f.rule === 'unknown-syntax')).toEqual([])
    expect(report.tokens[0].uses[0].needs).toEqual({ pull_requests: 'read' })
    // Only where GitHub documents it: on a step it is still a key pat-lint does not know.
    const onStep = lintWorkflow(wf.replace('      - run: gh pr list\n', '      - run: gh pr list\n        cache-mode: none\n'), {}, { repository: 'octo/app' })
    expect(onStep.findings.filter((f) => f.rule === 'unknown-syntax').map((f) => f.line)).toEqual([9])
  })

  it.each([
    ['a step key', job('      - uses: some/action@v1\n        retry:\n          token: ${{ secrets.HIDDEN_PAT }}\n'), 'retry', 7],
    ['a job key', job('      - run: echo\n', '    sandbox:\n      token: ${{ secrets.HIDDEN_PAT }}\n'), 'sandbox', 5],
  ])('%s pat-lint does not know is a note naming it, and the secret under it is still found', (_what, workflow, key, line) => {
    const report = lintWorkflow(workflow, {}, { repository: 'octo/app' })
    const notes = report.findings.filter((f) => f.rule === 'unknown-syntax')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ severity: 'note', line })
    expect(notes[0].message).toContain(`\`${key}\``)
    expect(report.tokens.map((t) => t.secret)).toEqual(['HIDDEN_PAT'])
    expect(report.tokens[0].uses[0].githubTokenWouldDo).toBeNull()
  })

  it('every key GitHub documents passes without a note', () => {
    const workflow = 'name: x\nrun-name: y\non: push\npermissions: {}\nenv: {}\ndefaults: {}\nconcurrency: z\njobs:\n  a:\n    name: a\n    runs-on: x\n    needs: []\n    if: true\n    timeout-minutes: 5\n    continue-on-error: true\n    environment: prod\n    outputs: {}\n    strategy: {}\n    services: {}\n    steps:\n      - id: s\n        name: s\n        if: true\n        run: echo\n        shell: bash\n        working-directory: .\n        timeout-minutes: 1\n        continue-on-error: false\n        background: true\n      - wait: s\n'
    expect(lintWorkflow(workflow).findings.filter((f) => f.rule === 'unknown-syntax')).toEqual([])
  })
})
