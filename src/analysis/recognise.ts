/**
 * Decides which secrets are GitHub credentials and says how each was recognised. A secret counts
 * when it is declared in pat-requirements.yml, reaches an input or environment variable known to
 * take a GitHub token, sits in a URL's credentials, is read by a script that talks to GitHub, or
 * is named like a GitHub token. Tokens of other services (Codecov, npm, Slack, cloud keys) are
 * left alone unless declared.
 */
import { quoted } from '../limits.js'
import { DEFAULT_KNOWLEDGE, type ActionKnowledge, type KnownAction } from '../knowledge/actions.js'
import type { JobInfo, StepInfo, ValueInfo } from '../workflow/model.js'
import { scriptReadsVariable, type SecretUse } from '../workflow/flows.js'
import { Memo } from './memo.js'
import { analyseScript } from './script/analyse.js'

export type RecognisedHow = 'declared' | 'token-input' | 'token-env' | 'git-url' | 'github-script' | 'name'

export interface Recognition {
  how: RecognisedHow
  detail: string
}

/**
 * Input names that, on an action pat-lint does not know, say that the input takes a GitHub token:
 * they name GitHub (or its repository, or its gists: Gist is GitHub's service) as well as a token. `token`, `api_token` or `project-token`
 * say nothing of which service they are for: Telegram, Netlify and Codacy actions take them too.
 */
const GITHUB_TOKEN_INPUT = /^(github|gh|git|repo|repository)[-_]?(token|pat)$|^(github|gh)[-_]?(personal[-_]access[-_]token|access[-_]token|api[-_]token)$|^personal[-_]access[-_]token$|(^|[-_])gists?[-_](token|pat)$/i

/**
 * Inputs that take a GitHub App's private key, App id or client id. The action signs a JWT with
 * them and trades it for an installation token (GitHub docs, "Authenticating as a GitHub App"):
 * they are an App's credentials, never a PAT, and nothing to declare or revoke as one.
 */
const APP_CREDENTIAL_INPUT = /^((github[-_]?)?app(lication)?[-_])?private[-_]?key$|^(github[-_]?)?(app(lication)?|client)[-_]id$/i

/** Inputs that take an SSH private key (actions/checkout's `ssh-key`, webfactory/ssh-agent's `ssh-private-key`). */
const SSH_KEY_INPUT = /^(ssh([-_]?(private[-_]?)?key)?|deploy[-_]?key)$/i
/** A secret named for a key, not a token: `DEPLOY_KEY`, `SSH_PRIVATE_KEY`. */
const KEY_NAME = /(^|_)(DEPLOY|SSH)(_PRIVATE)?_KEY$|(^|_)SSH_PRIVATE_KEY(_|$)/i

/**
 * Whether the use hands the secret on as an SSH key: to an input named for one, or, named like a
 * key, to a script that installs it for ssh. A deploy key or an SSH key is no PAT: it belongs to
 * one repository (or one account's keys), has no scopes or expiry to declare, and a push with a
 * deploy key starts push workflows (pat-rules R1).
 */
export function isSshKeyUse(use: SecretUse): boolean {
  if (use.kind === 'with' && use.input) return SSH_KEY_INPUT.test(use.input)
  if ((use.kind === 'run' || use.kind === 'env') && use.secret && KEY_NAME.test(use.secret)) {
    const scripts = use.step?.run ? [use.step.run.value] : (use.readBy ?? []).map((s) => s.run?.value ?? '')
    return scripts.length > 0 && scripts.every((s) => /\.ssh\/|ssh-add|ssh-agent|GIT_SSH_COMMAND/.test(s))
  }
  return false
}

/** Environment variables GitHub's own tools read a token from (gh, git credential helpers, octokit scripts). */
const GITHUB_TOKEN_ENV = /^(GH|GITHUB)(_[A-Z0-9]+)*_(TOKEN|PAT)$|^(GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN|GITHUB_PAT|GH_PAT|HOMEBREW_GITHUB_API_TOKEN|PERSONAL_TOKEN|PERSONAL_ACCESS_TOKEN)$|(^|_)PAT$/

