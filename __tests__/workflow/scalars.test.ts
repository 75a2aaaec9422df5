/**
 * Workflows are parsed with YAML's failsafe schema: every scalar stays the text it was written as,
 * and only YAML's null (a key without a value) reads as absent, as it did under the core schema.
 */
import { isMap, isScalar, type Scalar } from 'yaml'
import { parseSource } from '../../src/workflow/parse.js'
import { scalarText, TreeWalker } from '../../src/workflow/tree.js'
import { buildModel } from '../../src/workflow/model.js'

function valuesOf(text: string, kind: 'workflow' | 'requirements' = 'workflow'): Record<string, unknown> {
  const { file } = parseSource({ path: 'x.yml', kind, text })
  if (!isMap(file.root)) throw new Error('not a map')
  const out: Record<string, unknown> = {}
  for (const pair of file.root.items) out[String((pair.key as Scalar).value)] = isScalar(pair.value) ? scalarText(pair.value) : pair.value
  return out
}

test('null in every spelling is absent; quoted or tagged as a string it is text', () => {
  expect(valuesOf('a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: !!null\ng: ""\nh: "null"\ni: !!str ~\n')).toEqual({
    a: undefined, b: undefined, c: undefined, d: undefined, e: undefined, f: undefined, g: '', h: 'null', i: '~',
  })
})

test('numbers and booleans keep the text they were written as', () => {
  expect(valuesOf('a: 20.10\nb: 1.0\nc: 0x1F\nd: True\ne: yes\nf: 1e3\ng: !!int 3\n')).toEqual({ a: '20.10', b: '1.0', c: '0x1F', d: 'True', e: 'yes', f: '1e3', g: '3' })
})

test('the requirements file keeps typed scalars (its numbers and booleans are checked as such)', () => {
  const { file } = parseSource({ path: 'r.yml', kind: 'requirements', text: 'version: 1\nflag: true\n' })
  expect(file.doc!.toJS()).toEqual({ version: 1, flag: true })
})

test('a step reads its inputs as written and leaves out the ones without a value', () => {
  const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20.10\n          cache:\n          registry-url: ~\n'
  const { file } = parseSource({ path: '.github/workflows/x.yml', kind: 'workflow', text })
  const model = buildModel(new TreeWalker(file))
  const step = model.jobs[0].steps[0]
  expect(Object.keys(step.with)).toEqual(['node-version'])
  expect(step.with['node-version'].value).toBe('20.10')
})
