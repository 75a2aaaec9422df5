import { cleanRepos, lintWorkflow, useSummary, yaml, makeRepo, posOf } from '../helpers.js'
import { lintRepo as lint } from '../helpers.js'

afterAll(cleanRepos)

describe('token flows: each kind of use, at the secret reference itself', () => {
  it('with: input', () => {
    const wf = yaml`
      on: push
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                token: ${'${{ secrets.DEPLOY_PAT }}'}
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`DEPLOY_PAT with ${posOf(wf, 'secrets.DEPLOY_PAT')}`])
    const use = r.tokens[0].uses[0]
    expect(use).toMatchObject({ job: 'build', step: 'actions/checkout@v4', target: 'actions/checkout@v4', input: 'token', githubTokenWouldDo: true })
    expect(use.needs).toEqual({ contents: 'read' })
    expect(r.tokens[0].recognisedBy[0].how).toBe('token-input')
  })

  it('env at workflow, job and step level, with the steps that read it', () => {
    const wf = yaml`
      on: push
      env:
        GH_TOKEN: ${'${{ secrets.WF_PAT }}'}
      jobs:
        a:
          runs-on: ubuntu-latest
          env:
            GITHUB_TOKEN: ${'${{ secrets.JOB_PAT }}'}
          steps:
            - run: gh pr list
            - name: push
              run: |
                echo start
                git push "https://x:$PUSH_CRED@github.com/o/r"
              env:
                PUSH_CRED: ${'${{ secrets.STEP_PAT }}'}
            - run: echo "$GH_TOKEN" | wc -c
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r).sort()).toEqual([`JOB_PAT env ${posOf(wf, 'secrets.JOB_PAT')}`, `STEP_PAT env ${posOf(wf, 'secrets.STEP_PAT')}`, `WF_PAT env ${posOf(wf, 'secrets.WF_PAT')}`].sort())
    const wfUse = r.tokens.find((t) => t.secret === 'WF_PAT')!.uses[0]
    expect(wfUse.job).toBeNull()
    // gh reads GH_TOKEN by itself; the echo reads it visibly; the push step does not.
    const lineOf = (needle: string) => Number(posOf(wf, needle).split(':')[0])
    expect(wfUse.readBy?.map((s) => s.line)).toEqual([lineOf('- run: gh pr list'), lineOf('- run: echo')])
    const step = r.tokens.find((t) => t.secret === 'STEP_PAT')!
    expect(step.uses[0].readBy?.map((s) => s.step)).toEqual(['push'])
    expect(step.recognisedBy.map((x) => x.how)).toContain('github-script')
  })

  it('inside a multi-line run block, with the exact line and column', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: |
                set -e
                gh api repos/o/r/dispatches -f event_type=x \\
                  -H "Authorization: token ${'${{ secrets.API_PAT }}'}"
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`API_PAT run ${posOf(wf, 'secrets.API_PAT')}`])
  })

  it('token inside a git URL', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: git clone https://x-access-token:${'${{ secrets.CLONE_SECRET }}'}@github.com/o/r
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`CLONE_SECRET git-url ${posOf(wf, 'secrets.CLONE_SECRET')}`])
    expect(r.tokens[0].recognisedBy[0].how).toBe('git-url')
  })

  it('reusable-workflow secrets: mapping and secrets: inherit', () => {
    const wf = yaml`
      on: push
      jobs:
        call:
          uses: o/r/.github/workflows/x.yml@v1
          secrets:
            token: ${'${{ secrets.CALL_PAT }}'}
        all:
          uses: ./.github/workflows/y.yml
          secrets: inherit
    `
    const r = lintWorkflow(wf, { '.github/pat-requirements.yml': 'version: 1\ntokens:\n  OTHER_PAT:\n    type: fine-grained\n    expires-in: 30\n' })
    expect(useSummary(r)).toEqual([`CALL_PAT reusable-workflow ${posOf(wf, 'secrets.CALL_PAT')}`])
    expect(r.tokens.find((t) => t.secret === 'CALL_PAT')!.uses[0].target).toBe('o/r/.github/workflows/x.yml@v1')
    // OTHER_PAT may ride along with `secrets: inherit`: unused-pat drops to a note.
    const unused = r.findings.find((f) => f.rule === 'unused-pat')!
    expect(unused.severity).toBe('note')
    expect(unused.message).toContain('secrets: inherit')
  })

  it("secrets['X'], toJSON(secrets) and a fallback to github.token", () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/github-script@v7
              with:
                github-token: ${"${{ secrets['SCRIPT_PAT'] || github.token }}"}
                script: console.log(1)
            - run: echo '${'${{ toJSON(secrets) }}'}' > /dev/null
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`SCRIPT_PAT with ${posOf(wf, "secrets['SCRIPT_PAT']")}`])
    expect(r.tokens[0].uses[0].fallbackToGithubToken).toBe(true)
  })

  it('secrets[matrix.key] is each secret the matrix lists for the key (GitHub expands the matrix before the run)', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          strategy:
            matrix:
              include:
                - token_secret: RELEASE_PAT
                - token_secret: ''
          steps:
            - uses: actions/checkout@v4
              with:
                token: ${'${{ secrets[matrix.token_secret] }}'}
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`RELEASE_PAT with ${posOf(wf, 'secrets[matrix')}`])
    expect(r.findings.filter((f) => f.rule === 'whole-secrets-context')).toEqual([])
  })

  it('${{ env.X }} is followed back to the binding that holds the secret', () => {
    const wf = yaml`
      on: push
      env:
        BOT: ${'${{ secrets.BOT_PAT }}'}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: peter-evans/repository-dispatch@v3
              with:
                token: ${'${{ env.BOT }}'}
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`BOT_PAT env ${posOf(wf, 'secrets.BOT_PAT')}`, `BOT_PAT with ${posOf(wf, 'env.BOT ')}`])
    const viaEnv = r.tokens[0].uses[1]
    expect(viaEnv.via).toBe('env.BOT')
    expect(r.tokens[0].uses[0].readBy?.map((s) => s.line)).toEqual([8])
  })

  it('container credentials and other places are kept, not lost', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          container:
            image: ghcr.io/o/img
            credentials:
              username: me
              password: ${'${{ secrets.GHCR_PAT }}'}
          steps:
            - run: true
    `
    const r = lintWorkflow(wf)
    expect(useSummary(r)).toEqual([`GHCR_PAT container-credentials ${posOf(wf, 'secrets.GHCR_PAT')}`])
  })

  it('GITHUB_TOKEN and github.token are not personal access tokens', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                token: ${'${{ secrets.GITHUB_TOKEN }}'}
            - run: gh pr list
              env:
                GH_TOKEN: ${'${{ github.token }}'}
    `
    const r = lintWorkflow(wf)
    expect(r.tokens).toEqual([])
  })

  it('tokens of other services are not GitHub credentials', () => {
    const wf = yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: codecov/codecov-action@v4
              with:
                token: ${'${{ secrets.CODECOV_TOKEN }}'}
            - run: npm publish
              env:
                NODE_AUTH_TOKEN: ${'${{ secrets.NPM_TOKEN }}'}
            - uses: some/unknown-action@v1
              with:
                slack_token: ${'${{ secrets.SLACK_BOT_TOKEN }}'}
    `
    const r = lintWorkflow(wf)
    expect(r.tokens).toEqual([])
  })

  it('composite actions referenced by a workflow are linted too', () => {
    const action = 'runs:\n  using: composite\n  steps:\n    - run: echo "${{ inputs.x }"\n      shell: bash\n'
    const root = makeRepo({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./tools/act\n',
      'tools/act/action.yml': action,
    })
    const r = lint(root)
    expect(r.files).toEqual(['.github/workflows/ci.yml', 'tools/act/action.yml'])
    expect(r.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`)).toEqual([`workflow-error tools/act/action.yml:${posOf(action, '${{')}`])
  })
})
