export const id = 927;
export const ids = [927];
export const modules = {

/***/ 1927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listForMatrix: () => (/* binding */ listForMatrix),
  scanRemote: () => (/* binding */ scanRemote),
  writeGrants: () => (/* binding */ writeGrants)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/org-list.ts
const REPOSITORY = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})(?:@([^\s\x00-\x1f\x7f]{1,255}))?$/;
/**
 * `owner/a,owner/b`, or `owner/a@main owner/b@trunk` as `list` writes a shard (with its default
 * branch, which spares the scan a call): whitespace separates entries, and so do commas in an
 * entry without a branch (a branch name may hold a comma). Returns the entries that are not
 * OWNER/NAME[@BRANCH] apart.
 */
function parseRepositoryList(text) {
    const repos = [];
    const invalid = [];
    const seen = new Set();
    const items = text.split(/\s+/).filter(Boolean).flatMap((t) => (t.includes('@') ? [t] : t.split(',').filter(Boolean)));
    for (const item of items) {
        const m = REPOSITORY.exec(item);
        if (!m || m[2] === '.' || m[2] === '..') {
            invalid.push(item);
            continue;
        }
        if (seen.has(`${m[1]}/${m[2]}`.toLowerCase()))
            continue;
        seen.add(`${m[1]}/${m[2]}`.toLowerCase());
        repos.push({ owner: m[1], name: m[2], defaultBranch: m[3] ?? null });
    }
    return { repos, invalid };
}
/**
 * Every repository of `owner`: the organization's, else (a 404) the user's. Forks are kept: their
 * workflows run as any other repository's. A repository listed on two pages (one created while
 * the listing ran shifts the pages) is kept once.
 */
async function listRepositories(client, owner) {
    const toScan = (r) => ({ owner: r.owner.login, name: r.name, defaultBranch: r.default_branch ?? null, archived: !!r.archived });
    let listed;
    try {
        listed = (await client.paginate(client.rest.repos.listForOrg, { org: owner, type: 'all', per_page: 100 })).map(toScan);
    }
    catch (e) {
        if (e.status !== 404)
            throw e;
        listed = (await client.paginate(client.rest.repos.listForUser, { username: owner, type: 'owner', per_page: 100 })).map(toScan);
    }
    // Names become file names: one that is not a GitHub owner/name (from a misbehaving server) is not scanned.
    const byName = new Map(listed.filter((r) => REPOSITORY.test(`${r.owner}/${r.name}`) && r.name !== '.' && r.name !== '..').map((r) => [`${r.owner}/${r.name}`.toLowerCase(), r]));
    return [...byName.values()].sort((a, b) => `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`));
}
/** GitHub runs at most 256 jobs a matrix. */
const MAX_SHARDS = 256;
/**
 * The repositories split into `shards` for a matrix (round robin, so that no shard holds only the
 * largest names' neighbours), as `strategy.matrix` takes it: `{ include: [{ shard, repos }] }`.
 */
function matrixOf(repos, shards) {
    const count = Math.max(1, Math.min(shards, MAX_SHARDS, repos.length));
    const groups = Array.from({ length: count }, () => []);
    repos.forEach((r, i) => groups[i % count].push(`${r.owner}/${r.name}${r.defaultBranch ? `@${r.defaultBranch}` : ''}`));
    return { include: groups.filter((g) => g.length).map((g, i) => ({ shard: i + 1, repos: g.join(' ') })) };
}

// EXTERNAL MODULE: ./src/lint.ts + 23 modules
var lint = __webpack_require__(9828);
// EXTERNAL MODULE: ./src/report/json.ts
var report_json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/requirements/load.ts
var load = __webpack_require__(6598);
// EXTERNAL MODULE: ./src/github/review.ts + 5 modules
var review = __webpack_require__(5570);
;// CONCATENATED MODULE: ./src/github/org-scan.ts
/**
 * Lints repositories without a checkout (issue 20): per repository the root tree (one call, not
 * recursive: a monorepo's full tree is megabytes), the `.github` tree (one call, recursive), and
 * the files pat-lint reads through GraphQL (blobs by `branch:path`, many repositories a query), written to a scratch
 * directory and linted as a checkout is. The `.github` tree's SHA and the requirements file's
 * blob SHA fingerprint everything read: a repository whose fingerprint matches its previous
 * report is not read again. A repository that cannot be read becomes a failure record.
 */







