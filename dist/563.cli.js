export const id = 563;
export const ids = [563];
export const modules = {

/***/ 1563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInventoryCommand: () => (/* binding */ runInventoryCommand)
});

// UNUSED EXPORTS: InventoryUsageError

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/inventory/format.ts

/** Repositories named in one table cell; the rest are counted. */
const CELL_REPOSITORIES = 5;
function listed(items, max = CELL_REPOSITORIES) {
    if (!items.length)
        return '—';
    const shown = items.slice(0, max).map(report_escape/* escapeMarkdown */.FV).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
function permissions(p) {
    const entries = Object.entries(p).filter(([k]) => k !== 'metadata').sort(([a], [b]) => a.localeCompare(b));
    return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(', ') : 'none';
}
function flags(s) {
    const out = [];
    const add = (label, where) => where.length && out.push(`${label} in ${listed(where, 3)}`);
    add('over-scoped', s.overScopedIn);
    add('classic', s.classicIn);
    add('never expires', s.neverExpiresIn);
    add('declared, unused', s.unusedIn);
    add('undeclared', s.undeclaredIn);
    add('undecided', s.undecidedIn);
    return out.join('; ') || '—';
}
function formatInventoryMarkdown(inv) {
    const lines = ['## pat-lint inventory', ''];
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    lines.push(`${count(inv.repositories.length, 'repository', 'repositories')} read, ${count(inv.secrets.length, 'secret', 'secrets')} used as GitHub tokens, ${count(inv.failures.length, 'repository or report', 'repositories or reports')} not read.`, '');
    if (inv.secrets.length) {
        lines.push('### Secrets', '', '| Owner | Secret | Repositories | Uses | Needs (fine-grained) | Classic scopes | Reaches | GITHUB_TOKEN would do in | Flags |', '| --- | --- | --- | ---: | --- | --- | --- | --- | --- |');
        for (const s of inv.secrets) {
            const scopes = s.minimalScopes.length ? s.minimalScopes.join(', ') : 'none';
            lines.push(`| ${(0,report_escape/* escapeMarkdown */.FV)(s.owner)} | ${(0,report_escape/* markdownCode */.D9)(s.secret)} | ${listed(s.repositories.map((r) => r.repository))} | ${s.uses} | ${permissions(s.minimal)} | ${(0,report_escape/* escapeMarkdown */.FV)(scopes)} | ${listed(s.reaches)} | ${listed(s.githubTokenWouldDoIn)} | ${flags(s)} |`);
        }
        lines.push('');
    }
    const replaceable = inv.secrets.filter((s) => s.githubTokenWouldDoIn.length && !s.patNeededIn.length && !s.undecidedIn.length);
    if (replaceable.length) {
        lines.push('### Secrets GITHUB_TOKEN could replace everywhere', '', 'Every use of these, in every repository read, is one the workflow\'s own token can make: set the `permissions:` each report gives and revoke the token.', '');
        for (const s of replaceable)
            lines.push(`- ${(0,report_escape/* markdownCode */.D9)(s.secret)} (${(0,report_escape/* escapeMarkdown */.FV)(s.owner)}): ${listed(s.githubTokenWouldDoIn)}`);
        lines.push('');
    }
    if (inv.grants) {
        lines.push('### Fine-grained token grants', '', 'As GitHub lists them to the organization, each beside what the workflows need of the secret of the same name (matched by name: GitHub does not say which secret holds a token).', '');
        if (!inv.grants.length)
            lines.push('No fine-grained token has access to the organization\'s resources.', '');
        else {
            lines.push('| Organization | Token | Owner | Repositories | Permissions | Expires | Last used | Secret | Needed | Beyond need |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
            for (const g of inv.grants) {
                const granted = Object.entries({ ...g.permissions.repository, ...g.permissions.organization }).filter(([k]) => k !== 'metadata').map(([k, v]) => `${k}: ${v}`).sort().join(', ') || 'none';
                const repos = g.repositories === 'all' ? 'all' : String(g.repositories.length);
                const expires = g.expired ? 'expired' : g.expiresAt ? (0,report_escape/* escapeMarkdown */.FV)(g.expiresAt.slice(0, 10)) : '**never**';
                const needed = g.needs ? `${g.needs.repositories.length} repositories; ${permissions(g.needs.permissions)}` : '—';
                const beyond = g.excess ? [g.excess.repositories === 'all' ? 'every repository' : g.excess.repositories ? `${g.excess.repositories} repositories` : '', ...g.excess.permissions.map(report_escape/* escapeMarkdown */.FV)].filter(Boolean).join('; ') || 'nothing' : '—';
                lines.push(`| ${(0,report_escape/* escapeMarkdown */.FV)(g.organization)} | ${(0,report_escape/* markdownCode */.D9)(g.tokenName)} | ${(0,report_escape/* escapeMarkdown */.FV)(g.owner)} | ${repos} | ${(0,report_escape/* escapeMarkdown */.FV)(granted)} | ${expires} | ${g.lastUsedAt ? (0,report_escape/* escapeMarkdown */.FV)(g.lastUsedAt.slice(0, 10)) : 'never'} | ${g.matchedSecret ? (0,report_escape/* markdownCode */.D9)(g.matchedSecret) : 'none matched'} | ${needed} | ${beyond} |`);
            }
            lines.push('');
        }
    }
    if (inv.failures.length) {
        lines.push('### Not read', '', '| Repository | Source | Reason |', '| --- | --- | --- |');
        for (const f of inv.failures)
            lines.push(`| ${f.repository ? (0,report_escape/* escapeMarkdown */.FV)(f.repository) : '—'} | ${(0,report_escape/* markdownCode */.D9)(f.source)} | ${(0,report_escape/* escapeMarkdown */.FV)(f.reason)} |`);
        lines.push('');
    }
    for (const n of inv.notices)
        lines.push(`> ${(0,report_escape/* escapeMarkdown */.FV)(n)}`, '');
    return lines.join('\n');
}
/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with a quote mark
 * (OWASP's advice on CSV injection).
 */
function csvCell(value) {
    let text = value === null ? '' : (0,report_escape/* stripControl */.kU)(String(value)).replace(/\r\n?/g, '\n');
    if (/^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const CSV_COLUMNS = ['owner', 'secret', 'repository', 'uses', 'declared', 'github_token_would_do', 'needs', 'classic_scopes', 'reaches', 'type', 'expires_in', 'findings'];
/** One row per secret and repository. */
function formatInventoryCsv(inv) {
    const rows = [CSV_COLUMNS.join(',')];
    for (const s of inv.secrets) {
        for (const r of s.repositories) {
            const findings = Object.entries(r.findings).map(([rule, n]) => `${rule}:${n}`).join(' ');
            const verdict = r.uses === 0 ? '' : r.githubTokenWouldDo === null ? 'undecided' : String(r.githubTokenWouldDo);
            rows.push([s.owner, s.secret, r.repository, r.uses, r.declared, verdict, permissions(r.minimal), r.minimalScopes.join(' '), r.reaches.join(' '), r.type, r.expiresIn, findings].map(csvCell).join(','));
        }
    }
    return rows.join('\n') + '\n';
}
function formatInventoryJson(inv) {
    return JSON.stringify(inv, null, 2) + '\n';
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 5 modules
var schemas = __webpack_require__(6723);
// EXTERNAL MODULE: ./src/knowledge/classic-scopes.ts
var classic_scopes = __webpack_require__(9372);
// EXTERNAL MODULE: ./src/knowledge/permissions.ts + 1 modules
var knowledge_permissions = __webpack_require__(6928);
;// CONCATENATED MODULE: ./src/inventory/model.ts
const INVENTORY_VERSION = 1;

;// CONCATENATED MODULE: ./src/inventory/grants.ts
/**
 * Fine-grained token grants joined with the inventory (issue 20): GitHub lists each token's name,
 * owner, repositories and permissions, but not the secret holding it. A grant is matched to the
 * organization's secret of the same name (case and separators aside, and a trailing _PAT or
 * _TOKEN on either), the only link the two share; the report says "matched by name" and lists
 * the grants no secret matches rather than guess.
 */

/** A name as it is compared: upper case, runs of other characters as one _, no trailing _PAT/_TOKEN. */
function nameKey(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/_(?:PAT|TOKEN|GH_TOKEN|GITHUB_TOKEN)$/, '');
}
/** Permissions granted above the level needed (metadata, which every grant has, aside). */
function excessPermissions(granted, needed) {
    return Object.entries(granted)
        .filter(([perm, level]) => perm !== 'metadata' && (0,knowledge_permissions/* levelRank */.Le)(level) > (0,knowledge_permissions/* levelRank */.Le)(needed[perm] ?? ''))
        .map(([perm, level]) => `${perm}: ${level}`)
        .sort();
}
function joinGrants(files, secrets) {
    const out = [];
    for (const file of files) {
        const byName = new Map();
        for (const s of secrets)
            if (s.owner.toLowerCase() === file.organization.toLowerCase())
                byName.set(nameKey(s.secret), s);
        for (const grant of file.grants) {
            const secret = byName.get(nameKey(grant.tokenName)) ?? null;
            const needs = secret ? { repositories: secret.reaches, permissions: secret.minimal } : null;
            let excess = null;
            if (needs) {
                const beyond = grant.repositories === 'all' ? 'all' : grant.repositories.filter((r) => !needs.repositories.some((n) => n.toLowerCase() === r.toLowerCase())).length;
                excess = { repositories: beyond, permissions: excessPermissions({ ...grant.permissions.repository, ...grant.permissions.organization }, needs.permissions) };
            }
            out.push({ ...grant, organization: file.organization, matchedSecret: secret?.secret ?? null, needs, excess });
        }
    }
    return out.sort((a, b) => a.organization.localeCompare(b.organization) || a.tokenName.localeCompare(b.tokenName) || a.id - b.id);
}

;// CONCATENATED MODULE: ./src/inventory/merge.ts
/**
 * Merges repositories' JSON reports (`pat-lint --format json`, `pat-lint scan`) into the
 * inventory. Reports come from many runs and are read as untrusted input: each is checked against
 * the part of the report schema the merge reads, and one that fails is listed with the reason,
 * never dropped and never fatal. A repository reported twice counts once (the last report wins).
 */






/** Long enough for any name GitHub allows; past it, text is not a name. */
const NAME = schemas/* string */.YjP().min(1).max(200);
const LEVEL = schemas/* enum */.k5n(['read', 'write', 'admin']);
const TokenSchema = schemas/* object */.Ikc({
    secret: NAME,
    declared: schemas/* boolean */.zMY(),
    githubTokenWouldDo: schemas/* boolean */.zMY().nullable(),
    minimal: schemas/* record */.g1P(NAME, LEVEL),
    minimalScopes: schemas/* array */.YOg(NAME),
    repositories: schemas/* array */.YOg(NAME),
    ownRepository: schemas/* boolean */.zMY(),
    type: schemas/* enum */.k5n(['fine-grained', 'classic']).nullable(),
    requested: schemas/* object */.Ikc({ expiresIn: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* literal */.euz('none')]).optional() }).nullable(),
    uses: schemas/* array */.YOg(schemas/* object */.Ikc({ file: schemas/* string */.YjP().max(1000), line: schemas/* number */.aig(), target: schemas/* string */.YjP().max(1000).nullable(), githubTokenWouldDo: schemas/* boolean */.zMY().nullable() })),
});
const ReportSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    repository: NAME.nullable(),
    tokens: schemas/* array */.YOg(TokenSchema),
    findings: schemas/* array */.YOg(schemas/* object */.Ikc({ rule: NAME, secret: NAME.optional() })),
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()),
});
/** What `pat-lint scan` writes for a repository it could not lint (deleted, archived away, unreadable). */
const FailureSchema = schemas/* object */.Ikc({ version: schemas/* literal */.euz(1), repository: NAME.nullable(), failed: schemas/* string */.YjP().max(2000) });
const PERMISSIONS = schemas/* record */.g1P(NAME, schemas/* string */.YjP().max(20));
const GrantsSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    organization: NAME,
    grants: schemas/* array */.YOg(schemas/* object */.Ikc({
        id: schemas/* number */.aig(),
        owner: NAME,
        tokenName: schemas/* string */.YjP().max(200),
        repositories: schemas/* union */.KCZ([schemas/* literal */.euz('all'), schemas/* array */.YOg(NAME)]),
        permissions: schemas/* object */.Ikc({ repository: PERMISSIONS, organization: PERMISSIONS }),
        expired: schemas/* boolean */.zMY(),
        expiresAt: schemas/* string */.YjP().max(40).nullable(),
        lastUsedAt: schemas/* string */.YjP().max(40).nullable(),
    })),
});
/** The input's JSON, or the failure that says it is not JSON. */
function parseJson({ source, text }) {
    try {
        return { json: JSON.parse(text) };
    }
    catch (e) {
        return { repository: null, source, reason: `not JSON: ${(0,report_escape/* oneLine */.TN)(e.message).slice(0, 200)}` };
    }
}
/** A grants file (`pat-lint grants`), or why it is not one. */
function readGrants(input) {
    const { source } = input;
    const read = parseJson(input);
    if ('reason' in read)
        return read;
    const parsed = GrantsSchema.safeParse(read.json);
    return parsed.success ? parsed.data : { repository: null, source, reason: `not a pat-lint grants file: ${(0,report_escape/* oneLine */.TN)(problem(parsed.error)).slice(0, 200)}` };
}
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
/** The reason a parse failed, in one line: the first problem zod names, with its path. */
function problem(e) {
    const first = e.issues[0];
    return first ? `${first.path.join('.') || 'the report'}: ${first.message}` : 'not a pat-lint report';
}
/** Reads one input as a report (kept in its reduced form) or a scan failure; anything else is a failure of its own. */
function readOne(input) {
    const { source } = input;
    const read = parseJson(input);
    if ('reason' in read)
        return read;
    const json = read.json;
    const failed = FailureSchema.safeParse(json);
    if (failed.success)
        return { repository: failed.data.repository, source, reason: (0,report_escape/* oneLine */.TN)(failed.data.failed) };
    const parsed = ReportSchema.safeParse(json);
    if (!parsed.success)
        return { repository: null, source, reason: `not a pat-lint report of version ${INVENTORY_VERSION}: ${(0,report_escape/* oneLine */.TN)(problem(parsed.error)).slice(0, 200)}` };
    const repository = parsed.data.repository;
    if (!repository || !REPOSITORY.test(repository))
        return { repository: null, source, reason: 'the report names no repository (lint with --repository OWNER/NAME)' };
    const report = { ...parsed.data, repository };
    return { source, repository, tokens: report.tokens.length, findings: report.findings.length, errors: report.errors.length, secrets: report.tokens.map((t) => inRepository(report, t)) };
}
function merged(into, more) {
    for (const [perm, level] of Object.entries(more))
        into[perm] = (0,knowledge_permissions/* maxLevel */.Lf)(into[perm], level);
    return into;
}
const sorted = (items) => [...new Set(items)].sort((a, b) => a.localeCompare(b));
/** A secret's part in one report. */
function inRepository(report, token) {
    const findings = {};
    for (const f of report.findings)
        if (f.secret === token.secret)
            findings[f.rule] = (findings[f.rule] ?? 0) + 1;
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
    };
}
function secretOf(owner, secret, parts) {
    const where = (test) => parts.filter(test).map((p) => p.repository);
    const minimal = {};
    for (const p of parts)
        merged(minimal, p.minimal);
    return {
        owner,
        secret,
        repositories: parts,
        uses: parts.reduce((n, p) => n + p.uses, 0),
        minimal,
        minimalScopes: (0,classic_scopes/* normaliseScopes */.Y)(parts.flatMap((p) => p.minimalScopes)),
        reaches: sorted(parts.flatMap((p) => p.reaches)),
        githubTokenWouldDoIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === true),
        patNeededIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === false),
        undecidedIn: where((p) => p.uses > 0 && p.githubTokenWouldDo === null),
        classicIn: where((p) => p.type === 'classic'),
        neverExpiresIn: where((p) => p.expiresIn === 'none'),
        unusedIn: where((p) => p.declared && p.uses === 0),
        overScopedIn: where((p) => (p.findings['over-scoped-request'] ?? 0) > 0),
        undeclaredIn: where((p) => !p.declared && p.uses > 0),
    };
}
/**
 * The inventory of `inputs`, each a report or a scan failure as text. Inputs are read one at a
 * time and only what the inventory needs is kept, so thousands of reports fit in memory.
 */
