import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { lintRepo as lint } from '../helpers.js'
import { discoverFiles, readCandidate } from '../../src/workflow/files.js'
import { cleanRepos, makeRepo, posOf } from '../helpers.js'

afterAll(cleanRepos)

const GOOD = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.GOOD_PAT }}\n'

/** Lints a repository holding the good workflow next to a bad one; returns the errors and whether the good one was linted. */
function lintNextToGood(bad: Record<string, string | Buffer>, setup?: (root: string) => void) {
  const root = makeRepo({ '.github/workflows/good.yml': GOOD, ...bad })
  setup?.(root)
  const report = lint(root)
  const goodLinted = report.tokens.some((t) => t.secret === 'GOOD_PAT' && t.uses[0].line === 8)
  return { report, goodLinted, errors: report.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`) }
}

describe('broken and hostile files: a clear error with a position, the good file still linted', () => {
  it.each<[string, string | Buffer, RegExp]>([
    ['malformed YAML', 'on: push\njobs:\n  a: [unclosed\n', /^\.github\/workflows\/bad\.yml:\d+:\d+ YAML: /],
    ['duplicate keys', 'on: push\non: pull_request\njobs: {}\n', /^\.github\/workflows\/bad\.yml:2:1 YAML: Map keys must be unique/],
    ['a top level that is a list', '- a\n- b\n', /bad\.yml:1:1 top level is not a mapping/],
    ['an empty file', '', /bad\.yml:1:1 file is empty/],
    ['only comments', '# nothing here\n', /bad\.yml:1:1 file is empty/],
    ['binary content', Buffer.from([0x6f, 0x6e, 0x3a, 0x0a, 0x00, 0x01]), /bad\.yml:2:1 is binary/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('on: push\njobs: x\n'), Buffer.from([0xff, 0xfe, 0x41])]), /bad\.yml:3:1 is not valid UTF-8/],
    ['tabs for indentation', 'on: push\njobs:\n\ta: 1\n', /bad\.yml:3:\d+ YAML: /],
    ['an expression that never closes', 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.X\n', /bad\.yml:6:19 expression `\$\{\{` is never closed/],
    ['no jobs', 'on: push\n', /bad\.yml:1:1 workflow has no `jobs:` mapping/],
  ])('%s', (_name, content, expected) => {
    const { errors, goodLinted } = lintNextToGood({ '.github/workflows/bad.yml': content })
    expect(errors.some((e) => expected.test(e))).toBe(true)
    expect(goodLinted).toBe(true)
  })

  it('a file over the size limit is reported, not read', () => {
    const big = 'on: push\njobs:\n' + '  # padding padding padding padding padding padding padding\n'.repeat(20000)
    const { errors, goodLinted } = lintNextToGood({ '.github/workflows/big.yml': big })
    expect(errors).toContainEqual(expect.stringMatching(/big\.yml:1:1 is 1\.\d MiB, over the 1 MiB/))
    expect(goodLinted).toBe(true)
  })

  it('a BOM and CRLF line endings keep positions right', () => {
    const crlf = '\uFEFF' + GOOD.replace(/GOOD_PAT/, 'CRLF_PAT').replace(/\n/g, '\r\n')
    const { report } = lintNextToGood({ '.github/workflows/crlf.yml': crlf })
    const use = report.tokens.find((t) => t.secret === 'CRLF_PAT')!.uses[0]
    expect(`${use.line}:${use.column}`).toBe(posOf(GOOD, 'secrets.GOOD_PAT'))
    expect(report.errors).toEqual([])
  })

  it('a directory named like a workflow', () => {
    const { errors, goodLinted } = lintNextToGood({}, (root) => mkdirSync(join(root, '.github/workflows/dir.yml')))
    expect(errors).toContain('.github/workflows/dir.yml:1:1 is a directory, not a file; not read')
    expect(goodLinted).toBe(true)
  })

  it('a FIFO named like a workflow is never opened', () => {
    const { errors, goodLinted } = lintNextToGood({}, (root) => execFileSync('mkfifo', [join(root, '.github/workflows/fifo.yml')]))
    expect(errors).toContain('.github/workflows/fifo.yml:1:1 is a FIFO, not a file; not read')
    expect(goodLinted).toBe(true)
  })

  it('a symlink leading outside the repository is not followed; one inside is', () => {
    const outside = makeRepo({ 'secret.yml': 'on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets.OUTSIDE_PAT }}\n' })
    const { report, errors } = lintNextToGood({ 'inside.yml': GOOD.replace('GOOD_PAT', 'LINKED_PAT') }, (root) => {
      symlinkSync(join(outside, 'secret.yml'), join(root, '.github/workflows/escape.yml'))
      symlinkSync(join(root, 'inside.yml'), join(root, '.github/workflows/linked.yml'))
    })
    expect(errors).toContain('.github/workflows/escape.yml:1:1 symlink leads outside the repository; not followed')
    expect(report.tokens.map((t) => t.secret)).not.toContain('OUTSIDE_PAT')
    expect(report.tokens.map((t) => t.secret)).toContain('LINKED_PAT')
  })

  it('an alias bomb costs bounded work and says so', () => {
    const lines = ['a0: &a0 ["${{ secrets.BOMB_PAT }}"]']
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`)
    const bomb = `on: push\n${lines.join('\n')}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        env:\n          X: *a9\n`
    const { errors, goodLinted, report } = lintNextToGood({ '.github/workflows/bomb.yml': bomb })
    expect(errors).toContainEqual(expect.stringMatching(/bomb\.yml:\d+:\d+ more than 100 YAML aliases/))
    expect(goodLinted).toBe(true)
    expect(report.tokens.find((t) => t.secret === 'BOMB_PAT')?.uses.length ?? 0).toBeLessThan(200)
  })

  it('a file of 200,000 broken lines gives its first 100 problems and counts the rest; the run goes on', () => {
    const broken = 'on: push\njobs:\n' + ']\n'.repeat(200000)
    const { errors, goodLinted } = lintNextToGood({ '.github/workflows/broken.yml': broken })
    const mine = errors.filter((e) => e.startsWith('.github/workflows/broken.yml:'))
    expect(mine).toHaveLength(101)
    expect(mine[100]).toMatch(/^\.github\/workflows\/broken\.yml:\d+:1 YAML: 199900 more problems in this file from here on, not listed$/)
    expect(mine.some((e) => /please report/.test(e))).toBe(false)
    expect(goodLinted).toBe(true)
  })

  it('10,000-deep nesting does not crash the run', () => {
    const deep = 'on: push\njobs:\n  a:\n    steps:\n      - env:\n          X: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n'
    const { errors, goodLinted } = lintNextToGood({ '.github/workflows/deep.yml': deep })
    expect(errors.some((e) => e.startsWith('.github/workflows/deep.yml:'))).toBe(true)
    expect(goodLinted).toBe(true)
  })

  it('finds workflows (not nested ones) and actions under .github/actions', () => {
    const root = makeRepo({
      '.github/workflows/a.yaml': GOOD,
      '.github/workflows/nested/b.yml': GOOD,
      '.github/workflows/readme.md': '# no',
      '.github/actions/x/action.yaml': 'runs:\n  using: composite\n  steps: []\n',
      'action.yml': 'runs:\n  using: node24\n  main: index.js\n',
    })
    writeFileSync(join(root, 'not-a-workflow.yml'), GOOD)
    expect(lint(root).files).toEqual(['.github/actions/x/action.yaml', '.github/workflows/a.yaml', 'action.yml'])
  })
})

describe('directory symlinks', () => {
  it('a workflows directory linked to another place inside the repository is read', () => {
    const root = makeRepo({ 'ci/workflows/a.yml': 'on: push\njobs: {}\n' })
    mkdirSync(join(root, '.github'), { recursive: true })
    symlinkSync(join(root, 'ci', 'workflows'), join(root, '.github', 'workflows'))
    expect(discoverFiles(root).map((c) => c.path)).toContain('.github/workflows/a.yml')
  })

  it('one linked outside is neither listed nor read, and the file says why if asked', () => {
    const outside = makeRepo({ 'a.yml': 'on: push\njobs: {}\n' })
    const root = makeRepo({ 'README.md': 'x' })
    mkdirSync(join(root, '.github'), { recursive: true })
    symlinkSync(outside, join(root, '.github', 'workflows'))
    expect(discoverFiles(root)).toEqual([])
    const read = readCandidate(root, { path: '.github/workflows/a.yml', kind: 'workflow' })
    expect('message' in read && read.message).toMatch(/directory leads outside the repository/)
  })
})
