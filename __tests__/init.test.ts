import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../src/cli.js'
import { lintRepo as lint } from './helpers.js'
import { loadRequirements } from '../src/requirements/load.js'
import { validate } from '../src/requirements/validate.js'
import { cleanRepos, makeRepo } from './helpers.js'

afterAll(cleanRepos)

const WF = `on: workflow_dispatch
jobs:
  a:
    runs-on: x
    steps:
      - uses: peter-evans/repository-dispatch@v3
        with:
          token: \${{ secrets.DOCS_PAT }}
          repository: octo/docs
          event-type: go
      - run: ./publish.sh
        env:
          GH_TOKEN: \${{ secrets.MYSTERY_PAT }}
`

describe('pat-lint init', () => {
  it('writes a valid requirements file that the same workflows pass', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': WF })
    const r = (await runCli(['init', root, '--repository', 'octo/app'], {}))
    expect(r.code).toBe(0)
    const text = readFileSync(join(root, '.github/pat-requirements.yml'), 'utf8')
    const loaded = loadRequirements(root, undefined, validate)
    expect(loaded.errors).toEqual([])
    const docs = loaded.tokens.find((t) => t.secret === 'DOCS_PAT')!
    expect(docs).toMatchObject({ type: 'fine-grained', owner: 'octo', repositories: ['octo/docs'], 'expires-in': 90, permissions: { contents: 'write' } })
    expect(text).toMatch(/# undecided at \.github\/workflows\/a\.yml:13: `\.\/publish\.sh` at line 1 may read \$GH_TOKEN/)
    const after = lint(root, { repository: 'octo/app' })
    expect(after.findings.filter((f) => ['over-scoped-request', 'under-scoped-request', 'undeclared-pat', 'invalid-requirements'].includes(f.rule))).toEqual([])
  })

  it('says how many repositories a token reaches past the ones the report lists', async () => {
    const steps = Array.from({ length: 103 }, (_, i) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.MANY_PAT }}\n          repository: octo/r${i}\n          event-type: go\n`).join('')
    const root = makeRepo({ '.github/workflows/a.yml': `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}` })
    expect((await runCli(['init', root, '--repository', 'octo/app'], {})).code).toBe(0)
    const text = readFileSync(join(root, '.github/pat-requirements.yml'), 'utf8')
    expect(text).toContain('    # and 3 more repositories, not listed (the report lists 100 per token): add them, or consider a GitHub App\n')
    expect(loadRequirements(root, undefined, validate).tokens[0].repositories).toHaveLength(100)
  })

  it('refuses to overwrite unless --force', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': WF, 'pat-requirements.yml': 'version: 1\n' })
    const refused = (await runCli(['init', root], {}))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('pat-requirements.yml already exists; pass --force to overwrite it')
    expect(readFileSync(join(root, 'pat-requirements.yml'), 'utf8')).toBe('version: 1\n')
    expect((await runCli(['init', root, '--force', '--requirements', 'pat-requirements.yml'], {})).code).toBe(0)
    expect(readFileSync(join(root, 'pat-requirements.yml'), 'utf8')).toContain('DOCS_PAT:')
  })

  it('never writes outside the repository', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': WF })
    const r = (await runCli(['init', root, '--requirements', '../escape.yml'], {}))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('leads outside the repository')
  })
})

describe('init with a target it cannot see', () => {
  const bump = `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: some/bump-action@v1\n        with:\n          github-token: \${{ secrets.BUMP_PAT }}\n          push-to: someone/fork\n`

  it('invents no owner or repository, and says what to fill in', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': bump })
    expect((await runCli(['init', root, '--repository', 'octo/app'], {})).code).toBe(0)
    const text = readFileSync(join(root, '.github/pat-requirements.yml'), 'utf8')
    expect(text).not.toMatch(/owner: octo\b/)
    expect(text).not.toMatch(/repositories:.*octo\/app/)
    expect(text).toMatch(/# owner and repositories: not all known/)
  })

  it('a lint of the written file does not pass silently', async () => {
    const root = makeRepo({ '.github/workflows/a.yml': bump })
    await runCli(['init', root, '--repository', 'octo/app'], {})
    const report = lint(root, { repository: 'octo/app' })
    expect(report.findings.map((f) => f.rule)).toContain('unverified-request')
  })

  it('a known Homebrew bump is placed in the tap and the fork it pushes to, not here', async () => {
    const wf = `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: mislav/bump-homebrew-formula-action@v3\n        with:\n          formula-name: gh\n          push-to: someone/homebrew-core\n        env:\n          COMMITTER_TOKEN: \${{ secrets.HOMEBREW_PAT }}\n`
    const t = lint(makeRepo({ '.github/workflows/a.yml': wf }), { repository: 'octo/app' }).tokens[0]
    expect(t.repositories).toEqual(['Homebrew/homebrew-core', 'someone/homebrew-core'])
    expect(t.ownRepository).toBe(false)
  })
})

describe('unverified-request', () => {
  it('does not fire when every use is decided', async () => {
    const wf = `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh issue list\n        env:\n          GH_TOKEN: \${{ secrets.READ_PAT }}\n`
    const req = 'version: 1\ntokens:\n  READ_PAT:\n    type: fine-grained\n    owner: octo\n    repositories: [octo/app]\n    expires-in: 30\n    purpose: read issues\n    permissions:\n      issues: read\n'
    const report = lint(makeRepo({ '.github/workflows/a.yml': wf, '.github/pat-requirements.yml': req }), { repository: 'octo/app' })
    expect(report.findings.map((f) => f.rule)).not.toContain('unverified-request')
  })
})

describe('init output from hostile names', () => {
  it('parses, whatever the file names, action names and step texts hold', async () => {
    const wf = `on: push\njobs:\n  "j: #x":\n    runs-on: x\n    steps:\n      - uses: "o/a'b\\"c: #d@v1"\n        with:\n          github-token: \${{ secrets.ODD_PAT }}\n      - run: gh pr list\n        env:\n          GH_TOKEN: \${{ secrets.OTHER_PAT }}\n`
    const root = makeRepo({ '.github/workflows/we: ird #x, [y].yml': wf })
    expect((await runCli(['init', root, '--repository', 'octo/app'], {})).code).toBe(0)
    const report = lint(root, { repository: 'octo/app' })
    expect(report.errors).toEqual([])
    expect(report.tokens.filter((t) => t.declared).map((t) => t.secret).sort()).toEqual(['ODD_PAT', 'OTHER_PAT'])
  })
})
