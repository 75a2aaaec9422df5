/**
 * Which commands of a script one token's reading visits, and in what order. The reference reader
 * (`analyseScriptReadingAll` in analyse.ts) reads every command in turn; this schedule must give
 * the same answer (a property test holds them equal) while reading only:
 * - the commands that name the token, the logins and programs it feeds, the first registry
 *   logins, and the first ENV_READERS_LISTED commands that may read it from their environment
 *   (the rest are counted: `unlisted`), all from the index (`relevantCommands`);
 * - gh and git commands that do not name it, only where they can hold it: each program is a
 *   stream that skips, unread, to the next command that can matter given what it holds so far
 *   (`inOrder`).
 * Following any secret (no name given) reads every command.
 */
import { firstAtLeast } from '../../order.js'
import type { ScriptIndex } from './command-index.js'
import type { ScriptContext } from './words.js'

/** Past this many, commands that may read the token from their environment are counted, not listed. */
export const ENV_READERS_LISTED = 5

/** Environment readers that were not read one by one: how many, and between which lines. */
export interface Unlisted {
  count: number
  first: number
  last: number
}

/** Which commands one token's analysis reads. */
export interface Relevant {
  /** Commands to read, in order, besides the gh and git commands read while they can hold the token. */
  picked: number[]
  /** Commands that name the token; null when any secret is followed. */
  named: Set<number> | null
  unlisted: Unlisted
}

/** The commands that name the followed secret or one of its variables; null when any secret is followed. */
export function namedCommands(index: ScriptIndex, ctx: ScriptContext): Set<number> | null {
  if (!ctx.secret) return null
  const named = new Set<number>(index.bySecret.get(ctx.secret.toUpperCase()) ?? [])
  for (const v of ctx.tokenVars) for (const i of index.byVariable.get(v) ?? []) named.add(i)
  return named
}

/** The git commands that git gives the token by a rule of `git config` (the token names the rule's command). */
export function commandsConfigGivesToken(named: Set<number>, index: ScriptIndex): number[] {
  const lists: number[][] = []
  for (const rule of named) {
    const list = index.git.byRule.get(rule)
    if (list) lists.push(list)
  }
  return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b)
}

/** Every command, in order: the reference reading, and the one for any secret. */
export function everyCommand(index: ScriptIndex, named: Set<number> | null): Relevant {
  return { picked: index.commands.map((_, i) => i), named, unlisted: { count: 0, first: Infinity, last: 0 } }
}

/** The commands that can matter for one token (see the top of this file). */
export function relevantCommands(index: ScriptIndex, ctx: ScriptContext): Relevant {
  if (!ctx.secret) return everyCommand(index, null)
  const unlisted: Unlisted = { count: 0, first: Infinity, last: 0 }
  const named = namedCommands(index, ctx)!
  const picked = new Set(named)
  const { programs } = index
  for (const i of named) for (const login of index.gh.loginsByFeeder.get(i) ?? []) picked.add(login)
  for (const v of ctx.tokenVars) for (const i of programs.byVariable.get(v) ?? []) picked.add(i)
  for (const i of programs.registryLogins) picked.add(i)
  for (const i of named) {
    const login = programs.ghcrLoginsByFeeder.get(i)
    if (login !== undefined) picked.add(login)
  }
  if (programs.anonymousGhcrLogin >= 0) picked.add(programs.anonymousGhcrLogin)
  if (ctx.tokenVars.size) {
    let listed = 0
    for (const i of index.envReaders) {
      if (named.has(i)) continue
      if (listed < ENV_READERS_LISTED) {
        picked.add(i)
        listed++
        continue
      }
      // Past the listed ones only the count and the last line are wanted.
      unlisted.first = index.commands[i].line
      break
    }
    if (unlisted.first !== Infinity) {
      let namedReaders = 0
      for (const i of named) if (index.roles[i] === 'env') namedReaders++
      unlisted.count = index.envReaders.length - namedReaders - listed
      for (let k = index.envReaders.length - 1; k >= 0; k--) {
        const i = index.envReaders[k]
        if (!named.has(i)) {
          unlisted.last = index.commands[i].line
          break
        }
      }
    }
  }
  return { picked: [...picked].sort((a, b) => a - b), named, unlisted }
}

/**
 * Commands of one program (gh or git) that do not name the token, read only where they can
 * matter: `wanted(from)` is the first command at or after `from` that can, given what the
 * program holds so far (Infinity when none can).
 */
export interface Stream {
  list: number[]
  at: number
  wanted: (from: number) => number
}

/** The first entry of a sorted list at or after `from`; Infinity if none. */
export function nextIn(list: number[], from: number): number {
  return list[firstAtLeast(list, from)] ?? Infinity
}

/**
 * `picked` and the streams merged in script order. A stream skips, unread, to its next wanted
 * command or to the next picked one, whichever comes first: a picked command may change what
 * the program holds.
 */
export function* inOrder(picked: number[], streams: Stream[]): Generator<number> {
  let p = 0
  for (;;) {
    const nextPicked = p < picked.length ? picked[p] : Infinity
    let next = nextPicked
    let from: Stream | null = null
    for (const s of streams) {
      if (s.at < s.list.length) s.at = Math.max(s.at, firstAtLeast(s.list, Math.min(nextPicked, s.wanted(s.list[s.at]))))
      if (s.at < s.list.length && s.list[s.at] < next) {
        next = s.list[s.at]
        from = s
      }
    }
    if (next === Infinity) return
    if (from) from.at++
    else {
      p++
      for (const s of streams) if (s.list[s.at] === next) s.at++
    }
    yield next
  }
}
