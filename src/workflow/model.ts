/**
 * A small model of a workflow or composite action: jobs, steps and the scalars pat-lint reads
 * from them, each with its position. Built from the YAML tree, never from text matching.
 */
import { isScalar } from 'yaml'
import type { Position } from '../types.js'
import { positionOf, type ParsedFile } from './parse.js'
import { scalarText, TreeWalker, type ScalarSite } from './tree.js'
import { WORKFLOW_KEYS } from '../knowledge/generated/workflow-keys.js'
import { quoted } from '../limits.js'
import { HEARD_TYPES, PR_CHANGE, PR_TRIGGERS, prActivityListener, PUSH_TAGS } from '../knowledge/events.js'
import { eventsOfCondition, labelsOfCondition } from './job-events.js'

export interface ValueInfo {
  value: string
  /** Source text of the scalar, as written (quotes, block header and all). */
  raw: string
  start: number
  pos: Position
}

export interface StepInfo {
  file: string
  job: string | null
  index: number
  /** Where the step sits under `steps:`: `3`, or `3.parallel.1` inside a `parallel:` block. */
  at: string
  id?: string
  name?: string
  /** `uses:` as written, e.g. `actions/checkout@v4` or `./.github/actions/x`. */
  uses?: ValueInfo
  run?: ValueInfo
  with: Record<string, ValueInfo>
  env: Record<string, ValueInfo>
  /** Where a `run:` step runs: its `working-directory`, else the job's or workflow's `defaults.run` one. */
  workingDirectory?: string
  /** `if:` as written: the step may be skipped. */
  if?: string
  /** The shell a `run:` step's script runs in: its `shell:`, the job's or workflow's `defaults.run.shell`, else `pwsh` on a runner named for Windows. */
  shell?: string
  pos: Position
}

export interface JobInfo {
  id: string
  name?: string
  /** A reusable-workflow call. */
  uses?: ValueInfo
  with: Record<string, ValueInfo>
  env: Record<string, ValueInfo>
  steps: StepInfo[]
  /** `permissions:` as plain data (`read-all`, or key -> level), when given. */
  permissions?: string | Record<string, string>
  secretsInherit: boolean
  /** `strategy.matrix` values by key (literal scalars only; `include:` entries merged in). */
  matrix: Record<string, string[]>
  /** The events its `if:` limits it to (`github.event_name == 'push'`); absent when it runs on every trigger. */
  events?: string[]
  /** The labels its `if:` limits it to (`github.event.label.name == 'x'`), lower-cased; absent when none in particular. */
  labels?: string[]
  pos: Position
}

export interface WorkflowInfo {
  file: string
  kind: 'workflow' | 'action'
  name?: string
  /** Event names under `on:`. */
  triggers: string[]
  /** The triggers whose `types:` let them hear the pull requests and releases a token makes (all others as they are). */
  listens?: string[]
  /** What each trigger under `on:` hears, as in `listens`. */
  listensBy?: Record<string, string[]>
  env: Record<string, ValueInfo>
  permissions?: string | Record<string, string>
  jobs: JobInfo[]
  /** For composite actions: `runs.using`. */
  using?: string
  /** A composite action of another repository (`owner/repo[/path]`): its `./` actions are that repository's. */
  remote?: string
  /** Secrets a reusable workflow takes from its callers (`on.workflow_call.secrets`), upper-cased. */
  callSecrets: string[]
}

const jobsById = new WeakMap<WorkflowInfo, Map<string, JobInfo>>()

/** Up to this many jobs, a search of the list is cheaper than building a map. */
const JOBS_SEARCHED = 16

/** A workflow's job by id (the first, as GitHub takes a mapping's first key); a map built once per model serves workflows of many jobs. */
export function jobNamed(model: WorkflowInfo, id: string): JobInfo | undefined {
  if (model.jobs.length <= JOBS_SEARCHED) return model.jobs.find((j) => j.id === id)
  let byId = jobsById.get(model)
  if (!byId) {
    byId = new Map()
    for (const job of model.jobs) if (!byId.has(job.id)) byId.set(job.id, job)
    jobsById.set(model, byId)
  }
  return byId.get(id)
}

/** Human label for a step: its name, else its `uses:`, else `run` and the step's number. */
export function stepLabel(step: StepInfo): string {
  return step.name ?? step.id ?? step.uses?.value ?? `step ${step.index + 1}`
}

