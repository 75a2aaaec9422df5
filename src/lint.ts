/**
 * The pipeline both entry points share: discover files, parse them, find token flows, load the
 * requirements, recognise credentials, run the rules and build the report. Pure apart from
 * reading the repository; nothing here touches @actions/*.
 */
import { isSshKeyUse, recogniseSecrets } from './analysis/recognise.js'
import { configIgnores, inlineIgnores, isIgnored } from './ignore.js'
import { findRequirements, loadRequirements, loadValidator, type DeclaredToken, type LoadedRequirements, type Validate } from './requirements/load.js'
import { RULES } from './rules/index.js'
import type { RuleContext, TokenFacts } from './rules/types.js'
import type { Finding, LintError, LiveCheck, Severity } from './types.js'
import { isLiveCheckUse, liveCheckSteps } from './analysis/live-check-use.js'
import { REPORT_VERSION, type Report, type TokenReport, type UseReport } from './report/model.js'
import { discoverFiles, type Candidate } from './workflow/files.js'
import { readLoadedScripts } from './workflow/script-imports.js'
import { readReleaseConfigs } from './workflow/release-configs.js'
import { compositeModel } from './workflow/remote-composites.js'
import type { SecretUse } from './workflow/flows.js'
import { localPath, stepLabel, type WorkflowInfo } from './workflow/model.js'
import { readsEnvWith } from './analysis/env-readers.js'
import { ingestFile } from './workflow/ingest.js'
import { ActionKnowledge, actionName, DEFAULT_KNOWLEDGE, type KnownAction } from './knowledge/actions.js'
import { decideUse, undecided, type AnalysisContext } from './analysis/use.js'
import { tokenVerdict } from './analysis/token.js'
import { statedReason, withStatedReason } from './analysis/stated-reason.js'
import type { UseDecision } from './analysis/types.js'
import { compareText } from './order.js'
import { Memo } from './analysis/memo.js'
import type { RunStats } from './run-stats.js'
import { firstOf, MAX_REASONS_PER_USE, MAX_REPOSITORIES_PER_TOKEN, quoted } from './limits.js'

// The report's schema is report/model.ts; entry points and tests take it from here too.
export { REPORT_VERSION, type Report, type TokenReport, type UseReport }

/**
 * Whether GitHub can store a secret of this name: letters, digits and `_`, not starting with a
 * digit or with `GITHUB_` (GitHub Docs, "Using secrets in GitHub Actions", naming your secrets).
 */
export function isSecretName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^GITHUB_/i.test(name)
}

/**
 * Whether a reference can hold a value: a secret GitHub can store, or a reusable workflow's own
 * parameter (`on.workflow_call.secrets`), named as its inputs are, hyphens allowed
 * (`secrets.commercial-repository-password`, as spring-projects/spring-boot's release workflows pass).
 */
function canHoldValue(use: SecretUse): boolean {
  if (use.secret === null || isSecretName(use.secret)) return true
  return !!use.parameter && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(use.secret)
}

/** The files of the repository steps load or are configured by, read before the analysis. */
function repositoryFiles(root: string, models: readonly WorkflowInfo[]): Map<string, string | null> {
  const files = readLoadedScripts(root, models)
  readReleaseConfigs(root, models, files)
  return files
}

/** Said once per run when nobody named the repository: findings that compare with it are left out. */
export const UNKNOWN_REPOSITORY =
  'the repository being linted is unknown (no --repository, no GITHUB_REPOSITORY, and no GitHub remote in .git/config): whether a token reaches only this repository cannot be told, so findings that depend on it are left out; pass --repository OWNER/NAME'
export const DEFAULT_MAX_EXPIRY_DAYS = 90

export interface LintOptions {
  /** `owner/name` of the repository being linted, when known. */
  repository?: string | null
  /** Path of pat-requirements.yml relative to the root, overriding the defaults. */
  requirementsPath?: string
  maxExpiryDays?: number
  /** Lint as if no requirements file existed (for `init`). */
  ignoreRequirements?: boolean
  /** Counts of the run's work by stage, filled in when given (tests and benchmarks read them). */
  stats?: RunStats
  /** The schema check (loadValidator()), needed when there is a requirements file to read. */
  validate?: Validate
  /** Knowledge of actions beyond the built-in (read from their source, knowledge/derive-action.ts); the requirements file's own entries win. */
  actions?: readonly KnownAction[]
  /** What a live check read from GitHub about tokens (github/live-check.ts): its rules run on it. */
  live?: readonly LiveCheck[]
  /** A live check warns of tokens expiring within this many days (default 14). */
  expiryWarningDays?: number
}

