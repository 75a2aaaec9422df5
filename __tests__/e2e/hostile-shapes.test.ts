/**
 * The benchmark's hostile workflows (scripts/bench-hostile.mjs) are built so that each pair of
 * things (tokens x commands, tokens x steps, …) could cost work and output. Twice as many of the
 * repeated part must give about twice the report, not four times, and about twice the work:
 * script commands read and calls weighed by the decisions (counted, not timed: the report lists
 * only so many reasons, so it can stay small while the work behind it grows with the square).
 */
import { pathOf, SHAPES } from '../../scripts/bench-hostile.mjs'
import { callsDecided } from '../../src/analysis/decide.js'
import { commandsRead } from '../../src/analysis/run-script.js'
import { lint } from '../../src/lint.js'
import { formatJson } from '../../src/report/json.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const measure = (made: string | Record<string, string>) => {
  const files = typeof made === 'string' ? { 'hostile.yml': made } : made
  const repo = makeRepo(Object.fromEntries(Object.entries(files).map(([name, text]) => [pathOf(name), text])))
  const before = { read: commandsRead(), weighed: callsDecided() }
  const size = formatJson(lint(repo, { repository: 'octo/bench' })).length
  return { size, read: commandsRead() - before.read, weighed: callsDecided() - before.weighed }
}

describe('hostile shapes: the report and the work grow with the input, not with its square', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const small = measure(shape.make(150))
    const large = measure(shape.make(300))
    expect(large.size / small.size).toBeLessThan(2.5)
    // Shapes without run scripts read none; the +1 keeps their ratio defined.
    expect((large.read + 1) / (small.read + 1)).toBeLessThan(2.5)
    expect((large.weighed + 1) / (small.weighed + 1)).toBeLessThan(2.5)
  })
})
