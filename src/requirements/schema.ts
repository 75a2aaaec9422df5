/**
 * The contract of pat-requirements.yml, as a zod schema. The same schema validates the file and
 * publishes docs/pat-requirements.schema.json for editors, so permission names and levels are
 * spelled out per permission (GitHub's own tables: e.g. metadata is read-only, workflows and
 * gists write-only), not as free strings.
 */
import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'
import { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'

// zod/mini rather than zod's classic API: the same checks and messages from about 100 KB less
// code to compile and set up at start (8 ms of a 100 ms cold start on Node 24). Mini ships no
// messages of its own: the English ones are the locale the classic API loads.
z.config(en())
// A run validates one small file once: compiling zod's fast paths with `new Function` costs more
// than it saves (its compile steps took about 3 ms of a cold-start profile).
z.config({ jitless: true })

export const RULE_IDS = [
  'undeclared-pat',
  'unused-pat',
  'invalid-requirements',
  'prefer-fine-grained',
  'pat-expiry',
  'workflow-error',
  'pat-where-github-token-would-do',
  'over-scoped-request',
  'under-scoped-request',
  'prefer-github-app',
  'unverified-request',
  'whole-secrets-context',
  'impossible-secret-name',
  'unknown-syntax',
  'live-token-rejected',
  'live-token-kind',
  'live-token-expiry',
  'live-token-scopes',
  'live-token-repository',
  'live-check-incomplete',
] as const

/** An optional field with a description for the published JSON Schema. */
function optional<T extends z.ZodMiniType>(schema: T, description?: string) {
  const field = z.optional(schema)
  return description ? field.check(z.describe(description)) : field
}

export const SecretNameSchema = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'a secret name holds only letters, digits and underscores, and does not start with a digit' }),
  z.refine((s) => !/^GITHUB_/i.test(s), { error: 'secret names cannot start with GITHUB_ (GitHub reserves the prefix)' }),
)

const permissionLevels = Object.fromEntries(
  Object.entries(FINE_GRAINED_PERMISSIONS).map(([name, p]) => [
    name,
    optional(z.enum(p.levels as [string, ...string[]]), `${p.displayName} (${p.kind} permission): ${p.levels.join(' | ')}`),
  ]),
)

export const PermissionsSchema = z
  .strictObject(permissionLevels)
  .check(z.describe('Fine-grained permissions, with GitHub\'s parameter names and levels. metadata: read is always granted.'))

export const ScopeSchema = z.enum(Object.keys(CLASSIC_SCOPES) as [string, ...string[]])

export const TokenSchema = z
  .strictObject({
    type: z.enum(['fine-grained', 'classic']).check(z.describe('fine-grained (recommended) or classic')),
    owner: optional(
      z.string().check(z.regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'owner is a user or organization login, e.g. octo-org' })),
      'Resource owner: the user or organization whose resources the token reaches (the link\'s target_name)',
    ),
    repositories: optional(
      z.union([z.literal('all'), z.array(z.string().check(z.regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'repositories are written owner/name' })))], {
        error: 'repositories is `all` or a list of owner/name',
      }),
      'Repositories the token can reach: a list of owner/name, or all',
    ),
    'expires-in': optional(
      z.union([z.int().check(z.minimum(1), z.maximum(366)), z.literal('none')], { error: 'expires-in is a number of days from 1 to 366, or none' }),
      'Days until the token expires (1-366), or none',
    ),
    purpose: optional(z.string().check(z.maxLength(1024)), 'What the token is for; becomes the token description'),
    permissions: optional(PermissionsSchema),
    scopes: optional(z.array(ScopeSchema), 'Classic tokens only: the OAuth scopes requested'),
  })
  .check(
    z.superRefine((t, ctx) => {
      if (t.type === 'classic' && t.permissions) {
        ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'a classic token has scopes, not permissions' })
      }
      if (t.type === 'fine-grained' && t.scopes) {
        ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'a fine-grained token has permissions, not scopes' })
      }
    }),
  )

export const TRIGGER_EVENTS = ['push', 'pull_request', 'release', 'create', 'issues', 'issue_comment', 'pull_request_review', 'label', 'repository_dispatch', 'workflow_dispatch'] as const

/** What a repository tells pat-lint about an action it does not know (its own, or an unknown one). */
export const ActionKnowledgeSchema = z
  .strictObject({
    'token-inputs': optional(z.array(z.string()), 'Inputs that take a GitHub token'),
    'token-env': optional(z.array(z.string()), 'Environment variables the action reads a GitHub token from'),
    permissions: optional(PermissionsSchema, 'Fine-grained permissions the action needs'),
    'github-token': optional(z.boolean(), 'false when GITHUB_TOKEN cannot do what the action does'),
    reason: optional(z.string().check(z.maxLength(300)), 'Why a PAT is needed (shown in the report)'),
    'repository-input': optional(z.string(), 'The input that names the repository the action acts on'),
    events: optional(z.array(z.enum(TRIGGER_EVENTS)), 'Events the action causes that may need to start workflows'),
  })
  .check(z.describe('What the action does with its token'))

const IgnoreSchema = z.union([
  z.enum(RULE_IDS),
  z.strictObject({
    rule: z.enum(RULE_IDS),
    secret: optional(z.string()),
    file: optional(z.string(), 'A repository path; the rule is ignored only there'),
  }),
])

export const RequirementsSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    tokens: z._default(z.record(SecretNameSchema, TokenSchema), {}).check(z.describe('The personal access tokens this repository needs, keyed by secret name')),
    ignore: optional(z.array(IgnoreSchema), 'Rules to ignore everywhere, or for one secret or file'),
    'max-expiry-days': optional(z.int().check(z.minimum(1), z.maximum(366)), 'Longest acceptable expiry; default 90'),
    actions: optional(
      z.record(z.string().check(z.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+$/, { error: 'actions are keyed owner/name, as in `uses:` without @ref' })), ActionKnowledgeSchema),
      'Knowledge about actions pat-lint does not know, keyed owner/name[/path]',
    ),
  })
  .check(z.describe('pat-requirements.yml: the personal access tokens a repository needs and why'))

export type TokenRequest = z.infer<typeof TokenSchema>
export type Requirements = z.infer<typeof RequirementsSchema>
export type IgnoreEntry = z.infer<typeof IgnoreSchema>
export type ActionKnowledgeEntry = z.infer<typeof ActionKnowledgeSchema>