export const DEFAULT_EXPIRY_WARNING_DAYS = 14

/** Loads the schema check when the repository has a requirements file to read, so that a run without one never loads zod. */
export async function validatorFor(root: string, options: Pick<LintOptions, 'requirementsPath' | 'ignoreRequirements'>): Promise<Validate | undefined> {
  if (options.ignoreRequirements) return undefined
  const found = findRequirements(root, options.requirementsPath)
  return found.path ? loadValidator() : undefined
}

const NOT_LOADED: Validate = () => {
  throw new Error('the requirements schema was not loaded: pass validate (validatorFor) to lint()')
}

function localActionDirs(models: WorkflowInfo[]): string[] {
  const dirs = new Set<string>()
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    const dir = localPath(s.uses?.value)
    if (dir) dirs.add(dir)
  }
  return [...dirs]
}

function target(use: SecretUse): string | null {
  if (use.step?.uses) return use.step.uses.value
  if (use.step?.run) return 'run'
  if (use.kind === 'reusable-workflow' || use.kind === 'secrets-inherit') return use.job?.uses?.value ?? null
  return null
}

function useReport(use: SecretUse, decision: UseDecision, knowledge: ActionKnowledge): UseReport {
  // Labels the files hold once may be quoted for each of thousands of uses: each is cut to 200 characters.
  const label = (text: string | null | undefined) => (text === null || text === undefined ? null : quoted(text))
  const out: UseReport = {
    file: use.file,
    line: use.line,
    column: use.column,
    job: label(use.job?.id),
    step: use.step ? quoted(stepLabel(use.step)) : null,
    kind: use.kind,
    target: label(target(use)),
    input: label(use.input),
    via: label(use.via),
    fallbackToGithubToken: use.fallbackToGithubToken,
    githubTokenWouldDo: decision.githubTokenWouldDo,
    needs: decision.needs,
    reasons: [],
    reasonCodes: [],
  }
  const { shown, more } = firstOf(decision.reasons, MAX_REASONS_PER_USE)
  out.reasons = shown.map((r) => r.text)
  out.reasonCodes = shown.map((r) => [...r.codes])
  if (more) {
    out.reasons.push(`and ${more} more reasons, not listed`)
    out.reasonCodes.push([])
  }
  const known = use.step?.uses ? knowledge.lookup(use.step.uses.value) : undefined
  if (known?.readFromSource) out.readFromSource = known.readFromSource
  if (known?.release) out.actionRelease = known.release
  if (use.readBy) out.readBy = use.readBy.map((s) => ({ file: s.file, line: s.pos.line, job: label(s.job), step: quoted(stepLabel(s)) }))
  return out
}

/** A token's repositories as the report lists them: the first ones, and how many more there are. */
function listedRepositories(repositories: string[]): Pick<TokenReport, 'repositories' | 'repositoriesNotListed'> {
  const { shown, more } = firstOf(repositories, MAX_REPOSITORIES_PER_TOKEN)
  return more ? { repositories: [...shown], repositoriesNotListed: more } : { repositories }
}

