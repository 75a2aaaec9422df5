/**
 * Data flows one way: discover and parse, requirements, model and flows, analyse, remedies, rules,
 * report, the pipeline, GitHub, the entry points. A module may import from its own layer or
 * below, never above: an upward import is how a layer comes to depend on the pipeline it serves.
 * Besides: no source file over 500 lines outside the generated knowledge, and no state at module
 * level in the analysis (every cache of a run lives on its Memo).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'

/** Layers from the bottom; a path is matched by its longest listed prefix under src/. */
const LAYERS: string[][] = [
  ['types.ts', 'limits.ts', 'order.ts', 'run-stats.ts', 'bounded-map.ts', 'version.ts', 'knowledge'],
  ['workflow/files.ts', 'workflow/parse.ts', 'workflow/tree.ts', 'workflow/alias-expansion.ts', 'workflow/quoted-scalar.ts', 'workflow/unique-keys.ts'],
  ['requirements'],
  ['workflow'],
  // The analysis from the bottom: its shared parts, the script readers, the step readers, the decisions.
  ['analysis/memo.ts', 'analysis/repo-ref.ts', 'analysis/shell.ts', 'analysis/types.ts', 'analysis/git-config.ts', 'analysis/directories.ts'],
  ['analysis/script'],
  ['analysis/steps'],
  ['analysis'],
  ['remedies'],
  ['rules', 'ignore.ts'],
  ['report'],
  ['lint.ts', 'init.ts', 'repository.ts'],
  ['inventory'],
  ['github'],
  ['cli.ts', 'cli-inventory.ts', 'inventory-remote.ts', 'main.ts', 'index.ts'],
]

function layerOf(file: string): number {
  const rel = relative('src', file).split(sep).join('/')
  let best = -1
  let bestLength = -1
  LAYERS.forEach((prefixes, layer) => {
    for (const p of prefixes) {
      if ((rel === p || rel.startsWith(`${p}/`)) && p.length > bestLength) {
        best = layer
        bestLength = p.length
      }
    }
  })
  return best
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Every relative import of a file, as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => normalize(join(dirname(file), m[1].replace(/\.js$/, '.ts'))))
}

describe('the layers', () => {
  const files = sources('src')

  it('place every module', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([])
  })

  it('are imported only downwards', () => {
    const upward = files.flatMap((f) => importsOf(f).filter((target) => target.startsWith(`src${sep}`) && layerOf(target) > layerOf(f)).map((target) => `${f} -> ${target}`))
    expect(upward).toEqual([])
  })

  it('the check sees an upward import', () => {
    // knowledge is the bottom layer, report above it: this edge would be upward.
    expect(layerOf('src/report/json.ts')).toBeGreaterThan(layerOf('src/knowledge/actions.ts'))
    expect(layerOf('src/workflow/flows.ts')).toBeGreaterThan(layerOf('src/workflow/parse.ts'))
    expect(importsOf('src/lint.ts')).toContain(normalize('src/report/model.ts'))
  })
})

describe('the house', () => {
  const files = sources('src')

  it('has no source file over 500 lines outside the generated knowledge', () => {
    const long = files.filter((f) => !f.includes(`knowledge${sep}generated`)).map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
    expect(long.filter(([, lines]) => lines > 500)).toEqual([])
  })

  /**
   * Module-level declarations in src/analysis that could hold state: any `let`/`var`, any weak map
   * or set, and any Map or Set not typed read-only. Tables of facts are ReadonlySet/ReadonlyMap.
   */
  function moduleState(text: string): string[] {
    return text.split('\n').filter((line) => /^(export )?(let|var) /.test(line) || (/^(export )?const /.test(line) && (/new Weak(Map|Set)\b/.test(line) || (/=\s*new (Map|Set)\b/.test(line) && !/:\s*Readonly(Map|Set)</.test(line)))))
  }

  it('keeps no state at module level in src/analysis', () => {
    const stateful = files.filter((f) => f.startsWith(`src${sep}analysis`)).flatMap((f) => moduleState(readFileSync(f, 'utf8')).map((line) => `${f}: ${line}`))
    expect(stateful).toEqual([])
  })

  it('the state check sees a cache and passes a read-only table', () => {
    expect(moduleState('const cache = new WeakMap<object, string>()\nlet count = 0\nconst seen = new Set<string>()')).toHaveLength(3)
    expect(moduleState("const KNOWN: ReadonlySet<string> = new Set(['a'])\nfunction f() {\n  const local = new Map()\n}")).toEqual([])
  })
})
