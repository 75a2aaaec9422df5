/**
 * Programs other than gh, git and curl in scripts: the release tools of knowledge/programs.ts,
 * docker logins to ghcr.io, publishing to GitHub Packages, writes of the token to files, and what
 * every other command can do with a token in its environment.
 */
import { DOCKER_ENV_BLIND, GO_ENV_BLIND, INERT, type ProgramFacts } from '../../knowledge/programs.js'
import { quoted } from '../../limits.js'
import type { RepoRef } from '../repo-ref.js'
import { flagValue, type Command } from '../shell.js'
import type { StepAnalysis } from '../types.js'
import { gitUrlRepo, type GitState } from './git.js'
import { repoRef, usesToken, type ScriptContext } from './words.js'
import { because, citing } from '../../knowledge/reasons.js'

/**
 * GitHub Packages are owned by a user or organization, not a repository: GITHUB_TOKEN reaches a
 * package only when it is linked to this repository or grants it access (R9), which files do not show.
 */
export const PACKAGE_TARGET: RepoRef = { kind: 'unknown', text: 'ghcr.io', why: citing('GITHUB_TOKEN reaches a package only if it is linked to this repository or grants it access (R9); the files do not show which', 'R9') }


/**
 * What a command that does not name the token can still do with it. `silent`: nothing (built-ins,
 * text tools, installs, curl and wget). `env`: run with the token in its environment, unseen.
 * `watched`: it depends on the step (gh, git, docker login to ghcr.io, publishing to GitHub
 * Packages, the programs of knowledge/programs.ts).
 */
export type Role = 'silent' | 'env' | 'watched'

export function isGhcrLogin(words: string[]): boolean {
  return words[0] === 'docker' && words[1] === 'login' && words.some((w) => /ghcr\.io/i.test(w))
}

export function isPackagesPublish(words: string[], toGithubPackages: boolean): boolean {
  return toGithubPackages && (words[0] === 'npm' || words[0] === 'yarn' || words[0] === 'pnpm') && words.includes('publish')
}


function dockerReadsEnv(words: string[]): boolean {
  const sub = words[1] === 'buildx' || words[1] === 'image' || words[1] === 'container' ? words[2] : words[1]
  if (!DOCKER_ENV_BLIND.has(sub ?? '')) return true
  return words.some((w, k) => w === '--env-file' || w.startsWith('--env-file=') || (/^(-e|--env|--build-arg)$/.test(w) && !(words[k + 1] ?? '').includes('=')) || (w === '--secret' && /(^|,)env=/.test(words[k + 1] ?? '')))
}

function isInstall(words: string[]): boolean {
  return /^(pip3?|npm|yarn|pnpm|apt|apt-get|brew|gem|cargo|go)$/.test(words[0]) && /^(install|ci|add|i|update|upgrade|get)$/.test(words[1] ?? '')
}

/** The role of a command that is none of gh, git, a ghcr.io login, a publish or a known program. */
export function roleOfOther(words: string[]): Role {
  const prog = words[0]
  return prog === 'curl' || prog === 'wget' || INERT.has(prog) || isInstall(words) || (prog === 'docker' && !dockerReadsEnv(words)) || (prog === 'go' && GO_ENV_BLIND.has(words[1] ?? '')) ? 'silent' : 'env'
}

/** Whether a known program gets this token: from a token flag, or from the first of its variables that is set. */
function programGetsToken(cmd: Command, facts: ProgramFacts, ctx: ScriptContext): boolean {
  const flag = flagValue(cmd.words, [], facts.tokenFlags)
  if (flag !== undefined) return usesToken([flag], ctx)
  const first = facts.tokenEnv.find((v) => ctx.tokenVars.has(v) || ctx.env[v] !== undefined)
  return first !== undefined && ctx.tokenVars.has(first)
}

