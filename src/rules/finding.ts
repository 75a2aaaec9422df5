/**
 * The one way a rule makes a finding: a message id from the rule's `meta.messages`, the data its
 * placeholders take, and a place, given as what the finding is about (a use of a secret, a key of
 * a declaration, a position an earlier stage reported) rather than as numbers worked out by hand.
 */
import type { DeclaredToken } from '../requirements/load.js'
import type { SecretUse } from '../workflow/flows.js'
import type { Position, RelatedLocation, Severity } from '../types.js'
import type { RuleFinding, RuleMeta } from './types.js'

/** Where a finding points. */
export type Place =
  | { use: SecretUse }
  /** A key of a declared token (`expires-in`, `permissions.contents`, `scopes.0`, `repositories`): its value, else the token's name. */
  | { declaration: DeclaredToken; file: string; key?: string; keyItself?: boolean }
  | (Position & { endLine?: number; endColumn?: number })

export interface FindingInput<Id extends string> {
  messageId: Id
  data?: Readonly<Record<string, string | number>>
  at: Place
  secret?: string
  severity?: Severity
  help?: string
  related?: RelatedLocation[]
}

/** `{{name}}` in a message, replaced once: data values are never read as templates. */
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in data)) throw new Error(`message "${template}" needs {{${name}}}`)
    return String(data[name])
  })
}

function positionOf(at: Place): Position & { endLine?: number; endColumn?: number } {
  if ('use' in at) return { file: at.use.file, line: at.use.line, column: at.use.column }
  if ('declaration' in at) {
    const d = at.declaration
    const key = at.key
    const pos = key ? ((at.keyItself ? d.keyPositions[key] : d.fieldPositions[key]) ?? { line: d.line, column: d.column }) : { line: d.line, column: d.column }
    return { file: at.file, line: pos.line, column: pos.column }
  }
  return at
}

/** A finding of the rule `meta` describes. */
export function finding<Id extends string>(meta: RuleMeta<Id>, input: FindingInput<Id>): RuleFinding {
  const template = meta.messages[input.messageId]
  if (template === undefined) throw new Error(`${meta.id} has no message ${input.messageId}`)
  const { file, line, column, endLine, endColumn } = positionOf(input.at)
  const out: RuleFinding = { file, line, column, messageId: input.messageId, message: formatMessage(template, input.data) }
  if (endLine !== undefined && endColumn !== undefined) Object.assign(out, { endLine, endColumn })
  if (input.secret) out.secret = input.secret
  if (input.severity) out.severity = input.severity
  if (input.help) out.help = input.help
  if (input.related?.length) out.related = input.related
  return out
}

/** A finding maker bound to one rule: `report(messageId, at, data, extra)`. */
export function reporter<Id extends string>(meta: RuleMeta<Id>) {
  return (messageId: Id, at: Place, data?: FindingInput<Id>['data'], extra: Omit<FindingInput<Id>, 'messageId' | 'at' | 'data'> = {}): RuleFinding =>
    finding(meta, { messageId, at, data, ...extra })
}
