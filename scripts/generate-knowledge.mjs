#!/usr/bin/env node
// Derives src/knowledge/generated/*.ts from the facts in ../shared/data (or --data DIR).
// The raw files are not copied: each output keeps only what pat-lint reads, validated with zod,
// and records where each fact came from (repository, path, commit) as given by SOURCES.md.
//   node scripts/generate-knowledge.mjs [--data DIR] [--check]
// --check exits 1 when the committed output differs from what the data would generate.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { z } from 'zod'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const dataDir = argv.includes('--data') ? argv[argv.indexOf('--data') + 1] : join(root, '..', 'shared', 'data')
const check = argv.includes('--check')
const outDir = join(root, 'src', 'knowledge', 'generated')

const readJson = (name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8'))
const Level = z.enum(['read', 'write', 'admin'])

// ---- fine-grained permission names and levels (creation-URL tables) ----
const urlTemplates = z.object({
  fineGrained: z.object({
    accountPermissions: z.array(z.object({ parameter: z.string(), displayName: z.string(), accessLevels: z.array(Level).min(1) })),
    repositoryPermissions: z.array(z.object({ parameter: z.string(), displayName: z.string(), accessLevels: z.array(Level).min(1) })),
    organizationPermissions: z.array(z.object({ parameter: z.string(), displayName: z.string(), accessLevels: z.array(Level).min(1) })),
  }),
}).parse(readJson('token-creation-url-templates.json'))
const permissions = {}
for (const [kind, list] of [['repository', urlTemplates.fineGrained.repositoryPermissions], ['organization', urlTemplates.fineGrained.organizationPermissions], ['account', urlTemplates.fineGrained.accountPermissions]]) {
  for (const p of list) permissions[p.parameter] = { kind, displayName: p.displayName, levels: p.accessLevels }
}
// metadata is granted to every token with repository access; the URL table lists it read-only.
if (!permissions.metadata) throw new Error('metadata missing from the repository permission table')

// ---- classic scopes with their parents ----
const scopesFile = z.object({
  scopes: z.array(z.object({ scope: z.string(), parent: z.string().nullable(), versions: z.string() })),
  scopesSeenElsewhereButNotInTheDocsTable: z.array(z.object({ scope: z.string() })),
}).parse(readJson('oauth-scopes.json'))
const scopes = {}
for (const s of scopesFile.scopes) if (s.scope !== '(no scope)') scopes[s.scope] = { parent: s.parent, versions: s.versions }
for (const s of scopesFile.scopesSeenElsewhereButNotInTheDocsTable) scopes[s.scope] ??= { parent: null, versions: 'undocumented' }

// ---- GITHUB_TOKEN permission keys ----
const tokenFile = z.object({
  permissions: z.array(z.object({
    key: z.string(),
    allowedLevels: z.array(z.enum(['read', 'write', 'none'])),
    equivalents: z.object({ fineGrainedPat: z.string().nullable().optional(), githubApp: z.string().nullable().optional() }).passthrough(),
  }).passthrough()),
}).parse(readJson('github-token-permissions.json'))
const githubTokenKeys = {}
for (const p of tokenFile.permissions) {
  githubTokenKeys[p.key] = { levels: p.allowedLevels.filter((l) => l !== 'none'), fineGrained: p.equivalents.fineGrainedPat ?? null }
}

// ---- endpoint -> fine-grained permission map (raw github/docs file, plus the Checks excerpt) ----
const Entry = z.object({ verb: z.string(), requestPath: z.string(), access: Level, 'additional-permissions': z.boolean().optional() })
const fgMap = z.record(z.string(), z.object({ permissions: z.array(Entry) })).parse(readJson('github-docs.fpt-2026-03-10.fine-grained-pat-permissions.json'))
const endpoints = {}
for (const [perm, group] of Object.entries(fgMap)) {
  for (const e of group.permissions) {
    const key = `${e.verb.toUpperCase()} ${e.requestPath}`
    const list = (endpoints[key] ??= [])
    const code = `${perm}:${e.access}${e['additional-permissions'] ? '+' : ''}`
    if (!list.includes(code)) list.push(code)
  }
}
const checks = z.object({ checks: z.object({ permissions: z.array(Entry) }) }).parse(readJson('github-docs.fpt-2026-03-10.server-to-server-permissions.checks-excerpt.json'))
const appOnlyEndpoints = {}
for (const e of checks.checks.permissions) appOnlyEndpoints[`${e.verb.toUpperCase()} ${e.requestPath}`] = `checks:${e.access}`

// The lookup's index, built here rather than at every start: templates by method, each with its
// path split into segments and its permission entries parsed. A trailing {path} or {ref} spans
// several segments (contents/a/b.yml, git/refs/heads/main).
const endpointTemplates = {}
function addTemplate(key, entries, appOnly) {
  const [method, path] = key.split(' ')
  const segments = path.split('/').filter(Boolean)
  const greedy = /^\{(path|ref)\}$/.test(segments[segments.length - 1] ?? '')
  ;(endpointTemplates[method] ??= []).push({ path, segments, greedy, entries, appOnly })
}
for (const [key, codes] of Object.entries(endpoints)) {
  addTemplate(key, codes.map((c) => {
    const m = /^([a-z_]+):(read|write|admin)(\+)?$/.exec(c)
    if (!m) throw new Error(`endpoint ${key}: permission ${c} is not name:level`)
    return { permission: m[1], level: m[2], additional: !!m[3] }
  }), false)
}
for (const [key, code] of Object.entries(appOnlyEndpoints)) {
  if (endpoints[key]) continue
  const [permission, level] = code.split(':')
  addTemplate(key, [{ permission, level, additional: false }], true)
}

// ---- gh CLI commands -> API calls ----
const ghFile = z.object({
  commands: z.array(z.object({
    command: z.string(),
    calls: z.array(z.object({
      kind: z.string(), method: z.string().optional(), path: z.string().optional(), operation: z.string().optional(), when: z.string().optional(),
      fineGrainedPat: z.union([z.array(z.object({ permission: z.string(), access: Level })), z.string()]).optional(),
      fineGrainedPatInferred: z.string().optional(),
    }).passthrough()),
  })),
}).parse(readJson('gh-cli-command-api-calls.json'))
const ghCommands = {}
for (const c of ghFile.commands) {
  ghCommands[c.command] = c.calls.map((call) => ({
    kind: call.kind,
    ...(call.method ? { method: call.method } : {}),
    ...(call.path ? { path: call.path } : {}),
    ...(call.operation ? { operation: call.operation } : {}),
    ...(call.when ? { when: call.when } : {}),
    // A prose fineGrainedPat ("not in map …; needs contents:write") still names the permission.
    permissions: Array.isArray(call.fineGrainedPat) ? call.fineGrainedPat.map((p) => `${p.permission}:${p.access}`) : parseInferred(call.fineGrainedPat ?? call.fineGrainedPatInferred),
  }))
}
function parseInferred(text) {
  if (!text) return []
  // "metadata:read, pull_requests:read (note); other case" -> the pairs of the main clause only:
  // parentheses and text after ';' describe alternatives or other cases.
  const main = text.replace(/\([^)]*\)/g, '').split(';')[0]
  return [...main.matchAll(/([a-z_]+):(read|write|admin)/g)].map((m) => `${m[1]}:${m[2]}`).filter((p) => permissions[p.split(':')[0]])
}

