import { jest } from '@jest/globals'
import { loadRequirements, findRequirements } from '../../src/requirements/load.js'
import { validate } from '../../src/requirements/validate.js'
import { requirementsJsonSchema } from '../../src/requirements/json-schema.js'
import { readFileSync } from 'node:fs'
import { cleanRepos, makeRepo, posOf } from '../helpers.js'

afterAll(cleanRepos)

const load = (text: string, path = '.github/pat-requirements.yml') => loadRequirements(makeRepo({ [path]: text }), undefined, validate)
const errorsOf = (text: string) => load(text).errors.map((e) => `${e.line}:${e.column} ${e.message}`)

const VALID = `version: 1
tokens:
  DISPATCH_PAT:
    type: fine-grained
    owner: octo-org
    repositories: [octo-org/deploy]
    expires-in: 30
    purpose: Trigger the deploy workflow in octo-org/deploy
    permissions:
      contents: write
  LEGACY:
    type: classic
    expires-in: none
    scopes: [repo, workflow]
`

describe('pat-requirements.yml', () => {
  it('loads the documented shape, with positions of each field', () => {
    const r = load(VALID)
    expect(r.errors).toEqual([])
    expect(r.tokens.map((t) => t.secret)).toEqual(['DISPATCH_PAT', 'LEGACY'])
    const d = r.tokens[0]
    expect(d).toMatchObject({ type: 'fine-grained', owner: 'octo-org', repositories: ['octo-org/deploy'], 'expires-in': 30, permissions: { contents: 'write' } })
    expect(`${d.line}:${d.column}`).toBe(posOf(VALID, 'DISPATCH_PAT'))
    expect(`${d.fieldPositions['expires-in'].line}:${d.fieldPositions['expires-in'].column}`).toBe(posOf(VALID, '30'))
    expect(r.tokens[1].scopes).toEqual(['repo', 'workflow'])
  })

  it.each<[string, string, string, string]>([
    ['misspelt permission', 'permissions:\n      contens: write', 'contens', 'unknown permission `contens`; did you mean `contents`?'],
    ['dashed permission name', 'permissions:\n      pull-requests: write', 'pull-requests', 'did you mean `pull_requests`?'],
    ['read-only permission at write', 'permissions:\n      metadata: write', 'write', 'metadata can be read (found "write")'],
    ['write-only permission at read', 'permissions:\n      workflows: read', 'read', 'workflows can be write (found "read")'],
    ['expiry of 0 days', 'expires-in: 0', '0', 'expires-in is a number of days from 1 to 366, or none (found 0)'],
    ['expiry of 9999 days', 'expires-in: 9999', '9999', 'expires-in is a number of days from 1 to 366, or none (found 9999)'],
    ['expiry of the wrong type', 'expires-in: soon', 'soon', 'expires-in is a number of days from 1 to 366, or none'],
    ['unknown field', 'purpse: x', 'purpse', 'unknown field `purpse`; did you mean `purpose`?'],
    ['scopes on a fine-grained token', 'scopes: [repo]', 'scopes', 'a fine-grained token has permissions, not scopes'],
    ['repositories not owner/name', 'repositories: [deploy]', 'deploy', 'repositories are written owner/name'],
  ])('%s: error at the key or value, with a hint', (_name, field, at, message) => {
    const text = `version: 1\ntokens:\n  X_PAT:\n    type: fine-grained\n    ${field}\n`
    const errors = errorsOf(text)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
    expect(errors[0].split(' ')[0]).toBe(posOf(text, at, text.indexOf(at) < text.indexOf(field) ? 1 : 0))
  })

  it('unknown classic scope gets a suggestion', () => {
    const text = 'version: 1\ntokens:\n  X:\n    type: classic\n    scopes: [repo, worflow]\n'
    expect(errorsOf(text)).toEqual([`${posOf(text, 'worflow')} unknown classic scope (found "worflow"); did you mean \`workflow\`?`])
  })

  it('a secret name that is a collection or null is pointed at where it is written, and yaml prints no warning of its own', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => {})
    try {
      const text = 'version: 1\ntokens:\n  [a, b]: x\n  ~: x\n  ? - c\n  : x\n'
      const errors = errorsOf(text)
      expect(errors).toEqual([
        expect.stringMatching(new RegExp(`^${posOf(text, '[a, b]')} secret name \`\\[ a, b \\]\`: a secret name holds only`)),
        expect.stringMatching(new RegExp(`^${posOf(text, '~')} empty secret name: `)),
        expect.stringMatching(new RegExp(`^${posOf(text, '- c')} secret name \`\\[ c \\]\``)),
      ])
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('keeps the valid tokens when a sibling is invalid', () => {
    const r = load(VALID.replace('contents: write', 'contents: admin'))
    expect(r.errors).toHaveLength(1)
    expect(r.tokens.map((t) => t.secret)).toEqual(['LEGACY'])
  })

  it.each([
    ['wrong version', 'version: 2\ntokens: {}\n', '1:10 version must be 1'],
    ['missing version', 'tokens: {}\n', '1:1 `version` is required'],
    ['tokens as a list', 'version: 1\ntokens: [a]\n', '2:1 tokens is a mapping of secret name to token'],
    ['reserved secret name', 'version: 1\ntokens:\n  GITHUB_X:\n    type: classic\n', '3:3 secret name `GITHUB_X`: secret names cannot start with GITHUB_'],
    ['not YAML', 'version: 1\ntokens: {a: [}\n', '2:'],
    ['not a mapping', '- 1\n', '1:1 top level is not a mapping'],
  ])('%s', (_name, text, expected) => {
    expect(errorsOf(text).join('\n')).toContain(expected)
  })

  it('thousands of tokens load', () => {
    const many = ['version: 1', 'tokens:']
    for (let i = 0; i < 3000; i++) many.push(`  T${i}:\n    type: fine-grained\n    expires-in: 30\n    permissions: {contents: read}`)
    const r = load(many.join('\n') + '\n')
    expect(r.errors).toEqual([])
    expect(r.tokens).toHaveLength(3000)
  })

  it('looks in .github/ first, then the root, and refuses paths outside the repository', () => {
    const both = makeRepo({ '.github/pat-requirements.yml': 'version: 1\n', 'pat-requirements.yml': 'version: 1\n' })
    expect(findRequirements(both).path).toBe('.github/pat-requirements.yml')
    expect(findRequirements(makeRepo({ 'pat-requirements.yml': 'version: 1\n' })).path).toBe('pat-requirements.yml')
    expect(findRequirements(makeRepo({})).path).toBeNull()
    const escaped = loadRequirements(both, '../../etc/passwd', validate)
    expect(escaped.errors[0].message).toBe('requirements path ../../etc/passwd leads outside the repository; not read')
    expect(loadRequirements(both, 'missing.yml', validate).errors[0].message).toBe('requirements file missing.yml does not exist (it is looked for in the directory linted)')
  })

  it('the published JSON Schema is the build of the zod schema', () => {
    expect(readFileSync('docs/pat-requirements.schema.json', 'utf8')).toBe(requirementsJsonSchema())
    const schema = JSON.parse(requirementsJsonSchema())
    const perms = schema.properties.tokens.additionalProperties.properties.permissions
    expect(perms.additionalProperties).toBe(false)
    expect(perms.properties.metadata.enum).toEqual(['read'])
    expect(perms.properties.workflows.enum).toEqual(['write'])
  })
})
