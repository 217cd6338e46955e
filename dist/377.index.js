export const id = 377;
export const ids = [377];
export const modules = {

/***/ 97377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ isLocalCacheDir),
/* harmony export */   He: () => (/* binding */ builderFlags),
/* harmony export */   NU: () => (/* binding */ localCacheDir),
/* harmony export */   Xr: () => (/* binding */ cacheKeys),
/* harmony export */   Z7: () => (/* binding */ chooseBuilder),
/* harmony export */   e$: () => (/* binding */ rotate),
/* harmony export */   iq: () => (/* binding */ removeBuilder),
/* harmony export */   o: () => (/* binding */ saveLayers),
/* harmony export */   tD: () => (/* binding */ restoreLayers),
/* harmony export */   tK: () => (/* binding */ keyDockerfileSha256),
/* harmony export */   wT: () => (/* binding */ cacheFlags)
/* harmony export */ });
/* unused harmony exports parseBuildxInspect, usesContainerdStore, canExportCache */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33838);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9056);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59148);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56495);
// Stage: the c2w build layers. Restores a buildx cache before the conversion and saves it in
// the post step (local), or points buildx at its own gha/registry backends. Cache trouble is
// never a failed build: every error here is a warning or an info line and the build goes cold.







/**
 * The Dockerfile hash that goes into the key: the patched Dockerfile for js, whose emscripten
 * stages the allocator changes; the unpatched one for wasi, which never builds those stages, so
 * a WASI allocator matrix shares one cache entry.
 */
function keyDockerfileSha256(target, patched, source) {
    return target === 'js' ? patched : source;
}
const short = (text) => (0,_hash_js__WEBPACK_IMPORTED_MODULE_6__/* .sha256Text */ .f)(text).slice(0, 16);
const safe = (text) => text.replace(/[^A-Za-z0-9._+-]/g, '_');
/**
 * The key holds what changes the cached layers, least specific first, so restore keys are
 * its prefixes: a changed image still restores the layers of the same build args, a changed
 * build arg those of the same Dockerfile, a changed allocator those of the same target.
 */
