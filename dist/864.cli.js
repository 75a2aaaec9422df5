export const id = 864;
export const ids = [864,827];
export const modules = {

/***/ 4827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_SOURCE_BUDGET: () => (/* binding */ DEFAULT_SOURCE_BUDGET),
/* harmony export */   SOURCE_CLIENT: () => (/* binding */ SOURCE_CLIENT),
/* harmony export */   fetchActionSources: () => (/* binding */ fetchActionSources),
/* harmony export */   parseActionRef: () => (/* binding */ parseActionRef)
/* harmony export */ });
/* harmony import */ var _knowledge_derive_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1402);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(351);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5570);



const DEFAULT_SOURCE_BUDGET = { actions: 20, filesPerAction: 60, bytesPerFile: 512 * 1024, totalBytes: 8 * 1024 * 1024, seconds: 60 };
/** The client options for reading sources: one retry and a short timeout, within the run's time budget. */
const SOURCE_CLIENT = { retries: 1, timeoutMs: 10_000 };
/** `owner/repo[/path]@ref` of a remote action; null for anything else. */
function parseActionRef(uses) {
    const m = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})((?:\/[A-Za-z0-9._-]+)*)@([A-Za-z0-9._\/-]{1,255})$/.exec(uses.trim());
    if (!m || m[2] === '.' || m[2] === '..' || /(?:^|\/)\.\.(?:\/|$)/.test(m[3]))
        return null;
    return { owner: m[1], repo: m[2], path: m[3].replace(/^\//, ''), ref: m[4] };
}
/** Files worth reading: the metadata and JavaScript or TypeScript outside dependencies, tests and build output other than the entry. */
function wanted(path, dir) {
    if (dir && !path.startsWith(`${dir}/`))
        return false;
    const rest = dir ? path.slice(dir.length + 1) : path;
    if (/^action\.ya?ml$/.test(rest))
        return true;
    return /\.[cm]?[jt]s$/.test(rest) && !/(?:^|\/)(?:node_modules|__tests__|tests?|coverage|\.github)\//.test(rest) && !/\.(?:test|spec|d)\.[cm]?[jt]s$/.test(rest);
}
function status(e) {
    return e.status === 404 ? 'not found, or private' : (0,_review_js__WEBPACK_IMPORTED_MODULE_1__/* .describeApiError */ .g)(e).split('\n')[0];
}
/** Reads and derives each of `uses` (values as written, with their ref), once per repository and ref. */
async function fetchActionSources(client, uses, budget = DEFAULT_SOURCE_BUDGET) {
    const out = { derived: [], skipped: [] };
    let bytes = 0;
    const seen = new Set();
    const deadline = Date.now() + budget.seconds * 1000;
    const inTime = () => {
        if (Date.now() > deadline)
            throw new Error(`the run's ${budget.seconds} s for reading actions' source are spent`);
    };
    for (const value of uses) {
        const ref = parseActionRef(value);
        if (!ref) {
            out.skipped.push(`${(0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(value)}: not a remote action with a ref`);
            continue;
        }
        const key = `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`.toLowerCase();
        if (seen.has(key))
            continue;
        seen.add(key);
        if (out.derived.length >= budget.actions) {
            out.skipped.push(`${(0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(value)}: more than ${budget.actions} actions to read in one run`);
            continue;
        }
        try {
            inTime();
            const { data: tree } = await client.rest.git.getTree({ owner: ref.owner, repo: ref.repo, tree_sha: ref.ref, recursive: 'true' });
            if (tree.truncated) {
                out.skipped.push(`${(0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(value)}: its repository is too large to list`);
                continue;
            }
            const paths = tree.tree.filter((t) => t.type === 'blob' && typeof t.path === 'string' && wanted(t.path, ref.path) && (t.size ?? 0) <= budget.bytesPerFile).map((t) => t.path);
            if (paths.length > budget.filesPerAction) {
                out.skipped.push(`${(0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(value)}: ${paths.length} files, more than the ${budget.filesPerAction} read for one action`);
                continue;
            }
            const files = [];
            for (const path of paths) {
                if (bytes >= budget.totalBytes)
                    throw new Error(`the run's budget of ${budget.totalBytes} bytes is spent`);
                inTime();
                const { data } = await client.rest.repos.getContent({ owner: ref.owner, repo: ref.repo, path, ref: ref.ref });
                if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
                    continue;
                const text = Buffer.from(data.content, 'base64').toString('utf8');
                bytes += text.length;
                files.push({ path, text });
            }
            const uses = [ref.owner, ref.repo, ...(ref.path ? [ref.path] : [])].join('/');
            // The ref as written is the provenance: a SHA pins it, a tag or branch names what was read then.
            out.derived.push((0,_knowledge_derive_action_js__WEBPACK_IMPORTED_MODULE_0__/* .deriveAction */ .Qh)(uses, ref.ref, files));
        }
        catch (e) {
            out.skipped.push(`${(0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .TL)(value)}: ${status(e)}`);
        }
    }
    return out;
}


/***/ }),

/***/ 4864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lintAndKnowledge: () => (/* binding */ lintAndKnowledge),
/* harmony export */   lintReadingSources: () => (/* binding */ lintReadingSources)
/* harmony export */ });
/* harmony import */ var _lint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9828);
/* harmony import */ var _knowledge_actions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8343);
/* harmony import */ var _knowledge_derive_action_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1402);
/* harmony import */ var _action_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4827);
/**
 * A lint that may read unknown actions' source over the API (issue 19): the first pass names the
 * remote actions given a token that pat-lint has no knowledge of; their source is read at the
 * pinned ref (github/action-source.ts) and the repository is linted again with that knowledge.
 * Without a client (offline, the CLI's default) it is the plain lint.
 */




async function lintReadingSources(root, options, client, log, budget, firstPass) {
    return (await lintAndKnowledge(root, options, client, log, budget, firstPass)).report;
}
/** The lint reading sources, with the options it ended with (the knowledge read), for a later pass to start from. */
async function lintAndKnowledge(root, options, client, log, budget, firstPass) {
    const first = firstPass ?? (0,_lint_js__WEBPACK_IMPORTED_MODULE_0__/* .lint */ .u8)(root, options);
    if (!client || !first.unknownActions.length)
        return { report: first, options };
    const fetched = await (0,_action_source_js__WEBPACK_IMPORTED_MODULE_3__.fetchActionSources)(client, first.unknownActions, budget);
    for (const why of fetched.skipped)
        log(`pat-lint did not read the source of ${why}`);
    const read = fetched.derived.filter(_knowledge_derive_action_js__WEBPACK_IMPORTED_MODULE_2__/* .readSomething */ .VB);
    for (const d of fetched.derived.filter((x) => !(0,_knowledge_derive_action_js__WEBPACK_IMPORTED_MODULE_2__/* .readSomething */ .VB)(x)))
        log(`pat-lint read ${d.uses}@${d.commit} but found no source to read (${d.unseen.map((u) => u.what).join('; ')})`);
    if (!read.length)
        return { report: first, options };
    log(`pat-lint read the source of ${read.map((d) => `${d.uses}@${d.commit}`).join(', ')}`);
    const actions = read.map((d) => ({ ...(0,_knowledge_actions_js__WEBPACK_IMPORTED_MODULE_1__/* .fromDerived */ .IW)(d), readFromSource: `${d.uses}@${d.commit}` }));
    const withSources = { ...options, actions: [...(options.actions ?? []), ...actions] };
    return { report: (0,_lint_js__WEBPACK_IMPORTED_MODULE_0__/* .lint */ .u8)(root, withSources), options: withSources };
}


/***/ })

};
