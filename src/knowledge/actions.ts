/** Looks up what a `uses:` action does with a token, from the generated knowledge base. */
import { ACTIONS, type ActionFacts } from './generated/actions.js'
import { ACTION_CORRECTIONS, EXTRA_ACTIONS } from './actions-extra.js'
import { plain, type Reason } from './reasons.js'
import { DERIVED_ACTIONS } from './generated/derived-actions.js'
import { derivedPermissions, readSomething, type DerivedAction } from './derive-action.js'
import { KEY_OF_FINE_GRAINED, NO_FINE_GRAINED } from './permissions.js'
import { eventsFor } from './endpoint-events.js'
import { versionOfRef } from './action-versions.js'

export type { ActionFacts }

/**
 * An action's facts, with what a repository may add: events it causes, the input naming its
 * target, or the environment variable naming it (container actions configured through `env:`).
 */
export type KnownAction = Omit<ActionFacts, 'patNeededWhen'> & {
  /** When GITHUB_TOKEN will not do; the generated entries' sentences cite no rule. */
  patNeededWhen: readonly Reason[]
  events?: readonly import('./events.js').TriggerEvent[]
  repositoryInput?: string
  repositoryEnv?: string
  /** The repository the action works on when the step names none (this one when absent). */
  repositoryDefault?: string
  /** Why only a classic token can do what the action does, when that is so (R18). */
  classicOnlyReason?: Reason
  /** Inputs naming further repositories the action writes to with the same token (a fork it pushes to). */
  alsoRepositoryInputs?: readonly string[]
  /**
   * The token inputs are GitHub credentials only when `input` names one of `hosts` (a registry
   * login takes Docker Hub's or a cloud's password as readily as a GitHub token).
   */
  githubWhen?: { input: string; hosts: readonly string[]; otherwise: string }
  /** A composite action's `action.yml` (derived entries): its steps are analysed as a local composite's are. */
  composite?: string
  /** Read from the action's source at run time (`owner/repo@ref`): the report says so for each use. */
  readFromSource?: string
  /** What reading the action's source could not place (derived entries): a use stays undecided, naming each. */
  unseen?: readonly string[]
  /** Actions taking several tokens use each for something else: facts per token input replace the action's. */
  byTokenInput?: Readonly<Record<string, Pick<KnownAction, 'githubToken' | 'fineGrained' | 'classicScopes' | 'patNeededWhen'> & Partial<Pick<KnownAction, 'conditional' | 'repositoryInput' | 'repositoryDefault' | 'events'>>>>
  /**
   * Major versions that do something else (derived entries), each read at its newest release
   * tag; undefined where that release's source told nothing. A major not here does what this does.
   */
  versions?: ReadonlyMap<number, { tag: string; entry: KnownAction | undefined }>
  /** Release tags by commit prefix, to match a `uses:` pinned to a SHA to its release. */
  pins?: Readonly<Record<string, string>>
  /** The release an earlier major's entry was read at, and the one a pinned SHA is: the report says which decided. */
  release?: string
}

/**
 * Actions that moved to a new name; the knowledge base knows them under the old one.
 * contributor-assistant/github-action: github.com/cla-assistant/github-action now serves it.
 * vedantmgoyal9/winget-releaser: its author's account renamed from vedantmgoyal2009; its
 * action.yml @3e78d7ff0f525445bca5d6a989d31cdca383372e has the inputs the entry describes
 * (identifier, token, fork-user defaulting to the repository's owner) and still submits to
 * microsoft/winget-pkgs (through komac, in pwsh steps pat-lint does not read).
 */
const RENAMED: Record<string, string> = {
  'contributor-assistant/github-action': 'cla-assistant/github-action',
  'vedantmgoyal9/winget-releaser': 'vedantmgoyal2009/winget-releaser',
}

function index(facts: readonly KnownAction[], into = new Map<string, KnownAction>()): Map<string, KnownAction> {
  for (const a of facts) {
    into.set(a.uses.toLowerCase(), a)
    for (const alias of a.aliases ?? []) into.set(alias.toLowerCase(), a)
    for (const sub of a.subactions ?? []) into.set(`${a.uses}/${sub}`.toLowerCase(), a)
  }
  return into
}

/** The generated entries with the corrections of actions-extra.ts merged in. */
function corrected(facts: readonly ActionFacts[]): KnownAction[] {
  return facts.map((a) => {
    const fix = ACTION_CORRECTIONS.find((c) => c.uses.toLowerCase() === a.uses.toLowerCase())
    const known: KnownAction = { ...a, patNeededWhen: a.patNeededWhen.map((text) => plain(text)) }
    return fix ? { ...known, ...fix.replace, tokenEnv: [...new Set([...a.tokenEnv, ...(fix.tokenEnv ?? [])])], source: `${a.source}; ${fix.source}` } : known
  })
}

