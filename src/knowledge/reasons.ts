/**
 * Why a token is or is not needed, as data. The codes are the rules of docs/reasons.md (R1 … R22),
 * each a statement about GitHub with its source; the text is the sentence users read, citing them.
 * Rules, the comment and the tests match `codes`, never the text.
 */

export const REASON_CODES = [
  'R1', 'R1a', 'R1b', 'R1c', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11',
  'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19', 'R20', 'R21', 'R22',
] as const

export type ReasonCode = (typeof REASON_CODES)[number]

/** Where a reason was read from in the repository (a comment, a step name). */
export interface Evidence {
  line: number
  file?: string
}

export interface Reason {
  /** The rules the reason rests on; empty when it rests on none (something unseen, a note). */
  readonly codes: readonly ReasonCode[]
  /** The sentence as users read it, citing the codes. */
  readonly text: string
  readonly evidence?: Evidence
}

/** A reason resting on `codes`, cited at the end of the sentence: `text (R3, R11)`. */
export function because(text: string, ...codes: ReasonCode[]): Reason {
  return { codes, text: codes.length ? `${text} (${codes.join(', ')})` : text }
}

/** A reason whose sentence cites its codes where it reads best; each code must appear in the text. */
export function citing(text: string, ...codes: ReasonCode[]): Reason {
  for (const code of codes) if (!new RegExp(`\\b${code}\\b`).test(text)) throw new Error(`reason does not cite ${code}: ${text}`)
  return { codes, text }
}

/** A reason that rests on no rule: something pat-lint cannot see, or a note. */
export function plain(text: string, evidence?: Evidence): Reason {
  return evidence ? { codes: [], text, evidence } : { codes: [], text }
}

/** The same reason about `what` (a call, a file position): `what: text`. */
export function about(what: string, reason: Reason, separator = ': '): Reason {
  return { ...reason, text: `${what}${separator}${reason.text}` }
}

export function cites(reason: Reason, code: ReasonCode): boolean {
  return reason.codes.includes(code)
}
