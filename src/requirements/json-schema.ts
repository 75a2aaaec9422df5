/** The JSON Schema of pat-requirements.yml, generated from the zod schema (one source of truth). */
import * as z from 'zod/mini'
import { RequirementsSchema } from './schema.js'

import { SCHEMA_ID } from './schema-id.js'

export { SCHEMA_ID }

export function requirementsJsonSchema(): string {
  const schema = z.toJSONSchema(RequirementsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return JSON.stringify({ ...schema, $id: SCHEMA_ID, title: 'pat-requirements.yml' }, null, 2) + '\n'
}
