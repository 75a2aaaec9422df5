/**
 * The contract of pat-requirements.yml, as a zod schema. The same schema validates the file and
 * publishes docs/pat-requirements.schema.json for editors, so permission names and levels are
 * spelled out per permission (GitHub's own tables: e.g. metadata is read-only, workflows and
 * gists write-only), not as free strings.
 */
import { z } from 'zod'
import { CLASSIC_SCOPES, FINE_GRAINED_PERMISSIONS } from '../knowledge/permissions.js'

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
] as const

const secretName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'a secret name holds only letters, digits and underscores, and does not start with a digit' })
  .refine((s) => !/^GITHUB_/i.test(s), { error: 'secret names cannot start with GITHUB_ (GitHub reserves the prefix)' })

const permissionLevels = Object.fromEntries(
  Object.entries(FINE_GRAINED_PERMISSIONS).map(([name, p]) => [
    name,
    z.enum(p.levels as [string, ...string[]]).optional().describe(`${p.displayName} (${p.kind} permission): ${p.levels.join(' | ')}`),
  ]),
)

export const PermissionsSchema = z
  .strictObject(permissionLevels)
  .describe('Fine-grained permissions, with GitHub\'s parameter names and levels. metadata: read is always granted.')

export const ScopeSchema = z.enum(Object.keys(CLASSIC_SCOPES) as [string, ...string[]])

export const TokenSchema = z
  .strictObject({
    type: z.enum(['fine-grained', 'classic']).describe('fine-grained (recommended) or classic'),
    owner: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'owner is a user or organization login, e.g. octo-org' })
      .optional()
      .describe('Resource owner: the user or organization whose resources the token reaches (the link\'s target_name)'),
    repositories: z
      .union([z.literal('all'), z.array(z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'repositories are written owner/name' }))], {
        error: 'repositories is `all` or a list of owner/name',
      })
      .optional()
      .describe('Repositories the token can reach: a list of owner/name, or all'),
    'expires-in': z
      .union([z.int().min(1).max(366), z.literal('none')], { error: 'expires-in is a number of days from 1 to 366, or none' })
      .optional()
      .describe('Days until the token expires (1-366), or none'),
    purpose: z.string().max(1024).optional().describe('What the token is for; becomes the token description'),
    permissions: PermissionsSchema.optional(),
    scopes: z.array(ScopeSchema).optional().describe('Classic tokens only: the OAuth scopes requested'),
  })
  .superRefine((t, ctx) => {
    if (t.type === 'classic' && t.permissions) {
      ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'a classic token has scopes, not permissions' })
    }
    if (t.type === 'fine-grained' && t.scopes) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'a fine-grained token has permissions, not scopes' })
    }
  })

export const TRIGGER_EVENTS = ['push', 'pull_request', 'release', 'create', 'issues', 'issue_comment', 'pull_request_review', 'label', 'repository_dispatch', 'workflow_dispatch'] as const

/** What a repository tells pat-lint about an action it does not know (its own, or an unknown one). */
export const ActionKnowledgeSchema = z
  .strictObject({
    'token-inputs': z.array(z.string()).optional().describe('Inputs that take a GitHub token'),
    'token-env': z.array(z.string()).optional().describe('Environment variables the action reads a GitHub token from'),
    permissions: PermissionsSchema.optional().describe('Fine-grained permissions the action needs'),
    'github-token': z.boolean().optional().describe('false when GITHUB_TOKEN cannot do what the action does'),
    reason: z.string().max(300).optional().describe('Why a PAT is needed (shown in the report)'),
    'repository-input': z.string().optional().describe('The input that names the repository the action acts on'),
    events: z.array(z.enum(TRIGGER_EVENTS)).optional().describe('Events the action causes that may need to start workflows'),
  })
  .describe('What the action does with its token')

const IgnoreSchema = z.union([
  z.enum(RULE_IDS),
  z.strictObject({
    rule: z.enum(RULE_IDS),
    secret: z.string().optional(),
    file: z.string().optional().describe('A repository path; the rule is ignored only there'),
  }),
])

export const RequirementsSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    tokens: z.record(secretName, TokenSchema).default({}).describe('The personal access tokens this repository needs, keyed by secret name'),
    ignore: z.array(IgnoreSchema).optional().describe('Rules to ignore everywhere, or for one secret or file'),
    'max-expiry-days': z.int().min(1).max(366).optional().describe('Longest acceptable expiry; default 90'),
    actions: z
      .record(z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+$/, { error: 'actions are keyed owner/name, as in `uses:` without @ref' }), ActionKnowledgeSchema)
      .optional()
      .describe('Knowledge about actions pat-lint does not know, keyed owner/name[/path]'),
  })
  .describe('pat-requirements.yml: the personal access tokens a repository needs and why')

export type TokenRequest = z.infer<typeof TokenSchema>
export type Requirements = z.infer<typeof RequirementsSchema>
export type IgnoreEntry = z.infer<typeof IgnoreSchema>
export type ActionKnowledgeEntry = z.infer<typeof ActionKnowledgeSchema>
