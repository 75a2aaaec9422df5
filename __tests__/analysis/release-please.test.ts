/** The release-please CLI in `run:` steps: the token only through --token, on the repository --repo-url names. */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const CI = 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'
const ON_RELEASE = 'on:\n  release:\n    types: [published]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make announce\n'
const QUIET = 'on: workflow_dispatch\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'

function wf(run: string): string {
  return `on: workflow_dispatch\njobs:\n  r:\n    runs-on: x\n    steps:\n      - run: ${run}\n        env:\n          RP_TOKEN: \${{ secrets.RP_PAT }}\n`
}

function useOf(run: string, listeners: Record<string, string> = { '.github/workflows/test.yml': QUIET }) {
  return lintWorkflow(wf(run), listeners, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'RP_PAT')!.uses[0]
}

describe('release-please CLI', () => {
  it('release-pr: commits, a pull request and labels here', () => {
    const use = useOf('npx release-please release-pr --token="$RP_TOKEN" --repo-url=octo/app')
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toMatchObject({ contents: 'write', pull_requests: 'write', issues: 'write' })
  })

  it('the release pull request must start pull_request workflows (R1)', () => {
    const use = useOf('npx release-please release-pr --token=$RP_TOKEN --repo-url=$GITHUB_REPOSITORY', { '.github/workflows/test.yml': CI })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasonCodes.flat()).toContain('R1')
  })

  it('github-release: a release that workflows on release hear (R1); a draft starts none', () => {
    const listening = { '.github/workflows/announce.yml': ON_RELEASE }
    expect(useOf('release-please github-release --token $RP_TOKEN --repo-url octo/app', listening).githubTokenWouldDo).toBe(false)
    expect(useOf('release-please github-release --draft --token $RP_TOKEN --repo-url octo/app', listening).githubTokenWouldDo).toBe(true)
  })

  it('another repository (R3); --fork needs a token that can fork (R11)', () => {
    const other = useOf('release-please manifest-pr --token $RP_TOKEN --repo-url https://github.com/octo/docs')
    expect(other.githubTokenWouldDo).toBe(false)
    expect(other.reasons.join('\n')).toContain('octo/docs')
    expect(useOf('release-please release-pr --fork --token $RP_TOKEN --repo-url octo/app').reasonCodes.flat()).toContain('R11')
  })

  it('--dry-run and debug-config only read', () => {
    const use = useOf('release-please release-pr --dry-run --token $RP_TOKEN --repo-url octo/app', { '.github/workflows/test.yml': CI })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'read', pull_requests: 'read' })
  })

  it('it reads no variable of its environment: a token not given to --token is not used', () => {
    const use = useOf('npx release-please release-pr --token=${{ github.token }} --repo-url=octo/app')
    expect(use.needs).toEqual({})
    expect(use.githubTokenWouldDo).not.toBeNull()
  })

  it('a command it does not know stays undecided', () => {
    expect(useOf('release-please frobnicate --token $RP_TOKEN --repo-url octo/app').githubTokenWouldDo).toBeNull()
  })
})
