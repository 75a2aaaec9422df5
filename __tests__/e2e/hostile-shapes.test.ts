/**
 * The benchmark's hostile workflows (scripts/bench-hostile.mjs) are built so that each pair of
 * things (tokens x commands, tokens x steps, …) could cost work and output. Twice as many of the
 * repeated part must give about twice the report, not four times: what the benchmark times stays
 * bounded because the output does.
 */
import { SHAPES } from '../../scripts/bench-hostile.mjs'
import { lint } from '../../src/lint.js'
import { formatJson } from '../../src/report/json.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const reportSize = (made: string | Record<string, string>) => {
  const files = typeof made === 'string' ? { 'hostile.yml': made } : made
  const repo = makeRepo(Object.fromEntries(Object.entries(files).map(([name, text]) => [`.github/workflows/${name}`, text])))
  return formatJson(lint(repo, { repository: 'octo/bench' })).length
}

describe('hostile shapes: the report grows with the input, not with its square', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const small = reportSize(shape.make(150))
    const large = reportSize(shape.make(300))
    expect(large / small).toBeLessThan(2.5)
  })
})
