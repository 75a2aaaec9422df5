// Hostile workflows for `npm run bench`: each as large as a file pat-lint reads (1 MiB) and built
// to make some part of the analysis work per pair of things (tokens x commands, tokens x steps, …).
// Each was, before pat-lint bounded it, a stall of seconds to minutes or gigabytes of memory.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const LIMIT = 1024 * 1024
const head = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n'
const secret = (i) => `\${{ secrets.PAT_${i} }}`
const envBlock = (n, indent) => Array.from({ length: n }, (_, i) => `${indent}T${i}: ${secret(i)}\n`).join('')
const lines = (n, line) => Array.from({ length: n }, (_, i) => line(i)).join('')

/**
 * Each shape: what it is, and the workflow it makes with `n` of its repeated part (or its files,
 * each at most 1 MiB, by name: a workflow's file name, or a path from the repository's root).
 */
export const SHAPES = [
  {
    name: 'one `env:` mapping with as many keys as fit',
    unit: 'keys',
    make: (n) => `${head}      - run: gh pr list\n        env:\n          GH_TOKEN: ${secret(0)}\n    env:\n${lines(n, (i) => `      K${i}: v\n`)}`,
  },
  {
    name: 'one step: n tokens in `env:`, n commands that may read them',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          ./tool${i} --flag "$T${i}"\n`)}`,
  },
  {
    name: 'one script naming n secrets, each sent to its own repository',
    unit: 'secrets',
    make: (n) => `${head}      - run: |\n${lines(n, (i) => `          curl -X POST -H "Authorization: token ${secret(i)}" https://api.github.com/repos/o/r${i}/dispatches\n`)}`,
  },
  {
    name: 'one step: n tokens each set into origin, each followed by a push',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          git remote set-url origin "https://x:$T${i}@github.com/o/r.git"\n          git push origin HEAD:b${i}\n`)}`,
  },
  {
    name: 'one step: n tokens, a gh login pat-lint cannot trace, n gh calls to n repositories',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n          gh auth login --with-token < /run/token\n${lines(n, (i) => `          gh api -X POST repos/o/r${i}/dispatches -f event_type=x\n`)}`,
  },
  {
    name: 'one step: n tokens written to git\'s credential store, n pushes to n repositories',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n          git config --global credential.helper store\n${lines(n, (i) => `          echo "https://x:$T${i}@github.com" >> ~/.git-credentials\n`)}${lines(n, (i) => `          git push https://github.com/o/r${i}.git HEAD\n`)}`,
  },
  {
    name: 'workflow `env:` with n tokens, n steps each reading one',
    unit: 'tokens',
    make: (n) => `on: push\nenv:\n${envBlock(n, '  ')}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${lines(n, (i) => `      - run: ./tool${i} "$T${i}"\n`)}`,
  },
  {
    name: 'n steps each setting origin with its own token, then n steps pushing',
    unit: 'tokens',
    make: (n) => `${head}${lines(n, (i) => `      - run: git remote set-url origin "https://x:${secret(i)}@github.com/o/r${i}.git"\n`)}${lines(n, (i) => `      - run: git push origin HEAD:b${i}\n`)}`,
  },
  {
    name: 'a matrix of n repositories, n steps dispatching to `${{ matrix.repo }}`',
    unit: 'repositories',
    make: (n) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        repo:\n${lines(n, (i) => `          - o/r${i}\n`)}    steps:\n${lines(n, (i) => `      - uses: peter-evans/repository-dispatch@v3\n        with:\n          token: ${secret(i)}\n          repository: \${{ matrix.repo }}\n          event-type: go\n`)}`,
  },
  {
    name: 'n jobs passing n tokens to one reusable workflow of n steps, each to its own repository',
    unit: 'tokens',
    make: (n) => ({
      'caller.yml': `on: push\njobs:\n${lines(n, (i) => `  c${i}:\n    uses: ./.github/workflows/called.yml\n    secrets:\n      token: ${secret(i)}\n`)}`,
      'called.yml': `on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${lines(n, (i) => `      - run: gh api -X POST repos/o/r${i}/dispatches -f event_type=x\n        env:\n          GH_TOKEN: \${{ secrets.token }}\n`)}`,
    }),
  },
  {
    name: 'one step adding n remotes with n tokens, then n steps pushing to them',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          git remote add r${i} "https://x:$T${i}@github.com/o/r${i}.git"\n`)}${lines(n, (i) => `      - run: git push r${i} HEAD:b${i}\n`)}`,
  },
  {
    name: 'one step: n tokens each in its own remote, n pushes to a remote named at run time',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          git remote add r${i} "https://x:$T${i}@github.com/o/r${i}.git"\n`)}${lines(n, (i) => `          git push "$REMOTE_${i}" HEAD:b${i}\n`)}`,
  },
  {
    name: 'one step: n tokens each given to git for all of github.com (insteadOf), n pushes',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          git config --global url."https://x:$T${i}@github.com/".insteadOf "https://github.com/"\n`)}${lines(n, (i) => `          git push https://github.com/o/r${i}.git HEAD\n`)}`,
  },
  {
    name: 'one step: n tokens each in an extra header for its own repository, n pushes',
    unit: 'tokens',
    make: (n) => `${head}      - env:\n${envBlock(n, '          ')}        run: |\n${lines(n, (i) => `          git config --global http.https://github.com/o/r${i}.extraheader "AUTHORIZATION: bearer $T${i}"\n`)}${lines(n, (i) => `          git push https://github.com/o/r${i}.git HEAD\n`)}`,
  },
  {
    name: 'one step: n tokens its script may read, below a comment block of n lines',
    unit: 'tokens',
    make: (n) => `${head}${lines(n, (i) => `      # pushes from here must start the CI workflows, note ${i}\n`)}      - run: ./tool\n        env:\n${envBlock(n, '          ')}`,
  },
  {
    name: 'n checkouts, each of its own repository with its own token at its own path, then n steps pushing from them',
    unit: 'tokens',
    make: (n) => `${head}${lines(n, (i) => `      - uses: actions/checkout@v4\n        with:\n          repository: o/r${i}\n          path: p${i}\n          token: ${secret(i)}\n`)}${lines(n, (i) => `      - run: cd p${i} && git push\n`)}`,
  },
  {
    name: 'n checkouts of `${{ env.R || github.repository }}`, each beside a run step',
    unit: 'tokens',
    make: (n) => `${head}${lines(n, (i) => `      - uses: actions/checkout@v4\n        with:\n          repository: \${{ env.R${i} || github.repository }}\n          persist-credentials: false\n          token: ${secret(i)}\n      - run: echo "N${i}=1" >> "$GITHUB_ENV"\n`)}`,
  },
  {
    name: 'n pull requests created at their own paths, each after a checkout at another',
    unit: 'tokens',
    make: (n) => `${head}${lines(n, (i) => `      - uses: actions/checkout@v4\n        with:\n          path: q${i}\n          persist-credentials: false\n      - uses: peter-evans/create-pull-request@v7\n        with:\n          path: p${i}\n          token: ${secret(i)}\n`)}`,
  },
  {
    name: 'a requirements file ignoring a rule for n secrets, n steps using them',
    unit: 'secrets',
    make: (n) => ({
      '.github/pat-requirements.yml': `version: 1\ntokens: {}\nignore:\n${lines(n, (i) => `  - rule: prefer-github-app\n    secret: PAT_${i}\n`)}`,
      'w.yml': `${head}${lines(n, (i) => `      - run: gh pr create --fill\n        env:\n          GH_TOKEN: ${secret(i)}\n`)}`,
    }),
  },
  {
    name: 'n declared tokens passed to one reusable workflow of n steps, each to a repository their lists leave out',
    unit: 'tokens',
    make: (n) => ({
      '.github/pat-requirements.yml': `version: 1\ntokens:\n${lines(n, (i) => `  PAT_${i}: {type: fine-grained, owner: o, repositories: [o/x], expires-in: 30, purpose: p, permissions: {actions: write}}\n`)}`,
      'caller.yml': `on: push\njobs:\n${lines(n, (i) => `  c${i}:\n    uses: ./.github/workflows/called.yml\n    secrets:\n      token: ${secret(i)}\n`)}`,
      'called.yml': `on:\n  workflow_call:\n    secrets:\n      token:\n        required: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${lines(n, (i) => `      - run: gh api -X POST repos/o/r${i}/dispatches -f event_type=x\n        env:\n          GH_TOKEN: \${{ secrets.token }}\n`)}`,
    }),
  },
  {
    name: 'one command word naming n secrets',
    unit: 'secrets',
    make: (n) => `${head}      - run: ./tool ${lines(n, (i) => secret(i))}\n`,
  },
  {
    name: 'n tokens in one step whose name and action are as long as the rest of the file',
    unit: 'tokens',
    make: (n) => `${head}      - name: ${'n'.repeat(n * 12)}\n        uses: ${'o'.repeat(n * 12)}/a@v1\n        env:\n${envBlock(n, '          ')}`,
  },
  {
    name: 'a run script of n nested command substitutions, n continued lines and n unclosed expressions',
    unit: 'of each',
    make: (n) => `${head}      - run: |\n          echo ${'$('.repeat(n)}gh pr create${')'.repeat(n)}\n          gh pr create ${'--label x \\\n          '.repeat(n)}--fill\n          echo ${'${{ '.repeat(n)}\n        env:\n          GH_TOKEN: ${secret(0)}\n`,
  },
  {
    name: 'a workflow of n lines that do not parse',
    unit: 'lines',
    make: (n) => `on: push\njobs:\n${']\n'.repeat(n)}`,
  },
  {
    name: 'four local actions, each calling the next n times',
    unit: 'calls each',
    make: (n) => ({
      'w.yml': `${head}      - uses: ./.github/actions/a\n        with:\n          token: ${secret(0)}\n`,
      ...Object.fromEntries(['a', 'b', 'c', 'd'].map((name, k, all) => [
        `.github/actions/${name}/action.yml`,
        `runs:\n  using: composite\n  steps:\n${all[k + 1] ? lines(n, () => `    - uses: ./.github/actions/${all[k + 1]}\n      with:\n        token: \${{ inputs.token }}\n`) : lines(n, (i) => `    - run: gh api -X POST repos/o/r${i}/dispatches\n      shell: bash\n      env:\n        GH_TOKEN: \${{ inputs.token }}\n`)}`,
      ])),
    }),
  },
  {
    name: 'n steps passing n tokens to one local composite action of n steps, each to its own repository',
    unit: 'tokens',
    make: (n) => ({
      '.github/actions/a/action.yml': `name: a\ninputs:\n  token:\n    required: true\nruns:\n  using: composite\n  steps:\n${lines(n, (i) => `    - run: gh api -X POST repos/o/r${i}/dispatches -f event_type=x\n      shell: bash\n      env:\n        GH_TOKEN: \${{ inputs.token }}\n`)}`,
      'caller.yml': `${head}${lines(n, (i) => `      - uses: ./.github/actions/a\n        with:\n          token: ${secret(i)}\n`)}`,
    }),
  },
]

/** Where a shape's file goes: a path from the root as given, a bare name among the workflows. */
export const pathOf = (name) => (name.includes('/') ? name : `.github/workflows/${name}`)

/** A shape's files at size n, by name. */
const filesOf = (shape, n) => {
  const made = shape.make(n)
  return typeof made === 'string' ? { 'hostile.yml': made } : made
}

/** The largest n whose files each fit in 1 MiB, found by bisection (sizes grow with n). */
function largestFitting(shape) {
  const fits = (n) => Object.values(filesOf(shape, n)).every((text) => Buffer.byteLength(text) <= LIMIT)
  let lo = 1
  let hi = 2
  while (fits(hi)) hi *= 2
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (fits(mid)) lo = mid
    else hi = mid
  }
  return lo
}

/** A repository holding one shape's workflow at the largest size pat-lint reads. */
export function makeHostileRepo(shape) {
  const repo = mkdtempSync(join(tmpdir(), 'pat-lint-bench-hostile-'))
  const n = largestFitting(shape)
  const files = Object.entries(filesOf(shape, n))
  let bytes = 0
  for (const [name, text] of files) {
    const path = join(repo, pathOf(name))
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    bytes += Buffer.byteLength(text)
  }
  // The requirements file is read, not linted: the report's files are the workflows and actions.
  return { repo, n, bytes, files: files.filter(([name]) => !/pat-requirements\.ya?ml$/.test(name)).length }
}
