/**
 * GoReleaser in `run:` steps and through goreleaser/goreleaser-action: which repositories it
 * writes to with which token follows from its configuration.
 */
import { cleanRepos, lintWorkflow } from '../helpers.js'

afterAll(cleanRepos)

const CI = 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make test\n'
const ON_RELEASE = 'on:\n  release:\n    types: [published]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make announce\n'
const GO_MOD = 'module example.com/app\n\ngo 1.23\n'

function viaRun(run: string, env: Record<string, string> = { GITHUB_TOKEN: '${{ secrets.REL_PAT }}' }, dir?: string): string {
  const envs = Object.entries(env).map(([k, v]) => `          ${k}: ${v}`).join('\n')
  return `on:\n  push:\n    tags: ['v*']\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n${dir ? `        working-directory: ${dir}\n` : ''}        env:\n${envs}\n`
}

function viaAction(args: string, env: Record<string, string> = { GITHUB_TOKEN: '${{ secrets.REL_PAT }}' }, workdir?: string): string {
  const envs = Object.entries(env).map(([k, v]) => `          ${k}: ${v}`).join('\n')
  return `on:\n  push:\n    tags: ['v*']\njobs:\n  r:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: ${args}\n${workdir ? `          workdir: ${workdir}\n` : ''}        env:\n${envs}\n`
}

function useOf(workflow: string, files: Record<string, string>, secret = 'REL_PAT') {
  const report = lintWorkflow(workflow, { '.github/workflows/test.yml': CI, ...files }, { repository: 'octo/app' })
  return report.tokens.find((t) => t.secret === secret)!.uses[0]
}

const TAP = 'version: 2\nbrews:\n  - repository:\n      owner: octo\n      name: homebrew-tap\n'

describe('goreleaser', () => {
  it('with no configuration (go.mod only) it releases here: GITHUB_TOKEN would do with contents: write', () => {
    for (const wf of [viaRun('goreleaser release --clean'), viaAction('release --clean')]) {
      const use = useOf(wf, { 'go.mod': GO_MOD })
      expect(use.githubTokenWouldDo).toBe(true)
      expect(use.needs).toEqual({ contents: 'write' })
    }
  })

  it('a workflow on release must hear it (R1)', () => {
    const use = useOf(viaAction('release --clean'), { 'go.mod': GO_MOD, '.github/workflows/announce.yml': ON_RELEASE })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/R1/)
  })

  it('a Homebrew tap in another repository written with GITHUB_TOKEN needs a PAT there (R3)', () => {
    const use = useOf(viaAction('release --clean'), { 'go.mod': GO_MOD, '.goreleaser.yaml': TAP })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/brews\[0\] \(its manifest\) acts on octo\/homebrew-tap, another repository/)
  })

  it('a tap with its own token: the PAT in that variable writes the tap, GITHUB_TOKEN makes the release', () => {
    const config = 'brews:\n  - repository:\n      owner: octo\n      name: homebrew-tap\n      token: "{{ .Env.TAP_TOKEN }}"\n'
    const env = { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}', TAP_TOKEN: '${{ secrets.TAP_PAT }}' }
    const tap = useOf(viaRun('goreleaser release --clean', env), { 'go.mod': GO_MOD, '.goreleaser.yml': config }, 'TAP_PAT')
    expect(tap.githubTokenWouldDo).toBe(false)
    expect(tap.needs).toEqual({ contents: 'write' })
    expect(tap.reasons.join('\n')).not.toMatch(/GitHub release/)
  })

  it('a tap pushed over SSH (repository.git.url) takes no GitHub token', () => {
    const config = 'brews:\n  - repository:\n      owner: octo\n      name: homebrew-tap\n      git:\n        url: git@github.com:octo/homebrew-tap.git\n        private_key: "{{ .Env.KEY }}"\n'
    expect(useOf(viaAction('release'), { 'go.mod': GO_MOD, '.goreleaser.yaml': config }).githubTokenWouldDo).toBe(true)
  })

  it('a winget pull request from a fork into another repository (R3, R11)', () => {
    const config = 'winget:\n  - repository:\n      owner: octo\n      name: winget-pkgs\n      branch: "app-{{ .Version }}"\n      pull_request:\n        enabled: true\n        base:\n          owner: microsoft\n          name: winget-pkgs\n          branch: master\n'
    const use = useOf(viaAction('release'), { 'go.mod': GO_MOD, '.goreleaser.yaml': config })
    expect(use.githubTokenWouldDo).toBe(false)
    expect(use.reasons.join('\n')).toMatch(/microsoft\/winget-pkgs/)
    expect(use.needs.pull_requests).toBe('write')
  })

  it('--snapshot, --skip=publish and build publish nothing', () => {
    for (const args of ['release --snapshot --clean', 'release --skip=announce,publish', 'build --single-target']) {
      const use = useOf(viaAction(args), { 'go.mod': GO_MOD, '.goreleaser.yaml': TAP })
      expect(use.reasons.join('\n')).not.toMatch(/homebrew-tap/)
    }
  })

  it('reads the configuration --config names, in workdir', () => {
    const use = useOf(viaAction('release -f build/release.yaml', undefined, 'cli'), { 'cli/go.mod': GO_MOD, 'cli/build/release.yaml': TAP })
    expect(use.reasons.join('\n')).toMatch(/octo\/homebrew-tap/)
  })

  it.each([
    ['no configuration and no go.mod among the files read', {}, /neither a \.goreleaser\.yaml nor a go\.mod is among the files read/],
    ['a hook that may read the token', { 'go.mod': GO_MOD, '.goreleaser.yaml': 'before:\n  hooks:\n    - go mod tidy\n    - ./scripts/completions.sh\n' }, /runs `\.\/scripts\/completions\.sh` \(before\.hooks\)/],
    ['publishers (commands)', { 'go.mod': GO_MOD, '.goreleaser.yaml': 'publishers:\n  - name: x\n    cmd: ./publish.sh\n' }, /runs the commands of `publishers`/],
    ['a token built by a template', { 'go.mod': GO_MOD, '.goreleaser.yaml': 'brews:\n  - repository:\n      owner: octo\n      name: tap\n      token: "{{ if .IsSnapshot }}x{{ else }}{{ .Env.GITHUB_TOKEN }}{{ end }}"\n' }, /its token is built by a template/],
    ['a configuration that is not YAML', { 'go.mod': GO_MOD, '.goreleaser.yaml': 'brews: [\n' }, /cannot be read as YAML/],
    ['an unknown subcommand', { 'go.mod': GO_MOD }, /subcommand `frobnicate` is not known/],
  ])('%s leaves the use undecided, saying why', (name, files, reason) => {
    const wf = name === 'an unknown subcommand' ? viaRun('goreleaser frobnicate') : viaAction('release --clean')
    const use = useOf(wf, files)
    expect(use.githubTokenWouldDo).toBeNull()
    expect(use.reasons.join('\n')).toMatch(reason)
  })

  it('hooks of go subcommands that run no module code are not readers of the token', () => {
    const use = useOf(viaAction('release'), { 'go.mod': GO_MOD, '.goreleaser.yaml': 'before:\n  hooks:\n    - go mod tidy\n    - cmd: go mod download\n' })
    expect(use.githubTokenWouldDo).toBe(true)
  })
})

