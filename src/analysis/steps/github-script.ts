/**
 * What an actions/github-script script does with its token: `github.rest.<ns>.<method>(…)`
 * (routes from @octokit/plugin-rest-endpoint-methods), `github.request('VERB /path')`, and
 * `github.graphql(…)`, which is unknown unless it is recognisably about Projects.
 */
import { graphqlCalls } from '../script/graphql.js'
import { OCTOKIT_ROUTES } from '../../knowledge/generated/octokit-routes.js'
import { quoted } from '../../limits.js'
import { restCall } from '../script/http.js'
import type { ScriptContext } from '../script/words.js'
import type { StepAnalysis } from '../types.js'

/**
 * One of `owner` / `repo` in a call's argument object: a literal, this repository's (context.repo,
 * also spread with `...context.repo`), unknown (any other expression), or absent.
 */
function field(args: string, name: 'owner' | 'repo', selfNames: ReadonlySet<string>): { literal: string } | 'self' | 'unknown' | 'absent' {
  const bound = new RegExp(`(?<![.\\w$])${name}\\s*(?::\\s*([A-Za-z_$][\\w$]*)\\s*)?(?:,|\\}|$)`).exec(args)
  if (bound && selfNames.has(`${name}=${bound[1] ?? name}`)) return 'self'
  const literal = new RegExp(`(?<![.\\w$])${name}\\s*:\\s*(['"\`])([A-Za-z0-9._-]+)\\1`).exec(args)
  if (literal) return { literal: literal[2] }
  if (new RegExp(`(?<![.\\w$])${name}\\s*:\\s*context\\.repo\\.${name}\\b`).test(args)) return 'self'
  if (new RegExp(`(?<![.\\w$])${name}\\s*(?::|,|\\}|$)`).test(args)) return 'unknown'
  return /\.\.\.\s*context\.repo\b/.test(args) ? 'self' : 'absent'
}

/**
 * The repository the call's argument object names, as text resolveRepo reads: null when it names
 * none or this one (the route's {owner}/{repo} stays this repository's), '?' when an expression
 * names it. `{ owner: context.repo.owner, repo: 'other' }` is another repository of this owner.
 */
function literalTarget(args: string, selfNames: ReadonlySet<string> = new Set()): string | null {
  const owner = field(args, 'owner', selfNames)
  const repo = field(args, 'repo', selfNames)
  if (owner === 'unknown' || repo === 'unknown') return '?'
  if (owner === 'absent' && repo === 'absent') return null
  if ((owner === 'self' || owner === 'absent') && (repo === 'self' || repo === 'absent')) return null
  if (owner === 'absent' || repo === 'absent') return '?'
  const ownerText = owner === 'self' ? '${{ github.repository_owner }}' : owner.literal
  const repoText = repo === 'self' ? '${{ github.event.repository.name }}' : repo.literal
  return `${ownerText}/${repoText}`
}

/**
 * Variables the script binds to this repository's owner or name, as `owner=<variable>`:
 * `const { owner, repo } = context.repo` (also renamed, `{ owner: o }`) and
 * `const owner = context.repo.owner`. A variable assigned again anywhere is left out.
 */
function selfBindings(script: string): Set<string> {
  const out = new Set<string>()
  /** How many `name = …` assignments a declaration by destructuring does not itself count as. */
  const declaredWithEquals = new Set<string>()
  for (const m of script.matchAll(/\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*context\.repo\b/g)) {
    for (const part of m[1].split(',')) {
      const [key, alias] = part.split(':').map((s) => s.trim())
      if ((key === 'owner' || key === 'repo') && /^[A-Za-z_$][\w$]*$/.test(alias ?? key)) out.add(`${key}=${alias ?? key}`)
    }
  }
  for (const m of script.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*context\.repo\.(owner|repo)\b/g)) {
    out.add(`${m[2]}=${m[1]}`)
    declaredWithEquals.add(m[1])
  }
  for (const binding of [...out]) {
    const variable = binding.split('=')[1]
    const escaped = variable.replace(/\$/g, '\\$')
    const assignments = script.match(new RegExp(`(?<![.\\w$])${escaped}\\s*=(?![=>])`, 'g'))?.length ?? 0
    if (assignments > (declaredWithEquals.has(variable) ? 1 : 0)) out.delete(binding)
  }
  return out
}

export function analyseGithubScript(script: string, ctx: ScriptContext, unseen: readonly string[] = []): StepAnalysis {
  const out: StepAnalysis = { calls: [], unknown: [...unseen] }
  const selfNames = selfBindings(script)
  const restCalls = /\bgithub\.(?:rest\.)?([a-zA-Z]+)\.([a-zA-Z]+)\s*\(([^)]*)\)?/g
  for (const m of script.matchAll(restCalls)) {
    const [, ns, method, args] = m
    if (ns === 'paginate') continue
    const route = OCTOKIT_ROUTES[`${ns}.${method}`]
    if (!route) {
      out.unknown.push(`github.rest.${quoted(`${ns}.${method}`)} is not a known REST method`)
      continue
    }
    const [verb, path] = route.split(' ')
    const literal = literalTarget(args ?? '', selfNames)
    const concrete = literal && literal !== '?' ? path.replace('{owner}/{repo}', literal) : path
    if (literal === '?') out.unknown.push(`github.rest.${ns}.${method} names its owner or repository through a variable`)
    const call = restCall(verb, concrete, ctx, `github.rest.${ns}.${method}`)
    if (typeof call === 'string') out.unknown.push(call)
    else out.calls.push(call)
  }
  for (const m of script.matchAll(/\bgithub\.paginate\s*\(\s*github\.rest\.([a-zA-Z]+)\.([a-zA-Z]+)\s*,\s*\{([^}]*)\}/g)) {
    const route = OCTOKIT_ROUTES[`${m[1]}.${m[2]}`]
    if (!route) continue
    const [verb, path] = route.split(' ')
    const call = restCall(verb, path, ctx, `github.paginate(github.rest.${m[1]}.${m[2]})`)
    if (typeof call !== 'string') out.calls.push(call)
  }
  for (const m of script.matchAll(/\bgithub\.request\s*\(\s*['"`]([A-Z]+)\s+([^'"`]+)['"`]\s*(?:,\s*\{([^}]*)\})?/g)) {
    const literal = literalTarget(m[3] ?? '', selfNames)
    const path = literal && literal !== '?' ? m[2].replace('{owner}/{repo}', literal) : m[2]
    const call = restCall(m[1], path, ctx, `github.request('${m[1]} ${m[2]}')`)
    if (typeof call === 'string') out.unknown.push(call)
    else out.calls.push(call)
  }
  if (/\bgithub\.graphql\s*\(/.test(script)) {
    const found = graphqlCalls(script, 'github.graphql')
    out.calls.push(...found.calls)
    if (found.unknown) out.unknown.push(found.unknown)
  }
  if (!out.calls.length && !out.unknown.length && /\bgithub\b/.test(script)) out.unknown.push('the script uses the client in a way pat-lint does not recognise')
  return out
}
