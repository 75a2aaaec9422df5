/** Knowledge read from an action's own source: action.yml, then the GitHub calls of the files it runs. */
import { deriveAction, readSomething, type SourceFile } from '../../src/knowledge/derive-action.js'
import { DERIVED_ACTIONS } from '../../src/knowledge/generated/derived-actions.js'
import { DEFAULT_KNOWLEDGE, fromDerived } from '../../src/knowledge/actions.js'
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const ACTION_YML = (using: string, main: string, extra = '') => `name: x\ninputs:\n  token:\n    default: \${{ github.token }}\n  repository:\n    required: false\n  body:\n    required: true\n${extra}runs:\n  using: ${using}\n  main: ${main}\n`
const files = (entries: Record<string, string>): SourceFile[] => Object.entries(entries).map(([path, text]) => ({ path, text }))

describe('deriving an action from its source', () => {
  it('reads the entry and what it loads: calls with file and line, token inputs, the input naming the repository', () => {
    const d = deriveAction('octo/comment', 'c'.repeat(40), files({
      'action.yml': ACTION_YML('node20', 'main.js'),
      'main.js': "const core = require('@actions/core')\nconst { post } = require('./lib/post')\nconst token = core.getInput('token')\nconst [owner, repo] = (core.getInput('repository') || process.env.GITHUB_REPOSITORY).split('/')\npost(owner, repo)\n",
      'lib/post.js': "exports.post = async (octokit, owner, repo) => {\n  await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })\n  await octokit.request(`POST /repos/${owner}/${repo}/dispatches`, { event_type: 'go' })\n}\n",
      'scripts/release.js': "octokit.rest.repos.delete({ owner, repo })\n",
    }))
    expect(d.tokenInputs).toEqual([{ name: 'token', defaultsToGithubToken: true }])
    expect(d.repositoryInput).toBe('repository')
    expect(d.calls.map((c) => [c.route, c.at])).toEqual([
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'lib/post.js:2'],
      ['POST /repos/{owner}/{repo}/dispatches', 'lib/post.js:3'],
    ])
    expect(d.unseen).toEqual([])
    expect(d.files).toEqual(['action.yml', 'main.js', 'lib/post.js'])
  })

  it('a bundled entry is not read (it holds every route of octokit): the source under src/ is', () => {
    const d = deriveAction('octo/bundled', 'c'.repeat(40), files({
      'action.yml': ACTION_YML('node24', 'dist/index.js'),
      'dist/index.js': 'octokit.rest.repos.delete(); octokit.rest.orgs.removeMember()',
      'src/main.ts': "import * as github from '@actions/github'\nawait github.getOctokit(t).rest.issues.addLabels({ ...github.context.repo, issue_number: 1, labels: ['x'] })\n",
      'src/main.test.ts': 'octokit.rest.repos.delete()',
    }))
    expect(d.calls.map((c) => c.route)).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/labels'])
    expect(d.files).toEqual(['action.yml', 'src/main.ts'])
  })

  it.each<[string, Record<string, string>, RegExp]>([
    ['GraphQL', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': 'context.repo; await octokit.graphql(`query { viewer { login } }`)' }, /GraphQL/],
    ['a git push', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; await exec('git', ['push', 'origin', 'HEAD'])" }, /git push/],
    ['an octokit method octokit does not have', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': 'context.repo; octokit.rest.issues.frobnicate({})' }, /not in octokit's route table/],
    ['a docker action', { 'action.yml': ACTION_YML('docker', 'x') }, /docker action/],
    ['a bundle without source', { 'action.yml': ACTION_YML('node20', 'dist/index.js'), 'dist/index.js': 'x' }, /only the bundle/],
    ['git with arguments built at run time', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; const args = ['push']; await exec.exec('git', args)" }, /git with arguments built at run time/],
    ['git clone', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; await exec.exec('git', ['clone', url, dir])" }, /runs git clone/],
    ['gh run as a program', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; await getExecOutput('gh', ['pr', 'merge'])" }, /runs gh/],
    ['a push in a command built at run time', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const child_process = require('child_process'); context.repo; await exec(`${git.command} push --force origin ${ref}`)" }, /built at run time that does push/],
    ['an Authorization header', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; await fetch(url, { headers: { Authorization: `Bearer ${t}` } })" }, /HTTP request carrying a credential/],
    ['the token handed to a library', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; const t = core.getInput('token'); await setup.install({ owner: 'casey' }, { auth: t })" }, /hands the token to setup\.install/],
    ['a minified entry', { 'action.yml': ACTION_YML('node20', 'index.js'), 'index.js': 'context.repo;' + 'x'.repeat(3000) }, /minified bundle/],
    ['bash run as a program', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; await exec('bash', [path.join(__dirname, 'start.sh')])" }, /runs bash/],
    ['a script of its own at a path built at run time', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "import { exec } from '@actions/exec'\ncontext.repo; await exec(`${root}/${version}/backport.sh`, [pwd, ref])" }, /runs a script of its own/],
    ['a script run as a program', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; spawnSync('./scripts/release.sh', [tag])" }, /runs \.\/scripts\/release\.sh/],
    ['an Authorization header set by assignment', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': 'context.repo; if (t) headers.Authorization = `token ${t}`' }, /HTTP request carrying a credential/],
    ['the token handed to a library as an argument', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo\nconst authToken = core.getInput('token')\nconst handler = new handlers.BearerCredentialHandler(authToken, false)" }, /hands the token to handlers\.BearerCredentialHandler/],
    ['the token exported to later steps', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo\nconst t = core.getInput('token')\ncore.exportVariable('GH_TOKEN', t)" }, /hands the token to core\.exportVariable/],
    ['a request whose route is a variable', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': 'context.repo; await octokit.request(route, params)' }, /route is built at run time \(route\)/],
    ['git arguments handed to a helper', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const { exec } = require('@actions/exec'); context.repo; await this.execGit(['push', '--force', remote])" }, /runs git push through a helper/],
    ['a git library', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "import simpleGit from 'simple-git'\ncontext.repo; await simpleGit().push()" }, /git library simple-git/],
    ["@octokit/graphql's tagged template", { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "import { graphql } from '@octokit/graphql'\ncontext.repo; await graphql`query { viewer { login } }`" }, /GraphQL/],
    ['calls whose repository the source does not name', { 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "octokit.rest.issues.createComment({ owner: 'octo', repo: 'docs', issue_number: 1, body: 'x' })" }, /repository its calls go to/],
  ])('what it cannot place stays unseen: %s', (_name, entries, what) => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files(entries))
    expect(d.unseen.map((u) => u.what).join('\n')).toMatch(what)
  })

  it('local git commands and data named auth are not unseen; an octokit client given the token is its own calls', () => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const token = core.getInput('token')\nconst octokit = new Octokit({ auth: token })\nawait exec.exec('git', ['config', 'user.name', 'bot'])\nconst who = { auth: comment.user.login }\nawait octokit.rest.issues.lock({ ...context.repo, issue_number: 1 })" }))
    expect(d.unseen).toEqual([])
    expect(d.calls.map((c) => c.route)).toEqual(['PUT /repos/{owner}/{repo}/issues/{issue_number}/lock'])
  })

  it.each<[string, boolean]>([['token', true], ['github-token', true], ['githubToken', true], ['repo-token', true], ['pat-token', true], ['bot_pat', true], ['use_github_release_notes', false], ['github-server-url', false], ['slack-token', false], ['npm_token', false]])('input %s takes a GitHub token: %s', (name, yes) => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': `name: x\ninputs:\n  ${name}:\n    required: false\nruns:\n  using: node20\n  main: main.js\n`, 'main.js': 'context.repo' }))
    expect(d.tokenInputs.length > 0).toBe(yes)
  })

  it("another service's token input is not a GitHub token input, and its secret is not taken for a PAT", () => {
    const d = deriveAction('octo/notify', 'c'.repeat(40), files({ 'action.yml': 'name: x\ninputs:\n  slack-token:\n    required: true\nruns:\n  using: node20\n  main: main.js\n', 'main.js': "await fetch(hook, { method: 'POST' })" }))
    expect(d.tokenInputs).toEqual([])
    const r = lintWorkflow('on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/notify@v1\n        with:\n          slack-token: ${{ secrets.SLACK_BOT_TOKEN }}\n', {}, { repository: 'octo/app', actions: [fromDerived(d)] })
    expect(r.tokens).toEqual([])
  })

  it("the token given to octokit clients, to the action's own functions and to logging is not handed away; a method named is a call", () => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const { label } = require('./label')\nconst token = core.getInput('token')\ncore.setSecret(token)\nif (!token) core.info('no token')\nconst kit = new RetryingOctokit({ auth: token })\nawait label(token, context.repo)\nconst list = github.rest.repos.listTags", 'label.js': 'exports.label = async function label(token, repo) {\n  await getOctokit(token).rest.issues.addLabels({ ...repo, issue_number: 1, labels: [] })\n}\n' }))
    expect(d.unseen).toEqual([])
    expect(d.calls.map((c) => [c.route, c.at])).toEqual([
      ['GET /repos/{owner}/{repo}/tags', 'main.js:7'],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/labels', 'label.js:2'],
    ])
  })

  it('a request whose route is a template of a path the file names, and a method paginated, are calls', () => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "context.repo; core.getInput('token')\nconst url = `/repos/${owner}/${repo}/pulls/${n}`\nawait octokit.request(`PATCH ${url}`, params)\nawait octokit.paginate(\n  this.octokit?.rest.pulls.listFiles, { ...context.repo })\nconst opts = octokit.rest.issues.listComments.endpoint.merge({ ...context.repo })\nawait octokit.paginate(opts)\nhttps.request(options)" }))
    expect(d.calls.map((c) => [c.route, c.at])).toEqual([
      ['GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 'main.js:6'],
      ['PATCH /repos/{owner}/{repo}/pulls/{pull_number}', 'main.js:3'],
      ['GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 'main.js:4'],
    ])
    expect(d.unseen).toEqual([])
  })

  it.each<[string, Record<string, string>, string[]]>([
    ['an action in a subdirectory whose entry is ../dist: the repository-wide src/', { 'sub/action.yml': ACTION_YML('node20', '../dist/sub.js'), 'dist/sub.js': 'x', 'src/sub.ts': 'context.repo; octokit.rest.issues.lock({})', 'src/test-utils.ts': 'octokit.rest.repos.delete({})' }, ['sub/action.yml', 'src/sub.ts']],
    ['no src/: the script dist/NAME.js is built from', { 'action.yml': ACTION_YML('node20', 'dist/run.js'), 'dist/run.js': 'x', 'run.ts': "import { go } from './go'\ncontext.repo", 'go.ts': 'octokit.rest.issues.lock({})', 'jest.config.js': 'x' }, ['action.yml', 'run.ts', 'go.ts']],
    ['no src/ and no script of its name: every script beside action.yml but tool configuration', { 'action.yml': ACTION_YML('node20', 'dist/index.js'), 'dist/index.js': 'x', 'main.js': 'context.repo; octokit.rest.issues.lock({})', 'rollup.config.js': 'octokit.rest.repos.delete({})', 'eslint.config.mjs': 'x' }, ['action.yml', 'main.js']],
    ["the compiler's per-file output in lib/ when the bundle is dist/", { 'action.yml': ACTION_YML('node20', 'dist/index.js'), 'dist/index.js': 'x', 'lib/index.js': "const b = require('./bot')\ncontext.repo", 'lib/bot.js': 'octokit.rest.issues.lock({})' }, ['action.yml', 'lib/index.js', 'lib/bot.js']],
    ['an entry beside action.yml too large to be read here: src/NAME/', { 'setup/action.yml': ACTION_YML('node20', 'main.js'), 'src/setup/index.ts': 'context.repo; octokit.rest.issues.lock({})' }, ['setup/action.yml', 'src/setup/index.ts']],
    ['an entry in .mts', { 'action.yml': ACTION_YML('node24', 'main.mts'), 'main.mts': 'context.repo; octokit.rest.issues.lock({})' }, ['action.yml', 'main.mts']],
  ])('where the source of a bundled entry is: %s', (_name, entries, read) => {
    const uses = Object.keys(entries)[0].startsWith('sub/') ? 'octo/x/sub' : Object.keys(entries)[0].startsWith('setup/') ? 'octo/x/setup' : 'octo/x'
    const d = deriveAction(uses, 'c'.repeat(40), files(entries))
    expect(d.files).toEqual(read)
    expect(d.calls.map((c) => c.route)).toEqual(['PUT /repos/{owner}/{repo}/issues/{issue_number}/lock'])
  })

  it('reads the environment variables a token comes from', () => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const t = process.env.GH_PAT || process.env['GITHUB_TOKEN']; context.repo; process.env.HOME" }))
    expect(d.tokenEnv).toEqual(['GH_PAT', 'GITHUB_TOKEN'])
  })

  it('a token input that no file read names is read by code loaded from a package: that stays unseen', () => {
    const helper = deriveAction('octo/helper', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const { run } = require('@octo/pr-helper')\nrun({ ...context.repo })" }))
    expect(helper.unseen).toEqual([{ what: 'its token input `token` is read by no file read here: code it loads from a package reads it', at: 'action.yml' }])
    const wf = 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/helper@v1\n        with:\n          token: ${{ secrets.X_PAT }}\n'
    expect(lintWorkflow(wf, {}, { repository: 'octo/app', actions: [fromDerived(helper)] }).tokens[0].uses[0].githubTokenWouldDo).toBeNull()
    // Read by name, by the runner's variable, or through a constant: each is the input read here.
    for (const main of ["core.getInput(`token`)", 'process.env.INPUT_TOKEN', "const TOKEN = 'token'\ncore.getInput(TOKEN)"]) {
      const { unseen } = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': main }))
      expect(unseen.map((u) => u.what)).not.toContainEqual(expect.stringContaining('read by no file'))
    }
    // A name with regular-expression characters is matched as written, not as a pattern.
    const odd = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': 'name: x\ninputs:\n  gh.token:\n    default: ${{ github.token }}\nruns:\n  using: node20\n  main: main.js\n', 'main.js': "core.getInput('ghXtoken')" }))
    expect(odd.unseen.map((u) => u.what)).toEqual(['its token input `gh.token` is read by no file read here: code it loads from a package reads it'])
  })

  it('a method chain broken across lines is a call, at the line of its method', () => {
    const d = deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "const client = getOctokit(core.getInput('token'))\nawait client.rest.issues\n  .createComment({ ...context.repo, issue_number: 1, body })\nawait client.pulls\n  .listFiles({ ...context.repo, pull_number: 1 })\npromise\n  .then(done)\n  .catch(fail)" }))
    expect(d.calls.map((c) => [c.route, c.at])).toEqual([
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'main.js:2'],
      ['GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 'main.js:4'],
    ])
    expect(d.unseen).toEqual([])
  })

  it('a token read where nothing read uses it (a library given it as a field, a program as an argument) stays unseen', () => {
    const d = deriveAction('octo/release', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': "import { GitHub } from 'release-tool'\nconst inputs = { token: core.getInput('token') }\nconst opts = { owner, token: inputs.token }\nconst gh = await GitHub.create(opts)" }))
    expect(d.calls).toEqual([])
    expect(d.unseen).toEqual([{ what: 'reads its token input `token`, but no GitHub call, git command or hand-off of it is read here', at: 'main.js' }])
    const wf = 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/release@v1\n        with:\n          token: ${{ secrets.X_PAT }}\n'
    expect(lintWorkflow(wf, {}, { repository: 'octo/app', actions: [fromDerived(d)] }).tokens[0].uses[0].githubTokenWouldDo).toBeNull()
  })

  it('a release created as a draft starts no workflow and creates no tag', () => {
    const src = (draft: string) => ({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': `octokit.repos.createRelease({\n  ...context.repo,\n  tag_name: t,\n  body: JSON.parse(c),\n  ${draft}\n})` })
    const draft = deriveAction('octo/r', 'c'.repeat(40), files(src('draft: true,')))
    const published = deriveAction('octo/r', 'c'.repeat(40), files(src('draft: false,')))
    expect(draft.calls[0].draft).toBe(true)
    expect(fromDerived(draft).events).toEqual([])
    expect(published.calls[0].draft).toBeUndefined()
    expect(fromDerived(published).events).toEqual(['release', 'tag push', 'create'])
  })
})

describe('derived entries in the analysis', () => {
  const derived = (main: string) => fromDerived(deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': main })))
  const wf = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/x@v1\n        with:\n          token: ${{ secrets.X_PAT }}\n'
  const useWith = (main: string) => lintWorkflow(wf, { '.github/workflows/test.yml': 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' }, { repository: 'octo/app', actions: [derived(main)] }).tokens[0].uses[0]

  it('calls in this repository: GITHUB_TOKEN would do, with the permissions read', () => {
    const u = useWith("const octokit = github.getOctokit(core.getInput('token'))\noctokit.rest.issues.createComment({ ...context.repo, issue_number: 1, body: 'x' })")
    expect(u.githubTokenWouldDo).toBe(true)
    expect(u.needs).toEqual({ issues: 'write' })
  })
  it('what the source does not show keeps the use undecided, naming file and line', () => {
    const u = useWith('context.repo\nawait octokit.graphql(q)')
    expect(u.githubTokenWouldDo).toBeNull()
    expect(u.reasons.join('\n')).toContain('octo/x@cccccccccccc: main.js:2')
  })
  it('a repository named alone beside an owner input is that owner\'s: another repository (R3)', () => {
    const d = fromDerived(deriveAction('octo/trigger', 'c'.repeat(40), files({ 'action.yml': 'name: x\ninputs:\n  pat-token:\n    required: true\n  owner:\n    required: true\n  repo:\n    required: true\nruns:\n  using: node20\n  main: main.js\n', 'main.js': "const repo = core.getInput('repo'); await octokit.rest.actions.createWorkflowDispatch({ owner: core.getInput('owner'), repo, workflow_id: 'x', ref: 'main' })" })))
    expect(d.repositoryInput).toBe('repo')
    const u = lintWorkflow('on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/trigger@v1\n        with:\n          pat-token: ${{ secrets.PAT_TOKEN }}\n          owner: octo\n          repo: docs\n', {}, { repository: 'octo/app', actions: [d] }).tokens[0].uses[0]
    expect(u.githubTokenWouldDo).toBe(false)
    expect(u.reasons.join('\n')).toContain('octo/docs')
  })
  it("a composite's bare `token` input may be another service's: only one named for GitHub makes its secret a GitHub token", () => {
    const composite = (input: string) => fromDerived(deriveAction('octo/bench', 'c'.repeat(40), files({ 'action.yml': `name: x\ninputs:\n  ${input}:\n    required: false\nruns:\n  using: composite\n  steps:\n    - run: runner --token "\${{ inputs.${input} }}"\n      shell: bash\n` })))
    expect(composite('token').takesGithubToken).toBe(false)
    expect(composite('github-token').takesGithubToken).toBe(true)
    expect(composite('repo_token').takesGithubToken).toBe(true)
    const handsToGh = fromDerived(deriveAction('octo/c', 'c'.repeat(40), files({ 'action.yml': 'name: x\ninputs:\n  token:\n    required: true\nruns:\n  using: composite\n  steps:\n    - run: gh release view\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.token }}\n' })))
    expect(handsToGh.takesGithubToken).toBe(true)
  })
  it('an entry written by hand wins over a derived one, also under the name the action moved to', () => {
    const hand = DEFAULT_KNOWLEDGE.lookup('cla-assistant/github-action@v2')
    expect(DERIVED_ACTIONS.some((d) => d.uses.toLowerCase() === 'contributor-assistant/github-action')).toBe(true)
    expect(hand?.source).not.toMatch(/^read from/)
    expect(DEFAULT_KNOWLEDGE.lookup('contributor-assistant/github-action@v2.3.0')).toBe(hand)
    // Its pwsh steps are not read; the entry says where it submits.
    expect(DERIVED_ACTIONS.some((d) => d.uses === 'vedantmgoyal9/winget-releaser')).toBe(true)
    expect(DEFAULT_KNOWLEDGE.lookup('vedantmgoyal9/winget-releaser@v2')?.repositoryDefault).toBe('microsoft/winget-pkgs')
  })
  it('events its calls cause count for R1', () => {
    const u = useWith("octokit.rest.pulls.create({ ...context.repo, head: 'x', base: 'main', title: 't' })")
    expect(u.githubTokenWouldDo).toBe(false)
    expect(u.reasonCodes.flat()).toContain('R1')
  })
})

describe('the generated entries', () => {
  it('trace every call and every unseen part to a file read at a commit', () => {
    expect(DERIVED_ACTIONS.length).toBeGreaterThan(0)
    for (const a of DERIVED_ACTIONS) {
      expect(a.commit).toMatch(/^[0-9a-f]{40}$/)
      for (const c of [...a.calls, ...a.unseen]) {
        const [file, line] = c.at.split(':')
        expect(a.files).toContain(file)
        if (line !== undefined) expect(Number(line)).toBeGreaterThan(0)
      }
    }
  })
})

describe('a derived action after a checkout that left the token behind', () => {
  const wf = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.X_PAT }}\n      - uses: octo/x@v1\n'
  const checkoutUse = (main: string) => lintWorkflow(wf, {}, { repository: 'octo/app', actions: [fromDerived(deriveAction('octo/x', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'main.js'), 'main.js': main })))] }).tokens[0].uses[0]
  it('one that runs git in ways not read may push with it: undecided', () => {
    expect(checkoutUse("context.repo; await exec.exec('git', args)").githubTokenWouldDo).toBeNull()
    expect(checkoutUse("const child_process = require('child_process'); await run(`${git} push --force origin ${ref}`)").githubTokenWouldDo).toBeNull()
  })
  it('one whose calls are all read does not use it', () => {
    expect(checkoutUse("await octokit.rest.issues.lock({ ...context.repo, issue_number: 1 })").githubTokenWouldDo).toBe(true)
  })
})

describe("a composite action of another repository goes through pat-lint's own step analysis", () => {
  const composite = (steps: string) => fromDerived(deriveAction('octo/pr', 'c'.repeat(40), files({ 'action.yml': `name: x\ninputs:\n  github_token:\n    required: true\nruns:\n  using: composite\n  steps:\n${steps}` })))
  const wf = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: octo/pr@v1\n        with:\n          github_token: ${{ secrets.X_PAT }}\n'
  const use = (steps: string) => lintWorkflow(wf, { '.github/workflows/test.yml': 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n' }, { repository: 'octo/app', actions: [composite(steps)] }).tokens[0]?.uses[0]

  it('its steps that read the input decide', () => {
    const u = use('    - run: gh issue comment 1 -b hi\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.github_token }}\n')
    expect(u?.githubTokenWouldDo).toBe(true)
    expect(u?.needs).toEqual({ issues: 'write' })
    const pr = use('    - run: gh pr create --fill\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.github_token }}\n')
    expect(pr?.githubTokenWouldDo).toBe(false)
    expect(pr?.reasonCodes.flat()).toContain('R1')
  })

  it("a `./` action inside it is its own repository's, not this one's", () => {
    const u = use('    - uses: ./helper\n      with:\n        token: ${{ inputs.github_token }}\n')
    expect(u?.githubTokenWouldDo).toBeNull()
    expect(u?.reasons.join('\n')).toContain("octo/pr's own repository")
  })

  it('an entry that read nothing but action.yml is no knowledge: the action stays unknown', () => {
    const bundleOnly = deriveAction('octo/b', 'c'.repeat(40), files({ 'action.yml': ACTION_YML('node20', 'dist/index.js') }))
    expect(readSomething(bundleOnly)).toBe(false)
  })
})
