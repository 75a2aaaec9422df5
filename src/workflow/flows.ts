/**
 * Token flows: every place a secret reaches a step. Each reference to `secrets.X` (or to the
 * whole `secrets` context) becomes a SecretUse positioned at the reference itself, classified by
 * where it sits in the file: a `with:` input, an `env:` binding at workflow/job/step level, a
 * `run:` script, a token inside a URL, a reusable-workflow `secrets:` entry, and so on.
 * `${{ env.X }}` is followed back to the binding of X, so a secret passed through env is seen.
 */
import type { LintError, Position } from '../types.js'
import { firstAtLeast } from '../order.js'
import { contextRefs, fallsBackToGithubToken, findExpressions, type ContextRef } from './expressions.js'
import { decodeQuoted } from './quoted-scalar.js'
import { jobNamed, type JobInfo, type StepInfo, type WorkflowInfo } from './model.js'
import { positionOf, type ParsedFile } from './parse.js'
import { SECRET_MANAGERS } from '../knowledge/action-effects.js'
import type { PathPart, ScalarSite, TreeWalker } from './tree.js'
import { DIRECT_QUESTIONS, isIdentifier, runReadsEnv, VariableReads, type EnvReader } from './variable-reads.js'

export { expressionPattern, isIdentifier, scriptReadsVariable, type EnvReader } from './variable-reads.js'

export type UseKind =
  | 'with'
  | 'env'
  | 'run'
  | 'git-url'
  | 'reusable-workflow'
  | 'secrets-inherit'
  | 'container-credentials'
  | 'other'

export type EnvLevel = 'workflow' | 'job' | 'step'

export interface SecretUse extends Position {
  /** The secret's name, upper-cased as GitHub stores it, or null when every secret is passed on. */
  secret: string | null
  kind: UseKind
  job: JobInfo | null
  step: StepInfo | null
  /** The `with:` input, env variable or reusable-workflow secret that receives the token. */
  input: string | null
  envLevel: EnvLevel | null
  /** `env.NAME` when the secret arrives through `${{ env.NAME }}`. */
  via: string | null
  /** `secrets.X || github.token`: the step still works without the secret. */
  fallbackToGithubToken: boolean
  /** For env bindings: the steps below that visibly read the variable. */
  readBy: StepInfo[] | null
  /** How the reference was written, e.g. `secrets.X`, `toJSON(secrets)`, `secrets: inherit`. */
  expression: string
  /** The secret is a reusable workflow's parameter (`on.workflow_call.secrets`): its callers pass the real one. */
  parameter?: boolean
}

const BUILT_IN = 'GITHUB_TOKEN'

/**
 * The secrets `secrets[matrix.KEY]` can name: the job's matrix values for KEY when every one is
 * written out (GitHub expands the matrix before the run), an empty one naming none; null when a
 * value is an expression or the key is not listed, so the step may get any secret.
 */
function matrixSecrets(values: readonly string[] | undefined): string[] | null {
  if (!values?.length || values.some((v) => v.includes('${{'))) return null
  return [...new Set(values.filter((v) => v.trim() !== '').map((v) => v.trim().toUpperCase()))].filter((v) => v !== BUILT_IN)
}

const stepsByPlace = new WeakMap<JobInfo, Map<string, StepInfo>>()

/** A job's step by its place under `steps:` (see StepInfo.at); a map built once per job. */
function stepAt(job: JobInfo, at: string): StepInfo | null {
  let byPlace = stepsByPlace.get(job)
  if (!byPlace) stepsByPlace.set(job, (byPlace = new Map(job.steps.map((s) => [s.at, s]))))
  return byPlace.get(at) ?? null
}

interface Location {
  job: JobInfo | null
  step: StepInfo | null
  kind: UseKind
  input: string | null
  envLevel: EnvLevel | null
}

