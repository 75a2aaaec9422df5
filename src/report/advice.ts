/**
 * What to do about each token: keep GITHUB_TOKEN (with a `permissions:` block), or create a token
 * from a pre-filled link. The comment, the job summary, the CLI's reports and the Action's
 * `creation-links` output all say the same, from here.
 */
import type { Report, TokenReport } from './model.js'
import { classicLink, fineGrainedLink } from './links.js'
import { permissionsBlock } from '../remedies/snippets.js'

export interface AdviceContext {
  /** GITHUB_SERVER_URL: github.com or a GitHub Enterprise Server. */
  server: string
  repository: string | null
  maxExpiryDays: number
}

export interface TokenAdvice {
  secret: string
  kind: 'github-token' | 'fine-grained' | 'classic' | 'undecided'
  /** The creation link, for fine-grained and classic. */
  url?: string
  /** Repositories to select in the fine-grained form (the link cannot). */
  select?: string[]
  /** The repositories a classic token is used on: it cannot be limited to them, it reaches all its owner's. */
  usedOn?: string[]
  /** A `permissions:` block or an App-token step. */
  snippet?: string
  /** Uses pat-lint could not decide: the link holds what is known, they may need more. */
  undecided?: number
}

function ownerOf(t: TokenReport, repository: string | null): string | null {
  const owners = new Set(t.repositories.map((r) => r.split('/')[0]))
  if (t.ownRepository && repository) owners.add(repository.split('/')[0])
  return owners.size === 1 ? [...owners][0] : null
}

/** What to do about each token: keep GITHUB_TOKEN, or create a PAT from this link. */
export function tokenAdvice(report: Report, ctx: AdviceContext): TokenAdvice[] {
  return report.tokens
    .filter((t) => t.uses.length)
    .map((t): TokenAdvice => {
      if (t.githubTokenWouldDo === true) return { secret: t.secret, kind: 'github-token', snippet: permissionsBlock(t.minimal) }
      if (t.githubTokenWouldDo === null && !Object.keys(t.minimal).length) return { secret: t.secret, kind: 'undecided' }
      const requested = t.requested?.expiresIn
      const expiresIn = typeof requested === 'number' && requested <= ctx.maxExpiryDays ? requested : ctx.maxExpiryDays
      const description = t.requested?.purpose ?? `Used by ${[...new Set(t.uses.map((u) => u.target?.replace(/@.*$/, '') ?? u.kind))].slice(0, 3).join(', ')}${ctx.repository ? ` in ${ctx.repository}` : ''}`
      const select = [...t.repositories, ...(t.ownRepository && ctx.repository ? [ctx.repository] : [])].sort()
      const undecided = t.uses.filter((u) => u.githubTokenWouldDo === null).length
      const unsure = undecided ? { undecided } : {}
      if (t.fineGrainedPossible) {
        return {
          secret: t.secret,
          kind: 'fine-grained',
          url: fineGrainedLink({ server: ctx.server, name: t.secret, description, owner: ownerOf(t, ctx.repository), expiresIn, permissions: t.minimal }),
          select,
          ...unsure,
        }
      }
      return { secret: t.secret, kind: 'classic', url: classicLink({ server: ctx.server, scopes: t.minimalScopes, description }), usedOn: select, ...unsure }
    })
}


/** What a link cannot promise where uses are undecided: it holds what is known, not everything. */
export function unsureNote(undecided: number | undefined): string {
  return undecided ? `; ${undecided} use${undecided === 1 ? '' : 's'} undecided: the link asks for what is known, check those before creating` : ''
}

/** Secret name -> creation link, for the tokens that need one. */
export function creationLinks(advice: TokenAdvice[]): Record<string, string> {
  const links: Record<string, string> = {}
  for (const a of advice) if (a.url) links[a.secret] = a.url
  return links
}

/** The server to link to: the runner's, else github.com. */
export function serverOf(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_SERVER_URL || 'https://github.com'
}