// ---- actions knowledge base ----
const PermMap = z.record(z.string(), z.string()).nullable().optional()
const kbFile = z.array(z.object({
  uses: z.string(),
  aliases: z.array(z.string()).optional(),
  subactions: z.array(z.string()).optional(),
  token_inputs: z.array(z.object({ name: z.string(), default: z.string().nullable().optional() })),
  token_env: z.array(z.string()),
  operations: z.array(z.string()),
  github_token_permissions: PermMap,
  fine_grained_permissions: PermMap,
  classic_pat_scopes: z.array(z.string()).nullable().optional(),
  conditional_permissions: z.array(z.object({ when: z.string(), github_token: PermMap, fine_grained: PermMap, classic_pat_scopes: z.array(z.string()).nullable().optional() }).passthrough()).optional(),
  pat_needed_when: z.array(z.string()),
  notes: z.string().optional(),
  source: z.string(),
})).parse(parse(readFileSync(join(dataDir, 'actions-kb.yml'), 'utf8')))
/** An input of an action that trades a GitHub App's credentials for a token (its operations say so). */
const appCredential = (a, input) => a.operations.some((o) => /GitHub App private key/i.test(o)) && /^(private[-_]key|app[-_]id|client[-_]id)$/i.test(input.trim())
const actions = kbFile.map((a) => ({
  uses: a.uses,
  ...(a.aliases ? { aliases: a.aliases } : {}),
  ...(a.subactions ? { subactions: a.subactions } : {}),
  // Entries may carry a remark ("NPM_TOKEN (not GitHub)"): keep the name; drop non-credential inputs.
  tokenInputs: a.token_inputs
    .map((i) => ({ name: i.name.match(/^[\w-]+/)[0], defaultsToGithubToken: /github\.token|secrets\.GITHUB_TOKEN/i.test(i.default ?? '') }))
    .filter((i) => /token|key|password|secret|pat|ssh/i.test(i.name) && !/oidc/i.test(i.name) && !appCredential(a, i.name)),
  // A GitHub App's private key and ids sign a JWT that the action exchanges for an installation
  // token (GitHub docs, "Authenticating as a GitHub App"): credentials of an App, never a PAT.
  ...(a.token_inputs.some((i) => appCredential(a, i.name)) ? { appCredentialInputs: a.token_inputs.flatMap((i) => i.name.split(/\s*\/\s*/)).filter((n) => appCredential(a, n)) } : {}),
  tokenEnv: a.token_env.filter((e) => !/not GitHub/i.test(e)).map((e) => e.match(/^[A-Z0-9_]+/)[0]).filter((e) => /TOKEN|PAT|KEY|PASSWORD/.test(e)),
  // Codecov, SonarQube and the like take their own service's token, never a GitHub one (R16).
  takesGithubToken: !a.pat_needed_when.some((p) => /^never \((GitHub PAT not used|no GitHub token consumed)/i.test(p)),
  githubToken: a.github_token_permissions ?? null,
  fineGrained: a.fine_grained_permissions ?? null,
  classicScopes: a.classic_pat_scopes ?? null,
  conditional: (a.conditional_permissions ?? []).map((c) => ({ when: c.when, githubToken: c.github_token ?? null, fineGrained: c.fine_grained ?? null, ...(c.classic_pat_scopes ? { classicScopes: c.classic_pat_scopes } : {}) })),
  patNeededWhen: a.pat_needed_when,
  source: a.source,
}))

// ---- octokit method -> REST route, for actions/github-script (github.rest.<ns>.<method>) ----
// From the routes @octokit/plugin-rest-endpoint-methods ships (MIT), the package @actions/github uses.
const octokitPkg = JSON.parse(readFileSync(join(root, 'node_modules', '@octokit', 'plugin-rest-endpoint-methods', 'package.json'), 'utf8'))
const { default: octokitEndpoints } = await import(join(root, 'node_modules', '@octokit', 'plugin-rest-endpoint-methods', 'dist-src', 'generated', 'endpoints.js'))
const octokitRoutes = {}
for (const [ns, methods] of Object.entries(octokitEndpoints)) {
  for (const [method, [route]] of Object.entries(methods)) octokitRoutes[`${ns}.${method}`] = route
}

// ---- workflow syntax: the keys GitHub's own workflow parser accepts at each level ----
const workflowSchema = readJson('actions-languageservices.workflow-v1.0.json').definitions
const keysOf = (...names) => [...new Set(names.flatMap((n) => Object.keys(workflowSchema[n].mapping.properties)))].sort()
const stepKinds = workflowSchema['steps-item']['one-of']
const workflowKeys = {
  workflow: keysOf('workflow-root'),
  job: keysOf('job-factory', 'workflow-job'),
  step: keysOf(...stepKinds),
}

// ---- provenance, from SOURCES.md's table ----
const sourcesMd = readFileSync(join(dataDir, 'SOURCES.md'), 'utf8')
const provenance = {}
for (const line of sourcesMd.split('\n')) {
  const cells = line.split('|').map((c) => c.trim())
  if (cells.length < 6 || !cells[1].startsWith('`')) continue
  const file = cells[1].replace(/`/g, '')
  provenance[file] = { repository: cells[2], path: cells[3].replace(/`/g, ''), commit: (cells[4].match(/[0-9a-f]{40}/) ?? [null])[0] }
}
const prov = (file) => provenance[file] ?? { repository: 'see shared/data/SOURCES.md', path: file, commit: null }

