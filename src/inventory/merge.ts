/**
 * Merges repositories' JSON reports (`pat-lint --format json`, `pat-lint scan`) into the
 * inventory. Reports come from many runs and are read as untrusted input: each is checked against
 * the part of the report schema the merge reads, and one that fails is listed with the reason,
 * never dropped and never fatal. A repository reported twice counts once (the last report wins).
 */
import { z } from 'zod'
import { normaliseScopes } from '../knowledge/classic-scopes.js'
import { maxLevel, type Level, type PermissionSet } from '../knowledge/permissions.js'
import { oneLine } from '../report/escape.js'
import { INVENTORY_VERSION, type GrantsFile, type Inventory, type InventoryFailure, type SecretInRepository, type SecretInventory } from './model.js'
import { joinGrants } from './grants.js'

/** Long enough for any name GitHub allows; past it, text is not a name. */
const NAME = z.string().min(1).max(200)
const LEVEL = z.enum(['read', 'write', 'admin'])

const TokenSchema = z.object({
  secret: NAME,
  declared: z.boolean(),
  githubTokenWouldDo: z.boolean().nullable(),
  minimal: z.record(NAME, LEVEL),
  minimalScopes: z.array(NAME),
  repositories: z.array(NAME),
  ownRepository: z.boolean(),
  type: z.enum(['fine-grained', 'classic']).nullable(),
  requested: z.object({ expiresIn: z.union([z.number(), z.literal('none')]).optional() }).nullable(),
  uses: z.array(z.object({ file: z.string().max(1000), line: z.number(), target: z.string().max(1000).nullable(), githubTokenWouldDo: z.boolean().nullable() })),
})

const ReportSchema = z.object({
  version: z.literal(1),
  repository: NAME.nullable(),
  tokens: z.array(TokenSchema),
  findings: z.array(z.object({ rule: NAME, secret: NAME.optional() })),
  errors: z.array(z.unknown()),
})

/** What `pat-lint scan` writes for a repository it could not lint (deleted, archived away, unreadable). */
const FailureSchema = z.object({ version: z.literal(1), repository: NAME.nullable(), failed: z.string().max(2000) })

type ReportData = z.infer<typeof ReportSchema>

const PERMISSIONS = z.record(NAME, z.string().max(20))
const GrantsSchema = z.object({
  version: z.literal(1),
  organization: NAME,
  grants: z.array(z.object({
    id: z.number(),
    owner: NAME,
    tokenName: z.string().max(200),
    repositories: z.union([z.literal('all'), z.array(NAME)]),
    permissions: z.object({ repository: PERMISSIONS, organization: PERMISSIONS }),
    expired: z.boolean(),
    expiresAt: z.string().max(40).nullable(),
    lastUsedAt: z.string().max(40).nullable(),
  })),
})

/** The input's JSON, or the failure that says it is not JSON. */
function parseJson({ source, text }: ReportInput): { json: unknown } | InventoryFailure {
  try {
    return { json: JSON.parse(text) as unknown }
  } catch (e) {
    return { repository: null, source, reason: `not JSON: ${oneLine((e as Error).message).slice(0, 200)}` }
  }
}

/** A grants file (`pat-lint grants`), or why it is not one. */
export function readGrants(input: ReportInput): GrantsFile | InventoryFailure {
  const { source } = input
  const read = parseJson(input)
  if ('reason' in read) return read
  const parsed = GrantsSchema.safeParse(read.json)
  return parsed.success ? parsed.data : { repository: null, source, reason: `not a pat-lint grants file: ${oneLine(problem(parsed.error)).slice(0, 200)}` }
}

export interface ReportInput {
  /** Where the report came from: a file name. */
  source: string
  text: string
}

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/

/** The reason a parse failed, in one line: the first problem zod names, with its path. */
function problem(e: z.ZodError): string {
  const first = e.issues[0]
  return first ? `${first.path.join('.') || 'the report'}: ${first.message}` : 'not a pat-lint report'
}

/** What the merge keeps of a report: a few numbers and each secret's part, not the uses themselves. */
interface ReadReport {
  source: string
  repository: string
  tokens: number
  findings: number
  errors: number
  secrets: SecretInRepository[]
}

/** Reads one input as a report (kept in its reduced form) or a scan failure; anything else is a failure of its own. */
function readOne(input: ReportInput): ReadReport | InventoryFailure {
  const { source } = input
  const read = parseJson(input)
  if ('reason' in read) return read
  const json = read.json
  const failed = FailureSchema.safeParse(json)
  if (failed.success) return { repository: failed.data.repository, source, reason: oneLine(failed.data.failed) }
  const parsed = ReportSchema.safeParse(json)
  if (!parsed.success) return { repository: null, source, reason: `not a pat-lint report of version ${INVENTORY_VERSION}: ${oneLine(problem(parsed.error)).slice(0, 200)}` }
  const repository = parsed.data.repository
  if (!repository || !REPOSITORY.test(repository)) return { repository: null, source, reason: 'the report names no repository (lint with --repository OWNER/NAME)' }
  const report = { ...parsed.data, repository }
  return { source, repository, tokens: report.tokens.length, findings: report.findings.length, errors: report.errors.length, secrets: report.tokens.map((t) => inRepository(report, t)) }
}

