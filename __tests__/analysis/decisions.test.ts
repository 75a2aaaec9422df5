/**
 * The verdict and needs per kind of step: table-driven, one workflow per row. `repo` is the
 * repository running the workflow; `extra` adds workflows (their triggers count for R1).
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'
import type { ReasonCode } from '../../src/knowledge/reasons.js'

afterAll(cleanRepos)

const CI = { '.github/workflows/test.yml': 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n' }

interface Row {
  name: string
  on?: string
  steps: string
  verdict: boolean | null
  needs: Record<string, string>
  extra?: Record<string, string>
  reason?: RegExp
  /** Rules the use's reasons must cite (among others). */
  codes?: ReasonCode[]
  /** Extra job-level YAML (strategy, env). */
  job?: string
}

const step = (uses: string, withs: Record<string, string>) =>
  `      - uses: ${uses}\n        with:\n${Object.entries(withs).map(([k, v]) => `          ${k}: ${v}`).join('\n')}`

const rows: Row[] = [
  {
    name: 'a public membership check and a label here: public data needs no organization permission',
    steps: '      - run: gh api orgs/octo/public_members/$AUTHOR --silent || gh issue edit 1 --add-label triage\n        env:\n          GH_TOKEN: ${{ secrets.X_PAT }}',
    extra: CI,
    verdict: true,
    needs: { issues: 'write' },
    reason: /public data/,
  },
  {
    name: 'an organization membership check: a member\'s token also sees concealed members (R4)',
    steps: '      - run: gh api orgs/octo/members/$AUTHOR --silent || gh issue edit 1 --add-label triage\n        env:\n          GH_TOKEN: ${{ secrets.X_PAT }}',
    extra: CI,
    verdict: false,
    needs: { issues: 'write', members: 'read' },
    codes: ['R4'],
  },
  { name: 'checkout of this repository', steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }), verdict: true, needs: { contents: 'read' } },
  { name: 'checkout of another repository (reading it may work if it is public)', steps: step('actions/checkout@v4', { repository: 'octo/lib', token: '${{ secrets.X_PAT }}' }), verdict: null, needs: { contents: 'read' }, reason: /only if it is public/, codes: ['R3'] },
  {
    name: 'checkout, then a push that CI listens to',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git commit -am x && git push',
    extra: CI,
    verdict: false,
    needs: { contents: 'write' },
    codes: ['R1'],
  },
  {
    name: 'checkout, then a push, with no other workflow visible',
    on: 'workflow_dispatch',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git push',
    verdict: null,
    needs: { contents: 'write' },
  },
  {
    name: 'a push in a repository where a workflow waits on check suites, which commits GITHUB_TOKEN pushes never start (R1)',
    on: 'workflow_dispatch',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git push',
    extra: { '.github/workflows/wait.yml': 'on: { check_suite: { types: [completed] } }\njobs:\n  w:\n    runs-on: x\n    steps:\n      - run: true\n' },
    verdict: false,
    needs: { contents: 'write' },
    reason: /waits on check_suite/, codes: ['R1'],
  },
  {
    name: 'a push that only re-triggers its own workflow: no evidence that CI must run, and no other workflow visible',
    on: 'push',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git commit -am x && git push',
    verdict: null,
    needs: { contents: 'write' },
    reason: /no other workflow is visible/,
  },
  {
    name: 'a push that re-triggers its own workflow, where another workflow also listens (R1)',
    on: 'push',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git commit -am x && git push',
    extra: CI,
    verdict: false,
    needs: { contents: 'write' },
    codes: ['R1'],
  },
  {
    name: "a job limited to push that opens a pull request its own workflow's pull_request trigger hears (R1)",
    on: '[push, pull_request]',
    job: "    if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n",
    steps: step('peter-evans/create-pull-request@v7', { token: '${{ secrets.X_PAT }}' }),
    extra: { '.github/workflows/lint.yml': 'on: workflow_dispatch\njobs:\n  l:\n    runs-on: x\n    steps:\n      - run: true\n' },
    verdict: false,
    needs: { contents: 'write', pull_requests: 'write' },
    reason: /pull_request events that should start workflows here/, codes: ['R1'],
  },
  {
    name: 'a job running on every trigger of its workflow: its own triggers are no evidence (a loop)',
    on: '[push, pull_request]',
    steps: step('peter-evans/create-pull-request@v7', { token: '${{ secrets.X_PAT }}' }),
    extra: { '.github/workflows/lint.yml': 'on: workflow_dispatch\njobs:\n  l:\n    runs-on: x\n    steps:\n      - run: true\n' },
    verdict: true,
    needs: { contents: 'write', pull_requests: 'write' },
    reason: /no workflow here listens/,
  },
  {
    name: "checkout, then a repository task given a GitHub token: GitHub automation, whose git finds the checkout's credential",
    on: 'workflow_dispatch',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: pnpm changes:pr\n        env:\n          GITHUB_TOKEN: ${{ github.token }}',
    extra: CI,
    verdict: null,
    needs: { contents: 'read' },
    reason: /the script run at line 9 may push with the token left behind/,
  },
  {
    name: 'checkout, then an install given a GitHub token (for a registry): no task that pushes',
    on: 'workflow_dispatch',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: pnpm install --frozen-lockfile\n        env:\n          GITHUB_TOKEN: ${{ github.token }}',
    extra: CI,
    verdict: true,
    needs: { contents: 'read' },
  },
  {
    name: 'checkout, then a push nothing listens to',
    on: 'workflow_dispatch',
    steps: step('actions/checkout@v4', { token: '${{ secrets.X_PAT }}' }) + '\n      - run: git push',
    extra: { '.github/workflows/lint.yml': 'on: pull_request\njobs:\n  l:\n    runs-on: x\n    steps:\n      - run: true\n' },
    verdict: true,
    needs: { contents: 'write' },
  },
  { name: 'dispatch into this repository (R1a)', steps: step('peter-evans/repository-dispatch@v3', { token: '${{ secrets.X_PAT }}', 'event-type': 'go' }), verdict: true, needs: { contents: 'write' }, codes: ['R1a'] },
  { name: 'dispatch to another repository (R3)', steps: step('peter-evans/repository-dispatch@v3', { token: '${{ secrets.X_PAT }}', repository: 'octo/docs', 'event-type': 'go' }), verdict: false, needs: { contents: 'write' }, codes: ['R3'] },
  {
    name: 'dispatch over a matrix with another repository',
    job: '    strategy:\n      matrix:\n        repo: [octo/app, octo/web]\n',
    steps: step('peter-evans/repository-dispatch@v3', { token: '${{ secrets.X_PAT }}', repository: '${{ matrix.repo }}', 'event-type': 'go' }),
    verdict: false,
    needs: { contents: 'write' },
  },
  { name: 'repository named at run time', steps: step('peter-evans/repository-dispatch@v3', { token: '${{ secrets.X_PAT }}', repository: '${{ inputs.repo }}', 'event-type': 'go' }), verdict: null, needs: { contents: 'write' } },
  { name: 'organization project (R5)', steps: step('actions/add-to-project@v1', { 'project-url': 'https://github.com/orgs/octo/projects/1', 'github-token': '${{ secrets.X_PAT }}' }), on: 'issues', verdict: false, needs: { organization_projects: 'write', issues: 'read' }, codes: ['R5'] },
  { name: 'comment in this repository', steps: step('peter-evans/create-or-update-comment@v4', { token: '${{ secrets.X_PAT }}', 'issue-number': '1', body: 'hi' }), verdict: true, needs: { issues: 'write', pull_requests: 'write' } },
  { name: 'pull request pushed to a fork (R11)', steps: step('peter-evans/create-pull-request@v7', { token: '${{ secrets.X_PAT }}', 'push-to-fork': 'bot/app' }), verdict: false, needs: { contents: 'write', pull_requests: 'write', workflows: 'write' }, codes: ['R11'] },
  { name: 'owner and repo given apart (workflow in another repository)', steps: step('convictional/trigger-workflow-and-wait@v1', { owner: 'octo', repo: 'site', github_token: '${{ secrets.X_PAT }}', workflow_file_name: 'd.yml' }), verdict: false, needs: { actions: 'write' }, reason: /octo\/site, another repository/ },
  {
    name: 'a token read from env by an action (COMMITTER_TOKEN)',
    steps: '      - uses: mislav/bump-homebrew-formula-action@v3\n        with:\n          homebrew-tap: octo/homebrew-tap\n        env:\n          COMMITTER_TOKEN: ${{ secrets.X_PAT }}',
    verdict: false,
    needs: { contents: 'write', pull_requests: 'write', workflows: 'write' },
    reason: /octo\/homebrew-tap/,
  },
  { name: 'account metrics with the default sections (R4)', steps: step('lowlighter/metrics@latest', { token: '${{ secrets.X_PAT }}' }), verdict: false, needs: { contents: 'read' }, codes: ['R4'] },
  {
    name: 'account metrics: plugins name what they read, "no" switches one off',
    steps: step('lowlighter/metrics@latest', { token: '${{ secrets.X_PAT }}', base: '""', plugin_reactions: 'yes', plugin_traffic: 'true', plugin_languages: 'no', output_action: 'gist' }),
    verdict: false,
    needs: { issues: 'read', pull_requests: 'read', administration: 'read', gists: 'write' },
  },
  { name: 'workflow files pushed to the owner\'s other repositories (R2, R3)', steps: step('derberg/manage-files-in-multiple-repositories@v2', { github_token: '${{ secrets.X_PAT }}', files_to_ignore: 'x.yml' }), verdict: false, needs: { contents: 'write', workflows: 'write', pull_requests: 'write' }, codes: ['R2', 'R3'] },
  { name: 'a merge command Dependabot takes only from a user (R8)', steps: step('ahmadnassri/action-dependabot-auto-merge@v2', { 'github-token': '${{ secrets.X_PAT }}' }), verdict: false, needs: { pull_requests: 'write' }, codes: ['R8'] },
  {
    name: 'a rebase pushed to the head branch, possibly a fork (R1, R3)',
    steps: '      - uses: cirrus-actions/rebase@1.8\n        env:\n          GITHUB_TOKEN: ${{ secrets.X_PAT }}',
    verdict: false,
    needs: { contents: 'write', pull_requests: 'read', workflows: 'write' },
    reason: /fork/,
  },
  {
    name: 'a container action whose env names the repository it pushes to (R3)',
    steps: '      - uses: theme-keep/hexo-deploy-github-pages-action@master\n        env:\n          PERSONAL_TOKEN: ${{ secrets.X_PAT }}\n          PUBLISH_REPOSITORY: octo/octo.github.io',
    verdict: false,
    needs: { contents: 'write' },
    reason: /octo\/octo\.github\.io, another repository/,
  },
  {
    name: 'the same action without that env pushes to this repository',
    steps: '      - uses: theme-keep/hexo-deploy-github-pages-action@master\n        env:\n          PERSONAL_TOKEN: ${{ secrets.X_PAT }}\n          BRANCH: gh-pages',
    verdict: true,
    needs: { contents: 'write' },
  },
  {
    name: 'an action with two tokens: the one for this repository\'s pull request',
    steps: step('conda/actions/check-cla@v25', { token: '${{ secrets.X_PAT }}', label: 'cla-signed', cla_token: '${{ secrets.OTHER }}' }),
    verdict: true,
    needs: { issues: 'write', pull_requests: 'write', statuses: 'write' },
  },
  {
    name: 'an action with two tokens: the one for a fork and another repository (R3, R11), named by the input\'s default',
    steps: step('conda/actions/check-cla@v25', { token: '${{ secrets.OTHER }}', label: 'cla-signed', cla_token: '${{ secrets.X_PAT }}' }),
    verdict: false,
    needs: { contents: 'write', pull_requests: 'write', workflows: 'write' },
    reason: /^conda\/actions\/check-cla: it pushes to a fork/m, codes: ['R3', 'R11'],
  },
  {
    name: 'slash commands dispatched into this repository: GITHUB_TOKEN dispatches start runs (R1a)',
    on: 'issue_comment',
    steps: step('peter-evans/slash-command-dispatch@v4', { token: '${{ secrets.X_PAT }}', commands: 'deploy' }),
    verdict: true,
    needs: { contents: 'write', pull_requests: 'read' },
    codes: ['R1a'],
  },
  {
    name: 'slash commands as workflow dispatches into another repository (R3)',
    on: 'issue_comment',
    steps: step('peter-evans/slash-command-dispatch@v4', { token: '${{ secrets.X_PAT }}', commands: 'deploy', 'dispatch-type': 'workflow', repository: 'octo/ops' }),
    verdict: false,
    needs: { contents: 'write', pull_requests: 'read', actions: 'write' },
    reason: /octo\/ops, another repository/,
  },
  {
    name: 'slash commands whose JSON config dispatches a command into another repository (R3)',
    on: 'issue_comment',
    steps: step('peter-evans/slash-command-dispatch@v4', { token: '${{ secrets.X_PAT }}', config: '>\n            [{ "command": "test", "permission": "admin", "repository": "octo/tests" },\n            { "command": "here", "permission": "admin" }]' }),
    verdict: false,
    needs: { contents: 'write', pull_requests: 'read' },
    reason: /octo\/tests, another repository/,
  },
  {
    name: 'cml registers a self-hosted runner: administration, which no `permissions:` key grants (R6)',
    steps: '      - run: cml runner launch --cloud=aws\n        env:\n          REPO_TOKEN: ${{ secrets.X_PAT }}',
    verdict: false,
    needs: { administration: 'write' },
    reason: /cml runner launch: no `permissions:` key grants `administration`/, codes: ['R6'],
  },
  {
    name: 'cml ci leaves the token in origin; a later step pushes there and CI listens (R1)',
    steps: '      - run: cml ci\n        env:\n          REPO_TOKEN: ${{ secrets.X_PAT }}\n      - run: dvc repro && git commit -am metrics && git push',
    extra: CI,
    verdict: false,
    needs: { contents: 'write' },
    reason: /cml ci/, codes: ['R1'],
  },
  {
    name: 'cml publish uploads images elsewhere; the comment is on this repository',
    on: 'pull_request',
    steps: '      - run: |\n          cml publish plot.png --md >> report.md\n          cml comment create report.md\n        env:\n          REPO_TOKEN: ${{ secrets.X_PAT }}',
    verdict: true,
    needs: { pull_requests: 'write', contents: 'read' },
  },
  { name: 'Renovate updates workflow pins, its own among them (R2)', steps: step('renovatebot/github-action@v43.0.8', { token: '${{ secrets.X_PAT }}' }), verdict: false, needs: { contents: 'write', pull_requests: 'write', issues: 'write', workflows: 'write' }, reason: /github-actions manager/, codes: ['R2'] },
  { name: 'an action pat-lint does not know', steps: step('someone/something@v1', { token: '${{ secrets.X_PAT }}' }), verdict: null, needs: {}, reason: /not in pat-lint's knowledge base/ },
  { name: 'an unknown action aimed at another repository', steps: step('someone/something@v1', { token: '${{ secrets.X_PAT }}', repository: 'octo/other' }), verdict: false, needs: {} },
  {
    name: 'github-script calling this repository',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.issues.addLabels({ ...context.repo, issue_number: 1, labels: [\'x\'] })"' }),
    extra: CI,
    verdict: true,
    needs: { issues: 'write' },
  },
  {
    name: 'github-script dispatching a workflow in another repository',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.actions.createWorkflowDispatch({ owner: \'octo\', repo: \'site\', workflow_id: \'d.yml\', ref: \'main\' })"' }),
    verdict: false,
    needs: { actions: 'write' },
  },
  {
    name: 'github-script dispatching in a sibling repository: this owner, another name (R3)',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.actions.createWorkflowDispatch({ owner: context.repo.owner, repo: \'ecosystem-ci\', workflow_id: \'d.yml\', ref: \'main\' })"' }),
    verdict: false,
    needs: { actions: 'write' }, codes: ['R3'],
  },
  {
    name: 'github-script with this repository spelled out through context.repo',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.actions.createWorkflowDispatch({ owner: context.repo.owner, repo: context.repo.repo, workflow_id: \'d.yml\', ref: \'main\' })"' }),
    verdict: true,
    needs: { actions: 'write' },
  },
  {
    name: 'github-script naming its repository through a variable',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.actions.createWorkflowDispatch({ owner: context.repo.owner, repo: target, workflow_id: \'d.yml\', ref: \'main\' })"' }),
    verdict: null,
    needs: { actions: 'write' },
  },
  {
    name: 'github-script with context.repo spread, then another name',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.rest.actions.createWorkflowDispatch({ ...context.repo, repo: \'site\', workflow_id: \'d.yml\', ref: \'main\' })"' }),
    verdict: false,
    needs: { actions: 'write' },
  },
  {
    name: 'github-script with owner and repo destructured from context.repo',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"const { owner, repo } = context.repo; await github.rest.issues.createComment({ owner: owner, repo, issue_number: 1, body: \'x\' })"' }),
    verdict: true,
    needs: { issues: 'write' },
  },
  {
    name: 'github-script whose repo variable is reassigned: unknown',
    steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"let { owner, repo } = context.repo; repo = \'docs\'; await github.rest.issues.createComment({ owner, repo, issue_number: 1, body: \'x\' })"' }),
    verdict: null,
    needs: { issues: 'write' },
  },
  { name: 'github-script with GraphQL', steps: step('actions/github-script@v7', { 'github-token': '${{ secrets.X_PAT }}', script: '"await github.graphql(\'query { viewer { login } }\')"' }), verdict: null, needs: {} },
  { name: 'a secret set through gh (R6)', steps: '      - run: gh secret set X --body y\n        env:\n          GH_TOKEN: ${{ secrets.X_PAT }}', verdict: false, needs: { secrets: 'write' }, codes: ['R6'] },
  { name: 'gh in this repository', steps: '      - run: gh issue edit 1 --add-label x\n        env:\n          GH_TOKEN: ${{ secrets.X_PAT }}', verdict: true, needs: { issues: 'write' } },
  { name: 'a script pat-lint cannot read', steps: '      - run: ./release.sh\n        env:\n          GH_TOKEN: ${{ secrets.X_PAT }}', verdict: null, needs: {} },
  {
    name: 'workflow env nobody reads',
    steps: '      - run: echo hi',
    verdict: true,
    needs: {},
    reason: /no step reads/,
  },
  { name: 'a reusable workflow decides for itself', steps: '', verdict: null, needs: {} },
]

function workflow(row: Row): string {
  if (row.name === 'a reusable workflow decides for itself') {
    return 'on: push\njobs:\n  call:\n    uses: octo/shared/.github/workflows/x.yml@v1\n    secrets:\n      token: ${{ secrets.X_PAT }}\n'
  }
  const env = row.name === 'workflow env nobody reads' ? 'env:\n  HIDDEN: ${{ secrets.X_PAT }}\n' : ''
  return `on: ${row.on ?? 'push'}\n${env}jobs:\n  j:\n    runs-on: ubuntu-latest\n${row.job ?? ''}    steps:\n${row.steps}\n`
}

describe.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
  it('has the expected verdict and needs', () => {
    const report = lintWorkflow(workflow(row), row.extra ?? {}, { repository: 'octo/app' })
    const token = report.tokens.find((t) => t.secret === 'X_PAT')
    expect(token).toBeDefined()
    const use = token!.uses[0]
    expect(use.githubTokenWouldDo).toBe(row.verdict)
    expect(use.needs).toEqual(row.needs)
    if (row.reason) expect(use.reasons.join('\n')).toMatch(row.reason)
    if (row.codes) expect(use.reasonCodes.flat()).toEqual(expect.arrayContaining(row.codes))
    expect(use.reasonCodes).toHaveLength(use.reasons.length)
    expect(use.reasons.length).toBeGreaterThan(0)
  })
})

