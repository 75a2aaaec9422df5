/**
 * Long lists in the report are cut and counted, so no workflow makes the report grow with the
 * square of its size; and workflows that call each other in a loop end in a reason, not a crash.
 */
import { lintRepo as lint } from '../helpers.js'
import { MAX_REASONS_PER_USE, MAX_REPOSITORIES_PER_TOKEN } from '../../src/limits.js'
import { formatMarkdown, MAX_MARKDOWN_BYTES } from '../../src/report/markdown.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

/** Three jobs pass their own token to one reusable workflow that dispatches to `n` repositories of `owners` owners. */
function callers(n: number, owners = 1): Record<string, string> {
  const caller = `on: push\njobs:\n${[0, 1, 2].map((i) => `  c${i}:\n    uses: ./.github/workflows/called.yml\n    secrets:\n      token: \${{ secrets.PAT_${i} }}\n`).join('')}`
  const steps = Array.from({ length: n }, (_, j) => `      - run: gh api -X POST repos/o${j % owners}/r${j}/dispatches -f event_type=x\n        env:\n          GH_TOKEN: \${{ secrets.token }}\n`).join('')
  const called = `on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`
  return { '.github/workflows/caller.yml': caller, '.github/workflows/called.yml': called }
}

describe('report limits', () => {
  it(`lists ${MAX_REPOSITORIES_PER_TOKEN} repositories per token and ${MAX_REASONS_PER_USE} reasons per use, and counts the rest`, () => {
    const n = MAX_REPOSITORIES_PER_TOKEN + 20
    const report = lint(makeRepo(callers(n)), { repository: 'octo/app' })
    const tokens = report.tokens.filter((t) => /^PAT_/.test(t.secret))
    expect(tokens).toHaveLength(3)
    for (const t of tokens) {
      expect(t.repositories).toHaveLength(MAX_REPOSITORIES_PER_TOKEN)
      expect(t.repositoriesNotListed).toBe(20)
      expect(t.uses[0].reasons).toHaveLength(MAX_REASONS_PER_USE + 1)
      expect(t.uses[0].reasons.at(-1)).toMatch(/^and \d+ more reasons, not listed$/)
    }
    // The App-token snippet lists as many repositories, and says how many it leaves out.
    const app = report.findings.find((f) => f.rule === 'prefer-github-app' && f.secret === 'PAT_0')!
    expect(app.help!.split('\n').find((l) => l.includes('repositories:'))!.split(',')).toHaveLength(MAX_REPOSITORIES_PER_TOKEN)
    expect(app.help).toContain('# and 20 more repositories, not listed here')
  })

  it('a token reaching the repositories of many owners names a few of them', () => {
    const requirements = 'version: 1\ntokens:\n  PAT_0:\n    type: fine-grained\n    owner: o0\n    repositories: [o0/r0]\n    expires-in: 30\n    purpose: dispatch\n    permissions:\n      actions: write\n'
    const report = lint(makeRepo({ ...callers(12, 12), '.github/pat-requirements.yml': requirements }), { repository: 'octo/app' })
    const t = report.tokens.find((x) => x.secret === 'PAT_0')!
    expect(t.fineGrainedPossible).toBe(false)
    expect(t.repositoriesNotListed).toBeUndefined()
    const finding = report.findings.find((f) => f.secret === 'PAT_0' && f.rule === 'prefer-fine-grained')!
    expect(finding.message).toMatch(/12 owners \(o0, o1, o10, o11, o2 and 7 more\)/)
  })

  it('reusable workflows calling each other in a loop end in a reason, not an internal error', () => {
    const a = 'on:\n  push:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  c:\n    uses: ./.github/workflows/b.yml\n    secrets:\n      token: ${{ secrets.MY_PAT }}\n  d:\n    uses: ./.github/workflows/b.yml\n    secrets:\n      token: ${{ secrets.token }}\n'
    const b = 'on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  c:\n    uses: ./.github/workflows/a.yml\n    secrets:\n      token: ${{ secrets.token }}\n'
    const report = lint(makeRepo({ '.github/workflows/a.yml': a, '.github/workflows/b.yml': b }), { repository: 'octo/app' })
    const use = report.tokens.find((t) => t.secret === 'MY_PAT')!.uses[0]
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(/is reached again through the workflows it calls: pat-lint does not follow the loop/)
    expect(use.reasons.join('\n')).not.toMatch(/please report it/)
  })

  it('the markdown summary is cut at its size limit, line by line, with a note', () => {
    const many = Array.from({ length: 9000 }, (_, i) => `      - run: gh pr list\n        env:\n          GH_TOKEN: \${{ secrets.SOME_LONGER_NAME_FOR_A_TOKEN_${i} }}\n`).join('')
    const report = lint(makeRepo({ '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${many}` }), { repository: 'octo/app' })
    const md = formatMarkdown(report)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_MARKDOWN_BYTES)
    expect(Buffer.byteLength(md)).toBeGreaterThan(MAX_MARKDOWN_BYTES - 2048)
    expect(md.endsWith('_The rest is cut to stay within the summary size limit; the JSON report has everything._\n')).toBe(true)
  })
})
