/**
 * What an action does with a token, read from its own source at a commit (issue 19): its
 * `action.yml` (token inputs, the input naming a repository, how it runs) and, for JavaScript and
 * TypeScript actions, the GitHub calls in its source files (`src/`, never the bundled `dist/`,
 * which holds every route string of octokit): `*.rest.<ns>.<method>(…)` through octokit's route
 * table, `request('VERB /path')`, and GitHub's endpoint-to-permission data for both. Anything the
 * reader cannot place (GraphQL, a git push, a method it does not know, a bundle without source) is
 * kept as `unseen`, with its file and line, so a use of the action stays undecided rather than
 * "would do". Pure: files in, facts out; scripts/derive-actions.mjs feeds it checkouts.
 */
import { parse } from 'yaml'
import { OCTOKIT_ROUTES } from './generated/octokit-routes.js'
import { lookupEndpoint } from './endpoints.js'
import { levelRank, type PermissionSet } from './permissions.js'
import { firstAtLeast } from '../order.js'
import { definedFunctions, tokenHandoffs } from './token-handoff.js'

export interface SourceFile {
  /** Path inside the action's repository, with forward slashes. */
  path: string
  text: string
}

export interface DerivedCall {
  route: string
  permissions: PermissionSet
  /** `file:line` in the action's repository. */
  at: string
  /**
   * The call makes a draft release (`draft: true` in its arguments): no tag is created and no
   * workflow runs for a draft's created activity (GitHub docs, Events that trigger workflows: release).
   */
  draft?: true
  /** Only GitHub Apps can call it (the Checks API): no personal token can. */
  appOnly?: true
}

export interface DerivedAction {
  uses: string
  commit: string
  /** `runs.using`: node20, composite, docker, … */
  runs: string
  tokenInputs: { name: string; defaultsToGithubToken: boolean }[]
  /** Environment variables the source reads a token from (`process.env.GH_PAT`). */
  tokenEnv: string[]
  /** The input that names the repository the calls go to (`owner/name`), when the source reads one. */
  repositoryInput?: string
  calls: DerivedCall[]
  /** What the reader could not place, each with where it is. */
  unseen: { what: string; at: string }[]
  /** The files read, for the provenance. */
  files: string[]
  /** A composite action's `action.yml`, whose steps pat-lint's own step analysis reads. */
  composite?: string
  /**
   * Major versions whose facts differ from those at `commit`, each read at its newest release tag
   * (scripts/derive-actions.ts). A major not listed does what `commit` does.
   */
  versions?: DerivedVersion[]
  /**
   * Release tags by the first 12 hex digits of their commit, where `versions` makes the version
   * matter: a `uses:` pinned to a SHA is matched to its release.
   */
  pins?: Record<string, string>
}

/** What an earlier major version of an action does, read at `tag`. */
export interface DerivedVersion {
  major: number
  tag: string
  action: DerivedAction
}

/** Inputs that carry a token: a default of the workflow's token, or a name saying so. */
const TOKEN_DEFAULT = /\$\{\{\s*(?:github\.token|secrets\.GITHUB_TOKEN)\s*\}\}/i
/** Names of inputs for a GitHub token; another service's (`slack-token`, `npm-token`) are not. */
const TOKEN_NAME = /^(?:token|pat|pat[-_]?token|[\w-]+[-_]pat|access[-_]?token|personal[-_]?access[-_]?token|repo[-_]?token|gh[-_]?(?:token|pat)|[\w-]*github[-_]?(?:token|pat)[\w-]*)$/i
/** Input names that, read by the source, name the repository its calls go to. */
const REPOSITORY_INPUT = /^(?:repo|repository|target[-_]?repo(?:sitory)?|owner[-_]?repo|repo[-_]?name)$/i

/** How an action's source names the repository running the workflow. */
const THIS_REPOSITORY = /\bcontext\.repo\b|\bGITHUB_REPOSITORY\b|\bcontext\.payload\.repository\b|\{[^{}]*\brepo\b[^{}]*\}\s*=\s*(?:github\.)?context\b/

/** A composite action's metadata kept for the step analysis, at most (real ones are a few kilobytes). */
const MAX_COMPOSITE_CHARS = 64 * 1024

/** Past this, a line is a minifier's, not a person's. */
const MINIFIED_LINE = 2000
/** Environment variables a source reads that carry a GitHub token by their name. */
const TOKEN_ENV = /^(?:GH|GITHUB)_(?:TOKEN|PAT)$|^GH_PAT$|(?:^|_)PAT$|_TOKEN$/

