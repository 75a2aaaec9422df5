/**
 * Writes docs/pat-requirements.schema.json from the zod schema, so editors can validate and
 * complete pat-requirements.yml. Run with `npm run schema`; a test fails when it is stale.
 */
import { writeFileSync } from 'node:fs'
import { requirementsJsonSchema } from '../src/requirements/json-schema.js'

writeFileSync('docs/pat-requirements.schema.json', requirementsJsonSchema())
console.log('wrote docs/pat-requirements.schema.json')
