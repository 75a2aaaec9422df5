/** release-it in `run:` steps: only its GitHub release (and comments) take the token; git pushes with git's credential. */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const CI = 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'
const ON_RELEASE = 'on:\n  release:\n    types: [published]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make announce\n'

function wf(run: string, env = 'GITHUB_TOKEN'): string {
  return `on: workflow_dispatch\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n        env:\n          ${env}: \${{ secrets.RI_PAT }}\n`
}

function useOf(workflow: string, files: Record<string, string>) {
  return lintWorkflow(workflow, { '.github/workflows/test.yml': CI, ...files }, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'RI_PAT')!.uses[0]
}

const NO_NPM = (extra: object = {}) => JSON.stringify({ name: 'x', 'release-it': { npm: { publish: false }, ...extra } })

describe('release-it', () => {
  it('with github.release on: a release here, contents: write', () => {
    const use = useOf(wf('npx release-it --ci'), { 'package.json': NO_NPM({ github: { release: true } }) })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
  })

  it('a workflow on release must hear it (R1)', () => {
    const use = useOf(wf('npx release-it --ci'), { 'package.json': NO_NPM({ github: { release: true } }), '.github/workflows/announce.yml': ON_RELEASE })
    expect(use.githubTokenWouldDo).toBe(false)
  })

  it('.release-it.json over package.json; comments on issues and pull requests', () => {
    const rc = JSON.stringify({ github: { release: true, comments: { submit: true } } })
    const use = useOf(wf('pnpm release-it --ci'), { 'package.json': NO_NPM(), '.release-it.json': rc })
    expect(use.needs).toEqual({ contents: 'write', issues: 'write', pull_requests: 'write' })
  })

  it('github.release off (the default): the token is not used; a flag turns it on', () => {
    expect(useOf(wf('npx release-it --ci'), { 'package.json': NO_NPM() }).reasons.join('\n')).toMatch(/does not use the token/)
    expect(useOf(wf('npx release-it --ci --github.release'), { 'package.json': NO_NPM() }).needs).toEqual({ contents: 'write' })
  })

  it('github.tokenRef names the variable it reads', () => {
    const pkg = NO_NPM({ github: { release: true, tokenRef: 'RELEASE_TOKEN' } })
    expect(useOf(wf('npx release-it --ci', 'RELEASE_TOKEN'), { 'package.json': pkg }).needs).toEqual({ contents: 'write' })
    expect(useOf(wf('npx release-it --ci'), { 'package.json': pkg }).reasons.join('\n')).toMatch(/does not use the token/)
  })

  it.each([
    ['hooks', { 'package.json': NO_NPM({ hooks: { 'after:release': './notify.sh' } }) }, /runs the commands of its `hooks`/],
    ['a plugin', { 'package.json': NO_NPM({ plugins: { '@release-it/conventional-changelog': {} } }) }, /runs plugins \(`@release-it\/conventional-changelog`\)/],
    ['the npm publish', { 'package.json': JSON.stringify({ name: 'x' }) }, /runs the package manager's publish/],
    ['a configuration in JavaScript', { 'package.json': NO_NPM(), '.release-it.ts': 'export default {}' }, /`\.release-it\.ts` is not JSON or YAML/],
    ['no package.json or .release-it among the files read', {}, /neither a package.json nor a \.release-it file/],
  ])('%s leaves the use undecided', (_, files, reason) => {
    const use = useOf(wf('npx release-it --ci'), files)
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(reason)
  })
})
