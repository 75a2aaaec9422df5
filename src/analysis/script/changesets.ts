/**
 * `changeset` (the changesets CLI) in a script: `changeset version` reads commits and pull
 * requests through GitHub's GraphQL API when its configured changelog generator does
 * (knowledge/changesets.ts); the other subcommands make no GitHub call.
 */
import { CHANGELOGS, CONFIG_FILE, DEFAULT_CHANGELOG, LOCAL, PUBLISH } from '../../knowledge/changesets.js'
import { quoted } from '../../limits.js'
import { resolveRepo } from '../repo-ref.js'
import type { Command } from '../shell.js'
import type { StepAnalysis } from '../types.js'
import { directoryAt, joinPath } from './release-config.js'
import type { ScriptContext } from './words.js'

/** The changelog generator and its `repo` option from the configuration's text, or why it cannot be read. */
function changelogOf(body: string): { name: string; repo?: string } | { unseen: string } | null {
  let config: unknown
  try {
    config = JSON.parse(body)
  } catch {
    return { unseen: `\`${CONFIG_FILE}\` cannot be read as JSON` }
  }
  if (typeof config !== 'object' || config === null) return { unseen: `\`${CONFIG_FILE}\` is not an object` }
  const entry = (config as Record<string, unknown>).changelog
  if (entry === false) return null
  if (entry === undefined) return { name: DEFAULT_CHANGELOG }
  if (typeof entry === 'string') return { name: entry }
  if (Array.isArray(entry) && typeof entry[0] === 'string') {
    const options = entry[1] as Record<string, unknown> | undefined
    return { name: entry[0], repo: typeof options?.repo === 'string' ? options.repo : undefined }
  }
  return { unseen: `the \`changelog\` of \`${CONFIG_FILE}\` is neither a name nor [name, options]` }
}

/** `words` start with `changeset`. */
export function analyseChangesets(words: string[], commands: readonly Command[], at: number, ctx: ScriptContext, out: StepAnalysis) {
  const sub = words.slice(1).find((w) => !w.startsWith('-')) ?? 'add'
  const named = `changeset ${quoted(sub)} at line ${commands[at].line}`
  if (LOCAL.has(sub) || !ctx.tokenVars.size) return
  if (sub === PUBLISH) {
    out.unknown.push(`${named} runs the package manager's publish for each package with the token in its environment (an .npmrc may hand it to a registry), and pat-lint cannot see whether it uses it`)
    return
  }
  if (!ctx.tokenVars.has('GITHUB_TOKEN')) return
  if (sub !== 'version') {
    out.unknown.push(`${named}: subcommand \`${quoted(sub)}\` is not known to pat-lint`)
    return
  }
  const dir = directoryAt(commands, at, ctx)
  const body = dir === null ? null : (ctx.readFile?.(joinPath(dir, CONFIG_FILE)) ?? null)
  if (body === null) {
    out.unknown.push(`${named}: its configuration (\`${CONFIG_FILE}\`) is not among the files read, so which changelog generator reads GitHub is unknown`)
    return
  }
  const changelog = changelogOf(body)
  if (changelog === null) return
  if ('unseen' in changelog) {
    out.unknown.push(`${named}: ${changelog.unseen}`)
    return
  }
  const facts = CHANGELOGS[changelog.name]
  if (!facts) {
    out.unknown.push(`${named} runs changelog generator \`${quoted(changelog.name)}\`, which pat-lint does not know`)
    return
  }
  if (!facts.reads) return
  out.sentToGithub = true
  out.calls.push({ what: `${named}: ${changelog.name} (GraphQL reads of commits and pull requests)`, permissions: { contents: 'read', pull_requests: 'read' }, target: changelog.repo ? resolveRepo(changelog.repo, ctx.self) : { kind: 'same' }, readOnly: true })
}
