export const id = 352;
export const ids = [352];
export const modules = {

/***/ 61747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ builderFlags),
/* harmony export */   Z7: () => (/* binding */ chooseBuilder),
/* harmony export */   c9: () => (/* binding */ parseBuildxInspect),
/* harmony export */   iq: () => (/* binding */ removeBuilder)
/* harmony export */ });
/* unused harmony exports usesContainerdStore, canExportCache */
/* harmony import */ var _lib_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61025);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10766);
/* harmony import */ var _cache_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11452);
// The buildx builder of a build: the current one when it can export a cache, a builder the user
// named (inspected the same way), or a docker-container builder the action creates and removes.



function builderFlags(builder) {
    return builder ? [`--builder=${builder}`] : [];
}
/** A docker query (inspect, info, rm) answers in a second on a healthy engine; a stuck one fails the step. */
const DOCKER_QUERY_MS = 60_000;
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
    // Publishing the toolchain cache is a cache export too, whatever `cache` says.
    const cache = inputs.cache === 'none' && inputs.toolchainCachePush ? 'registry' : inputs.cache;
    if (inputs.builder)
        return givenBuilder(inputs.builder, cache);
    if (cache === 'none')
        return { created: false, canExport: false };
    const inspect = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['buildx', 'inspect'], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    const { name, driver } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const info = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['info', '--format', '{{json .DriverStatus}}'], {
            echo: false,
            timeoutMs: DOCKER_QUERY_MS,
        });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`);
        return { created: false, canExport: true };
    }
    const created = `c2w-action-${(0,_cache_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .safe */ .gB)(runId)}-${process.pid}`;
    _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`);
    // --bootstrap pulls BuildKit's image and starts its container.
    const made = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['buildx', 'create', '--name', created, '--driver', 'docker-container', '--bootstrap'], {
        timeoutMs: 10 * DOCKER_QUERY_MS,
    });
    if (made.exitCode !== 0) {
        // --bootstrap can fail after the builder was registered: do not leave it behind.
        await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', created], { echo: false, timeoutMs: DOCKER_QUERY_MS });
        _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.warning(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
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
    _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`Using the builder '${builder}' as given.`);
    if (cache === 'none')
        return { name: builder, created: false, canExport: true };
    const inspect = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['buildx', 'inspect', builder], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    if (inspect.exitCode !== 0) {
        throw new Error(`builder: 'docker buildx inspect ${builder}' failed: ${inspect.stderr.trim() || inspect.stdout.trim()}`);
    }
    const { driver, endpoint } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const context = endpoint ? ['--context', endpoint] : [];
        const info = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', [...context, 'info', '--format', '{{json .DriverStatus}}'], {
            echo: false,
            timeoutMs: DOCKER_QUERY_MS,
        });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`The builder '${builder}' (driver ${driver}) can export a cache.`);
        return { name: builder, created: false, canExport: true };
    }
    _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.warning(`The builder '${builder}' (driver ${driver ?? 'unknown'}${driver === 'docker' ? ', classic image store' : ''}) cannot export a build cache: ` +
        `BuildKit's docker driver exports caches only with the containerd image store. Building without a cache (cache: ${cache} is off this run); ` +
        `name a docker-container or remote builder, or turn on the containerd image store of that engine.`);
    return { name: builder, created: false, canExport: false };
}
async function removeBuilder(name) {
    const result = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', name], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    if (result.exitCode !== 0)
        _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.warning(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
    else
        _lib_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .Rm.info(`Removed the builder '${name}'.`);
}


/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ ActionsCacheStore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61025);
/* harmony import */ var _lib_timeout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24196);
/* harmony import */ var _quota_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29514);
// The Actions cache as a home for cache entries (`cache: local` in a workflow), through
// @actions/cache, loaded only when a cache is used. @actions/cache hashes the path list into the
// cache version, so an entry restores only into the path it was saved from (layers.ts keeps the
// folder names fixed for that).




