import { lintRepo as lint } from '../helpers.js'
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
    expect(body).toContain('select `octo-org/docs`')
  })

  it('reads in ten seconds: three columns whatever the names, codes linked, no escaped backticks shown', () => {
    const long = 'A_VERY_LONG_SECRET_NAME_THAT_SOMEONE_GAVE_THEIR_RELEASE_AUTOMATION_TOKEN_PAT'
    const renamed: Report = { ...report, tokens: report.tokens.map((t, i) => (i === 0 ? { ...t, secret: long } : t)) }
    const body = buildComment(renamed, ctx)
    const table = body.split('\n').filter((l) => l.startsWith('| '))
    expect(table.length).toBeGreaterThan(3)
    for (const row of table) expect(row.split(/(?<!\\)\|/).length - 2).toBe(3)
    expect(body).toContain('[R3](https://github.com/pat-lint/pat-lint/blob/main/docs/reasons.md#r3)')
    expect(body).not.toContain('\\`')
    expect(body).toContain('`${{ github.token }}`')
  })

  it('every rule code a reason cites has a section in docs/reasons.md', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync('docs/reasons.md', 'utf8')
    const body = buildComment(report, ctx)
    const cited = [...body.matchAll(/reasons\.md#(r\d+[a-z]?)/g)].map((m) => m[1])
    expect(cited.length).toBeGreaterThan(0)
    for (const code of cited) expect(doc).toContain(`## ${code.toUpperCase()}\n`)
    const { execSync } = await import('node:child_process')
    const inSource = new Set(execSync("grep -rhoE '\\(R[0-9]+[a-z]?' src", { encoding: 'utf8' }).match(/R\d+[a-z]?/g))
    for (const code of inSource) expect(doc).toContain(`## ${code}\n`)
  })

  it('a lone carriage return in a secret name ends no table row, and what follows is not markup', () => {
    const hostile = 'A\r| <b>x</b> | [link](https://evil.example) |'
    const renamed: Report = { ...report, tokens: report.tokens.map((t, i) => (i === 0 ? { ...t, secret: hostile } : t)) }
    const body = buildComment(renamed, ctx)
    expect(body).not.toContain('\r')
    // Inside a code span the text is shown as it is; outside of one it must not be markup.
    const outsideCode = body.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '')
    expect(outsideCode).not.toContain('<b>')
    expect(outsideCode).not.toMatch(/\]\(https:\/\/evil\.example\)/)
    const rows = body.split('\n').filter((l) => l.startsWith('| '))
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(3)
  })

  it('is an all-clear when nothing is found', () => {
    const clean: Report = { ...report, findings: [], tokens: [] }
    expect(buildComment(clean, ctx)).toBe(`${COMMENT_MARKER}\n## pat-lint\n\n✅ **All clear**: no findings about personal access tokens in ${report.files.length} files.\n`)
  })

  it('stays under 65,536 characters, cut with a note', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ rule: 'undeclared-pat', messageId: 'undeclared', severity: 'warning' as const, file: `.github/workflows/w${i}.yml`, line: 1, column: 1, message: 'x'.repeat(60) }))
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
    const { exampleComment } = await import('../../scripts/example-comment.js')
    expect(readFileSync('docs/example-comment.md', 'utf8')).toBe(exampleComment())
  })
})

describe('a classic token cannot be limited to repositories', () => {
  const wf = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          repository: octo/lib\n          token: ${{ secrets.LIB_PAT }}\n      - run: gh api repos/octo/lib/check-runs -f name=x -f head_sha=abc\n        env:\n          GH_TOKEN: ${{ secrets.LIB_PAT }}\n'
  it('names the repositories it is used on, asks for no selection', async () => {
    const { lintWorkflow, cleanRepos } = await import('../helpers.js')
    const r = lintWorkflow(wf, {}, { repository: 'octo/app' })
    cleanRepos()
    const [a] = tokenAdvice(r, { server: 'https://github.com', repository: 'octo/app', maxExpiryDays: 90 })
    expect(a.kind).toBe('classic')
    expect(a.select).toBeUndefined()
    expect(a.usedOn).toEqual(['octo/lib'])
    const { formatText } = await import('../../src/report/text.js')
    expect(formatText(r)).toContain('cannot be limited to octo/lib')
    expect(formatText(r)).not.toContain('then select')
  })
})

describe('a link for a token with undecided uses', () => {
  const wf = (second: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh issue create -R octo/lib -t x -b y\n        env:\n          GH_TOKEN: \${{ secrets.LIB_PAT }}\n${second}`
  it('says how many uses it does not cover, in the log and the job summary; a fully decided one says nothing', async () => {
    const { lintWorkflow, cleanRepos } = await import('../helpers.js')
    const { formatText } = await import('../../src/report/text.js')
    const { formatMarkdown } = await import('../../src/report/markdown.js')
    const unsure = lintWorkflow(wf('      - run: node scripts/release.js\n        env:\n          GITHUB_TOKEN: ${{ secrets.LIB_PAT }}\n'), {}, { repository: 'octo/app' })
    const sure = lintWorkflow(wf(''), {}, { repository: 'octo/app' })
    cleanRepos()
    const [a] = tokenAdvice(unsure, { server: 'https://github.com', repository: 'octo/app', maxExpiryDays: 90 })
    expect(a.undecided).toBe(1)
    expect(formatText(unsure)).toContain('1 use undecided: the link asks for what is known')
    expect(formatMarkdown(unsure)).toContain('1 use undecided')
    expect(tokenAdvice(sure, { server: 'https://github.com', repository: 'octo/app', maxExpiryDays: 90 })[0].undecided).toBeUndefined()
    expect(formatText(sure)).not.toContain('undecided')
  })
})