/** Words in a secret's name that mean another service's credential. */
const OTHER_SERVICE = /(^|_)(SLACK|DISCORD|TELEGRAM|TEAMS|ADO|AZDO|NPM|NODE_AUTH|YARN|PYPI|NUGET|CARGO|CRATES|CODECOV|COVERALLS|SONAR|SNYK|DOCKER|DOCKERHUB|QUAY|AWS|AZURE|GCP|GCLOUD|GOOGLE|FIREBASE|HEROKU|NETLIFY|VERCEL|CLOUDFLARE|SENTRY|GITLAB|BITBUCKET|JIRA|LINEAR|OPENAI|ANTHROPIC|VSCE|OVSX|WAKATIME|JENKINS|TWITTER|MASTODON|CHROMATIC|BUTLER|ITCHIO|EXPO|APPLE|ANDROID|SIGNING|GPG|PGP|COSIGN|MAVEN|OSSRH|SONATYPE|GRADLE|CACHIX|TURBO|DATADOG|NEWRELIC|CODACY|CODSPEED)(_|$)/

/**
 * Secret names that say GitHub token: GITHUB or GH with TOKEN, or PAT. A name alone is weak
 * evidence, so only names that name GitHub (or its PAT) count; `BOT_TOKEN` or `REPO_TOKEN` could
 * be any service's.
 */
export function looksLikeGithubToken(secret: string): boolean {
  const s = secret.toUpperCase()
  if (OTHER_SERVICE.test(s)) return false
  const words = s.split(/_+/).filter(Boolean)
  if (words.some((w) => w === 'PAT' || w === 'GHPAT' || w === 'GHTOKEN' || w === 'GITHUBTOKEN')) return true
  if (words.includes('PERSONAL') && (words.includes('TOKEN') || words.includes('ACCESS'))) return true
  // Gists are GitHub's: a gist token is a GitHub token with the gist scope.
  if ((words.includes('GIST') || words.includes('GISTS')) && words.includes('TOKEN')) return true
  return words.includes('TOKEN') && (words.includes('GITHUB') || words.includes('GH'))
}

