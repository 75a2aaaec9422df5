/** pat-lint scan and merge from the command line: checkouts in, one report each, one inventory out. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli.js'
import { cleanRepos, makeRepo } from '../helpers.js'

const out = mkdtempSync(join(tmpdir(), 'pat-lint-inventory-'))
afterAll(() => {
  cleanRepos()
  rmSync(out, { recursive: true, force: true })
})

const wf = (secret: string) => ({ '.github/workflows/ci.yml': `on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh issue comment 1 --body hi\n        env:\n          GH_TOKEN: \${{ secrets.${secret} }}\n` })

describe('scan, then merge', () => {
  it('lints each checkout into its own report; one that cannot be linted is a failure record, and the others stand', async () => {
    const withRemote = makeRepo({ ...wf('BOT_PAT'), '.git/config': '[remote "origin"]\n\turl = https://github.com/octo/app.git\n' })
    const named = makeRepo(wf('BOT_PAT'))
    const scan = await runCli(['scan', withRemote, `${named}=octo/api`, join(out, 'missing'), '--out', join(out, 'reports')], {})
    expect(scan.code).toBe(0)
    expect(scan.stderr).toContain('2 of 3 checkouts linted')
    const anonymous = await runCli(['scan', makeRepo(wf('BOT_PAT')), '--out', join(out, 'anonymous')], {})
    expect(anonymous.stderr).toContain('repository unknown')
    expect(readdirSync(join(out, 'reports')).sort()).toEqual(['missing.json', 'octo+api.json', 'octo+app.json'])
    expect(JSON.parse(readFileSync(join(out, 'reports', 'octo+app.json'), 'utf8')).repository).toBe('octo/app')

    const merged = await runCli(['merge', join(out, 'reports'), '--format', 'json'], {})
    expect(merged.code).toBe(0)
    const inv = JSON.parse(merged.stdout)
    expect(inv.secrets.map((s: { secret: string; repositories: unknown[] }) => [s.secret, s.repositories.length])).toEqual([['BOT_PAT', 2]])
    expect(inv.failures).toHaveLength(1)
    expect(inv.failures[0].reason).toContain('missing')

    const files = await runCli(['merge', join(out, 'reports'), '--out', join(out, 'inventory')], {})
    expect(files.code).toBe(0)
    for (const f of ['inventory.json', 'inventory.md', 'inventory.csv']) expect(existsSync(join(out, 'inventory', f))).toBe(true)
    expect(readFileSync(join(out, 'inventory', 'inventory.csv'), 'utf8').split('\n')[1]).toMatch(/^octo,BOT_PAT,octo\/api,1,false,true,/)
  })

  it('says what is missing, with exit code 2', async () => {
    expect((await runCli(['scan', '.'], {})).code).toBe(2)
    expect((await runCli(['merge'], {})).stderr).toContain('merge needs report files')
    expect((await runCli(['merge', out, '--format', 'xml'], {})).code).toBe(2)
  })
})
