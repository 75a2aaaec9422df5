/** What run scripts do with a token: one row per gh command, API call and git pattern. */
import fc from 'fast-check'
import { analyseScript, analyseScriptReadingAll, ENV_READERS_LISTED } from '../../src/analysis/script/analyse.js'
import { Memo } from '../../src/analysis/memo.js'

/** One run's caches for every script of this file, as one lint run has. */
const memo = new Memo()

const SELF = 'octo/app'
const run = (script: string, tokenVars: string[] = ['GH_TOKEN'], env: Record<string, string> = {}) => {
  const a = analyseScript(script, { memo, self: SELF, tokenVars: new Set(tokenVars), env })
  return {
    calls: a.calls.map((c) => ({ what: c.what, permissions: c.permissions, target: c.target.kind === 'other' ? c.target.repo : c.target.kind })),
    unknown: a.unknown.length,
    persists: (a.persists ?? []).length,
  }
}

describe('gh commands', () => {
  it.each<[string, string, Record<string, string>, string]>([
    ['pr create', 'gh pr create --fill', { pull_requests: 'write' }, 'same'],
    ['pr merge --auto', 'gh pr merge --auto --squash "$PR"', { pull_requests: 'write', contents: 'write' }, 'same'],
    ['pr merge', 'gh pr merge --squash 12', { pull_requests: 'read', contents: 'write' }, 'same'],
    ['pr comment', 'gh pr comment 1 --body hi', { pull_requests: 'write' }, 'same'],
    ['issue edit', 'gh issue edit 3 --add-label x', { issues: 'write' }, 'same'],
    ['issue create in another repository', 'gh issue create -R octo/other -t x -b y', { issues: 'write' }, 'octo/other'],
    ['workflow run --repo', 'gh workflow run deploy.yml --repo octo/site', { actions: 'write' }, 'octo/site'],
    ['release create', 'gh release create v1 --generate-notes', { contents: 'write' }, 'same'],
    ['secret set', 'gh secret set X --body y', { secrets: 'write' }, 'same'],
    ['pr review (by endpoint)', 'gh pr review 4 --approve', { pull_requests: 'write' }, 'same'],
    ['repo fork (by endpoint: administration with contents)', 'gh repo fork --clone=false', { administration: 'write', contents: 'read' }, 'same'],
  ])('%s', (_name, script, permissions, target) => {
    const r = run(script)
    expect(r.calls).toHaveLength(1)
    expect(r.calls[0].permissions).toEqual(permissions)
    expect(r.calls[0].target).toBe(target)
  })

  it('gh uses the token only when it is in GH_TOKEN or GITHUB_TOKEN (or logged in with it)', () => {
    expect(run('gh pr list', ['MY_PAT']).calls).toEqual([])
    expect(run('echo "$MY_PAT" | gh auth login --with-token\ngh pr list', ['MY_PAT']).calls).toHaveLength(1)
  })

  it('after gh auth setup-git, git pushes to github.com carry the token gh reads; without it, git has none of it', () => {
    const push = 'git remote add fork https://github.com/bot/app.git\ngit push fork HEAD:main'
    expect(run(`gh auth setup-git\n${push}`).calls).toEqual([{ what: expect.stringMatching(/git push/), permissions: { contents: 'write' }, target: 'bot/app' }])
    expect(run(push).calls).toEqual([])
    // gh reads GH_TOKEN or GITHUB_TOKEN, not any variable.
    expect(run(`gh auth setup-git\n${push}`, ['MY_PAT']).calls).toEqual([])
    // A remote the script does not set is undecided, not unused.
    expect(run('gh auth setup-git\ngit push bot main').calls).toEqual([{ what: expect.stringMatching(/git push/), permissions: { contents: 'write' }, target: 'unknown' }])
  })

  it.each<[string, string]>([
    ['gh repo sync bot/app --branch main --source octo/app --force', 'bot/app'],
    ['gh repo view octo/other --json name', 'octo/other'],
    ['gh repo sync --branch main', 'same'],
    ['gh repo clone mine', 'same'],
  ])('gh repo acts on the repository its first argument names: %s', (script, target) => {
    expect(run(script).calls.map((c) => c.target)).toEqual([target])
  })

  it('an unknown gh command is unknown, not guessed', () => {
    expect(run('gh codespace create')).toMatchObject({ calls: [], unknown: 1 })
  })
})

