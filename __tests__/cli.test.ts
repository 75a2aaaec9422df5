import { runCli } from '../src/cli.js'
import { cleanRepos, makeRepo } from './helpers.js'
import { readFileSync } from 'node:fs'
import { TOOL_VERSION } from '../src/version.js'

afterAll(cleanRepos)

const WF = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.A_PAT }}\n'

describe('CLI', () => {
  it('prints file:line:col: severity message [rule] and exits 0 below the threshold', async () => {
    const r = (await runCli([makeRepo({ '.github/workflows/ci.yml': WF })], {}))
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^\.github\/workflows\/ci\.yml:8:\d+: warning .* \[undeclared-pat\]$/)
  })

  it.each([
    ['warning', 1],
    ['note', 1],
    ['error', 0],
    ['never', 0],
  ])('--fail-on %s gives exit %i for a warning', async (failOn, code) => {
    expect((await runCli([makeRepo({ '.github/workflows/ci.yml': WF }), '--fail-on', failOn], {})).code).toBe(code)
  })

  it.each([
    [['--format', 'xml', '.']],
    [['--fail-on', 'sometimes', '.']],
    [['--bogus']],
    [['a', 'b']],
    [['/definitely/not/here']],
    [['--repository', 'not a repo', '.']],
    [['--max-expiry-days', '0', '.']],
  ])('bad usage %j exits 2 with a message', async (args) => {
    const r = (await runCli(args, {}))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^pat-lint: .+\n\nusage:/)
  })

  it('takes the repository from the flag, then GITHUB_REPOSITORY, then the git remote', async () => {
    const root = makeRepo({ '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:octo-org/from-remote.git\n' })
    const repo = async (args: string[], env: NodeJS.ProcessEnv) => JSON.parse((await runCli([root, '--format', 'json', ...args], env)).stdout).repository
    expect(await repo(['--repository', 'o/flag'], { GITHUB_REPOSITORY: 'o/env' })).toBe('o/flag')
    expect(await repo([], { GITHUB_REPOSITORY: 'o/env' })).toBe('o/env')
    expect(await repo([], {})).toBe('octo-org/from-remote')
  })

  it('--version matches package.json', async () => {
    expect((await runCli(['--version'], {})).stdout.trim()).toBe(TOOL_VERSION)
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(TOOL_VERSION)
  })
})

describe('an unknown repository is said once, not dropped silently', () => {
  it('a clone whose origin is a local path names no repository: stderr and every report say so', async () => {
    const root = makeRepo({ '.github/workflows/ci.yml': 'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets.A_PAT }}\n', '.git/config': '[remote "origin"]\n\turl = ../upstream/demo.git\n' })
    const text = (await runCli([root], {}))
    expect(text.stderr.match(/repository being linted is unknown/g)).toHaveLength(1)
    expect(text.stderr).toContain('--repository OWNER/NAME')
    expect(JSON.parse((await runCli([root, '--format', 'json'], {})).stdout).notices).toHaveLength(1)
    expect((await runCli([root, '--format', 'markdown'], {})).stdout).toMatch(/repository being linted is unknown/)
    expect(JSON.parse((await runCli([root, '--format', 'sarif'], {})).stdout).runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1)
  })

  it('a GitHub remote or --repository names it, and nothing is said', async () => {
    const root = makeRepo({ '.github/workflows/ci.yml': 'on: push\njobs: {}\n', '.git/config': '[remote "origin"]\n\turl = git@github.com:octo/app.git\n' })
    expect((await runCli([root], {})).stderr).toBe('')
    expect(JSON.parse((await runCli([root, '--format', 'json'], {})).stdout).repository).toBe('octo/app')
  })
})

describe('creation links in every format', () => {
  it('text, JSON and markdown carry the same pre-filled links, for the tokens that need one', async () => {
    const args = ['examples/demo', '--repository', 'octo-org/demo', '--fail-on', 'never']
    const json = JSON.parse((await runCli([...args, '--format', 'json'], {})).stdout)
    const links = json.tokens.filter((t: { creationLink: string | null }) => t.creationLink).map((t: { creationLink: string }) => t.creationLink)
    expect(links.length).toBeGreaterThan(0)
    expect(json.tokens.find((t: { githubTokenWouldDo: boolean | null }) => t.githubTokenWouldDo === true).creationLink).toBeNull()
    const text = (await runCli(args, {})).stdout
    const markdown = (await runCli([...args, '--format', 'markdown'], {})).stdout
    for (const url of links) {
      expect(text).toContain(url)
      expect(markdown).toContain(`(${url})`)
    }
  })

  it('links point at the runner\'s server', async () => {
    const json = JSON.parse((await runCli(['examples/demo', '--repository', 'octo-org/demo', '--format', 'json'], { GITHUB_SERVER_URL: 'https://ghes.example' })).stdout)
    expect(json.tokens.some((t: { creationLink: string | null }) => t.creationLink?.startsWith('https://ghes.example/settings/'))).toBe(true)
  })
})

describe('output from hostile repository content', () => {
  const hostile = [
    'on: push',
    'jobs:',
    '  "x\\n::error title=pwned::owned\\r\\n  ::add-mask::y\\rmore":',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: gh pr list',
    '        env:',
    '          GH_TOKEN: ${{ secrets.A_PAT }}',
    '',
  ].join('\n')

  it.each(['text', 'json', 'markdown', 'sarif'])('%s: no line starts a workflow command and no carriage return is printed', async (format) => {
    const root = makeRepo({ '.github/workflows/a.yml': hostile })
    const r = (await runCli([root, '--repository', 'o/r', '--format', format, '--fail-on', 'never'], {}))
    expect(r.stdout).toContain('pwned') // the text is there, made harmless
    expect(r.stdout).not.toMatch(/^\s*::/m)
    expect(r.stdout).not.toContain('\r')
    expect(r.stderr).not.toMatch(/^\s*::/m)
  })

  it('text: one finding, one line', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': hostile })
    const lines = (await runCli([root, '--repository', 'o/r', '--fail-on', 'never'], {})).stdout.trim().split('\n')
    expect(lines.every((l) => /^\.github\/workflows\/a\.yml:\d+:\d+: |^create |^\d+ files? linted/.test(l))).toBe(true)
  })
})
