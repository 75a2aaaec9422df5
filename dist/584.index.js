export const id = 584;
export const ids = [584];
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


/***/ })

};
