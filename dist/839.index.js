export const id = 839;
export const ids = [839];
export const modules = {

/***/ 5220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintWithLiveCheck: () => (/* binding */ lintWithLiveCheck)
});

// UNUSED EXPORTS: repositoriesToRead

// EXTERNAL MODULE: ./src/lint.ts + 24 modules
var lint = __webpack_require__(9663);
// EXTERNAL MODULE: ./src/knowledge/token-formats.ts
var token_formats = __webpack_require__(760);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/github/live-request.ts
/**
 * One authenticated GET of the live check, written for a token that is not ours to lose: sent only
 * to the configured API's origin over https (http only to a loopback address, as the tests' stand-in
 * is), redirects followed by hand and only within that origin, 5xx retried a few times, and no
 * error text that could hold the value (fetch's own messages can quote a header) passed on.
 */

const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Why the API URL may not carry a token, or null when it may. */
function unsafeApiUrl(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        return 'the API URL (GITHUB_API_URL) is not a URL';
    }
    if (url.protocol === 'https:')
        return null;
    if (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
        return null;
    return 'the API URL (GITHUB_API_URL) is not https: pat-lint sends no token in the clear';
}
/**
 * Whether a value can travel in an Authorization header as it is: visible ASCII, no spaces.
 * A secret saved with a trailing newline fails here, which is worth saying on its own.
 */
function sendable(value) {
    return /^[\x21-\x7e]{1,1024}$/.test(value);
}
/** Replaces every occurrence of the value: the last guard before anything is said. */
function redact(text, value) {
    return value ? text.split(value).join('***') : text;
}
function describeFailure(e) {
    const err = e;
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
        return 'no answer in time';
    const code = typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
    return code ? `the connection failed (${code})` : 'the connection failed';
}
async function readBody(response) {
    const text = await response.text().catch(() => '');
    if (!text || Buffer.byteLength(text) > MAX_BODY_BYTES)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return null;
    }
}
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** GET `path` (from the API's base) with the token; the answer, or in words why there is none. */
async function getWithToken(path, token, options) {
    const unsafe = unsafeApiUrl(options.apiUrl);
    if (unsafe)
        return { ok: false, problem: unsafe };
    if (!sendable(token))
        return { ok: false, problem: 'the value cannot be sent in a header' };
    const base = new URL(options.apiUrl.replace(/\/+$/, '') + '/');
    const doFetch = options.fetch ?? fetch;
    const retries = options.retries ?? 2;
    let url = new URL(path.replace(/^\/+/, ''), base);
    let redirects = 0;
    for (let attempt = 0;;) {
        let response;
        try {
            response = await doFetch(url, {
                method: 'GET',
                redirect: 'manual',
                headers: {
                    authorization: `Bearer ${token}`,
                    accept: 'application/vnd.github+json',
                    'x-github-api-version': '2022-11-28',
                    'user-agent': `pat-lint/${version/* TOOL_VERSION */.w}`,
                },
                signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
            });
        }
        catch (e) {
            if (attempt++ < retries) {
                await sleep((options.retryBaseMs ?? 1000) * 2 ** (attempt - 1));
                continue;
            }
            return { ok: false, problem: redact(describeFailure(e), token) };
        }
        if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
            await response.body?.cancel().catch(() => { });
            let next;
            try {
                next = new URL(response.headers.get('location'), url);
            }
            catch {
                return { ok: false, problem: `the API answered ${response.status} with a location that is not a URL` };
            }
            // Another origin gets nothing: not the token, not even a request.
            if (next.origin !== base.origin)
                return { ok: false, problem: `the API redirected to another host (${next.host}); pat-lint did not follow with the token` };
            if (++redirects > MAX_REDIRECTS)
                return { ok: false, problem: `the API redirected more than ${MAX_REDIRECTS} times` };
            url = next;
            continue;
        }
        if (response.status >= 500 && attempt++ < retries) {
            await response.body?.cancel().catch(() => { });
            await sleep((options.retryBaseMs ?? 1000) * 2 ** (attempt - 1));
            continue;
        }
        return { ok: true, status: response.status, headers: response.headers, body: await readBody(response) };
    }
}