function mergeReports(inputs, grantInputs = []) {
    const byRepository = new Map();
    const failures = [];
    const notices = [];
    for (const input of inputs) {
        const read = readOne(input);
        if ('reason' in read) {
            failures.push(read);
            continue;
        }
        const key = read.repository.toLowerCase();
        const earlier = byRepository.get(key);
        if (earlier)
            notices.push(`${read.repository} is reported twice (${earlier.source}, ${read.source}): the last one counts`);
        byRepository.set(key, read);
    }
    // Secret names are case-insensitive on GitHub (stored in upper case): one key per owner and name.
    const bySecret = new Map();
    for (const report of byRepository.values()) {
        const owner = report.repository.split('/')[0];
        for (const part of report.secrets) {
            const secret = part.secret.toUpperCase();
            const key = `${owner.toLowerCase()}\u0000${secret}`;
            const entry = bySecret.get(key) ?? { owner, secret, parts: [] };
            entry.parts.push(part);
            bySecret.set(key, entry);
        }
    }
    const secrets = [...bySecret.values()]
        .map((e) => secretOf(e.owner, e.secret, e.parts.sort((a, b) => a.repository.localeCompare(b.repository))))
        .sort((a, b) => a.owner.localeCompare(b.owner) || a.secret.localeCompare(b.secret));
    const repositories = [...byRepository.values()]
        .map(({ source, repository, tokens, findings, errors }) => ({ repository, source, tokens, findings, errors }))
        .sort((a, b) => a.repository.localeCompare(b.repository));
    const inventory = { version: INVENTORY_VERSION, repositories, secrets, failures, notices };
    if (grantInputs.length) {
        const files = [];
        for (const input of grantInputs) {
            const read = readGrants(input);
            if ('reason' in read)
                failures.push(read);
            else
                files.push(read);
        }
        inventory.grants = joinGrants(files, secrets);
    }
    return inventory;
}