function cacheKeys(p) {
    const base = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.target, p.targetArch].map(safe).join('-');
    const df = `${base}-df${p.dockerfileSha256.slice(0, 16)}`;
    const argLines = p.buildArgs.map(({ key, value }) => `${key}=${value}`);
    if (p.debugImage)
        argLines.push('--debug-image');
    const args = `${df}-args${short(argLines.join('\n'))}`;
    const primary = `${args}-img${short(p.image)}`;
    return { primary, restore: [`${args}-`, `${df}-`, `${base}-`], scope: df };
}
/** buildx quotes a CSV field that holds a comma or a quote. */
function csvField(field) {
    return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function cacheFlags(plan) {
    switch (plan.mode) {
        case 'none':
            return [];
        case 'local': {
            const flags = [];
            if (plan.restored)
                flags.push(`--cache-from=type=local,${csvField(`src=${plan.dir}`)}`);
            if (!plan.exactHit && !plan.readOnly)
                flags.push(`--cache-to=type=local,${csvField(`dest=${plan.newDir}`)},mode=max,ignore-error=true`);
            return flags;
        }
        // ignore-error: an export the service or registry refuses (a read-only token on a fork's pull
        // request, a 5xx, a denied push) must not fail a build that succeeded.
        case 'gha':
            return [
                `--cache-from=type=gha,scope=${plan.scope}`,
                ...(plan.readOnly ? [] : [`--cache-to=type=gha,scope=${plan.scope},mode=max,ignore-error=true`]),
            ];
        case 'registry':
            return [
                `--cache-from=type=registry,ref=${plan.ref}`,
                ...(plan.readOnly ? [] : [`--cache-to=type=registry,ref=${plan.ref},mode=max,ignore-error=true`]),
            ];
    }
}
function builderFlags(builder) {
    return builder ? [`--builder=${builder}`] : [];
}
// ---------------------------------------------------------------------------------------------
// Builder (detect the current one; create a docker-container builder when it cannot export)
/** The `Name:` and `Driver:` of `docker buildx inspect`'s first builder block, and its first node's `Endpoint:`. */
function parseBuildxInspect(text) {
    const field = (label) => new RegExp(`^${label}:\\s*(\\S+)`, 'm').exec(text)?.[1];
    const result = {};
    const name = field('Name');
    const driver = field('Driver');
    const endpoint = field('Endpoint');
    if (name)
        result.name = name;
    if (driver)
        result.driver = driver;
    if (endpoint)
        result.endpoint = endpoint;
    return result;
}
/** `docker info --format '{{json .DriverStatus}}'` names the containerd snapshotter when the image store is containerd. */
function usesContainerdStore(driverStatusJson) {
    try {
        const status = JSON.parse(driverStatusJson);
        return (status ?? []).some(([k, v]) => k === 'driver-type' && /io\.containerd\.snapshotter/.test(v));
    }
    catch {
        return false;
    }
}
/** Whether a builder with this driver (and image store) can export a build cache. */
function canExportCache(driver, containerdStore) {
    if (driver === undefined)
        return false;
    return driver !== 'docker' || containerdStore;
}
async function chooseBuilder(inputs, runId) {
    if (inputs.builder)
        return givenBuilder(inputs.builder, inputs.cache);
    if (inputs.cache === 'none')
        return { created: false, canExport: false };
    const inspect = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', ['buildx', 'inspect'], { echo: false });
    const { name, driver } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const info = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', ['info', '--format', '{{json .DriverStatus}}'], { echo: false });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`);
        return { created: false, canExport: true };
    }
    const created = `c2w-action-${safe(runId)}-${process.pid}`;
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`);
    const made = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', [
        'buildx',
        'create',
        '--name',
        created,
        '--driver',
        'docker-container',
        '--bootstrap',
    ]);
    if (made.exitCode !== 0) {
        // --bootstrap can fail after the builder was registered: do not leave it behind.
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', created], { echo: false });
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
        return { created: false, canExport: false };
    }
    return { name: created, created: true, canExport: true };
}
/**
 * A builder named in `builder`: used as given and never removed, but inspected like the current one
 * when a cache is asked for, since a docker-driver builder on an engine with the classic image
 * store fails any build given --cache-to ("Cache export is not supported for the docker driver").
 * A docker-driver builder's endpoint is its Docker context, so that engine's `docker info` decides.
 */
async function givenBuilder(builder, cache) {
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Using the builder '${builder}' as given.`);
    if (cache === 'none')
        return { name: builder, created: false, canExport: true };
    const inspect = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', ['buildx', 'inspect', builder], { echo: false });
    if (inspect.exitCode !== 0) {
        throw new Error(`builder: 'docker buildx inspect ${builder}' failed: ${inspect.stderr.trim() || inspect.stdout.trim()}`);
    }
    const { driver, endpoint } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const context = endpoint ? ['--context', endpoint] : [];
        const info = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', [...context, 'info', '--format', '{{json .DriverStatus}}'], { echo: false });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The builder '${builder}' (driver ${driver}) can export a cache.`);
        return { name: builder, created: false, canExport: true };
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`The builder '${builder}' (driver ${driver ?? 'unknown'}${driver === 'docker' ? ', classic image store' : ''}) cannot export a build cache: ` +
        `BuildKit's docker driver exports caches only with the containerd image store. Building without a cache (cache: ${cache} is off this run); ` +
        `name a docker-container or remote builder, or turn on the containerd image store of that engine.`);
    return { name: builder, created: false, canExport: false };
}
async function removeBuilder(name) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', name], { echo: false });
    if (result.exitCode !== 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Removed the builder '${name}'.`);
}
function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), ms);
        timer.unref();
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
/**
 * The local cache folder of one use of the action. @actions/cache hashes the path list into the
 * cache version, so a restore matches only entries saved from the same path string: the folder
 * must be the same in every run of the same step, and the same for every entry its restore keys
 * can match. It is named after
 * - the step (GITHUB_ACTION: the step's id, or `__<owner>_<repo>` with `_2`, `_3`… for later uses
 *   of the same action in a job, the same in every run), so two uses in one job never share a
 *   folder and each post step saves the folder its own main step built;
 * - the least specific restore key (prefix, runner, c2w version, target), which every entry the
 *   restore keys can match shares, so runs of other keys on one runner keep apart.
 */
function localCacheDir(runnerTemp, keys, step = process.env.GITHUB_ACTION ?? '') {
    const base = keys.restore[keys.restore.length - 1] ?? '';
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp, 'c2w-action', `buildx-cache-${short(`${step}\n${base}`).slice(0, 12)}`);
}
/** Whether `dir` is a folder localCacheDir names (the post step saves nothing else). */
function isLocalCacheDir(runnerTemp, dir) {
    return (node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dir) === node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp, 'c2w-action') && /^buildx-cache-[0-9a-f]{12}$/.test(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(dir)));
}
async function restoreLayers(inputs, keys, dir) {
    const plan = {
        mode: inputs.cache,
        dir,
        // Unique per run: two runs sharing RUNNER_TEMP never export into the same folder.
        newDir: `${dir}-new-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`,
        scope: keys.scope,
        ref: inputs.cacheRef,
        restored: false,
        exactHit: false,
        readOnly: inputs.cacheSave === false,
    };
    if (plan.readOnly && inputs.cache !== 'none')
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq('cache-save is false: the cache is restored, never saved.');
    if (inputs.cache !== 'local')
        return { plan, keys, size: 0 };
    const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
    if (!cache.isFeatureAvailable()) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e('The Actions cache service is not available to this job; building without a cache.');
        plan.mode = 'none';
        return { plan, keys, size: 0 };
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    let matchedKey;
    try {
        const result = await withTimeout(cache.restoreCache([dir], keys.primary, keys.restore), inputs.cacheTimeoutSeconds * 1000);
        if (result === 'timeout') {
            // The abandoned download may still be writing into the folder: leave it alone this run.
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`);
            plan.mode = 'none';
            return { plan, keys, size: 0 };
        }
        matchedKey = result;
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache restore failed: ${e.message}; building without a cache.`);
        return { plan, keys, size: 0 };
    }
    if (matchedKey === undefined) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`No cache for ${keys.primary} or its restore keys; this build is cold.`);
        return { plan, keys, size: 0 };
    }
    plan.restored = true;
    plan.exactHit = matchedKey === keys.primary;
    const size = await (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .tE)(dir);
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Restored ${size} bytes of build cache from ${matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`);
    return { plan, keys, matchedKey, size };
}
/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
async function rotate(plan) {
    if (plan.mode !== 'local' || plan.exactHit || plan.readOnly)
        return false;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(plan.newDir, 'index.json'));
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
        return false;
    }
    // Another run on this runner with the same folder may rotate at the same moment: its rename
    // can land between the removal and ours (ENOTEMPTY). Try again once; the folder then holds one
    // complete export either way, never a mix.
    for (let attempt = 0;; attempt++) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(plan.dir, { recursive: true, force: true });
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(plan.newDir, plan.dir);
            return true;
        }
        catch (e) {
            const code = e.code;
            if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 1) {
                _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Could not move the exported cache into ${plan.dir}: ${e.message}; nothing to save.`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(plan.newDir, { recursive: true, force: true });
                return false;
            }
        }
    }
}
/** Post step: save the rotated folder under the primary key. Never throws. */
async function saveLayers(dir, primaryKey) {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        const id = await cache.saveCache([dir], primaryKey);
        if (id === -1)
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The build cache was not saved under ${primaryKey} (see the lines above).`);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Saved the build cache (${await (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .tE)(dir)} bytes) under ${primaryKey}.`);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache save failed: ${e.message}`);
    }
}