function locate(model: WorkflowInfo, path: PathPart[]): Location {
  let rest = path
  let job: JobInfo | null = null
  if (model.kind === 'action') {
    if (rest[0] === 'runs' && rest[1] === 'steps') {
      job = model.jobs[0] ?? null
      rest = ['steps', ...rest.slice(2)]
    }
  } else if (rest[0] === 'jobs' && typeof rest[1] === 'string') {
    job = jobNamed(model, rest[1]) ?? null
    rest = rest.slice(2)
  } else if (rest[0] === 'env' && rest.length === 2) {
    return { job: null, step: null, kind: 'env', input: String(rest[1]), envLevel: 'workflow' }
  }
  if (!job) return { job: null, step: null, kind: 'other', input: null, envLevel: null }
  if (rest[0] === 'steps' && typeof rest[1] === 'number') {
    // A step inside a `parallel:` block is addressed by both positions.
    const inParallel = rest[2] === 'parallel' && typeof rest[3] === 'number'
    const step = stepAt(job, inParallel ? `${rest[1]}.parallel.${rest[3]}` : String(rest[1]))
    if (inParallel) rest = ['steps', rest[1], ...rest.slice(4)]
    const [field, name] = [rest[2], rest[3]]
    if (field === 'with' && rest.length === 4) return { job, step, kind: 'with', input: String(name), envLevel: null }
    if (field === 'env' && rest.length === 4) return { job, step, kind: 'env', input: String(name), envLevel: 'step' }
    if (field === 'run' && rest.length === 3) return { job, step, kind: 'run', input: null, envLevel: null }
    return { job, step, kind: 'other', input: rest.slice(2).join('.'), envLevel: null }
  }
  if (rest[0] === 'env' && rest.length === 2) return { job, step: null, kind: 'env', input: String(rest[1]), envLevel: 'job' }
  if (rest[0] === 'secrets' && rest.length === 2) return { job, step: null, kind: 'reusable-workflow', input: String(rest[1]), envLevel: null }
  if (rest[0] === 'with' && rest.length === 2) return { job, step: null, kind: 'reusable-workflow', input: String(rest[1]), envLevel: null }
  if (rest.includes('credentials') && (rest[0] === 'container' || rest[0] === 'services')) {
    return { job, step: null, kind: 'container-credentials', input: rest.join('.'), envLevel: null }
  }
  return { job, step: null, kind: 'other', input: rest.join('.'), envLevel: null }
}

/** How far around a reference a URL's user-info is looked for: a line may be a megabyte long and hold thousands of references. */
const USERINFO_WINDOW = 2048

