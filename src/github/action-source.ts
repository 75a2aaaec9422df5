/**
 * Reads, at run time, the source of actions pat-lint has no knowledge of (issue 19): the tree of
 * the action's repository at the pinned ref (`GET /repos/{owner}/{repo}/git/trees/{ref}?recursive=1`),
 * then `action.yml` and the candidate source files through the contents API, within a budget of
 * actions, files and bytes. What is read goes through the same derivation as the committed
 * knowledge (knowledge/derive-action.ts). A repository that is private, missing, too large or slow
 * is skipped with the reason; the analysis then says what it said before.
 */
import type { Client } from './client.js'
import { deriveAction, type DerivedAction, type SourceFile } from '../knowledge/derive-action.js'
import { quoted } from '../limits.js'
import { describeApiError } from './review.js'

export interface SourceBudget {
  /** Actions read in one run, at most. */
  actions: number
  /** Files read per action, at most. */
  filesPerAction: number
  /** Bytes of one file, at most: an action's own source is a few kilobytes. */
  bytesPerFile: number
  /** Bytes read in the whole run, at most. */
  totalBytes: number
  /** Time spent reading in the whole run, at most: a slow API must not hold the step. */
  seconds: number
}

export const DEFAULT_SOURCE_BUDGET: SourceBudget = { actions: 20, filesPerAction: 60, bytesPerFile: 512 * 1024, totalBytes: 8 * 1024 * 1024, seconds: 60 }

/** The client options for reading sources: one retry and a short timeout, within the run's time budget. */
export const SOURCE_CLIENT = { retries: 1, timeoutMs: 10_000 }

export interface FetchedSources {
  derived: DerivedAction[]
  /** Why an action was not read, one line each. */
  skipped: string[]
}

/** `owner/repo[/path]@ref` of a remote action; null for anything else. */
export function parseActionRef(uses: string): { owner: string; repo: string; path: string; ref: string } | null {
  const m = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})((?:\/[A-Za-z0-9._-]+)*)@([A-Za-z0-9._\/-]{1,255})$/.exec(uses.trim())
  if (!m || m[2] === '.' || m[2] === '..' || /(?:^|\/)\.\.(?:\/|$)/.test(m[3])) return null
  return { owner: m[1], repo: m[2], path: m[3].replace(/^\//, ''), ref: m[4] }
}

/** Files worth reading: the metadata and JavaScript or TypeScript outside dependencies, tests and build output other than the entry. */
function wanted(path: string, dir: string): boolean {
  if (dir && !path.startsWith(`${dir}/`)) return false
  const rest = dir ? path.slice(dir.length + 1) : path
  if (/^action\.ya?ml$/.test(rest)) return true
  return /\.[cm]?[jt]s$/.test(rest) && !/(?:^|\/)(?:node_modules|__tests__|tests?|coverage|\.github)\//.test(rest) && !/\.(?:test|spec|d)\.[cm]?[jt]s$/.test(rest)
}

function status(e: unknown): string {
  return (e as { status?: number }).status === 404 ? 'not found, or private' : describeApiError(e).split('\n')[0]
}

/** Reads and derives each of `uses` (values as written, with their ref), once per repository and ref. */
export async function fetchActionSources(client: Client, uses: readonly string[], budget: SourceBudget = DEFAULT_SOURCE_BUDGET): Promise<FetchedSources> {
  const out: FetchedSources = { derived: [], skipped: [] }
  let bytes = 0
  const seen = new Set<string>()
  const deadline = Date.now() + budget.seconds * 1000
  const inTime = () => {
    if (Date.now() > deadline) throw new Error(`the run's ${budget.seconds} s for reading actions' source are spent`)
  }
  for (const value of uses) {
    const ref = parseActionRef(value)
    if (!ref) {
      out.skipped.push(`${quoted(value)}: not a remote action with a ref`)
      continue
    }
    const key = `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    if (out.derived.length >= budget.actions) {
      out.skipped.push(`${quoted(value)}: more than ${budget.actions} actions to read in one run`)
      continue
    }
    try {
      inTime()
      const { data: tree } = await client.rest.git.getTree({ owner: ref.owner, repo: ref.repo, tree_sha: ref.ref, recursive: 'true' })
      if (tree.truncated) {
        out.skipped.push(`${quoted(value)}: its repository is too large to list`)
        continue
      }
      const paths = tree.tree.filter((t) => t.type === 'blob' && typeof t.path === 'string' && wanted(t.path, ref.path) && (t.size ?? 0) <= budget.bytesPerFile).map((t) => t.path!)
      if (paths.length > budget.filesPerAction) {
        out.skipped.push(`${quoted(value)}: ${paths.length} files, more than the ${budget.filesPerAction} read for one action`)
        continue
      }
      const files: SourceFile[] = []
      for (const path of paths) {
        if (bytes >= budget.totalBytes) throw new Error(`the run's budget of ${budget.totalBytes} bytes is spent`)
        inTime()
        const { data } = await client.rest.repos.getContent({ owner: ref.owner, repo: ref.repo, path, ref: ref.ref })
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) continue
        const text = Buffer.from(data.content, 'base64').toString('utf8')
        bytes += text.length
        files.push({ path, text })
      }
      const uses = [ref.owner, ref.repo, ...(ref.path ? [ref.path] : [])].join('/')
      // The ref as written is the provenance: a SHA pins it, a tag or branch names what was read then.
      out.derived.push(deriveAction(uses, ref.ref, files))
    } catch (e) {
      out.skipped.push(`${quoted(value)}: ${status(e)}`)
    }
  }
  return out
}
