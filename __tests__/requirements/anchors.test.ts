/**
 * Anchors are ordinary YAML: a requirements file or a workflow that reuses a block many times is
 * read whole. Only what aliases expand to is bounded, so an alias bomb is still refused.
 */
import { lintRepo as lint } from '../helpers.js'
import { cleanRepos, lintWorkflow, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

describe('anchors and aliases', () => {
  it('a requirements file sharing fields through 150 merge keys declares every token, each at its key', () => {
    const lines = ['version: 1', 'tokens:', '  BASE_PAT: &base', '    type: fine-grained', '    owner: octo', '    expires-in: 30', '    purpose: shared', '    repositories: [octo/base]', '    permissions:', '      contents: read']
    for (let i = 0; i < 150; i++) lines.push(`  T${i}_PAT:`, '    <<: *base', `    repositories: [octo/r${i}]`)
    const report = lint(makeRepo({ '.github/pat-requirements.yml': lines.join('\n') + '\n' }), { repository: 'octo/app' })
    expect(report.errors).toEqual([])
    expect(report.tokens).toHaveLength(151)
    const t149 = report.findings.find((f) => f.secret === 'T149_PAT')
    expect(t149?.line).toBe(lines.indexOf('  T149_PAT:') + 1)
    expect(report.tokens.find((t) => t.secret === 'T149_PAT')?.requested?.permissions).toEqual({ contents: 'read' })
  })

  it('a workflow reusing one env block through 150 aliases has every use found', () => {
    const steps = Array.from({ length: 150 }, () => '      - run: gh pr list\n        env: *creds').join('\n')
    const wf = `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh pr list\n        env: &creds\n          GH_TOKEN: \${{ secrets.READ_PAT }}\n${steps}\n`
    const report = lintWorkflow(wf, {}, { repository: 'octo/app' })
    expect(report.errors).toEqual([])
    expect(report.tokens[0].uses.length).toBe(151)
  })

  it('an alias bomb in the requirements file is refused with a reason, and the workflows are still linted', () => {
    const bomb = ['a0: &a0 ["x"]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n')
    const report = lint(makeRepo({ '.github/pat-requirements.yml': `version: 1\n${bomb}\ntokens: {}\n`, '.github/workflows/a.yml': 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets.READ_PAT }}\n' }))
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/aliases expand to more than 1,000,000 nodes/)])
    expect(report.tokens.map((t) => t.secret)).toEqual(['READ_PAT'])
  })
})

describe('messages a user can act on', () => {
  it('an infinite expiry is shown as written, not as null', () => {
    const req = 'version: 1\ntokens:\n  A_PAT:\n    type: fine-grained\n    expires-in: .inf\n    purpose: x\n    permissions: {}\n'
    const report = lint(makeRepo({ '.github/pat-requirements.yml': req }))
    expect(report.errors.map((e) => e.message)).toContain('expires-in is a number of days from 1 to 366, or none (found .inf)')
  })

  it('a second YAML document is named as such, with no advice meant for yaml\'s users', () => {
    const report = lintWorkflow('on: push\njobs: {}\n---\nmore: 1\n')
    expect(report.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/more than one YAML document/) })
    expect(report.errors[0].message).not.toMatch(/parseAllDocuments/)
  })
})
