/**
 * The benchmark's hostile workflows (scripts/bench-hostile.mjs) are built so that each pair of
 * things (tokens x commands, tokens x steps, …) could cost work and output. Twice as many of the
 * repeated part must give about twice the report, not four times, and about twice each kind of
 * work counted in src/run-stats.ts (counted, not timed: the report lists only so many reasons, so it
 * can stay small while the work behind it grows with the square).
 */
import { pathOf, SHAPES } from '../../scripts/bench-hostile.mjs'
import { lintRepo as lint } from '../helpers.js'
import { formatJson } from '../../src/report/json.js'
import { newRunStats, type RunStats } from '../../src/run-stats.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const measure = (made: string | Record<string, string>) => {
  const files = typeof made === 'string' ? { 'hostile.yml': made } : made
  const repo = makeRepo(Object.fromEntries(Object.entries(files).map(([name, text]) => [pathOf(name), text])))
  const stats = newRunStats()
  const size = formatJson(lint(repo, { repository: 'octo/bench', stats })).length
  return { size, work: stats }
}

describe('hostile shapes: the report and the work grow with the input, not with its square', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const small = measure(shape.make(150))
    const large = measure(shape.make(300))
    expect(large.size / small.size).toBeLessThan(2.5)
    // Each kind of work (see src/run-stats.ts); the +1 keeps the ratio defined for kinds a shape does none of.
    const ratios = (Object.keys(large.work) as (keyof RunStats)[]).map((kind) => [kind, (large.work[kind] + 1) / (small.work[kind] + 1)] as const)
    expect(ratios.filter(([, ratio]) => ratio >= 2.5)).toEqual([])
  })
})
