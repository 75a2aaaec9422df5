/**
 * Which secrets are GitHub credentials: only on evidence (a GitHub host, git, gh, a known
 * GitHub-token input, an input or variable named for GitHub), never because an unknown action's
 * input is called `token`. A GitHub App's key or id is never a PAT.
 */
import { cleanRepos, lintWorkflow, yaml } from '../helpers.js'

afterAll(cleanRepos)

function step(body: string): string {
  return yaml`
    on: push
    jobs:
      j:
        runs-on: ubuntu-latest
        steps:
  ` + body.split('\n').map((l) => `      ${l}`).join('\n') + '\n'
}

const tokensOf = (workflow: string) => lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens.map((t) => t.secret)

describe('other services\' credentials are left alone', () => {
  it.each([
    ['an unknown action\'s `token` input', '- uses: appleboy/telegram-action@v1\n  with:\n    token: ${{ secrets.TELEGRAM_SEND }}'],
    ['an unknown action\'s `api_token` input', '- uses: garnet/action@v1\n  with:\n    api_token: ${{ secrets.GARNET_API_TOKEN }}'],
    ['an unknown action\'s `project-token` input', '- uses: codacy/codacy-coverage-reporter-action@v1\n  with:\n    project-token: ${{ secrets.CODACY_PROJECT_TOKEN }}'],
    ['a Docker Hub login (no registry)', '- uses: docker/login-action@v3\n  with:\n    username: ${{ secrets.DOCKER_USERNAME }}\n    password: ${{ secrets.DOCKER_PASSWORD }}'],
    ['a login to another registry', '- uses: docker/login-action@v3\n  with:\n    registry: us-docker.pkg.dev\n    password: ${{ secrets.REGISTRY_KEY }}'],
    ['a name with BOT and TOKEN only', '- uses: some/notify@v1\n  with:\n    token: ${{ secrets.RELEASE_BOT_TOKEN }}'],
    ['CodSpeed', '- uses: CodSpeedHQ/action@v3\n  with:\n    token: ${{ secrets.CODSPEED_TOKEN }}'],
    ['a GitLab PAT in a variable named for GitLab', '- run: ./publish.sh\n  env:\n    PUBLISH_GITLAB_PAT: ${{ secrets.PUBLISH_SECRET }}'],
    ['a Docker Hub PAT named *_PAT, used only to log in to Docker Hub', '- uses: docker/login-action@v3\n  with:\n    username: u\n    password: ${{ secrets.OSS_DH_PAT }}'],
    ['a personal token in a variable named for the action\'s vendor (Crowdin\'s, read by crowdin/github-action)', '- uses: crowdin/github-action@v2\n  env:\n    CROWDIN_PERSONAL_TOKEN: ${{ secrets.CROWDIN_PERSONAL_TOKEN }}'],
  ])('%s', (_what, body) => {
    expect(tokensOf(step(body))).toEqual([])
  })
})