/** A program of knowledge/programs.ts: the call it makes with the token, or the remote it sets. */
export function analyseProgram(cmd: Command, facts: ProgramFacts, ctx: ScriptContext, state: GitState, out: StepAnalysis) {
  if (!programGetsToken(cmd, facts, ctx) || !facts.callsGithub) return
  out.sentToGithub = true
  const repo = flagValue(cmd.words, [], facts.repoFlags)
  const target = repo === undefined ? { kind: 'same' as const } : (gitUrlRepo(repo, ctx) ?? repoRef(repo, ctx))
  if (facts.setsRemote) {
    const remote = flagValue(cmd.words, [], ['--remote']) ?? facts.setsRemote
    state.remotes.set(remote, target)
    ;(out.persists ??= []).push({ what: `${facts.command} set remote ${quoted(remote)} to a URL carrying the token`, target, scope: 'remote', remote })
    out.calls.push({ what: `${facts.command} (git fetch)`, permissions: { contents: 'read' }, target, readOnly: true })
    return
  }
  out.calls.push({ what: facts.command, permissions: facts.permissions, target, events: facts.events })
}

/**
 * `docker login ghcr.io`: its password is the command's own argument or what the command before
 * it in a pipe prints. `pushes`: the script pushes to ghcr.io, so the login needs packages: write.
 */
export function analyseGhcrLogin(cmd: Command, feeder: Command | undefined, pushes: boolean, ctx: ScriptContext, out: StepAnalysis) {
  const fed = usesToken(cmd.words, ctx) || (feeder !== undefined && usesToken(feeder.words, ctx))
  // A login fed by another variable or secret (often GITHUB_TOKEN itself) logs in with that one.
  if (!fed && [cmd, feeder].some((c) => c?.words.some((w) => w.includes('$')))) return
  if (!fed) {
    out.unknown.push('a docker login to ghcr.io reads a password pat-lint cannot trace')
    return
  }
  out.calls.push({ what: 'docker login ghcr.io', permissions: { packages: pushes ? 'write' : 'read' }, target: PACKAGE_TARGET, classicOnly: because('GitHub Packages (ghcr.io) takes GITHUB_TOKEN or a classic token, not a fine-grained one', 'R9', 'R18') })
}

/** `npm|yarn|pnpm publish` to npm.pkg.github.com. */
export function analysePackagesPublish(prog: string, out: StepAnalysis) {
  out.calls.push({ what: `${prog} publish to GitHub Packages`, permissions: { packages: 'write' }, target: PACKAGE_TARGET, classicOnly: because('GitHub Packages takes GITHUB_TOKEN or a classic token, not a fine-grained one', 'R9', 'R18') })
}

/** `echo`/`printf`/`cat` handed the token: where it is written, which may leave it for later steps. */
export function analyseWrite(cmd: Command, out: StepAnalysis) {
  const redirect = cmd.words.findIndex((w) => /^>>?$/.test(w))
  const file = redirect >= 0 ? cmd.words[redirect + 1] ?? '' : ''
  if (/GITHUB_ENV/.test(file)) out.unknown.push(`line ${cmd.line} exports the token to later steps through $GITHUB_ENV`)
  else if (/\.ssh|id_rsa|id_ed25519/.test(file)) (out.persists ??= []).push({ what: 'the secret is written as an SSH key', target: null })
  else if (file && !/GITHUB_(OUTPUT|STEP_SUMMARY)|git-credentials/.test(file)) (out.persists ??= []).push({ what: `the token is written to ${quoted(file)}`, target: null })
}

/** The commands of a script that publish or log in to GitHub Packages, and the known programs. */
export interface ProgramIndex {
  /** Commands of knowledge/programs.ts, by the variables they read a token from. */
  byVariable: Map<string, number[]>
  /**
   * The first publish to GitHub Packages per package manager: whatever token the step holds,
   * each gives the same call as any later one.
   */
  registryLogins: number[]
  /** `docker login ghcr.io` commands fed by the command before them in a pipe: feeder -> login. */
  ghcrLoginsByFeeder: Map<number, number>
  /** The first `docker login ghcr.io` that names no variable or secret, nor is piped one: -1 if none. */
  anonymousGhcrLogin: number
  /** `docker push` to ghcr.io somewhere in the script: a ghcr.io login then needs packages: write. */
  pushesToGhcr: boolean
  /** The script publishes to npm.pkg.github.com. */
  toGithubPackages: boolean
}

export function newProgramIndex(script: string): ProgramIndex {
  return {
    byVariable: new Map(),
    registryLogins: [],
    ghcrLoginsByFeeder: new Map(),
    anonymousGhcrLogin: -1,
    pushesToGhcr: /\bdocker\s+(push|buildx\s+build[^\n]*--push)[^\n]*ghcr\.io/i.test(script),
    toGithubPackages: /npm\.pkg\.github\.com/.test(script),
  }
}
