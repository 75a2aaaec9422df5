/**
 * GoReleaser publishes a GitHub release: where another workflow runs on releases, a release made
 * with GITHUB_TOKEN would not start it (R1), so the token is needed. (A go.mod and no
 * .goreleaser.yaml: GoReleaser's defaults, which publish nothing elsewhere.)
 */
import { lintRepo as lint } from '../helpers.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const release = 'on:\n  push:\n    tags: [v*]\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n        env:\n          GITHUB_TOKEN: ${{ secrets.RELEASE_PAT }}\n'

describe('goreleaser-action and release listeners', () => {
  it('with a workflow on release, the PAT is needed (R1)', () => {
    const report = lint(makeRepo({ 'go.mod': 'module example.com/app\n', '.github/workflows/release.yml': release, '.github/workflows/winget.yml': 'on:\n  release:\n    types: [released]\njobs:\n  p:\n    runs-on: x\n    steps:\n      - run: echo\n' }), { repository: 'octo/app' })
    const use = report.tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join(' ')).toMatch(/release/)
    expect(use.reasonCodes.flat()).toContain('R1')
    expect(report.findings.map((f) => f.rule)).not.toContain('pat-where-github-token-would-do')
  })

  it('with none, and a second workflow visible to say so, GITHUB_TOKEN with contents: write would do', () => {
    const report = lint(makeRepo({ 'go.mod': 'module example.com/app\n', '.github/workflows/release.yml': release, '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: echo\n' }), { repository: 'octo/app' })
    const use = report.tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
  })
})

describe('an action that documents the classic scopes its token needs', () => {
  const wf = (extra: string) => `on: push\njobs:\n  s:\n    runs-on: x\n    steps:\n      - uses: JamesIves/github-sponsors-readme-action@v1\n        with:\n          token: \${{ secrets.SPONSORS_SECRET }}\n          file: README.md\n${extra}`
  it('a user\'s sponsors: read:user, no GITHUB_TOKEN (R4)', () => {
    const t = lint(makeRepo({ '.github/workflows/a.yml': wf('') }), { repository: 'octo/app' }).tokens[0]
    expect(t.githubTokenWouldDo).toBe(false)
    expect(t.fineGrainedPossible).toBe(false)
    expect(t.minimalScopes).toEqual(['read:user'])
  })
  it('an organization\'s: read:org as well', () => {
    const t = lint(makeRepo({ '.github/workflows/a.yml': wf('          organization: true\n') }), { repository: 'octo/app' }).tokens[0]
    expect(t.minimalScopes).toEqual(['read:org', 'read:user'])
  })
})
