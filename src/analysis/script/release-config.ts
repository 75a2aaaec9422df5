/** Where a release tool started by a script runs, for reading its configuration there. */
import { enterDirectory } from '../directories.js'
import type { Command } from '../shell.js'
import type { ScriptContext } from './words.js'

/** `file` in `dir` (relative to the repository root; '' is the root). */
export const joinPath = (dir: string, file: string): string => (dir ? `${dir}/${file}` : file)

/** The directory a command runs in: the step's start moved by the script's `cd`/`pushd` before it; null when unknown. */
export function directoryAt(commands: readonly Command[], at: number, ctx: ScriptContext): string | null {
  let dir: string | null = ctx.directory ? ctx.directory.start : ''
  for (let k = 0; k < at && dir !== null; k++) {
    const w = commands[k].words
    if (w[0] === 'cd' || w[0] === 'pushd') dir = w[1] === undefined ? null : enterDirectory(dir, w[1])
    else if (w[0] === 'popd') dir = null
  }
  return dir
}
