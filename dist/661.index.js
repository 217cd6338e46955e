export const id = 661;
export const ids = [661];
export const modules = {

/***/ 97377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33838);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73190);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59148);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56495);
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
const short = (text) => (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Text */ .f)(text).slice(0, 16);
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
            if (!plan.exactHit)
                flags.push(`--cache-to=type=local,${csvField(`dest=${plan.newDir}`)},mode=max,ignore-error=true`);
            return flags;
        }
        // ignore-error: an export the service or registry refuses (a read-only token on a fork's pull
        // request, a 5xx, a denied push) must not fail a build that succeeded.
        case 'gha':
            return [
                `--cache-from=type=gha,scope=${plan.scope}`,
                `--cache-to=type=gha,scope=${plan.scope},mode=max,ignore-error=true`,
            ];
        case 'registry':
            return [
                `--cache-from=type=registry,ref=${plan.ref}`,
                `--cache-to=type=registry,ref=${plan.ref},mode=max,ignore-error=true`,
            ];
    }
}
function builderFlags(builder) {
    return builder ? [`--builder=${builder}`] : [];
}
// ---------------------------------------------------------------------------------------------
// Builder (detect the current one; create a docker-container builder when it cannot export)
/** The `Name:` and `Driver:` of `docker buildx inspect`'s first builder block. */
function parseBuildxInspect(text) {
    const field = (label) => new RegExp(`^${label}:\\s*(\\S+)`, 'm').exec(text)?.[1];
    const result = {};
    const name = field('Name');
    const driver = field('Driver');
    if (name)
        result.name = name;
    if (driver)
        result.driver = driver;
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
    if (inputs.builder) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Using the builder '${inputs.builder}' as given.`);
        return { name: inputs.builder, created: false, canExport: true };
    }
    if (inputs.cache === 'none')
        return { created: false, canExport: false };
    const inspect = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('docker', ['buildx', 'inspect'], { echo: false });
    const { name, driver } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const info = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('docker', ['info', '--format', '{{json .DriverStatus}}'], { echo: false });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`);
        return { created: false, canExport: true };
    }
    const created = `c2w-action-${safe(runId)}-${process.pid}`;
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`);
    const made = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('docker', [
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
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', created], { echo: false });
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
        return { created: false, canExport: false };
    }
    return { name: created, created: true, canExport: true };
}
async function removeBuilder(name) {
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .eF)('docker', ['buildx', 'rm', '--force', name], { echo: false });
    if (result.exitCode !== 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Removed the builder '${name}'.`);
}
function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), ms);
        timer.unref();
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
/** The local cache folder: fixed, since the cache version hashes the path and every run must use the same one. */
function localCacheDir(runnerTemp) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.join(runnerTemp, 'c2w-action', 'buildx-cache');
}
async function restoreLayers(inputs, keys, dir) {
    const plan = {
        mode: inputs.cache,
        dir,
        newDir: `${dir}-new`,
        scope: keys.scope,
        ref: inputs.cacheRef,
        restored: false,
        exactHit: false,
    };
    if (inputs.cache !== 'local')
        return { plan, keys, size: 0 };
    const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
    if (!cache.isFeatureAvailable()) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e('The Actions cache service is not available to this job; building without a cache.');
        plan.mode = 'none';
        return { plan, keys, size: 0 };
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    let matchedKey;
    try {
        const result = await withTimeout(cache.restoreCache([dir], keys.primary, keys.restore), inputs.cacheTimeoutSeconds * 1000);
        if (result === 'timeout') {
            // The abandoned download may still be writing into the folder: leave it alone this run.
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`);
            plan.mode = 'none';
            return { plan, keys, size: 0 };
        }
        matchedKey = result;
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Cache restore failed: ${e.message}; building without a cache.`);
        return { plan, keys, size: 0 };
    }
    if (matchedKey === undefined) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`No cache for ${keys.primary} or its restore keys; this build is cold.`);
        return { plan, keys, size: 0 };
    }
    plan.restored = true;
    plan.exactHit = matchedKey === keys.primary;
    const size = await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .dirSize */ .tE)(dir);
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Restored ${size} bytes of build cache from ${matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`);
    return { plan, keys, matchedKey, size };
}
/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
async function rotate(plan) {
    if (plan.mode !== 'local' || plan.exactHit)
        return false;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(plan.newDir, 'index.json'));
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
        return false;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(plan.dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(plan.newDir, plan.dir);
    return true;
}
/** Post step: save the rotated folder under the primary key. Never throws. */
async function saveLayers(dir, primaryKey) {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        const id = await cache.saveCache([dir], primaryKey);
        if (id === -1)
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`The build cache was not saved under ${primaryKey} (see the lines above).`);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Saved the build cache (${await (0,_files_js__WEBPACK_IMPORTED_MODULE_4__/* .dirSize */ .tE)(dir)} bytes) under ${primaryKey}.`);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Cache save failed: ${e.message}`);
    }
}


/***/ }),

/***/ 73190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports execRunner, setRunner */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75260);
// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching @actions/exec (ESM namespaces cannot be spied on).

/** Runs `file` with `args` as an argv array (never through a shell); never throws on a non-zero exit. */
const execRunner = async (file, args, options = {}) => {
    const result = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(file, args, {
        ignoreReturnCode: true,
        silent: options.echo === false,
        env: options.env,
        cwd: options.cwd,
        // One stream, in order: the log reads as the process wrote it, and a ::stop-commands::
        // written to stdout around it (log.ts) cannot be overtaken by lines on another pipe.
        errStream: process.stdout,
        listeners: options.onOutput
            ? {
                stdout: (data) => options.onOutput?.(data.toString()),
                stderr: (data) => options.onOutput?.(data.toString()),
            }
            : undefined,
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};
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
/* harmony export */   aI: () => (/* binding */ walkFolder),
/* harmony export */   hl: () => (/* binding */ UnsafeLinkError),
/* harmony export */   tE: () => (/* binding */ dirSize)
/* harmony export */ });
/* unused harmony exports isInside, listFiles */
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


/***/ }),

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97377);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2462);
// The post step: runs after the job's other steps (post-if: always()). It saves the build
// cache the main step rotated and removes a builder the main step created. Never fails the job.




async function post() {
    try {
        const save = _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE */ .c.cacheSave);
        if (save) {
            const { dir, key } = JSON.parse(save);
            // State is only ever this folder; anything else did not come from the main step.
            const expected = (0,_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .localCacheDir */ .NU)(process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir());
            if (dir !== expected)
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Not saving the build cache: unexpected folder ${dir} in the step state.`);
            else
                await _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Save the build cache', () => (0,_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .saveLayers */ .o)(dir, key));
        }
        const builder = _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE */ .c.createdBuilder);
        if (builder)
            await (0,_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .removeBuilder */ .iq)(builder);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`c2w-action post step: ${e.message}`);
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map