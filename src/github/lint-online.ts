/**
 * A lint that may read unknown actions' source over the API (issue 19): the first pass names the
 * remote actions given a token that pat-lint has no knowledge of; their source is read at the
 * pinned ref (github/action-source.ts) and the repository is linted again with that knowledge.
 * Without a client (offline, the CLI's default) it is the plain lint.
 */
import { lint, type LintOptions, type Report } from '../lint.js'
import { fromDerived } from '../knowledge/actions.js'
import { readSomething } from '../knowledge/derive-action.js'
import { fetchActionSources, type SourceBudget } from './action-source.js'
import type { Client } from './client.js'

export async function lintReadingSources(root: string, options: LintOptions, client: Client | null, log: (message: string) => void, budget?: SourceBudget, firstPass?: Report): Promise<Report> {
  return (await lintAndKnowledge(root, options, client, log, budget, firstPass)).report
}

/** The lint reading sources, with the options it ended with (the knowledge read), for a later pass to start from. */
export async function lintAndKnowledge(root: string, options: LintOptions, client: Client | null, log: (message: string) => void, budget?: SourceBudget, firstPass?: Report): Promise<{ report: Report; options: LintOptions }> {
  const first = firstPass ?? lint(root, options)
  if (!client || !first.unknownActions.length) return { report: first, options }
  const fetched = await fetchActionSources(client, first.unknownActions, budget)
  for (const why of fetched.skipped) log(`pat-lint did not read the source of ${why}`)
  const read = fetched.derived.filter(readSomething)
  for (const d of fetched.derived.filter((x) => !readSomething(x))) log(`pat-lint read ${d.uses}@${d.commit} but found no source to read (${d.unseen.map((u) => u.what).join('; ')})`)
  if (!read.length) return { report: first, options }
  log(`pat-lint read the source of ${read.map((d) => `${d.uses}@${d.commit}`).join(', ')}`)
  const actions = read.map((d) => ({ ...fromDerived(d), readFromSource: `${d.uses}@${d.commit}` }))
  const withSources = { ...options, actions: [...(options.actions ?? []), ...actions] }
  return { report: lint(root, withSources), options: withSources }
}