;// CONCATENATED MODULE: ./src/github/live-check.ts
/**
 * The live check (issue 21): what GitHub says about each token the workflow hands pat-lint, read
 * without writing anything. One GET /rate_limit per token (it costs no rate limit and answers any
 * valid token; GET /user where GitHub Enterprise Server has no rate limits to report) gives whether GitHub accepts it, its expiry and, for classic tokens, its scopes;
 * then one GET /repos/{owner}/{repo} per repository it should reach tells whether it sees it.
 * The value goes into the Authorization header of these requests and nowhere else: what comes
 * back is plain data (types.ts LiveCheck) with no trace of it.
 */


const MAX_LIVE_REPOSITORIES = 20;
/** Tokens checked in one run at most: each costs up to 21 requests. */
const MAX_LIVE_TOKENS = 50;
/** The whole check's time: a stalled API must not hold the step for the length of every timeout. */
const LIVE_CHECK_BUDGET_MS = 180_000;
/** GitHub's message for a 403 is quoted at most this long. */
const MAX_DETAIL = 200;
const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
function message(body) {
    const m = body?.message;
    return typeof m === 'string' ? m.slice(0, MAX_DETAIL) : undefined;
}
function rateLimited(answer) {
    return answer.status === 429 || (answer.status === 403 && answer.headers.get('x-ratelimit-remaining') === '0');
}
/** What one answer says about a repository's visibility to the token. */
function repositoryAccess(repository, answer, value) {
    if (!answer.ok)
        return { repository, access: 'failed', detail: answer.problem };
    if (answer.status === 200)
        return { repository, access: answer.body?.private === true ? 'private' : 'public' };
    if (answer.status === 404)
        return { repository, access: 'not-visible' };
    if (answer.status === 403 && answer.headers.has('x-github-sso'))
        return { repository, access: 'sso' };
    if (rateLimited(answer))
        return { repository, access: 'failed', detail: 'rate limited' };
    const detail = message(answer.body);
    if (answer.status === 403)
        return { repository, access: 'forbidden', ...(detail ? { detail: redact(detail, value) } : {}) };
    return { repository, access: 'failed', detail: `GitHub answered ${answer.status}` };
}
/** Checks one token: its value never leaves this function except as the header of a request. */
async function checkToken(target, options, deadline = Number.POSITIVE_INFINITY) {
    const value = target.value ?? '';
    const kind = (0,token_formats/* tokenKind */.aA)(value);
    const base = { secret: target.secret, kind, checkedAt: (options.now?.() ?? new Date()).toISOString(), outcome: 'not-set' };
    if (kind === 'empty')
        return base;
    if (!sendable(value))
        return { ...base, kind: 'unknown', outcome: 'not-sent', problem: 'the value holds spaces, line breaks or characters an HTTP header cannot carry (a secret saved with a trailing newline, say)' };
    if (kind === 'unknown')
        return { ...base, outcome: 'not-sent', problem: 'the value is in no GitHub token format (github_pat_, ghp_, gho_, ghu_, ghs_, or 40 hex digits): pat-lint sends nothing else to GitHub' };
    if (kind === 'refresh')
        return { ...base, outcome: 'not-sent', problem: 'a refresh token (ghr_) is no access token: the API does not accept it' };
    if (Date.now() >= deadline)
        return { ...base, outcome: 'failed', problem: OUT_OF_TIME };
    let answer = await getWithToken('/rate_limit', value, options);
    // GitHub Enterprise Server answers 404 there when its rate limits are off (their default):
    // GET /user authenticates the same way (an installation token, which has no user, gets a 403).
    if (answer.ok && answer.status === 404)
        answer = await getWithToken('/user', value, options);
    if (!answer.ok)
        return { ...base, outcome: 'failed', problem: answer.problem };
    if (answer.status === 401)
        return { ...base, outcome: 'rejected' };
    if (rateLimited(answer))
        return { ...base, outcome: 'failed', problem: 'GitHub rate-limited the check' };
    if (answer.status !== 200 && !(answer.status === 403 && kind === 'installation'))
        return { ...base, outcome: 'failed', problem: `GitHub answered ${answer.status}` };
    const out = { ...base, outcome: 'accepted' };
    const expiration = answer.headers.get('github-authentication-token-expiration');
    if (expiration === null)
        out.expiresAt = (0,token_formats/* isPersonalAccessToken */.yK)(kind) ? null : undefined;
    else {
        const date = (0,token_formats/* parseExpiration */.lG)(expiration);
        if (date)
            out.expiresAt = date.toISOString();
        else
            out.problem = 'GitHub sent an expiration date pat-lint cannot read';
    }
    if (out.expiresAt === undefined)
        delete out.expiresAt;
    const scopes = answer.headers.get('x-oauth-scopes');
    out.scopes = scopes === null ? null : (0,token_formats/* parseScopes */.Fg)(scopes);
    const wanted = [...new Set(target.repositories.filter((r) => REPOSITORY.test(r)).map((r) => r.toLowerCase()))];
    const limit = options.maxRepositories ?? MAX_LIVE_REPOSITORIES;
    if (wanted.length) {
        out.repositories = [];
        for (const repository of wanted.slice(0, limit)) {
            if (Date.now() >= deadline) {
                out.repositories.push({ repository, access: 'failed', detail: OUT_OF_TIME });
                continue;
            }
            const [owner, name] = repository.split('/');
            const read = await getWithToken(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`, value, options);
            out.repositories.push(repositoryAccess(repository, read, value));
        }
        if (wanted.length > limit)
            out.repositoriesNotChecked = wanted.length - limit;
    }
    return out;
}
const OUT_OF_TIME = 'the live check ran out of time before reading it';
/**
 * Checks each token in turn (a handful of requests: no need to press the API in parallel), within
 * the time budget; past MAX_LIVE_TOKENS the names are said to be unchecked.
 */
async function checkTokens(targets, options) {
    const deadline = Date.now() + (options.budgetMs ?? LIVE_CHECK_BUDGET_MS);
    const out = [];
    for (const [i, t] of targets.entries()) {
        if (i < MAX_LIVE_TOKENS)
            out.push(await checkToken(t, options, deadline));
        else
            out.push({ secret: t.secret, kind: (0,token_formats/* tokenKind */.aA)(t.value ?? ''), checkedAt: (options.now?.() ?? new Date()).toISOString(), outcome: 'failed', problem: `past the ${MAX_LIVE_TOKENS} tokens one run checks` });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/github/lint-live.ts
/**
 * The lint with a live check (issue 21): the first report says which repositories each token is
 * declared for or acts on; GitHub is asked about each named token; the repository is linted again
 * with the answers, so that their findings are ignored, placed and sorted as every other.
 */


/** The repositories worth one read each: those declared, those the uses reach, and this one when a use acts on it. */
function repositoriesToRead(report, secret) {
    const t = report.tokens.find((x) => x.secret.toUpperCase() === secret.toUpperCase());
    if (!t)
        return [];
    const declared = Array.isArray(t.requested?.repositories) ? t.requested.repositories : [];
    const own = t.ownRepository && report.repository ? [report.repository] : [];
    return [...new Set([...declared, ...own, ...t.repositories].map((r) => r.toLowerCase()))];
}
async function lintWithLiveCheck(root, options, first, run) {
    // A variable named otherwise than its secret is reported by the secret's name, which the declaration and uses carry.
    const secretOf = (name) => (first.liveCheckSecrets && Object.hasOwn(first.liveCheckSecrets, name) ? first.liveCheckSecrets[name] : name);
    const targets = run.names.map((name) => ({ secret: secretOf(name), value: run.env[name], repositories: repositoriesToRead(first, secretOf(name)) }));
    const live = await checkTokens(targets, run);
    return (0,lint/* lint */.u8)(root, { ...options, live, expiryWarningDays: run.expiryWarningDays });
}


/***/ })

};
