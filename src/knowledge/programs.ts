/**
 * Command-line programs other than gh that call GitHub's API with a token of their own finding,
 * written from each program's source (`source` names the files and commit read). Their calls are
 * REST routes, so the permissions come from GitHub's endpoint map like every other call's.
 * A subcommand not listed stays unknown: pat-lint does not guess what it does.
 */
import type { TriggerEvent } from './events.js'
import { lookupEndpoint } from './endpoints.js'
import { maxLevel, type PermissionSet } from './permissions.js'

interface ProgramCommand {
  /** The subcommand words after the program's name. */
  words: string[]
  /** REST routes it calls on the repository it works on. */
  routes: string[]
  /** The issue number in its `/issues/` routes is always a pull request's. */
  onPullRequest?: boolean
  events?: TriggerEvent[]
  /**
   * The git remote it points at a URL carrying the token (another can be named with
   * `--remote`): later pushes through that remote use the token.
   */
  setsRemote?: string
}

interface Program {
  name: string
  /** Environment variables it reads the token from, first found wins. */
  tokenEnv: string[]
  /** Flags that hand it the token. */
  tokenFlags: string[]
  /** Flags that name the repository it works on (a URL); this repository when absent. */
  repoFlags: string[]
  commands: ProgramCommand[]
  source: string
}

