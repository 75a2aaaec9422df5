/** The organization inventory: reports of many repositories merged per owner and secret. */
import { formatJson } from '../../src/report/json.js'
import { mergeReports, type ReportInput } from '../../src/inventory/merge.js'
import { csvCell, formatInventoryCsv, formatInventoryMarkdown } from '../../src/inventory/format.js'
import { cleanRepos, lintRepo, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const dispatch = (repo: string, secret = 'DISPATCH_PAT') => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.${secret} }}\n          repository: ${repo}\n          event-type: go\n`
const comment = (secret: string) => `on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh issue comment 1 --body hi\n        env:\n          GH_TOKEN: \${{ secrets.${secret} }}\n`

function reportOf(repository: string, workflow: string, more: Record<string, string> = {}): ReportInput {
  return { source: `${repository.replace('/', '+')}.json`, text: formatJson(lintWorkflow(workflow, more, { repository })) }
}

describe('merging reports', () => {
  it("one organization secret used by two repositories is one entry: every use, the union of what they need and reach", () => {
    const inv = mergeReports([reportOf('octo/app', dispatch('octo/docs')), reportOf('octo/api', dispatch('octo/site') + '      - run: gh issue comment 1 --body hi\n        env:\n          GH_TOKEN: ${{ secrets.DISPATCH_PAT }}\n')])
    expect(inv.secrets).toHaveLength(1)
    const s = inv.secrets[0]
    expect([s.owner, s.secret, s.uses]).toEqual(['octo', 'DISPATCH_PAT', 3])
    expect(s.repositories.map((r) => r.repository)).toEqual(['octo/api', 'octo/app'])
    expect(s.reaches).toEqual(['octo/api', 'octo/docs', 'octo/site'])
    expect(s.minimal).toMatchObject({ contents: 'write', issues: 'write' })
    expect(s.patNeededIn).toEqual(['octo/api', 'octo/app'])
    expect(s.undeclaredIn).toEqual(['octo/api', 'octo/app'])
    // Every use, with where it is and its own verdict.
    expect(s.repositories[0].each.map((u) => [u.file, u.line, u.githubTokenWouldDo])).toEqual([['.github/workflows/ci.yml', 8, false], ['.github/workflows/ci.yml', 13, true]])
  })

  it('secrets of two owners are two entries, whatever their name; names differing in case are one secret', () => {
    const inv = mergeReports([reportOf('octo/app', comment('BOT_PAT')), reportOf('other/app', comment('BOT_PAT')), reportOf('octo/web', comment('bot_pat'))])
    expect(inv.secrets.map((s) => `${s.owner}:${s.secret}:${s.repositories.length}`)).toEqual(['octo:BOT_PAT:2', 'other:BOT_PAT:1'])
    // Commenting here: GITHUB_TOKEN would do in each.
    expect(inv.secrets[0].githubTokenWouldDoIn).toEqual(['octo/app', 'octo/web'])
    expect(formatInventoryMarkdown(inv)).toContain('### Secrets GITHUB_TOKEN could replace everywhere')
  })

  it('a repository reported twice counts once (the last report), with a notice', () => {
    const inv = mergeReports([reportOf('octo/app', comment('OLD_PAT')), reportOf('octo/app', comment('NEW_PAT'))])
    expect(inv.repositories).toHaveLength(1)
    expect(inv.secrets.map((s) => s.secret)).toEqual(['NEW_PAT'])
    expect(inv.notices[0]).toMatch(/octo\/app is reported twice/)
  })

  it('what cannot be read is listed, never dropped, and the rest is merged', () => {
    const good = reportOf('octo/app', comment('BOT_PAT'))
    const inv = mergeReports([
      { source: 'broken.json', text: '{"version": 1, "tok' },
      { source: 'old.json', text: JSON.stringify({ version: 0, repository: 'octo/x', tokens: [] }) },
      { source: 'anonymous.json', text: formatJson(lintWorkflow(comment('BOT_PAT'))) },
      { source: 'gone.json', text: JSON.stringify({ version: 1, repository: 'octo/deleted', failed: 'not found (deleted while the scan ran)' }) },
      good,
    ])
    expect(inv.secrets.map((s) => s.secret)).toEqual(['BOT_PAT'])
    expect(inv.failures.map((f) => [f.source, f.repository])).toEqual([['broken.json', null], ['old.json', null], ['anonymous.json', null], ['gone.json', 'octo/deleted']])
    expect(inv.failures[0].reason).toMatch(/^not JSON/)
    expect(inv.failures[1].reason).toMatch(/not a pat-lint report/)
    expect(inv.failures[2].reason).toMatch(/names no repository/)
  })

  it('flags declarations: classic, never expiring, unused, over-scoped', () => {
    const demo = { source: 'demo.json', text: formatJson(lintRepo('examples/demo', { repository: 'octo-org/demo' })) }
    const inv = mergeReports([demo])
    const bySecret = Object.fromEntries(inv.secrets.map((s) => [s.secret, s]))
    expect(bySecret.RELEASE_BOT_TOKEN.classicIn).toEqual(['octo-org/demo'])
    expect(bySecret.RELEASE_BOT_TOKEN.neverExpiresIn).toEqual(['octo-org/demo'])
    expect(bySecret.OLD_DEPLOY_PAT.unusedIn).toEqual(['octo-org/demo'])
    expect(bySecret.DOCS_DISPATCH_PAT.overScopedIn).toEqual(['octo-org/demo'])
  })
})

describe('inventory formats', () => {
  it('CSV: quoted where needed, and no cell a spreadsheet would run as a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(null)).toBe('')
  })

  it('a hostile report cannot break the markdown table or the CSV rows', () => {
    const hostile = JSON.parse(formatJson(lintWorkflow(comment('BOT_PAT'), {}, { repository: 'octo/app' })))
    hostile.tokens[0].secret = 'X|Y\n@team =1+1'
    const inv = mergeReports([{ source: 'hostile.json', text: JSON.stringify(hostile) }])
    const table = formatInventoryMarkdown(inv).split('\n').filter((l) => l.startsWith('| octo'))
    expect(table).toHaveLength(1)
    expect(table[0]).not.toContain('@team')
    const csv = formatInventoryCsv(inv).trimEnd().split('\n')
    expect(csv).toHaveLength(3) // header, and one row whose quoted cell holds the line break
    expect(csv[1]).toContain('"X|Y')
  })
})
