/**
 * A credential left behind (checkout's persisted token, gh's stored login) reaches every later
 * step that may use it. "Would do" only when every such step is understood: an action or a
 * publishing task pat-lint cannot see into makes the use undecided, naming it.
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const CHECKOUT = '      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.BOT_PAT }}\n'
const wf = (first: string, ...later: string[]) => `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${first}${later.join('')}`
const run = (script: string) => `      - run: ${script}\n`
const uses = (action: string) => `      - uses: ${action}\n`

function firstUse(workflow: string) {
  const use = lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
  return { verdict: use.githubTokenWouldDo, reasons: use.reasons.join('\n') }
}

describe.each<[string, string, boolean | null, RegExp?]>([
  // Fires: a later step pat-lint cannot see into may push with the checkout's token.
  ['an action pat-lint has no knowledge of', wf(CHECKOUT, uses('some-org/release-thing@v1')), null, /some-org\/release-thing@v1 \(line 9\), which pat-lint has no knowledge of, may push/],
  ['a local action', wf(CHECKOUT, uses('./.github/actions/bump')), null, /\.\/\.github\/actions\/bump \(line 9\)/],
  ['a make target named for releasing', wf(CHECKOUT, run('make release')), null, /the script run at line 9 may push/],
  ['a package script named for publishing', wf(CHECKOUT, run('yarn run publish:docs')), null, /line 9 may push/],
  ['an npx tool named for versioning', wf(CHECKOUT, run('npx bump-version patch')), null, /line 9 may push/],
  ['a node script named for deploying', wf(CHECKOUT, run('node scripts/deploy-site.mjs')), null, /line 9 may push/],
  // Does not fire: what follows is understood, or cannot use the token.
  ['a build and tests', wf(CHECKOUT, run('npm ci && npm run build && npm test'), run('make test')), true],
  ['a python script with no publishing name', wf(CHECKOUT, run('python tools/generate.py')), true],
  ['tasks whose names only contain a publishing word', wf(CHECKOUT, run('npx commitlint --from HEAD~1'), run('npm run stage'), run('node scripts/versioned-docs-check.js')), true],
  ['an action that installs a toolchain', wf(CHECKOUT, uses('actions/cache@v4'), uses('pnpm/action-setup@v4')), true],
  ['an action the knowledge base describes', wf(CHECKOUT, uses('actions/setup-node@v4')), true],
  ['a checkout that persists nothing', wf(CHECKOUT + '          persist-credentials: false\n', uses('some-org/release-thing@v1')), true],
])('after a checkout with the PAT: %s', (_name, workflow, verdict, reason) => {
  it(verdict === null ? 'is undecided, naming the step' : 'keeps its verdict', () => {
    const got = firstUse(workflow)
    expect(got.verdict).toBe(verdict)
    if (reason) expect(got.reasons).toMatch(reason)
  })
})

describe('a token gh auth login stores', () => {
  const LOGIN = run('echo "${{ secrets.BOT_PAT }}" | gh auth login --with-token')
  it('reaches later gh commands: undecided, naming them', () => {
    const got = firstUse(wf(LOGIN, run('gh release create v1 --generate-notes')))
    expect(got.verdict).toBeNull()
    expect(got.reasons).toMatch(/the gh commands of the step at line 7 may call GitHub with the token left behind/)
  })
  it('is not used by a later gh given its own token, nor by steps without gh', () => {
    expect(firstUse(wf(LOGIN, '      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ github.token }}\n', run('echo done'))).verdict).toBe(true)
  })
  it('is replaced by a later login', () => {
    expect(firstUse(wf(LOGIN, run('echo "$OTHER" | gh auth login --with-token'), run('gh pr list'))).verdict).toBe(true)
  })
})

describe('a push whose commit asks to skip CI starts no workflow (R1 does not apply)', () => {
  const CI = { '.github/workflows/test.yml': 'on: [push]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n' }
  const verdictOf = (workflow: string) => lintWorkflow(workflow, CI, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
  it.each<[string, string, boolean]>([
    ['a commit in the pushing step says [skip ci]', run('git commit -am "bump version [skip ci]" && git push'), true],
    ['a commit in an earlier step says [ci skip]', run('git commit -am "docs [ci skip]"') + run('git push'), true],
    ['an action pushing a commit whose message says [skip actions]', '      - uses: stefanzweifel/git-auto-commit-action@v5\n        with:\n          commit_message: "format [skip actions]"\n', true],
    ['a commit without the marker', run('git commit -am "bump version" && git push'), false],
    ['the marker in a commit before the last one', run('git commit -am "a [skip ci]" && git commit -am "b" && git push'), false],
  ])('%s', (_name, steps, wouldDo) => {
    const use = verdictOf(wf(CHECKOUT, steps))
    expect(use.githubTokenWouldDo).toBe(wouldDo)
    expect(use.reasonCodes.flat().includes('R1')).toBe(!wouldDo)
  })
})

describe('what a later push carries, and which steps replace the credential', () => {
  const needsOf = (steps: string) => lintWorkflow(wf(CHECKOUT, steps), {}, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
  it.each<[string, string, boolean]>([
    // git-push(1): `src:dst` moves dst onto src's commits, which may change .github/workflows (R2).
    ['a push of another branch onto this one', run('git push origin main:gh-pages'), true],
    ['a push of HEAD', run('git push origin HEAD:main'), false],
    ['a push of a branch to its own name', run('git push origin main:main'), false],
  ])('%s', (_name, steps, workflows) => {
    expect('workflows' in needsOf(steps).needs).toBe(workflows)
  })

  it('a checkout that may be skipped does not replace the PAT left behind; one that always runs does', () => {
    const other = (condition: string) => `      - uses: actions/checkout@v4\n${condition}`
    const skipped = needsOf(other("        if: github.event_name == 'schedule'\n") + run('git push'))
    expect(skipped.needs).toEqual({ contents: 'write' })
    const always = needsOf(other('') + run('git push'))
    expect(always.needs).toEqual({ contents: 'read' })
  })
})

describe('a ghcr.io login whose credential later steps push images with', () => {
  const LOGIN = '      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: bot\n          password: ${{ secrets.BOT_PAT }}\n'
  const needs = (later: string) => lintWorkflow(wf(LOGIN, later), {}, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0].needs
  it.each<[string, string, string]>([
    ['build-push-action with push: true', '      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/octo/app:1\n', 'write'],
    ['build-push-action with push from an expression', '      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ github.event_name != \'pull_request\' }}\n', 'write'],
    ['a docker push in a script', run('docker push ghcr.io/octo/app:1'), 'write'],
    ['a buildx build with --push', run('docker buildx build --platform linux/amd64 -t ghcr.io/octo/app:1 --push .'), 'write'],
    ['build-push-action that only builds', '      - uses: docker/build-push-action@v6\n        with:\n          push: false\n', 'read'],
    ['only pulls', run('docker pull ghcr.io/octo/base:1'), 'read'],
  ])('%s: packages %s', (_name, later, level) => {
    expect(needs(later).packages).toBe(level)
  })
})

describe('a local composite action after the credential is left behind is read, not guessed', () => {
  const action = (steps: string) => ({ '.github/actions/setup/action.yml': `name: setup\nruns:\n  using: composite\n  steps:\n${steps}` })
  const useOf = (steps: string) => lintWorkflow(wf(CHECKOUT, uses('./.github/actions/setup')), action(steps), { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
  it.each<[string, string, boolean | null]>([
    ['steps that install and build', '    - uses: actions/setup-node@v4\n    - run: npm ci\n      shell: bash\n', true],
    ['a step that pushes', '    - run: git push origin HEAD\n      shell: bash\n', null],
    ['an action pat-lint has no knowledge of', '    - uses: some-org/thing@v1\n', null],
  ])('%s', (_name, steps, verdict) => {
    const use = useOf(steps)
    if (verdict === null) expect(use.githubTokenWouldDo).not.toBe(true)
    else expect(use.githubTokenWouldDo).toBe(verdict)
  })
})

describe('a pushed name the job tagged is a tag', () => {
  const CI = { '.github/workflows/test.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n' }
  const useOf = (steps: string) => lintWorkflow(wf(CHECKOUT, steps), CI, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
  it('a new tag pushed by name is not heard by a branch-filtered push trigger', () => {
    const use = useOf(run('git tag v1.2.0 -m "Release v1.2.0"') + run('git push origin v1.2.0'))
    expect(use.githubTokenWouldDo).toBe(true)
  })
  it('a tag moved with -f and force-pushed points across commits: workflows: write (R2)', () => {
    const use = useOf(run('git tag -f "$MAJOR" "$TARGET"') + run('git push origin "$MAJOR" --force'))
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.needs.workflows).toBe('write')
    expect(use.reasonCodes.flat()).toContain('R2')
  })
  it('a tag named by an expression, moved with clustered flags (-fa), is the same tag where it is pushed', () => {
    const use = useOf(run('git tag -fa ${{ steps.v.outputs.major }} ${{ steps.v.outputs.tag }} -m "Move ${{ steps.v.outputs.major }}"') + run('git push origin ${{ steps.v.outputs.major }} --force'))
    expect(use.needs.workflows).toBe('write')
    expect(use.reasonCodes.flat()).toContain('R2')
    expect(use.reasonCodes.flat()).not.toContain('R1')
  })
  it('a tag moved with --force and pushed with --force --tags moves as well (R2); without force nothing moves', () => {
    const moved = useOf(run('git tag --force v${{ steps.v.outputs.major }} && git push --force --tags'))
    expect(moved.needs.workflows).toBe('write')
    expect(moved.reasonCodes.flat()).toContain('R2')
    expect(useOf(run('git tag v1.2.0 && git push --tags')).githubTokenWouldDo).toBe(true)
  })
  it('a name the job did not tag is read as a branch', () => {
    expect(useOf(run('git push origin main')).reasonCodes.flat()).toContain('R1')
  })
})

describe('gh acts on the repository of the directory it runs in (gh help environment)', () => {
  const job = (run: string, before = '') => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n${before}      - run: |\n${run.split('\n').map((l) => `          ${l}`).join('\n')}\n        env:\n          GH_TOKEN: \${{ secrets.BOT_PAT }}\n`
  const use = (wf: string) => lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]
  it.each<[string, string, string, boolean | null, string[]]>([
    ['after cd into a clone of another repository', 'git clone https://github.com/octo/docs.git\ncd docs\ngh pr create --fill', '', false, ['octo/docs']],
    ['clone into a named directory, then cd', 'git clone --depth 1 https://github.com/octo/docs site\ncd site/content\ngh issue create -t x -b y', '', false, ['octo/docs']],
    ['gh api {owner}/{repo} in the clone', 'git clone https://github.com/octo/docs.git\ncd docs\ngh api repos/{owner}/{repo}/dispatches -f event_type=go', '', false, ['octo/docs']],
    ['after cd into a directory an earlier checkout filled', 'cd docs\ngh pr create --fill', '      - uses: actions/checkout@v4\n        with:\n          repository: octo/docs\n          path: docs\n', false, ['octo/docs']],
    ['after cd into a subdirectory of this checkout', 'cd packages/a\ngh issue comment 1 -b hi', '', true, []],
    ['after cd into a directory named at run time', 'cd "$DIR"\ngh issue comment 1 -b hi', '', null, []],
    ['-R wins over the directory', 'git clone https://github.com/octo/docs.git\ncd docs\ngh issue comment 1 -b hi -R octo/app', '', true, []],
    ['a clone without cd leaves gh here', 'git clone https://github.com/octo/docs.git\ngh issue comment 1 -b hi', '', true, []],
  ])('%s', (_name, run, before, verdict, repositories) => {
    const u = use(job(run, before))
    expect(u.githubTokenWouldDo).toBe(verdict)
    if (repositories.length) expect(lintWorkflow(job(run, before), {}, { repository: 'octo/app' }).tokens[0].repositories).toEqual(repositories)
  })
})

/** Another workflow listening to pushes: a push with the checkout's token must start it (R1). */
const TESTS_ON_PUSH = { '.github/workflows/test.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n' }