/** What the scan reads under `.github`: workflows (GitHub runs only those directly in the folder) and local actions. */
const WORKFLOW = /^workflows\/[^/]+\.ya?ml$/;
const LOCAL_ACTION = /(?:^|\/)action\.ya?ml$/;
/** Files read per repository, at most; a larger blob is not a workflow anyone wrote by hand. */
const MAX_FILES = 300;
const MAX_FILE_BYTES = 1024 * 1024;
/** A path from the API is written only when it stays inside the scratch directory. */
function safePath(path) {
    return path.length <= 4096 && !path.includes('\\') && !path.includes('\0') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
function org_scan_status(e) {
    return e.status;
}
function why(e) {
    const code = org_scan_status(e);
    if (code === 404)
        return 'not found (deleted, renamed, or not visible to this token)';
    if (code === 403 || code === 451)
        return `not readable with this token (HTTP ${code})`;
    return (0,report_escape/* oneLine */.TN)((0,review/* describeApiError */.g)(e).split('\n')[0]).slice(0, 300);
}
/** Repositories, and files, one GraphQL query reads at most. */
const REPOSITORIES_PER_QUERY = 100;
const FILES_PER_QUERY = 300;
/** Repositories planned at once: trees are read for these before their files, which bounds what is held. */
const CHUNK = 100;
function failureRecord(repository, reason) {
    return { repository, name: `${repository.replace('/', '+')}.json`, failed: true, json: JSON.stringify({ version: 1, repository, failed: reason }, null, 2) + '\n' };
}
/** The trees of one repository: what to read, or the record when there is nothing to read (unchanged, failed). */
async function plan(client, repo, index, previous) {
    const repository = `${repo.owner}/${repo.name}`;
    const name = `${repo.owner}+${repo.name}.json`;
    try {
        const branch = repo.defaultBranch ?? (await client.rest.repos.get({ owner: repo.owner, repo: repo.name })).data.default_branch;
        const notices = [];
        const wanted = [];
        let fingerprint = '';
        try {
            const { data: top } = await client.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: branch });
            for (const entry of top.tree) {
                if (entry.type === 'blob' && entry.path && load/* DEFAULT_REQUIREMENTS_PATHS */.aI.includes(entry.path) && entry.mode !== '120000') {
                    wanted.push(entry.path);
                    fingerprint += `${entry.path}@${entry.sha} `;
                }
            }
            const github = top.tree.find((e) => e.path === '.github' && e.type === 'tree');
            if (github?.sha)
                fingerprint += `.github@${github.sha}`;
            const known = previous?.(repository);
            if (known && known.fingerprint === fingerprint)
                return { repository, name, json: known.json, failed: false, unchanged: true };
            if (github?.sha) {
                const { data: sub } = await client.rest.git.getTree({ owner: repo.owner, repo: repo.name, tree_sha: github.sha, recursive: 'true' });
                if (sub.truncated)
                    notices.push('its .github folder is too large for the API to list whole: some workflows may not be read');
                for (const entry of sub.tree) {
                    // Symbolic links (mode 120000) are not followed: their target may be anywhere.
                    if (entry.type !== 'blob' || !entry.path || entry.mode === '120000')
                        continue;
                    if (!WORKFLOW.test(entry.path) && !LOCAL_ACTION.test(entry.path) && !load/* DEFAULT_REQUIREMENTS_PATHS */.aI.includes(`.github/${entry.path}`))
                        continue;
                    if ((entry.size ?? 0) > MAX_FILE_BYTES) {
                        notices.push(`.github/${(0,report_escape/* oneLine */.TN)(entry.path).slice(0, 200)} is larger than ${MAX_FILE_BYTES} bytes: not read`);
                        continue;
                    }
                    wanted.push(`.github/${entry.path}`);
                }
            }
        }
        catch (e) {
            // An empty repository has no tree (409): nothing to lint, which is an answer, not a failure.
            if (org_scan_status(e) !== 409)
                throw e;
        }
        const paths = wanted.filter(safePath);
        if (paths.length > MAX_FILES)
            notices.push(`${paths.length} files to read, more than the ${MAX_FILES} read per repository: the rest is not linted`);
        return { index, repository, name, owner: repo.owner, repo: repo.name, branch, paths: paths.slice(0, MAX_FILES), fingerprint, notices };
    }
    catch (e) {
        return failureRecord(repository, why(e));
    }
}
/**
 * The files of several repositories in one GraphQL query (GitHub's client allows one such query a
 * second): owners, names and `branch:path` expressions in variables, never in the query text. A
 * repository GitHub cannot resolve (deleted since its trees were read) comes back null.
 */
