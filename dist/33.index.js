export const id = 33;
export const ids = [33];
export const modules = {

/***/ 5033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: ./src/workflow/parse.ts + 1 modules
var parse = __webpack_require__(8223);
// EXTERNAL MODULE: ./src/knowledge/permissions.ts + 1 modules
var permissions = __webpack_require__(6928);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js + 5 modules
var schemas = __webpack_require__(8395);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(3305);
// EXTERNAL MODULE: ./node_modules/zod/v4/locales/en.js
var en = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/requirements/schema.ts
/**
 * The contract of pat-requirements.yml, as a zod schema. The same schema validates the file and
 * publishes docs/pat-requirements.schema.json for editors, so permission names and levels are
 * spelled out per permission (GitHub's own tables: e.g. metadata is read-only, workflows and
 * gists write-only), not as free strings.
 */



// zod/mini rather than zod's classic API: the same checks and messages from about 100 KB less
// code to compile and set up at start (8 ms of a 100 ms cold start on Node 24). Mini ships no
// messages of its own: the English ones are the locale the classic API loads.
core/* config */.$W((0,en/* default */.A)());
// A run validates one small file once: compiling zod's fast paths with `new Function` costs more
// than it saves (its compile steps took about 3 ms of a cold-start profile).
core/* config */.$W({ jitless: true });
const RULE_IDS = [
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
];
/** An optional field with a description for the published JSON Schema. */
function optional(schema, description) {
    const field = schemas/* optional */.lqM(schema);
    return description ? field.check(schemas/* describe */.q0y(description)) : field;
}
const SecretNameSchema = schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'a secret name holds only letters, digits and underscores, and does not start with a digit' }), schemas/* refine */.YPB((s) => !/^GITHUB_/i.test(s), { error: 'secret names cannot start with GITHUB_ (GitHub reserves the prefix)' }));
const permissionLevels = Object.fromEntries(Object.entries(permissions/* FINE_GRAINED_PERMISSIONS */.tL).map(([name, p]) => [
    name,
    optional(schemas/* enum */.k5n(p.levels), `${p.displayName} (${p.kind} permission): ${p.levels.join(' | ')}`),
]));
const PermissionsSchema = schemas/* strictObject */.rej(permissionLevels)
    .check(schemas/* describe */.q0y('Fine-grained permissions, with GitHub\'s parameter names and levels. metadata: read is always granted.'));
const ScopeSchema = schemas/* enum */.k5n(Object.keys(permissions/* CLASSIC_SCOPES */.pI));
const TokenSchema = schemas/* strictObject */.rej({
    type: schemas/* enum */.k5n(['fine-grained', 'classic']).check(schemas/* describe */.q0y('fine-grained (recommended) or classic')),
    owner: optional(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'owner is a user or organization login, e.g. octo-org' })), 'Resource owner: the user or organization whose resources the token reaches (the link\'s target_name)'),
    repositories: optional(schemas/* union */.KCZ([schemas/* literal */.euz('all'), schemas/* array */.YOg(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'repositories are written owner/name' })))], {
        error: 'repositories is `all` or a list of owner/name',
    }), 'Repositories the token can reach: a list of owner/name, or all'),
    'expires-in': optional(schemas/* union */.KCZ([schemas/* int */.Whr().check(api/* _gte */.qm(1), api/* _lte */.Zm(366)), schemas/* literal */.euz('none')], { error: 'expires-in is a number of days from 1 to 366, or none' }), 'Days until the token expires (1-366), or none'),
    purpose: optional(schemas/* string */.YjP().check(api/* _maxLength */.Eb(1024)), 'What the token is for; becomes the token description'),
    permissions: optional(PermissionsSchema),
    scopes: optional(schemas/* array */.YOg(ScopeSchema), 'Classic tokens only: the OAuth scopes requested'),
})
    .check(schemas/* superRefine */.zni((t, ctx) => {
    if (t.type === 'classic' && t.permissions) {
        ctx.addIssue({ code: 'custom', path: ['permissions'], message: 'a classic token has scopes, not permissions' });
    }
    if (t.type === 'fine-grained' && t.scopes) {
        ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'a fine-grained token has permissions, not scopes' });
    }
}));
const TRIGGER_EVENTS = ['push', 'pull_request', 'release', 'create', 'issues', 'issue_comment', 'pull_request_review', 'label', 'repository_dispatch', 'workflow_dispatch'];
/** What a repository tells pat-lint about an action it does not know (its own, or an unknown one). */
const ActionKnowledgeSchema = schemas/* strictObject */.rej({
    'token-inputs': optional(schemas/* array */.YOg(schemas/* string */.YjP()), 'Inputs that take a GitHub token'),
    'token-env': optional(schemas/* array */.YOg(schemas/* string */.YjP()), 'Environment variables the action reads a GitHub token from'),
    permissions: optional(PermissionsSchema, 'Fine-grained permissions the action needs'),
    'github-token': optional(schemas/* boolean */.zMY(), 'false when GITHUB_TOKEN cannot do what the action does'),
    reason: optional(schemas/* string */.YjP().check(api/* _maxLength */.Eb(300)), 'Why a PAT is needed (shown in the report)'),
    'repository-input': optional(schemas/* string */.YjP(), 'The input that names the repository the action acts on'),
    events: optional(schemas/* array */.YOg(schemas/* enum */.k5n(TRIGGER_EVENTS)), 'Events the action causes that may need to start workflows'),
})
    .check(schemas/* describe */.q0y('What the action does with its token'));
