/**
 * action.yml is what the runner loads before any of our code runs: a YAML error there fails every
 * user's workflow. It is parsed strictly, checked against the metadata syntax GitHub documents
 * ("Metadata syntax for GitHub Actions": name, description, inputs, outputs, runs, branding), and
 * its inputs and outputs are held against the names src/ reads and writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { z } from 'zod'

// An input or output id: a letter or `_`, then letters, digits, `-` or `_` (GitHub's rule).
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'] as const

const input = z.strictObject({
  description: z.string().min(1),
  required: z.boolean().optional(),
  default: z.string().optional(),
  deprecationMessage: z.string().optional(),
})
const output = z.strictObject({ description: z.string().min(1) })
const javascriptRuns = z.strictObject({
  using: z.enum(['node20', 'node24']),
  main: z.string().min(1),
  pre: z.string().optional(),
  'pre-if': z.string().optional(),
  post: z.string().optional(),
  'post-if': z.string().optional(),
})
const actionMetadata = z.strictObject({
  name: z.string().min(1),
  author: z.string().optional(),
  description: z.string().min(1),
  inputs: z.record(z.string().regex(ID), input).optional(),
  outputs: z.record(z.string().regex(ID), output).optional(),
  runs: javascriptRuns,
  branding: z.strictObject({ icon: z.string().min(1), color: z.enum(BRANDING_COLORS) }).optional(),
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Every literal name passed to `core.<fn>('name'` in src/. */
function namesUsed(fn: 'getInput' | 'setOutput'): Set<string> {
  const re = new RegExp(`\\bcore\\.${fn}\\(\\s*'([^']+)'`, 'g')
  const out = new Set<string>()
  // Generated knowledge quotes other actions' scripts (composites' inline github-script): not pat-lint's own calls.
  for (const file of sourceFiles('src').filter((f) => !f.includes('/generated/'))) for (const m of readFileSync(file, 'utf8').matchAll(re)) out.add(m[1])
  return out
}

const text = readFileSync('action.yml', 'utf8')

describe('action.yml', () => {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true })

  it('parses as strict YAML with no errors or warnings', () => {
    expect(doc.errors.map((e) => e.message)).toEqual([])
    expect(doc.warnings.map((e) => e.message)).toEqual([])
  })

  it('follows the action metadata syntax', () => {
    const parsed = actionMetadata.safeParse(doc.toJS())
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
  })

  it('runs the bundled entry point on node24', () => {
    const meta = actionMetadata.parse(doc.toJS())
    expect(meta.runs.using).toBe('node24')
    expect(statSync(meta.runs.main).isFile()).toBe(true)
  })

  it('declares exactly the inputs src/ reads', () => {
    const meta = actionMetadata.parse(doc.toJS())
    expect(Object.keys(meta.inputs ?? {}).sort()).toEqual([...namesUsed('getInput')].sort())
  })

  it('declares exactly the outputs src/ writes', () => {
    const meta = actionMetadata.parse(doc.toJS())
    expect(Object.keys(meta.outputs ?? {}).sort()).toEqual([...namesUsed('setOutput')].sort())
  })

  it('the schema itself rejects what the runner rejects', () => {
    // A check that cannot fail proves nothing: these are the mistakes the schema must catch.
    expect(actionMetadata.safeParse({ name: 'x', description: 'y', runs: { using: 'node24' } }).success).toBe(false)
    expect(actionMetadata.safeParse({ name: 'x', description: 'y', runs: { using: 'node14', main: 'a.js' } }).success).toBe(false)
    expect(actionMetadata.safeParse({ name: 'x', description: 'y', runs: { using: 'node24', main: 'a.js' }, inputs: { '1x': { description: 'd' } } }).success).toBe(false)
    expect(actionMetadata.safeParse({ name: 'x', description: 'y', runs: { using: 'node24', main: 'a.js' }, branding: { icon: 'key', color: 'pink' } }).success).toBe(false)
    const broken = parseDocument('inputs:\n  a:\n    description: fail when: error\n', { strict: true })
    expect(broken.errors.length).toBeGreaterThan(0)
  })
})
