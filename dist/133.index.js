export const id = 133;
export const ids = [133,584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_RATE_LIMIT_WAIT_SECONDS: () => (/* binding */ MAX_RATE_LIMIT_WAIT_SECONDS),
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/**
 * The octokit client: @actions/github's (base URL from GITHUB_API_URL, so GitHub Enterprise
 * Server works unchanged) with retries on 5xx and on rate limits, never on other 4xx.
 */



/** One request may take this long: a stalled connection must not hold the step for an hour. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A rate-limit reset further away than this is not waited for (GitHub's primary limit resets hourly). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
/** fetch with a timeout of its own for every request (a signal the caller gave still counts). */
function fetchWithTimeout(timeoutMs) {
    return (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return fetch(input, { ...init, signal });
    };
}
function createClient(token, options = {}) {
    const log = options.log ?? (() => { });
    const retries = options.retries ?? 3;
    const maxWait = options.maxWaitSeconds ?? MAX_RATE_LIMIT_WAIT_SECONDS;
    const onLimit = (kind) => (after, req, _o, count) => {
        if (after > maxWait) {
            log(`${kind} on ${req.method} ${req.url} resets in ${after}s, longer than pat-lint waits (${maxWait}s): giving up`);
            return false;
        }
        log(`${kind} on ${req.method} ${req.url}; retrying after ${after}s`);
        return count < retries;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        request: { fetch: fetchWithTimeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS) },
        retry: { retries, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
        throttle: { onRateLimit: onLimit('rate limited'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ }),

/***/ 4133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ describeApiError),
  reviewPullRequest: () => (/* binding */ reviewPullRequest)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/knowledge/permissions.ts + 1 modules
var permissions = __webpack_require__(6928);
;// CONCATENATED MODULE: ./src/requirements/diff.ts
/**
 * What a pull request newly requests in pat-requirements.yml, compared with its base: new
 * tokens, new permissions or scopes, higher levels, more repositories, a longer (or no) expiry,
 * classic instead of fine-grained. That is what a reviewer must approve.
 */

function days(e) {
    return e === undefined || e === 'none' ? Infinity : e;
}
function diffRequests(base, head) {
    const before = new Map(base.map((t) => [t.secret, t]));
    const out = [];
    for (const t of head) {
        const b = before.get(t.secret);
        const at = (key) => (t.keyPositions[key] ?? t.fieldPositions[key] ?? t).line;
        if (!b) {
            const what = t.type === 'classic' ? `scopes ${(t.scopes ?? []).join(', ') || 'none'}` : `permissions ${Object.entries(t.permissions ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}`;
            out.push({ secret: t.secret, kind: 'new-token', detail: `new ${t.type} token with ${what}`, line: t.line });
            continue;
        }
        if (t.type === 'classic' && b.type === 'fine-grained')
            out.push({ secret: t.secret, kind: 'to-classic', detail: 'changed from fine-grained to classic', line: at('type') });
        if (t.type === 'fine-grained') {
            const was = b.type === 'fine-grained' ? (b.permissions ?? {}) : {};
            for (const [perm, level] of Object.entries(t.permissions ?? {})) {
                if (!level)
                    continue;
                const old = was[perm];
                if (!old)
                    out.push({ secret: t.secret, kind: 'new-permission', detail: `adds ${perm}: ${level}`, line: at(`permissions.${perm}`) });
                else if ((0,permissions/* levelRank */.Le)(level) > (0,permissions/* levelRank */.Le)(old))
                    out.push({ secret: t.secret, kind: 'higher-level', detail: `raises ${perm} from ${old} to ${level}`, line: at(`permissions.${perm}`) });
            }
        }
        else {
            const granted = new Set((b.type === 'classic' ? (b.scopes ?? []) : []).flatMap((s) => [...(0,permissions/* impliedScopes */.uD)(s)]));
            (t.scopes ?? []).forEach((scope, i) => {
                if (!granted.has(scope))
                    out.push({ secret: t.secret, kind: 'new-scope', detail: `adds the ${scope} scope`, line: at(`scopes.${i}`) });
            });
        }
        const repos = (r) => (r === 'all' ? null : new Set((r ?? []).map((x) => x.toLowerCase())));
        const was = repos(b.repositories);
        const now = repos(t.repositories);
        if (was && !now && t.repositories === 'all')
            out.push({ secret: t.secret, kind: 'more-repositories', detail: 'now reaches all repositories', line: at('repositories') });
        else if (was && now) {
            const added = [...now].filter((r) => !was.has(r));
            if (added.length)
                out.push({ secret: t.secret, kind: 'more-repositories', detail: `adds ${added.join(', ')}`, line: at('repositories') });
        }
        if (days(t['expires-in']) > days(b['expires-in'])) {
            const show = (e) => (e === undefined ? 'unset' : e === 'none' ? 'never' : `${e} days`);
            out.push({ secret: t.secret, kind: 'longer-expiry', detail: `expiry from ${show(b['expires-in'])} to ${show(t['expires-in'])}`, line: at('expires-in') });
        }
        if (t.owner && b.owner && t.owner.toLowerCase() !== b.owner.toLowerCase())
            out.push({ secret: t.secret, kind: 'new-owner', detail: `owner from ${b.owner} to ${t.owner}`, line: at('owner') });
    }
    return out;
}

// EXTERNAL MODULE: ./src/requirements/load.ts
var load = __webpack_require__(6598);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/rules/index.ts + 24 modules
var rules = __webpack_require__(4146);
// EXTERNAL MODULE: ./src/report/advice.ts + 1 modules
var report_advice = __webpack_require__(8014);
// EXTERNAL MODULE: ./src/report/severity.ts
var severity = __webpack_require__(9179);
// EXTERNAL MODULE: ./src/report/live-table.ts
var live_table = __webpack_require__(6867);
;// CONCATENATED MODULE: ./src/report/comment.ts






const COMMENT_MARKER = '<!-- pat-lint:sticky-comment -->';
const MAX_COMMENT_CHARS = 65536;
const ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' };
function blobLink(ctx, file, line) {
    const label = (0,report_escape/* markdownCode */.D9)(`${file}:${line}`);
    if (!ctx.repository || !ctx.headSha)
        return label;
    const path = file.split('/').map(encodeURIComponent).join('/');
    return `[${label}](${ctx.server.replace(/\/+$/, '')}/${ctx.repository}/blob/${ctx.headSha}/${path}#L${line})`;
}
/** The reason that best explains a token's verdict (one resting on a rule when a PAT is needed), with its codes. */
function mainReason(t) {
    const v = t.githubTokenWouldDo;
    const use = t.uses.find((u) => u.githubTokenWouldDo === v);
    const at = use?.reasons.findIndex((_, i) => v !== false || (use.reasonCodes[i] ?? []).length > 0) ?? -1;
    return use && at >= 0 ? { text: use.reasons[at], codes: use.reasonCodes[at] ?? [] } : { text: '', codes: [] };
}
/** The verdict in a few words, with the rule codes its reason cites: the table stays narrow. */
function verdictCell(t) {
    if (t.githubTokenWouldDo === true)
        return '✅ GITHUB_TOKEN would do';
    if (t.githubTokenWouldDo === null)
        return '❔ undecided';
    const codes = [...new Set(mainReason(t).codes)];
    return `🔑 PAT needed${codes.length ? ` (${codes.map((c) => `[${c}](${report_escape/* REASONS_DOC */.RN}#${c.toLowerCase()})`).join(', ')})` : ''}`;
}
function requestCell(t) {
    if (t.githubTokenWouldDo === true)
        return t.declared ? 'none needed: delete the token' : 'none needed';
    const minimal = t.minimal;
    if (!t.declared)
        return `not declared; needs ${Object.entries(minimal).map(([k, v]) => (0,report_escape/* markdownCode */.D9)(`${k}: ${v}`)).join(' ') || 'nothing'}`;
    if (t.type === 'classic') {
        const requested = t.requested?.scopes ?? [];
        return `scopes ${requested.map((s) => (0,report_escape/* markdownCode */.D9)(s)).join(' ') || 'none'} → ${t.minimalScopes.map((s) => (0,report_escape/* markdownCode */.D9)(s)).join(' ') || 'none'}`;
    }
    const requested = t.requested?.permissions ?? {};
    const parts = [];
    for (const perm of [...new Set([...Object.keys(requested), ...Object.keys(minimal)])].sort()) {
        const r = requested[perm];
        const m = minimal[perm];
        if (perm === 'metadata')
            continue;
        if (r && !m)
            parts.push(`~~${(0,report_escape/* markdownCode */.D9)(`${perm}: ${r}`)}~~ drop`);
        else if (!r && m)
            parts.push(`**add** ${(0,report_escape/* markdownCode */.D9)(`${perm}: ${m}`)}`);
        else if (r && m && r !== m)
            parts.push(`${(0,report_escape/* markdownCode */.D9)(`${perm}: ${r}`)} → ${(0,report_escape/* markdownCode */.D9)(m)}${(0,permissions/* levelRank */.Le)(r) > (0,permissions/* levelRank */.Le)(m) ? ' lower it' : ' raise it'}`);
        else if (r)
            parts.push((0,report_escape/* markdownCode */.D9)(`${perm}: ${r}`));
    }
    return parts.join(' · ') || 'nothing';
}
function adviceCell(a) {
    if (!a)
        return '—';
    if (a.kind === 'github-token')
        return 'use `${{ github.token }}`';
    if (a.kind === 'undecided')
        return 'check by hand';
    return `[create ${a.kind} token](${a.url})`;
}
/** What the table leaves out, under it: why, requested against minimal, what to select, where. */
function tokenDetail(t, a, ctx) {
    const parts = [(0,report_escape/* messageMarkdown */.zv)(mainReason(t).text || 'no reason recorded')];
    parts.push(`requested → minimal: ${requestCell(t)}`);
    if (a?.select?.length)
        parts.push(`select ${a.select.map((r) => (0,report_escape/* markdownCode */.D9)(r)).join(', ')}`);
    if (a?.usedOn?.length)
        parts.push(`used on ${a.usedOn.map((r) => (0,report_escape/* markdownCode */.D9)(r)).join(', ')}, but a classic token reaches every repository its owner can`);
    const undecided = t.uses.filter((u) => u.githubTokenWouldDo === null).length;
    if (undecided && t.githubTokenWouldDo !== null)
        parts.push(`${undecided} use${undecided === 1 ? '' : 's'} undecided: check before creating`);
    parts.push(`used at ${usedAt(t, ctx)}`);
    return `- ${(0,report_escape/* markdownCode */.D9)(t.secret)}: ${parts.join('; ')}`;
}
function usedAt(t, ctx) {
    const shown = t.uses.slice(0, 3).map((u) => blobLink(ctx, u.file, u.line));
    return shown.join(', ') + (t.uses.length > 3 ? ` and ${t.uses.length - 3} more` : '');
}
/** A finding's rule id, linked to its page. */
function ruleLink(rule) {
    return `[${(0,report_escape/* markdownCode */.D9)(rule)}](${(0,rules/* docsUrl */.fs)(rule)})`;
}
/** The whole comment body, cut to fit with a note when it would not. */
function buildComment(report, ctx) {
    const c = (0,severity/* countBySeverity */.Ot)(report.findings);
    const failed = (0,severity/* meetsThreshold */.M0)(report.findings, ctx.failOn);
    const changes = ctx.changes ?? [];
    if (!report.findings.length && !changes.length) {
        return `${COMMENT_MARKER}\n## pat-lint\n\n✅ **All clear**: no findings about personal access tokens in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.\n`;
    }
    const advice = (0,report_advice/* tokenAdvice */.qZ)(report, ctx);
    const head = [
        COMMENT_MARKER,
        '## pat-lint',
        '',
        `${failed ? '❌ **Fails**' : '✅ **Passes**'} (fail-on: ${ctx.failOn}): ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.note} note${c.note === 1 ? '' : 's'}.`,
        '',
    ];
    const sections = [];
    if (changes.length) {
        sections.push([
            '### Newly requested by this pull request',
            '',
            ...changes.map((ch) => `- ${(0,report_escape/* markdownCode */.D9)(ch.secret)}: ${(0,report_escape/* escapeMarkdown */.FV)(ch.detail)} (${report.requirementsFile ? blobLink(ctx, report.requirementsFile, ch.line) : `line ${ch.line}`})`),
            '',
        ]);
    }
    else if (ctx.changes === null && report.requirementsFile) {
        sections.push(['_The base branch\'s requirements could not be read, so new requests are not singled out._', '']);
    }
    const tokens = report.tokens.filter((t) => t.uses.length);
    if (tokens.length) {
        const adviceBySecret = new Map(advice.map((a) => [a.secret, a]));
        const rows = tokens.map((t) => `| ${(0,report_escape/* markdownCode */.D9)(t.secret)} | ${verdictCell(t)} | ${adviceCell(adviceBySecret.get(t.secret))} |`);
        const detail = tokens.map((t) => tokenDetail(t, adviceBySecret.get(t.secret), ctx));
        sections.push(['### Tokens', '', '| Secret | Verdict | Token |', '| --- | --- | --- |', ...rows, '', ...detail, '']);
    }
    const live = (0,live_table/* liveCheckSection */.M)(report.live);
    if (live.length)
        sections.push(live);
    if (report.findings.length) {
        sections.push([
            `### Findings (${report.findings.length})`,
            '',
            ...report.findings.map((f) => `- ${ICON[f.severity]} ${blobLink(ctx, f.file, f.line)} ${(0,report_escape/* messageMarkdown */.zv)(f.message)} (${ruleLink(f.rule)})`),
            '',
        ]);
    }
    const details = [];
    for (const a of advice) {
        if (!a.snippet)
            continue;
        details.push(`${(0,report_escape/* markdownCode */.D9)(a.secret)}: GITHUB_TOKEN would do; give the job:`, '', (0,report_escape/* codeBlock */.DV)(a.snippet, 'yaml'), '');
    }
    for (const f of report.findings.filter((x) => x.rule === 'prefer-github-app' && x.help)) {
        details.push(`${(0,report_escape/* markdownCode */.D9)(f.secret ?? '')}: a GitHub App token instead:`, '', (0,report_escape/* codeBlock */.DV)(f.help, 'yaml'), '');
    }
    for (const t of tokens) {
        details.push(`**${(0,report_escape/* markdownCode */.D9)(t.secret)}**`, '', ...t.uses.map((u) => {
            const where = u.step ? ` step ${(0,report_escape/* markdownCode */.D9)(u.step)}` : u.job ? ` job ${(0,report_escape/* markdownCode */.D9)(u.job)}` : '';
            const verdict = u.githubTokenWouldDo === true ? 'GITHUB_TOKEN would do' : u.githubTokenWouldDo === false ? 'PAT needed' : 'undecided';
            return `- ${blobLink(ctx, u.file, u.line)}${where}: ${verdict}; ${(0,report_escape/* messageMarkdown */.zv)(u.reasons.join('; '))}`;
        }), '');
    }
    if (details.length)
        sections.push(['<details><summary>Details</summary>', '', ...details, '</details>', '']);
    const note = '\n_Cut to fit in a comment: the job summary has the full report._\n';
    let body = head.join('\n');
    for (const section of sections) {
        const text = '\n' + section.join('\n');
        if (body.length + text.length + note.length > MAX_COMMENT_CHARS) {
            // Add what fits of this section line by line, then stop.
            for (const line of section) {
                if (body.length + line.length + 1 + note.length > MAX_COMMENT_CHARS)
                    break;
                body += '\n' + line;
            }
            return body + note;
        }
        body += text;
    }
    return body;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/github/base-requirements.ts
/**
 * pat-requirements.yml as it is at the pull request's base: from git when the history is in the
 * checkout, else from the contents API at the base commit. A missing file means "nothing was
 * requested before"; anything else unreadable means the diff is unknown (null), never guessed.
 */


const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function fromGit(root, sha, path) {
    try {
        await run('git', ['-C', root, 'cat-file', '-e', `${sha}^{commit}`], { timeout: 10_000 });
    }
    catch {
        return null; // the commit is not in this checkout (shallow clone): ask the API
    }
    try {
        const { stdout } = await run('git', ['-C', root, 'show', `${sha}:${path}`], { timeout: 10_000, maxBuffer: 4 << 20 });
        return { found: true, text: stdout, via: 'git' };
    }
    catch {
        return { found: false, via: 'git' };
    }
}
async function fromApi(octokit, owner, repo, sha, path) {
    try {
        const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref: sha });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
            return null;
        return { found: true, text: Buffer.from(data.content, 'base64').toString('utf8'), via: 'api' };
    }
    catch (e) {
        if (e.status === 404)
            return { found: false, via: 'api' };
        return null;
    }
}
async function baseRequirements(options) {
    return (await fromGit(options.root, options.sha, options.path)) ?? fromApi(options.octokit(), options.owner, options.repo, options.sha, options.path);
}

// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/sticky-comment.ts

/** The login that writes comments with this token: the PAT's user, or the Actions bot for GITHUB_TOKEN. */
async function commentIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (e) {
        // Installation tokens (GITHUB_TOKEN, App tokens) have no user: GET /user answers 403. Any other
        // failure says nothing of who we are: guessing would write a second comment under another name.
        if (e.status === 403)
            return 'github-actions[bot]';
        throw e;
    }
}
/** pat-lint's comments on the pull request by this identity, oldest first: the marker opens the body. */
async function findComments(octokit, target, identity) {
    const out = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
    for await (const page of pages) {
        for (const c of page.data) {
            // A comment that merely quotes the marker (a reply, another tool's) is not ours.
            if (c.body?.startsWith(COMMENT_MARKER) && c.user?.login === identity)
                out.push({ id: c.id, body: c.body, url: c.html_url });
        }
    }
    return out.sort((a, b) => a.id - b.id);
}
/** Deletes all but the oldest of our comments (two runs at once may each have created one). */
async function keepOldest(octokit, target, found) {
    for (const extra of found.slice(1))
        await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id });
    return found[0];
}
/**
 * Writes `body`. With `onlyIfExists` (an all-clear message), nothing is created where there was
 * no comment before: an all-clear needs saying only to replace an earlier verdict.
 */