const IgnoreSchema = schemas/* union */.KCZ([
    schemas/* enum */.k5n(RULE_IDS),
    schemas/* strictObject */.rej({
        rule: schemas/* enum */.k5n(RULE_IDS),
        secret: optional(schemas/* string */.YjP()),
        file: optional(schemas/* string */.YjP(), 'A repository path; the rule is ignored only there'),
    }),
]);
const RequirementsSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1, { error: 'version must be 1' }),
    tokens: schemas/* _default */.Rvf(schemas/* record */.g1P(SecretNameSchema, TokenSchema), {}).check(schemas/* describe */.q0y('The personal access tokens this repository needs, keyed by secret name')),
    ignore: optional(schemas/* array */.YOg(IgnoreSchema), 'Rules to ignore everywhere, or for one secret or file'),
    'max-expiry-days': optional(schemas/* int */.Whr().check(api/* _gte */.qm(1), api/* _lte */.Zm(366)), 'Longest acceptable expiry; default 90'),
    actions: optional(schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+$/, { error: 'actions are keyed owner/name, as in `uses:` without @ref' })), ActionKnowledgeSchema), 'Knowledge about actions pat-lint does not know, keyed owner/name[/path]'),
})
    .check(schemas/* describe */.q0y('pat-requirements.yml: the personal access tokens a repository needs and why'));