export function valueInfo(file: ParsedFile, site: Pick<ScalarSite, 'value' | 'start' | 'end'>): ValueInfo {
  return { value: site.value, raw: file.text.slice(site.start, site.end), start: site.start, pos: positionOf(file, site.start) }
}

function scalarMap(w: TreeWalker, node: unknown): Record<string, ValueInfo> {
  const out: Record<string, ValueInfo> = {}
  for (const [key, , value] of w.entries(node)) {
    const info = scalarInfo(w, value)
    if (info) out[key] = info
  }
  return out
}

function scalarInfo(w: TreeWalker, node: unknown): ValueInfo | undefined {
  const n = w.resolve(node)
  if (!isScalar(n) || !n.range) return undefined
  const text = scalarText(n)
  return text === undefined ? undefined : valueInfo(w.file, { value: text, start: n.range[0], end: n.range[1] })
}

function permissionsOf(w: TreeWalker, node: unknown): string | Record<string, string> | undefined {
  const s = w.str(node)
  if (s !== undefined) return s
  const entries = w.entries(node)
  if (!entries.length && !w.resolve(node)) return undefined
  const out: Record<string, string> = {}
  for (const [k, , v] of entries) out[k] = w.str(v) ?? ''
  return out
}

function nodePos(w: TreeWalker, node: unknown, fallback: Position): Position {
  const n = w.resolve(node)
  return n?.range ? positionOf(w.file, n.range[0]) : fallback
}

/** The steps under `steps:`, with those of a `parallel:` block in place of the block (they run concurrently). */
function stepNodes(w: TreeWalker, stepsNode: unknown): { node: unknown; at: string }[] {
  const out: { node: unknown; at: string }[] = []
  w.items(stepsNode).forEach((s, n) => {
    const parallel = w.get(s, 'parallel')
    if (parallel) w.items(parallel).forEach((inner, m) => out.push({ node: inner, at: `${n}.parallel.${m}` }))
    else out.push({ node: s, at: String(n) })
  })
  return out
}

function buildSteps(w: TreeWalker, stepsNode: unknown, job: string | null, fallback: Position, defaultDirectory?: string, defaultShell?: string): StepInfo[] {
  return stepNodes(w, stepsNode).map(({ node: s, at }, index) => {
    const pos = nodePos(w, s, fallback)
    const step: StepInfo = {
      file: w.file.path,
      job,
      index,
      at,
      id: w.str(w.get(s, 'id')),
      name: w.str(w.get(s, 'name')),
      uses: scalarInfo(w, w.get(s, 'uses')),
      run: scalarInfo(w, w.get(s, 'run')),
      with: scalarMap(w, w.get(s, 'with')),
      env: scalarMap(w, w.get(s, 'env')),
      pos,
    }
    const directory = step.run ? (w.str(w.get(s, 'working-directory')) ?? defaultDirectory) : undefined
    if (directory !== undefined) step.workingDirectory = directory
    const shell = step.run ? (w.str(w.get(s, 'shell')) ?? defaultShell) : undefined
    if (shell !== undefined) step.shell = shell
    const condition = w.str(w.get(s, 'if'))
    if (condition !== undefined && condition.trim() !== '') step.if = condition
    return step
  })
}

/** `defaults.run.shell` of a workflow or job. */
function defaultShell(w: TreeWalker, node: unknown): string | undefined {
  return w.str(w.get(w.get(w.get(node, 'defaults'), 'run'), 'shell'))
}

/**
 * The shell a job's `run:` steps default to when nothing names one: PowerShell (pwsh) on Windows
 * runners, bash elsewhere (GitHub docs, jobs.<job_id>.steps[*].shell). Only a literal `runs-on`
 * naming Windows is read; a label chosen at run time is not guessed.
 */
function runnerShell(w: TreeWalker, job: unknown): string | undefined {
  const runsOn = w.get(job, 'runs-on')
  const one = w.str(runsOn)
  const labels = one !== undefined ? [one] : w.items(runsOn).map((n) => w.str(n) ?? '')
  return labels.some((l) => /^windows\b/i.test(l.trim())) ? 'pwsh' : undefined
}

/** `defaults.run.working-directory` of a workflow or job. */
function defaultDirectory(w: TreeWalker, node: unknown): string | undefined {
  return w.str(w.get(w.get(w.get(node, 'defaults'), 'run'), 'working-directory'))
}

