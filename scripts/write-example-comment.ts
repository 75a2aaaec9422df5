/** Writes docs/example-comment.md: the comment pat-lint writes on a pull request to examples/demo. */
import { writeFileSync } from 'node:fs'
import { exampleComment } from './example-comment.js'

writeFileSync('docs/example-comment.md', exampleComment())
console.log('wrote docs/example-comment.md')
