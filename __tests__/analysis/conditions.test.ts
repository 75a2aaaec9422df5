import { conditionalApplies } from '../../src/analysis/action-step.js'

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
  ])('%s with %j -> %s', (when, inputs, applies) => {
    expect(conditionalApplies(when, inputs)).toBe(applies)
  })
})
