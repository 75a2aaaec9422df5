/**
 * Counts of the units of work a run does, by kind, for tests that hold that the work grows with
 * the input and not with its square, without timing anything. The report lists only so many
 * reasons and repositories, so a report can stay small while the work behind it explodes.
 */
export const work = {
  /** Script commands read while following tokens through run steps. */
  scriptCommands: 0,
  /** Calls weighed by the decisions. */
  callsDecided: 0,
  /** Comment lines read for the author's stated reasons. */
  commentLines: 0,
}
