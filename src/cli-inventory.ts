/**
 * The organization inventory's commands (issue 20), loaded by cli.ts only when asked for:
 *   pat-lint scan DIR[=OWNER/NAME]... --out DIR     one JSON report per checkout
 *   pat-lint scan --org OWNER | --repos LIST --out DIR [--concurrency N] [--previous DIR]
 *                                                   the same through the API, no checkout
 *   pat-lint merge PATH... [--format markdown|json|csv] [--out DIR]
 *   pat-lint list --org OWNER [--shards N]           the repositories as a matrix of shards (JSON)
 *   pat-lint grants --org ORG --out FILE             the organization's fine-grained token grants (an App's token)
 *   pat-lint merge ... --grants FILE                 joins them with the inventory
 * merge reads report files, and every *.json file of a directory given.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatInventoryCsv, formatInventoryJson, formatInventoryMarkdown } from './inventory/format.js'
import { mergeReports, type ReportInput } from './inventory/merge.js'
import { parseCheckout, scanCheckout } from './inventory/scan-local.js'


/** A report larger than this is not one pat-lint wrote: it is listed as not read. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

export class InventoryUsageError extends Error {
  override name = 'InventoryUsageError'
}

function usage(message: string): never {
  throw new InventoryUsageError(message)
}

export async function runInventoryCommand(command: 'scan' | 'merge' | 'list' | 'grants', argv: string[], env: NodeJS.ProcessEnv, server: string): Promise<CommandResult> {
  if (command === 'list') return list(argv, env)
  if (command === 'grants') return grants(argv, env)
  return command === 'scan' ? scan(argv, env, server) : merge(argv)
}

async function grants(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { org: { type: 'string' }, out: { type: 'string' } } })
  if (positionals.length || !values.org || !values.out) usage('grants needs --org ORG and --out FILE')
  const { writeGrants } = await import('./inventory-remote.js')
  return writeGrants(values.org, values.out, env, usage)
}

async function list(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { org: { type: 'string' }, shards: { type: 'string', default: '1' } } })
  if (positionals.length || !values.org) usage('list needs --org OWNER')
  const { listForMatrix } = await import('./inventory-remote.js')
  return listForMatrix(values.org, values.shards!, env, usage)
}

async function scan(argv: string[], env: NodeJS.ProcessEnv, server: string): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' }, org: { type: 'string' }, repos: { type: 'string' }, concurrency: { type: 'string', default: '4' }, previous: { type: 'string' } },
  })
  if (!values.out) usage('scan needs --out DIR for the reports')
  if (values.org !== undefined || values.repos !== undefined) {
    if (positionals.length) usage('scan takes checkouts, or --org / --repos, not both')
    const { scanRemote } = await import('./inventory-remote.js')
    return scanRemote({ org: values.org, repos: values.repos, out: values.out, concurrency: values.concurrency!, previous: values.previous }, env, server, usage)
  }
  if (!positionals.length) usage('scan needs checkout directories, or --org OWNER, or --repos OWNER/NAME,...')
  const out = resolve(values.out)
  mkdirSync(out, { recursive: true })
  const lines: string[] = []
  const written = new Set<string>()
  let failed = 0
  for (const arg of positionals) {
    const result = await scanCheckout(parseCheckout(arg), server)
    // Two checkouts of one repository, or two unknown ones of the same name: neither overwrites the other.
    let name = result.name
    for (let n = 2; written.has(name); n++) name = result.name.replace(/\.json$/, `.${n}.json`)
    written.add(name)
    writeFileSync(join(out, name), result.json)
    if (result.failed) failed++
    // merge keys reports by repository: one without cannot join the inventory.
    const unnamed = !result.failed && !result.repository ? ' (repository unknown: no origin remote; give it as DIR=OWNER/NAME, or merge lists it as not read)' : ''
    lines.push(`${result.failed ? 'not linted' : 'linted'} ${arg} -> ${name}${unnamed}`)
  }
  return { code: 0, stdout: '', stderr: `${lines.join('\n')}\n${positionals.length - failed} of ${positionals.length} checkouts linted, reports in ${values.out}\n` }
}

/** Report files: each file given, and the *.json files directly inside each directory given, in name order. */
function* inputsOf(paths: readonly string[]): Generator<ReportInput> {
  for (const path of paths) {
    let files = [path]
    try {
      if (statSync(path).isDirectory()) files = readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f))
    } catch {
      /* read below, where the failure is listed */
    }
    for (const file of files) {
      let text: string
      try {
        const size = statSync(file).size
        text = size > MAX_REPORT_BYTES ? `{"too large": ${size}}` : readFileSync(file, 'utf8')
      } catch (e) {
        text = JSON.stringify({ version: 1, repository: null, failed: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` })
      }
      yield { source: file, text }
    }
  }
}

function merge(argv: string[]): CommandResult {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { format: { type: 'string', default: 'markdown' }, out: { type: 'string' }, grants: { type: 'string', multiple: true } } })
  if (!positionals.length) usage('merge needs report files or directories holding them')
  const format = values.format!
  if (!['markdown', 'json', 'csv'].includes(format)) usage('--format must be markdown, json or csv')
  const inventory = mergeReports(inputsOf(positionals), [...inputsOf(values.grants ?? [])])
  const summary = `${inventory.repositories.length} repositories, ${inventory.secrets.length} secrets, ${inventory.failures.length} not read\n`
  if (values.out) {
    const out = resolve(values.out)
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'inventory.json'), formatInventoryJson(inventory))
    writeFileSync(join(out, 'inventory.md'), formatInventoryMarkdown(inventory))
    writeFileSync(join(out, 'inventory.csv'), formatInventoryCsv(inventory))
    return { code: 0, stdout: '', stderr: `${summary}wrote inventory.json, inventory.md and inventory.csv in ${values.out}\n` }
  }
  const text = format === 'json' ? formatInventoryJson(inventory) : format === 'csv' ? formatInventoryCsv(inventory) : formatInventoryMarkdown(inventory)
  return { code: 0, stdout: text, stderr: summary }
}