/***/ }),

/***/ 9056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: RunTimeoutError, execRunner, setRunner

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/child-env.ts
// The environment a child process gets: what it needs from the action's environment and no
// more. The runner hands the action every input as INPUT_* (github-token among them), the
// Actions runtime token, and the paths of the step's command files; c2w, docker, buildx and tar
// need none of them. Only buildx's gha cache backend reads the runtime variables: it takes
// ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL and ACTIONS_CACHE_SERVICE_V2
// from its environment (https://docs.docker.com/build/cache/backends/gha/#authentication).
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
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
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
/** What buildx's gha cache backend reads (see the link above). */
const ACTIONS_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/** The child's environment: the allow-listed variables of `env`, plus the gha cache variables when needed. */
function childEnv(env, needs = {}) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const keep = KEEP.has(name) ||
            KEEP_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
            (needs.actionsCache === true && ACTIONS_CACHE.includes(name));
        if (keep)
            result[name] = value;
    }
    return result;
}

// EXTERNAL MODULE: ./src/processes.ts
var processes = __webpack_require__(97454);
;// CONCATENATED MODULE: ./src/exec.ts
// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching node:child_process (ESM namespaces cannot be spied on).
//
// Every child leads a process group of its own (`detached: true`) and is tracked in processes.ts,
// so a cancel or a timeout ends it together with what it started (c2w's `docker buildx build`).
// Its environment is childEnv()'s: no inputs, tokens or command-file paths of the action.



class RunTimeoutError extends Error {
}
/** Signal numbers on Linux, for the shell-style exit code 128 + n. */
const SIGNAL_NUMBER = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGILL: 4,
    SIGABRT: 6,
    SIGBUS: 7,
    SIGFPE: 8,
    SIGKILL: 9,
    SIGSEGV: 11,
    SIGPIPE: 13,
    SIGALRM: 14,
    SIGTERM: 15,
};
/**
 * Runs `file` with `args` as an argv array (never through a shell); never throws on a non-zero
 * exit. stdout and stderr go to the log on one stream (process.stdout), in the order they arrive:
 * a ::stop-commands:: written to stdout around the run (log.ts) cannot be overtaken by lines on
 * another pipe.
 */
