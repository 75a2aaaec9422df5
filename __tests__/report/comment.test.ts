import { lint } from '../../src/lint.js'
import { buildComment, COMMENT_MARKER, MAX_COMMENT_CHARS } from '../../src/report/comment.js'
import { tokenAdvice } from '../../src/report/advice.js'
import type { Report } from '../../src/lint.js'

const report = lint('examples/demo', { repository: 'octo-org/demo' })
const ctx = { server: 'https://github.com', repository: 'octo-org/demo', headSha: 'c'.repeat(40), failOn: 'error' as const, changes: [], maxExpiryDays: 90 }

describe('the pull-request comment body', () => {
  it('starts with the marker and a verdict, then tokens and findings', () => {
    const body = buildComment(report, ctx)
    expect(body.startsWith(`${COMMENT_MARKER}\n## pat-lint\n\n❌ **Fails** (fail-on: error): 2 errors`)).toBe(true)
    expect(body.indexOf('### Tokens')).toBeLessThan(body.indexOf('### Findings'))
    expect(body).toContain(`[\`.github/workflows/release.yml:22\`](https://github.com/octo-org/demo/blob/${'c'.repeat(40)}/.github/workflows/release.yml#L22)`)
    expect(body).toContain('~~`pull_requests: write`~~ drop')
    expect(body).toContain('select: `octo-org/docs`')
  })

  it('is an all-clear when nothing is found', () => {
    const clean: Report = { ...report, findings: [], tokens: [] }
    expect(buildComment(clean, ctx)).toBe(`${COMMENT_MARKER}\n## pat-lint\n\n✅ **All clear**: no findings about personal access tokens in ${report.files.length} files.\n`)
  })

  it('stays under 65,536 characters, cut with a note', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ rule: 'undeclared-pat', severity: 'warning' as const, file: `.github/workflows/w${i}.yml`, line: 1, column: 1, message: 'x'.repeat(60) }))
    const body = buildComment({ ...report, findings: many }, ctx)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).toContain('Cut to fit in a comment: the job summary has the full report.')
  })

  it('advises GITHUB_TOKEN, a fine-grained link, or nothing when undecided', () => {
    const advice = Object.fromEntries(tokenAdvice(report, ctx).map((a) => [a.secret, a.kind]))
    expect(advice).toEqual({ DOCS_DISPATCH_PAT: 'fine-grained', RELEASE_BOT_TOKEN: 'fine-grained', TRIAGE_BOT_PAT: 'github-token', WELCOME_PAT: 'github-token' })
  })
})

describe('docs/example-comment.md', () => {
  it('is the comment for examples/demo as the code writes it today (npm run docs)', async () => {
    const { readFileSync } = await import('node:fs')
    const { exampleComment } = await import('../../src/report/example-comment.js')
    expect(readFileSync('docs/example-comment.md', 'utf8')).toBe(exampleComment())
  })
})
