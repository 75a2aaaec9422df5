/**
 * Editors fetch the `$schema` of pat-requirements.yml by URL: it must serve the JSON itself (a raw
 * URL), not an HTML page about it, and every place that names it must name the same file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { SCHEMA_ID } from '../../src/requirements/json-schema.js'

describe('the schema URL', () => {
  it('is a raw URL of the committed schema file on main', () => {
    const m = /^https:\/\/raw\.githubusercontent\.com\/pat-lint\/pat-lint\/main\/(.+\.json)$/.exec(SCHEMA_ID)
    expect(m).not.toBeNull()
    expect(JSON.parse(readFileSync(m![1], 'utf8')).$id).toBe(SCHEMA_ID)
    expect(existsSync(m![1])).toBe(true)
  })

  it('README, the rule docs and the schema name no other', () => {
    for (const file of ['README.md', 'docs/rules/invalid-requirements.md', 'docs/pat-requirements.schema.json', 'src/init.ts']) {
      const named = [...readFileSync(file, 'utf8').matchAll(/https:\/\/\S*pat-requirements\.schema\.json/g)].map((m) => m[0])
      for (const url of named) expect(url).toBe(SCHEMA_ID)
    }
  })
})