function requested(d: DeclaredToken): TokenReport['requested'] {
  const r: NonNullable<TokenReport['requested']> = {}
  if (d.owner) r.owner = d.owner
  if (d.repositories) r.repositories = d.repositories
  if (d['expires-in'] !== undefined) r.expiresIn = d['expires-in']
  if (d.purpose) r.purpose = d.purpose
  if (d.permissions) r.permissions = d.permissions as Record<string, string>
  if (d.scopes) r.scopes = d.scopes
  return r
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

/** decideUse, with a bug of ours turned into an undecided verdict rather than a lost run. */
function decideSafely(use: SecretUse, analysis: AnalysisContext): UseDecision {
  try {
    return decideUse(use, analysis)
  } catch (e) {
    return undecided(`pat-lint failed to analyse this use (${(e as Error).message}); please report it`)
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 }

/** Lints the repository at `root`. Never throws for bad repository content. */
export function lint(root: string, options: LintOptions = {}): Report {
  // The requirements come first: what they say about actions shapes how steps are read.
  const requirements: LoadedRequirements = options.ignoreRequirements
    ? { path: null, tokens: [], ignore: [], actions: [], errors: [] }
    : loadRequirements(root, options.requirementsPath, options.validate ?? NOT_LOADED)
  const extra = [...(options.actions ?? []), ...requirements.actions]
  const knowledge = extra.length ? new ActionKnowledge(extra) : DEFAULT_KNOWLEDGE
  // Every cache of the run lives here and dies with it.
  const memo = new Memo(options.stats)
  const readsEnv = readsEnvWith(knowledge, memo.variables)
  const { stats } = memo

  const errors: LintError[] = []
  const notes: LintError[] = []
  // Only path and text outlive a file's analysis: the YAML tree is dropped once the model is built.
  const parsed: { path: string; text: string }[] = []
  const models: WorkflowInfo[] = []
  const uses: SecretUse[] = []
  const seen = new Set<string>()
  const ingest = (candidates: Candidate[]) => {
    for (const c of candidates) {
      if (seen.has(c.path)) continue
      seen.add(c.path)
      const f = ingestFile(root, c, readsEnv)
      for (const e of f.errors) errors.push(e) // a file may hold more than push(...) takes
      for (const n of f.notes) notes.push(n)
      if (f.text === null) continue
      stats.filesParsed++
      parsed.push({ path: f.path, text: f.text })
      if (!f.model) continue
      models.push(f.model)
      for (const job of f.model.jobs) stats.stepsModelled += job.steps.length
      stats.secretUses += f.uses.length
      for (const u of f.uses) uses.push(u)
    }
  }
  ingest(discoverFiles(root))
  // Then the actions that workflows call as `uses: ./path` from outside .github/actions.
  ingest(discoverFiles(root, localActionDirs(models)))

  const declared = new Map(requirements.tokens.map((t) => [t.secret, t]))
  // A reusable workflow's parameters stand for its callers' secrets: where a caller is in this
  // repository, the caller's use carries the decision and the parameter is no token of its own.
  const calledLocally = new Set(models.flatMap((m) => m.jobs.map((j) => localPath(j.uses?.value)).filter((p): p is string => !!p)))
  // A name GitHub cannot store is no secret at all: its reference is always empty (said by a rule).
  // Handing a token to pat-lint's live check reads what GitHub says of it: no use.
  const liveSteps = liveCheckSteps(models)
  const liveCheckUses = liveSteps.size ? uses.filter((u) => isLiveCheckUse(u, liveSteps)) : []
  const tokenUses = uses.filter((u) => !(u.parameter && calledLocally.has(u.file)) && canHoldValue(u) && !liveCheckUses.includes(u))
  const impossibleNames = uses.filter((u) => !canHoldValue(u))
  const workflowEnvs = new Map(models.map((m) => [m.file, m.env]))
  const recognised = recogniseSecrets(tokenUses, new Set(declared.keys()), knowledge, (file) => workflowEnvs.get(file), memo)

  const analysis: AnalysisContext = {
    self: options.repository ?? null,
    models: new Map(models.map((m) => [m.file, m])),
    usesByFile: groupBy(uses, (u) => u.file),
    knowledge,
    listeners: {
      triggers: new Set(models.filter((m) => m.kind === 'workflow').flatMap((m) => m.listens ?? m.triggers)),
      workflowCount: models.filter((m) => m.kind === 'workflow').length,
    },
    triggersByFile: new Map(models.filter((m) => m.kind === 'workflow').map((m) => [m.file, m.listens ?? m.triggers])),
    memo,
    scriptFiles: repositoryFiles(root, models),
    remoteComposites: remoteComposites(models, knowledge),
  }
  // Lines are split only for files that need them: an undecided use (its step's comments are
  // read) or a finding (inline ignores are read).
  const texts = new Map(parsed.map((f) => [f.path, f.text]))
  const lines = new Map<string, string[]>()
  const lineText = { get: (file: string) => (lines.get(file) ?? (texts.has(file) ? lines.set(file, texts.get(file)!.split(/\r?\n/)).get(file) : undefined)) }
  const usesBySecret = groupBy(tokenUses.filter((u) => u.secret), (u) => u.secret!)
  const tokens: TokenFacts[] = [...recognised.entries()]
    .map(([secret, recognisedBy]) => {
      const tokenUses = usesBySecret.get(secret) ?? []
      const decisions = tokenUses.map((u) => {
        const decision = decideSafely(u, analysis)
        const fileLines = u.step && (decision.githubTokenWouldDo === null || (decision.githubTokenWouldDo === true && decision.calls.length)) ? lineText.get(u.file) : undefined
        return fileLines ? withStatedReason(decision, statedReason(fileLines, u.step!.pos.line, u.line, memo)) : decision
      })
      const sshKey = tokenUses.length > 0 && tokenUses.every(isSshKeyUse)
      return { secret, declaration: declared.get(secret) ?? null, recognisedBy, uses: tokenUses, decisions, verdict: tokenVerdict(decisions, options.repository ?? null, memo), ...(sshKey ? { sshKey } : {}) }
    })
    .sort((a, b) => compareText(a.secret, b.secret))

  const ctx: RuleContext = {
    tokens,
    requirements,
    passAllUses: tokenUses.filter((u) => u.secret === null),
    impossibleNames,
    fileErrors: errors,
    fileNotes: notes,
    maxExpiryDays: options.maxExpiryDays ?? requirements.maxExpiryDays ?? DEFAULT_MAX_EXPIRY_DAYS,
    repository: options.repository ?? null,
    memo,
    live: options.live ?? [],
    liveCheckUses,
    expiryWarningDays: options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
  }
  const findings: Finding[] = []
  const ignoredByConfig = configIgnores(requirements.ignore)
  // Read once per line: thousands of findings can sit on one long line.
  const inlineByLine = new Map<string, Set<string> | null>()
  const inlineAt = (file: string, line: number) => {
    const key = `${line}:${file}`
    let ignores = inlineByLine.get(key)
    if (ignores === undefined) {
      const text = lineText.get(file)?.[line - 1]
      inlineByLine.set(key, (ignores = text === undefined ? null : inlineIgnores(text)))
    }
    return ignores
  }
  for (const rule of RULES) {
    for (const f of rule.check(ctx)) {
      stats.findingsBuilt++
      const finding: Finding = { rule: rule.meta.id, messageId: f.messageId, severity: f.severity ?? rule.meta.defaultSeverity, message: f.message, file: f.file, line: f.line, column: f.column }
      if (f.endLine !== undefined) Object.assign(finding, { endLine: f.endLine, endColumn: f.endColumn })
      if (f.secret) finding.secret = f.secret
      if (f.help) finding.help = f.help
      if (f.related) finding.related = f.related
      if (!isIgnored(finding, inlineAt(finding.file, finding.line), ignoredByConfig)) findings.push(finding)
    }
  }
  findings.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])

  return {
    version: REPORT_VERSION,
    repository: options.repository ?? null,
    requirementsFile: requirements.path,
    maxExpiryDays: ctx.maxExpiryDays,
    files: parsed.map((f) => f.path),
    notices: options.repository ? [] : [UNKNOWN_REPOSITORY],
    tokens: tokens.map((t) => ({
      secret: t.secret,
      declared: !!t.declaration,
      recognisedBy: t.recognisedBy,
      githubTokenWouldDo: t.verdict.githubTokenWouldDo,
      minimal: t.verdict.minimal,
      minimalScopes: t.verdict.minimalScopes,
      fineGrainedPossible: t.verdict.fineGrainedPossible,
      ...listedRepositories(t.verdict.repositories),
      ownRepository: t.verdict.ownRepository,
      type: t.declaration?.type ?? null,
      requested: t.declaration ? requested(t.declaration) : null,
      uses: t.uses.map((u, i) => useReport(u, t.decisions[i], knowledge)),
    })),
    findings,
    errors: [...errors, ...requirements.errors].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column),
    unknownActions: unknownActions(tokens, knowledge),
    ...(options.live ? { live: [...options.live] } : {}),
    ...liveCheckSecrets(liveCheckUses),
  }
}