describe('gh api and curl', () => {
  it.each<[string, string, string, Record<string, string>, string]>([
    ['gh api default GET', 'gh api repos/octo/app/pulls', 'GET /repos/{owner}/{repo}/pulls', { pull_requests: 'read' }, 'same'],
    ['gh api POST by fields', 'gh api repos/octo/docs/dispatches -f event_type=x', 'POST /repos/{owner}/{repo}/dispatches', { contents: 'write' }, 'octo/docs'],
    ['gh api placeholders mean this repository', 'gh api -X POST repos/{owner}/{repo}/dispatches -f event_type=x', 'POST /repos/{owner}/{repo}/dispatches', { contents: 'write' }, 'same'],
    [
      'curl with -X',
      'curl -X POST -H "Authorization: token $GH_TOKEN" https://api.github.com/repos/octo/web/dispatches -d \'{"event_type":"x"}\'',
      'POST /repos/{owner}/{repo}/dispatches',
      { contents: 'write' },
      'octo/web',
    ],
    ['curl POST implied by data', 'curl -H "Authorization: Bearer ${GH_TOKEN}" -d "{}" "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/issues/1/comments"', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issues: 'write' }, 'same'],
    ['repository through the step env', 'curl -u x:$GH_TOKEN -X POST https://api.github.com/repos/$TARGET/dispatches', 'POST /repos/{owner}/{repo}/dispatches', { contents: 'write' }, 'octo/target'],
    ['org-level API', 'gh api orgs/octo/teams', 'GET /orgs/{org}/teams', { members: 'read' }, 'organization'],
  ])('%s', (_name, script, what, permissions, target) => {
    const r = run(script, ['GH_TOKEN'], { TARGET: 'octo/target' })
    expect(r.calls).toHaveLength(1)
    expect(r.calls[0].what).toBe(what)
    expect(r.calls[0].permissions).toEqual(permissions)
    expect(r.calls[0].target).toBe(target)
  })

  it('curl without the token is not a use of it', () => {
    expect(run('curl -X POST https://api.github.com/repos/octo/x/dispatches').calls).toEqual([])
  })

  it('GraphQL is unknown unless it is about Projects', () => {
    expect(run('gh api graphql -f query="query { viewer { login } }"')).toMatchObject({ calls: [], unknown: 1 })
    expect(run('gh api graphql -f query="mutation { addProjectV2ItemById(input: {}) { item { id } } }"').calls[0].permissions).toEqual({ organization_projects: 'write' })
  })
})

describe('git', () => {
  it.each<[string, string, string[], Record<string, string>[], string[]]>([
    ['clone with the token in the URL', 'git clone https://x-access-token:${{ secrets.X }}@github.com/octo/lib.git', [], [{ contents: 'read' }], ['octo/lib']],
    ['push to a URL with the token', 'git push https://$PUSH@github.com/octo/site.git HEAD:main', ['PUSH'], [{ contents: 'write' }], ['octo/site']],
    ['clone then push to its origin', 'git clone https://$T@github.com/octo/b.git\ncd b\ngit commit -am x\ngit push', ['T'], [{ contents: 'read' }, { contents: 'write' }], ['octo/b', 'octo/b']],
    ['rebase then push may carry workflow files', 'git remote set-url origin https://x:$T@github.com/octo/app\ngit rebase origin/main\ngit push -f', ['T'], [{ contents: 'write', workflows: 'write' }], ['same']],
    ['a plain push does not use a token held in env', 'git push', ['T'], [], []],
    ['a variable name that is not a loop stays unknown', 'git clone https://$T@github.com/octo/$NAME.git', ['T'], [{ contents: 'read' }], ['unknown']],
    ['a loop binds only the names on its own line', 'while read LINE\ndo\n  git clone https://$T@github.com/octo/$do.git\ndone < x', ['T'], [{ contents: 'read' }], ['unknown']],
  ])('%s', (_name, script, vars, permissions, targets) => {
    const r = run(script, vars)
    expect(r.calls.map((c) => c.permissions)).toEqual(permissions)
    expect(r.calls.map((c) => c.target)).toEqual(targets)
  })

  it.each([
    ['while read', 'while read REPO; do\n  git clone https://$T@github.com/octo/$REPO.git\ndone < list.txt'],
    ['while IFS= read -r', 'while IFS= read -r REPO; do git clone "https://$T@github.com/octo/${REPO}.git"; done < list.txt'],
    ['for … in', 'for REPO in a b c; do git clone https://$T@github.com/octo/$REPO; done'],
  ])('a repository named by a loop variable (%s) is several repositories, so another one (R3)', (_name, script) => {
    const [call] = run(script, ['T']).calls
    expect(call.target).toMatch(/^octo\/\$\{?REPO\}? \(several repositories, one per pass of the loop over \$REPO\)$/)
  })

  it('a token stored for later steps is reported as persisting', () => {
    expect(run('echo "https://u:$T@github.com" > ~/.git-credentials\ngit config --global credential.helper store', ['T']).persists).toBe(1)
    expect(run('echo "$KEY" > ~/.ssh/id_rsa', ['KEY']).persists).toBe(1)
  })
})

