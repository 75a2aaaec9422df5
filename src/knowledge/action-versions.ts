/**
 * Which release of an action a `uses:` ref names, for actions whose behaviour changed between
 * major versions (issue 19). GitHub resolves `@ref` as a tag, branch or full commit SHA
 * (docs: "Using release management for actions"); actions tag releases `vMAJOR.MINOR.PATCH` and
 * move a `vMAJOR` tag along, so a tag's major names the behaviour, and a SHA is matched through
 * the release tags known to point at it.
 */

/** `v3`, `v3.1`, `3.1.2`, `releases/v2`: [major, minor, patch], -1 where not written. */
export function releaseVersion(tag: string): [number, number, number] | null {
  const m = /^(?:[\w.-]+\/)*v?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?$/.exec(tag)
  return m ? [Number(m[1]), m[2] === undefined ? -1 : Number(m[2]), m[3] === undefined ? -1 : Number(m[3])] : null
}

/** Past this many digits a ref is a commit SHA, which GitHub takes only in full (40 hex). */
const FULL_SHA = /^[0-9a-f]{40}$/i

/** Digits of a commit SHA a pin table keeps: enough to tell one repository's commits apart. */
export const PIN_DIGITS = 12

export interface RefVersion {
  major: number
  /** The release tag a SHA was matched to; absent when the ref is a tag itself. */
  pinnedTo?: string
}

/**
 * The major version `ref` names; null for a branch, or a SHA no known release tag points at
 * (a newer release than the knowledge, or a commit between releases).
 */
export function versionOfRef(ref: string, pins: Readonly<Record<string, string>> = {}): RefVersion | null {
  if (FULL_SHA.test(ref)) {
    const tag = pins[ref.slice(0, PIN_DIGITS).toLowerCase()]
    const version = tag ? releaseVersion(tag) : null
    return version ? { major: version[0], pinnedTo: tag } : null
  }
  const version = releaseVersion(ref)
  return version ? { major: version[0] } : null
}
