/** Where the published JSON Schema of pat-requirements.yml lives: files `init` writes point their editors there. */
export const SCHEMA_ID = 'https://raw.githubusercontent.com/pat-lint/pat-lint/main/docs/pat-requirements.schema.json'