// EXTERNAL MODULE: ./src/lint.ts + 23 modules
var lint = __webpack_require__(9828);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/repository.ts
var src_repository = __webpack_require__(3627);
;// CONCATENATED MODULE: ./src/inventory/scan-local.ts
/**
 * `pat-lint scan` over local checkouts: lints each one in this process and gives its JSON report
 * (the schema of `--format json`), or a failure record when it cannot be linted, so that one bad
 * checkout never loses the others.
 */






/** `DIR` or `DIR=OWNER/NAME`. */
function parseCheckout(arg) {
    const at = arg.lastIndexOf('=');
    if (at > 0 && src_repository/* REPOSITORY_PATTERN */.G_.test(arg.slice(at + 1)))
        return { dir: arg.slice(0, at), repository: arg.slice(at + 1) };
    return { dir: arg };
}
function fileName(repository, dir) {
    const base = repository ? repository.replace('/', '+') : (0,external_node_path_.basename)((0,external_node_path_.resolve)(dir)) || 'checkout';
    return `${base.replace(/[^A-Za-z0-9._+-]/g, '_')}.json`;
}
async function scanCheckout(checkout, server) {
    const root = (0,external_node_path_.resolve)(checkout.dir);
    let repository = checkout.repository ?? null;
    try {
        if (!(0,external_node_fs_.statSync)(root).isDirectory())
            throw new Error('not a directory');
        repository ??= (0,src_repository/* repositoryFromGitConfig */.RW)(root);
        const report = (0,lint/* lint */.u8)(root, { repository, validate: await (0,lint/* validatorFor */.qA)(root, {}) });
        return { name: fileName(repository, root), repository, json: (0,json/* formatJson */.I)(report, server), failed: false };
    }
    catch (e) {
        const failed = { version: 1, repository, failed: `${checkout.dir}: ${(0,report_escape/* oneLine */.TN)(e.message).slice(0, 300)}` };
        return { name: fileName(repository, root), repository, json: JSON.stringify(failed, null, 2) + '\n', failed: true };
    }
}

