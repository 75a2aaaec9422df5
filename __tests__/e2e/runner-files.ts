/** Reads what an action wrote to GITHUB_OUTPUT: the heredoc form `name<<delimiter`, value lines, `delimiter`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

export function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = readFileSync(path, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (m) {
      const end = lines.indexOf(m[2], i + 1)
      outputs[m[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    }
  }
  return outputs
}

/** The runner's name for an input's variable: `INPUT_` + the name, spaces as `_`, upper-cased. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * The INPUT_* variables the runner sets for this action, built from action.yml itself: every
 * declared input with its default (`${{ github.token }}` standing for `githubToken`), then the
 * step's `with:` values. An input action.yml does not declare is an error, as a typo in `with:`
 * would go unnoticed otherwise.
 */
export function runnerInputs(withInputs: Record<string, string> = {}, githubToken = 'ghs_test_job_token'): Record<string, string> {
  const meta = parse(readFileSync('action.yml', 'utf8')) as { inputs?: Record<string, { default?: string }> }
  const declared = meta.inputs ?? {}
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(declared)) {
    env[inputVariable(name)] = (input.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken)
  }
  for (const [name, value] of Object.entries(withInputs)) {
    if (!(name in declared)) throw new Error(`action.yml declares no input ${name}`)
    env[inputVariable(name)] = value
  }
  return env
}

/** A run's own folder with the files the runner provides: the event, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
export interface RunnerFiles {
  tmp: string
  eventPath: string
  output: string
  summary: string
}

export function runnerFiles(event: object | string): RunnerFiles {
  const tmp = mkdtempSync(join(tmpdir(), 'pat-lint-run-'))
  const files = { tmp, eventPath: join(tmp, 'event.json'), output: join(tmp, 'output'), summary: join(tmp, 'summary') }
  writeFileSync(files.eventPath, typeof event === 'string' ? event : JSON.stringify(event))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  return files
}

/** The environment the runner gives a step of a pull-request (or other) run against a local API stand-in. */
export function runnerEnvironment(files: RunnerFiles, o: { workspace: string; api: string; eventName: string; inputs: Record<string, string>; githubToken: string; extra?: Record<string, string> }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: 'octo-org/demo',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_API_URL: o.api,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.tmp,
    PAT_LINT_RETRY_BASE_MS: '10',
    ...runnerInputs(o.inputs, o.githubToken),
    ...o.extra,
  }
}
