/**
 * semantic-release in `run:` steps: what it does with the token follows from the plugins its
 * configuration lists, read from the directory it runs in.
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'
import { programWords } from '../../src/analysis/script/package-runner.js'

afterAll(cleanRepos)

const CI = 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'
const TAGS = 'on:\n  push:\n    tags: [v*]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make dist\n'

function release(run: string, env = 'GITHUB_TOKEN', dir?: string): string {
  return `on:\n  push:\n    branches: [main]\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n${dir ? `        working-directory: ${dir}\n` : ''}        env:\n          ${env}: \${{ secrets.REL_PAT }}\n          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n`
}

const PKG = JSON.stringify({ name: 'x', version: '0.0.0-development' })

function useOf(workflow: string, files: Record<string, string>) {
  const report = lintWorkflow(workflow, { '.github/workflows/test.yml': CI, ...files }, { repository: 'octo/app' })
  return report.tokens.find((t) => t.secret === 'REL_PAT')!.uses[0]
}

describe('package runners', () => {
  it.each([
    [['npx', 'semantic-release'], ['semantic-release']],
    [['npx', '-y', 'semantic-release@24.2.0', '--dry-run'], ['semantic-release', '--dry-run']],
    [['npx', '-p', 'semantic-release', '-p', '@semantic-release/git', 'semantic-release'], ['semantic-release']],
    [['npm', 'exec', '--', 'semantic-release', '-b', 'main'], ['semantic-release', '-b', 'main']],
    [['pnpm', 'dlx', '@scope/cli@latest', 'x'], ['@scope/cli', 'x']],
    [['yarn', 'dlx', 'semantic-release'], ['semantic-release']],
    [['bunx', 'semantic-release'], ['semantic-release']],
    [['npm', 'run', 'release'], ['npm', 'run', 'release']],
    [['npx'], ['npx']],
  ])('%j starts %j', (words, expected) => {
    expect(programWords(words)).toEqual(expected)
  })
})

describe('semantic-release', () => {
  it('with the default plugins: a release, comments and labels here, and the tag pushed; nothing listens to tags', () => {
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'write', issues: 'write', pull_requests: 'write' })
    expect(use.reasons.join('\n')).toMatch(/semantic-release at line 1: git push --tags \(the release tag\)/)
  })

  it('a workflow listening to tag pushes needs the tag pushed with a PAT (R1)', () => {
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG, '.github/workflows/dist.yml': TAGS })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/R1/)
  })

  it('reads the plugins of .releaserc (YAML) and their options: no comments, no labels', () => {
    const rc = 'branches: [main]\nplugins:\n  - "@semantic-release/commit-analyzer"\n  - ["@semantic-release/github", { successComment: false, releasedLabels: false, failComment: false }]\n'
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG, '.releaserc': rc })
    expect(use.githubTokenWouldDo).toBe(true)
    // Closing the failure issue and reading pull requests are left: issues and pull requests are still written.
    expect(use.needs.contents).toBe('write')
    expect(use.reasons.join('\n')).not.toMatch(/pull_request \(labeled\)/)
  })

  it('the configuration in package.json wins over .releaserc; @semantic-release/git pushes a [skip ci] commit', () => {
    const pkg = JSON.stringify({ name: 'x', release: { plugins: ['@semantic-release/commit-analyzer', '@semantic-release/git'] } })
    const use = useOf(release('npx semantic-release'), { 'package.json': pkg, '.releaserc': 'plugins: ["@semantic-release/exec"]' })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
    expect(use.reasons.join('\n')).not.toMatch(/exec/)
  })

  it('a release commit whose message does not skip CI starts the push workflows (R1)', () => {
    const rc = JSON.stringify({ plugins: [['@semantic-release/git', { message: 'chore: release ${nextRelease.version}' }]] })
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG, '.releaserc.json': rc })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/pushes the release commit causes push/)
  })

  it.each([
    ['an unknown plugin', { '.releaserc.json': JSON.stringify({ plugins: ['semantic-release-slack-bot'] }) }, /runs plugin `semantic-release-slack-bot` \(\.releaserc\.json\), which pat-lint does not know/],
    ['@semantic-release/exec', { '.releaserc.json': JSON.stringify({ plugins: [['@semantic-release/exec', { publishCmd: './publish.sh' }]] }) }, /runs the commands its configuration gives `@semantic-release\/exec`/],
    ['a configuration that is a program', { 'release.config.js': 'module.exports = {}' }, /its configuration is a program \(`release\.config\.js`\)/],
    ['a shareable configuration', { '.releaserc.json': JSON.stringify({ extends: 'semantic-release-monorepo' }) }, /extends a shareable configuration \(`semantic-release-monorepo`\)/],
    ['an rc file that is not JSON or YAML', { '.releaserc': '{ plugins: [' }, /`\.releaserc` cannot be read as JSON or YAML/],
  ])('%s leaves the use undecided, saying why', (_, files, reason) => {
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG, ...files })
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(reason)
  })

  it('without a package.json or an rc file, the files read are not the checkout: undecided', () => {
    const use = useOf(release('npx semantic-release'), {})
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(/neither a package.json nor a \.releaserc is among the files read/)
  })

  it('reads the configuration where the step runs: working-directory, then cd', () => {
    const pkg = JSON.stringify({ name: 'x', release: { plugins: ['@semantic-release/git'] } })
    expect(useOf(release('npx semantic-release', 'GITHUB_TOKEN', 'packages/app'), { 'packages/app/package.json': pkg }).needs).toEqual({ contents: 'write' })
    expect(useOf(release('cd packages/app && npx semantic-release'), { 'packages/app/package.json': pkg }).needs).toEqual({ contents: 'write' })
    expect(useOf(release('cd "$DIR" && npx semantic-release'), { 'package.json': PKG }).reasons.join('\n')).toMatch(/runs in a directory named at run time/)
  })

  it('a token only in NPM_TOKEN is not given to GitHub by semantic-release', () => {
    const report = lintWorkflow(release('npx semantic-release', 'OTHER'), { 'package.json': PKG }, { repository: 'octo/app' })
    const npm = report.tokens.find((t) => t.secret === 'NPM_TOKEN')
    expect(npm?.uses[0]?.reasons.join('\n') ?? '').not.toMatch(/semantic-release at line/)
  })

  it('GH_TOKEN wins over GITHUB_TOKEN for the API; a PAT in GITHUB_TOKEN behind another GH_TOKEN only pushes', () => {
    const wf = release('npx semantic-release', 'GITHUB_TOKEN').replace('NPM_TOKEN: ${{ secrets.NPM_TOKEN }}', 'GH_TOKEN: ${{ github.token }}')
    const use = useOf(wf, { 'package.json': PKG })
    expect(use.needs).toEqual({ contents: 'write' })
  })

  it('a release in another repository (repositoryUrl) needs a PAT for it (R3)', () => {
    const rc = JSON.stringify({ repositoryUrl: 'https://github.com/octo/dist.git', plugins: ['@semantic-release/github'] })
    const use = useOf(release('npx semantic-release'), { 'package.json': PKG, '.releaserc.json': rc })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/octo\/dist/)
  })

  it('a dry run only checks that it may push', () => {
    const use = useOf(release('npx semantic-release --dry-run'), { 'package.json': PKG })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
  })
})

it('without its configuration among the files read, the release tag it always pushes still starts tag workflows (R1)', () => {
  const use = useOf(release('npx semantic-release'), { '.github/workflows/dist.yml': TAGS })
  expect(use.githubTokenWouldDo).toBe(false)
  expect(use.reasons.join('\n')).toMatch(/git push --tags \(the release tag\) causes tag push/)
})

it('a plugin that moves version tags spans commits the tag did not hold, workflow changes among them (R2)', () => {
  const rc = JSON.stringify({ plugins: ['@semantic-release/commit-analyzer', 'semantic-release-major-tag'] })
  const use = useOf(release('npx semantic-release'), { 'package.json': PKG, '.releaserc.json': rc })
  expect(use.githubTokenWouldDo).toBe(false)
  expect(use.needs).toEqual({ contents: 'write', workflows: 'write' })
  expect(use.reasons.join('\n')).toMatch(/semantic-release-major-tag moves version tags/)
})