describe('other programs', () => {
  it('docker login to ghcr.io needs packages, which only classic tokens have', () => {
    const a = analyseScript('echo $T | docker login ghcr.io -u me --password-stdin\ndocker push ghcr.io/octo/app:1', { memo, self: SELF, tokenVars: new Set(['T']), env: {} })
    expect(a.calls[0].permissions).toEqual({ packages: 'write' })
    expect(a.calls[0].classicOnly?.codes).toEqual(['R9', 'R18'])
  })

  it('a program that may read the token is unknown; package installs and inert commands are not', () => {
    expect(run('./deploy.sh').unknown).toBe(1)
    expect(run('npm ci\npip install -r r.txt\necho done\nls').unknown).toBe(0)
  })
})

describe('which token a command uses', () => {
  it('an inline secret counts only for the secret being followed', () => {
    const script = 'curl -X POST -H "Authorization: token ${{ secrets.A_PAT }}" https://api.github.com/repos/octo/a/dispatches -d x\ncurl -X POST -H "Authorization: token ${{ secrets.B_PAT }}" https://api.github.com/repos/octo/b/dispatches -d x'
    const targets = (secret: string) => analyseScript(script, { memo, self: SELF, tokenVars: new Set(), env: {}, secret }).calls.map((c) => (c.target.kind === 'other' ? c.target.repo : c.target.kind))
    expect(targets('A_PAT')).toEqual(['octo/a'])
    expect(targets('B_PAT')).toEqual(['octo/b'])
  })

  it('a runtime handed the token explicitly is unknown even without env', () => {
    const a = analyseScript('python publish.py --token "${{ secrets.A_PAT }}"', { memo, self: SELF, tokenVars: new Set(), env: {}, secret: 'A_PAT' })
    expect(a.unknown).toHaveLength(1)
    expect(a.unknown[0]).toMatch(/`python publish\.py` at line 1 is given the token/)
  })
})

