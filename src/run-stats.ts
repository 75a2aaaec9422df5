/**
 * Counts of the units of work one run does, by stage, for tests that hold that the work grows
 * with the input and not with its square, without timing anything: the report lists only so many
 * reasons and repositories, so it can stay small while the work behind it explodes. One object
 * per run, made by `lint` (or handed to it by a caller that wants the counts).
 */
export interface RunStats {
  /** discover + parse: workflow and action files read and parsed. */
  filesParsed: number
  /** model: steps modelled, across jobs and composite actions. */
  stepsModelled: number
  /** flows: places a credential reaches a step, job or called workflow. */
  secretUses: number
  /** analysis: script commands read while following tokens through run steps. */
  scriptCommands: number
  /** analysis: calls weighed by the decisions. */
  callsDecided: number
  /** analysis: comment lines read for the author's stated reasons. */
  commentLines: number
  /** rules: findings the rules built, before ignores. */
  findingsBuilt: number
}

export function newRunStats(): RunStats {
  return { filesParsed: 0, stepsModelled: 0, secretUses: 0, scriptCommands: 0, callsDecided: 0, commentLines: 0, findingsBuilt: 0 }
}
