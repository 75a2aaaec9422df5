import { eventsOfCondition } from '../../src/workflow/job-events.js'

describe("the events a job's if: limits it to", () => {
  it.each<[string | undefined, string[] | null]>([
    ["github.event_name == 'push'", ['push']],
    ["${{ github.event_name == 'push' }}", ['push']],
    ["'release' == github.event_name", ['release']],
    ["github.event_name == 'push' && github.ref == 'refs/heads/main'", ['push']],
    ["(github.event_name == 'push' || github.event_name == 'workflow_dispatch') && !cancelled()", ['push', 'workflow_dispatch']],
    ["github.event_name == 'push' && (github.event_name == 'pull_request' || github.event_name == 'push')", ['push']],
    // Not limited: a negation, an inequality, an alternative to something else, no condition.
    ["github.event_name != 'pull_request'", null],
    ["!(github.event_name == 'push')", null],
    ["github.event_name == 'push' || github.actor == 'octo'", null],
    ["contains(github.ref, '&&') && github.actor == 'x'", null],
    [undefined, null],
  ])('%s -> %j', (condition, events) => {
    expect(eventsOfCondition(condition)).toEqual(events)
  })

  it('an unbalanced or hostile condition is read in bounded time and limits nothing', () => {
    expect(eventsOfCondition('('.repeat(5000) + "github.event_name == 'push'")).toBeNull()
    expect(eventsOfCondition(")) && github.event_name == 'push'")).toBeNull()
    expect(eventsOfCondition('('.repeat(100_000) + "github.event_name == 'push'" + ')'.repeat(100_000))).toBeNull()
  })
})
