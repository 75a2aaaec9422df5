// The floor for a JavaScript linter: read and parse every workflow with `yaml`, keeping positions,
// with the options pat-lint parses workflows with (src/workflow/parse.ts), so that the floor is
// the same work pat-lint's own parsing does.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'

const dir = process.argv[2]
let files = 0
let documents = 0
for (const f of readdirSync(dir)) {
  const doc = parseDocument(readFileSync(join(dir, f), 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, schema: 'failsafe', logLevel: 'error' })
  files++
  if (doc.contents) documents++
}
console.log(JSON.stringify({ files, documents }))