describe('other programs that call the API (cml)', () => {
  it.each<[string, string, string[], Record<string, string>, Record<string, string>, string]>([
    ['registers a runner: administration', 'cml runner launch --cloud=aws --labels=gpu', ['REPO_TOKEN'], {}, { administration: 'write' }, 'same'],
    ['comments on the pull request (issue route read as a pull request)', 'cml comment create report.md', ['REPO_TOKEN'], {}, { pull_requests: 'write', contents: 'read' }, 'same'],
    ['reads GITHUB_TOKEN when REPO_TOKEN is unset', 'cml comment create report.md', ['GITHUB_TOKEN'], {}, { pull_requests: 'write', contents: 'read' }, 'same'],
    ['opens a pull request', 'cml pr create .', ['REPO_TOKEN'], {}, { contents: 'write', pull_requests: 'write' }, 'same'],
    ['--repo names the repository', 'cml runner launch --repo=https://github.com/octo/ml', ['REPO_TOKEN'], {}, { administration: 'write' }, 'octo/ml'],
    ['the token by flag', 'cml comment create --token "$T" r.md', ['T'], {}, { pull_requests: 'write', contents: 'read' }, 'same'],
  ])('%s', (_name, script, vars, env, permissions, target) => {
    const r = run(script, vars, env)
    expect(r.calls).toHaveLength(1)
    expect(r.calls[0].permissions).toEqual(permissions)
    expect(r.calls[0].target).toBe(target)
    expect(r.unknown).toBe(0)
  })

  it('a token in a variable the program does not read, or behind one it reads first, is not used', () => {
    expect(run('cml comment create r.md', ['MY_PAT'])).toMatchObject({ calls: [], unknown: 0 })
    expect(run('cml comment create r.md', ['GITHUB_TOKEN'], { REPO_TOKEN: '${{ secrets.OTHER }}' })).toMatchObject({ calls: [], unknown: 0 })
  })

  it('a subcommand not in the table stays unknown', () => {
    expect(run('cml tensorboard connect', ['REPO_TOKEN'])).toMatchObject({ calls: [], unknown: 1 })
  })

  it('cml ci (and its new name, cml repo prepare) leaves the token in the remote: a later push in the script goes there', () => {
    for (const ci of ['cml ci', 'cml repo prepare']) {
      expect(run(ci, ['REPO_TOKEN'])).toEqual({ calls: [{ what: `${ci} (git fetch)`, permissions: { contents: 'read' }, target: 'same' }], unknown: 0, persists: 1 })
      const pushed = run(`${ci}\ngit commit -am report\ngit push`, ['REPO_TOKEN'])
      expect(pushed.calls.map((c) => [c.what, c.permissions, c.target])).toEqual([
        [`${ci} (git fetch)`, { contents: 'read' }, 'same'],
        ['git push', { contents: 'write' }, 'same'],
      ])
    }
    // --remote names the remote it rewrites; a push through another remote does not use the token.
    expect(run('cml ci --remote upstream\ngit push origin', ['REPO_TOKEN']).calls.map((c) => c.what)).toEqual(['cml ci (git fetch)'])
    expect(run('cml ci --remote upstream\ngit push upstream', ['REPO_TOKEN']).calls.map((c) => c.what)).toEqual(['cml ci (git fetch)', 'git push'])
    expect(run('cml ci --repo https://github.com/octo/ml\ngit push', ['REPO_TOKEN']).calls.map((c) => c.target)).toEqual(['octo/ml', 'octo/ml'])
  })

  it('cml publish uploads to CML\'s storage: the token reaches no GitHub call and nothing is unknown', () => {
    for (const publish of ['cml publish plot.png --md', 'cml asset publish plot.png --md']) {
      expect(run(`${publish} >> report.md`, ['REPO_TOKEN'])).toEqual({ calls: [], unknown: 0, persists: 0 })
    }
  })
})

describe('git pushes whose credential the push does not name', () => {
  const store = 'echo "https://x:$T@github.com" > ~/.git-credentials\ngit config --global credential.helper store'
  const pushes = (script: string) => run(script, ['T']).calls.filter((c) => /push/.test(c.what)).map((c) => [c.what, c.target])

  it('a token in the credential store goes with pushes to remotes the script did not set: origin is the checkout\'s repository', () => {
    expect(pushes(`${store}\ngit push origin HEAD`)).toEqual([['git push', 'same']])
    expect(pushes(`${store}\ngit push`)).toEqual([['git push', 'same']])
    expect(pushes(`${store}\ngit push upstream HEAD`)).toEqual([['git push', 'unknown']])
  })

  it('...and to the repository a remote was last set to, unless its URL carries credentials of its own', () => {
    expect(pushes(`${store}\ngit remote set-url origin https://github.com/octo/site.git\ngit push origin`)).toEqual([['git push', 'octo/site']])
    expect(pushes(`git remote set-url origin https://github.com/octo/site.git\n${store}\ngit remote set-url origin https://github.com/octo/docs.git\ngit push`)).toEqual([['git push', 'octo/docs']])
    expect(pushes(`${store}\ngit remote set-url origin "https://x:$OTHER@github.com/octo/site.git"\ngit push origin`)).toEqual([])
    expect(pushes(`${store}\ngit remote set-url origin git@gitlab.com:octo/site.git\ngit push origin`)).toEqual([])
  })

  it('git\'s own options before the subcommand (-C dir, -c key=value) do not hide it', () => {
    expect(pushes('git -C tap remote set-url origin "https://x:$T@github.com/octo/tap.git"\ngit -c user.name=bot -C tap push origin HEAD')).toEqual([['git push', 'octo/tap']])
  })

  it('a push to a remote named at run time may use a token in any remote\'s URL: unknown, naming them', () => {
    const a = analyseScript('git remote add docs "https://x:$T@github.com/octo/docs.git"\ngit push "$REMOTE" HEAD', { memo, self: SELF, tokenVars: new Set(['T']), env: {} })
    expect(a.calls).toEqual([])
    expect(a.unknown).toEqual(['git push at line 2 names its remote at run time ($REMOTE): it may be docs, whose URL carries the token'])
    // No remote holds the token: the push cannot use it.
    expect(run('git remote add docs https://github.com/octo/docs.git\ngit push "$REMOTE" HEAD', ['T'])).toEqual({ calls: [], unknown: 0, persists: 0 })
    // With the token in the credential store, the push uses it wherever it goes.
    expect(pushes(`${store}\ngit push "$REMOTE" HEAD`)).toEqual([['git push', 'unknown']])
  })
})

