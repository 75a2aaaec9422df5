/** Small workflows and requirements files the rule tests build their cases from. */

/** A workflow whose one step checks this repository out with `secret`. */
export const WF_USING = (secret: string, extra = '') =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: \${{ secrets.${secret} }}${extra}\n`
export const REQ = (body: string) => `version: 1\ntokens:\n${body}`
export const TOKEN = (name: string, fields: string) => `  ${name}:\n${fields.split('\n').map((l) => `    ${l}`).join('\n')}\n`
/** A fine-grained declaration that fits WF_USING. */
export const FG = 'type: fine-grained\nowner: o\nrepositories: [o/r]\nexpires-in: 30\npermissions:\n  contents: read'
/** A dispatch to `repo` with D_PAT: another repository needs the PAT (R3). */
export const DISPATCH = (repo: string) =>
  `on: workflow_dispatch\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: \${{ secrets.D_PAT }}\n          repository: ${repo}\n          event-type: go\n`
export const FG_DOCS = (perms: string) => `type: fine-grained\nowner: octo\nrepositories: [octo/docs]\nexpires-in: 30\npermissions:\n  ${perms}`
/** An organization project: organization automation (R5), where an App token fits. */
export const PROJECT = 'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/add-to-project@v1\n        with:\n          project-url: https://github.com/orgs/octo/projects/1\n          github-token: ${{ secrets.P_PAT }}\n'
/** Logs in to ghcr.io with PKG_PAT: GitHub Packages, classic tokens only (R9, R18). */
export const GHCR = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          password: ${{ secrets.PKG_PAT }}\n'

/** What a live check read of `secret` on 2026-12-06 at noon, with the fields given. */
export const LIVE = (secret: string, fields: Partial<import('../../src/types.js').LiveCheck> = {}): import('../../src/types.js').LiveCheck => ({
  secret,
  kind: 'classic',
  checkedAt: '2026-12-06T12:00:00.000Z',
  outcome: 'accepted',
  ...fields,
})
/** A scheduled workflow handing `secret` to pat-lint's live check, and nothing else. */
export const WF_LIVE = (secret: string) =>
  `on: schedule\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pat-lint/pat-lint@v1\n        with:\n          live-check: ${secret}\n        env:\n          ${secret}: \${{ secrets.${secret} }}\n`
/** A classic declaration for D_PAT (DISPATCH: needs `repo`). */
export const CLASSIC_REPO = 'type: classic\nexpires-in: 30\nscopes: [repo]'
