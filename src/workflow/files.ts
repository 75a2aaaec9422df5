/**
 * Finds the files pat-lint reads and reads them defensively: everything in a repository is
 * untrusted, so symlinks leading outside it are never followed, non-regular files are never
 * opened (a FIFO would block), and oversized, binary or non-UTF-8 files become errors.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs'
import { dirname, join, relative, resolve, sep, posix } from 'node:path'
import { isUtf8 } from 'node:buffer'
import type { LintError } from '../types.js'
import { compareText } from '../order.js'

/** script: a file an actions/github-script step loads (workflow/script-imports.ts). */
export type FileKind = 'workflow' | 'action' | 'requirements' | 'script'

export interface Candidate {
  /** Path relative to the repository root, with forward slashes. */
  path: string
  kind: FileKind
}

export interface SourceText {
  path: string
  kind: FileKind
  text: string
}

/** Larger files are reported, not read: real workflows are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024

const YAML_EXT = /\.ya?ml$/i

/** Turns a repository-relative path into an absolute one, or null when it escapes the root. */
export function insideRoot(root: string, path: string): string | null {
  const abs = resolve(root, path)
  const rel = relative(resolve(root), abs)
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel))) return abs
  return null
}

function toRepoPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join(posix.sep)
}

/** The root's real path, resolved once per root: every directory read is held against it. */
const realRoots = new Map<string, string>()
function realRoot(root: string): string {
  let real = realRoots.get(root)
  if (real === undefined) {
    try {
      real = realpathSync(root)
    } catch {
      real = resolve(root)
    }
    if (realRoots.size > 64) realRoots.clear()
    realRoots.set(root, real)
  }
  return real
}

/**
 * Whether a directory really lies inside the root: every component resolved, so a symlinked
 * `.github`, `.github/workflows` or action directory that leads out is not read (its files'
 * names would be published otherwise). A directory that does not exist is not inside.
 */
export function realDirInside(root: string, dir: string): boolean {
  // Every workflow of a repository sits in one directory: it is resolved once, not once a file.
  const key = `${root}\n${dir}`
  const known = dirsInside.get(key)
  if (known !== undefined) return known
  let inside = false
  try {
    const rel = relative(realRoot(root), realpathSync(dir))
    inside = rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel))
  } catch {
    inside = false
  }
  if (dirsInside.size > 1024) dirsInside.clear()
  dirsInside.set(key, inside)
  return inside
}

/** Answers of realDirInside, bounded: a run asks about a handful of directories. */
const dirsInside = new Map<string, boolean>()

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

/**
 * Lists workflows (`.github/workflows/*.yml|yaml`, not recursive, as GitHub reads them) and local
 * action metadata files: the repository's root action, every action under `.github/actions/`
 * (up to four levels down) and the extra directories given (from `uses: ./path` references).
 */
export function discoverFiles(root: string, extraActionDirs: string[] = []): Candidate[] {
  const found = new Map<string, Candidate>()
  const workflowsDir = join(root, '.github', 'workflows')
  for (const name of realDirInside(root, workflowsDir) ? safeReaddir(workflowsDir) : []) {
    if (YAML_EXT.test(name)) {
      const path = toRepoPath(root, join(workflowsDir, name))
      found.set(path, { path, kind: 'workflow' })
    }
  }
  const addActionDir = (dir: string) => {
    if (!realDirInside(root, dir)) return
    for (const name of ['action.yml', 'action.yaml']) {
      const abs = join(dir, name)
      if (existsNoFollow(abs)) {
        const path = toRepoPath(root, abs)
        if (!found.has(path)) found.set(path, { path, kind: 'action' })
      }
    }
  }
  addActionDir(root)
  const walk = (dir: string, depth: number) => {
    if (!realDirInside(root, dir)) return
    addActionDir(dir)
    if (depth === 0) return
    for (const name of safeReaddir(dir)) {
      const abs = join(dir, name)
      let st: Stats
      try {
        st = lstatSync(abs)
      } catch {
        continue
      }
      if (st.isDirectory()) walk(abs, depth - 1) // symlinked directories are not entered
    }
  }
  walk(join(root, '.github', 'actions'), 4)
  for (const dir of extraActionDirs) {
    const abs = insideRoot(root, dir)
    if (abs) addActionDir(abs)
  }
  return [...found.values()].sort((a, b) => compareText(a.path, b.path))
}