class ActionsCacheStore {
    token;
    where = 'the Actions cache';
    /** `token`: the github-token input, for the REST API's cache usage (quota.ts). */
    constructor(token = '') {
        this.token = token;
    }
    usage() {
        return (0,_quota_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryCacheUsage */ .mc)(process.env, this.token);
    }
    async unavailable() {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        return cache.isFeatureAvailable()
            ? undefined
            : 'The Actions cache service is not available to this job; building without a cache.';
    }
    async restore(dir, primary, restore, timeoutMs) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        return (0,_lib_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .raceTimeout */ .j0)(cache.restoreCache([dir], primary, [...restore]), Math.max(0, timeoutMs));
    }
    /** Never throws. */
    async save(dir, key, timeoutSeconds = 600) {
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
            const id = await (0,_lib_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .raceTimeout */ .j0)(cache.saveCache([dir], key), timeoutSeconds * 1000);
            if (id === _lib_timeout_js__WEBPACK_IMPORTED_MODULE_2__/* .TIMED_OUT */ .VP) {
                _lib_log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(`The cache save under ${key} took more than ${timeoutSeconds} s (cache-timeout); it was given up.`);
                return false;
            }
            if (id === -1)
                _lib_log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.info(`The build cache was not saved under ${key} (see the lines above).`);
            return id !== -1;
        }
        catch (e) {
            _lib_log_js__WEBPACK_IMPORTED_MODULE_1__/* .log */ .Rm.warning(`Cache save failed: ${e.message}`);
            return false;
        }
    }
}


/***/ }),

/***/ 11452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xr: () => (/* binding */ cacheKeys),
/* harmony export */   gB: () => (/* binding */ safe),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   tK: () => (/* binding */ keyDockerfileSha256),
/* harmony export */   wT: () => (/* binding */ cacheFlags)
/* harmony export */ });
/* harmony import */ var _lib_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69639);
// The build cache's keys and buildx flags, pure: what goes into a cache key (so a restore key
// finds the nearest earlier build), and the --cache-from/--cache-to flags of a plan.

/**
 * The Dockerfile hash that goes into the key: the patched Dockerfile for js, whose emscripten
 * stages the allocator changes; the unpatched one for wasi, which never builds those stages, so
 * a WASI allocator matrix shares one cache entry.
 */
function keyDockerfileSha256(target, patched, source) {
    return target === 'js' ? patched : source;
}
const short = (text) => (0,_lib_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Text */ .f)(text).slice(0, 16);
const safe = (text) => text.replace(/[^A-Za-z0-9._+-]/g, '_');
/**
 * The key holds what changes the cached layers, least specific first, so restore keys are
 * its prefixes: a changed image still restores the layers of the same build args, a changed
 * build arg those of the same Dockerfile, a changed allocator those of the same target.
 */
function cacheKeys(p) {
    const base = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.target, p.targetArch].map(safe).join('-');
    const argLines = p.buildArgs.map(({ key, value }) => `${key}=${value}`);
    if (p.debugImage)
        argLines.push('--debug-image');
    const chain = (base, kind, dockerfileSha256) => {
        const df = `${base}-${kind}df${dockerfileSha256.slice(0, 16)}`;
        const args = `${df}-args${short(argLines.join('\n'))}`;
        // The last restore key stops at `df`/`shareddf`, so neither chain restores the other's entries.
        return { primary: `${args}-img${short(p.image)}`, restore: [`${args}-`, `${df}-`, `${base}-${kind}df`], df };
    };
    const own = chain(base, '', p.dockerfileSha256);
    // Without the target: the kernel, the base images and the other stages neither output changes
    // are shared by the js and the wasi cells of a matrix as well.
    const sharedBase = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.targetArch].map(safe).join('-');
    const shared = chain(sharedBase, 'shared', p.sharedDockerfileSha256 ?? p.dockerfileSha256);
    return {
        primary: own.primary,
        restore: own.restore,
        shared: { primary: shared.primary, restore: shared.restore },
        scope: own.df,
        sharedScope: shared.df,
    };
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
            if (!plan.exactHit && !plan.readOnly && !plan.hot && !plan.learn)
                flags.push(`--cache-to=type=local,${csvField(`dest=${plan.newDir}`)},mode=max,ignore-error=true`);
            return flags;
        }
        // ignore-error: an export the service or registry refuses (a read-only token on a fork's pull
        // request, a 5xx, a denied push) must not fail a build that succeeded.
        // A second scope shared by every allocator: buildkit's gha backend stores each blob once under
        // its digest whatever the scope, and a scope is only the manifest naming them, so exporting to
        // both costs one small manifest, and a new allocator imports the allocator-free layers from it.
        case 'gha': {
            const scopes = [plan.scope, ...(plan.sharedScope && plan.sharedScope !== plan.scope ? [plan.sharedScope] : [])];
            return [
                ...scopes.map((scope) => `--cache-from=type=gha,scope=${scope}`),
                ...(plan.readOnly
                    ? []
                    : scopes.map((scope) => `--cache-to=type=gha,scope=${scope},mode=max,ignore-error=true`)),
            ];
        }
        case 'registry':
            return [
                `--cache-from=type=registry,ref=${plan.ref}`,
                ...(plan.readOnly ? [] : [`--cache-to=type=registry,ref=${plan.ref},mode=max,ignore-error=true`]),
            ];
    }
}