const banner = (what, files) => files[0] === 'actions-kb.yml'
  ? `// GENERATED by scripts/generate-knowledge.mjs — do not edit. ${what}\n// Facts from: each entry's \`source\` (the action's own action.yml and README), summarised in shared/data/actions-kb.yml.\n/* eslint-disable */\n`
  : `// GENERATED by scripts/generate-knowledge.mjs — do not edit. ${what}\n// Facts from: ${files.map((f) => { const p = prov(f); return `${p.repository} ${p.path}${p.commit ? ` @${p.commit}` : ''}` }).join('; ')}\n/* eslint-disable */\n`
const outputs = {
  'permissions.ts': banner('Fine-grained permissions, classic scopes and GITHUB_TOKEN keys.', ['token-creation-url-templates.json', 'oauth-scopes.json', 'github-token-permissions.json']) +
    `export const FINE_GRAINED_PERMISSIONS: Record<string, { kind: 'repository' | 'organization' | 'account'; displayName: string; levels: readonly ('read' | 'write' | 'admin')[] }> = ${JSON.stringify(permissions, null, 1)}\n\n` +
    `export const CLASSIC_SCOPES: Record<string, { parent: string | null; versions: string }> = ${JSON.stringify(scopes, null, 1)}\n\n` +
    `export const GITHUB_TOKEN_KEYS: Record<string, { levels: readonly ('read' | 'write')[]; fineGrained: string | null }> = ${JSON.stringify(githubTokenKeys, null, 1)}\n`,
  'endpoints.ts': banner('REST endpoint -> fine-grained permissions ("name:level", "+" = listed with additional permissions).', ['github-docs.fpt-2026-03-10.fine-grained-pat-permissions.json', 'github-docs.fpt-2026-03-10.server-to-server-permissions.checks-excerpt.json']) +
    `export interface EndpointTemplate {\n  path: string\n  segments: readonly string[]\n  /** The last parameter is a trailing {path} or {ref}, spanning several segments. */\n  greedy: boolean\n  /** additional: listed with "additional permissions" in GitHub's map. */\n  entries: readonly { permission: string; level: 'read' | 'write' | 'admin'; additional: boolean }[]\n  /** Only GitHub Apps (GITHUB_TOKEN included) can call it: no fine-grained PAT permission exists. */\n  appOnly: boolean\n}\n\n` +
    `/** Endpoint templates by method, in the order of GitHub's map, then the App-only ones. */\nexport const ENDPOINT_TEMPLATES: Readonly<Record<string, readonly EndpointTemplate[]>> = ${JSON.stringify(endpointTemplates)}\n`,
  'workflow-keys.ts': banner('The keys a workflow, a job and a step may have.', ['actions-languageservices.workflow-v1.0.json']) +
    `export const WORKFLOW_KEYS: { workflow: readonly string[]; job: readonly string[]; step: readonly string[] } = ${JSON.stringify(workflowKeys, null, 1)}\n`,
  'gh-cli.ts': banner('gh CLI command -> the API calls it makes.', ['gh-cli-command-api-calls.json']) +
    `export interface GhCall { kind: string; method?: string; path?: string; operation?: string; when?: string; permissions: readonly string[] }\n` +
    `export const GH_COMMANDS: Record<string, readonly GhCall[]> = ${JSON.stringify(ghCommands, null, 1)}\n`,
  'octokit-routes.ts': `// GENERATED by scripts/generate-knowledge.mjs — do not edit. octokit REST method -> route.\n// Facts from: @octokit/plugin-rest-endpoint-methods@${octokitPkg.version} (MIT), dist-src/generated/endpoints.js\n/* eslint-disable */\n` +
    `export const OCTOKIT_ROUTES: Record<string, string> = ${JSON.stringify(octokitRoutes, null, 1)}\n`,
  'actions.ts': banner('What popular actions do with a token.', ['actions-kb.yml']) +
    `export interface ActionFacts {\n  uses: string\n  aliases?: readonly string[]\n  subactions?: readonly string[]\n  tokenInputs: readonly { name: string; defaultsToGithubToken: boolean }[]\n  /** Inputs taking a GitHub App's private key or id: credentials of an App, not tokens. */\n  appCredentialInputs?: readonly string[]\n  tokenEnv: readonly string[]\n  takesGithubToken: boolean\n  githubToken: Record<string, string> | null\n  fineGrained: Record<string, string> | null\n  classicScopes: readonly string[] | null\n  conditional: readonly { when: string; githubToken: Record<string, string> | null; fineGrained: Record<string, string> | null; classicScopes?: readonly string[] }[]\n  patNeededWhen: readonly string[]\n  source: string\n}\n` +
    `export const ACTIONS: readonly ActionFacts[] = ${JSON.stringify(actions, null, 1)}\n`,
}
if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true })
let stale = false
for (const [name, text] of Object.entries(outputs)) {
  const path = join(outDir, name)
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) { console.error(`stale: src/knowledge/generated/${name}`); stale = true }
  } else writeFileSync(path, text)
}
if (check && stale) process.exit(1)
console.log(`${check ? 'checked' : 'wrote'} ${Object.keys(outputs).length} modules: ${Object.keys(octokitRoutes).length} octokit routes, ${Object.keys(permissions).length} permissions, ${Object.keys(scopes).length} scopes, ${Object.keys(endpoints).length} endpoints, ${Object.keys(ghCommands).length} gh commands, ${actions.length} actions`)
