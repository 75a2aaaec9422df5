/**
 * The author's own word on why a step gets a user token. Where the file alone cannot tell whether
 * GITHUB_TOKEN would do (will pushed commits need CI? must the approval come from a code owner?),
 * a comment at the step that says so is evidence, and pat-lint reports it as such, with its line.
 * It only ever turns "cannot tell" or "would do" into "keep the PAT": the author may know what the
 * files do not show (a protected branch, an organization's settings), and a wrong "would do" breaks
 * a release. A comment never makes a PAT look unneeded.
 */
import type { RunStats } from '../run-stats.js'
import type { Memo } from './memo.js'
import type { UseDecision } from './types.js'
import { plain } from '../knowledge/reasons.js'

/** Reasons GitHub documents for a user token, as people write them in comments. */
const SAYS_PAT_NEEDED: readonly RegExp[] = [
  /GITHUB_TOKEN\b[^.]*\b(will not|won't|cannot|can't|does not|doesn't|do not|don't|prevents?|is not allowed)\b/i,
  /\b(trigger(s|ed|ing)?|start(s|ed)?|run(s|ning)?)\b[^.]{0,40}\b(workflows?|CI|checks|pipelines?)\b/i,
  /\b(workflows?|CI|checks)\b[^.]{0,30}\bto be (triggered|started|run)\b/i,
  /triggering-new-workflows|triggering-a-workflow-from-a-workflow/i,
  /\bcode.?owners?\b[^.]{0,60}\b(review|approv)/i,
  /\b(protected branch|branch protection|bypass(es)? (the )?(branch|rules?|protection))/i,
  // Pushing where GITHUB_TOKEN may not: "needs access to push to main", "allow pushing back".
  /\b(access|permission|permitted|allowed?)\b[^.]{0,20}\bto push\b/i,
  /\bpush(ing)? (access )?to (the )?(main|master|default|protected|release)\b/i,
  /\b(allows?|enables?) push(ing|es)?\b/i,
  // The errors GITHUB_TOKEN gives, quoted: "Resource not accessible by integration", "not permitted".
  /\b(resource not accessible by integration|not permitted|permission denied|insufficient (permissions?|scopes?))\b/i,
  // Triggering, as often misspelt.
  /\b(tigger|triger|trigerr?)(s|ed|ing)?\b[^.]{0,40}\b(workflows?|CI|checks|actions)\b/i,
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

/** A comment run longer than this is read by its first lines: the reasons fit in a sentence or two. */
export const MAX_COMMENT_LINES = 50

interface FileComments {
  comment: (string | null)[]
  whole: boolean[]
  /** For each line, the first line of the block of whole-line comments just above it. */
  blockStart: number[]
  /** Reading from each block start (a step's comments), as far as its uses have asked. */
  scans: Map<number, Scan>
  stats: RunStats
}

/** A run of comment lines read as one sentence. */
interface Run {
  start: number
  end: number
}

/** Reading a file's comments from one line on: runs are closed as they end, the first that says why is kept. */
interface Scan {
  from: number
  next: number
  open: Run | null
  first: (Run & { reason: StatedReason }) | null
  /** The first line of the run each line read belongs to (-1: not a comment), from `from`. */
  runStart: number[]
}

/** Per file (its lines), read once: a step may have thousands of uses. */
function commentsOf(lines: readonly string[], memo: Memo): FileComments {
  return memo.once('comments of a file', lines, () => {
    const whole = lines.map((l) => /^\s*#/.test(l))
    const blockStart: number[] = []
    for (let i = 0; i < lines.length; i++) blockStart.push(i > 0 && whole[i - 1] ? blockStart[i - 1] : i)
    return { comment: lines.map(commentOf), whole, blockStart, scans: new Map(), stats: memo.stats }
  })
}

/** The reason a run of comments gives (lines `start`..`end`), if it gives one. */
function reasonOf(c: FileComments, start: number, end: number): StatedReason | null {
  const parts: string[] = []
  for (let i = start; i <= Math.min(end, start + MAX_COMMENT_LINES - 1); i++) parts.push(c.comment[i]!)
  c.stats.commentLines += parts.length
  const sentence = parts.join(' ')
  if (HEDGED.test(sentence) || !SAYS_PAT_NEEDED.some((re) => re.test(sentence))) return null
  return { line: start + 1, text: sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence }
}

/** Reads lines up to (not including) `to`. A comment line starts a run unless it is a whole-line comment following one. */
function advance(c: FileComments, scan: Scan, to: number) {
  const close = (run: Run | null) => {
    if (!run || scan.first) return
    const reason = reasonOf(c, run.start, run.end)
    if (reason) scan.first = { ...run, reason }
  }
  for (let i = scan.next; i < to; i++) {
    c.stats.commentLines++
    if (c.comment[i] === null) {
      close(scan.open)
      scan.open = null
      scan.runStart.push(-1)
      continue
    }
    if (!scan.open || !c.whole[i]) {
      close(scan.open)
      scan.open = { start: i, end: i }
    }
    scan.open.end = i
    scan.runStart.push(scan.open.start)
  }
  scan.next = Math.max(scan.next, to)
}

/**
 * The first comment from the block of comments just above the step through the token's own line
 * that states a reason a user token is needed. `lines` is the file's text split into lines;
 * `stepLine` and `useLine` are 1-based. Comments spread over several lines make one sentence.
 * Each step's comments are read once, however many uses it has.
 */
export function statedReason(lines: readonly string[], stepLine: number, useLine: number, memo: Memo): StatedReason | null {
  const c = commentsOf(lines, memo)
  const last = Math.min(useLine, lines.length) - 1
  if (stepLine < 1 || stepLine > lines.length || last < 0) return null
  const from = c.blockStart[stepLine - 1]
  if (last < from) return null
  let scan = c.scans.get(from)
  if (!scan) c.scans.set(from, (scan = { from, next: from, open: null, first: null, runStart: [] }))
  advance(c, scan, last)
  // A run that ended before the last line is read as it is; runs read so far before the first
  // that says why say nothing.
  if (scan.first && scan.first.end < last) return scan.first.reason
  // What is left: the run holding the line before the last, as far as the last line, and the last line's own.
  const before = last > from ? scan.runStart[last - 1 - from] : -1
  if (c.comment[last] !== null && c.whole[last] && before >= 0) return reasonOf(c, before, last)
  return (before >= 0 ? reasonOf(c, before, last - 1) : null) ?? (c.comment[last] !== null ? reasonOf(c, last, last) : null)
}

/**
 * An undecided use, or one pat-lint thinks GITHUB_TOKEN would do, becomes "keep the PAT" when the
 * step's comment says why it is needed. A use where nothing uses the token stays as it is.
 */
export function withStatedReason(decision: UseDecision, reason: StatedReason | null): UseDecision {
  if (decision.githubTokenWouldDo === false || !reason) return decision
  if (decision.githubTokenWouldDo === true && !decision.calls.length) return decision
  return {
    ...decision,
    githubTokenWouldDo: false,
    reasons: [...decision.reasons, plain(`the comment at line ${reason.line} says why a user token is used: "${reason.text}"`, { line: reason.line })],
  }
}