function matrixOf(w: TreeWalker, node: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const add = (key: string, value: string | undefined) => {
    if (value === undefined) return
    ;(out[key] ??= []).includes(value) || out[key].push(value)
  }
  for (const [key, , value] of w.entries(node)) {
    if (key === 'include') {
      for (const entry of w.items(value)) for (const [k, , v] of w.entries(entry)) add(k, w.str(v))
    } else if (key !== 'exclude') {
      for (const item of w.items(value)) add(key, w.str(item))
    }
  }
  return out
}

/**
 * The triggers whose filters let them hear what a token causes: a pull_request or release trigger
 * with `types:` that lists none of the types a token's pull requests and releases have does not.
 * A pull_request trigger whose `types:` lists other activity (closed, labeled, ready_for_review, …)
 * also hears a token's changes to a pull request (PR_CHANGE).
 */
const withEvents = (events: string[] | null) => (events ? { events } : {})
const withLabels = (labels: string[] | null) => (labels ? { labels } : {})

/**
 * A pull request's labeled or unlabeled activity starts a run of this workflow only for the labels
 * its jobs' `if:` name when every job that runs on `trigger` names some: such a listener is kept
 * as `pull_request (labeled)#label`, one per label, and an event about another label is not heard.
 */
function labelLimited(heard: string[], trigger: string, jobs: readonly JobInfo[]): string[] {
  if (!PR_TRIGGERS.has(trigger)) return heard
  const running = jobs.filter((j) => !j.events || j.events.includes(trigger))
  if (!running.length || running.some((j) => !j.labels)) return heard
  const labels = [...new Set(running.flatMap((j) => j.labels!))]
  return heard.flatMap((l) => (l === prActivityListener('labeled') || l === prActivityListener('unlabeled') ? labels.map((x) => `${l}#${x}`) : [l]))
}

function listeningTriggers(w: TreeWalker, node: unknown, triggers: string[]): string[] {
  return triggers.flatMap((name) => {
    if (name === 'push') return pushListens(w, w.get(node, 'push'))
    const heard = HEARD_TYPES[name]
    if (!heard) return [name]
    const typesNode = w.get(w.get(node, name), 'types')
    const one = w.str(typesNode)
    const types = (one !== undefined ? [one] : w.items(typesNode).map((n) => w.str(n) ?? '')).map((t) => t.trim()).filter(Boolean)
    if (!types.length) return [name]
    const out = types.some((t) => heard.includes(t)) ? [name] : []
    if (PR_TRIGGERS.has(name) && types.some((t) => !heard.includes(t))) out.push(PR_CHANGE, ...types.filter((t) => !heard.includes(t)).map(prActivityListener))
    return out
  })
}

/** What a push trigger hears: branch pushes (`push`), tag pushes (PUSH_TAGS), or both when it filters on neither. */
function pushListens(w: TreeWalker, push: unknown): string[] {
  const has = (key: string) => w.get(push, key) !== undefined
  const branches = has('branches') || has('branches-ignore')
  const tags = has('tags') || has('tags-ignore')
  if (branches && !tags) return ['push']
  if (tags && !branches) return [PUSH_TAGS]
  return ['push', PUSH_TAGS]
}

function triggersOf(w: TreeWalker, node: unknown): string[] {
  const s = w.str(node)
  if (s !== undefined) return [s]
  const items = w.items(node)
  if (items.length) return items.map((i) => w.str(i)).filter((x): x is string => !!x)
  return w.entries(node).map(([k]) => k)
}