/***/ }),

/***/ 66542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ plannedSave),
/* harmony export */   Dv: () => (/* binding */ isLocalCacheDir),
/* harmony export */   NU: () => (/* binding */ localCacheDir),
/* harmony export */   e$: () => (/* binding */ rotate),
/* harmony export */   l1: () => (/* binding */ entryDirs),
/* harmony export */   o: () => (/* binding */ saveLayers),
/* harmony export */   tD: () => (/* binding */ restoreLayers)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61025);
/* harmony import */ var _oci_split_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62482);
/* harmony import */ var _lib_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(10228);
/* harmony import */ var _lib_timeout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24196);
/* harmony import */ var _actions_cache_store_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5222);
/* harmony import */ var _quota_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(29514);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(11452);
// The c2w build layers between runs. Restores a buildx cache before the conversion and saves it in
// the post step (local), or points buildx at its own gha/registry backends. Cache trouble is
// never a failed build: every error here is a warning or an info line and the build goes cold.










/**
 * The local cache folder of one use of the action. @actions/cache hashes the path list into the
 * cache version, so a restore matches only entries saved from the same path string: the folder
 * must be the same in every run of the same step, and the same for every entry its restore keys
 * can match. It is named after
 * - the step (GITHUB_ACTION: the step's id, or `__<owner>_<repo>` with `_2`, `_3`… for later uses
 *   of the same action in a job, the same in every run), so two uses in one job never share a
 *   folder and each post step saves the folder its own main step built;
 * - the least specific restore key of the shared entry (prefix, runner, c2w version, target arch:
 *   no target, no allocator), which every entry either chain can match shares, so the js and wasi
 *   cells of a matrix (the same step in every cell) restore each other's shared entry, and runs of
 *   other keys on one runner keep apart.
 */
function localCacheDir(runnerTemp, keys, step = process.env.GITHUB_ACTION ?? '') {
    const base = keys.shared.restore[keys.shared.restore.length - 1] ?? '';
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp, 'c2w-action', `buildx-cache-${(0,_keys_js__WEBPACK_IMPORTED_MODULE_8__/* .short */ .h0)(`${step}\n${base}`).slice(0, 12)}`);
}
/** Whether `dir` is a folder localCacheDir names (the post step saves nothing else). */
function isLocalCacheDir(runnerTemp, dir) {
    return (node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dir) === node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp, 'c2w-action') && /^buildx-cache-[0-9a-f]{12}$/.test(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(dir)));
}
/**
 * The folders each cache entry is restored into and saved from, beside the merged folder `dir`
 * buildx imports from: fixed names, since the cache version hashes the paths.
 */
function entryDirs(dir) {
    return { shared: `${dir}-shared`, allocator: `${dir}-allocator` };
}
/**
 * local: restores the shared entry and the allocator's entry into their own folders and merges
 * them into `dir` (hard links): the blobs of both, and the allocator's index.json, or the shared
 * entry's when the allocator's names a blob neither holds. `cache-timeout` bounds both downloads
 * together.
 */
