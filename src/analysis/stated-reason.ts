/**
 * The author's own word on why a step gets a user token. Where the file alone cannot tell whether
 * GITHUB_TOKEN would do (will pushed commits need CI? must the approval come from a code owner?),
 * a comment at the step that says so is evidence, and pat-lint reports it as such, with its line.
 * It only ever turns "cannot tell" into "keep the PAT": a comment never makes a PAT look unneeded.
 */
import type { UseDecision } from './types.js'

/** Reasons GitHub documents for a user token, as people write them in comments. */
const SAYS_PAT_NEEDED: readonly RegExp[] = [
  /GITHUB_TOKEN\b[^.]*\b(will not|won't|cannot|can't|does not|doesn't|do not|don't|prevents?|is not allowed)\b/i,
  /\b(trigger(s|ed|ing)?|start(s|ed)?|run(s|ning)?)\b[^.]{0,40}\b(workflows?|CI|checks|pipelines?)\b/i,
  /\b(workflows?|CI|checks)\b[^.]{0,30}\bto be (triggered|started|run)\b/i,
  /triggering-new-workflows|triggering-a-workflow-from-a-workflow/i,
  /\bcode.?owners?\b[^.]{0,60}\b(review|approv)/i,
  /\b(protected branch|branch protection|bypass(es)? (the )?(branch|rules?|protection))/i,
]

/** Hedges that make a comment about when the token is *not* needed. */
const HEDGED = /\b(only (if|when)|not (needed|required|necessary)|optional|no need|would do|defaults? to)\b/i

export interface StatedReason {
  line: number
  text: string
}

/** The comment text of a YAML or shell line (`# …` after whitespace or at the start), or null. */
function commentOf(line: string): string | null {
  const m = /(?:^|\s)#\s?(.*)$/.exec(line)
  return m ? m[1].trim() : null
}

/** Per file: each line's comment and whether the line is only a comment, read once (a step may have thousands of uses). */
const commentsByFile = new WeakMap<readonly string[], { comment: (string | null)[]; whole: boolean[] }>()

function commentsOf(lines: readonly string[]): { comment: (string | null)[]; whole: boolean[] } {
  let c = commentsByFile.get(lines)
  if (!c) {
    c = { comment: lines.map(commentOf), whole: lines.map((l) => /^\s*#/.test(l)) }
    commentsByFile.set(lines, c)
  }
  return c
}

/**
 * The first comment from the block of comments just above the step through the token's own line
 * that states a reason a user token is needed. `lines` is the file's text split into lines;
 * `stepLine` and `useLine` are 1-based.
 */
export function statedReason(lines: readonly string[], stepLine: number, useLine: number): StatedReason | null {
  const { comment, whole } = commentsOf(lines)
  let from = stepLine - 1
  while (from > 0 && whole[from - 1]) from--
  // Comments spread over several lines make one sentence: join each run before matching.
  let run: { line: number; parts: string[] } | null = null
  const runs: { line: number; parts: string[] }[] = []
  for (let i = from; i < Math.min(useLine, lines.length); i++) {
    const c = comment[i]
    if (c === null) {
      run = null
      continue
    }
    if (!run || !whole[i]) runs.push((run = { line: i + 1, parts: [] }))
    run.parts.push(c)
  }
  for (const r of runs) {
    const sentence = r.parts.join(' ')
    if (HEDGED.test(sentence)) continue
    if (SAYS_PAT_NEEDED.some((re) => re.test(sentence))) return { line: r.line, text: sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence }
  }
  return null
}

/** An undecided use becomes "keep the PAT" when the step's comment says why it is needed. */
export function withStatedReason(decision: UseDecision, reason: StatedReason | null): UseDecision {
  if (decision.githubTokenWouldDo !== null || !reason) return decision
  return {
    ...decision,
    githubTokenWouldDo: false,
    reasons: [...decision.reasons, `the comment at line ${reason.line} says why a user token is used: "${reason.text}"`],
  }
}
