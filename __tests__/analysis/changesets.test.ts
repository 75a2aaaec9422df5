/** The changesets CLI in `run:` steps: only `changeset version` reads GitHub, through its changelog generator. */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const CI = 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'

function wf(run: string): string {
  return `on:\n  push:\n    branches: [main]\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n        env:\n          GITHUB_TOKEN: \${{ secrets.CS_PAT }}\n`
}

function useOf(workflow: string, files: Record<string, string>) {
  return lintWorkflow(workflow, { '.github/workflows/test.yml': CI, ...files }, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'CS_PAT')!.uses[0]
}

const GITHUB_CHANGELOG = JSON.stringify({ changelog: ['@changesets/changelog-github', { repo: 'octo/app' }] })

describe('changesets CLI', () => {
  it.each(['npx changeset version', 'pnpm changeset version', 'yarn changeset version', 'pnpm exec changeset version'])('%s with changelog-github reads commits and pull requests here', (run) => {
    const use = useOf(wf(run), { '.changeset/config.json': GITHUB_CHANGELOG })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'read', pull_requests: 'read' })
  })

  it('the default changelog makes no GitHub call', () => {
    const use = useOf(wf('npx changeset version'), { '.changeset/config.json': JSON.stringify({ baseBranch: 'main' }) })
    expect(use.reasons.join('\n')).toMatch(/does not use the token/)
  })

  it.each([
    ['no configuration among the files read', {}, /its configuration \(`\.changeset\/config\.json`\) is not among the files read/],
    ['an unknown changelog generator', { '.changeset/config.json': JSON.stringify({ changelog: '@acme/changelog' }) }, /changelog generator `@acme\/changelog`, which pat-lint does not know/],
    ['a configuration that is not JSON', { '.changeset/config.json': '{ changelog: ' }, /cannot be read as JSON/],
  ])('%s leaves `changeset version` undecided', (_, files, reason) => {
    const use = useOf(wf('npx changeset version'), files)
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(reason)
  })

  it('publish runs the package manager, which an .npmrc may give the token to: undecided', () => {
    const use = useOf(wf('pnpm changeset publish'), {})
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(/changeset publish at line 1 runs the package manager's publish/)
  })

  it('status and tag make no GitHub call', () => {
    expect(useOf(wf('pnpm changeset status --since=origin/main && npx changeset tag'), {}).reasons.join('\n')).toMatch(/does not use the token/)
  })
})
