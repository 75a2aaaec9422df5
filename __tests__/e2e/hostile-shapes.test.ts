/**
 * The benchmark's hostile workflows (scripts/bench-hostile.mjs) are built so that each pair of
 * things (tokens x commands, tokens x steps, …) could cost work and output. Twice as many of the
 * repeated part must give about twice the report, not four times, and have about twice the
 * script commands read (counted, not timed: a report can stay small while the work behind it,
 * such as every token reading every later git push, grows with the square).
 */
import { pathOf, SHAPES } from '../../scripts/bench-hostile.mjs'
import { commandsRead } from '../../src/analysis/run-script.js'
import { lint } from '../../src/lint.js'
import { formatJson } from '../../src/report/json.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const measure = (made: string | Record<string, string>) => {
  const files = typeof made === 'string' ? { 'hostile.yml': made } : made
  const repo = makeRepo(Object.fromEntries(Object.entries(files).map(([name, text]) => [pathOf(name), text])))
  const before = commandsRead()
  const size = formatJson(lint(repo, { repository: 'octo/bench' })).length
  return { size, read: commandsRead() - before }
}

describe('hostile shapes: the report and the work grow with the input, not with its square', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const small = measure(shape.make(150))
    const large = measure(shape.make(300))
    expect(large.size / small.size).toBeLessThan(2.5)
    // Shapes without run scripts read none; the +1 keeps their ratio defined.
    expect((large.read + 1) / (small.read + 1)).toBeLessThan(2.5)
  })
})