/** The value of `${{ env.NAME }}` where the step, its job or its workflow binds NAME to a literal. */
function resolveEnv(raw: string, step: StepInfo, job: JobInfo | null, workflowEnv: Record<string, ValueInfo> | undefined): string {
  return raw.replace(/\$\{\{\s*env\.([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (step.env[name] ?? job?.env[name] ?? workflowEnv?.[name])?.value ?? whole)
}

/**
 * Whether the action's token inputs are GitHub credentials in this step: for a registry login, only
 * when the registry is GitHub's. A registry named only at run time is not evidence either way.
 */
function credentialIsGithubs(facts: KnownAction, use: SecretUse, workflowEnv: Record<string, ValueInfo> | undefined): boolean {
  if (!facts.githubWhen || !use.step) return true
  const given = use.step.with[facts.githubWhen.input]
  const value = given ? resolveEnv(given.value, use.step, use.job, workflowEnv).toLowerCase() : ''
  return facts.githubWhen.hosts.some((h) => value.includes(h))
}

function inputTakesGithubToken(use: SecretUse & { step: StepInfo; input: string }, knowledge: ActionKnowledge, workflowEnv: Record<string, ValueInfo> | undefined): string | null {
  const { step, input } = use
  const uses = step.uses?.value
  const facts = uses ? knowledge.lookup(uses) : undefined
  if (facts) {
    if (!facts.takesGithubToken || !credentialIsGithubs(facts, use, workflowEnv)) return null
    return facts.tokenInputs.some((i) => i.name.toLowerCase() === input.toLowerCase()) ? `input \`${quoted(input)}\` of ${facts.uses} takes a GitHub token` : null
  }
  if (GITHUB_TOKEN_INPUT.test(input)) return `input \`${quoted(input)}\` of ${quoted(uses ?? 'the step')} is named for a GitHub token`
  return null
}

/**
 * Whether the use hands the secret to a known action's credential input that, in this step, is
 * another service's (a Docker Hub login, a Codecov upload), or to a variable or input named for
 * another service: evidence against a GitHub token,
 * which outweighs a name like `DH_PAT`.
 */
function isOtherServiceUse(use: SecretUse, knowledge: ActionKnowledge, workflowEnv: Record<string, ValueInfo> | undefined): boolean {
  // Handed to a variable or input named for another service (`ado_token`, `slack-token`).
  if ((use.kind === 'env' || use.kind === 'with') && use.input && OTHER_SERVICE.test(use.input.toUpperCase().replace(/-/g, '_'))) return true
  if ((use.kind === 'env' || use.kind === 'with') && use.input && use.step?.uses && namedForActionVendor(use.input, use.step.uses.value)) return true
  if (use.kind !== 'with' || !use.step?.uses || !use.input) return false
  const facts = knowledge.lookup(use.step.uses.value)
  if (!facts || !facts.tokenInputs.some((i) => i.name.toLowerCase() === use.input!.toLowerCase())) return false
  return !facts.takesGithubToken || !credentialIsGithubs(facts, use, workflowEnv)
}

/** Owners whose actions are GitHub's own: a variable named for them names GitHub. */
const GITHUB_OWNERS: ReadonlySet<string> = new Set(['actions', 'github', 'octokit', 'cli'])

/**
 * Whether a variable or input of an action's step is named for the vendor that publishes the
 * action: `crowdin/github-action` reads CROWDIN_PERSONAL_TOKEN, `getsentry/action-release`
 * SENTRY_AUTH_TOKEN. An action reads its own service's credential under that service's name, so
 * such a variable holds the vendor's token, not GitHub's (GitHub's own owners excepted). Owner
 * words under 4 letters are too short to tell a vendor from a word.
 */
export function namedForActionVendor(variable: string, uses: string): boolean {
  // The owner only, from the start of the value: a `uses:` may be as long as the file.
  const head = uses.slice(0, 120).trimStart()
  if (head.startsWith('./') || head.startsWith('docker://') || !head.includes('/')) return false
  const owner = head.split('/')[0].toLowerCase()
  if (!owner || GITHUB_OWNERS.has(owner)) return false
  const vendor = owner.split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && w !== 'actions' && w !== 'action' && w !== 'github')
  const words = new Set(variable.toLowerCase().split(/[^a-z0-9]+/))
  // A variable that names GitHub as well (HASHICORP_GITHUB_TOKEN) is the vendor's GitHub token.
  if (words.has('github') || words.has('gh')) return false
  return vendor.some((w) => words.has(w))
}

/** Whether the use hands the secret to an input that takes a GitHub App's key or id. */
export function isAppCredentialUse(use: SecretUse, knowledge: ActionKnowledge = DEFAULT_KNOWLEDGE): boolean {
  if (use.kind !== 'with' || !use.step || !use.input) return false
  const facts = use.step.uses ? knowledge.lookup(use.step.uses.value) : undefined
  const input = use.input.toLowerCase()
  if (facts?.appCredentialInputs?.some((i) => i.toLowerCase() === input)) return true
  return !facts?.tokenInputs.some((i) => i.name.toLowerCase() === input) && APP_CREDENTIAL_INPUT.test(input)
}

function envTakesGithubToken(name: string, steps: StepInfo[], knowledge: ActionKnowledge): string | null {
  // A `*_PAT` variable named for another service (`…_GITLAB_PAT`) holds that service's token.
  if (GITHUB_TOKEN_ENV.test(name) && !OTHER_SERVICE.test(name)) return `environment variable ${quoted(name)} is where GitHub tools read a token`
  for (const step of steps) {
    const facts = step.uses ? knowledge.lookup(step.uses.value) : undefined
    if (facts?.takesGithubToken && facts.tokenEnv.includes(name)) return `${facts.uses} reads a GitHub token from ${quoted(name)}`
  }
  return null
}

/** One environment for every recognition, so what a script's gh commands ask is worked out once. */
const NO_ENV: Record<string, string> = Object.freeze({}) as Record<string, string>

/**
 * Whether a script that receives the secret uses it to talk to GitHub: the script analysis finds a
 * gh, git, REST or ghcr.io call made with it, or the script installs it as an SSH key next to a
 * GitHub host. Merely mentioning github.com elsewhere in the script is not enough.
 */
function scriptUsesForGithub(use: SecretUse, memo: Memo): boolean {
  const scripts: { script: string; vars: Set<string>; key: object }[] = []
  if (use.kind === 'run' && use.step?.run) scripts.push({ script: use.step.run.value, vars: new Set(), key: use.step.run })
  if (use.kind === 'env' && use.input) {
    const readers = use.step ? [use.step] : (use.readBy ?? [])
    for (const s of readers) if (s.run && scriptReadsVariable(s.run.value, use.input, memo.variables)) scripts.push({ script: s.run.value, vars: new Set([use.input]), key: s.run })
  }
  return scripts.some(({ script, vars, key }) => {
    const a = analyseScript(script, { self: null, tokenVars: vars, env: NO_ENV, secret: use.secret ?? undefined, memo }, key)
    return a.calls.length > 0 || a.sentToGithub || ((a.persists ?? []).length > 0 && /github\.com/i.test(script))
  })
}

/** How a single use shows its secret to be a GitHub credential, if it does. */
function recogniseUse(use: SecretUse, knowledge: ActionKnowledge, workflowEnv: Record<string, ValueInfo> | undefined, memo: Memo): Recognition | null {
  if (use.kind === 'git-url') return { how: 'git-url', detail: 'used as the credentials of a URL' }
  if (use.kind === 'with' && use.step && use.input) {
    const d = inputTakesGithubToken(use as SecretUse & { step: StepInfo; input: string }, knowledge, workflowEnv)
    if (d) return { how: 'token-input', detail: d }
  }
  if (use.kind === 'env' && use.input) {
    const scope = use.step ? [use.step] : (use.readBy ?? [])
    const d = envTakesGithubToken(use.input, scope, knowledge)
    if (d) return { how: 'token-env', detail: d }
  }
  if (use.kind === 'reusable-workflow' && use.input && GITHUB_TOKEN_INPUT.test(use.input)) {
    return { how: 'token-input', detail: `passed as \`${quoted(use.input)}\` to a reusable workflow` }
  }
  if (scriptUsesForGithub(use, memo)) return { how: 'github-script', detail: 'used by a run script to call GitHub (gh, git, the API or ghcr.io)' }
  return null
}

/**
 * Recognises every credential among the uses. Returns, per secret name (as written in the
 * requirements when declared), the distinct ways it was recognised.
 */
export function recogniseSecrets(uses: SecretUse[], declared: Set<string>, knowledge: ActionKnowledge = DEFAULT_KNOWLEDGE, workflowEnv: (file: string) => Record<string, ValueInfo> | undefined = () => undefined, memo: Memo = new Memo()): Map<string, Recognition[]> {
  const out = new Map<string, Recognition[]>()
  const add = (secret: string, r: Recognition) => {
    const list = out.get(secret) ?? []
    if (!list.some((x) => x.how === r.how && x.detail === r.detail)) list.push(r)
    out.set(secret, list)
  }
  for (const name of declared) add(name, { how: 'declared', detail: 'declared in the requirements file' })
  // A secret given to an App-token step as its key or id is the App's credential wherever else it goes.
  const appCredentials = new Set(uses.filter((u) => u.secret && isAppCredentialUse(u, knowledge)).map((u) => u.secret!))
  for (const use of uses) {
    if (!use.secret || appCredentials.has(use.secret)) continue
    const r = recogniseUse(use, knowledge, workflowEnv(use.file), memo)
    if (r) add(use.secret, r)
  }
  // A name is weak evidence: it counts only for a secret not used solely as another service's credential.
  const otherUses = new Map<string, boolean>()
  for (const use of uses) if (use.secret) otherUses.set(use.secret, (otherUses.get(use.secret) ?? true) && isOtherServiceUse(use, knowledge, workflowEnv(use.file)))
  for (const use of uses) {
    if (use.secret && !out.has(use.secret) && !appCredentials.has(use.secret) && !otherUses.get(use.secret) && looksLikeGithubToken(use.secret)) add(use.secret, { how: 'name', detail: 'named like a GitHub token' })
  }
  return out
}
