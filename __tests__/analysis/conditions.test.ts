import { conditionalApplies } from '../../src/analysis/steps/known-action.js'

// The `when` sentences of the knowledge base, read against a step's inputs.
describe('conditional permissions', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['delete-branch: true', { 'delete-branch': 'true' }, true],
    ['delete-branch: true', { 'delete-branch': 'false' }, false],
    ['delete-branch: true', {}, false],
    ['plugin_x: yes', { plugin_x: 'true' }, true],
    ['plugin_x: yes', { plugin_x: 'no' }, false],
    ['team-reviewers is set', { 'team-reviewers': 'octo/a' }, true],
    ['team-reviewers is set', {}, false],
    ['plugin_x is enabled', { plugin_x: 'yes' }, true],
    ['plugin_x is enabled', { plugin_x: 'no' }, false],
    ['plugin_x is enabled', { plugin_x: 'FALSE' }, false],
    ['comment-summary-in-pr is enabled', { 'comment-summary-in-pr': 'never' }, false],
    ['comment-summary-in-pr is enabled', { 'comment-summary-in-pr': 'on-failure' }, true],
    ['base is not empty (default: header, activity)', {}, true],
    ['base is not empty (default: header, activity)', { base: '' }, false],
    ['base is not empty (default: header, activity)', { base: '  ' }, false],
    ['base is not empty (default: header, activity)', { base: 'header' }, true],
    ['base is not empty', {}, false],
    ['something the file cannot show', { anything: 'x' }, false],
    ['github-token + run-id (other run, same repository)', { 'github-token': 'x', 'run-id': '42' }, true],
    ['github-token + run-id (other run, same repository)', { 'github-token': 'x' }, false],
    ['github-token + run-id (other run, same repository)', { 'run-id': '42' }, false],
  ])('%s with %j -> %s', (when, inputs, applies) => {
    expect(conditionalApplies(when, inputs)).toBe(applies)
  })
})

import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

describe('download-artifact reading another run', () => {
  const workflow = (extra: string) => `on: workflow_run\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/download-artifact@v4\n        with:\n          github-token: \${{ secrets.READ_PAT }}\n${extra}`
  it('with run-id needs actions: read, which GITHUB_TOKEN has', () => {
    const use = lintWorkflow(workflow('          run-id: ${{ github.event.workflow_run.id }}\n'), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.needs).toEqual({ actions: 'read' })
    expect(use.githubTokenWouldDo).toBe(true)
  })
  it('without run-id it reads this run\'s artifacts with no permission', () => {
    const use = lintWorkflow(workflow(''), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.needs).toEqual({})
  })
})