describe('knowledge a repository adds about its own actions', () => {
  const wf = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: octo/deployer@v2\n        with:\n          deploy-token: ${{ secrets.DEPLOY_PAT }}\n          target: octo/site\n'
  it('is unknown without it', () => {
    const use = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBeNull()
  })

  it('decides with it: the input that names the repository, the permissions, GITHUB_TOKEN unable', () => {
    const req = `version: 1
actions:
  octo/deployer:
    token-inputs: [deploy-token]
    permissions: { contents: write }
    repository-input: target
tokens: {}
`
    const use = lintWorkflow(wf, { '.github/pat-requirements.yml': req }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.needs).toEqual({ contents: 'write' })
    expect(use.reasons.join(' ')).toMatch(/octo\/site, another repository/)
  })

  it('a same-repository action the repository says GITHUB_TOKEN can serve', () => {
    const req = 'version: 1\nactions:\n  octo/deployer:\n    token-inputs: [deploy-token]\n    permissions: { deployments: write }\n'
    const use = lintWorkflow(wf.replace('          target: octo/site\n', ''), { '.github/pat-requirements.yml': req }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ deployments: 'write' })
  })
})

describe("a composite action's other inputs take the literal its caller gives", () => {
  const action = 'name: x\ninputs:\n  token:\n    required: true\n  repo:\n    required: false\nruns:\n  using: composite\n  steps:\n    - run: gh issue comment 1 -b hi -R "${{ inputs.repo }}"\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.token }}\n'
  const caller = (repo: string | null) => `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/comment\n        with:\n          token: \${{ secrets.X_PAT }}\n${repo === null ? '' : `          repo: ${repo}\n`}`
  const use = (repo: string | null) => lintWorkflow(caller(repo), { '.github/actions/comment/action.yml': action }, { repository: 'octo/app' }).tokens[0].uses[0]
  it.each<[string, string | null, boolean | null]>([
    ['another repository named by the caller (R3)', 'octo/docs', false],
    ['this repository named by the caller', 'octo/app', true],
    ['nothing given: the repository is not known', null, null],
    ['an expression given: not known either', '${{ vars.REPO }}', null],
  ])('%s', (_name, repo, verdict) => {
    expect(use(repo).githubTokenWouldDo).toBe(verdict)
  })
})