async function readFiles(client, plans) {
    const vars = {};
    const declared = [];
    const parts = plans.map((p, i) => {
        vars[`o${i}`] = p.owner;
        vars[`n${i}`] = p.repo;
        declared.push(`$o${i}: String!`, `$n${i}: String!`);
        const fields = p.paths.map((path, j) => {
            vars[`e${i}_${j}`] = `${p.branch}:${path}`;
            declared.push(`$e${i}_${j}: String!`);
            return `f${j}: object(expression: $e${i}_${j}) { ... on Blob { text isTruncated isBinary } }`;
        });
        return `r${i}: repository(owner: $o${i}, name: $n${i}) { ${fields.join(' ') || '__typename'} }`;
    });
    const query = `query(${declared.join(', ')}) { ${parts.join(' ')} }`;
    let data;
    try {
        data = await client.graphql(query, vars);
    }
    catch (e) {
        // Partial data: the repositories it could not resolve are null, the others are read.
        const partial = e.data;
        if (!partial)
            throw e;
        data = partial;
    }
    const out = new Map();
    plans.forEach((p, i) => {
        const repo = data[`r${i}`];
        out.set(p, repo ? new Map(p.paths.map((path, j) => [path, repo[`f${j}`] ?? null])) : null);
    });
    return out;
}
/** Writes the files read into a scratch checkout and lints it as a checkout is linted. */
async function lintPlan(p, blobs, scratch, server) {
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(scratch, 'repo-'));
    try {
        const notices = [...p.notices];
        for (const [path, blob] of blobs) {
            if (!blob || blob.isBinary || blob.text === null || blob.isTruncated) {
                if (blob)
                    notices.push(`${(0,report_escape/* oneLine */.TN)(path).slice(0, 200)} could not be read whole through the API: not linted`);
                continue;
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(root, path)), { recursive: true });
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(root, path), blob.text);
        }
        const report = (0,lint/* lint */.u8)(root, { repository: p.repository, validate: await (0,lint/* validatorFor */.qA)(root, {}) });
        const json = JSON.parse((0,report_json/* formatJson */.I)(report, server));
        json.notices = [...json.notices, ...notices];
        json.scan = { branch: p.branch, fingerprint: p.fingerprint };
        return { repository: p.repository, name: p.name, failed: false, json: JSON.stringify(json, null, 2) + '\n' };
    }
    catch (e) {
        return failureRecord(p.repository, `not linted: ${(0,report_escape/* oneLine */.TN)(e.message).slice(0, 300)}`);
    }
    finally {
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
    }
}
/** Plans in query-sized groups: at most REPOSITORIES_PER_QUERY repositories and FILES_PER_QUERY files each. */
function batches(plans) {
    const out = [];
    let current = [];
    let files = 0;
    for (const p of plans) {
        if (current.length && (current.length >= REPOSITORIES_PER_QUERY || files + p.paths.length > FILES_PER_QUERY)) {
            out.push(current);
            current = [];
            files = 0;
        }
        current.push(p);
        files += p.paths.length;
    }
    if (current.length)
        out.push(current);
    return out;
}
async function pool(items, concurrency, run) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await run(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
    return results;
}
/**
 * Scans `repos`: trees with at most `concurrency` requests in flight, then the files of up to
 * REPOSITORIES_PER_QUERY repositories a query, then the lint. Records come back in the order given.
 */
