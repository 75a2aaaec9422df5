/**
 * The Action: read inputs, lint the workspace, report (annotations, job summary, SARIF, JSON,
 * outputs), and decide the build. The only place that calls core.setFailed.
 */
import * as core from './github/actions-core.js'
import { writeInside } from './github/safe-write.js'
import { relative, resolve, sep } from 'node:path'
import { underPath } from './report/rebase.js'
import { tmpdir } from 'node:os'
import { lint, validatorFor, type LintOptions, type Report } from './lint.js'
import { creationLinks, serverOf, tokenAdvice } from './report/advice.js'
import { noPullRequestNotice, pullRequestOf } from './github/event.js'
import { formatJson } from './report/json.js'
import { formatMarkdown } from './report/markdown.js'
import { formatSarif } from './report/sarif.js'
import { countAtOrAbove, FAIL_ON_VALUES, SEVERITY_MAP, type FailOn } from './report/severity.js'
import { insideRoot } from './workflow/files.js'
import type { Severity } from './types.js'
import { liveCheckNames, liveCheckProblem, tokenLikeEntries } from './knowledge/pat-lint-action.js'

/** GitHub shows at most 10 annotations of each type per step; the rest go to the summary. */
export const ANNOTATIONS_PER_TYPE = 10

export interface Inputs {
  workspace: string
  path: string
  requirementsFile?: string
  failOn: FailOn
  maxExpiryDays?: number
  sarifFile?: string
  githubToken: string
  comment: 'auto' | 'always' | 'never'
  /** Read the source of actions pat-lint has no knowledge of, through the API with github-token. */
  readUnknownActions: boolean
  /** Environment variables holding tokens to ask GitHub about (the live check); empty for none. */
  liveCheck: string[]
  /** The live check warns of tokens expiring within this many days. */
  expiryWarningDays: number
  /** What is wrong with the live-check input: the step fails, the lint still runs, without the check. */
  liveCheckProblem: string | null
}

/**
 * Masks the value of every variable the live-check input names, before anything else runs: from
 * here on the runner blots them out of the log whatever prints them. A value spread over lines is
 * masked line by line too, as the runner matches a mask within one line.
 */
export function maskLiveCheckValues(env: NodeJS.ProcessEnv = process.env): void {
  // A token written into the input itself (`live-check: ${{ secrets.X }}`) is masked as well.
  for (const entry of tokenLikeEntries(core.getInput('live-check'))) core.setSecret(entry)
  for (const name of liveCheckNames(core.getInput('live-check'))) {
    const value = env[name]
    if (!value) continue
    core.setSecret(value)
    if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n|\r/)) if (line.trim()) core.setSecret(line.trim())
  }
}

export function readInputs(): Inputs {
  const failOn = (core.getInput('fail-on') || 'error') as FailOn
  if (!FAIL_ON_VALUES.includes(failOn)) throw new Error(`input fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, not ${failOn}`)
  const maxRaw = core.getInput('max-expiry-days')
  let maxExpiryDays: number | undefined
  if (maxRaw) {
    maxExpiryDays = Number(maxRaw)
    if (!Number.isInteger(maxExpiryDays) || maxExpiryDays < 1 || maxExpiryDays > 366) throw new Error('input max-expiry-days must be a whole number from 1 to 366')
  }
  const warnRaw = core.getInput('expiry-warning-days')
  const expiryWarningDays = warnRaw ? Number(warnRaw) : 14
  if (!Number.isInteger(expiryWarningDays) || expiryWarningDays < 0 || expiryWarningDays > 366) throw new Error('input expiry-warning-days must be a whole number from 0 to 366')
  const comment = (core.getInput('comment') || 'auto') as Inputs['comment']
  if (!['auto', 'always', 'never'].includes(comment)) throw new Error(`input comment must be auto, always or never, not ${comment}`)
  return {
    githubToken: core.getInput('github-token'),
    comment,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    path: core.getInput('path') || '.',
    requirementsFile: core.getInput('requirements-file') || undefined,
    failOn,
    maxExpiryDays,
    sarifFile: core.getInput('sarif-file') || undefined,
    readUnknownActions: readBoolean('read-unknown-actions', core.getInput('read-unknown-actions'), true),
    liveCheck: liveCheckProblem(core.getInput('live-check')) ? [] : liveCheckNames(core.getInput('live-check')),
    expiryWarningDays,
    liveCheckProblem: liveCheckProblem(core.getInput('live-check')),
  }
}

/** A true/false input as the runner passes it; anything else is an error naming the input. */
function readBoolean(name: string, value: string, fallback: boolean): boolean {
  const raw = value.trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new Error(`input ${name} must be true or false, not ${raw}`)
}

function annotate(report: Report): number {
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  let hidden = 0
  for (const f of report.findings) {
    if (shown[f.severity] >= ANNOTATIONS_PER_TYPE) {
      hidden++
      continue
    }
    shown[f.severity]++
    const props = { file: f.file, startLine: f.line, startColumn: f.column, title: `pat-lint ${f.rule}` }
    const kind = SEVERITY_MAP[f.severity].annotation
    if (kind === 'error') core.error(f.message, props)
    else if (kind === 'warning') core.warning(f.message, props)
    else core.notice(f.message, props)
  }
  return hidden
}

/** Where the linted directory lies in the workspace, `/`-separated ('' at its top). */
function pathInWorkspace(workspace: string, root: string): string {
  return relative(resolve(workspace), root).split(sep).join('/')
}

