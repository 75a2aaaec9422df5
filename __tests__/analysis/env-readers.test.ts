/**
 * Readers of a variable are found through the names each step may read (`EnvReader.names`)
 * rather than by asking every step about every variable: a step that reads a name must list it.
 */
import fc from 'fast-check'
import { DEFAULT_KNOWLEDGE } from '../../src/knowledge/actions.js'
import { readsEnvWith } from '../../src/analysis/env-readers.js'
import { isIdentifier } from '../../src/workflow/flows.js'
import { runReadsEnv, VariableReads } from '../../src/workflow/variable-reads.js'
import type { StepInfo, ValueInfo } from '../../src/workflow/model.js'
import { lintRepo as lint } from '../helpers.js'
import { cleanRepos, makeRepo } from '../helpers.js'

afterAll(cleanRepos)

const pos = { file: 'x.yml', line: 1, column: 1 }
const value = (v: string): ValueInfo => ({ value: v, raw: v, start: 0, pos })
const step = (run: string | null, uses: string | null, withValues: string[]): StepInfo => ({
  file: 'x.yml',
  job: 'a',
  at: '0',
  index: 0,
  ...(run === null ? {} : { run: value(run) }),
  ...(uses === null ? {} : { uses: value(uses) }),
  with: Object.fromEntries(withValues.map((v, i) => [`in${i}`, value(v)])),
  env: {},
  pos,
})

describe('EnvReader.names', () => {
  const piece = fc.constantFrom('$', '${', '}', '$env:', '%', 'env.', 'env[', "env['", "'", ']', ' ', '${{ ', ' }}', 'gh pr list', 'GH_TOKEN', 'TOKEN', 'tok', 'a', '_', '-', '1')
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''))
  const name = fc.constantFrom('GH_TOKEN', 'GITHUB_TOKEN', 'NODE_AUTH_TOKEN', 'TOKEN', 'token', 'a', 'tok', 'env', 'PERSONAL_ACCESS_TOKEN', 'repo_token', 'a-b')
  const uses = fc.constantFrom(null, 'actions/checkout@v4', 'actions/setup-node@v4', 'actions/create-release@v1', 'someone/unknown@v1', './local')
  const readers = [runReadsEnv(new VariableReads()), readsEnvWith(DEFAULT_KNOWLEDGE, new VariableReads())]

  it('lists every identifier name that `reads` says the step reads', () => {
    fc.assert(
      fc.property(fc.option(text), uses, fc.array(text, { maxLength: 3 }), name, (run, u, withValues, n) => {
        const s = step(run, u, withValues)
        for (const reader of readers) if (isIdentifier(n) && reader.reads(s, n)) expect(reader.names(s).has(n.toLowerCase())).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('names what the known actions and the gh CLI read unasked', () => {
    const reader = readsEnvWith(DEFAULT_KNOWLEDGE, new VariableReads())
    expect(reader.names(step('gh pr list', null, [])).has('gh_token')).toBe(true)
    expect(reader.names(step('echo hi', null, [])).has('gh_token')).toBe(false)
    expect(reader.names(step('echo "${ENV_PAT}" ${{ env.OTHER }}', null, ['${{ env.FROM_WITH }}'])).has('from_with')).toBe(true)
  })
})

describe('a workflow whose env holds many tokens, read by many steps', () => {
  it('each token is read by the step that names it, and only by it', () => {
    const n = 400
    const env = Array.from({ length: n }, (_, i) => `  T${i}: \${{ secrets.PAT_${i} }}`).join('\n')
    const steps = Array.from({ length: n }, (_, i) => `      - run: ./tool${i} "$T${i}"`).join('\n')
    const root = makeRepo({ '.github/workflows/ci.yml': `on: push\nenv:\n${env}\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}\n` })
    const r = lint(root)
    expect(r.tokens).toHaveLength(n)
    for (const i of [0, 123, n - 1]) {
      const t = r.tokens.find((x) => x.secret === `PAT_${i}`)!
      expect(t.uses.map((u) => u.readBy?.map((s) => s.step))).toEqual([[`step ${i + 1}`]])
    }
  })
})
