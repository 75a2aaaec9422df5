/**
 * A token bound in a workflow's or job's `env:` reaches every step in scope: a step running a
 * program or action pat-lint cannot see may use it without naming it, so the use is undecided,
 * never "nothing uses it: revoke it".
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

function verdict(envAt: 'workflow' | 'job', steps: string, more: Record<string, string> = {}) {
  const env = 'env:\n  GITHUB_TOKEN: ${{ secrets.E2E_PAT }}\n'
  const workflow = `on: push\n${envAt === 'workflow' ? env : ''}jobs:\n  test:\n    runs-on: ubuntu-latest\n${envAt === 'job' ? env.replace(/^/gm, '    ').trimEnd() + '\n' : ''}    steps:\n${steps.replace(/^/gm, '      ')}\n`
  const use = lintWorkflow(workflow, more, { repository: 'octo/app' }).tokens[0].uses[0]
  return { wouldDo: use.githubTokenWouldDo, reasons: use.reasons.join(' ') }
}

describe('unseen consumers of a job or workflow variable', () => {
  it.each([
    ['job', '- uses: actions/checkout@v4\n- run: make test-local', /`make test-local` \(line \d+\) with \$GITHUB_TOKEN/],
    ['workflow', '- run: go test ./...', /`go test`/],
    ['job', '- uses: some/unknown-action@v1', /some\/unknown-action, an action pat-lint does not know/],
    ['job', '- uses: docker://alpine:3', /the container/],
    ['job', '- run: docker run -e GITHUB_TOKEN img', /`docker run`/],
    ['job', '- run: docker compose up', /`docker compose`/],
    ['job', '- uses: ./.github/actions/build', /`npm test` .* in \.\/\.github\/actions\/build/],
  ])('%s env, %s: undecided, naming it', (level, steps, reason) => {
    const r = verdict(level as 'job', steps, { '.github/actions/build/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: npm test\n      shell: bash\n' })
    expect(r.wouldDo).toBeNull()
    expect(r.reasons).toMatch(reason)
  })

  it.each([
    ['only known actions and text tools', '- uses: actions/checkout@v4\n- run: echo done && ls'],
    ['docker commands that pass no variable on', '- run: |\n    docker pull img\n    docker run --rm -e MODE=ci img make\n    docker build --build-arg V=1 .'],
    ['a step binding the name itself', '- run: make\n  env:\n    GITHUB_TOKEN: x'],
    ['a local action running only known commands', '- uses: ./.github/actions/quiet'],
  ])('%s: nothing uses it', (_what, steps) => {
    const r = verdict('job', steps, { '.github/actions/quiet/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n' })
    expect(r.wouldDo).toBe(true)
    expect(r.reasons).toMatch(/no step reads/)
  })

  it('a job variable is not read by the steps of another job', () => {
    const workflow = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_TOKEN: ${{ secrets.E2E_PAT }}\n    steps:\n      - run: echo\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n'
    expect(lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBe(true)
  })
})