describe('local composite actions and reusable workflows are followed', () => {
  const composite = `runs:
  using: composite
  steps:
    - run: gh issue comment "$N" --body hi
      shell: bash
      env:
        GH_TOKEN: \${{ inputs.token }}
        N: 1
    - run: |
        curl -X POST -H "Authorization: token \${{ inputs.token }}" https://api.github.com/repos/octo/docs/dispatches -d '{}'
      shell: bash
`
  it('a composite action: its steps that read the input decide', () => {
    const wf = 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/notify\n        with:\n          token: ${{ secrets.NOTIFY_PAT }}\n'
    const use = lintWorkflow(wf, { '.github/actions/notify/action.yml': composite }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.needs).toEqual({ issues: 'write', contents: 'write' })
    expect(use.reasons.join(' ')).toMatch(/octo\/docs, another repository/)
  })

  it('a composite action\'s step that leaves the input\'s token in a remote: the action\'s later pushes use it', () => {
    const action = 'runs:\n  using: composite\n  steps:\n    - run: git remote set-url origin "https://x:${{ inputs.token }}@github.com/octo/site.git"\n      shell: bash\n    - run: git push origin HEAD\n      shell: bash\n'
    const wf = 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/publish\n        with:\n          token: ${{ secrets.SITE_PAT }}\n'
    const use = lintWorkflow(wf, { '.github/actions/publish/action.yml': action }, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.reasons.some((r) => /^a push by the run step at line 6 .* acts on octo\/site/.test(r))).toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
  })

  it('local actions calling local actions: each is read once, each call counted once, and past 4 levels the use says so', () => {
    const chain = (names: string[], n: number) =>
      Object.fromEntries(names.map((name, k) => {
        const next = names[k + 1]
        const steps = next
          ? Array.from({ length: n }, () => `    - uses: ./.github/actions/${next}\n      with:\n        token: \${{ inputs.token }}\n`).join('')
          : '    - run: gh api -X POST repos/octo/docs/dispatches\n      shell: bash\n      env:\n        GH_TOKEN: ${{ inputs.token }}\n'
        return [`.github/actions/${name}/action.yml`, `runs:\n  using: composite\n  steps:\n${steps}`]
      }))
    const wf = 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/a\n        with:\n          token: ${{ secrets.CHAIN_PAT }}\n'
    // Four levels, each calling the next 30 times: 27,000 paths to one call, counted once.
    const deep = lintWorkflow(wf, chain(['a', 'b', 'c', 'd'], 30), { repository: 'octo/app' }).tokens[0].uses[0]
    expect(deep.reasons.filter((r) => /octo\/docs/.test(r))).toHaveLength(1)
    expect(deep.githubTokenWouldDo).toBe(false)
    const deeper = lintWorkflow(wf, chain(['a', 'b', 'c', 'd', 'e'], 2), { repository: 'octo/app' }).tokens[0].uses[0]
    expect(deeper.reasons).toEqual(['./.github/actions/e is a local action 4 levels down: pat-lint follows local actions no deeper'])
  })

  it('a local reusable workflow: its uses of the secret it receives decide, and its parameter is no token of its own', () => {
    const called = 'on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  d:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${{ secrets.token }}\n          repository: octo/docs\n          event-type: go\n'
    const caller = 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/called.yml\n    secrets:\n      token: ${{ secrets.DISPATCH_PAT }}\n'
    const report = lintWorkflow(caller, { '.github/workflows/called.yml': called }, { repository: 'octo/app' })
    expect(report.tokens.map((t) => t.secret)).toEqual(['DISPATCH_PAT'])
    const use = report.tokens[0].uses[0]
    expect(use.kind).toBe('reusable-workflow')
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.needs).toEqual({ contents: 'write' })
    expect(use.reasons[0]).toMatch(/^\.github\/workflows\/called\.yml:12: /)
  })

  it('a reusable workflow called from elsewhere: its parameter is reported but not as undeclared', () => {
    const called = 'on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  d:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.token }}\n'
    const report = lintWorkflow(called, {}, { repository: 'octo/app' })
    expect(report.tokens.map((t) => t.secret)).toEqual(['TOKEN'])
    expect(report.findings.filter((f) => f.rule === 'undeclared-pat')).toEqual([])
  })
})