describe('git configuration that gives a token to github.com URLs', () => {
  const rule = (v: string, prefix: string, key = 'insteadOf') => `git config --global url."https://x:$${v}@github.com/".${key} "${prefix}"`
  const pushes = (script: string, v: string) => run(script, [v]).calls.map((c) => `${c.what} ${c.target}`)

  it('of two rules for the same prefix git applies the first; of overlapping ones, the longest', () => {
    const same = `${rule('A', 'https://github.com/')}\n${rule('B', 'https://github.com/')}\ngit push https://github.com/octo/x.git HEAD`
    expect(pushes(same, 'A')).toEqual(['git push octo/x'])
    expect(pushes(same, 'B')).toEqual([])
    const nested = `${rule('A', 'https://github.com/')}\n${rule('B', 'https://github.com/octo/d')}\ngit push https://github.com/octo/d.git HEAD\ngit push https://github.com/octo/e.git HEAD`
    expect(pushes(nested, 'A')).toEqual(['git push octo/e'])
    expect(pushes(nested, 'B')).toEqual(['git push octo/d'])
  })

  it('a rule reaches remotes too (origin is the checkout\'s repository); pushInsteadOf only pushes', () => {
    expect(pushes(`${rule('A', 'https://github.com/')}\ngit push origin HEAD`, 'A')).toEqual(['git push same'])
    const pushOnly = `${rule('A', 'https://github.com/', 'pushInsteadOf')}\ngit fetch https://github.com/octo/x.git\ngit push https://github.com/octo/x.git HEAD`
    expect(pushes(pushOnly, 'A')).toEqual(['git push octo/x'])
  })

  it('only the rule in force for github.com at the end of the script is left to later steps', () => {
    const two = `${rule('A', 'https://github.com/')}\n${rule('B', 'https://github.com/')}`
    expect(run(two, ['A']).persists).toBe(1)
    expect(run(two, ['B']).persists).toBe(0)
  })

  it('an extra header or credential helper holds the token for its URLs until the script sets that key again', () => {
    const header = (value: string, url = 'https://github.com/') => `git config --global http.${url}.extraheader "AUTHORIZATION: ${value}"`
    expect(pushes(`${header('bearer $A')}\ngit push https://github.com/octo/one.git\n${header('none')}\ngit push https://github.com/octo/two.git`, 'A')).toEqual(['git push octo/one'])
    const two = `${header('bearer $A', 'https://github.com/octo/a')}\n${header('bearer $B', 'https://github.com/octo/b')}\ngit push https://github.com/octo/a.git\ngit push https://github.com/octo/b.git`
    expect(pushes(two, 'A')).toEqual(['git push octo/a'])
    expect(pushes(two, 'B')).toEqual(['git push octo/b'])
    const helper = 'git config --global credential.https://github.com.helper \'!f() { echo "password=$A"; }; f\'\ngit push https://github.com/octo/c.git'
    expect(pushes(helper, 'A')).toEqual(['git push octo/c'])
  })

  it('a key pat-lint does not know, naming the token in a github.com URL, is unknown rather than followed', () => {
    const r = run('git config --global some.https://x:$A@github.com/.thing on\ngit push https://github.com/octo/c.git', ['A'])
    expect(r).toEqual({ calls: [], unknown: 1, persists: 0 })
  })

  it('git config remote.NAME.url sets a remote as git remote set-url does', () => {
    expect(pushes('git config remote.up.url "https://x:$A@github.com/octo/up.git"\ngit push up HEAD\ngit push origin HEAD', 'A')).toEqual(['git push octo/up'])
  })
})