async function restoreLayers(inputs, keys, dir, store = new _actions_cache_store_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionsCacheStore */ .z()) {
    const plan = {
        mode: inputs.cache,
        dir,
        // Unique per run: two runs sharing RUNNER_TEMP never export into the same folder.
        newDir: `${dir}-new-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`,
        scope: keys.scope,
        sharedScope: keys.sharedScope,
        ref: inputs.cacheRef,
        restored: false,
        exactHit: false,
        readOnly: inputs.cacheSave === false,
    };
    if (plan.readOnly && inputs.cache !== 'none')
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info('cache-save is false: the cache is restored, never saved.');
    const none = { plan, keys, size: 0, sharedSize: 0, allocatorSize: 0 };
    if (inputs.cache !== 'local')
        return none;
    plan.shared = { key: keys.shared.primary, exactHit: false };
    const unavailable = await store.unavailable();
    if (unavailable !== undefined) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(unavailable);
        plan.mode = 'none';
        return none;
    }
    const dirs = entryDirs(dir);
    const deadline = Date.now() + inputs.cacheTimeoutSeconds * 1000;
    let sharedKey;
    let matchedKey;
    try {
        const shared = await store.restore(dirs.shared, keys.shared.primary, keys.shared.restore, deadline - Date.now());
        const own = shared === _lib_timeout_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMED_OUT */ .VP
            ? shared
            : await store.restore(dirs.allocator, keys.primary, keys.restore, deadline - Date.now());
        if (shared === _lib_timeout_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMED_OUT */ .VP || own === _lib_timeout_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMED_OUT */ .VP) {
            // The abandoned download may still be writing into its folder: leave it alone this run.
            _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`);
            plan.mode = 'none';
            return none;
        }
        sharedKey = shared;
        matchedKey = own;
    }
    catch (e) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`Cache restore failed: ${e.message}; building without a cache.`);
        return none;
    }
    if (sharedKey === undefined && matchedKey === undefined) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`No cache for ${keys.shared.primary}, ${keys.primary} or their restore keys in ${store.where}; this build is cold.`);
        return none;
    }
    const sharedSize = await (0,_lib_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .tE)(dirs.shared);
    const allocatorSize = await (0,_lib_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .tE)(dirs.allocator);
    const indexFrom = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .mergeEntries */ .xq)(dir, [dirs.allocator, dirs.shared]);
    if (indexFrom === undefined) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`The restored cache entries (${[sharedKey, matchedKey].filter(Boolean).join(', ')}) lack blobs their index names; building without them.`);
        return { ...none, sharedSize, allocatorSize };
    }
    plan.restored = true;
    plan.shared.exactHit = sharedKey === keys.shared.primary;
    // Exact only when this allocator's own index is the one in use: then every layer is there.
    plan.exactHit = matchedKey === keys.primary && indexFrom === dirs.allocator && plan.shared.exactHit;
    const size = await (0,_lib_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .tE)(dir);
    _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`Restored ${size} bytes of build cache: ${sharedSize} bytes shared by every allocator` +
        `${sharedKey ? ` (${sharedKey})` : ' (none)'}, ${allocatorSize} bytes for this allocator` +
        `${matchedKey ? ` (${matchedKey})` : ' (none)'}${plan.exactHit ? '; exact hit: nothing to save' : ''}.`);
    return {
        plan,
        keys,
        ...(matchedKey !== undefined ? { matchedKey } : {}),
        ...(sharedKey !== undefined ? { sharedMatchedKey: sharedKey } : {}),
        size,
        sharedSize,
        allocatorSize,
    };
}
/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
async function rotate(plan) {
    if (plan.mode !== 'local' || plan.exactHit || plan.readOnly)
        return false;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(plan.newDir, 'index.json'));
    }
    catch {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
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
                _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`Could not move the exported cache into ${plan.dir}: ${e.message}; nothing to save.`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(plan.newDir, { recursive: true, force: true });
                return false;
            }
        }
    }
}
/**
 * The bytes the post step will save, shared and allocator-specific, when the shared save succeeds:
 * the whole export as the shared entry when it was not restored exactly, otherwise only the blobs
 * the restored shared entry lacks (plus index.json) for the allocator.
 */
async function plannedSave(p) {
    const all = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .listBlobs */ .t3)(p.dir);
    const index = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .topFilesSize */ .Me)(p.dir);
    const whole = (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .blobDelta */ .yY)(all, new Set()).bytes + index;
    if (!p.shared)
        return { shared: 0, allocator: whole };
    if (!p.shared.exactHit)
        return { shared: whole, allocator: index };
    const base = new Set((await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .listBlobs */ .t3)(entryDirs(p.dir).shared)).keys());
    return { shared: 0, allocator: (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .blobDelta */ .yY)(all, base).bytes + index };
}
/** Before a save: a warning when it takes the repository's cache past its quota (quota.ts). */
async function warnPastQuota(p, store) {
    if (!store.usage)
        return;
    const planned = await plannedSave(p);
    const adding = planned.shared + planned.allocator;
    const usage = await store.usage();
    const warning = (0,_quota_js__WEBPACK_IMPORTED_MODULE_9__/* .quotaWarning */ .BY)({
        ...('bytes' in usage ? { used: usage.bytes } : {}),
        restored: p.restoredBytes ?? 0,
        adding,
        quota: _quota_js__WEBPACK_IMPORTED_MODULE_9__/* .CACHE_QUOTA_BYTES */ .oI,
    });
    if (warning)
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(warning);
    else if ('reason' in usage)
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`The repository's cache use is unknown (${usage.reason}); the quota is not checked.`);
}
/**
 * Post step: saves the rotated folder as the shared entry (when it was not restored exactly) and
 * the allocator's entry: the blobs the shared entry lacks and index.json. When the shared save does
 * not happen (another cell of a cold matrix saved that key first, with layers of its own build),
 * the allocator's entry holds the whole export. Never throws.
 */
async function saveLayers(p, store = new _actions_cache_store_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionsCacheStore */ .z()) {
    const saved = { shared: 0, allocator: 0 };
    try {
        await warnPastQuota(p, store);
        const dirs = entryDirs(p.dir);
        const all = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .listBlobs */ .t3)(p.dir);
        let base = new Set();
        if (p.shared && !p.shared.exactHit) {
            const bytes = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSubset */ .Uw)(p.dir, dirs.shared, [...all.keys()]);
            if (await store.save(dirs.shared, p.shared.key, p.timeoutSeconds)) {
                saved.shared = bytes;
                base = new Set(all.keys());
                _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`Saved the shared build cache (${bytes} bytes) under ${p.shared.key}.`);
            }
        }
        else if (p.shared) {
            base = new Set((await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .listBlobs */ .t3)(dirs.shared)).keys());
        }
        const bytes = await (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSubset */ .Uw)(p.dir, dirs.allocator, (0,_oci_split_js__WEBPACK_IMPORTED_MODULE_4__/* .blobDelta */ .yY)(all, base).names);
        if (await store.save(dirs.allocator, p.key, p.timeoutSeconds)) {
            saved.allocator = bytes;
            _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(`Saved the build cache (${bytes} bytes) under ${p.key}.`);
        }
    }
    catch (e) {
        _lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.warning(`Cache save failed: ${e.message}`);
    }
    return saved;
}