describe('steps that depend on other steps of the job', () => {
  const wf = (steps: string) => `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}\n`
  const checkoutOf = (repository: string) => step('actions/checkout@v4', { repository, token: '${{ secrets.X_PAT }}', 'persist-credentials': 'false' })
  const targetOf = (workflow: string) => lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens[0].repositories

  it('`${{ env.REPO || github.repository }}` is this repository unless something defines REPO (env, or a NAME= written to $GITHUB_ENV)', () => {
    const fallback = checkoutOf("${{ env.REPO || github.repository }}")
    expect(targetOf(wf(fallback))).toEqual([])
    expect(lintWorkflow(wf(fallback), {}, { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBe(true)
    expect(targetOf(wf(`      - run: echo "MY_REPO=octo/lib" >> $GITHUB_ENV\n${fallback}`))).toEqual([])
    const written = lintWorkflow(wf(`      - run: echo "REPO=octo/lib" >> "$GITHUB_ENV"\n${fallback}`), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(written.githubTokenWouldDo).toBeNull()
  })

  it('create-pull-request at a `path:` acts on the repository the last checkout before it put there', () => {
    const cpr = step('peter-evans/create-pull-request@v7', { path: 'lib', token: '${{ secrets.X_PAT }}' })
    const checkoutAt = (repository: string) => step('actions/checkout@v4', { repository, path: 'lib' })
    expect(targetOf(wf(`${checkoutAt('octo/old')}\n${checkoutAt('octo/lib')}\n${cpr}\n${checkoutAt('octo/later')}`))).toEqual(['octo/lib'])
    expect(targetOf(wf(`${cpr}\n${checkoutAt('octo/later')}`))).toEqual([])
  })
})

describe('token-level verdicts', () => {
  it("classic scopes an action documents are taken at their word; the rest of the token's needs still ask for repo", () => {
    const winget = '      - uses: vedantmgoyal9/winget-releaser@v2\n        with:\n          identifier: Octo.App\n          token: ${{ secrets.WINGET_PAT }}\n'
    const push = '      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.WINGET_PAT }}\n      - run: git push origin HEAD:main\n'
    const wf = (steps: string) => `on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`
    // winget-releaser documents `public_repo` (microsoft/winget-pkgs is public): not `repo`.
    expect(lintWorkflow(wf(winget), {}, { repository: 'octo/app' }).tokens[0].minimalScopes).toEqual(['public_repo'])
    // A push to this repository, whose visibility pat-lint cannot see, needs repo (which implies public_repo).
    expect(lintWorkflow(wf(winget + push), {}, { repository: 'octo/app' }).tokens[0].minimalScopes).toEqual(['repo'])
  })
  it('a token reaching repositories of two owners cannot be one fine-grained token (R18)', () => {
    const wf = 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n' +
      ['octo/docs', 'other-org/site'].map((r) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.MULTI_PAT }}\n          repository: ${r}\n          event-type: go\n`).join('')
    const t = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0]
    expect(t.fineGrainedPossible).toBe(false)
    expect(t.repositories).toEqual(['octo/docs', 'other-org/site'])
    expect(t.minimalScopes).toEqual(['repo'])
  })

  it('push-to-fork reaches the fork and the parent: one fine-grained token cannot serve two owners (create-pull-request docs)', () => {
    const cpr = (fork: string) => `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${step('peter-evans/create-pull-request@v7', { token: '${{ secrets.X_PAT }}', 'push-to-fork': fork })}\n`
    const other = lintWorkflow(cpr('bot/app'), {}, { repository: 'octo/app' }).tokens[0]
    expect(other.repositories).toEqual(['bot/app'])
    expect(other.fineGrainedPossible).toBe(false)
    const same = lintWorkflow(cpr('octo/app-fork'), {}, { repository: 'octo/app' }).tokens[0]
    expect(same.repositories).toEqual(['octo/app-fork'])
    expect(same.fineGrainedPossible).toBe(true)
    expect(same.minimal).toEqual({ contents: 'write', pull_requests: 'write', workflows: 'write' })
  })

  it("a push to the pull request's head repository may go to a contributor's fork: not GITHUB_TOKEN, and only a classic token (R11, R18)", () => {
    const wf = (after: string) => `on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n${step('actions/checkout@v4', { repository: '${{ github.event.pull_request.head.repo.full_name }}', ref: '${{ github.event.pull_request.head.ref }}', token: '${{ secrets.X_PAT }}' })}\n${after}`
    const pushed = lintWorkflow(wf('      - run: git commit -am fix && git push\n'), {}, { repository: 'octo/app' }).tokens[0]
    expect(pushed.githubTokenWouldDo).toBe(false)
    expect(pushed.uses[0].reasonCodes.flat()).toContain('R11')
    expect(pushed.fineGrainedPossible).toBe(false)
    // Reading it only: a fork of a public repository is public, so this stays open.
    expect(lintWorkflow(wf('      - run: make test\n'), {}, { repository: 'octo/app' }).tokens[0].uses[0].githubTokenWouldDo).toBeNull()
  })

  it('one owner: fine-grained is possible, and the minimal set is the union at the highest level', () => {
    const wf = 'on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          repository: octo/lib\n          token: ${{ secrets.ONE_PAT }}\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${{ secrets.ONE_PAT }}\n          repository: octo/lib\n          event-type: go\n'
    const t = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0]
    expect(t.fineGrainedPossible).toBe(true)
    expect(t.minimal).toEqual({ contents: 'write' })
    expect(t.githubTokenWouldDo).toBe(false)
  })
})

describe('pushes by later steps, with a credential a step leaves behind', () => {
  const job = (steps: string[]) => `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps.map((s) => `      - run: ${s}\n`).join('')}`
  /** The later pushes each token's use is given, as the lines of the pushing steps. */
  const pushLines = (wf: string) =>
    Object.fromEntries(lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens.map((t) => [t.secret, t.uses.flatMap((u) => u.reasons.flatMap((r) => [...r.matchAll(/a push by the run step at line (\d+)/g)].map((m) => Number(m[1]))))]))

  it('a remote set again with another token: pushes after that use the new one', () => {
    const wf = job([
      'git remote set-url origin "https://x:${{ secrets.A_PAT }}@github.com/octo/app.git"',
      'git push origin HEAD:one',
      'git remote set-url origin "https://x:${{ secrets.B_PAT }}@github.com/octo/app.git"',
      'git push origin HEAD:two',
    ])
    expect(pushLines(wf)).toEqual({ A_PAT: [7], B_PAT: [9] })
  })

  it('a token in one remote reaches pushes to that remote only', () => {
    const wf = job(['git remote add docs "https://x:${{ secrets.A_PAT }}@github.com/octo/docs.git"', 'git push origin HEAD', 'git push docs HEAD:main', 'git push https://github.com/octo/other.git HEAD'])
    expect(pushLines(wf)).toEqual({ A_PAT: [8] })
  })

  it('a later push to a remote named at run time may be the remote holding the token: unknown, not a push elsewhere', () => {
    const wf = job(['git remote add docs "https://x:${{ secrets.A_PAT }}@github.com/octo/docs.git"', 'git push "$REMOTE" HEAD:main', 'git push "docs" HEAD:x'])
    const use = lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.reasons.filter((r) => /line \d+/.test(r))).toEqual([
      'the run step at line 7 pushes to a remote named at run time ("$REMOTE"): it may be docs, whose URL carries the token',
      'a push by the run step at line 8 (with remote docs set to a URL carrying the token) acts on octo/docs, another repository: GITHUB_TOKEN reaches only its own (R3)',
    ])
    expect(use.githubTokenWouldDo).toBe(false)
  })

  describe('a checkout at a path leaves its token in that repository only', () => {
    const checkout = (path: string, secret = 'A_PAT') => `      - uses: actions/checkout@v4\n        with:\n          repository: octo/tap\n          path: ${path}\n          token: \${{ secrets.${secret} }}\n`
    const wf = (steps: string) => `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`
    const pushes = (workflow: string) => pushLines(workflow)

    it('pushes run inside it (cd, pushd, git -C, working-directory, a subdirectory) use it; pushes elsewhere do not', () => {
      const steps = [
        checkout('tap'),
        '      - run: git push\n', // line 11: the workspace's repository
        '      - run: cd tap && git push\n', // 12
        '      - run: git -C tap push\n', // 13
        '      - run: git push\n        working-directory: tap/Formula\n', // 14
        '      - run: |\n          pushd ./tap\n          git push\n', // 16
        '      - run: cd tap && cd .. && git push\n', // 19
        '      - run: cd other && git push\n', // 20
      ]
      expect(pushes(wf(steps.join('')))).toEqual({ A_PAT: [12, 13, 14, 16] })
    })

    it('the job\'s default working directory counts; a later checkout at the same path replaces the token', () => {
      const withDefault = `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    defaults:\n      run:\n        working-directory: tap\n    steps:\n${checkout('tap')}      - run: git push\n`
      expect(pushes(withDefault)).toEqual({ A_PAT: [14] })
      expect(pushes(wf(`${checkout('./tap')}${checkout('tap', 'B_PAT')}      - run: cd tap && git push\n`))).toEqual({ A_PAT: [], B_PAT: [16] })
    })

    it('a path the files do not show is said, not guessed', () => {
      const use = lintWorkflow(wf(`${checkout('${{ env.DIR }}')}      - run: git push\n`), {}, { repository: 'octo/app' }).tokens[0].uses[0]
      expect(use.reasons).toContain('the token is persisted in the repository checked out at ${{ env.DIR }}, a path the files do not show: later pushes from it are not followed')
      expect(use.githubTokenWouldDo).toBeNull()
    })
  })

  it('past 5, later scripts that may push are counted, not listed', () => {
    const scripts = Array.from({ length: 8 }, (_, i) => `./deploy${i}.sh`)
    const use = lintWorkflow(job(['git remote set-url origin "https://x:${{ secrets.A_PAT }}@github.com/octo/app.git"', ...scripts]), {}, { repository: 'octo/app' }).tokens[0].uses[0]
    expect(use.reasons.filter((r) => /may push with the token left behind/.test(r))).toEqual([
      ...[7, 8, 9, 10, 11].map((line) => `the script run at line ${line} may push with the token left behind`),
      '3 more later steps, up to line 14, may push with the token left behind',
    ])
  })

  it('a credential for all of github.com is not replaced by a remote set with another token', () => {
    const wf = job([
      'echo "https://x:${{ secrets.A_PAT }}@github.com" > ~/.git-credentials && git config --global credential.helper store',
      'git remote set-url upstream "https://x:${{ secrets.B_PAT }}@github.com/octo/up.git"',
      'hexo deploy',
    ])
    expect(pushLines(wf)).toEqual({ A_PAT: [8], B_PAT: [] })
  })
})