describe('expressions in a script', () => {
  it('a secret after expressions that are never closed is still the one a command names', () => {
    const script = `./tool ${'${{ '.repeat(50)}\${{ secrets.A_PAT }}`
    const a = analyseScript(script, { memo, self: SELF, tokenVars: new Set(), env: {}, secret: 'A_PAT' }, {})
    expect(a.unknown).toHaveLength(1)
    // The word is quoted as far as 200 characters.
    expect(a.unknown[0]).toMatch(/^`\.\/tool (\$\{\{ ){49}\$\{\{…` at line 1 is given the token, and pat-lint cannot see what it does with it$/)
    expect(analyseScript(script, { memo, self: SELF, tokenVars: new Set(), env: {}, secret: 'B_PAT' }, {}).unknown).toEqual([])
  })
})

describe('a script naming thousands of secrets', () => {
  it('follows each secret to its own commands only (the per-script index picks them)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `echo \${{ secrets.A${i} }} && curl -X POST -H "Authorization: token \${{ secrets.A${i} }}" https://api.github.com/repos/octo/r${i}/dispatches`)
    const script = `git remote set-url origin https://x:\${{ secrets.A7 }}@github.com/octo/pushed.git\n${lines.join('\n')}\ngit push`
    const key = {}
    for (const i of [0, 7, 1234, 2999]) {
      const a = analyseScript(script, { memo, self: SELF, tokenVars: new Set(), env: {}, secret: `A${i}` }, key)
      const calls = a.calls.map((c) => `${/git push/.test(c.what) ? 'push' : /dispatches/.test(c.what) ? 'dispatch' : c.what} ${c.target.kind === 'other' ? c.target.repo : c.target.kind}`)
      // The push goes through the remote that A7 was written into, so only A7 reaches it.
      expect(calls).toEqual(i === 7 ? ['dispatch octo/r7', 'push octo/pushed'] : [`dispatch octo/r${i}`])
      expect(a.unknown).toEqual([])
    }
  })
})