// EXTERNAL MODULE: ./src/knowledge/reasons.ts
var reasons = __webpack_require__(3077);
;// CONCATENATED MODULE: ./src/requirements/suggest.ts
/** "Did you mean" suggestions for misspelt permission, scope and field names. */
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
const normalise = (s) => s.toLowerCase().replace(/[-\s]/g, '_');
/** The closest known name, when it is close enough to be a likely typo. */
function suggest(input, known) {
    const n = normalise(input);
    const exact = known.find((k) => normalise(k) === n);
    if (exact)
        return exact;
    let best;
    let bestScore = Infinity;
    for (const k of known) {
        const d = distance(n, normalise(k));
        if (d < bestScore) {
            bestScore = d;
            best = k;
        }
    }
    return best !== undefined && bestScore <= Math.max(2, Math.floor(n.length / 4)) ? best : undefined;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/requirements/yaml-nodes.ts
/** Finds the YAML node a validation issue's path names, so that errors point at the key or value written. */

/**
 * The key a pair gets in `toJS` output, which is what validation issues name: a scalar's value
 * (null as ''), a collection written out as yaml itself does (`[a]` becomes "[ a ]").
 */
function jsKeyOf(doc, pair) {
    if ((0,dist/* isScalar */.jn)(pair.key))
        return pair.key.value === null || pair.key.value === undefined ? '' : String(pair.key.value);
    const alone = new dist/* YAMLMap */.CA(doc.schema);
    alone.items = [pair];
    return Object.keys(alone.toJS(doc) ?? {})[0] ?? '';
}
/** Each map's pairs by key, built on first use: every token's fields are looked up from the root, and a file may hold thousands of tokens. */
const pairIndexes = new WeakMap();
function pairByKey(doc, map, key) {
    let index = pairIndexes.get(map);
    if (!index) {
        index = new Map();
        // The first of duplicate keys (an error of its own) is the one pointed at.
        for (const pair of map.items) {
            const k = jsKeyOf(doc, pair);
            if (!index.has(k))
                index.set(k, pair);
        }
        pairIndexes.set(map, index);
    }
    return index.get(key);
}
function nodeAt(doc, path, wantKey) {
    let node = doc.contents;
    let keyNode;
    for (const part of path) {
        if (!(0,dist/* isMap */.jh)(node)) {
            if (node && typeof node === 'object' && 'items' in node && typeof part === 'number') {
                node = node.items[part];
                keyNode = undefined;
                continue;
            }
            break;
        }
        const pair = pairByKey(doc, node, String(part));
        if (!pair)
            break;
        keyNode = pair.key;
        node = pair.value;
    }
    return ((wantKey ? keyNode : node) ?? keyNode ?? node);
}

;// CONCATENATED MODULE: ./src/requirements/validate.ts






const FIELD_NAMES = Object.keys(TokenSchema.def.shape ?? {});
/** A value as YAML would write it: JSON has no infinity or NaN and would say null. */
function asWritten(value) {
    if (typeof value === 'number' && !Number.isFinite(value))
        return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
}
function describe(issue, value) {
    const last = String(issue.path[issue.path.length - 1] ?? '');
    if (value === undefined && issue.path.length && issue.code !== 'unrecognized_keys')
        return `\`${last}\` is required`;
    const parent = String(issue.path[issue.path.length - 2] ?? '');
    const got = value === undefined ? '' : ` (found ${asWritten(value)})`;
    if (issue.code === 'unrecognized_keys') {
        const where = parent === 'permissions' || last === 'permissions' ? 'permissions' : 'fields';
        return issue.keys
            .map((k) => {
            const known = last === 'permissions' ? permissions/* PERMISSION_NAMES */.zj : issue.path.length === 0 ? ['version', 'tokens', 'ignore', 'max-expiry-days'] : FIELD_NAMES;
            const hint = suggest(k, known);
            return `unknown ${where === 'permissions' ? 'permission' : 'field'} \`${k}\`${hint ? `; did you mean \`${hint}\`?` : ''}`;
        })
            .join('; ');
    }
    if (parent === 'permissions' && issue.code === 'invalid_value') {
        const levels = permissions/* FINE_GRAINED_PERMISSIONS */.tL[last]?.levels ?? [];
        return `${last} can be ${levels.join(' or ')}${got}`;
    }
    if (parent === 'scopes' || (last === 'scopes' && issue.code === 'invalid_value')) {
        const hint = typeof value === 'string' ? suggest(value, permissions/* SCOPE_NAMES */._W) : undefined;
        return `unknown classic scope${got}${hint ? `; did you mean \`${hint}\`?` : ''}`;
    }
    if (last === 'expires-in')
        return `expires-in is a number of days from 1 to 366, or none${got}`;
    if (issue.code === 'invalid_key') {
        const inner = issue.issues?.[0]?.message ?? issue.message;
        return last === '' ? `empty secret name: ${inner}` : `secret name \`${last}\`: ${inner}`;
    }
    // zod's own wording names no field; our custom messages are whole sentences already.
    if (!/^(Invalid|Too |Expected|Unrecognized)/.test(issue.message))
        return `${issue.message}${issue.code === 'custom' ? '' : got}`;
    return `${last ? `\`${last}\`: ` : ''}${issue.message}${got}`;
}
function valueAt(data, path) {
    let v = data;
    for (const p of path)
        v = v && typeof v === 'object' ? v[p] : undefined;
    return v;
}
/** Validates parsed data; each invalid token is dropped on its own, the valid ones are kept. */
function validate(file, data) {
    const doc = file.doc;
    const errors = [];
    const report = (issue, base = []) => {
        const path = [...base, ...issue.path];
        const wantKey = issue.code === 'unrecognized_keys' || issue.code === 'invalid_key' || issue.code === 'custom';
        let node = nodeAt(doc, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path, wantKey);
        if (!node?.range)
            node = doc.contents ?? undefined;
        const at = node?.range ? (0,parse/* positionOf */.df)(file, node.range[0]) : { file: file.path, line: 1, column: 1 };
        errors.push({ ...at, message: describe({ ...issue, path }, valueAt(data, path)) });
    };
    // Validate the top level without the tokens, then each token alone, so one bad token costs only itself.
    const top = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
    const rawTokens = top.tokens;
    const shell = RequirementsSchema.safeParse({ ...top, tokens: {} });
    if (!shell.success)
        for (const issue of shell.error.issues)
            report(issue);
    const tokens = [];
    if (rawTokens !== undefined && rawTokens !== null && (typeof rawTokens !== 'object' || Array.isArray(rawTokens))) {
        report({ code: 'custom', path: ['tokens'], message: 'tokens is a mapping of secret name to token', input: rawTokens });
    }
    else if (rawTokens) {
        for (const [secret, value] of Object.entries(rawTokens)) {
            const nameCheck = SecretNameSchema.safeParse(secret);
            if (!nameCheck.success) {
                report({ code: 'invalid_key', path: [secret], issues: nameCheck.error.issues, message: 'invalid key' }, ['tokens']);
                continue;
            }
            const parsed = TokenSchema.safeParse(value);
            if (!parsed.success) {
                for (const issue of parsed.error.issues)
                    report(issue, ['tokens', secret]);
                continue;
            }
            const keyNode = nodeAt(doc, ['tokens', secret], true);
            const at = keyNode?.range ? (0,parse/* positionOf */.df)(file, keyNode.range[0]) : { line: 1, column: 1 };
            const fieldPositions = {};
            const keyPositions = {};
            const mark = (name, path) => {
                for (const [want, into] of [[false, fieldPositions], [true, keyPositions]]) {
                    const n = nodeAt(doc, ['tokens', secret, ...path], want);
                    if (n?.range) {
                        const p = (0,parse/* positionOf */.df)(file, n.range[0]);
                        into[name] = { line: p.line, column: p.column };
                    }
                }
            };
            for (const field of Object.keys(parsed.data))
                mark(field, [field]);
            for (const perm of Object.keys(parsed.data.permissions ?? {}))
                mark(`permissions.${perm}`, ['permissions', perm]);
            (parsed.data.scopes ?? []).forEach((_, i) => mark(`scopes.${i}`, ['scopes', i]));
            tokens.push({ ...parsed.data, secret: secret.toUpperCase(), line: at.line, column: at.column, fieldPositions, keyPositions });
        }
    }
    return {
        path: file.path,
        tokens,
        ignore: shell.success ? (shell.data.ignore ?? []) : [],
        maxExpiryDays: shell.success ? shell.data['max-expiry-days'] : undefined,
        actions: shell.success ? Object.entries(shell.data.actions ?? {}).map(([uses, a]) => toKnownAction(uses, a, file.path)) : [],
        errors,
    };
}
/** Turns a repository's description of an action into the shape of the built-in knowledge. */
function toKnownAction(uses, a, file) {
    const permissions = (a.permissions ?? {});
    const githubKeys = {};
    for (const [k, v] of Object.entries(permissions))
        githubKeys[k.replace(/_/g, '-')] = v;
    return {
        uses,
        tokenInputs: (a['token-inputs'] ?? []).map((name) => ({ name, defaultsToGithubToken: false })),
        tokenEnv: a['token-env'] ?? [],
        takesGithubToken: true,
        githubToken: a['github-token'] === false ? null : githubKeys,
        fineGrained: permissions,
        classicScopes: null,
        conditional: [],
        patNeededWhen: a.reason ? [(0,reasons/* plain */.pj)(a.reason)] : [],
        source: `declared in ${file}`,
        ...(a.events ? { events: a.events } : {}),
        ...(a['repository-input'] ? { repositoryInput: a['repository-input'] } : {}),
    };
}


/***/ })

};