async function scanRemoteRepositories(client, repos, options) {
    const records = new Array(repos.length);
    const done = (i, r) => {
        records[i] = r;
        options.onRecord?.(r);
    };
    for (let start = 0; start < repos.length; start += CHUNK) {
        const planned = await pool(repos.slice(start, start + CHUNK), options.concurrency, (repo, i) => plan(client, repo, start + i, options.previous));
        const toRead = [];
        for (const [i, p] of planned.entries()) {
            if ('json' in p)
                done(start + i, p);
            else
                toRead.push(p);
        }
        for (const batch of batches(toRead)) {
            let read;
            try {
                read = await readFiles(client, batch);
            }
            catch (e) {
                for (const p of batch)
                    done(p.index, failureRecord(p.repository, why(e)));
                continue;
            }
            for (const p of batch) {
                const blobs = read.get(p);
                done(p.index, blobs ? await lintPlan(p, blobs, options.scratch, options.server) : failureRecord(p.repository, 'not found (deleted, renamed, or not visible to this token)'));
            }
        }
    }
    return records;
}

;// CONCATENATED MODULE: ./src/github/pat-grants.ts
/** Repositories listed per grant, at most: past it, the count is what matters. */
const MAX_REPOSITORIES = 1000;
class GrantsUnavailable extends Error {
    name = 'GrantsUnavailable';
}
async function fetchGrants(client, org) {
    let raw;
    try {
        raw = await client.paginate(client.rest.orgs.listPatGrants, { org, per_page: 100 });
    }
    catch (e) {
        const status = e.status;
        if (status === 403 || status === 401 || status === 404) {
            throw new GrantsUnavailable(`GitHub answered ${status} to GET /orgs/${org}/personal-access-tokens: only a GitHub App's installation token with the organization permission "Personal access tokens" (read) may list an organization's fine-grained token grants`);
        }
        throw e;
    }
    const grants = [];
    for (const g of raw) {
        let repositories = [];
        if (g.repository_selection === 'all')
            repositories = 'all';
        else if (g.repository_selection === 'subset') {
            const listed = [];
            for await (const page of client.paginate.iterator(client.rest.orgs.listPatGrantRepositories, { org, pat_id: g.id, per_page: 100 })) {
                listed.push(...page.data.map((r) => r.full_name));
                if (listed.length >= MAX_REPOSITORIES)
                    break;
            }
            repositories = listed.sort();
        }
        grants.push({
            id: g.id,
            owner: g.owner.login,
            tokenName: g.token_name,
            repositories,
            permissions: { repository: g.permissions.repository ?? {}, organization: g.permissions.organization ?? {} },
            expired: g.token_expired,
            expiresAt: g.token_expires_at,
            lastUsedAt: g.token_last_used_at,
        });
    }
    return { version: 1, organization: org, grants };
}

;// CONCATENATED MODULE: ./src/inventory-remote.ts
/**
 * `pat-lint scan --org OWNER` / `--repos LIST`: lists the repositories and scans each through the
 * API (github/org-scan.ts), with the token in GITHUB_TOKEN or GH_TOKEN and the API at
 * GITHUB_API_URL. Loaded only for these commands, so no other run loads the API client.
 */