/** The variables workflows hand to the live check under another name than their secret's (`TOKEN: ${{ secrets.RELEASE_PAT }}`). */
function liveCheckSecrets(uses: readonly SecretUse[]): Pick<Report, 'liveCheckSecrets'> {
  const out: Record<string, string> = {}
  for (const u of uses) if (u.input && u.secret && u.input !== u.secret) out[u.input] = u.secret
  return Object.keys(out).length ? { liveCheckSecrets: out } : {}
}

/** The composite actions of other repositories that steps use, modelled from the action.yml the knowledge holds. */
function remoteComposites(models: readonly WorkflowInfo[], knowledge: ActionKnowledge): Map<string, WorkflowInfo> {
  const out = new Map<string, WorkflowInfo>()
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    const uses = s.uses?.value
    const name = uses ? actionName(uses)?.toLowerCase() : undefined
    if (!uses || !name || out.has(name)) continue
    const known = knowledge.lookup(uses)
    const model = known?.composite ? compositeModel(known.uses, `${known.uses} (action.yml read from ${known.readFromSource ?? known.source.replace(/^read from /, '').split(':')[0]})`, known.composite) : null
    if (model) out.set(name, model)
  }
  return out
}

/** The remote actions given a token that the knowledge does not hold: what a run with network may read. */
function unknownActions(tokens: readonly TokenFacts[], knowledge: ActionKnowledge): string[] {
  const out = new Set<string>()
  for (const t of tokens) for (const u of t.uses) {
    const uses = u.step?.uses?.value.trim()
    if (uses && actionName(uses) && uses.includes('@') && !knowledge.lookup(uses)) out.add(uses)
  }
  return [...out].sort(compareText)
}
