import { lookupEndpoint } from '../../src/knowledge/endpoints.js'

describe('REST endpoint -> fine-grained permissions', () => {
  it.each<[string, string, string | null, Record<string, string> | null]>([
    ['POST', '/repos/o/r/dispatches', 'POST /repos/{owner}/{repo}/dispatches', { contents: 'write' }],
    ['POST', '/repos/o/r/actions/workflows/ci.yml/dispatches', 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { actions: 'write' }],
    ['POST', '/repos/o/r/issues/12/comments', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issues: 'write' }],
    ['GET', 'https://api.github.com/repos/o/r/pulls/3', 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_requests: 'read' }],
    ['PUT', '/repos/o/r/contents/docs/a/b.md', 'PUT /repos/{owner}/{repo}/contents/{path}', { contents: 'write' }],
    ['POST', '/repos/$OWNER/$REPO/pulls', 'POST /repos/{owner}/{repo}/pulls', { pull_requests: 'write' }],
    ['GET', '/orgs/octo/members', 'GET /orgs/{org}/members', { members: 'read' }],
    ['POST', '/repos/o/r/check-runs', 'POST /repos/{owner}/{repo}/check-runs', { checks: 'write' }],
    ['POST', '/repos/o/r/forks', 'POST /repos/{owner}/{repo}/forks', { administration: 'write', contents: 'read' }],
    ['POST', '/repos/o/template/generate', 'POST /repos/{template_owner}/{template_repo}/generate', { administration: 'write', contents: 'read' }],
    ['POST', '/repos/o/r/labels', 'POST /repos/{owner}/{repo}/labels', { issues: 'write' }],
    ['GET', '/repos/o/r/nonsense/path', null, null],
    ['POST', '/repos/o/r/$WHAT', null, null],
  ])('%s %s', (method, path, template, permissions) => {
    const m = lookupEndpoint(method, path)
    if (template === null) return expect(m).toBeUndefined()
    expect(m?.template).toBe(template)
    expect(m?.permissions).toEqual(permissions)
  })

  it('marks App-only endpoints and organization scope', () => {
    expect(lookupEndpoint('POST', '/repos/o/r/check-runs')?.appOnly).toBe(true)
    expect(lookupEndpoint('GET', '/orgs/octo/members')?.scope).toBe('organization')
    expect(lookupEndpoint('POST', '/repos/o/r/dispatches')?.scope).toBe('repository')
  })
})

describe('GETs that answer public data need no permission', () => {
  it.each<[string, string, boolean]>([
    ['GET', '/orgs/cli/public_members/$AUTHOR', true],
    ['GET', '/orgs/octo/public_members', true],
    ['GET', '/users/$USER/keys', true],
    // Answers concealed members too to a caller who is a member: the token changes the answer.
    ['GET', '/orgs/octo/members/$AUTHOR', false],
    ['GET', '/orgs/octo/members', false],
    // Writing one's own public membership is not a read.
    ['PUT', '/orgs/octo/public_members/$ME', false],
  ])('%s %s', (method, path, isPublic) => {
    const m = lookupEndpoint(method, path)
    expect(m).toBeDefined()
    expect(!!m?.publicRead).toBe(isPublic)
    if (isPublic) expect(m?.permissions).toEqual({})
    else expect(Object.keys(m?.permissions ?? {}).length).toBeGreaterThan(0)
  })
})
