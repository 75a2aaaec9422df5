/** Looks up what a `uses:` action does with a token, from the generated knowledge base. */
import { ACTIONS, type ActionFacts } from './generated/actions.js'

export type { ActionFacts }

/**
 * Actions that moved to a new name; the knowledge base knows them under the old one.
 * contributor-assistant/github-action: github.com/cla-assistant/github-action now serves it.
 */
const RENAMED: Record<string, string> = {
  'contributor-assistant/github-action': 'cla-assistant/github-action',
}

const byName = new Map<string, ActionFacts>()
for (const a of ACTIONS) {
  byName.set(a.uses.toLowerCase(), a)
  for (const alias of a.aliases ?? []) byName.set(alias.toLowerCase(), a)
  for (const sub of a.subactions ?? []) byName.set(`${a.uses}/${sub}`.toLowerCase(), a)
}

/** `owner/repo[/path]` of a `uses:` value without its `@ref`; null for local (`./`) and docker actions. */
export function actionName(uses: string): string | null {
  const v = uses.trim()
  if (v.startsWith('./') || v.startsWith('docker://') || v.startsWith('.\\')) return null
  return v.split('@')[0].replace(/\/+$/, '')
}

/** The knowledge-base entry for a `uses:` value: exact path first, then the repository's own entry. */
export function lookupAction(uses: string): ActionFacts | undefined {
  const name = actionName(uses)?.toLowerCase()
  if (!name) return undefined
  const exact = byName.get(name)
  if (exact) return exact
  const [owner, repo] = name.split('/')
  const base = `${owner}/${repo}`
  return byName.get(base) ?? (RENAMED[base] ? byName.get(RENAMED[base].toLowerCase()) : undefined)
}