/***/ }),

/***/ 62482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lj: () => (/* binding */ missingBlobs),
/* harmony export */   Me: () => (/* binding */ topFilesSize),
/* harmony export */   Uw: () => (/* binding */ writeSubset),
/* harmony export */   t3: () => (/* binding */ listBlobs),
/* harmony export */   xq: () => (/* binding */ mergeEntries),
/* harmony export */   yY: () => (/* binding */ blobDelta)
/* harmony export */ });
/* unused harmony export referencedDigests */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// A buildx `type=local` cache folder split in two cache entries, merged again on restore.
//
// The folder is an OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
// `index.json` names the cache manifest, and every blob, manifests and layers alike, lives at
// `blobs/sha256/<digest>`, named by the sha256 of its bytes. So two folders can be merged by putting
// their blobs side by side, and "what this build adds to that entry" is the set of blob names the
// entry lacks. The shared entry holds a whole export (every layer, the allocator-free ones included);
// an allocator's entry holds its `index.json` and only the blobs the shared entry lacks.


const BLOBS = node_path__WEBPACK_IMPORTED_MODULE_1__.join('blobs', 'sha256');
/** Files beside `blobs/` that an entry carries: the layout's own marker and its index. */
const TOP_FILES = ['oci-layout', 'index.json'];
/** digest (hex) → size in bytes of every blob in `dir`; empty when there is none. */
async function listBlobs(dir) {
    const blobs = new Map();
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS));
    }
    catch {
        return blobs;
    }
    for (const name of names) {
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS, name));
        if (s.isFile())
            blobs.set(name, s.size);
    }
    return blobs;
}
/** Bytes of the files beside `blobs/` that an entry carries (index.json, oci-layout). */
async function topFilesSize(dir) {
    let bytes = 0;
    for (const name of TOP_FILES)
        bytes += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name)).catch(() => undefined))?.size ?? 0;
    return bytes;
}
/** The blobs of `all` that are not in `base`, and their total size (pure). */
function blobDelta(all, base) {
    const names = [...all.keys()].filter((d) => !base.has(d)).sort();
    return { names, bytes: names.reduce((sum, d) => sum + all.get(d), 0) };
}
/** A hard link (same file system, no bytes copied), or a copy where links are refused. */
async function linkOrCopy(from, to) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.link)(from, to);
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, to);
    }
}
async function exists(file) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
        return true;
    }
    catch {
        return false;
    }
}
/** Empties `dir` and fills it with `blobs` of `from` and its top files; returns their bytes. */
async function writeSubset(from, dir, blobs) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS), { recursive: true });
    let bytes = 0;
    for (const name of TOP_FILES) {
        if (!(await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(from, name))))
            continue;
        await linkOrCopy(node_path__WEBPACK_IMPORTED_MODULE_1__.join(from, name), node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name));
        bytes += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name))).size;
    }
    for (const d of blobs) {
        await linkOrCopy(node_path__WEBPACK_IMPORTED_MODULE_1__.join(from, BLOBS, d), node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS, d));
        bytes += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS, d))).size;
    }
    return bytes;
}
/** Digests (hex) an index or manifest names (pure). */
function referencedDigests(json) {
    const descriptors = [...(json.manifests ?? []), ...(json.layers ?? []), ...(json.config ? [json.config] : [])];
    return descriptors.flatMap((d) => (d.digest?.startsWith('sha256:') ? [d.digest.slice('sha256:'.length)] : []));
}
/**
 * The blobs that `index` (an index.json) needs and `blobs` lacks: the cache manifests it names and
 * the layers and cache config those name. BuildKit reads the cache manifest up front and the
 * layers when it reuses a step, so a missing one would surface in the middle of the build.
 */