async function upsertComment(octokit, target, body, onlyIfExists) {
    const identity = await commentIdentity(octokit);
    let existing = await keepOldest(octokit, target, await findComments(octokit, target, identity));
    if (!existing) {
        if (onlyIfExists)
            return { action: 'skipped', url: null };
        await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
        // Another run may have created one at the same moment: list again and keep one.
        existing = await keepOldest(octokit, target, await findComments(octokit, target, identity));
        if (!existing)
            throw new Error('the comment pat-lint created is not listed');
        if (existing.body.trim() === body.trim())
            return { action: 'created', url: existing.url };
    }
    if (existing.body.trim() === body.trim())
        return { action: 'unchanged', url: existing.url };
    const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return { action: 'updated', url: data.html_url };
}

// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
;// CONCATENATED MODULE: ./src/github/review.ts
/**
 * The pull-request review: reads the event, works out what the pull request newly requests, and
 * writes the sticky comment. Loaded only when a comment may be written, so runs that make no API
 * call do not pay for octokit. Never throws: problems come back as notices and warnings.
 */








const PERMISSION_HINT = 'the token needs `pull-requests: write` (on pull requests from forks the token is read-only: run pat-lint on `pull_request_target`, which checks out nothing from the fork by itself)';
async function reviewPullRequest(o) {
    const result = { commentUrl: null, action: 'skipped', notices: [], warnings: [] };
    if (o.mode === 'never')
        return result;
    const pr = (0,github_event/* pullRequestOf */._)(o.env);
    const [owner, repo] = (o.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!pr || !owner || !repo) {
        result.notices.push((0,github_event/* noPullRequestNotice */.E)(o.env));
        return result;
    }
    if (!o.token) {
        result.warnings.push(`pat-lint could not comment: no github-token was given; ${PERMISSION_HINT}`);
        return result;
    }
    let client;
    // The variables shorten the waits in tests; the defaults are the ones users get.
    const octokit = () => (client ??= (0,github_client.createClient)(o.token, { log: o.log, retryBaseMs: Number(o.env.PAT_LINT_RETRY_BASE_MS) || undefined, timeoutMs: Number(o.env.PAT_LINT_REQUEST_TIMEOUT_MS) || undefined }));
    // What the pull request newly requests: head against base.
    let changes = null;
    // Head and base are compared in what they request: both are read through the schema.
    const validate = await (0,load/* loadValidator */.jr)();
    const head = (0,load/* loadRequirements */.V0)(o.root, o.requirementsPath, validate);
    if (pr.baseSha) {
        const path = head.path ?? o.requirementsPath ?? load/* DEFAULT_REQUIREMENTS_PATHS */.aI[0];
        // `sha:path` in git and the contents API both name paths from the repository's top.
        const inRepository = external_node_path_.posix.join(o.pathInRepository || '.', path);
        const base = await baseRequirements({ root: o.root, sha: pr.baseSha, path: inRepository, owner, repo, octokit });
        if (base)
            changes = diffRequests(base.found ? (0,load/* parseRequirements */.Ez)(path, base.text, validate).tokens : [], head.tokens);
    }
    const body = buildComment(o.report, {
        server: o.env.GITHUB_SERVER_URL || 'https://github.com',
        repository: `${owner}/${repo}`,
        headSha: pr.headSha,
        failOn: o.failOn,
        changes,
        maxExpiryDays: o.maxExpiryDays,
    });
    const allClear = !o.report.findings.length && !(changes ?? []).length;
    try {
        const outcome = await upsertComment(octokit(), { owner, repo, issueNumber: pr.number }, body, o.mode === 'auto' && allClear);
        result.action = outcome.action;
        result.commentUrl = outcome.url;
    }
    catch (e) {
        const status = e.status;
        result.action = 'failed';
        result.warnings.push(status === 403 || status === 404
            ? `pat-lint could not write its pull-request comment (HTTP ${status}): ${PERMISSION_HINT}`
            : `pat-lint could not write its pull-request comment: ${describeApiError(e)}`);
    }
    return result;
}
/**
 * What went wrong with a request, for a user: the status and GitHub's own message where there is
 * one. octokit's message for a body that is not JSON (an HTML error page from a proxy) is about
 * its own parsing ("Cannot use 'in' operator …"), and a timeout is an AbortSignal's.
 */
function describeApiError(e) {
    const err = e;
    // octokit wraps an aborted fetch in a 500 whose cause is the AbortSignal's TimeoutError.
    if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError' || /aborted due to timeout/i.test(err.message ?? ''))
        return 'the API did not answer in time';
    if (typeof err.status === 'number' && err.status > 0) {
        const data = err.response?.data;
        const said = data && typeof data === 'object' && typeof data.message === 'string' ? `: ${data.message}` : ' (the answer was not GitHub\'s JSON)';
        return `HTTP ${err.status}${said}`;
    }
    return err.message ?? String(e);
}


/***/ })

};
