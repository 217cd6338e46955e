export const id = 312;
export const ids = [312];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _buildx_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61747);
/* harmony import */ var _cache_actions_cache_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5222);
/* harmony import */ var _cache_layers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66542);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33175);
/* harmony import */ var _lib_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(39445);
// The post step: runs after the job's other steps (post-if: always()). It saves the build
// cache the main step rotated and removes a builder the main step created. Never fails the job.






async function post() {
    try {
        const plan = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .cacheSave */ .UN)();
        if (plan) {
            // State is only ever a folder localCacheDir named; anything else did not come from the main step.
            if (!(0,_cache_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .isLocalCacheDir */ .Dv)((0,_lib_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runnerTemp */ .X5)(), plan.dir)) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Not saving the build cache: unexpected folder ${plan.dir} in the step state.`);
            }
            else {
                const saved = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Save the build cache', () => (0,_cache_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .saveLayers */ .o)(plan, new _cache_actions_cache_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionsCacheStore */ .z(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token'))));
                await summarize(plan, saved);
            }
        }
        const builder = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .createdBuilder */ .U)();
        if (builder)
            await (0,_buildx_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .removeBuilder */ .iq)(builder);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`c2w-action post step: ${e.message}`);
    }
}
/** One line under the main step's summary: what the cache service now holds from this job. */
async function summarize(plan, saved) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const parts = [
        saved.shared > 0 ? `${saved.shared} bytes shared by every allocator under <code>${plan.shared?.key}</code>` : '',
        saved.allocator > 0 ? `${saved.allocator} bytes for this allocator under <code>${plan.key}</code>` : '',
    ].filter(Boolean);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(`Build cache saved: ${parts.length ? parts.join('; ') : 'nothing'}.`, true).write();
}


/***/ }),

/***/ 82979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ passthroughProblem),
/* harmony export */   WH: () => (/* binding */ browserEnv),
/* harmony export */   gf: () => (/* binding */ childEnv)
/* harmony export */ });
// The environment a child process gets: what it needs from the action's environment and no
// more. The runner hands the action every input as INPUT_* (github-token among them), the
// Actions runtime token, and the paths of the step's command files; c2w, docker, buildx and tar
// need none of them. Only buildx's gha cache backend reads the runtime variables: it takes
// ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL and ACTIONS_CACHE_SERVICE_V2
// from its environment (https://docs.docker.com/build/cache/backends/gha/#authentication).
//
// docker and buildx start a registry's credential helper (`credHelpers`/`credsStore` in
// config.json, https://docs.docker.com/reference/cli/docker/login/#credential-helpers) with their
// own environment, and the cloud helpers read their cloud's variables: docker-credential-ecr-login
// the AWS SDK's (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN, AWS_REGION, AWS_PROFILE,
// AWS_WEB_IDENTITY_TOKEN_FILE, ..., and its own AWS_ECR_*; awslabs/amazon-ecr-credential-helper
// README), docker-credential-gcloud gcloud's (CLOUDSDK_<SECTION>_<PROPERTY>,
// CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) and docker-credential-gcr GOOGLE_APPLICATION_CREDENTIALS
// (GoogleCloudPlatform/docker-credential-gcr README; google-github-actions/auth exports both),
// docker-credential-acr-env AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID
// (chrismellard/docker-credential-acr-env README) and the Azure SDK's AZURE_FEDERATED_TOKEN_FILE,
// docker-credential-pass PASSWORD_STORE_DIR and gpg's GNUPGHOME, docker-credential-secretservice
// the D-Bus session bus. Those reach docker, buildx and c2w only (`registryCredentials`), never
// tar or the smoke boot, which has an environment of its own (smoke/boot.ts).
/** Variables passed through by exact name. */
const KEEP = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TERM',
    'TMPDIR',
    'TEMP',
    'TMP',
    // Proxies, as curl, Go's net/http (docker, buildx, c2w) and Node read them, in both spellings.
    'http_proxy',
    'HTTP_PROXY',
    'https_proxy',
    'HTTPS_PROXY',
    'no_proxy',
    'NO_PROXY',
    'all_proxy',
    'ALL_PROXY',
    // Corporate CAs: OpenSSL's and Go's crypto/x509 (docker, buildx) read SSL_CERT_FILE/SSL_CERT_DIR,
    // Node NODE_EXTRA_CA_CERTS, Python's requests (gcloud, a helper written in Python) REQUESTS_CA_BUNDLE.
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    // buildx passes SOURCE_DATE_EPOCH to the build as the build argument of that name, for
    // reproducible builds (https://docs.docker.com/build/ci/github-actions/reproducible-builds/).
    'SOURCE_DATE_EPOCH',
    'CI',
    'GITHUB_ACTIONS',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'RUNNER_TEMP',
    'RUNNER_TOOL_CACHE',
    // The runner finds and ends the processes of a job by this variable after the job
    // (actions/runner ProcessInvoker sets it; its job cleanup looks for it in /proc/<pid>/environ).
    'RUNNER_TRACKING_ID',
]);
/** Variables passed through by prefix: the docker client's and buildx's own settings, locale, XDG dirs. */
const KEEP_PREFIXES = ['DOCKER_', 'BUILDX_', 'BUILDKIT_', 'LC_', 'XDG_'];
/** What the registry credential helpers read (see above): passed to docker, buildx and c2w only. */
const CREDENTIAL_PREFIXES = ['AWS_', 'GOOGLE_', 'CLOUDSDK_', 'AZURE_', 'PASSWORD_STORE_'];
const CREDENTIAL_NAMES = new Set(['GNUPGHOME', 'DBUS_SESSION_BUS_ADDRESS']);
/**
 * Never passed, whatever env-passthrough says: the inputs (github-token among them), the Actions
 * runtime and OIDC tokens, the step's state and command files, and the workflow's token.
 */
const NEVER_PREFIXES = ['INPUT_', 'ACTIONS_', 'STATE_'];
const NEVER_NAMES = new Set([
    'GITHUB_TOKEN',
    'GITHUB_ENV',
    'GITHUB_OUTPUT',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
]);
/**
 * Without regard to case: Linux names are case-sensitive, so `github_token` is another variable,
 * but one a workflow would only set to hold the same token.
 */
function never(name) {
    const upper = name.toUpperCase();
    return NEVER_NAMES.has(upper) || NEVER_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
/** Why `name` cannot be in env-passthrough, or undefined when it can. Pure. */
function passthroughProblem(name) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        return `'${name}' is not a variable name (letters, digits, _)`;
    if (never(name))
        return `'${name}' is never passed to a child process (INPUT_*, ACTIONS_*, STATE_*, GITHUB_TOKEN and the step's command files stay with the action)`;
    return undefined;
}
/** What buildx's gha cache backend reads (see the link above). */
const ACTIONS_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/** The child's environment: the allow-listed variables of `env`, plus the gha cache variables when needed. */
function childEnv(env, needs = {}) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const credential = needs.registryCredentials === true &&
            !never(name) &&
            (CREDENTIAL_NAMES.has(name) ||
                CREDENTIAL_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
                (needs.passthrough ?? []).includes(name));
        const keep = KEEP.has(name) ||
            KEEP_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
            (needs.actionsCache === true && ACTIONS_CACHE.includes(name)) ||
            credential;
        if (keep)
            result[name] = value;
    }
    return result;
}
/** What a browser (the browser smoke boot's Chromium) keeps of the action's environment, by name. */
const BROWSER_KEEP = new Set(['PATH', 'LANG', 'LANGUAGE', 'TZ', 'RUNNER_TRACKING_ID']);
/**
 * The browser's environment, an allowlist: a path, the locale and the runner's tracking id, with
 * `home` as HOME and TMPDIR (its scratch folder). Nothing else of the job: no DOCKER_* (a
 * DOCKER_PASSWORD or DOCKER_AUTH_CONFIG of the workflow), no proxy, credential, token, input or
 * command-file variable. The page is served on loopback and needs no proxy.
 */