/** Writes the pull-request comment; whatever goes wrong there is a warning, never a lost verdict. */
async function comment(report: Report, root: string, inputs: Inputs, maxExpiryDays: number): Promise<void> {
  if (!pullRequestOf(process.env)) {
    core.notice(noPullRequestNotice(process.env))
    core.setOutput('comment-url', '')
    return
  }
  try {
    // Loaded on demand: runs that write no comment never load octokit.
    const { reviewPullRequest } = await import('./github/review.js')
    const review = await reviewPullRequest({
      report,
      root,
      pathInRepository: pathInWorkspace(inputs.workspace, root),
      requirementsPath: inputs.requirementsFile,
      token: inputs.githubToken,
      mode: inputs.comment,
      failOn: inputs.failOn,
      maxExpiryDays,
      env: process.env,
      log: (m) => core.info(m),
    })
    for (const n of review.notices) core.notice(n)
    for (const w of review.warnings) core.warning(w)
    if (review.commentUrl) core.info(`pat-lint comment ${review.action}: ${review.commentUrl}`)
    core.setOutput('comment-url', review.commentUrl ?? '')
  } catch (e) {
    core.warning(`pat-lint could not review the pull request: ${(e as Error).message}`)
    core.setOutput('comment-url', '')
  }
}

/**
 * The lint, then, when it names actions pat-lint has no knowledge of and the input allows it, a
 * second one with their source read through the API. The API client is loaded only then: a run
 * that needs no network loads no HTTP client.
 */
async function lintWithSources(root: string, inputs: Inputs, options: LintOptions): Promise<{ report: Report; options: LintOptions }> {
  const first = lint(root, options)
  if (!inputs.readUnknownActions || !inputs.githubToken || !first.unknownActions.length) return { report: first, options }
  const [{ lintAndKnowledge }, { createClient }] = await Promise.all([import('./github/lint-online.js'), import('./github/client.js')])
  const log = (m: string) => core.info(m)
  const { SOURCE_CLIENT } = await import('./github/action-source.js')
  return lintAndKnowledge(root, options, createClient(inputs.githubToken, { log, ...SOURCE_CLIENT }), log, undefined, first)
}

/** The lint, and when the live-check input names tokens, the lint again with what GitHub says of them. */
async function lintAll(root: string, inputs: Inputs, options: LintOptions): Promise<Report> {
  const first = await lintWithSources(root, inputs, options)
  if (!inputs.liveCheck.length) return first.report
  const { lintWithLiveCheck } = await import('./github/lint-live.js')
  core.info(`pat-lint: live check of ${inputs.liveCheck.join(', ')}`)
  return lintWithLiveCheck(root, first.options, first.report, {
    names: inputs.liveCheck,
    env: process.env,
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    expiryWarningDays: inputs.expiryWarningDays,
    retryBaseMs: Number(process.env.PAT_LINT_RETRY_BASE_MS) || undefined,
    timeoutMs: Number(process.env.PAT_LINT_REQUEST_TIMEOUT_MS) || undefined,
  })
}

export async function run(): Promise<void> {
  let report: Report | undefined
  let inputs: Inputs | undefined
  let root: string | undefined
  const failures: string[] = []
  try {
    maskLiveCheckValues()
  } catch (e) {
    failures.push(`pat-lint: ${(e as Error).message}`)
  }
  try {
    inputs = readInputs()
    if (inputs.liveCheckProblem) failures.push(`pat-lint: input live-check: ${inputs.liveCheckProblem}; the live check did not run`)
    root = insideRoot(inputs.workspace, inputs.path) ?? undefined
    if (!root) throw new Error(`input path ${inputs.path} leads outside the workspace`)
    // Paths in every output name files from the workspace, as annotations and SARIF need them.
    report = underPath(
      await lintAll(root, inputs, {
        repository: process.env.GITHUB_REPOSITORY ?? null,
        requirementsPath: inputs.requirementsFile,
        maxExpiryDays: inputs.maxExpiryDays,
        validate: await validatorFor(root, { requirementsPath: inputs.requirementsFile }),
      }),
      pathInWorkspace(inputs.workspace, root),
    )
    for (const n of report.notices) core.notice(`pat-lint: ${n}`)
    const hidden = annotate(report)
    if (hidden) core.notice(`${hidden} more finding${hidden === 1 ? '' : 's'} than GitHub shows as annotations: see the job summary`)

    core.setOutput('findings', String(report.findings.length))
    core.setOutput('errors', String(report.errors.length))
    core.setOutput('creation-links', JSON.stringify(creationLinks(tokenAdvice(report, { server: serverOf(process.env), repository: report.repository, maxExpiryDays: report.maxExpiryDays }))))
    const n = countAtOrAbove(report.findings, inputs.failOn)
    if (n) failures.push(`pat-lint: ${n} finding${n === 1 ? '' : 's'} at or above ${inputs.failOn}`)
  } catch (e) {
    failures.push(`pat-lint: ${(e as Error).message}`)
  }
  // Each file on its own: a bad path fails the step without costing any other result.
  const write = (what: () => void) => {
    try {
      what()
    } catch (e) {
      failures.push(`pat-lint: ${(e as Error).message}`)
    }
  }
  if (report) {
    const r = report
    write(() => core.setOutput('report-file', writeInside(process.env.RUNNER_TEMP || tmpdir(), 'pat-lint-report.json', formatJson(r, serverOf(process.env)))))
    if (inputs?.sarifFile) write(() => writeInside(inputs!.workspace, inputs!.sarifFile!, formatSarif(r)))
    if (process.env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(formatMarkdown(report, inputs?.failOn ?? 'error', serverOf(process.env))).write()
      } catch (e) {
        core.warning(`pat-lint could not write the job summary: ${(e as Error).message}`)
      }
    }
  }
  // The verdict is complete before any request to the API: a stalled or failing API cannot lose it.
  if (failures.length) core.setFailed(failures.join('; '))
  if (report && inputs && root && inputs.comment !== 'never') await comment(report, root, inputs, report.maxExpiryDays)
}