describe('GitHub credentials are recognised on evidence', () => {
  it('a variable named for the vendor and for GitHub, or for an owner of GitHub\'s, is still a GitHub token by name', () => {
    expect(tokensOf(step('- uses: hashicorp/setup-thing@v1\n  env:\n    HASHICORP_GITHUB_TOKEN: ${{ secrets.HASHICORP_GITHUB_TOKEN }}'))).toEqual(['HASHICORP_GITHUB_TOKEN'])
    expect(tokensOf(step('- uses: octokit/graphql-action@v2\n  env:\n    OCTOKIT_PERSONAL_TOKEN: ${{ secrets.OCTOKIT_PERSONAL_TOKEN }}'))).toEqual(['OCTOKIT_PERSONAL_TOKEN'])
    expect(tokensOf(step('- uses: some/notify@v1\n  env:\n    CROWDIN_PERSONAL_TOKEN: ${{ secrets.CROWDIN_PERSONAL_TOKEN }}'))).toEqual(['CROWDIN_PERSONAL_TOKEN'])
  })

  it('a gist token: Gist is GitHub\'s, by input or by name', () => {
    expect(tokensOf(step('- uses: some/share@v1\n  with:\n    session-gist-token: ${{ secrets.SHARE_SECRET }}'))).toEqual(['SHARE_SECRET'])
    expect(tokensOf(step('- uses: some/share@v1\n  with:\n    share: ${{ secrets.PI_SESSION_GIST_TOKEN }}'))).toEqual(['PI_SESSION_GIST_TOKEN'])
  })

  it.each([
    ['a known action\'s token input', '- uses: actions/checkout@v4\n  with:\n    token: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['an unknown action\'s `github-token` input', '- uses: some/action@v1\n  with:\n    github-token: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['an unknown action\'s `repo-token` input', '- uses: some/action@v1\n  with:\n    repo-token: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['a ghcr.io login', '- uses: docker/login-action@v3\n  with:\n    registry: ghcr.io\n    password: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['a ghcr.io login named through env', '- uses: docker/login-action@v3\n  env:\n    REGISTRY: ghcr.io\n  with:\n    registry: ${{ env.REGISTRY }}\n    password: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['a name that says GitHub', '- uses: some/notify@v1\n  with:\n    token: ${{ secrets.GH_RELEASE_TOKEN }}', 'GH_RELEASE_TOKEN'],
    ['a name that says PAT', '- uses: some/notify@v1\n  with:\n    token: ${{ secrets.RELEASE_PAT }}', 'RELEASE_PAT'],
    ['gh in a script', '- run: gh release create v1\n  env:\n    GH_TOKEN: ${{ secrets.WHATEVER }}', 'WHATEVER'],
    ['an input its action documents as a GitHub token (winget-releaser)', '- uses: vedantmgoyal2009/winget-releaser@v2\n  with:\n    identifier: a.b\n    token: ${{ secrets.WINGET_TOKEN }}', 'WINGET_TOKEN'],
  ])('%s', (_what, body, secret) => {
    expect(tokensOf(step(body))).toEqual([secret])
  })
})

describe('a GitHub App\'s credentials are not PATs', () => {
  const appStep = yaml`
    - uses: actions/create-github-app-token@v2
      id: app
      with:
        app-id: \${{ secrets.GH_APP_ID }}
        private-key: \${{ secrets.GH_APP_PRIVATE_KEY_TOKEN }}
    - uses: actions/checkout@v4
      with:
        token: \${{ steps.app.outputs.token }}
  `

  it('the key and id given to create-github-app-token are no tokens, whatever their names', () => {
    expect(tokensOf(step(appStep))).toEqual([])
  })

  it('nor is the key of an App-token action pat-lint does not know', () => {
    expect(tokensOf(step('- uses: tibdex/github-app-token@v2\n  with:\n    app_id: ${{ secrets.APP_ID }}\n    private_key: ${{ secrets.GH_APP_KEY_PAT }}'))).toEqual([])
  })

  it('no finding tells anyone to revoke or declare an App key', () => {
    const report = lintWorkflow(step(appStep), {}, { repository: 'octo/app' })
    expect(report.findings).toEqual([])
  })
})

describe('a ghcr.io login is credited to the secret that feeds it', () => {
  const workflow = step(yaml`
    - run: |
        echo "\${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u x --password-stdin
        echo "$HUB_PW" | docker login -u y --password-stdin
        docker push ghcr.io/octo/app
      env:
        HUB_PW: \${{ secrets.DOCKERHUB_PASSWORD }}
    - run: echo "$PW" | docker login ghcr.io -u x --password-stdin
      env:
        PW: \${{ secrets.PACKAGES_WRITER }}
  `)

  it('GITHUB_TOKEN logging in beside another secret makes that secret no GitHub token', () => {
    expect(tokensOf(workflow)).toEqual(['PACKAGES_WRITER'])
  })

  it('the secret piped into the login is recognised, with the packages permission', () => {
    const t = lintWorkflow(workflow, {}, { repository: 'octo/app' }).tokens[0]
    expect(t.uses[0].needs).toEqual({ packages: 'read' })
  })
})