function merged(into: PermissionSet, more: PermissionSet): PermissionSet {
  for (const [perm, level] of Object.entries(more)) into[perm] = maxLevel(into[perm], level as Level)
  return into
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort((a, b) => a.localeCompare(b))

/** A secret's part in one report. */
function inRepository(report: ReportData & { repository: string }, token: ReportData['tokens'][number]): SecretInRepository {
  const findings: Record<string, number> = {}
  for (const f of report.findings) if (f.secret === token.secret) findings[f.rule] = (findings[f.rule] ?? 0) + 1
  return {
    secret: token.secret,
    repository: report.repository,
    uses: token.uses.length,
    each: token.uses.map((u) => ({ file: u.file, line: u.line, target: u.target, githubTokenWouldDo: u.githubTokenWouldDo })),
    declared: token.declared,
    githubTokenWouldDo: token.githubTokenWouldDo,
    minimal: token.minimal,
    minimalScopes: token.minimalScopes,
    reaches: sorted([...token.repositories, ...(token.ownRepository ? [report.repository] : [])]),
    type: token.type,
    expiresIn: token.requested?.expiresIn ?? null,
    findings,
  }
}

function secretOf(owner: string, secret: string, parts: SecretInRepository[]): SecretInventory {
  const where = (test: (p: SecretInRepository) => boolean) => parts.filter(test).map((p) => p.repository)
  const minimal: PermissionSet = {}
  for (const p of parts) merged(minimal, p.minimal)
  return {
    owner,
    secret,
    repositories: parts,
    uses: parts.reduce((n, p) => n + p.uses, 0),
    minimal,
    minimalScopes: normaliseScopes(parts.flatMap((p) => p.minimalScopes)),
    reaches: sorted(parts.flatMap((p) => p.reaches)),
    githubTokenWouldDoIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === true),
    patNeededIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === false),
    undecidedIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === null),
    classicIn: where((p) => p.type === 'classic'),
    neverExpiresIn: where((p) => p.expiresIn === 'none'),
    unusedIn: where((p) => p.declared && p.uses === 0),
    overScopedIn: where((p) => (p.findings['over-scoped-request'] ?? 0) > 0),
    undeclaredIn: where((p) => !p.declared && p.uses > 0),
  }
}

/**
 * The inventory of `inputs`, each a report or a scan failure as text. Inputs are read one at a
 * time and only what the inventory needs is kept, so thousands of reports fit in memory.
 */
export function mergeReports(inputs: Iterable<ReportInput>, grantInputs: readonly ReportInput[] = []): Inventory {
  const byRepository = new Map<string, ReadReport>()
  const failures: InventoryFailure[] = []
  const notices: string[] = []
  for (const input of inputs) {
    const read = readOne(input)
    if ('reason' in read) {
      failures.push(read)
      continue
    }
    const key = read.repository.toLowerCase()
    const earlier = byRepository.get(key)
    if (earlier) notices.push(`${read.repository} is reported twice (${earlier.source}, ${read.source}): the last one counts`)
    byRepository.set(key, read)
  }
  // Secret names are case-insensitive on GitHub (stored in upper case): one key per owner and name.
  const bySecret = new Map<string, { owner: string; secret: string; parts: SecretInRepository[] }>()
  for (const report of byRepository.values()) {
    const owner = report.repository.split('/')[0]
    for (const part of report.secrets) {
      const secret = part.secret.toUpperCase()
      const key = `${owner.toLowerCase()}\u0000${secret}`
      const entry = bySecret.get(key) ?? { owner, secret, parts: [] }
      entry.parts.push(part)
      bySecret.set(key, entry)
    }
  }
  const secrets = [...bySecret.values()]
    .map((e) => secretOf(e.owner, e.secret, e.parts.sort((a, b) => a.repository.localeCompare(b.repository))))
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.secret.localeCompare(b.secret))
  const repositories = [...byRepository.values()]
    .map(({ source, repository, tokens, findings, errors }) => ({ repository, source, tokens, findings, errors }))
    .sort((a, b) => a.repository.localeCompare(b.repository))
  const inventory: Inventory = { version: INVENTORY_VERSION, repositories, secrets, failures, notices }
  if (grantInputs.length) {
    const files: GrantsFile[] = []
    for (const input of grantInputs) {
      const read = readGrants(input)
      if ('reason' in read) failures.push(read)
      else files.push(read)
    }
    inventory.grants = joinGrants(files, secrets)
  }
  return inventory
}