const execRunner = (file, args, options = {}) => new Promise((resolve, reject) => {
    const echo = options.echo !== false;
    const command = [file, ...args].join(' ');
    (0,processes/* startable */.hx)(file);
    if (echo)
        process.stdout.write(`[command]${command}\n`);
    const child = (0,external_node_child_process_.spawn)(file, args, {
        cwd: options.cwd,
        env: { ...childEnv(process.env, options.envNeeds), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    (0,processes/* track */.u4)(child);
    const stdout = [];
    const stderr = [];
    const onData = (into) => (data) => {
        into.push(data);
        if (echo)
            process.stdout.write(data);
        options.onOutput?.(data.toString());
    };
    child.stdout.on('data', onData(stdout));
    child.stderr.on('data', onData(stderr));
    let timedOut = false;
    const timer = options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            void (0,processes/* endGroup */.N4)(child, options.graceMs ?? 5000);
        }, options.timeoutMs);
    child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Could not start ${file}: ${e.message}`));
    });
    child.once('close', (code, signal) => {
        clearTimeout(timer);
        if (timedOut) {
            reject(new RunTimeoutError(`${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s; it was ended.`));
            return;
        }
        const result = {
            exitCode: code ?? 128 + (SIGNAL_NUMBER[signal] ?? 0),
            stdout: Buffer.concat(stdout).toString(),
            stderr: Buffer.concat(stderr).toString(),
        };
        if (signal)
            result.signal = signal;
        resolve(result);
    });
});
let current = execRunner;
function run(file, args, options) {
    return current(file, args, options);
}
/** Test seam: replace the runner; returns a function that restores the previous one. */
function setRunner(runner) {
    const previous = current;
    current = runner;
    return () => {
        current = previous;
    };
}


/***/ }),

/***/ 59148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   aI: () => (/* binding */ walkFolder),
/* harmony export */   hl: () => (/* binding */ UnsafeLinkError),
/* harmony export */   tE: () => (/* binding */ dirSize)
/* harmony export */ });
/* unused harmony export isInside */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Walking an output or cache folder: the one walker behind the `sha256` listing, the artifact's
// file list and the release tarball, so all three see the same files in the same order.


class UnsafeLinkError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnsafeLinkError';
    }
}
/**
 * Every directory and regular file below `dir`, sorted by `rel` (code unit order, so a
 * directory comes right before what it holds). The one symlink rule: a symlink to a regular
 * file inside the folder counts as that file (its content is published under the link's
 * name); any other symlink (to a directory, outside the folder, dangling) is refused, since
 * following it could publish files from outside the output or loop. Other kinds (sockets,
 * fifos) are skipped.
 */
async function walkFolder(dir) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir);
    const out = [];
    const visit = async (rel) => {
        for (const e of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, rel), { withFileTypes: true })) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, r);
            if (e.isDirectory()) {
                out.push({ rel: r, abs, type: 'dir', size: 0, executable: true });
                await visit(r);
            }
            else if (e.isFile()) {
                const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(abs);
                out.push({ rel: r, abs, type: 'file', size: st.size, executable: (st.mode & 0o111) !== 0 });
            }
            else if (e.isSymbolicLink()) {
                const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(abs).catch(() => undefined);
                const inside = target !== undefined && isInside(root, target);
                const st = target === undefined ? undefined : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target);
                if (!inside || !st?.isFile()) {
                    throw new UnsafeLinkError(`${node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, r)} is a symlink to ${target ?? 'nothing'}, ${target === undefined ? 'which does not exist' : inside ? 'not a regular file' : 'outside the folder'}: only symlinks to files inside the folder are published`);
                }
                out.push({ rel: r, abs, type: 'file', size: st.size, executable: (st.mode & 0o111) !== 0 });
            }
        }
    };
    await visit('');
    return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
/** True when `p` is `root` or below it (both absolute, symlinks resolved). */
function isInside(root, p) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel));
}
/** Relative paths (with `/`) of every file below `dir` as walkFolder sees them, sorted. */
async function listFiles(dir) {
    return (await walkFolder(dir)).filter((e) => e.type === 'file').map((e) => e.rel);
}
/** Bytes of the files below `dir`; 0 when it does not exist. */
async function dirSize(dir) {
    try {
        return (await walkFolder(dir)).reduce((n, e) => n + e.size, 0);
    }
    catch {
        return 0;
    }
}


/***/ }),

/***/ 56495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File),
/* harmony export */   f: () => (/* binding */ sha256Text)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
// sha256 as lower-case hex: of a file, streamed (c2w outputs are hundreds of MB), or of a string.



async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file), hash);
    return hash.digest('hex');
}
function sha256Text(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ })

};

//# sourceMappingURL=377.index.js.map