describe('a step with many tokens in its environment', () => {
  const follow = (script: string, secret: string, tokenVars: string[], key: object = {}) => analyseScript(script, { memo, self: SELF, tokenVars: new Set(tokenVars), env: {}, secret }, key)

  it(`lists the first ${ENV_READERS_LISTED} commands that may read the token from their environment and counts the rest`, () => {
    const script = Array.from({ length: 12 }, (_, i) => `./tool${i} --flag ${i}`).join('\n')
    const a = follow(script, 'A_PAT', ['A'])
    expect(a.unknown.slice(0, ENV_READERS_LISTED)).toEqual(Array.from({ length: ENV_READERS_LISTED }, (_, i) => `\`./tool${i} --flag\` at line ${i + 1} may read $A, and pat-lint cannot see what it does with it`))
    expect(a.unknown.slice(ENV_READERS_LISTED)).toEqual([`${12 - ENV_READERS_LISTED} more commands from line ${ENV_READERS_LISTED + 1} to line 12 may read $A, and pat-lint cannot see what they do with it`])
  })

  it('a command handed the token is always listed, and is not counted among the unlisted', () => {
    const script = [...Array.from({ length: 8 }, (_, i) => `./tool${i}`), './upload "$A"', './tool9'].join('\n')
    const a = follow(script, 'A_PAT', ['A'])
    expect(a.unknown).toContain('`./upload $A` at line 9 is given the token, and pat-lint cannot see what it does with it')
    expect(a.unknown.at(-1)).toBe('4 more commands from line 6 to line 10 may read $A, and pat-lint cannot see what they do with it')
    // Following any secret reads every command, and counts the same way.
    const any = analyseScript(script, { memo, self: SELF, tokenVars: new Set(['A']), env: {} })
    expect(any.unknown.at(-1)).toBe(a.unknown.at(-1))
  })

  it('thousands of tokens and commands: each token keeps a bounded list of reasons', () => {
    const n = 1500
    const script = Array.from({ length: n }, (_, i) => `./tool${i} --flag "$T${i}"`).join('\n')
    const key = {}
    for (const i of [0, 700, n - 1]) {
      const a = follow(script, `PAT_${i}`, [`T${i}`], key)
      expect(a.unknown).toHaveLength(ENV_READERS_LISTED + 2)
      expect(a.unknown).toContain(`\`./tool${i} --flag\` at line ${i + 1} is given the token, and pat-lint cannot see what it does with it`)
      expect(a.unknown.at(-1)).toMatch(new RegExp(`^${n - ENV_READERS_LISTED - 1} more commands from line \\d+ to line \\d+ may read \\$T${i},`))
    }
  })

  it('a remote set again without the token no longer carries it', () => {
    const script = 'git remote set-url origin "https://x:$A@github.com/octo/a.git"\ngit push origin HEAD:one\ngit remote set-url origin "https://x:$B@github.com/octo/b.git"\ngit push origin HEAD:two'
    const pushes = (secret: string, v: string) => follow(script, secret, [v]).calls.map((c) => `${c.what} ${c.target.kind === 'other' ? c.target.repo : c.target.kind}`)
    expect(pushes('A_PAT', 'A')).toEqual(['git push octo/a'])
    expect(pushes('B_PAT', 'B')).toEqual(['git push octo/b'])
  })

  it('of several tokens written to git\'s credential store, git sends github.com the first line: the last overwrite, else the first append', () => {
    const appended = 'git config --global credential.helper store\necho "https://x:$A@github.com" >> ~/.git-credentials\necho "https://x:$B@github.com" >> ~/.git-credentials\ngit push https://github.com/octo/site.git HEAD'
    const pushed = (script: string, secret: string, v: string) => follow(script, secret, [v]).calls.map((c) => (c.target.kind === 'other' ? c.target.repo : c.target.kind))
    expect(pushed(appended, 'A_PAT', 'A')).toEqual(['octo/site'])
    expect(pushed(appended, 'B_PAT', 'B')).toEqual([])
    const overwritten = appended.replace('"https://x:$B@github.com" >>', '"https://x:$B@github.com" >')
    expect(pushed(overwritten, 'A_PAT', 'A')).toEqual([])
    expect(pushed(overwritten, 'B_PAT', 'B')).toEqual(['octo/site'])
  })

  it('a repeated command gives one call', () => {
    const script = 'git remote set-url origin "https://x:$A@github.com/octo/a.git"\ngit push origin HEAD:one\ngit push origin HEAD:two\ngit push origin HEAD:three'
    expect(follow(script, 'A_PAT', ['A']).calls.filter((c) => c.what === 'git push')).toHaveLength(1)
  })

  it.each([
    ['from a pipe', 'echo "$A" | gh auth login --with-token'],
    ['from a here-string', 'gh auth login --with-token <<< "$A"'],
    ['from a file the script wrote', 'echo "$A" > token.txt\ngh auth login --with-token < token.txt'],
  ])('gh logged in with one token (%s) uses that token, not the others of the step', (_name, login) => {
    const script = `${login}\ngh pr create --fill`
    const prCreates = (secret: string, v: string) => follow(script, secret, [v]).calls.filter((c) => c.what === 'gh pr create').length
    expect(prCreates('A_PAT', 'A')).toBe(1)
    expect(prCreates('B_PAT', 'B')).toBe(0)
  })

  it('a later login with another token ends the first one\'s session; a login fed by nothing visible may be any token\'s', () => {
    const switched = 'echo "$A" | gh auth login --with-token\ngh pr create --fill\necho "$B" | gh auth login --with-token\ngh release create v1'
    const whats = (script: string, secret: string, v: string) => follow(script, secret, [v]).calls.map((c) => c.what)
    expect(whats(switched, 'A_PAT', 'A')).toEqual(['gh pr create'])
    expect(whats(switched, 'B_PAT', 'B')).toEqual(['gh release create'])
    const unseen = 'gh auth login --with-token < /run/secrets/token\ngh pr create --fill'
    expect(whats(unseen, 'A_PAT', 'A')).toEqual(['gh pr create'])
    expect(whats(unseen, 'B_PAT', 'B')).toEqual(['gh pr create'])
  })

  it('a login fed by nothing visible, in a step holding several secrets, is not pinned on any of them', () => {
    const script = 'gh auth login --with-token < /run/secrets/token\ngh pr create --fill\ngh auth login --with-token < /run/secrets/other'
    const env = { A: '${{ secrets.A_PAT }}', B: '${{ secrets.B_PAT }}' }
    const a = analyseScript(script, { memo, self: SELF, tokenVars: new Set(['A']), env, secret: 'A_PAT' }, {})
    expect(a.calls).toEqual([])
    expect(a.unknown).toEqual(['gh auth login at line 1 (and 1 more) reads a token pat-lint cannot trace, and the step holds several: the gh commands after it may use this one'])
    // With one secret in the step, the login can only carry that one.
    const alone = analyseScript(script, { memo, self: SELF, tokenVars: new Set(['A']), env: { A: env.A }, secret: 'A_PAT' }, {})
    expect(alone.calls.map((c) => c.what)).toEqual(['gh pr create'])
  })
})

