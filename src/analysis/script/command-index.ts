/**
 * A script's commands with an index of which command names which secret or variable, and of what
 * the others can do; each program keeps its own part (git.ts, gh.ts, programs.ts). Every secret
 * of a step is followed through its script on its own: without the index, a step with thousands
 * of secrets and thousands of commands costs their product in time.
 */
import { programFacts } from '../../knowledge/programs.js'
import { CORE as SEMANTIC_RELEASE } from '../../knowledge/semantic-release.js'
import { programWords } from './package-runner.js'
import { appendIndex } from '../../order.js'
import type { Memo } from '../memo.js'
import { parseCommands, type Command } from '../shell.js'
import { indexGh, newGhIndex, type GhIndex } from './gh.js'
import { GitIndexer, type GitIndex } from './git.js'
import { isGhcrLogin, isPackagesPublish, newProgramIndex, roleOfOther, type ProgramIndex, type Role } from './programs.js'
import { loopVariables, secretNamesIn, variablesIn, type ScriptContext } from './words.js'

export interface ScriptIndex {
  commands: Command[]
  roles: Role[]
  bySecret: Map<string, number[]>
  byVariable: Map<string, number[]>
  /** Commands whose role is `env`, in order. */
  envReaders: number[]
  /** Variables bound by loops, when the script has any. */
  loopVars?: Set<string>
  git: GitIndex
  gh: GhIndex
  programs: ProgramIndex
}

function indexScript(script: string, commands: Command[]): ScriptIndex {
  const git = new GitIndexer(script)
  const out: ScriptIndex = {
    commands,
    roles: [],
    bySecret: new Map(),
    byVariable: new Map(),
    envReaders: [],
    loopVars: /\b(for|while)\b/.test(script) ? loopVariables(script) : undefined,
    git: git.index,
    gh: newGhIndex(),
    programs: newProgramIndex(script),
  }
  const programs = out.programs
  const registries = new Set<string>()
  const mentions: boolean[] = []
  const lastWriter = new Map<string, number>()
  commands.forEach((cmd, i) => {
    const words = cmd.words
    const prog = words[0]
    mentions.push(false)
    for (const w of words) {
      if (!w.includes('$')) continue
      const secrets = secretNamesIn(w)
      const variables = variablesIn(w)
      for (const name of secrets) appendIndex(out.bySecret, name, i)
      for (const name of variables) appendIndex(out.byVariable, name, i)
      if (secrets.length || variables.length) mentions[i] = true
    }
    const redirect = words.findIndex((w) => w === '>' || w === '>>')
    if (redirect >= 0 && words[redirect + 1]) lastWriter.set(words[redirect + 1], i)
    const program = prog === 'gh' || prog === 'git' ? undefined : knownProgramEnv(programWords(words))
    let role: Role = 'watched'
    if (prog === 'gh') indexGh(out.gh, commands, i, mentions, lastWriter)
    else if (prog === 'git') git.addGit(words, i)
    else if (isGhcrLogin(words)) {
      // Its password is its own argument (a named command) or what the command before it in a pipe prints.
      if (i > 0 && commands[i - 1].line === cmd.line && mentions[i - 1]) programs.ghcrLoginsByFeeder.set(i - 1, i)
      else if (!mentions[i] && programs.anonymousGhcrLogin < 0) programs.anonymousGhcrLogin = i
    } else if (isPackagesPublish(words, programs.toGithubPackages)) {
      if (!registries.has(prog)) programs.registryLogins.push(i)
      registries.add(prog)
    } else if (program) {
      for (const v of program) appendIndex(programs.byVariable, v, i)
    } else role = roleOfOther(words)
    out.roles.push(role)
    if (role === 'env') out.envReaders.push(i)
    if ((prog === 'echo' || prog === 'printf') && mentions[i]) git.addPrint(words, i, redirect >= 0 && words[redirect] === '>')
  })
  git.finish()
  return out
}

/** The variables a known program reads a token from (semantic-release's or those of knowledge/programs.ts). */
function knownProgramEnv(words: string[]): readonly string[] | undefined {
  return words[0] === 'semantic-release' ? SEMANTIC_RELEASE.gitTokenEnv : programFacts(words)?.tokenEnv
}

/** The index of a script, built once per step (`key`, its `run:` value); a script built on the fly has no key. */
export function scriptIndexOf(script: string, key: object | undefined, memo: Memo): ScriptIndex {
  if (!key) return indexScript(script, parseCommands(script))
  return memo.once('script index', key, () => indexScript(script, parseCommands(script)))
}

/** Up to two secrets an environment holds (its values' `secrets.X`), per object of its chain. */
function twoSecretsOf(env: Record<string, string> | null, memo: Memo): string[] {
  if (!env) return []
  const table = memo.byObject<object, string[]>('secrets of an environment')
  let found = table.get(env)
  if (!found) {
    const names = new Set<string>()
    for (const key of Object.keys(env)) {
      for (const name of secretNamesIn(env[key])) names.add(name)
      if (names.size >= 2) break
    }
    for (const name of twoSecretsOf(Object.getPrototypeOf(env), memo)) if (names.size < 2) names.add(name)
    found = [...names].slice(0, 2)
    table.set(env, found)
  }
  return found
}

/**
 * Whether the step holds more than one secret (named in its script or in its environment): a gh
 * login fed from somewhere pat-lint cannot see is then not known to carry the one followed.
 */
export function holdsSeveralTokens(index: ScriptIndex, ctx: ScriptContext): boolean {
  const held = new Set<string>()
  for (const name of index.bySecret.keys()) {
    held.add(name)
    if (held.size >= 2) return true
  }
  for (const name of twoSecretsOf(ctx.env, ctx.memo)) held.add(name)
  if (ctx.secret) held.add(ctx.secret.toUpperCase())
  return held.size > 1
}
