/**
 * The configuration files of release tools that `run:` steps start, read before the analysis:
 * for semantic-release, package.json and its rc and config files in the directory the step
 * starts in and in each directory its script moves to with `cd`/`pushd`.
 */
import { posix } from 'node:path'
import { CONFIG_DATA_FILES, CONFIG_PROGRAM_FILES, SEMANTIC_RELEASE_ACTIONS } from '../knowledge/semantic-release.js'
import { actionName } from '../knowledge/actions.js'
import { readCandidate } from './files.js'
import type { WorkflowInfo } from './model.js'

/** Directories read per step at most: a script moving further is read where it starts only. */
const MAX_DIRECTORIES = 8
const MOVES = /(?:^|[\s;&|(])(?:cd|pushd)\s+(["']?)([^\s;&|)"']{1,200})\1/g

/** A directory relative to the repository root, or null when it leaves it or is named at run time. */
function directoryOf(from: string, path: string): string | null {
  if (/^[/~$-]/.test(path) || path.includes('${{')) return null
  const joined = posix.normalize(posix.join(from || '.', path))
  return joined === '..' || joined.startsWith('../') ? null : joined === '.' ? '' : joined
}

/** The directories a step's script may run semantic-release in: where it starts and where it moves. */
function directories(workingDirectory: string, script: string): string[] {
  const start = directoryOf('', workingDirectory.trim())
  if (start === null) return []
  const dirs = new Set([start])
  for (const m of script.matchAll(MOVES)) {
    if (dirs.size >= MAX_DIRECTORIES) break
    const dir = directoryOf(start, m[2])
    if (dir !== null) dirs.add(dir)
  }
  return [...dirs]
}

/**
 * Reads the release configurations of the steps of `models` that run semantic-release, through
 * the guarded reader (inside the repository, no symlink out, bounded size), into `files`.
 */
export function readReleaseConfigs(root: string, models: readonly WorkflowInfo[], files: Map<string, string | null>): void {
  const names = ['package.json', ...CONFIG_DATA_FILES, ...CONFIG_PROGRAM_FILES]
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    const action = s.uses ? SEMANTIC_RELEASE_ACTIONS[actionName(s.uses.value)?.toLowerCase() ?? ''] : undefined
    const script = s.run?.value
    if (!action && !(script && /\bsemantic-release\b/.test(script))) continue
    const start = action ? (Object.entries(s.with).find(([k]) => k.toLowerCase() === action.workingDirectory)?.[1].value ?? '') : (s.workingDirectory ?? '')
    for (const dir of directories(start, script ?? '')) {
      for (const name of names) {
        const path = dir ? `${dir}/${name}` : name
        if (files.has(path)) continue
        const got = readCandidate(root, { path, kind: 'script' })
        files.set(path, 'text' in got ? got.text : null)
      }
    }
  }
}
