#!/usr/bin/env node
/**
 * pat-lint on a local checkout: the same pipeline as the Action, output on stdout, no @actions/*.
 *   pat-lint [DIR] [--repository OWNER/NAME] [--requirements PATH] [--format text|json|sarif|markdown]
 *            [--fail-on error|warning|note|never] [--max-expiry-days N] [--live-check NAME]...
 * Exit: 1 when a finding meets --fail-on, 2 on bad usage, 0 otherwise.
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { lint, validatorFor, type LintOptions, type Report } from './lint.js'
import { serverOf } from './report/advice.js'
import { safeForLog } from './report/escape.js'
import { formatJson } from './report/json.js'
import { formatMarkdown } from './report/markdown.js'
import { formatSarif } from './report/sarif.js'
import { FAIL_ON_VALUES, meetsThreshold, type FailOn } from './report/severity.js'
import { formatText } from './report/text.js'
import { REPOSITORY_PATTERN, repositoryFromGitConfig } from './repository.js'
import { TOOL_VERSION } from './version.js'
import { writeRequirements } from './init.js'
import { liveCheckNames, liveCheckProblem } from './knowledge/pat-lint-action.js'

const USAGE = `usage: pat-lint [DIR] [options]
       pat-lint init [DIR] [--repository OWNER/NAME] [--requirements PATH] [--force]
       pat-lint scan DIR[=OWNER/NAME]... --out DIR
       pat-lint scan --org OWNER | --repos OWNER/NAME,... --out DIR [--concurrency N] [--previous DIR]
       pat-lint merge REPORT|DIR... [--format markdown|json|csv] [--out DIR] [--grants FILE]
       pat-lint list --org OWNER [--shards N]
       pat-lint grants --org ORG --out FILE

Lints how the repository in DIR (default .) uses and requests personal access tokens.
scan lints many checkouts into one JSON report each; merge makes the reports one inventory
of the secrets they use (see the README, "Organization inventory").

options:
  --repository OWNER/NAME   the repository (default: $GITHUB_REPOSITORY, else the git remote)
  --requirements PATH       pat-requirements.yml to read, relative to DIR
                            (default: .github/pat-requirements.yml, then pat-requirements.yml)
  --format FORMAT           text (default), json, sarif or markdown
  --fail-on LEVEL           exit 1 when a finding is at least error (default), warning, note; or never
  --max-expiry-days N       longest acceptable token expiry in days (default 90)
  --online                  read the source of public actions pat-lint has no knowledge of through
                            the API, with $GITHUB_TOKEN or $GH_TOKEN ($GITHUB_API_URL for GitHub
                            Enterprise Server); off by default, nothing leaves the machine
  --live-check NAME         ask GitHub about the token in the environment variable NAME (repeatable,
                            or NAME,NAME): whether it is accepted, its expiry, a classic token's
                            scopes, and whether it sees its repositories; read-only requests to
                            $GITHUB_API_URL (default https://api.github.com), the value never printed
  --expiry-warning-days N   --live-check: warn of tokens expiring within N days (default 14)
  --force                   init: overwrite an existing requirements file
  -h, --help                this text
  -v, --version             the version
`

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const
type Format = (typeof FORMATS)[number]

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message)
}

/**
 * Runs the CLI with arguments and environment; returns what to print and the exit code. What it
 * prints is safe for a terminal and a workflow log whatever the repository holds.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const result = await run(argv, env)
  return { code: result.code, stdout: safeForLog(result.stdout), stderr: safeForLog(result.stderr) }
}

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  try {
    if (argv[0] === 'scan' || argv[0] === 'merge' || argv[0] === 'list' || argv[0] === 'grants') {
      // Loaded only for these commands: the lint of one checkout never loads them (nor zod).
      const { runInventoryCommand } = await import('./cli-inventory.js')
      return await runInventoryCommand(argv[0], argv.slice(1), env, serverOf(env))
    }
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        repository: { type: 'string' },
        requirements: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'max-expiry-days': { type: 'string' },
        force: { type: 'boolean' },
        online: { type: 'boolean' },
        'live-check': { type: 'string', multiple: true },
        'expiry-warning-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
    if (values.help) return { code: 0, stdout: USAGE, stderr: '' }
    if (values.version) return { code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' }
    const init = positionals[0] === 'init'
    if (init) positionals.shift()
    if (positionals.length > 1) fail(`expected one directory, got ${positionals.length}`)
    const root = resolve(positionals[0] ?? '.')
    let isDir = false
    try {
      isDir = statSync(root).isDirectory()
    } catch {
      /* reported below */
    }
    if (!isDir) fail(`${positionals[0] ?? '.'} is not a directory`)
    const format = values.format as Format
    if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}`)
    const failOn = values['fail-on'] as FailOn
    if (!FAIL_ON_VALUES.includes(failOn)) fail(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}`)
    let maxExpiryDays: number | undefined
    if (values['max-expiry-days'] !== undefined) {
      maxExpiryDays = Number(values['max-expiry-days'])
      if (!Number.isInteger(maxExpiryDays) || maxExpiryDays < 1 || maxExpiryDays > 366) fail('--max-expiry-days must be a whole number from 1 to 366')
    }
    const liveRaw = (values['live-check'] ?? []).join(',')
    const liveProblem = liveCheckProblem(liveRaw)
    if (liveProblem) fail(`--live-check: ${liveProblem}`)
    const liveNames = liveCheckNames(liveRaw)
    let expiryWarningDays = 14
    if (values['expiry-warning-days'] !== undefined) {
      expiryWarningDays = Number(values['expiry-warning-days'])
      if (!Number.isInteger(expiryWarningDays) || expiryWarningDays < 0 || expiryWarningDays > 366) fail('--expiry-warning-days must be a whole number from 0 to 366')
    }
    const repository = values.repository ?? env.GITHUB_REPOSITORY ?? repositoryFromGitConfig(root)
    if (values.repository && !REPOSITORY_PATTERN.test(values.repository)) fail('--repository must be OWNER/NAME')
    if (init) {
      // Lint without the requirements file: init describes what the workflows need, not what is declared.
      const report = lint(root, { repository, requirementsPath: undefined, maxExpiryDays, ignoreRequirements: true })
      const result = writeRequirements(root, report, { path: values.requirements, force: values.force })
      return { code: result.written ? 0 : 1, stdout: result.written ? `${result.message}\n` : '', stderr: result.written ? '' : `pat-lint: ${result.message}\n` }
    }
    const validate = await validatorFor(root, { requirementsPath: values.requirements })
    const options = { repository, requirementsPath: values.requirements, maxExpiryDays, validate }
    const logged: string[] = []
    const first = values.online ? await lintOnline(root, options, env, (m) => logged.push(m)) : { report: lint(root, options), options }
    const report = liveNames.length ? await liveCheck(root, first, liveNames, expiryWarningDays, env) : first.report
    const server = serverOf(env)
    const stderr = [...logged.map((m) => `${safeForLog(m)}\n`), ...report.notices.map((n) => `pat-lint: ${n}\n`)].join('')
    return { code: meetsThreshold(report.findings, failOn) ? 1 : 0, stdout: render(report, format, failOn, server), stderr }
  } catch (e) {
    if (e instanceof UsageError || (e as Error).name === 'InventoryUsageError' || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { code: 2, stdout: '', stderr: `pat-lint: ${(e as Error).message}\n\n${USAGE}` }
    }
    // A bug of ours, not the user's: say so without a stack trace.
    return { code: 3, stdout: '', stderr: `pat-lint: internal error: ${(e as Error).message}\nPlease report it with the command you ran.\n` }
  }
}

