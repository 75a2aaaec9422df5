/**
 * Which repository a step acts on: the inputs that name one, `owner`/`repo` pairs, matrix values,
 * `${{ env.X || github.repository }}` fallbacks, and the checkout that filled a `path:`.
 */
import { REPOSITORY_INPUTS } from '../../knowledge/action-effects.js'
import { firstAtLeast } from '../../order.js'
import type { JobInfo, StepInfo } from '../../workflow/model.js'
import type { Memo } from '../memo.js'
import { resolveRepo, type RepoRef } from '../repo-ref.js'
import { inputs, type StepContext } from './step-context.js'
import { plain } from '../../knowledge/reasons.js'

/** Every value a `${{ matrix.x }}` reference can take in the job; the value itself otherwise. */
export function matrixValues(value: string, job: JobInfo | null): string[] {
  const m = /\$\{\{\s*matrix\.([\w-]+)\s*\}\}/.exec(value)
  const values = m ? job?.matrix[m[1]] : undefined
  return values?.length ? values.map((v) => value.replace(m![0], v)) : [value]
}

const ENV_REFERENCE = /\$\{\{\s*env\.([A-Za-z_][\w-]*)\s*\}\}/g

/**
 * `${{ env.NAME }}` replaced by the literal value the file gives NAME: the step's `env:`, else the
 * job's, else the workflow's (the env context: the nearest definition wins). Left as written when
 * no level defines it, when the value is itself an expression, or when an earlier step of the job
 * may set NAME through $GITHUB_ENV, which overrides them for later steps.
 */
export function withEnvValues(value: string, ctx: Pick<StepContext, 'step' | 'job' | 'model'>): string {
  if (!value.includes('env.') && !value.includes('steps.')) return value
  return withStepOutputs(value, ctx).replace(ENV_REFERENCE, (written, name: string) => {
    const defined = ctx.step.env[name] ?? ctx.job?.env[name] ?? ctx.model.env[name]
    if (!defined || defined.value.includes('${{')) return written
    const earlier = ctx.job?.steps.slice(0, ctx.step.index) ?? []
    if (earlier.some((s) => s.run?.value.includes('GITHUB_ENV') && s.run.value.includes(name))) return written
    return defined.value
  })
}

const RUNS_IN = /github\.repository\s*[!=]=\s*'([\w.-]+\/[\w.-]+)'/g

/**
 * A repository named by its literal `owner/name` is this one only where the workflow runs here. A
 * workflow whose step conditions compare `github.repository` with another repository is meant to
 * run there too (a fork that releases for its upstream), where the literal names another
 * repository: the target is then unknown, with the reason. Returns null when nothing says so.
 */
export function alsoRunsIn(named: string, ctx: Pick<StepContext, 'model' | 'self'>): RepoRef | null {
  if (!ctx.self || named.includes('${{') || named.trim().toLowerCase() !== ctx.self.toLowerCase()) return null
  const elsewhere = new Set<string>()
  for (const job of ctx.model.jobs) for (const s of job.steps) for (const m of (s.if ?? '').matchAll(RUNS_IN)) if (m[1].toLowerCase() !== ctx.self.toLowerCase()) elsewhere.add(m[1])
  if (!elsewhere.size) return null
  const where = [...elsewhere].sort().join(', ')
  return { kind: 'unknown', text: named, why: plain(`the workflow is also meant to run in ${where} (its conditions name it), where ${named} is another repository`) }
}

const OUTPUT_REFERENCE = /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g

/**
 * `${{ steps.ID.outputs.NAME }}` replaced by the literal value an earlier `run:` step with that id
 * writes to $GITHUB_OUTPUT (`echo "NAME=octo/docs" >> "$GITHUB_OUTPUT"`), when it writes NAME
 * exactly once and the value holds no variable or expression. Anything else is left as written.
 */
