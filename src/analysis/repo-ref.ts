/**
 * Which repository a value names: the one running the workflow, another one, or one we cannot
 * tell. "This repository" is spelled many ways in workflows; only those are taken as same.
 */
import { quoted } from '../limits.js'
import { plain, type Reason } from '../knowledge/reasons.js'

export type RepoRef =
  | { kind: 'same' }
  /** contributor: the head repository of a pull request, a contributor's fork when the pull request comes from one. */
  | { kind: 'other'; repo: string; contributor?: true }
  | { kind: 'unknown'; text: string; why: Reason }

const SAME_EXPRESSIONS = [
  /^\$\{\{\s*github\.repository\s*\}\}$/i,
  /^\$\{\{\s*github\.event\.repository\.full_name\s*\}\}$/i,
  /^\$\{?GITHUB_REPOSITORY\}?$/,
  /^\$\{\{\s*env\.GITHUB_REPOSITORY\s*\}\}$/i,
]
const OWNER_EXPRESSIONS = [/^\$\{\{\s*github\.repository_owner\s*\}\}$/i, /^\$\{?GITHUB_REPOSITORY_OWNER\}?$/, /^\$\{\{\s*github\.event\.repository\.owner\.login\s*\}\}$/i]
/** The repository a pull request comes from: this one, or an outside contributor's fork. */
const PR_HEAD_EXPRESSIONS = [
  /^\$\{\{\s*github\.event\.pull_request\.head\.repo\.full_name\s*\}\}$/i,
  /^\$\{\{\s*github\.event\.workflow_run\.head_repository\.full_name\s*\}\}$/i,
]
export const PR_HEAD_REPOSITORY = "the pull request's head repository"
const NAME_EXPRESSIONS = [/^\$\{\{\s*github\.event\.repository\.name\s*\}\}$/i]

/** `owner/name` from a GitHub URL or `git@github.com:owner/name.git`, else the text itself. */
function stripUrl(text: string): string {
  const t = text.trim()
  const url = /^(?:https?:\/\/(?:[^@/]*@)?|git@|ssh:\/\/git@)(?:www\.)?github\.com[/:](.+?)(?:\.git)?\/?$/i.exec(t)
  return url ? url[1] : t
}

/** Resolves a repository reference relative to `self` (`owner/name`, or null when unknown). */
export function resolveRepo(text: string, self: string | null): RepoRef {
  const t = stripUrl(text)
  if (!t) return { kind: 'same' }
  if (SAME_EXPRESSIONS.some((r) => r.test(t))) return { kind: 'same' }
  if (PR_HEAD_EXPRESSIONS.some((r) => r.test(t))) return { kind: 'other', repo: PR_HEAD_REPOSITORY, contributor: true }
  const parts = t.split('/')
  if (parts.length === 2) {
    const [owner, name] = parts
    const selfOwner = self?.split('/')[0]?.toLowerCase()
    const selfName = self?.split('/')[1]?.toLowerCase()
    const ownerSame = OWNER_EXPRESSIONS.some((r) => r.test(owner)) || (selfOwner !== undefined && owner.toLowerCase() === selfOwner)
    const nameSame = NAME_EXPRESSIONS.some((r) => r.test(name)) || (selfName !== undefined && name.toLowerCase() === selfName)
    if (ownerSame && nameSame) return { kind: 'same' }
    // GitHub's own limits: an account name of at most 39 characters, a repository name of at most 100.
    const literal = (s: string, max: number) => s.length <= max && /^[A-Za-z0-9._-]+$/.test(s)
    if (literal(owner, 39) && literal(name, 100)) {
      if (!self) return { kind: 'unknown', text: t, why: plain(`cannot tell whether ${t} is this repository: pass --repository`) }
      return { kind: 'other', repo: `${owner}/${name}` }
    }
    // This repository's owner, another name: a sibling repository.
    if (ownerSame && literal(name, 100) && self && name.toLowerCase() !== selfName) return { kind: 'other', repo: `${self.split('/')[0]}/${name}` }
    if (literal(owner, 39) && self && owner.toLowerCase() !== selfOwner) {
      return { kind: 'other', repo: quoted(t) }
    }
  }
  return { kind: 'unknown', text: quoted(t), why: plain(`the repository \`${quoted(t)}\` is only known at run time`) }
}

/** The owner part of a reference, when literal. */
export function ownerOf(ref: RepoRef, self: string | null): string | null {
  if (ref.kind === 'same') return self?.split('/')[0] ?? null
  if (ref.kind === 'other') return ref.repo.split('/')[0]
  return null
}
