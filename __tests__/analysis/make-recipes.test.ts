/** `make TARGET` runs the recipe of TARGET: its git pushes are the step's. */
import { cleanRepos, lintWorkflow } from '../helpers.js'
import { makeTargets, recipeLines } from '../../src/analysis/script/make-recipes.js'

afterAll(cleanRepos)

const MAKEFILE = [
  'VERSION ?= $(shell cat VERSION)',
  '.PHONY: promote build',
  'build:',
  '\tgo build ./...',
  'tag: build',
  '\t@git tag -a -m "v$(VERSION)" v$(VERSION)',
  'promote: tag',
  'ifeq (false,$(IS_SNAPSHOT))',
  '\t@exit 1',
  'endif',
  '\tgit push origin master',
  '\t-git push origin v$(VERSION)',
  '',
].join('\n')

describe('make recipes', () => {
  it('reads the targets, -C and flags of make commands', () => {
    expect(makeTargets('make -j4 promote VERSION=1\ncd x && make -C sub build test')).toEqual([{ dir: '', targets: ['promote'] }, { dir: 'sub', targets: ['build', 'test'] }])
  })

  it('runs prerequisites first, drops @ and - prefixes, and keeps every branch of a conditional', () => {
    expect(recipeLines(MAKEFILE, ['promote'])).toEqual(['go build ./...', 'git tag -a -m "v$(VERSION)" v$(VERSION)', 'exit 1', 'git push origin master', 'git push origin v$(VERSION)'])
    expect(recipeLines(MAKEFILE, [])).toEqual(['go build ./...'])
  })

  const CI = 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'
  const wf = (run: string) => `on: workflow_dispatch\njobs:\n  p:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: \${{ secrets.PROMOTE_PAT }}\n      - run: ${run}\n`

  it('a checkout token a later `make promote` pushes with is needed where CI listens (R1)', () => {
    const use = lintWorkflow(wf('make promote'), { '.github/workflows/test.yml': CI, Makefile: MAKEFILE }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.needs).toEqual({ contents: 'write' })
  })

  it('a target whose recipe does not push leaves the checkout a read', () => {
    const use = lintWorkflow(wf('make build'), { '.github/workflows/test.yml': CI, Makefile: MAKEFILE }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'read' })
  })
})
