/**
 * What the live-check rules share: each checked token with its declaration and uses, and where a
 * finding about it points (the declaration's key, else the step that hands it to the live check,
 * else its first use, else the requirements file's first line).
 */
import type { DeclaredToken } from '../requirements/load.js'
import type { LiveCheck } from '../types.js'
import type { Place } from './finding.js'
import type { RuleContext, TokenFacts } from './types.js'

export interface LiveToken {
  check: LiveCheck
  token: TokenFacts | null
  declaration: DeclaredToken | null
  /** Where a finding about the token points: at the declaration's `key` when there is one. */
  at(key?: string): Place
}

/** The default place of a requirements file, for a token neither declared nor used anywhere. */
const NO_PLACE_FILE = '.github/pat-requirements.yml'

export function* liveTokens(ctx: RuleContext): Generator<LiveToken> {
  const bySecret = new Map(ctx.tokens.map((t) => [t.secret.toUpperCase(), t]))
  const declared = new Map(ctx.requirements.tokens.map((d) => [d.secret.toUpperCase(), d]))
  for (const check of ctx.live) {
    const key = check.secret.toUpperCase()
    const token = bySecret.get(key) ?? null
    const declaration = declared.get(key) ?? null
    const handed = ctx.liveCheckUses.find((u) => u.secret?.toUpperCase() === key)
    const file = ctx.requirements.path
    yield {
      check,
      token,
      declaration,
      at(k) {
        if (declaration && file) return { declaration, file, ...(k ? { key: k } : {}) }
        const use = handed ?? token?.uses[0]
        if (use) return { use }
        return { file: file ?? NO_PLACE_FILE, line: 1, column: 1 }
      },
    }
  }
}

/** A date as findings print it: `2026-12-20`. */
export function day(iso: string): string {
  return iso.slice(0, 10)
}

/** Whole days from the check to a time, rounded down (negative when past). */
export function daysUntil(iso: string, from: string): number {
  return Math.floor((Date.parse(iso) - Date.parse(from)) / 86_400_000)
}
