import { diffRequests } from '../../src/requirements/diff.js'
import { parseRequirements } from '../../src/requirements/load.js'
import { validate } from '../../src/requirements/validate.js'

const tokens = (body: string) => parseRequirements('r.yml', `version: 1\ntokens:\n${body}`, validate).tokens

describe('what a pull request newly requests', () => {
  const base = tokens('  A:\n    type: fine-grained\n    repositories: [o/a]\n    expires-in: 30\n    permissions: {contents: read}\n  B:\n    type: fine-grained\n    permissions: {issues: write}\n')

  it.each<[string, string, string[]]>([
    ['nothing new', '  A:\n    type: fine-grained\n    repositories: [o/a]\n    expires-in: 30\n    permissions: {contents: read}\n', []],
    ['a lower request is not a change to approve', '  A:\n    type: fine-grained\n    repositories: [o/a]\n    expires-in: 7\n    permissions: {}\n', []],
    ['a new token', '  C:\n    type: classic\n    scopes: [repo]\n', ['C new-token new classic token with scopes repo']],
    ['a new permission and a higher level', '  A:\n    type: fine-grained\n    repositories: [o/a]\n    expires-in: 30\n    permissions: {contents: write, actions: read}\n', ['A new-permission adds actions: read', 'A higher-level raises contents from read to write']],
    ['more repositories and a longer expiry', '  A:\n    type: fine-grained\n    repositories: [o/a, o/b]\n    expires-in: none\n    permissions: {contents: read}\n', ['A more-repositories adds o/b', 'A longer-expiry expiry from 30 days to never']],
    ['all repositories', '  A:\n    type: fine-grained\n    repositories: all\n    expires-in: 30\n    permissions: {contents: read}\n', ['A more-repositories now reaches all repositories']],
    ['classic instead of fine-grained', '  B:\n    type: classic\n    scopes: [repo]\n', ['B to-classic changed from fine-grained to classic', 'B new-scope adds the repo scope']],
  ])('%s', (_name, head, expected) => {
    expect(diffRequests(base, tokens(head)).map((c) => `${c.secret} ${c.kind} ${c.detail}`)).toEqual(expected)
  })

  it('points at the line of the change in the head file', () => {
    const head = tokens('  A:\n    type: fine-grained\n    repositories: [o/a]\n    expires-in: 30\n    permissions:\n      contents: read\n      actions: write\n')
    expect(diffRequests(base, head).map((c) => c.line)).toEqual([9])
  })
})
