/**
 * The parts of `@actions/core` the Action uses: inputs, outputs, annotations, log lines, the job
 * summary and the failed state. The commands, file commands and summary are `@actions/core`'s own
 * modules; only its entry module is skipped, because it imports the OIDC client and with it
 * undici, about 45 ms of a 130 ms cold start on Node 24 for a feature pat-lint never uses.
 * The package exports only its entry, so its files are imported by path. The thin wrappers below
 * do what the same-named functions of `@actions/core` 3 do; __tests__/github/actions-core.test.ts
 * compares their output with the real package's, so an upgrade that changes either shows there.
 */
import { EOL } from 'node:os'
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'
import type { AnnotationProperties } from '@actions/core'

export { summary }

/** An input of the step (`with:`), trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message)
}

/** Asks the runner to blot the value out of the log from now on (`::add-mask::`). */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** Marks the step failed (exit code 1) and says why, as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
