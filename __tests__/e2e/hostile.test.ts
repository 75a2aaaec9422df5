/**
 * A repository full of broken and hostile files, next to a good workflow, through the bundled CLI
 * in every format: each problem is reported with its file and line, the good workflow is still
 * linted, the process ends, and no stack trace reaches the user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ENV_READERS_LISTED } from '../../src/analysis/script/analyse.js'

function hostileRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'pat-lint-hostile-'))
  const wf = join(root, '.github', 'workflows')
  mkdirSync(wf, { recursive: true })
  const bomb = ['a0: &a0 ["x"]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n')
  const files: Record<string, string | Buffer> = {
    'good.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${{ secrets.GOOD_PAT }}\n          repository: octo/docs\n          event-type: go\n',
    'malformed.yml': 'on: push\njobs:\n  a: [\n',
    'bomb.yml': `on: push\n${bomb}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        env: { X: *a9 }\n`,
    'big.yml': 'on: push\njobs: {}\n' + '#'.repeat(10 * 1024 * 1024),
    'deep.yml': 'on: push\njobs:\n  a:\n    steps:\n      - env:\n          X: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n',
    'binary.yml': Buffer.from([0x6f, 0x6e, 0x00, 0xff]),
    'latin1.yml': Buffer.from([0x6f, 0x6e, 0x3a, 0x20, 0xe9, 0x0a]),
    'dupes.yml': 'on: push\non: push\njobs: {}\n',
    'empty.yml': '',
    'unclosed.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.X\n',
    'tabs.yml': 'on: push\njobs:\n\ta: 1\n',
    // One step with 300 tokens in its environment and 300 commands that may read them.
    'many-tokens.yml': `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - env:\n${Array.from({ length: 300 }, (_, i) => `          T${i}: \${{ secrets.PAT_${i} }}\n`).join('')}        run: |\n${Array.from({ length: 300 }, (_, i) => `          ./tool${i} "$T${i}"\n`).join('')}`,
    'markup.yml': "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: \"<script>alert(1)</script> | @everyone\"\n        run: gh pr list\n        env:\n          GH_TOKEN: ${{ secrets['<b>X</b>'] }}\n",
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(join(wf, name), content)
  mkdirSync(join(wf, 'dir.yml'))
  execFileSync('mkfifo', [join(wf, 'fifo.yml')])
  symlinkSync('/etc/passwd', join(wf, 'escape.yml'))
  writeFileSync(join(root, 'pat-requirements.yml'), 'version: 1\ntokens:\n  GOOD_PAT:\n    type: fine-grained\n    expires-in: 9999\n    permissions:\n      contens: write\n      metadata: write\n')
  return root
}

const root = hostileRepo()
const run = (format: string) => spawnSync(process.execPath, [resolve('dist/cli.js'), root, '--format', format, '--fail-on', 'never', '--repository', 'octo/app'], { encoding: 'utf8', timeout: 60_000 })

const expected: [string, RegExp][] = [
  ['malformed.yml', /YAML/],
  ['bomb.yml', /aliases/],
  ['big.yml', /MiB/],
  ['deep.yml', /./],
  ['binary.yml', /binary/],
  ['latin1.yml', /UTF-8/],
  ['dupes.yml', /unique/],
  ['empty.yml', /empty/],
  ['unclosed.yml', /never closed/],
  ['tabs.yml', /YAML/],
  ['dir.yml', /directory/],
  ['fifo.yml', /FIFO/],
  ['escape.yml', /outside the repository/],
]

describe('hostile files through the bundled CLI', () => {
  it('text: every problem on its own file:line, and the good workflow linted', () => {
    const r = run('text')
    expect(r.status).toBe(0)
    for (const [file, what] of expected) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`.github/workflows/${file}:`) && l.endsWith('[workflow-error]'))
      expect([file, line && what.test(line)]).toEqual([file, true])
      expect(line).toMatch(/^\S+:\d+:\d+: error .* \[workflow-error\]$/)
    }
    expect(r.stdout).toMatch(/pat-requirements\.yml:\d+:\d+: error unknown permission `contens`; did you mean `contents`\?/)
    expect(r.stdout).toMatch(/pat-requirements\.yml:\d+:\d+: error metadata can be read/)
    expect(r.stdout).toMatch(/pat-requirements\.yml:\d+:\d+: error expires-in is a number of days from 1 to 366/)
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('JSON: the errors with positions, the good token decided', () => {
    const report = JSON.parse(run('json').stdout)
    for (const [file] of expected) expect(report.errors.some((e: { file: string; line: number }) => e.file === `.github/workflows/${file}` && e.line >= 1)).toBe(true)
    const good = report.tokens.find((t: { secret: string }) => t.secret === 'GOOD_PAT')
    expect(good.uses[0].githubTokenWouldDo).toBe(false)
    expect(good.uses[0].needs).toEqual({ contents: 'write' })
    // Every token of the crowded step is found, each with a short list of reasons, not one per command.
    const crowded = report.tokens.filter((t: { secret: string }) => /^PAT_\d+$/.test(t.secret))
    expect(crowded).toHaveLength(300)
    for (const t of crowded) expect(t.uses[0].reasons.length).toBeLessThanOrEqual(ENV_READERS_LISTED + 2)
  })

  it('SARIF: a result with a region for every problem', () => {
    const sarif = JSON.parse(run('sarif').stdout)
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]
    for (const [file] of expected) {
      expect(results.some((x) => x.ruleId === 'workflow-error' && x.locations[0].physicalLocation.artifactLocation.uri === `.github/workflows/${file}` && x.locations[0].physicalLocation.region.startLine >= 1)).toBe(true)
    }
  })

  it('a reader that stops early (| head) ends the run quietly, without a stack trace', () => {
    const err = join(root, 'stderr.txt')
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${resolve('dist/cli.js')}" "${root}" --repository octo/hostile --format json --fail-on never 2>"${err}" | head -c 100 >/dev/null`], { timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(readFileSync(err, 'utf8')).toBe('')
  })

  it('markdown summary: every problem, nothing from the repository rendered as markup', () => {
    const md = run('markdown').stdout
    for (const [file] of expected) expect(md).toContain(`.github/workflows/${file}:`)
    const rendered = md.replace(/(?<![\\`])(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '')
    expect(rendered).not.toMatch(/<script>|<b>|(^|[^\u200b])@everyone/)
  })
})