;// CONCATENATED MODULE: ./src/cli-inventory.ts
/**
 * The organization inventory's commands (issue 20), loaded by cli.ts only when asked for:
 *   pat-lint scan DIR[=OWNER/NAME]... --out DIR     one JSON report per checkout
 *   pat-lint scan --org OWNER | --repos LIST --out DIR [--concurrency N] [--previous DIR]
 *                                                   the same through the API, no checkout
 *   pat-lint merge PATH... [--format markdown|json|csv] [--out DIR]
 *   pat-lint list --org OWNER [--shards N]           the repositories as a matrix of shards (JSON)
 *   pat-lint grants --org ORG --out FILE             the organization's fine-grained token grants (an App's token)
 *   pat-lint merge ... --grants FILE                 joins them with the inventory
 * merge reads report files, and every *.json file of a directory given.
 */






/** A report larger than this is not one pat-lint wrote: it is listed as not read. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
class InventoryUsageError extends Error {
    name = 'InventoryUsageError';
}
function usage(message) {
    throw new InventoryUsageError(message);
}
async function runInventoryCommand(command, argv, env, server) {
    if (command === 'list')
        return list(argv, env);
    if (command === 'grants')
        return grants(argv, env);
    return command === 'scan' ? scan(argv, env, server) : merge(argv);
}
async function grants(argv, env) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({ args: argv, allowPositionals: true, strict: true, options: { org: { type: 'string' }, out: { type: 'string' } } });
    if (positionals.length || !values.org || !values.out)
        usage('grants needs --org ORG and --out FILE');
    const { writeGrants } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(570), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 1927));
    return writeGrants(values.org, values.out, env, usage);
}
async function list(argv, env) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({ args: argv, allowPositionals: true, strict: true, options: { org: { type: 'string' }, shards: { type: 'string', default: '1' } } });
    if (positionals.length || !values.org)
        usage('list needs --org OWNER');
    const { listForMatrix } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(570), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 1927));
    return listForMatrix(values.org, values.shards, env, usage);
}
async function scan(argv, env, server) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: { out: { type: 'string' }, org: { type: 'string' }, repos: { type: 'string' }, concurrency: { type: 'string', default: '4' }, previous: { type: 'string' } },
    });
    if (!values.out)
        usage('scan needs --out DIR for the reports');
    if (values.org !== undefined || values.repos !== undefined) {
        if (positionals.length)
            usage('scan takes checkouts, or --org / --repos, not both');
        const { scanRemote } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(570), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 1927));
        return scanRemote({ org: values.org, repos: values.repos, out: values.out, concurrency: values.concurrency, previous: values.previous }, env, server, usage);
    }
    if (!positionals.length)
        usage('scan needs checkout directories, or --org OWNER, or --repos OWNER/NAME,...');
    const out = (0,external_node_path_.resolve)(values.out);
    (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    const lines = [];
    const written = new Set();
    let failed = 0;
    for (const arg of positionals) {
        const result = await scanCheckout(parseCheckout(arg), server);
        // Two checkouts of one repository, or two unknown ones of the same name: neither overwrites the other.
        let name = result.name;
        for (let n = 2; written.has(name); n++)
            name = result.name.replace(/\.json$/, `.${n}.json`);
        written.add(name);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, name), result.json);
        if (result.failed)
            failed++;
        // merge keys reports by repository: one without cannot join the inventory.
        const unnamed = !result.failed && !result.repository ? ' (repository unknown: no origin remote; give it as DIR=OWNER/NAME, or merge lists it as not read)' : '';
        lines.push(`${result.failed ? 'not linted' : 'linted'} ${arg} -> ${name}${unnamed}`);
    }
    return { code: 0, stdout: '', stderr: `${lines.join('\n')}\n${positionals.length - failed} of ${positionals.length} checkouts linted, reports in ${values.out}\n` };
}
/** Report files: each file given, and the *.json files directly inside each directory given, in name order. */
function* inputsOf(paths) {
    for (const path of paths) {
        let files = [path];
        try {
            if ((0,external_node_fs_.statSync)(path).isDirectory())
                files = (0,external_node_fs_.readdirSync)(path).filter((f) => f.endsWith('.json')).sort().map((f) => (0,external_node_path_.join)(path, f));
        }
        catch {
            /* read below, where the failure is listed */
        }
        for (const file of files) {
            let text;
            try {
                const size = (0,external_node_fs_.statSync)(file).size;
                text = size > MAX_REPORT_BYTES ? `{"too large": ${size}}` : (0,external_node_fs_.readFileSync)(file, 'utf8');
            }
            catch (e) {
                text = JSON.stringify({ version: 1, repository: null, failed: `cannot read ${file}: ${e.code ?? e.message}` });
            }
            yield { source: file, text };
        }
    }
}
function merge(argv) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({ args: argv, allowPositionals: true, strict: true, options: { format: { type: 'string', default: 'markdown' }, out: { type: 'string' }, grants: { type: 'string', multiple: true } } });
    if (!positionals.length)
        usage('merge needs report files or directories holding them');
    const format = values.format;
    if (!['markdown', 'json', 'csv'].includes(format))
        usage('--format must be markdown, json or csv');
    const inventory = mergeReports(inputsOf(positionals), [...inputsOf(values.grants ?? [])]);
    const summary = `${inventory.repositories.length} repositories, ${inventory.secrets.length} secrets, ${inventory.failures.length} not read\n`;
    if (values.out) {
        const out = (0,external_node_path_.resolve)(values.out);
        (0,external_node_fs_.mkdirSync)(out, { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, 'inventory.json'), formatInventoryJson(inventory));
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, 'inventory.md'), formatInventoryMarkdown(inventory));
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, 'inventory.csv'), formatInventoryCsv(inventory));
        return { code: 0, stdout: '', stderr: `${summary}wrote inventory.json, inventory.md and inventory.csv in ${values.out}\n` };
    }
    const text = format === 'json' ? formatInventoryJson(inventory) : format === 'csv' ? formatInventoryCsv(inventory) : formatInventoryMarkdown(inventory);
    return { code: 0, stdout: text, stderr: summary };
}


/***/ })

};