/** The lint that reads unknown actions' source: loaded only with --online, so an offline run never loads the API client. */
async function lintOnline(root: string, options: LintOptions, env: NodeJS.ProcessEnv, log: (m: string) => void): Promise<{ report: Report; options: LintOptions }> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) fail('--online needs a token in GITHUB_TOKEN or GH_TOKEN')
  const [{ lintAndKnowledge }, { createClient }, { SOURCE_CLIENT }] = await Promise.all([import('./github/lint-online.js'), import('./github/client.js'), import('./github/action-source.js')])
  const client = createClient(token, { log, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', ...SOURCE_CLIENT })
  return lintAndKnowledge(root, options, client, log)
}

/** The lint again with what GitHub says of the named tokens: loaded only with --live-check. */
async function liveCheck(root: string, first: { report: Report; options: LintOptions }, names: string[], expiryWarningDays: number, env: NodeJS.ProcessEnv): Promise<Report> {
  const { lintWithLiveCheck } = await import('./github/lint-live.js')
  return lintWithLiveCheck(root, first.options, first.report, { names, env, expiryWarningDays, apiUrl: env.GITHUB_API_URL || 'https://api.github.com', retryBaseMs: Number(env.PAT_LINT_RETRY_BASE_MS) || undefined })
}

function render(report: Report, format: Format, failOn: FailOn, server: string): string {
  switch (format) {
    case 'json':
      return formatJson(report, server)
    case 'sarif':
      return formatSarif(report)
    case 'markdown':
      return formatMarkdown(report, failOn, server)
    default:
      return formatText(report, server)
  }
}

// Run when executed directly (node dist/cli.js or the `pat-lint` bin), not when imported by tests.
if (process.argv[1] && /(?:^|[\\/])(?:cli\.(?:js|ts)|pat-lint)$/.test(process.argv[1])) {
  void runCli(process.argv.slice(2)).then((result) => {
    // A reader that stops early (`pat-lint | head`) closes the pipe: not a failure of the lint.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`pat-lint: cannot write the report: ${e.message}\n`)
      process.exit(e.code === 'EPIPE' ? result.code : 3)
    })
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
    process.exitCode = result.code
  })
}
