/** What a `run:` step does with the token: its script (script/analyse.ts), and what the credentials it leaves behind reach later. */
import type { Memo } from '../memo.js'
import { analyseScript } from '../script/analyse.js'
import { scriptIndexOf } from '../script/command-index.js'
import { cloneTarget } from '../directories.js'
import type { StepAnalysis } from '../types.js'
import { checkoutDirectory, enterDirectory, followLaterPushes, type CredentialPlace } from './later-steps.js'
import { actionName } from '../../knowledge/actions.js'
import type { StepContext } from './step-context.js'
import type { JobInfo } from '../../workflow/model.js'
import { quoted } from '../../limits.js'

/**
 * Each step's environment: its `env:` over its job's over the workflow's, as a chain of objects
 * so each level is built once (a workflow may carry thousands of variables and of steps). The
 * chain ends in null, so names such as `constructor` are not found in it.
 */
function envLayer(key: object, parent: Record<string, string> | null, scope: Record<string, { value: string }>, memo: Memo): Record<string, string> {
  return memo.once('environment layers', key, () => {
    const env = Object.create(parent) as Record<string, string>
    for (const [k, v] of Object.entries(scope)) env[k] = v.value
    return env
  })
}

/** Shells whose scripts are read as bash: bash and sh, bare or as a command template (`bash -e {0}`). */
const READ_AS_BASH = /^(bash|sh)(\s|$)/

function stepEnv(ctx: StepContext): Record<string, string> {
  const workflow = envLayer(ctx.model, null, ctx.model.env, ctx.memo)
  const job = ctx.job ? envLayer(ctx.job, workflow, ctx.job.env, ctx.memo) : workflow
  return envLayer(ctx.step, job, ctx.step.env, ctx.memo)
}

/**
 * gh acts on the repository of the directory it runs in (gh help environment: GH_REPO, else the
 * git remotes of the current directory). A step whose `working-directory` is where an earlier
 * checkout put another repository (`repository:` with `path:`) runs gh on that repository: it is
 * given as GH_REPO, unless the step sets GH_REPO itself.
 */
function withDirectoryRepository(env: Record<string, string>, ctx: StepContext): Record<string, string> {
  const dir = ctx.step.workingDirectory === undefined ? null : enterDirectory('', ctx.step.workingDirectory.trim())
  if (!dir || !ctx.job || env.GH_REPO !== undefined) return env
  for (let i = ctx.step.index - 1; i >= 0; i--) {
    const s = ctx.job.steps[i]
    if (actionName(s.uses?.value ?? '')?.toLowerCase() !== 'actions/checkout' || checkoutDirectory(s) !== dir) continue
    const repo = s.with.repository?.value.trim()
    if (!repo) return env
    const withRepo = Object.create(env) as Record<string, string>
    withRepo.GH_REPO = repo
    return withRepo
  }
  return env
}

/** Where a step of the job put a repository: its index, the directory, what it holds. */
interface PlacedRepository {
  index: number
  dir: string
  repo: string
}

/**
 * The repositories the job's steps put in directories, in step order: checkouts (`repository:`
 * with `path:`) and `git clone URL [DIR]` in run steps (from their `working-directory`, following
 * `cd`; a clone after a `cd` to a place named at run time is lost). Listed once per job: every run
 * step of a job of thousands would otherwise read every step before it.
 */
function placedRepositories(job: JobInfo, memo: StepContext['memo']): PlacedRepository[] {
  return memo.once('repositories placed by a job', job, () => {
    const out: PlacedRepository[] = []
    for (const s of job.steps) {
      if (s.run) {
        let dir = enterDirectory('', s.workingDirectory?.trim() ?? '')
        for (const cmd of scriptIndexOf(s.run.value, s.run, memo).commands) {
          if (cmd.words[0] === 'cd' || cmd.words[0] === 'pushd') dir = cmd.words[1] === undefined ? null : enterDirectory(dir, cmd.words[1])
          const clone = cloneTarget(cmd.words)
          const into = clone ? enterDirectory(dir, clone.dir) : null
          if (clone && into) out.push({ index: s.index, dir: into, repo: clone.url })
        }
        continue
      }
      if (actionName(s.uses?.value ?? '')?.toLowerCase() !== 'actions/checkout') continue
      const dir = checkoutDirectory(s)
      if (dir === null || dir === '') continue
      out.push({ index: s.index, dir, repo: s.with.repository?.value.trim() || '${{ github.repository }}' })
    }
    return out
  })
}

/** The directories earlier steps of the job put a repository in, the last one winning. */
function checkoutRepositories(ctx: StepContext): Map<string, string> {
  const repos = new Map<string, string>()
  if (!ctx.job) return repos
  for (const placed of placedRepositories(ctx.job, ctx.memo)) {
    if (placed.index >= ctx.step.index) break
    repos.set(placed.dir, placed.repo)
  }
  return repos
}

/** Analyses a `run:` step that receives the token (inline or through env). */
export function analyseRunStep(ctx: StepContext): StepAnalysis {
  // A script for PowerShell, cmd or an interpreter is not read as bash: its words, quotes and
  // variables mean other things there.
  const shell = ctx.step.shell?.trim()
  if (shell && !READ_AS_BASH.test(shell)) {
    return { calls: [], unknown: [`the step's script runs in \`${quoted(shell.split(/\s/)[0])}\`, which pat-lint does not read`] }
  }
  const directory = { start: enterDirectory('', ctx.step.workingDirectory?.trim() ?? ''), repos: checkoutRepositories(ctx) }
  const out = analyseScript(ctx.step.run?.value ?? '', { self: ctx.self, tokenVars: ctx.tokenVars, env: withDirectoryRepository(stepEnv(ctx), ctx), secret: ctx.secret, memo: ctx.memo, directory, readFile: ctx.readScript }, ctx.step.run)
  for (const p of out.persists ?? []) {
    const place: CredentialPlace = p.scope === 'remote' ? { scope: 'remote', remote: p.remote ?? 'origin' } : p.scope === 'gh' ? { scope: 'gh' } : { scope: 'github' }
    followLaterPushes(ctx, out, p.target, p.what.replace(/^the token is |^the secret is /, 'the credential '), place)
  }
  return out
}
