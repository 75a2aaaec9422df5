import { runCli } from '../src/cli.js'
import { cleanRepos, makeRepo } from './helpers.js'
import { readFileSync } from 'node:fs'
import { TOOL_VERSION } from '../src/version.js'

afterAll(cleanRepos)

const WF = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.A_PAT }}\n'

describe('CLI', () => {
  it('prints file:line:col: severity message [rule] and exits 0 below the threshold', () => {
    const r = runCli([makeRepo({ '.github/workflows/ci.yml': WF })], {})
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^\.github\/workflows\/ci\.yml:8:\d+: warning .* \[undeclared-pat\]$/)
  })

  it.each([
    ['warning', 1],
    ['note', 1],
    ['error', 0],
    ['never', 0],
  ])('--fail-on %s gives exit %i for a warning', (failOn, code) => {
    expect(runCli([makeRepo({ '.github/workflows/ci.yml': WF }), '--fail-on', failOn], {}).code).toBe(code)
  })

  it.each([
    [['--format', 'xml', '.']],
    [['--fail-on', 'sometimes', '.']],
    [['--bogus']],
    [['a', 'b']],
    [['/definitely/not/here']],
    [['--repository', 'not a repo', '.']],
    [['--max-expiry-days', '0', '.']],
  ])('bad usage %j exits 2 with a message', (args) => {
    const r = runCli(args, {})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^pat-lint: .+\n\nusage:/)
  })

  it('takes the repository from the flag, then GITHUB_REPOSITORY, then the git remote', () => {
    const root = makeRepo({ '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:octo-org/from-remote.git\n' })
    const repo = (args: string[], env: NodeJS.ProcessEnv) => JSON.parse(runCli([root, '--format', 'json', ...args], env).stdout).repository
    expect(repo(['--repository', 'o/flag'], { GITHUB_REPOSITORY: 'o/env' })).toBe('o/flag')
    expect(repo([], { GITHUB_REPOSITORY: 'o/env' })).toBe('o/env')
    expect(repo([], {})).toBe('octo-org/from-remote')
  })

  it('--version matches package.json', () => {
    expect(runCli(['--version'], {}).stdout.trim()).toBe(TOOL_VERSION)
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(TOOL_VERSION)
  })
})
