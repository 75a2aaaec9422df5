/**
 * The configuration files of release tools that steps start, read before the analysis:
 * semantic-release's (package.json, its rc and config files), GoReleaser's (its YAML, the one
 * `--config` names, go.mod), release-it's (package.json, .release-it.*), the changesets CLI's
 * (.changeset/config.json), the Makefile whose recipes `make` runs, and the repository's own
 * programs the script runs (knowledge/run-files.ts), in the directory the step starts in and in
 * each directory its script moves to with `cd`/`pushd`.
 */
import { posix } from 'node:path'
import { CONFIG_DATA_FILES, CONFIG_PROGRAM_FILES, SEMANTIC_RELEASE_ACTIONS } from '../knowledge/semantic-release.js'
import { CONFIG_FILE as CHANGESETS_CONFIG } from '../knowledge/changesets.js'
import { MAKEFILE_NAMES } from '../knowledge/programs.js'
import { filesRun } from '../knowledge/run-files.js'
import { CONFIG_DATA_FILES as RELEASE_IT_DATA, CONFIG_OTHER_FILES as RELEASE_IT_OTHER } from '../knowledge/release-it.js'
import { CONFIG_FILES as GORELEASER_FILES, GORELEASER_ACTION } from '../knowledge/goreleaser.js'
import { actionName } from '../knowledge/actions.js'
import { readCandidate } from './files.js'
import type { WorkflowInfo } from './model.js'

/** Directories read per step at most: a script moving further is read where it starts only. */
const MAX_DIRECTORIES = 8
/** Configuration paths read per run at most; past them a tool's configuration is "not among the files read". */
export const MAX_READS = 2000
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

const SEMANTIC_RELEASE_NAMES = ['package.json', ...CONFIG_DATA_FILES, ...CONFIG_PROGRAM_FILES]
/** `-f FILE`, `--config FILE`, `--config=FILE` after `goreleaser`. */
const GORELEASER_CONFIG = /(?:^|\s)(?:-f|--config)(?:\s+|=)(["']?)([^\s"';&|]{1,200})\1/g

/** `-c FILE`, `--config FILE`, `--config=FILE` after `release-it`. */
const RELEASE_IT_CONFIG = /\brelease-it\b[^\n;&|]*?\s(?:-c|--config)(?:\s+|=)(["']?)([^\s"';&|]{1,200})\1/g

/** `make -C DIR`. */
const MAKE_DIRECTORY = /\bmake\b[^\n;&|]*?\s-C\s*([^\s;&|"']{1,200})/g

/** The files a step may read as a release tool's configuration, with the directory its run starts in. */
function wanted(step: WorkflowInfo['jobs'][number]['steps'][number]): { start: string; script: string; names: string[] } | null {
  const name = step.uses ? actionName(step.uses.value)?.toLowerCase() ?? '' : ''
  const input = (key: string) => Object.entries(step.with).find(([k]) => k.toLowerCase() === key)?.[1].value
  const semanticAction = SEMANTIC_RELEASE_ACTIONS[name]
  if (semanticAction) return { start: input(semanticAction.workingDirectory) ?? '', script: '', names: SEMANTIC_RELEASE_NAMES }
  if (name === GORELEASER_ACTION.uses) {
    const args = input(GORELEASER_ACTION.args) ?? ''
    return { start: input(GORELEASER_ACTION.workdir) ?? '', script: '', names: [...GORELEASER_FILES, 'go.mod', ...[...args.matchAll(GORELEASER_CONFIG)].map((m) => m[2])] }
  }
  const script = step.run?.value
  if (!script) return null
  const names = [
    ...(/\bsemantic-release\b/.test(script) ? SEMANTIC_RELEASE_NAMES : []),
    ...(/\bchangeset\s+version\b/.test(script) ? [CHANGESETS_CONFIG] : []),
    // The Makefile a `make` runs the recipes of (also in the directory `-C` names).
    ...(/\bmake\b/.test(script) ? [...MAKEFILE_NAMES, ...[...script.matchAll(MAKE_DIRECTORY)].slice(0, MAX_DIRECTORIES).flatMap((m) => MAKEFILE_NAMES.map((n) => `${m[1]}/${n}`))] : []),
    ...(/\brelease-it\b/.test(script) ? ['package.json', ...RELEASE_IT_DATA, ...RELEASE_IT_OTHER, ...[...script.matchAll(RELEASE_IT_CONFIG)].slice(0, MAX_DIRECTORIES).map((m) => m[2])] : []),
    ...(/\bgoreleaser\b/.test(script) ? [...GORELEASER_FILES, 'go.mod', ...[...script.matchAll(GORELEASER_CONFIG)].slice(0, MAX_DIRECTORIES).map((m) => m[2])] : []),
    // The repository's own programs the script runs: the git commands in them are the step's.
    ...filesRun(script, MAX_DIRECTORIES).map((f) => f.path),
  ]
  return names.length ? { start: step.workingDirectory ?? '', script, names } : null
}

/**
 * Reads the release configurations of the steps of `models` that run a release tool, through
 * the guarded reader (inside the repository, no symlink out, bounded size), into `files`.
 */
export function readReleaseConfigs(root: string, models: readonly WorkflowInfo[], files: Map<string, string | null>): void {
  let reads = 0
  for (const m of models) for (const j of m.jobs) for (const s of j.steps) {
    // Bounded per run: thousands of steps each naming new directories cost a read per name each.
    if (reads >= MAX_READS) return
    const want = wanted(s)
    if (!want) continue
    for (const dir of directories(want.start, want.script)) {
      for (const name of want.names) {
        if (/^[/~$]/.test(name) || name.split('/').includes('..')) continue
        const path = dir ? `${dir}/${name}` : name
        if (files.has(path)) continue
        if (++reads > MAX_READS) return
        const got = readCandidate(root, { path, kind: 'script' })
        files.set(path, 'text' in got ? got.text : null)
      }
    }
  }
}
