/**
 * pat-requirements.yml as it is at the pull request's base: from git when the history is in the
 * checkout, else from the contents API at the base commit. A missing file means "nothing was
 * requested before"; anything else unreadable means the diff is unknown (null), never guessed.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Client } from './client.js'

const run = promisify(execFile)

export type BaseText = { found: true; text: string; via: 'git' | 'api' } | { found: false; via: 'git' | 'api' } | null

async function fromGit(root: string, sha: string, path: string): Promise<BaseText> {
  try {
    await run('git', ['-C', root, 'cat-file', '-e', `${sha}^{commit}`], { timeout: 10_000 })
  } catch {
    return null // the commit is not in this checkout (shallow clone): ask the API
  }
  try {
    const { stdout } = await run('git', ['-C', root, 'show', `${sha}:${path}`], { timeout: 10_000, maxBuffer: 4 << 20 })
    return { found: true, text: stdout, via: 'git' }
  } catch {
    return { found: false, via: 'git' }
  }
}

async function fromApi(octokit: Client, owner: string, repo: string, sha: string, path: string): Promise<BaseText> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: sha })
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null
    return { found: true, text: Buffer.from(data.content, 'base64').toString('utf8'), via: 'api' }
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { found: false, via: 'api' }
    return null
  }
}

export async function baseRequirements(options: { root: string; sha: string; path: string; owner: string; repo: string; octokit: () => Client }): Promise<BaseText> {
  return (await fromGit(options.root, options.sha, options.path)) ?? fromApi(options.octokit(), options.owner, options.repo, options.sha, options.path)
}
