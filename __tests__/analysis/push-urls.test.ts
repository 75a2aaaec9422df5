/**
 * A token in a push URL is used by the push, however the URL names this repository: the runner's
 * variables ($GITHUB_REPOSITORY, $GITHUB_SERVER_URL) and contexts (github.repository,
 * github.server_url) are how most workflows spell it. Removing such a token breaks the release.
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

function useOf(run: string, env = '') {
  const workflow = `on: workflow_dispatch\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${JSON.stringify(run)}\n${env ? `        env:\n          ${env}\n` : ''}`
  const report = lintWorkflow(workflow, {}, { repository: 'octo/app' })
  return report.tokens[0]?.uses[0]
}

describe('a token in a push URL reaches the push', () => {
  it.each([
    ['$GITHUB_REPOSITORY in braces', 'git push "https://x-access-token:${T}@github.com/${GITHUB_REPOSITORY}.git" HEAD:main', 'T: ${{ secrets.RELEASE_PAT }}'],
    ['$GITHUB_REPOSITORY bare', 'git push https://x-access-token:$T@github.com/$GITHUB_REPOSITORY', 'T: ${{ secrets.RELEASE_PAT }}'],
    ['github.repository', 'git push "https://x-access-token:${{ secrets.RELEASE_PAT }}@github.com/${{ github.repository }}.git"', ''],
    ['$GITHUB_SERVER_URL without its scheme', 'git push "https://oauth2:${T}@${GITHUB_SERVER_URL#https://}/$GITHUB_REPOSITORY"', 'T: ${{ secrets.RELEASE_PAT }}'],
    ['a remote set to such a URL', 'git remote set-url origin "https://x:${T}@github.com/${GITHUB_REPOSITORY}" && git push origin main', 'T: ${{ secrets.RELEASE_PAT }}'],
  ])('%s', (_what, run, env) => {
    const use = useOf(run, env)
    expect(use.githubTokenWouldDo).not.toBe(true)
    expect(use.needs).toEqual({ contents: 'write' })
    expect(use.reasons.join(' ')).not.toMatch(/does not use the token/)
  })

  it('a URL whose host is named at run time is undecided, not unused', () => {
    const use = useOf('git push "https://x:${T}@${HOST}/octo/app"', 'T: ${{ secrets.RELEASE_PAT }}')
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join(' ')).toMatch(/only known at run time/)
  })

  it('a token in a URL of another host is not GitHub\'s', () => {
    expect(useOf('git push "https://x:${T}@gitlab.com/octo/app"', 'T: ${{ secrets.MIRROR_SECRET }}')).toBeUndefined()
  })

  it('a variable git does not read is not used by a push', () => {
    const use = useOf('git push "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY"', 'GIT_TOKEN: ${{ secrets.UNUSED_PAT }}')
    expect(use.githubTokenWouldDo).toBe(true)
  })
})