function withStepOutputs(value: string, ctx: Pick<StepContext, 'step' | 'job'>): string {
  if (!value.includes('steps.')) return value
  return value.replace(OUTPUT_REFERENCE, (written, id: string, name: string) => {
    const step = ctx.job?.steps.slice(0, ctx.step.index).find((s) => s.id === id)
    const run = step?.run?.value
    if (!run) return written
    const writes = [...run.matchAll(new RegExp(String.raw`\b${name}=([^\n]*?)["']?\s*>>\s*["']?\$\{?GITHUB_OUTPUT\b`, 'g'))]
    if (writes.length !== 1) return written
    const literal = writes[0][1].replace(/^["']/, '')
    return /^[\w.\/-]+$/.test(literal) ? literal : written
  })
}

/**
 * The repository a value names; over a matrix, another repository if any entry is one. Remembered
 * per job and value: every step of a job over a large matrix asks the same.
 */
export function resolveAll(value: string, job: JobInfo | null, self: string | null, memo: Memo): RepoRef {
  if (!job || !value.includes('matrix.')) return resolveOver(value, job, self)
  const known = memo.once('repositories over the matrix', job, () => new Map<string, RepoRef>())
  const key = `${self ?? ''}\n${value}`
  let ref = known.get(key)
  if (!ref) known.set(key, (ref = resolveOver(value, job, self)))
  return ref
}

function resolveOver(value: string, job: JobInfo | null, self: string | null): RepoRef {
  const refs = matrixValues(value, job).map((v) => resolveRepo(v, self))
  return refs.find((r) => r.kind === 'other') ?? refs.find((r) => r.kind === 'unknown') ?? refs[0]
}

/** The repository a step's inputs name, by the common input names (knowledge/action-effects.ts). */
export function targetOf(step: StepInfo, self: string | null, job: JobInfo | null, memo: Memo, expand: (value: string) => string = (v) => v): RepoRef {
  const ins = Object.fromEntries(Object.entries(inputs(step)).map(([k, v]) => [k, expand(v)]))
  // `owner` and `repo` given apart (the repository's name alone in `repo`).
  if (ins.owner && ins.repo && !ins.repo.includes('/')) return resolveAll(`${ins.owner}/${ins.repo}`, job, self, memo)
  for (const name of REPOSITORY_INPUTS) {
    if (ins[name]) return resolveAll(ins[name], job, self, memo)
  }
  // CLA and sync actions name the other repository by owner and name inputs.
  const remoteOwner = ins['remote-organization-name'] ?? ins['remote_organization_name']
  const remoteRepo = ins['remote-repository-name'] ?? ins['remote_repository_name']
  if (remoteRepo) return resolveRepo(`${remoteOwner ?? self?.split('/')[0] ?? '?'}/${remoteRepo}`, self)
  const owner = ins.owner ?? ins['repo-owner'] ?? ins.repository_owner
  const repo = ins['repo-name'] ?? ins.repository_name
  if (owner && repo) return resolveAll(`${owner}/${repo}`, job, self, memo)
  return { kind: 'same' }
}

/** The names a job's steps may write to $GITHUB_ENV: every `NAME=` on a line that mentions GITHUB_ENV. Read once per job. */
function writtenToGithubEnv(job: JobInfo, memo: Memo): Set<string> {
  return memo.once('names written to $GITHUB_ENV', job, () => {
    const names = new Set<string>()
    for (const s of job.steps) {
      if (!s.run?.value.includes('GITHUB_ENV')) continue
      for (const line of s.run.value.split('\n')) if (line.includes('GITHUB_ENV')) for (const m of line.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1])
    }
    return names
  })
}

/** The last checkout before step `before` whose `path:` is `path`, if any. */
export function lastCheckoutAt(job: JobInfo, path: string, before: number, memo: Memo): StepInfo | undefined {
  // The steps of the job that check out a repository, by `path:` as written, listed once per job.
  const byPath = memo.once('checkouts by path', job, () => {
    const found = new Map<string, number[]>()
    for (const s of job.steps) {
      const at = s.with.path?.value
      if (at === undefined || !s.uses || !/actions\/checkout/i.test(s.uses.value)) continue
      const list = found.get(at)
      if (list) list.push(s.index)
      else found.set(at, [s.index])
    }
    return found
  })
  const list = byPath.get(path) ?? []
  const index = list[firstAtLeast(list, before) - 1]
  return index === undefined ? undefined : job.steps[index]
}

/**
 * `${{ env.X || github.repository }}`: when nothing defines X (no env: block, no write to
 * $GITHUB_ENV), the expression is its fallback.
 */
export function resolveFallback(value: string, ctx: StepContext): string {
  const m = /^\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\|\|\s*(.+?)\s*\}\}$/.exec(value.trim())
  if (!m) return value
  const name = m[1]
  const defined = [ctx.model.env, ctx.job?.env ?? {}, ctx.step.env].some((e) => Object.hasOwn(e, name)) || (!!ctx.job && writtenToGithubEnv(ctx.job, ctx.memo).has(name))
  if (defined) return value
  const fallback = m[2]
  return /^'.*'$/.test(fallback) ? fallback.slice(1, -1) : `\${{ ${fallback} }}`
}
