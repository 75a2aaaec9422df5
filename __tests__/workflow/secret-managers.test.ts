/** A credential fetched from a secrets manager reaches steps as a step output: it is followed as a secret is. */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const job = (manager: string, steps: string) => `on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - id: vault\n        uses: ${manager}\n        with:\n          secrets: secret/data/ci github_pat | GH_PAT\n${steps}`

describe('outputs of a secrets manager step', () => {
  it.each<[string, string, string, boolean | null]>([
    ['given to gh through env', 'hashicorp/vault-action@v3', '      - run: gh release create v1 --notes x\n        env:\n          GH_TOKEN: ${{ steps.vault.outputs.GH_PAT }}\n', null],
    ['given to a known action', 'hashicorp/vault-action@v3', '      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${{ steps.vault.outputs.GH_PAT }}\n          repository: octo/docs\n          event-type: go\n', false],
    ['written inline in a script', 'google-github-actions/get-secretmanager-secrets@v2', '      - run: |\n          curl -X POST -H "Authorization: token ${{ steps.vault.outputs.GH_PAT }}" https://api.github.com/repos/octo/docs/dispatches -d x\n', false],
  ])('%s', (_name, manager, steps, verdict) => {
    const r = lintWorkflow(job(manager, steps), {}, { repository: 'octo/app' })
    expect(r.tokens.map((t) => t.secret)).toEqual(['GH_PAT'])
    expect(r.tokens[0].uses[0].githubTokenWouldDo).toBe(verdict)
  })

  it('the output of any other step is not a credential', () => {
    const r = lintWorkflow(job('actions/cache@v4', '      - run: gh release create v1 --notes x\n        env:\n          GH_TOKEN: ${{ steps.vault.outputs.GH_PAT }}\n'), {}, { repository: 'octo/app' })
    expect(r.tokens).toEqual([])
  })

  it('an output read before the step that fetches it is not one', () => {
    const wf = 'on: workflow_dispatch\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh release create v1 --notes x\n        env:\n          GH_TOKEN: ${{ steps.vault.outputs.GH_PAT }}\n      - id: vault\n        uses: hashicorp/vault-action@v3\n'
    expect(lintWorkflow(wf, {}, { repository: 'octo/app' }).tokens).toEqual([])
  })
})
