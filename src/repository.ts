/** Works out `owner/name` of the repository being linted when nobody says it. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `owner/name` from a remote URL on a server (https, ssh, git or scp-like `git@host:owner/name`),
 * else null. A local path (`../demo.git`, `/srv/git/demo`) names no repository on GitHub.
 */
export function repositoryFromRemote(url: string): string | null {
  const t = url.trim()
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(t) ??
    /^[^@/:]+@[^/:]+:\/?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(t)
  return m ? `${m[1]}/${m[2]}` : null
}

/** Reads `.git/config` (without running git) for the origin remote, else the first remote. */
export function repositoryFromGitConfig(root: string): string | null {
  let config: string
  try {
    config = readFileSync(join(root, '.git', 'config'), 'utf8')
  } catch {
    return null
  }
  const remotes: [string, string][] = []
  let current: string | null = null
  for (const line of config.split(/\r?\n/)) {
    const section = /^\s*\[remote\s+"([^"]+)"\]/.exec(line)
    if (section) current = section[1]
    else if (/^\s*\[/.test(line)) current = null
    else if (current) {
      const url = /^\s*url\s*=\s*(.+)$/.exec(line)
      if (url) remotes.push([current, url[1]])
    }
  }
  const origin = remotes.find(([n]) => n === 'origin') ?? remotes[0]
  return origin ? repositoryFromRemote(origin[1]) : null
}

export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/