function existsNoFollow(abs: string): boolean {
  try {
    lstatSync(abs)
    return true
  } catch {
    return false
  }
}

function describeNonFile(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/** 1-based line of a byte offset in a buffer. */
function lineOfByte(buf: Buffer, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++
  return line
}

/**
 * Opens a path that is not a symlink without blocking (a FIFO opens at once and is then refused
 * by its type): one open and one fstat instead of an lstat and a second open, and no window
 * between checking the file and reading it. Undefined when the path is a symlink or the platform
 * cannot refuse to follow one (Windows), so the caller takes the careful path.
 */
function openNoFollow(abs: string): number | undefined {
  if (constants.O_NOFOLLOW === undefined) return undefined
  try {
    return openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return undefined
    throw e
  }
}

/** Reads one candidate, or says with a position why it cannot be read. */
export function readCandidate(root: string, candidate: Candidate, maxBytes = MAX_FILE_BYTES): SourceText | LintError {
  const err = (message: string, line = 1): LintError => ({ file: candidate.path, line, column: 1, message })
  const abs = insideRoot(root, candidate.path)
  if (!abs) return err('path leads outside the repository; not read')
  // O_NOFOLLOW guards the last component only: the directories above it are resolved here.
  if (!realDirInside(root, dirname(abs))) return err('its directory leads outside the repository (a symlink); not read')
  let fd: number | undefined
  try {
    fd = openNoFollow(abs)
  } catch (e) {
    return err(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  if (fd !== undefined) {
    try {
      const st = fstatSync(fd)
      const refused = refuse(st, maxBytes)
      if (refused) return err(refused)
      return decode(candidate, readFileSync(fd), err)
    } catch (e) {
      return err(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
    } finally {
      closeSync(fd)
    }
  }
  let st: Stats
  try {
    st = lstatSync(abs)
    if (st.isSymbolicLink()) {
      let target: string
      try {
        target = realpathSync(abs)
      } catch {
        return err('symlink whose target does not exist; not read')
      }
      let realRoot: string
      try {
        realRoot = realpathSync(root)
      } catch {
        realRoot = resolve(root)
      }
      if (!insideRoot(realRoot, relative(realRoot, target))) return err('symlink leads outside the repository; not followed')
      st = statSync(target)
    }
  } catch (e) {
    return err(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  const refused = refuse(st, maxBytes)
  if (refused) return err(refused)
  let buf: Buffer
  try {
    buf = readFileSync(abs)
  } catch (e) {
    return err(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  return decode(candidate, buf, err)
}

/** Why a file is not read (not a regular file, too large), or undefined. */
function refuse(st: Stats, maxBytes: number): string | undefined {
  if (!st.isFile()) return `is ${describeNonFile(st)}, not a file; not read`
  if (st.size > maxBytes) return `is ${(st.size / 1024 / 1024).toFixed(1)} MiB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB pat-lint reads; not linted`
  return undefined
}

/** The text of a file's bytes, or why they are not text pat-lint lints. */
function decode(candidate: Candidate, buf: Buffer, err: (message: string, line?: number) => LintError): SourceText | LintError {
  const nul = buf.indexOf(0)
  if (nul >= 0) return err('is binary (contains a NUL byte); not linted', lineOfByte(buf, nul))
  // Invalid UTF-8 is an error rather than silent U+FFFD; a BOM is dropped.
  if (!isUtf8(buf)) {
    const loose = buf.toString('utf8')
    const bad = loose.indexOf('\uFFFD')
    const line = bad < 0 ? 1 : loose.slice(0, bad).split('\n').length
    return err('is not valid UTF-8; not linted', line)
  }
  const text = buf.toString('utf8')
  return { path: candidate.path, kind: candidate.kind, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
}
