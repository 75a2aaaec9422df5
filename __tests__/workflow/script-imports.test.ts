/** Files a github-script step loads are read, within the repository, and their calls count. */
import { symlinkSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadScripts, scriptImports } from '../../src/workflow/script-imports.js'
import { cleanRepos, lintRepo, lintWorkflow, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

describe('which files a script loads', () => {
  it.each<[string, string, string[], string[]]>([
    ['require of a relative path', "const f = require('./.github/scripts/label.js')", ['.github/scripts/label.js'], []],
    ['dynamic import from the workspace expression', "await import('${{ github.workspace }}/scripts/actions/repl.ts')", ['scripts/actions/repl.ts'], []],
    ['GITHUB_WORKSPACE concatenated', "require(process.env.GITHUB_WORKSPACE + '/tools/x.js')", ['tools/x.js'], []],
    ['a package is not a file', "const fs = require('fs'); import('@actions/core')", [], []],
    ['a path leaving the repository', "require('../elsewhere.js')", [], ['../elsewhere.js (outside the repository)']],
    ['an absolute path', "require('/etc/x.js')", [], ['/etc/x.js (outside the repository)']],
    ['a path built at run time', 'require(`./scripts/${name}.js`)', [], ['./scripts/${name}.js (built at run time)']],
  ])('%s', (_name, script, paths, unplaced) => {
    expect(scriptImports(script)).toEqual({ paths, unplaced })
  })

  it('follows the files a loaded file loads, relative to it, and stops at the limit', () => {
    const files: Record<string, string> = { 'a/main.js': "require('./lib/b')", 'a/lib/b.js': 'github.rest.issues.get()' }
    const loaded = loadScripts("require('./a/main.js')", (p) => files[p] ?? null)
    expect(loaded).toEqual({ texts: [files['a/main.js'], files['a/lib/b.js']], missing: [] })
    const many = loadScripts(Array.from({ length: 25 }, (_, i) => `require('./f${i}.js')`).join('\n'), () => '')
    expect(many.texts.length).toBe(20)
    expect(many.missing.length).toBe(5)
  })
})

describe('a github-script step that loads a file', () => {
  const wf = (script: string) => `on: pull_request_target\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/github-script@v7\n        with:\n          github-token: \${{ secrets.BOT_PAT }}\n          script: |\n            ${script}\n`
  const use = (files: Record<string, string>, script: string) => lintRepo(makeRepo({ '.github/workflows/w.yml': wf(script), ...files }), { repository: 'octo/app' }).tokens[0].uses[0]

  it("counts the loaded file's calls", () => {
    const u = use({ '.github/scripts/comment.js': 'module.exports = async ({ github, context }) => { await github.rest.issues.createComment({ ...context.repo, issue_number: 1, body: "hi" }) }' }, "await require('./.github/scripts/comment.js')({ github, context })")
    expect(u.githubTokenWouldDo).toBe(true)
    expect(u.needs).toEqual({ issues: 'write' })
  })

  it("a loaded file's call to another repository needs the PAT, even when the inline script stays here", () => {
    const u = use({ '.github/scripts/d.js': "module.exports = ({ github }) => github.rest.repos.createDispatchEvent({ owner: 'octo', repo: 'docs', event_type: 'go' })" }, "await github.rest.issues.addLabels({ ...context.repo, issue_number: 1, labels: ['x'] }); await require('./.github/scripts/d.js')({ github })")
    expect(u.githubTokenWouldDo).toBe(false)
  })

  it('a file that is not there leaves the use undecided, naming it', () => {
    const u = use({}, "await github.rest.issues.addLabels({ ...context.repo, issue_number: 1, labels: ['x'] }); await require('./.github/scripts/gone.js')({ github })")
    expect(u.githubTokenWouldDo).toBeNull()
    expect(u.reasons.join('\n')).toContain('.github/scripts/gone.js')
  })

  it('does not follow a symlink out of the repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pat-lint-outside-'))
    writeFileSync(join(outside, 'x.js'), "module.exports = ({ github }) => github.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' })")
    const root = makeRepo({ '.github/workflows/w.yml': wf("await require('./.github/scripts/x.js')({ github })") })
    symlinkSync(join(outside, 'x.js'), join(root, '.github/scripts-link.js'))
    const r = lintRepo(root, { repository: 'octo/app' })
    expect(r.tokens[0].uses[0].githubTokenWouldDo).toBeNull()
    const viaLink = lintRepo(makeRepo({ '.github/workflows/w.yml': wf("await require('./.github/scripts-link.js')({ github })") }), { repository: 'octo/app' })
    expect(viaLink.tokens[0].uses[0].githubTokenWouldDo).toBeNull()
  })

  it('an inline script without loads is read as before', () => {
    expect(lintWorkflow(wf("await github.rest.issues.addLabels({ ...context.repo, issue_number: 1, labels: ['x'] })"), { '.github/workflows/test.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' }, { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBe(true)
  })
})