describe('goreleaser changelog', () => {
  it('a snapshot still makes its changelog from the API when changelog.use says github', () => {
    const use = useOf(viaAction('release --snapshot'), { 'go.mod': GO_MOD, '.goreleaser.yaml': 'changelog:\n  use: github\n' })
    expect(use.githubTokenWouldDo).toBe(true)
    expect(use.needs).toEqual({ contents: 'read' })
    expect(use.reasons.join('\n')).not.toMatch(/does not use the token/)
  })

  it('a snapshot with the git changelog makes no GitHub call', () => {
    const use = useOf(viaAction('release --snapshot'), { 'go.mod': GO_MOD })
    expect(use.reasons.join('\n')).toMatch(/does not use the token/)
  })
})

it('arguments an expression chooses are read as the run that publishes', () => {
  const wf = viaAction(">-\n            ${{ github.event_name == 'push'\n                && 'release --clean'\n                || 'release --snapshot --clean' }}")
  const use = useOf(wf, { 'go.mod': GO_MOD, '.goreleaser.yaml': TAP })
  expect(use.githubTokenWouldDo).toBe(false)
  expect(use.reasons.join('\n')).toMatch(/octo\/homebrew-tap/)
})

it('without its configuration among the files read, the default release still starts release workflows (R1)', () => {
  const use = useOf(viaAction('release --clean'), { '.github/workflows/announce.yml': ON_RELEASE })
  expect(use.githubTokenWouldDo).toBe(false)
  expect(use.reasons.join('\n')).toMatch(/the GitHub release \(its default\) causes release/)
})

it('the release is of the tag the run is on: a workflow on tag pushes does not make the PAT needed', () => {
  const TAG_LISTENER = "on:\n  push:\n    tags: ['v*']\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make dist\n"
  const use = useOf(viaAction('release --clean'), { 'go.mod': GO_MOD, '.github/workflows/dist.yml': TAG_LISTENER })
  expect(use.githubTokenWouldDo).toBe(true)
})
