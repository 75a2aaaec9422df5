/**
 * Composite actions of other repositories, read from their `action.yml` (the derived knowledge,
 * or fetched at run time): modelled like a local composite action, so their steps go through
 * pat-lint's own step analysis. Keyed by action name (`owner/repo[/path]`, lower-cased).
 */
import { parseSource } from './parse.js'
import { buildModel, type WorkflowInfo } from './model.js'
import { TreeWalker } from './tree.js'

/** The model of a composite action's `action.yml` text, or null when it is not one. `label` names it in reasons. */
export function compositeModel(uses: string, label: string, text: string): WorkflowInfo | null {
  try {
    const { file } = parseSource({ path: label, kind: 'action', text })
    if (!file.root) return null
    const model = buildModel(new TreeWalker(file))
    return model.kind === 'action' && model.using === 'composite' ? { ...model, remote: uses } : null
  } catch {
    return null
  }
}