const SOURCE_FILE = /\.(?:[cm]?[jt]s)$/
const NOT_SOURCE = /(?:^|\/)(?:node_modules|__tests__|__mocks__|test|tests|coverage|fixtures?)\/|\.(?:test|spec|d)\.[cm]?[jt]s$|(?:^|\/)(?:test-?utils?|mocks?)\.[cm]?[jt]s$/
/** Where bundlers put what `runs.main` points at: the source is elsewhere. */
const BUNDLE_DIR = /^(?:dist|distribution|bundle|lib|build|out)\//

/**
 * The files the action runs: its entry (`runs.main`) and what that loads, relative to it, when the
 * entry is source; the files under `src/` when the entry is a bundle (`dist/index.js`), since a
 * bundle holds every route string of the libraries it packs. Repository scripts, tests and
 * configuration are not the action.
 */
function runtimeSources(files: readonly SourceFile[], dir: string, main: string): SourceFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]))
  const within = (p: string) => (dir && p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : p)
  const entry = normalise(dir, main.replace(/^\.\//, ''))
  if (main && !BUNDLE_DIR.test(within(entry))) {
    // An entry too large to read here is a bundle under another name; its source is looked for below.
    const own = loaded(byPath, [entry])
    if (own.length) return own
  }
  const src = files.filter((f) => SOURCE_FILE.test(f.path) && !NOT_SOURCE.test(within(f.path)))
  const under = (root: string) => src.filter((f) => f.path.startsWith(root))
  // All of `src/` rather than what its entry imports: an alias or a dynamic import would hide a call.
  for (const root of [join(dir, 'src/'), ...(dir ? [`src/${dir}/`] : []), 'src/']) if (under(root).length) return under(root)
  // No `src/`: the source of `dist/NAME.js` is `NAME.ts` or `NAME.js` beside action.yml, or the
  // compiler's per-file output in `lib/` (which, unlike a bundle, holds no library's code).
  const stem = main.replace(/^(?:\.\.?\/)+/, '').replace(BUNDLE_DIR, '').replace(/\.[cm]?[jt]s$/, '')
  const bundleDir = BUNDLE_DIR.exec(within(entry))?.[0]
  const compiled = bundleDir === 'lib/' ? null : join(dir, 'lib/')
  const starts = [join(dir, stem), ...(compiled ? [compiled + stem] : [])]
  const readable = (f: SourceFile) => !NOT_SOURCE.test(within(f.path)) && (!BUNDLE_DIR.test(within(f.path)) || (!!compiled && f.path.startsWith(compiled)))
  const fromStem = loaded(byPath, starts).filter(readable)
  if (fromStem.length) return fromStem
  // Else every script beside action.yml (`main.js` built into `dist/index.js`), tool configuration aside.
  const inDir = (path: string) => !dir || path.startsWith(`${dir}/`)
  const beside = src.filter((f) => inDir(f.path) && !within(f.path).includes('/') && !TOOL_CONFIG.test(within(f.path)))
  return loaded(byPath, beside.map((f) => f.path)).filter(readable)
}

/** Scripts beside an action's metadata that configure its build, lint or tests, not the action. */
const TOOL_CONFIG = /^(?:\.|[\w-]+\.config\.|(?:jest|babel|rollup|webpack|eslint|prettier|commitlint|vite|vitest|tsup|esbuild|gulpfile|Gruntfile)\b)/i

/** The files `starts` load through relative imports, themselves included (200 at most). */
function loaded(byPath: ReadonlyMap<string, SourceFile>, starts: readonly string[]): SourceFile[] {
  const out: SourceFile[] = []
  const queue = [...starts]
  const seen = new Set<string>()
  while (queue.length && out.length < 200) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    const file = ['', '.js', '.ts', '.mjs', '.mts', '.cjs', '.cts', '/index.js', '/index.ts'].map((ext) => byPath.get(path + ext)).find(Boolean)
    if (!file) continue
    out.push(file)
    const base = file.path.split('/').slice(0, -1).join('/')
    for (const m of file.text.matchAll(/\b(?:require\s*\(|import\s*\(|from)\s*(['"`])(\.{1,2}\/[^'"`]+)\1/g)) queue.push(normalise(base, m[2]))
  }
  return out
}

/** `base/../x` -> a path inside the repository. */
function normalise(base: string, rel: string): string {
  const parts = base ? base.split('/') : []
  for (const part of rel.replace(/\.[cm]?[jt]s$/, '').split('/')) {
    if (part === '.' || part === '') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/** The directory of the action inside its repository: `babel/actions/create-comment` -> `create-comment`. */
function actionDir(uses: string): string {
  return uses.split('/').slice(2).join('/')
}

function join(dir: string, path: string): string {
  return (dir ? `${dir}/${path}` : path).replace(/^\.\//, '').replace(/\/\.\//g, '/')
}

/** Line numbers by offset, from one pass over the text: a fetched file may hold thousands of calls. */
function lineFinder(text: string): (index: number) => number {
  const newlines: number[] = []
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i)
  return (index) => firstAtLeast(newlines, index) + 1
}

function merge(into: PermissionSet, from: PermissionSet): void {
  for (const [k, v] of Object.entries(from)) if (!into[k] || levelRank(v) > levelRank(into[k])) into[k] = v
}

/** A route template from a request string: `POST /repos/${owner}/${repo}/dispatches` -> `/repos/{owner}/{repo}/dispatches`. */
function templateOf(path: string): string {
  return path.replace(/\$\{[^}]*\}/g, '{x}').replace(/\{[^}/]*\}/g, '{x}')
}

/** The GitHub calls of one source file. */
function callsIn(file: SourceFile, out: DerivedAction, defined: ReadonlySet<string>): void {
  const { text, path } = file
  const lineOf = lineFinder(text)
  const at = (index: number) => `${path}:${lineOf(index)}`
  // A chain may break across lines (`client.rest.issues\n  .createComment(`), as formatters write it.
  for (const m of text.matchAll(/\.(?:rest\s*\.\s*)?([a-z][a-zA-Z]+)\s*\.\s*([a-z][a-zA-Z]+)(?:\.endpoint\.merge)?\s*\(/g)) {
    const key = `${m[1]}.${m[2]}`
    const route = OCTOKIT_ROUTES[key]
    if (!route) {
      // `.rest.x.y(` is octokit for certain; `a.b.c(` elsewhere is any object's method.
      if (/^\.rest\s*\./.test(m[0])) out.unseen.push({ what: `octokit method ${key} is not in octokit's route table`, at: at(m.index!) })
      continue
    }
    addRoute(route, at(m.index!), out, draftIn(text, m.index! + m[0].length))
  }
  // A method named but not called here (`const list = octokit.repos.listTags`) is called elsewhere.
  for (const m of text.matchAll(/\b(?:octokit|github|client|\w+\.rest)\??\.(?:rest\.)?([a-z][a-zA-Z]+)\.([a-z][a-zA-Z]+)\b(?!\s*\(|\.endpoint|\s*[.=])/g)) {
    const route = OCTOKIT_ROUTES[`${m[1]}.${m[2]}`]
    // One handed to paginate is counted with the paginate call below.
    if (route && !/paginate(?:\.iterator)?\s*\(\s*(?:[\w$]+\??\.)*$/.test(text.slice(Math.max(0, m.index! - 200), m.index!))) addRoute(route, at(m.index!), out)
  }
  for (const m of text.matchAll(/(?<!\bhttps?)\.(?:request|paginate(?:\.iterator)?)\s*\(\s*([^,)]{0,300})/g)) {
    const route = literalRoute(m[1], text)
    if (route) addRoute(route, at(m.index!), out)
    else {
      // `paginate(this.octokit.rest.pulls.listFiles, …)`: the method named as an argument.
      const arg = m[1].trim()
      const method = /\b([a-z][a-zA-Z]+)\.([a-z][a-zA-Z]+)$/.exec(arg)
      const named = method ? OCTOKIT_ROUTES[`${method[1]}.${method[2]}`] : undefined
      if (named) addRoute(named, at(m.index!), out)
      // `.x.y.endpoint.merge(…)`, inline or assigned to the variable given, is read where it is written.
      else if (/\.endpoint(?:\.merge)?\s*\(/.test(arg) || (/^\w+$/.test(arg) && new RegExp(`\\b${arg}\\s*=[^;]{0,200}\\.endpoint(?:\\.merge)?\\s*\\(`).test(text))) continue
      else out.unseen.push({ what: `a request whose route is built at run time (${m[1].trim().slice(0, 60)})`, at: at(m.index!) })
    }
  }
  // `octokit.graphql(…)`, and @octokit/graphql's `graphql(…)` or tagged template.
  for (const m of text.matchAll(/\bgraphql\s*(?:\(|`)/g)) out.unseen.push({ what: 'a GraphQL call (GitHub publishes no permission map for GraphQL)', at: at(m.index!) })
  for (const m of text.matchAll(RUNS_PROGRAM)) {
    const program = m[2]
    const sub = /^\s*,\s*\[\s*(['"`])([\w-]+)\1/.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 200))?.[2]
    if (program === 'git' && sub && GIT_LOCAL.has(sub)) continue
    const what = program === 'git' ? (sub ? `git ${sub}` : 'git with arguments built at run time') : program
    out.unseen.push({ what: `runs ${what}, which may use the token (what it reaches is not read)`, at: at(m.index!) })
  }
  // A script of its own started by a path built at run time (`exec(`${root}/backport.sh`, …)`).
  if (STARTS_PROCESSES.test(text)) {
    for (const m of text.matchAll(/(?:^|[^.\w$])(?:exec|execSync|execa|spawn|spawnSync|execFile|execFileSync|getExecOutput)\s*\(\s*(`[^`]*\$\{[^`]*`|path\.(?:join|resolve)\([^()]*\))/g)) {
      if (/\.(?:sh|bash|py|ps1|rb|pl)\b/.test(m[1])) out.unseen.push({ what: `runs a script of its own (${m[1].slice(0, 60)}), which may use the token (what it does is not read)`, at: at(m.index!) })
    }
  }
  for (const m of text.matchAll(/['"`]git (push|clone|fetch|pull|ls-remote)\b/g)) out.unseen.push({ what: `runs git ${m[1]}, which may use the token (what it reaches is not read)`, at: at(m.index!) })
  // A git library does what `git push` does, through calls of its own.
  for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])(simple-git|isomorphic-git|nodegit)\1/g)) out.unseen.push({ what: `uses the git library ${m[2]}, which may push or fetch with the token (what it reaches is not read)`, at: at(m.index!) })
  // A source that starts processes and writes a push, a remote or a credential into a command
  // built at run time (`${git.command} push --force origin …`) may push with a stored credential.
  if (STARTS_PROCESSES.test(text)) {
    // git's arguments as an array handed to a helper: `execGit(['push', …])`.
    for (const m of text.matchAll(/\[\s*(['"`])(push|clone|fetch|pull|ls-remote)\1/g)) out.unseen.push({ what: `runs git ${m[2]} through a helper (what it reaches is not read)`, at: at(m.index!) })
    for (const m of text.matchAll(/`[^`\n]*\$\{[^`\n]*\b(push|clone|fetch|pull|ls-remote|remote set-url)\b[^`\n]*`/g)) {
      out.unseen.push({ what: `runs a command built at run time that does ${m[1]} (what it reaches is not read)`, at: at(m.index!) })
    }
  }
  for (const m of text.matchAll(SENDS_CREDENTIAL)) out.unseen.push({ what: 'an HTTP request carrying a credential (its URL is not read)', at: at(m.index!) })
  for (const h of tokenHandoffs(text, out.tokenInputs.map((t) => t.name), TOKEN_ENV, defined)) {
    out.unseen.push({ what: `hands the token to ${h.callee}(…) (what that code does with it is not read)`, at: at(h.index) })
  }
}

/** A subprocess started with a program that can use a GitHub token: `exec('git', …)`, `spawn("gh", …)`. */
const RUNS_PROGRAM = /\b(?:exec|execSync|execa|spawn|spawnSync|execFile|execFileSync|getExecOutput)\s*\(\s*(['"`])(git|gh|hub|curl|wget|npm|npx|yarn|pnpm|docker|bash|sh|zsh|pwsh|powershell|python3?|node|ruby|perl|make|[\w./-]+\.(?:sh|py|ps1|rb|pl))\1/g
/** Node's ways of starting a process: child_process, @actions/exec, execa, shelljs. */
const STARTS_PROCESSES = /\bchild_process\b|@actions\/exec|\bexeca\b|\bshelljs\b/
/** git subcommands that work on the local repository only: the token plays no part. */
const GIT_LOCAL: ReadonlySet<string> = new Set(['config', 'init', 'checkout', 'switch', 'add', 'rm', 'mv', 'commit', 'status', 'log', 'diff', 'show', 'rev-parse', 'rev-list', 'tag', 'branch', 'reset', 'restore', 'merge-base', 'describe', 'symbolic-ref', 'cat-file', 'ls-files', 'stash', 'clean', 'apply', 'am', 'format-patch', 'notes', 'update-index', 'hash-object', 'write-tree', 'read-tree'])
/** An Authorization header, or tool-cache's download with its auth argument. */
const SENDS_CREDENTIAL = /\b[Aa]uthorization['"`]?\s*(?::|=(?!=))|\bdownloadTool\s*\([^,)]+,[^,)]*,\s*[^\s)]/g

/** Whether the argument object opening at `from` says `draft: true` (up to its closing `})`, 2,000 characters at most). */
function draftIn(text: string, from: number): boolean {
  const args = text.slice(from, from + 2000)
  const end = args.indexOf('})')
  return /^\s*\{/.test(args) && /\bdraft\s*:\s*true\b/.test(end < 0 ? args : args.slice(0, end))
}

/**
 * The route a request's first argument names: `'GET /repos/{owner}/{repo}'`, or `` `PATCH ${url}` ``
 * where the same file says `const url = \`/repos/…\``. Null when it is built any other way.
 */
function literalRoute(arg: string, text: string): string | null {
  const literal = /^(['"`])([A-Z]+)\s+(\/[^'"`]*)\1$/.exec(arg.trim())
  if (literal) return `${literal[2]} ${literal[3]}`
  const named = /^`([A-Z]+)\s+\$\{(\w+)\}`$/.exec(arg.trim())
  if (!named) return null
  const values = [...text.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${named[2]}\\s*=\\s*(['"\`])(\\/[^'"\`\\n]*)\\1`, 'g'))]
  return values.length === 1 ? `${named[1]} ${values[0][2]}` : null
}

const escapeRegExp = (v: string) => v.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

/** Whether source text names input `name`: quoted (`getInput('name')`) or as the runner's `INPUT_NAME` variable. */
function namesInput(text: string, name: string): boolean {
  const quoted = new RegExp(`(['"\`])${escapeRegExp(name)}\\1`, 'i')
  const variable = new RegExp(`\\bINPUT_${escapeRegExp(name.toUpperCase().replace(/ /g, '_'))}\\b`)
  return quoted.test(text) || variable.test(text)
}

function addRoute(route: string, at: string, out: DerivedAction, draft = false): void {
  const [verb, path] = route.split(' ')
  const match = lookupEndpoint(verb, templateOf(path))
  if (!match) {
    out.unseen.push({ what: `${route} is not in GitHub's fine-grained permission map`, at })
    return
  }
  out.calls.push({ route: match.template, permissions: match.permissions, at, ...(draft && /\/releases$/.test(match.template) ? { draft: true as const } : {}), ...(match.appOnly ? { appOnly: true as const } : {}) })
}

/** Derives the facts of action `uses` (`owner/repo[/path]`) from its repository's files at `commit`. */
export function deriveAction(uses: string, commit: string, files: readonly SourceFile[]): DerivedAction {
  const dir = actionDir(uses)
  const byPath = new Map(files.map((f) => [f.path, f]))
  const out: DerivedAction = { uses, commit, runs: 'unknown', tokenInputs: [], tokenEnv: [], calls: [], unseen: [], files: [] }
  const metadata = byPath.get(join(dir, 'action.yml')) ?? byPath.get(join(dir, 'action.yaml'))
  if (!metadata) {
    out.unseen.push({ what: 'no action.yml', at: join(dir, 'action.yml') })
    return out
  }
  out.files.push(metadata.path)
  let doc: { inputs?: Record<string, { default?: unknown } | null>; runs?: { using?: unknown; main?: unknown } }
  try {
    doc = (parse(metadata.text) ?? {}) as typeof doc
  } catch (e) {
    out.unseen.push({ what: `action.yml is not valid YAML: ${(e as Error).message.split('\n')[0]}`, at: metadata.path })
    return out
  }
  const inputs = doc.inputs && typeof doc.inputs === 'object' ? doc.inputs : {}
  for (const [name, spec] of Object.entries(inputs)) {
    const def = spec && typeof spec === 'object' ? String(spec.default ?? '') : ''
    if (TOKEN_DEFAULT.test(def) || TOKEN_NAME.test(name)) out.tokenInputs.push({ name, defaultsToGithubToken: TOKEN_DEFAULT.test(def) })
  }
  out.runs = typeof doc.runs?.using === 'string' ? doc.runs.using : 'unknown'
  if (out.runs === 'composite' && metadata.text.length <= MAX_COMPOSITE_CHARS) {
    out.composite = metadata.text
    return out
  }
  if (!/^node\d+$/.test(out.runs)) {
    out.unseen.push({ what: `a ${out.runs} action: its steps or image are not read here`, at: metadata.path })
    return out
  }
  const sources = runtimeSources(files, dir, typeof doc.runs?.main === 'string' ? doc.runs.main : '')
  if (!sources.length) {
    out.unseen.push({ what: `only the bundle ${String(doc.runs?.main ?? '')} ships, no source to read`, at: metadata.path })
    return out
  }
  let namesThisRepository = false
  const defined = definedFunctions(sources.map((f) => f.text))
  for (const f of sources) {
    out.files.push(f.path)
    // A minified file is a bundle under another name: it holds the routes of what it packs.
    if (f.text.split('\n').some((line) => line.length > MINIFIED_LINE)) {
      out.unseen.push({ what: 'a minified bundle, whose own calls cannot be told from the libraries it packs', at: f.path })
      continue
    }
    for (const m of f.text.matchAll(/process\.env(?:\.|\[\s*['"`])([A-Z][A-Z0-9_]*)/g)) if (TOKEN_ENV.test(m[1]) && !out.tokenEnv.includes(m[1])) out.tokenEnv.push(m[1])
    callsIn(f, out, defined)
    // The input naming a repository, read as `getInput('repo')`.
    for (const m of f.text.matchAll(/getInput\s*\(\s*(['"`])([\w-]+)\1/g)) {
      if (REPOSITORY_INPUT.test(m[2]) && m[2] in inputs) out.repositoryInput = m[2]
    }
    if (THIS_REPOSITORY.test(f.text)) namesThisRepository = true
  }
  // A token input no file read names is read by code the action loads from a package (a helper
  // library that calls getInput itself): what that code does with it is not read here.
  for (const t of out.tokenInputs) {
    if (!sources.some((f) => namesInput(f.text, t.name))) out.unseen.push({ what: `its token input \`${t.name}\` is read by no file read here: code it loads from a package reads it`, at: metadata.path })
  }
  // A token read where no call, command or hand-off that uses it is read (given to a library as
  // an object's field, to a program as an argument): what it is for is not read.
  if (out.tokenInputs.length && !out.calls.length && !out.unseen.length) {
    out.unseen.push({ what: `reads its token input \`${out.tokenInputs[0].name}\`, but no GitHub call, git command or hand-off of it is read here`, at: out.files[1] ?? metadata.path })
  }
  // Calls go to this repository only where the source says so; else where they go is not read.
  if (out.calls.length && !namesThisRepository && !out.repositoryInput) out.unseen.push({ what: 'the repository its calls go to (neither context.repo nor GITHUB_REPOSITORY is read)', at: out.files[1] ?? metadata.path })
  return out
}

/**
 * Whether reading the source told anything beyond action.yml: a composite's steps, or source files.
 * An entry that read nothing (a bundle only, a docker action) is no knowledge: the action stays
 * unknown, and what its inputs say about where it acts still counts.
 */
export function readSomething(action: DerivedAction): boolean {
  return !!action.composite || action.files.length > 1
}

/**
 * What the analysis takes from an entry, without where it was read: two versions with the same
 * facts decide every use alike (line numbers and files move between releases; behaviour may not).
 */
export function factsOf(action: DerivedAction): string {
  const calls = [...new Set(action.calls.map((c) => JSON.stringify([c.route, c.permissions, !!c.draft, !!c.appOnly])))].sort()
  const unseen = [...new Set(action.unseen.map((u) => u.what))].sort()
  const inputs = [...action.tokenInputs].sort((a, b) => a.name.localeCompare(b.name))
  return JSON.stringify([readSomething(action), inputs, [...action.tokenEnv].sort(), action.repositoryInput ?? null, calls, unseen, action.composite ?? null])
}

/** The permissions all of an action's calls need together. */
export function derivedPermissions(action: DerivedAction): PermissionSet {
  const all: PermissionSet = {}
  for (const c of action.calls) merge(all, c.permissions)
  return all
}