async function missingBlobs(index, blobDir) {
    const present = await listBlobs(blobDir);
    const missing = new Set();
    let top;
    try {
        top = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(index, 'utf8'));
    }
    catch {
        return ['index.json'];
    }
    for (const manifest of referencedDigests(top)) {
        if (!present.has(manifest)) {
            missing.add(manifest);
            continue;
        }
        let inner;
        try {
            inner = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(blobDir, BLOBS, manifest), 'utf8'));
        }
        catch {
            continue; // not JSON: a layer named at the top, nothing below it
        }
        for (const d of referencedDigests(inner))
            if (!present.has(d))
                missing.add(d);
    }
    return [...missing].sort();
}
/**
 * Merges restored entries into `dir` (emptied first): the blobs of all of them, and the index.json
 * of the first whose every blob is present after the merge. Returns the folder the index came from,
 * or undefined when no entry gives a complete cache (then `dir` is left empty).
 */
async function mergeEntries(dir, entries) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS), { recursive: true });
    for (const entry of entries) {
        for (const d of (await listBlobs(entry)).keys()) {
            await linkOrCopy(node_path__WEBPACK_IMPORTED_MODULE_1__.join(entry, BLOBS, d), node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, BLOBS, d));
        }
    }
    for (const entry of entries) {
        const index = node_path__WEBPACK_IMPORTED_MODULE_1__.join(entry, 'index.json');
        if (!(await exists(index)))
            continue;
        if ((await missingBlobs(index, dir)).length > 0)
            continue;
        for (const name of TOP_FILES) {
            if (await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(entry, name)))
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(entry, name), node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name));
        }
        return entry;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    return undefined;
}