const PROGRAMS: Program[] = [
  {
    name: 'cml',
    tokenEnv: ['REPO_TOKEN', 'repo_token', 'GITHUB_TOKEN'],
    tokenFlags: ['--token'],
    repoFlags: ['--repo'],
    commands: [
      // Registers a self-hosted runner (a registration token), lists runners, removes its own when done.
      {
        words: ['runner'],
        routes: ['POST /repos/{owner}/{repo}/actions/runners/registration-token', 'GET /repos/{owner}/{repo}/actions/runners', 'DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}'],
      },
      // The default target "auto" is the pull request of the event or of the commit, else the commit.
      {
        words: ['comment'],
        routes: ['GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', 'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments'],
        onPullRequest: true,
      },
      { words: ['send-comment'], routes: ['GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'POST /repos/{owner}/{repo}/commits/{commit_sha}/comments'], onPullRequest: true },
      // Pushes a branch through a remote URL carrying the token, then opens the pull request.
      { words: ['pr'], routes: ['POST /repos/{owner}/{repo}/git/refs', 'POST /repos/{owner}/{repo}/pulls'], events: ['push', 'pull_request'] },
      // Rewrites the remote's URL to carry the token (dropping checkout's extraheader) and, with
      // --fetch-depth or --unshallow (always, in older releases), fetches through it.
      { words: ['ci'], routes: [], setsRemote: 'origin' },
      { words: ['repo', 'prepare'], routes: [], setsRemote: 'origin' },
      // Uploads to CML's own storage; `--native` (the forge's storage) is not available on GitHub.
      { words: ['publish'], routes: [] },
      { words: ['asset', 'publish'], routes: [] },
    ],
    source: 'iterative/cml src/cml.js @1c49104205132b2b65564dceb8294e2c748cceb7 (inferToken: REPO_TOKEN, repo_token, GITHUB_TOKEN; ci; publish), src/drivers/github.js @e13136f205f447a4b718ea4054c19f425dea2c59 (updateGitConfig), src/commenttarget.js @24ca0df3455f8d5ebf5b3f338ef997ef02129a97, bin/cml/asset/publish.js @1263197a3fa5cf42ce3a7c2c92bc37a9608f6ed1',
  },
]

export interface ProgramFacts {
  /** e.g. `cml runner launch`. */
  command: string
  permissions: PermissionSet
  events: TriggerEvent[]
  /** Flags naming the repository, token flags and variables, for the caller to resolve. */
  repoFlags: string[]
  tokenFlags: string[]
  tokenEnv: string[]
  /** The git remote it points at a URL carrying the token, if it does. */
  setsRemote?: string
  /** False when it makes no GitHub call with the token (`cml publish` uploads elsewhere). */
  callsGithub: boolean
  source: string
}

/** Issue routes used on pull requests need the pull-request reading of "issues or pull requests". */
function forPullRequest(perms: PermissionSet, route: string): PermissionSet {
  if (!/\/issues\//.test(route) || !perms.issues) return perms
  const { issues, ...rest } = perms
  return { ...rest, pull_requests: maxLevel(rest.pull_requests, issues) }
}

/** The facts for a known program's command line, or undefined. */
export function programFacts(words: string[]): ProgramFacts | undefined {
  const program = PROGRAMS.find((p) => p.name === words[0])
  if (!program) return undefined
  const command = program.commands.find((c) => c.words.every((w, i) => words[i + 1] === w))
  if (!command) return undefined
  const permissions: PermissionSet = {}
  for (const route of command.routes) {
    const [method, path] = route.split(' ')
    const match = lookupEndpoint(method, path)
    if (!match) continue
    const perms = command.onPullRequest ? forPullRequest(match.permissions, route) : match.permissions
    for (const [name, level] of Object.entries(perms)) if (name !== 'metadata') permissions[name] = maxLevel(permissions[name], level)
  }
  // Named with the word after the listed ones when it is a subcommand: `cml runner launch`, `cml comment create`.
  const next = words[1 + command.words.length]
  const shown = [program.name, ...command.words, ...(next && !next.startsWith('-') ? [next] : [])]
  return {
    command: shown.join(' '),
    permissions,
    events: command.events ?? [],
    repoFlags: program.repoFlags,
    tokenFlags: program.tokenFlags,
    tokenEnv: program.tokenEnv,
    setsRemote: command.setsRemote,
    callsGithub: command.routes.length > 0 || command.setsRemote !== undefined,
    source: program.source,
  }
}

/**
 * Commands that never do anything with a token they are handed or run beside: shell built-ins
 * and text tools. Runtimes and build tools (node, python, make, docker, …) are not among them:
 * what they run may read the token.
 */
export const INERT: ReadonlySet<string> = new Set([
  'echo', 'printf', 'cd', 'ls', 'cat', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'chmod', 'chown', 'ln', 'export', 'set', 'unset', 'test', '[', '[[', ']]', 'true', 'false',
  'sleep', 'pwd', 'grep', 'egrep', 'sed', 'awk', 'cut', 'tr', 'jq', 'yq', 'sort', 'uniq', 'head', 'tail', 'wc', 'date', 'tee', 'find', 'basename', 'dirname',
  'fi', 'done', 'esac', 'case', 'for', 'in', 'local', 'read', 'return', 'exit', 'shift', 'tar', 'unzip', 'zip', 'gzip', 'sha256sum', 'md5sum', 'diff',
  'which', 'printenv', 'realpath', 'readlink', 'mktemp', 'seq', 'base64', 'timedatectl', 'ssh-keyscan',
])

/**
 * Go subcommands that run no code of the module and read only the Go toolchain's own variables
 * (GOFLAGS, GOPROXY, GOPRIVATE, GOAUTH, …: `go help environment`), none of them a GitHub token.
 * `go generate`, `go test` and `go run` run programs that may read any variable: not among them.
 */
export const GO_ENV_BLIND: ReadonlySet<string> = new Set(['build', 'vet', 'fmt', 'list', 'version', 'env', 'clean', 'mod'])

/**
 * Docker subcommands that read no variable of their environment on their own: a container or build
 * sees only the variables passed to it (`-e NAME`, `--build-arg NAME` and `--secret …,env=NAME`
 * take a value from the environment when no `=value` is given; Docker CLI reference). Compose and
 * bake files interpolate the environment, so they are not among these.
 */
export const DOCKER_ENV_BLIND: ReadonlySet<string> = new Set(['pull', 'push', 'run', 'create', 'exec', 'build', 'tag', 'images', 'ps', 'logs', 'stop', 'rm', 'rmi', 'inspect', 'save', 'load', 'login', 'logout', 'network', 'volume', 'cp', 'start', 'kill', 'wait', 'version', 'info'])

/** The names make looks for, in its order (GNU make manual, "What Name to Give Your Makefile"). */
export const MAKEFILE_NAMES = ['GNUmakefile', 'makefile', 'Makefile'] as const