export function buildModel(w: TreeWalker): WorkflowInfo {
  const file = w.file
  const root = file.root
  const top: Position = { file: file.path, line: 1, column: 1 }
  if (file.kind === 'action') {
    const runs = w.get(root, 'runs')
    const using = w.str(w.get(runs, 'using'))
    const steps = buildSteps(w, w.get(runs, 'steps'), null, top)
    return {
      file: file.path,
      kind: 'action',
      name: w.str(w.get(root, 'name')),
      triggers: [],
      env: {},
      using,
      callSecrets: [],
      jobs: steps.length ? [{ id: '(composite)', with: {}, env: {}, steps, secretsInherit: false, matrix: {}, pos: nodePos(w, runs, top) }] : [],
    }
  }
  const jobs: JobInfo[] = []
  const on = w.get(root, 'on') ?? w.get(root, 'true')
  const triggers = triggersOf(w, on)
  const workflowDirectory = defaultDirectory(w, root)
  const workflowShell = defaultShell(w, root)
  for (const [id, key, job] of w.entries(w.get(root, 'jobs'))) {
    const pos = key.range ? positionOf(file, key.range[0]) : top
    jobs.push({
      id,
      name: w.str(w.get(job, 'name')),
      uses: scalarInfo(w, w.get(job, 'uses')),
      with: scalarMap(w, w.get(job, 'with')),
      env: scalarMap(w, w.get(job, 'env')),
      steps: buildSteps(w, w.get(job, 'steps'), id, pos, defaultDirectory(w, job) ?? workflowDirectory, defaultShell(w, job) ?? workflowShell ?? runnerShell(w, job)),
      permissions: permissionsOf(w, w.get(job, 'permissions')),
      secretsInherit: w.str(w.get(job, 'secrets')) === 'inherit',
      matrix: matrixOf(w, w.get(w.get(job, 'strategy'), 'matrix')),
      ...withEvents(eventsOfCondition(w.str(w.get(job, 'if')))),
      ...withLabels(labelsOfCondition(w.str(w.get(job, 'if')))),
      pos,
    })
  }
  return {
    file: file.path,
    kind: 'workflow',
    name: w.str(w.get(root, 'name')),
    triggers,
    listens: [...new Set(triggers.flatMap((t) => labelLimited(listeningTriggers(w, on, [t]), t, jobs)))],
    listensBy: Object.fromEntries(triggers.map((t) => [t, labelLimited(listeningTriggers(w, on, [t]), t, jobs)])),
    env: scalarMap(w, w.get(root, 'env')),
    permissions: permissionsOf(w, w.get(root, 'permissions')),
    callSecrets: w.entries(w.get(w.get(w.get(root, 'on'), 'workflow_call'), 'secrets')).map(([k]) => k.toUpperCase()),
    jobs,
  }
}

/**
 * Keys GitHub documented after the parser schema pat-lint's table is built from: `cache-mode`, at
 * the workflow and the job (GitHub changelog 2026-09-10, "Control GitHub Actions cache access with
 * cache-mode"). A scalar: nothing under it to analyse.
 */
const DOCUMENTED_LATER: Readonly<Record<'workflow' | 'job' | 'step', readonly string[]>> = { workflow: ['cache-mode'], job: ['cache-mode'], step: [] }

/**
 * Keys GitHub's workflow parser does not list for a workflow, a job or a step (newer syntax, or a
 * mistake): pat-lint reads what it knows and says what it passed over. Secrets under such a key
 * are still found, as uses pat-lint does not interpret.
 */
export function unknownKeys(w: TreeWalker, model: WorkflowInfo): { line: number; column: number; message: string }[] {
  const root = w.file.root
  if (!root || model.kind !== 'workflow') return []
  const out: { line: number; column: number; message: string }[] = []
  const check = (node: unknown, known: readonly string[], what: string) => {
    for (const [key, keyNode] of w.entries(node)) {
      if (known.includes(key)) continue
      const pos = keyNode.range ? positionOf(w.file, keyNode.range[0]) : { line: 1, column: 1 }
      out.push({ line: pos.line, column: pos.column, message: `${what} has a key pat-lint does not know, \`${quoted(key)}\`: what is under it is not analysed (secrets there are still reported)` })
    }
  }
  const known = (level: 'workflow' | 'job' | 'step') => [...WORKFLOW_KEYS[level], ...DOCUMENTED_LATER[level]]
  check(root, known('workflow'), 'the workflow')
  for (const [id, , job] of w.entries(w.get(root, 'jobs'))) {
    check(job, known('job'), `job ${quoted(id)}`)
    for (const { node } of stepNodes(w, w.get(job, 'steps'))) check(node, known('step'), `a step of job ${quoted(id)}`)
  }
  return out
}

/** Structural problems GitHub would reject the file for, that pat-lint can see cheaply. */

export function structuralErrors(w: TreeWalker, model: WorkflowInfo): { line: number; column: number; message: string }[] {
  const root = w.file.root
  if (!root || model.kind !== 'workflow') return []
  const out: { line: number; column: number; message: string }[] = []
  const jobs = w.get(root, 'jobs')
  if (!jobs) out.push({ line: 1, column: 1, message: 'workflow has no `jobs:` mapping; GitHub will reject it' })
  if (!w.get(root, 'on')) out.push({ line: 1, column: 1, message: 'workflow has no `on:` trigger; GitHub will reject it' })
  return out
}

/** The repository path a `uses: ./path` names (a local action's directory or a local reusable workflow), else null. */
export function localPath(uses: string | undefined): string | null {
  const v = uses?.trim()
  return v?.startsWith('./') ? v.replace(/^\.\//, '').replace(/@.*$/, '').replace(/\/+$/, '') : null
}