/***/ }),

/***/ 29514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ quotaWarning),
/* harmony export */   mc: () => (/* binding */ repositoryCacheUsage),
/* harmony export */   oI: () => (/* binding */ CACHE_QUOTA_BYTES)
/* harmony export */ });
// The repository's Actions cache quota, before a save: GitHub keeps 10 GB of cache entries per
// repository unless more is bought, and past that evicts the least recently used entries (checked
// hourly): entries of this cache among them. The cache service the libraries speak says nothing of
// the quota; the REST API answers with the repository's use (`GET /repos/{owner}/{repo}/actions/
// cache/usage`, `active_caches_size_in_bytes`; it needs `actions: read`, which the default token of
// a repository with restricted defaults lacks). Without that answer the action knows only the
// entries it restored this run: they are in the cache, so they are a floor of the use.
/** GitHub's cache quota per repository without paid storage: 10 GB. */
const CACHE_QUOTA_BYTES = 10_000_000_000;
/** The REST API's answer, bounded: a save never waits long for a warning. */
const USAGE_TIMEOUT_MS = 10_000;
const gb = (bytes) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);
/**
 * The warning a save deserves (pure): when the use plus what it adds passes the quota, saying the
 * figures, what GitHub then does and what to do; undefined when it fits (or nothing is added).
 */
function quotaWarning(f) {
    if (f.adding <= 0)
        return undefined;
    const known = f.used ?? f.restored;
    if (known + f.adding <= f.quota)
        return undefined;
    const use = f.used !== undefined
        ? `The repository's Actions cache holds ${gb(f.used)}`
        : `The Actions cache holds at least ${gb(f.restored)} (the entries this run restored; the repository's use is unknown)`;
    return (`${use}; this save adds ${gb(f.adding)}, past the ${gb(f.quota)} quota: GitHub will evict the least ` +
        'recently used entries, possibly the ones this cache restores from, and later runs may miss. Delete entries ' +
        "you no longer need (gh cache delete), raise the repository's cache limit, or use cache: registry.");
}
/**
 * The repository's cache use from the REST API (GITHUB_API_URL, GITHUB_REPOSITORY: set on every
 * runner; asked for nothing outside a workflow), or why not. Never throws.
 */
async function repositoryCacheUsage(env, token) {
    const api = env.GITHUB_API_URL?.replace(/\/+$/, '');
    const repo = env.GITHUB_REPOSITORY;
    if (!api || !repo)
        return { reason: 'no GITHUB_API_URL or GITHUB_REPOSITORY' };
    if (!token)
        return { reason: 'no github-token' };
    try {
        // @actions/github's client: the runner's proxy settings apply, as to every other REST call.
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const [owner, name] = repo.split('/');
        const res = await getOctokit(token, { baseUrl: api })
            .request('GET /repos/{owner}/{repo}/actions/cache/usage', {
            owner: owner ?? '',
            repo: name ?? '',
            headers: { 'x-github-api-version': '2022-11-28' },
            request: { signal: AbortSignal.timeout(USAGE_TIMEOUT_MS) },
        })
            .catch((e) => {
            if (typeof e.status !== 'number')
                throw e;
            return { status: e.status, data: undefined };
        });
        if (res.status !== 200) {
            return {
                reason: `the REST API answered ${res.status}${res.status === 403 ? ' (the token lacks actions: read)' : ''}`,
            };
        }
        const body = (res.data ?? {});
        const bytes = Number(body.active_caches_size_in_bytes);
        return Number.isFinite(bytes) && bytes >= 0 ? { bytes } : { reason: 'the REST API gave no size' };
    }
    catch (e) {
        return { reason: e.message };
    }
}


/***/ }),

/***/ 10766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports RunTimeoutError, PIPE_SETTLE_MS, execRunner, setRunner */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82979);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61025);
/* harmony import */ var _processes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42982);
// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching node:child_process (ESM namespaces cannot be spied on).
//
// Every child leads a process group of its own (`detached: true`) and is tracked in processes.ts,
// so a cancel or a timeout ends it together with what it started (c2w's `docker buildx build`).
// Its environment is childEnv()'s: no inputs, tokens or command-file paths of the action.