/** A token input named for GitHub: a bare `token` may be another service's (CodSpeed's, Codecov's). */
const GITHUB_NAMED = /github|(?:^|[-_])gh(?:[-_]|$)|repo[-_]?token|(?:^|[-_])pat(?:[-_]|$)/i

/** Where a composite hands its input to GitHub: as GH_TOKEN or GITHUB_TOKEN, to git or gh, or to another action's token input. */
const GITHUB_USE = /\b(?:GH_TOKEN|GITHUB_TOKEN|GH_PAT|GITHUB_PAT|GH_ENTERPRISE_TOKEN)\b|github\.com|x-access-token|(?:^|[\s;&|(])(?:gh|git)\s|^\s*(?:token|github[-_]token|repo[-_]token)\s*:/

/** Whether a line of the composite that reads `inputs.NAME` hands it to GitHub. */
function givenToGithub(composite: string, name: string): boolean {
  const read = new RegExp(`\\binputs\\.${name.replace(/[-]/g, '\\-')}\\b|inputs\\[\\s*['"]${name}['"]\\s*\\]`)
  return composite.split('\n').some((line) => read.test(line) && GITHUB_USE.test(line))
}

/**
 * An entry read from the action's source (knowledge/derive-action.ts): the permissions its calls
 * need, its token inputs, the input naming its repository, and what could not be read. The
 * described entries come after it and win where both exist.
 */
export function fromDerived(d: DerivedAction): KnownAction {
  const entry = fromDerivedCommit(d)
  if (!d.versions?.length) return entry
  const versions = new Map(d.versions.map((v) => [v.major, { tag: v.tag, entry: readSomething(v.action) ? { ...fromDerivedCommit(v.action), release: v.tag, source: `read from ${d.uses}@${v.action.commit} (${v.tag}): ${v.action.files.join(', ')}` } : undefined }]))
  return { ...entry, versions, ...(d.pins ? { pins: d.pins } : {}) }
}

function fromDerivedCommit(d: DerivedAction): KnownAction {
  const fineGrained = derivedPermissions(d)
  const githubToken: Record<string, string> = {}
  // checks and packages are `permissions:` keys of their own name that no fine-grained PAT has.
  const keyOf = (perm: string) => KEY_OF_FINE_GRAINED[perm] ?? (NO_FINE_GRAINED.has(perm) ? perm : undefined)
  for (const [perm, level] of Object.entries(fineGrained)) {
    const key = keyOf(perm)
    if (key) githubToken[key] = level === 'admin' ? 'write' : level
  }
  // A permission no `permissions:` key grants makes GITHUB_TOKEN useless for it.
  const keyless = Object.keys(fineGrained).filter((p) => !keyOf(p))
  return {
    uses: d.uses,
    tokenInputs: d.tokenInputs,
    tokenEnv: d.tokenEnv,
    // Its token is GitHub's when the action calls GitHub with it, or defaults it to the workflow's.
    // A composite's steps say what its token is for; its inputs named for GitHub stand for it here.
    takesGithubToken: d.calls.length > 0 || d.tokenInputs.some((t) => t.defaultsToGithubToken) || d.unseen.some((u) => /octokit|GraphQL|^runs (?:git|gh|a command built at run time)\b/.test(u.what)) || (!!d.composite && d.tokenInputs.some((t) => GITHUB_NAMED.test(t.name) || givenToGithub(d.composite!, t.name))),
    githubToken: keyless.length ? null : githubToken,
    // The Checks API takes no personal token at all (R13): only GITHUB_TOKEN or an App's.
    fineGrained: d.calls.some((c) => c.appOnly) ? null : { metadata: 'read', ...fineGrained },
    classicScopes: null,
    conditional: [],
    patNeededWhen: keyless.length ? [plain(`its calls need ${keyless.join(', ')}, which no \`permissions:\` key grants`)] : [],
    repositoryInput: d.repositoryInput,
    events: [...new Set(d.calls.filter((c) => !c.draft).flatMap((c) => eventsFor(...(c.route.split(' ') as [string, string]))))],
    unseen: d.unseen.map((u) => `${u.what} (${d.uses}@${d.commit.slice(0, 12)}: ${u.at})`),
    ...(d.composite ? { composite: d.composite } : {}),
    source: `read from ${d.uses}@${d.commit}: ${d.files.join(', ')}`,
  }
}

/** Entries written by hand win over derived ones, also under an action's new name (RENAMED). */
function builtIn(): Map<string, KnownAction> {
  const hand = index(EXTRA_ACTIONS, index(corrected(ACTIONS)))
  for (const [now, was] of Object.entries(RENAMED)) {
    const entry = hand.get(was.toLowerCase())
    if (entry && !hand.has(now.toLowerCase())) hand.set(now.toLowerCase(), entry)
  }
  return new Map([...index(DERIVED_ACTIONS.filter(readSomething).map(fromDerived)), ...hand])
}

const BUILT_IN = builtIn()
/** Release tags by commit, from the entries read at each release: kept where a hand entry wins over the derived one. */
const RELEASE_PINS: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(DERIVED_ACTIONS.filter((d) => d.pins).map((d) => [d.uses.toLowerCase(), d.pins!]))

/** `owner/repo[/path]` of a `uses:` value without its `@ref`; null for local (`./`) and docker actions. */
export function actionName(uses: string): string | null {
  const v = uses.trim()
  if (v.startsWith('./') || v.startsWith('docker://') || v.startsWith('.\\')) return null
  return v.split('@')[0].replace(/\/+$/, '')
}

/** Past this many `uses:` values, remembered answers are dropped (a run rarely sees more). */
const MAX_ANSWERS = 10_000

/** What pat-lint knows about actions: the built-in knowledge, plus what a repository declares. */
export class ActionKnowledge {
  private readonly byName: Map<string, KnownAction>

  constructor(extra: readonly KnownAction[] = []) {
    this.byName = extra.length ? index(extra, new Map(BUILT_IN)) : BUILT_IN
  }

  /** Answers by `uses:` value: every token a step holds asks about the same one. */
  private readonly answers = new Map<string, KnownAction | undefined>()

  /** The entry for a `uses:` value: exact path first, then the repository's own entry. */
  lookup(uses: string): KnownAction | undefined {
    if (this.answers.has(uses)) return this.answers.get(uses)
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear()
    const answer = this.find(uses)
    this.answers.set(uses, answer)
    return answer
  }

  private find(uses: string): KnownAction | undefined {
    const name = actionName(uses)?.toLowerCase()
    if (!name) return undefined
    const [owner, repo] = name.split('/')
    const base = `${owner}/${repo}`
    const entry = this.byName.get(name) ?? this.byName.get(base) ?? (RENAMED[base] ? this.byName.get(RENAMED[base].toLowerCase()) : undefined)
    return entry && atVersion(entry, uses)
  }

  /** The release tags by commit the knowledge holds for the action `uses` names (the newest entry's). */
  pinsOf(uses: string): Readonly<Record<string, string>> | undefined {
    const name = actionName(uses)?.toLowerCase()
    if (!name) return undefined
    const [owner, repo] = name.split('/')
    const base = `${owner}/${repo}`
    return (this.byName.get(name) ?? this.byName.get(base))?.pins ?? RELEASE_PINS.get(name) ?? RELEASE_PINS.get(base)
  }
}

/**
 * The major version a `uses:` names: from its tag, or for a full SHA from the release tags the
 * knowledge holds for that action; null for a branch or a commit no known release points at.
 */
export function majorOf(uses: string, knowledge: ActionKnowledge = DEFAULT_KNOWLEDGE): number | null {
  const at = uses.indexOf('@')
  if (at < 0) return null
  return versionOfRef(uses.slice(at + 1).trim(), knowledge.pinsOf(uses))?.major ?? null
}

/**
 * The entry for the release `uses` names: a major that behaves otherwise has its own entry (or
 * none, where its source told nothing); a SHA matched to a release says which, in the source.
 */
function atVersion(entry: KnownAction, uses: string): KnownAction | undefined {
  if (!entry.versions) return entry
  const at = uses.indexOf('@')
  const version = at < 0 ? null : versionOfRef(uses.slice(at + 1).trim(), entry.pins)
  const chosen = version && entry.versions.has(version.major) ? entry.versions.get(version.major)!.entry : entry
  if (!chosen || !version?.pinnedTo) return chosen
  const release = chosen.release ? `${version.pinnedTo} (the pinned commit), read at ${chosen.release}` : `${version.pinnedTo} (the pinned commit)`
  return { ...chosen, release, source: `${chosen.source}; the pinned commit is release ${version.pinnedTo}` }
}

export const DEFAULT_KNOWLEDGE = new ActionKnowledge()