/** GitHub's primary rate limit resets hourly: a scan of thousands of repositories waits it out rather than fail them. */
const SCAN_MAX_WAIT_SECONDS = 3600;
const MAX_CONCURRENCY = 16;
const MAX_PREVIOUS_BYTES = 64 * 1024 * 1024;
/** The previous scan's reports by repository, with the fingerprint each was made from; read when it matches. */
function previousReports(dir) {
    const byRepository = new Map();
    for (const f of (0,external_node_fs_.readdirSync)(dir).filter((n) => n.endsWith('.json'))) {
        const file = (0,external_node_path_.join)(dir, f);
        try {
            if ((0,external_node_fs_.statSync)(file).size > MAX_PREVIOUS_BYTES)
                continue;
            const json = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            if (typeof json.repository === 'string' && typeof json.scan?.fingerprint === 'string')
                byRepository.set(json.repository.toLowerCase(), { fingerprint: json.scan.fingerprint, file });
        }
        catch {
            /* a report that cannot be read is scanned again */
        }
    }
    return (repository) => {
        const known = byRepository.get(repository.toLowerCase());
        return known ? { fingerprint: known.fingerprint, json: (0,external_node_fs_.readFileSync)(known.file, 'utf8') } : undefined;
    };
}
async function scanRemote(args, env, server, usage) {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token)
        usage('scan --org / --repos needs a token in GITHUB_TOKEN or GH_TOKEN');
    const concurrency = Number(args.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
        usage(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
    if (args.org !== undefined && !/^[A-Za-z0-9-]{1,39}$/.test(args.org))
        usage('--org must be an organization or user name');
    if (args.previous !== undefined && !(0,external_node_fs_.existsSync)(args.previous))
        usage(`--previous ${args.previous} does not exist`);
    const log = [];
    const client = (0,github_client.createClient)(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: (m) => log.push(m), maxWaitSeconds: SCAN_MAX_WAIT_SECONDS });
    let repos = [];
    if (args.repos !== undefined) {
        const parsed = parseRepositoryList(args.repos);
        if (parsed.invalid.length)
            usage(`--repos: not OWNER/NAME: ${parsed.invalid.slice(0, 3).join(', ')}`);
        repos = parsed.repos;
    }
    if (args.org !== undefined) {
        try {
            repos = [...repos, ...(await listRepositories(client, args.org))];
        }
        catch (e) {
            return { code: 1, stdout: '', stderr: `pat-lint: cannot list the repositories of ${args.org}: ${e.message.split('\n')[0]}\n` };
        }
    }
    const out = (0,external_node_path_.resolve)(args.out);
    (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'pat-lint-scan-'));
    let failed = 0;
    let unchanged = 0;
    try {
        await scanRemoteRepositories(client, repos, {
            scratch,
            server,
            concurrency,
            previous: args.previous ? previousReports(args.previous) : undefined,
            onRecord: (r) => {
                (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(out, r.name), r.json);
                if (r.failed)
                    failed++;
                if (r.unchanged)
                    unchanged++;
            },
        });
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
    const lines = [...log, `${repos.length - failed} of ${repos.length} repositories scanned (${unchanged} unchanged since the previous scan), ${failed} not read; reports in ${args.out}`];
    return { code: 0, stdout: '', stderr: lines.join('\n') + '\n' };
}
/** `pat-lint list --org OWNER [--shards N]`: the matrix a reusable workflow fans the scan out over, on stdout. */
async function listForMatrix(org, shards, env, usage) {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token)
        usage('list needs a token in GITHUB_TOKEN or GH_TOKEN');
    if (!/^[A-Za-z0-9-]{1,39}$/.test(org))
        usage('--org must be an organization or user name');
    const count = Number(shards);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS)
        usage(`--shards must be a whole number from 1 to ${MAX_SHARDS}`);
    const log = [];
    const client = (0,github_client.createClient)(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: (m) => log.push(m), maxWaitSeconds: SCAN_MAX_WAIT_SECONDS });
    try {
        const repos = await listRepositories(client, org);
        const matrix = matrixOf(repos, count);
        return { code: 0, stdout: `${JSON.stringify(matrix)}\n`, stderr: [...log, `${repos.length} repositories of ${org} in ${matrix.include.length} shards`].join('\n') + '\n' };
    }
    catch (e) {
        return { code: 1, stdout: '', stderr: `pat-lint: cannot list the repositories of ${org}: ${e.message.split('\n')[0]}\n` };
    }
}
/** `pat-lint grants --org ORG --out FILE`: the organization's fine-grained token grants, for `merge --grants`. */
async function writeGrants(org, file, env, usage) {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    if (!token)
        usage('grants needs a GitHub App installation token in GITHUB_TOKEN or GH_TOKEN');
    if (!/^[A-Za-z0-9-]{1,39}$/.test(org))
        usage('--org must be an organization name');
    const client = (0,github_client.createClient)(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', maxWaitSeconds: SCAN_MAX_WAIT_SECONDS });
    try {
        const grants = await fetchGrants(client, org);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(file), JSON.stringify(grants, null, 2) + '\n');
        return { code: 0, stdout: '', stderr: `${grants.grants.length} fine-grained token grants of ${org} written to ${file}\n` };
    }
    catch (e) {
        const message = e instanceof GrantsUnavailable ? e.message : `cannot list the fine-grained token grants of ${org}: ${e.message.split('\n')[0]}`;
        return { code: 1, stdout: '', stderr: `pat-lint: ${message}\n` };
    }
}


/***/ })

};