class RunTimeoutError extends Error {
    name = 'RunTimeoutError';
}
/**
 * How long the output of a child that has exited is still waited for. The pipes close as soon as
 * the child's last byte is read when nothing else holds them (well under this); only a descendant
 * that keeps them open makes this wait its full length.
 */
const PIPE_SETTLE_MS = 2000;
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
 * exit. With `echo`, stdout and stderr go to the log (log.ts's output) on one stream, in the order
 * they arrive: a ::stop-commands:: the action writes around the run cannot be overtaken by lines on
 * another pipe.
 */
const execRunner = (file, args, options = {}) => new Promise((resolve, reject) => {
    const echo = options.echo !== false;
    const command = [file, ...args].join(' ');
    (0,_processes_js__WEBPACK_IMPORTED_MODULE_3__/* .startable */ .hx)(file);
    if (echo)
        _log_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.command(command);
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
        cwd: options.cwd,
        env: { ...(0,_child_env_js__WEBPACK_IMPORTED_MODULE_1__/* .childEnv */ .gf)(process.env, options.envNeeds), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    (0,_processes_js__WEBPACK_IMPORTED_MODULE_3__/* .track */ .u4)(child);
    const stdout = [];
    const stderr = [];
    const onData = (into) => (data) => {
        into.push(data);
        if (echo)
            _log_js__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm.output(data);
        options.onOutput?.(data.toString());
    };
    child.stdout.on('data', onData(stdout));
    child.stderr.on('data', onData(stderr));
    let timedOut = false;
    let settled = false;
    let exit;
    let settleTimer;
    const timer = options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            void (0,_processes_js__WEBPACK_IMPORTED_MODULE_3__/* .endGroup */ .N4)(child, options.graceMs ?? 5000);
        }, options.timeoutMs);
    const finish = () => {
        if (settled)
            return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(settleTimer);
        if (timedOut) {
            reject(new RunTimeoutError(`${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s; it was ended.`));
            return;
        }
        const signal = exit?.signal ?? null;
        const result = {
            exitCode: exit?.code ?? 128 + (SIGNAL_NUMBER[signal] ?? 0),
            stdout: Buffer.concat(stdout).toString(),
            stderr: Buffer.concat(stderr).toString(),
        };
        if (signal)
            result.signal = signal;
        resolve(result);
    };
    child.once('error', (e) => {
        if (settled)
            return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(settleTimer);
        reject(new Error(`Could not start ${file}: ${e.message}`));
    });
    // The pipes close once every process holding them has exited. A descendant that left the
    // child's process group (setsid, a daemon) is beyond endGroup's reach and may hold them for
    // ever: once the child itself has exited, its output is waited for PIPE_SETTLE_MS at most,
    // so neither the time limit nor the end of a run depends on what such a descendant does.
    child.once('exit', (code, signal) => {
        exit = { code, signal };
        settleTimer = setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            finish();
        }, PIPE_SETTLE_MS);
    });
    child.once('close', (code, signal) => {
        exit ??= { code, signal };
        finish();
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

/***/ 10228:
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

/***/ 69639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File),
/* harmony export */   f: () => (/* binding */ sha256Text)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
// sha256 as lower-case hex: of a file, read a block at a time into one buffer (c2w outputs are
// hundreds of MB, one public report 1.08 GB), or of a string.


/**
 * Bytes read at a time. One buffer, reused: the action holds 1 MiB whatever the file's size. (A
 * read stream allocates a new 64 KiB chunk per read and leaves them to the garbage collector: on a
 * 1 GiB file it peaked ~65 MiB higher and took 2-5 times as long; bench/output.bench.mjs.)
 */
const BLOCK = 1024 * 1024;
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(BLOCK);
        for (;;) {
            const { bytesRead } = await fh.read(buf, 0, BLOCK, null);
            if (bytesRead === 0)
                break;
            hash.update(buf.subarray(0, bytesRead));
        }
    }
    finally {
        await fh.close();
    }
    return hash.digest('hex');
}
function sha256Text(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ })

};

//# sourceMappingURL=352.index.js.map