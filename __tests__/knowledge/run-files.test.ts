/** Which repository programs a script runs, and what a program's text says about git push. */
import { filesRun, RUNS_GIT_PUSH } from '../../src/knowledge/run-files.js'

describe('filesRun', () => {
  it.each<[string, string[]]>([
    ['node -r esbuild-register tools/x.ts 12', ['tools/x.ts']],
    ['node --import tsx scripts/a.mts', ['scripts/a.mts']],
    ['python3 -u scripts/update.py --all', ['scripts/update.py']],
    ['bash ./ci/publish.sh', ['ci/publish.sh']],
    ['chmod +x ./tools/commit.sh\n./tools/commit.sh', ['tools/commit.sh']],
    ['npm ci && ./scripts/sync', ['scripts/sync']],
    ['if true; then ./go.sh; fi', ['go.sh']],
    ['cat ./notes.txt; python -m build', []],
    ['echo node tools/x.js', ['tools/x.js']],
  ])('%j', (script, paths) => {
    expect(filesRun(script).map((f) => f.path)).toEqual(paths)
  })
})

describe('RUNS_GIT_PUSH', () => {
  it.each<[string, boolean]>([
    ['git push origin HEAD', true],
    ['git -C repo push', true],
    ['spawnSync("git", ["push"])', true],
    ["run(['git', 'push', '--tags'])", true],
    ['execa(`git`, [`push`])', true],
    ['git pull && git status', false],
    ['console.log("git is great; push on")', false],
    ['github push notifications', false],
  ])('%j', (text, pushes) => {
    expect(RUNS_GIT_PUSH.test(text)).toBe(pushes)
  })
})