/** True when the text around [start, end) is the user-info part of a URL: `https://…${{ x }}…@host`. */
export function insideUrlCredentials(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - USERINFO_WINDOW), start)
  const before = window.slice(window.lastIndexOf('\n') + 1)
  // After the last `://` (an earlier one would have this one's slashes after it), up to the reference:
  // no space, quote, `@` or `/`; before it, a scheme.
  const scheme = before.lastIndexOf('://')
  if (scheme < 1 || /[\s'"`@/]/.test(before.slice(scheme + 3)) || !/[a-z][a-z0-9+.-]*$/i.test(before.slice(Math.max(0, scheme - 64), scheme))) return false
  const ahead = text.slice(end, end + USERINFO_WINDOW)
  const nl = ahead.indexOf('\n')
  return /^[^\s'"`/]*@/.test(nl < 0 ? ahead : ahead.slice(0, nl))
}

function refText(ref: ContextRef): string {
  return ref.name === null ? `${ref.context} (whole context)` : `${ref.context}.${ref.name}`
}

/** Finds every secret reference in a file and where it leads. */
export function findSecretUses(w: TreeWalker, model: WorkflowInfo, envReader: EnvReader = runReadsEnv(new VariableReads())): { uses: SecretUse[]; errors: LintError[] } {
  const file: ParsedFile = w.file
  const uses: SecretUse[] = []
  const errors: LintError[] = []
  if (!file.root) return { uses, errors }
  const scope = model.kind === 'action' ? w.get(file.root, 'runs') : file.root
  const basePath: PathPart[] = model.kind === 'action' ? ['runs'] : []
  // Everything is scanned, `on:` included: a malformed file may hide a job there, and nothing is lost.
  // Only scalars with an expression can reference a secret.
  // Where every `${{` is, found once: searching the text from each scalar instead costs scalars
  // times the file when many scalars follow the last expression.
  const opens: number[] = []
  for (let at = file.text.indexOf('${{'); at >= 0; at = file.text.indexOf('${{', at + 3)) opens.push(at)
  // A double-quoted scalar can spell `${{` with escapes (`\x24{{`): hex escapes are looked at too.
  for (const m of file.text.matchAll(/\\[xuU][0-9a-fA-F]/g)) opens.push(m.index)
  opens.sort((a, b) => a - b)
  const sites = w.scalars(scope, basePath, (start, end) => (opens[firstAtLeast(opens, start)] ?? Infinity) < end)

  // Which secrets each env binding carries, so `${{ env.X }}` and `$X` can be followed.
  const envSecrets = new Map<string, { secret: string | null; ref: ContextRef; site: ScalarSite }[]>()
  const envKey = (loc: Location, name: string) => `${loc.envLevel}|${loc.job?.id ?? ''}|${loc.step?.index ?? ''}|${name}`

  const scan = (site: ScalarSite) => {
    const raw = file.text.slice(site.start, site.end)
    const found: { ref: ContextRef; abs: number; start: number; end: number }[] = []
    // GitHub evaluates the decoded value: a quoted scalar whose escapes change it is read decoded,
    // each reference reported where its first character stands in the file.
    const decoded = site.node.type === 'QUOTE_DOUBLE' || site.node.type === 'QUOTE_SINGLE' ? decodeQuoted(raw) : null
    const text = decoded && decoded.text !== raw.slice(1, -1) && decoded.text.includes('${{') ? decoded.text : null
    const at = (offset: number) => (text ? decoded!.from[offset] ?? 0 : offset)
    for (const expr of findExpressions(text ?? raw)) {
      if (!expr.closed) {
        errors.push({ ...positionOf(file, site.start + at(expr.start)), message: 'expression `${{` is never closed with `}}`' })
      }
      for (const ref of contextRefs(expr)) found.push({ ref, abs: site.start + at(ref.offset), start: at(expr.start), end: at(Math.max(expr.start, expr.end - 1)) + 1 })
    }
    return { raw, found }
  }

  const lookupEnv = (loc: Location, name: string, self: ScalarSite) => {
    const keys: string[] = []
    if (loc.step) keys.push(`step|${loc.job?.id ?? ''}|${loc.step.index}|${name}`)
    if (loc.job) keys.push(`job|${loc.job.id}||${name}`)
    keys.push(`workflow|||${name}`)
    for (const k of keys) {
      const hit = envSecrets.get(k)
      if (hit && !hit.some((h) => h.site === self)) return hit
    }
    return undefined
  }

  const stepsInScope = (loc: Location): StepInfo[] => {
    if (loc.envLevel === 'step') return loc.step ? [loc.step] : []
    if (loc.envLevel === 'job') return loc.job ? loc.job.steps : []
    return model.jobs.flatMap((j) => j.steps)
  }
  // The steps that may read each name, in file order, with their job: built once a file has
  // asked about more than a few workflow- or job-level variables (each a pass over its steps).
  let mayRead: Map<string, { step: StepInfo; job: JobInfo }[]> | null = null
  let envQuestions = 0
  const readersOf = (loc: Location, name: string): StepInfo[] => {
    if (loc.envLevel === 'step' || !isIdentifier(name) || ++envQuestions <= DIRECT_QUESTIONS) return stepsInScope(loc).filter((s) => envReader.reads(s, name))
    if (!mayRead) {
      mayRead = new Map()
      for (const job of model.jobs) {
        for (const step of job.steps) {
          for (const n of envReader.names(step)) {
            const list = mayRead.get(n)
            if (list) list.push({ step, job })
            else mayRead.set(n, [{ step, job }])
          }
        }
      }
    }
    const candidates = mayRead.get(name.toLowerCase()) ?? []
    return candidates.filter((c) => (loc.envLevel !== 'job' || c.job === loc.job) && envReader.reads(c.step, name)).map((c) => c.step)
  }

  // Env bindings first, so references through env can be resolved wherever they appear.
  // Objects are built field by field, not by spreading: a spread makes V8 build them slowly,
  // and uses are read many times later on.
  const scanned = sites.map((site) => {
    const { raw, found } = scan(site)
    return { site, loc: locate(model, site.path), raw, found }
  })
  // `${{ steps.ID.outputs.NAME }}` of a step that fetched secrets from a secrets manager: NAME is a credential.
  const managerOutput = (ref: ContextRef, loc: Location): string | null => {
    if (ref.context !== 'steps' || !ref.name || !loc.job) return null
    const name = /^steps\s*\.\s*[\w-]+\s*\.\s*outputs\s*\.\s*([A-Za-z_][\w-]*)/i.exec(ref.expression.body.slice(ref.offset - ref.expression.bodyStart))?.[1]
    if (!name) return null
    const step = loc.job.steps.find((s) => s.id === ref.name && (!loc.step || s.index < loc.step.index))
    const action = step?.uses?.value.split('@')[0].trim().toLowerCase()
    return action && SECRET_MANAGERS.has(action) ? name.toUpperCase() : null
  }
  for (const { site, loc, found } of scanned) {
    if (loc.kind !== 'env' || !loc.input) continue
    const carried = found.filter((f) => (f.ref.context === 'secrets' && f.ref.name?.toUpperCase() !== BUILT_IN) || managerOutput(f.ref, loc))
    if (carried.length) envSecrets.set(envKey(loc, loc.input), carried.map((f) => ({ secret: f.ref.context === 'secrets' ? (f.ref.name?.toUpperCase() ?? null) : managerOutput(f.ref, loc), ref: f.ref, site })))
  }

  for (const { site, loc, raw, found } of scanned) {
    for (const { ref, abs, start, end } of found) {
      let secrets: { secret: string | null; via: string | null }[] = []
      if (ref.context === 'secrets') {
        if (ref.name?.toUpperCase() === BUILT_IN) continue
        const named = ref.byMatrix ? matrixSecrets(loc.job?.matrix[ref.byMatrix]) : null
        secrets = named ? named.map((secret) => ({ secret, via: null })) : [{ secret: ref.name?.toUpperCase() ?? null, via: null }]
      } else if (ref.context === 'steps') {
        const output = managerOutput(ref, loc)
        if (!output) continue
        secrets = [{ secret: output, via: null }]
      } else if (ref.context === 'env' && ref.name && loc.kind !== 'env') {
        const hit = lookupEnv(loc, ref.name, site)
        if (hit) secrets = hit.map((h) => ({ secret: h.secret, via: `env.${ref.name}` }))
      }
      for (const { secret, via } of secrets) {
        let kind = loc.kind
        if ((kind === 'run' || kind === 'with' || kind === 'env') && insideUrlCredentials(raw, start, end)) kind = 'git-url'
        const readBy = loc.kind === 'env' && loc.input ? readersOf(loc, loc.input) : null
        const at = positionOf(file, abs)
        const use: SecretUse = {
          file: at.file,
          line: at.line,
          column: at.column,
          secret,
          kind,
          job: loc.job,
          step: loc.step,
          input: loc.input,
          envLevel: loc.envLevel,
          via,
          fallbackToGithubToken: fallsBackToGithubToken(ref.expression),
          readBy,
          expression: via ?? refText(ref),
        }
        if (secret && model.callSecrets.includes(secret)) use.parameter = true
        uses.push(use)
      }
    }
  }

  // `secrets: inherit` passes every secret to the called workflow.
  for (const job of model.jobs) {
    if (!job.secretsInherit) continue
    const node = w.get(w.get(w.get(file.root, 'jobs'), job.id), 'secrets')
    const at = node?.range ? positionOf(file, node.range[0]) : job.pos
    uses.push({ ...at, secret: null, kind: 'secrets-inherit', job, step: null, input: null, envLevel: null, via: null, fallbackToGithubToken: false, readBy: null, expression: 'secrets: inherit' })
  }
  uses.sort((a, b) => a.line - b.line || a.column - b.column)
  return { uses, errors }
}
