/**
 * Writes src/knowledge/generated/derived-actions.ts: what actions do with a token, read from
 * their source at a commit by src/knowledge/derive-action.ts. Each action's repository is a git
 * directory as `fetch` brings it (DIR/<owner>+<repo>/repo); the commit is its HEAD. Each major
 * version's newest release tag is read too: where its facts differ from HEAD's, the entry keeps
 * that version, and the commits of the repository's release tags, so that a SHA pin is matched.
 *   npm run docs && node build/scripts/derive-actions.js --from /work/.mirror scripts/derived-actions.txt
 * The list file names one action per line (`owner/repo[/path]`); `#` starts a comment. An action
 * whose repository is not under --from keeps the entry the generated file has (it says which).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isMap, parseDocument } from 'yaml'
import { deriveAction, factsOf, readSomething, type DerivedAction, type DerivedVersion, type SourceFile } from '../src/knowledge/derive-action.js'
import { PIN_DIGITS, releaseVersion } from '../src/knowledge/action-versions.js'

/** Source files larger than this are not read: an action's own code is a few kilobytes. */
const MAX_SOURCE_BYTES = 512 * 1024

const argv = process.argv.slice(2)
const from = argv.includes('--from') ? argv[argv.indexOf('--from') + 1] : '/work/.mirror'
const listFile = argv.filter((a, i) => a !== '--from' && argv[i - 1] !== '--from')[0] ?? 'scripts/derived-actions.txt'
const names = readFileSync(listFile, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)