describe('following one token among several (property)', () => {
  const LINES = [
    'gh auth login --with-token < f', 'echo "$A" > f', 'echo "$B" > f', 'echo "$A" | gh auth login --with-token', 'gh auth login --with-token <<< "$B"',
    'gh pr create --fill', 'gh api repos/o/x/dispatches -f a=b', 'git remote add r "https://x:$A@github.com/o/a.git"',
    'git remote set-url origin "https://x:$B@github.com/o/b.git"', 'git remote set-url origin https://github.com/o/c.git', 'git push', 'git push r HEAD',
    'git push https://github.com/o/d.git HEAD', 'git rebase main', 'git config --global credential.helper store',
    'echo "https://x:$A@github.com" >> ~/.git-credentials', 'echo "https://x:$B@github.com" > ~/.git-credentials', './tool "$A"', './build', 'npm install',
    'docker login ghcr.io -u x -p "$A"', 'cml ci', 'curl -H "Authorization: token $A" https://api.github.com/repos/o/e/dispatches -d x',
    'git push origin HEAD:x', 'git fetch r', 'git clone https://github.com/o/f.git', 'git pull', 'echo "$B" | docker login ghcr.io -u x --password-stdin',
    'git config --global url."https://x:$A@github.com/".insteadOf "https://github.com/"', './deploy.sh',
    'git push "$R" HEAD', 'git remote set-url up https://github.com/o/g.git', 'git push up', 'git remote add up "https://x:$B@github.com/o/h.git"',
    'git config --global url."https://x:$B@github.com/".insteadOf "https://github.com/"', 'git config --global url."https://x:$B@github.com/o/d".insteadOf "https://github.com/o/d"',
    'git config --global url."https://x:$A@github.com/".pushInsteadOf "https://github.com/o/"', 'git config remote.up.url "https://x:$A@github.com/o/i.git"',
    'git config --global http.https://github.com/.extraheader "AUTHORIZATION: bearer $A"', 'git config --global http.https://github.com/.extraheader "AUTHORIZATION: none"',
    'git config --global http.https://github.com/o/d.extraheader "AUTHORIZATION: bearer $B"', 'git config --global credential.helper \'!f() { echo "password=$B"; }; f\'',
  ]
  const env = { A: '${{ secrets.A_PAT }}', B: '${{ secrets.B_PAT }}' }
  const follow = (lines: string[], v: 'A' | 'B') => {
    const a = analyseScript(lines.join('\n'), { memo, self: SELF, tokenVars: new Set([v]), env, secret: `${v}_PAT` }, {})
    return { calls: JSON.stringify(a.calls), persists: JSON.stringify(a.persists ?? []), unknown: a.unknown.length }
  }

  it('reading only the commands that can matter gives what reading every command gives', () => {
    const sorted = (a: ReturnType<typeof analyseScript>) => ({ calls: a.calls.map((c) => JSON.stringify(c)).sort(), persists: (a.persists ?? []).map((p) => JSON.stringify(p)).sort(), unknown: [...a.unknown].sort(), sentToGithub: !!a.sentToGithub })
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES, 'gh auth login --with-token < /run/t', 'printenv B | gh auth login --with-token'), { maxLength: 24 }), fc.constantFrom('A' as const, 'B' as const), (lines, v) => {
        const ctx = { memo, self: SELF, tokenVars: new Set([v]), env, secret: `${v}_PAT` }
        expect(sorted(analyseScript(lines.join('\n'), ctx, {}))).toEqual(sorted(analyseScriptReadingAll(lines.join('\n'), ctx)))
      }),
      { numRuns: 5000 },
    )
  })

  it('a line that names nothing and runs nothing (echo) changes nothing, wherever it goes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('A' as const, 'B' as const), (lines, at, v) => {
        const padded = [...lines]
        for (const k of at) padded.splice(k % (padded.length + 1), 0, 'echo hi')
        expect(follow(padded, v)).toEqual(follow(lines, v))
      }),
      { numRuns: 1500 },
    )
  })
})