describe('a program of the repository a later step runs is read for git push', () => {
  const useOf = (script: string, files: Record<string, string>) => {
    const use = lintWorkflow(wf(CHECKOUT, run(script)), { ...TESTS_ON_PUSH, ...files }, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
    return { verdict: use.githubTokenWouldDo, reasons: use.reasons.join('\n') }
  }
  const PUSHES_JS = 'import { spawnSync } from "node:child_process"\nspawnSync("git", ["commit", "-m", "x"])\nspawnSync("git", ["push"])\n'
  it.each<[string, string, Record<string, string>, boolean | null, RegExp?]>([
    ['node, past a preloaded module, running a TypeScript file with spawnSync("git", ["push"])', 'node -r esbuild-register tools/bot/changes.ts 12', { 'tools/bot/changes.ts': PUSHES_JS }, false, /tools\/bot\/changes\.ts, run by the step at line 9, which runs git push/],
    ['a python script with a git push command line', 'python3 scripts/update.py', { 'scripts/update.py': 'import subprocess\nsubprocess.run("git push origin HEAD", shell=True)\n' }, false, undefined],
    ['a shell script run by path, in the directory the step moved to', 'cd tools && ./sync', { 'tools/sync': '#!/bin/sh\ngit -C repo push\n' }, false, undefined],
    ['a program that pushes to a URL with credentials of its own', 'node tools/x.js', { 'tools/x.js': 'exec(`git push https://${user}:${t}@github.com/o/r.git`)\n' }, null, undefined],
    ['a program with no git push', 'node tools/generate.js', { 'tools/generate.js': 'console.log("git is great; push on")\n' }, true, undefined],
    ['a program not in the repository', 'node tools/missing.js', {}, true, undefined],
  ])('%s', (_name, script, files, verdict, reason) => {
    const got = useOf(script, files)
    expect(got.verdict).toBe(verdict)
    if (reason) expect(got.reasons).toMatch(reason)
  })
})

describe('changesets/action pushes with the git CLI, and so with a checkout\'s persisted token, only in some modes', () => {
  const changesets = (ref: string, inputs = '') => `      - uses: changesets/action@${ref}\n${inputs ? `        with:\n${inputs}` : ''}`
  it.each<[string, string, boolean | null]>([
    ['v1, default commitMode (git-cli)', changesets('v1'), false],
    ['v1 pinned by SHA to v1.9.0', changesets('a45c4d594aa4e2c509dc14a9f2b3b67ba3780d0d'), false],
    ['v1 with commitMode: github-api', changesets('v1', '          commitMode: github-api\n'), true],
    ['v2, default (the GitHub API)', changesets('v2'), true],
    ['v2 with push-with-git-cli: true', changesets('v2', '          push-with-git-cli: true\n'), false],
    ['a branch: the release cannot be told', changesets('main'), null],
  ])('%s', (_name, step, verdict) => {
    const use = lintWorkflow(wf(CHECKOUT, step), TESTS_ON_PUSH, { repository: 'octo/app' }).tokens.find((t) => t.secret === 'BOT_PAT')!.uses[0]
    expect(use.githubTokenWouldDo).toBe(verdict)
  })
})
