/**
 * Writes a file inside a directory pat-lint was given (the workspace), never through a symlink.
 * A pull request can commit `pat-lint.sarif`, or a directory on its path, as a symlink to any
 * file the runner can write; a lexical check of the path does not see that. Each directory on
 * the way is created or checked without following links, its real path must stay inside the
 * base, and the file is opened with O_NOFOLLOW, so a symlink in last place fails instead of
 * being written through.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, writeSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

export class UnsafePathError extends Error {}

function inside(base: string, path: string): boolean {
  const rel = relative(base, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel))
}

/** Writes `text` to `path` (relative to `base`); returns the absolute path. Throws UnsafePathError on a link or an escape. */
export function writeInside(base: string, path: string, text: string): string {
  const root = resolve(base)
  const abs = resolve(root, path)
  if (!inside(root, abs) || abs === root) throw new UnsafePathError(`${path} leads outside the workspace`)
  const realBase = realpathSync(root)
  const parts = relative(root, abs).split(sep)
  let dir = root
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part)
    let st
    try {
      st = lstatSync(dir)
    } catch {
      mkdirSync(dir)
      continue
    }
    if (st.isSymbolicLink()) throw new UnsafePathError(`${path}: ${relative(root, dir)} is a symlink; pat-lint writes through none`)
    if (!st.isDirectory()) throw new UnsafePathError(`${path}: ${relative(root, dir)} is not a directory`)
  }
  if (!inside(realBase, realpathSync(dir))) throw new UnsafePathError(`${path} leads outside the workspace`)
  let fd: number
  try {
    fd = openSync(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafePathError(`${path} is a symlink; pat-lint writes through none`)
    throw e
  }
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
  return abs
}
