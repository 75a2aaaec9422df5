/** The JSON Schema of pat-requirements.yml, generated from the zod schema (one source of truth). */
import * as z from 'zod/mini'
import { RequirementsSchema } from './schema.js'

export const SCHEMA_ID = 'https://raw.githubusercontent.com/pat-lint/pat-lint/main/docs/pat-requirements.schema.json'

export function requirementsJsonSchema(): string {
  const schema = z.toJSONSchema(RequirementsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return JSON.stringify({ ...schema, $id: SCHEMA_ID, title: 'pat-requirements.yml' }, null, 2) + '\n'
}