function browserEnv(env, home) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (BROWSER_KEEP.has(name) || name.startsWith('LC_'))
            result[name] = value;
    }
    result.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    result.HOME = home;
    result.TMPDIR = home;
    return result;
}


/***/ }),

/***/ 39445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runnerToolCache),
/* harmony export */   GQ: () => (/* binding */ runnerPlatform),
/* harmony export */   X5: () => (/* binding */ runnerTemp)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
// The runner's folders and identity, read in one place. On an Actions runner, RUNNER_TEMP is the
// job's temporary folder (emptied after each job), RUNNER_TOOL_CACHE the tool cache, and
// RUNNER_OS/RUNNER_ARCH name the machine (docs.github.com: "Store information in variables",
// default environment variables); off a runner, the machine's own temporary folder and names.

/** The folder for a run's temporary files: RUNNER_TEMP, else the machine's temporary folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir();
}
/** The tool cache (RUNNER_TOOL_CACHE), or undefined off a runner. */
function runnerToolCache(env = process.env) {
    return env.RUNNER_TOOL_CACHE || undefined;
}
/** The runner's OS and architecture as the runner names them (Linux, X64), else Node's names. */
function runnerPlatform(env = process.env) {
    return { os: env.RUNNER_OS || node_os__WEBPACK_IMPORTED_MODULE_0__.platform(), arch: env.RUNNER_ARCH || node_os__WEBPACK_IMPORTED_MODULE_0__.arch() };
}


/***/ })

};

//# sourceMappingURL=312.index.js.map