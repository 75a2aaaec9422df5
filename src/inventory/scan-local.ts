/**
 * `pat-lint scan` over local checkouts: lints each one in this process and gives its JSON report
 * (the schema of `--format json`), or a failure record when it cannot be linted, so that one bad
 * checkout never loses the others.
 */
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { lint, validatorFor } from '../lint.js'
import { formatJson } from '../report/json.js'
import { REPOSITORY_PATTERN, repositoryFromGitConfig } from '../repository.js'
import { oneLine } from '../report/escape.js'

export interface Checkout {
  dir: string
  /** OWNER/NAME given with the directory (`DIR=OWNER/NAME`); else its git remote says. */
  repository?: string
}

export interface ScanResult {
  /** A file name for the report: `owner+name.json`, or the directory's name when the repository is unknown. */
  name: string
  repository: string | null
  json: string
  failed: boolean
}

/** `DIR` or `DIR=OWNER/NAME`. */
export function parseCheckout(arg: string): Checkout {
  const at = arg.lastIndexOf('=')
  if (at > 0 && REPOSITORY_PATTERN.test(arg.slice(at + 1))) return { dir: arg.slice(0, at), repository: arg.slice(at + 1) }
  return { dir: arg }
}

function fileName(repository: string | null, dir: string): string {
  const base = repository ? repository.replace('/', '+') : basename(resolve(dir)) || 'checkout'
  return `${base.replace(/[^A-Za-z0-9._+-]/g, '_')}.json`
}

export async function scanCheckout(checkout: Checkout, server: string): Promise<ScanResult> {
  const root = resolve(checkout.dir)
  let repository: string | null = checkout.repository ?? null
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory')
    repository ??= repositoryFromGitConfig(root)
    const report = lint(root, { repository, validate: await validatorFor(root, {}) })
    return { name: fileName(repository, root), repository, json: formatJson(report, server), failed: false }
  } catch (e) {
    const failed = { version: 1, repository, failed: `${checkout.dir}: ${oneLine((e as Error).message).slice(0, 300)}` }
    return { name: fileName(repository, root), repository, json: JSON.stringify(failed, null, 2) + '\n', failed: true }
  }
}