const git = (dir: string, ...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

/**
 * A composite's action.yml without what only people read (descriptions, branding): the step
 * analysis reads inputs, their defaults and the steps. Hundreds of composites ship in the bundle.
 */
function withoutProse(text: string): string {
  const doc = parseDocument(text)
  for (const key of ['description', 'author', 'branding']) doc.delete(key)
  for (const section of ['inputs', 'outputs']) {
    const map = doc.get(section)
    if (isMap(map)) for (const item of map.items) if (isMap(item.value)) item.value.delete('description')
  }
  return doc.toString({ lineWidth: 0 })
}

/** Every metadata and script file at `commit`, read in one `git cat-file --batch` (a repository is thousands of files). */
function readTree(dir: string, commit: string): SourceFile[] {
  const wanted: { path: string; blob: string }[] = []
  // The whole tree, also for an action in a subdirectory: its entry may be `../dist/x.js`, its source `src/`.
  for (const line of git(dir, 'ls-tree', '-r', '-l', commit).split('\n')) {
    const m = /^\d+ blob (\S+)\s+(\d+)\t(.+)$/.exec(line)
    if (!m || Number(m[2]) > MAX_SOURCE_BYTES) continue
    if (!/(?:^|\/)action\.ya?ml$|\.[cm]?[jt]s$/.test(m[3]) || /(?:^|\/)node_modules\//.test(m[3])) continue
    wanted.push({ path: m[3], blob: m[1] })
  }
  if (!wanted.length) return []
  const out = execFileSync('git', ['--git-dir', dir, 'cat-file', '--batch'], { input: wanted.map((w) => w.blob).join('\n') + '\n', maxBuffer: 512 * 1024 * 1024 })
  const files: SourceFile[] = []
  let at = 0
  for (const w of wanted) {
    const eol = out.indexOf(10, at)
    const size = Number(out.subarray(at, eol).toString().split(' ')[2])
    files.push({ path: w.path, text: out.subarray(eol + 1, eol + 1 + size).toString('utf8') })
    at = eol + 1 + size + 1
  }
  return files
}

/** Majors read per action, newest first: date-numbered releases (2023.1) would be dozens. */
const MAX_MAJORS = 8

interface ReleaseTag { name: string; commit: string; version: [number, number, number] }

/** Release tags (`v1.2.3`, `v2`) with the commits they point at (annotated tags peeled). */
function releaseTags(dir: string): ReleaseTag[] {
  const tags: ReleaseTag[] = []
  for (const line of git(dir, 'for-each-ref', 'refs/tags', '--format=%(refname:strip=2)%09%(objectname)%09%(*objectname)').split('\n')) {
    const [name, object, peeled] = line.split('\t')
    const version = name ? releaseVersion(name) : null
    if (version) tags.push({ name, commit: peeled || object, version })
  }
  return tags
}

/** The newest tag of each major, newest major first: a moving `v2` ranks below `v2.8.1`, which it points at anyway. */
function newestOfEachMajor(tags: readonly ReleaseTag[]): ReleaseTag[] {
  const best = new Map<number, ReleaseTag>()
  for (const t of tags) {
    const was = best.get(t.version[0])
    if (!was || t.version[1] > was.version[1] || (t.version[1] === was.version[1] && t.version[2] > was.version[2])) best.set(t.version[0], t)
  }
  return [...best.values()].sort((a, b) => b.version[0] - a.version[0]).slice(0, MAX_MAJORS)
}

function derive(uses: string, dir: string, commit: string): DerivedAction {
  const derived = deriveAction(uses, commit, readTree(dir, commit))
  if (derived.composite) derived.composite = withoutProse(derived.composite)
  return derived
}

/** Commits searched back from a release tag for the source its bundle was built from. */
const MAX_BUILD_PARENTS = 5

/**
 * An action at a release tag. Many release commits hold only the bundle (a build job commits
 * dist/ and drops src/ on top of the source it built): where the tag's tree has no source, the
 * source is read at the nearest first-parent ancestor that has it, the commit the bundle was built from.
 */
function deriveAtRelease(uses: string, dir: string, tag: ReleaseTag): DerivedAction {
  const atTag = derive(uses, dir, tag.commit)
  if (readSomething(atTag) || !atTag.unseen.some((u) => u.what.startsWith('only the bundle'))) return atTag
  const parents = git(dir, 'rev-list', '--first-parent', `--max-count=${MAX_BUILD_PARENTS + 1}`, tag.commit).split('\n').filter(Boolean).slice(1)
  for (const parent of parents) {
    const built = derive(uses, dir, parent)
    if (readSomething(built)) return built
  }
  return atTag
}

/** The entries the generated file holds now, for actions whose repository is not fetched. */
function previousEntries(): Map<string, DerivedAction> {
  const file = 'src/knowledge/generated/derived-actions.ts'
  const byUses = new Map<string, DerivedAction>()
  if (!existsSync(file)) return byUses
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{"uses":')) continue
    const entry = JSON.parse(line.replace(/,$/, '')) as DerivedAction
    byUses.set(entry.uses, entry)
  }
  return byUses
}

const previous = previousEntries()
let kept = 0
const entries = names.map((uses) => {
  const [owner, repo] = uses.split('/')
  const root = join(from, `${owner}+${repo}`, 'repo')
  if (!existsSync(root) && previous.has(uses)) {
    kept++
    console.log(`${uses}: kept as generated before (no checkout under ${from})`)
    return previous.get(uses)!
  }
  // Some snapshots are clones with a work tree: their git directory is repo/.git.
  const dir = existsSync(join(root, '.git')) ? join(root, '.git') : root
  const commit = git(dir, 'rev-parse', 'HEAD').trim()
  const derived = derive(uses, dir, commit)
  const tags = releaseTags(dir)
  const facts = factsOf(derived)
  const versions: DerivedVersion[] = []
  for (const tag of newestOfEachMajor(tags)) {
    if (tag.commit === commit) continue
    const then = deriveAtRelease(uses, dir, tag)
    if (factsOf(then) !== facts) versions.push({ major: tag.version[0], tag: tag.name, action: then })
  }
  if (versions.length) {
    derived.versions = versions
    // The release tags of those majors: a SHA of any other release, like an unknown one, gets HEAD's
    // facts. Of a commit's tags, the most precise name.
    const majors = new Set(versions.map((v) => v.major))
    const pins: Record<string, string> = {}
    for (const t of [...tags].filter((t) => majors.has(t.version[0])).sort((a, b) => a.version[1] + a.version[2] - (b.version[1] + b.version[2]))) pins[t.commit.slice(0, PIN_DIGITS)] = t.name
    derived.pins = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)))
  }
  console.log(`${uses}@${commit.slice(0, 12)}: ${derived.calls.length} calls, ${derived.unseen.length} unseen, ${derived.files.length} files read${versions.length ? `; differs in ${versions.map((v) => v.tag).join(', ')}` : ''}`)
  return derived
})

const header = `// GENERATED by scripts/derive-actions.ts — do not edit. What actions do with a token, read from their own source.
// Facts from: each entry's repository at \`commit\`, file and line given for every call and every part not read.
/* eslint-disable */
import type { DerivedAction } from '../derive-action.js'

export const DERIVED_ACTIONS: readonly DerivedAction[] = `
// One action a line: a regeneration's diff shows which actions changed.
writeFileSync('src/knowledge/generated/derived-actions.ts', `${header}[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`)
console.log(`wrote src/knowledge/generated/derived-actions.ts (${entries.length} actions, ${kept} kept as they were, ${entries.filter((e) => e.versions).length} with versions that differ)`)
