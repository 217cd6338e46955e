export const id = 564;
export const ids = [564];
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33838);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73190);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59148);
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
const short = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Using the builder '${inputs.builder}' as given.`);
        return { name: inputs.builder, created: false, canExport: true };
    }
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
/** The local cache folder: fixed, since the cache version hashes the path and every run must use the same one. */
function localCacheDir(runnerTemp) {
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp, 'c2w-action', 'buildx-cache');
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
    const size = await (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .t)(dir);
    _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Restored ${size} bytes of build cache from ${matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`);
    return { plan, keys, matchedKey, size };
}
/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
async function rotate(plan) {
    if (plan.mode !== 'local' || plan.exactHit)
        return false;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(plan.newDir, 'index.json'));
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
        return false;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(plan.dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(plan.newDir, plan.dir);
    return true;
}
/** Post step: save the rotated folder under the primary key. Never throws. */
async function saveLayers(dir, primaryKey) {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(88), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
        const id = await cache.saveCache([dir], primaryKey);
        if (id === -1)
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`The build cache was not saved under ${primaryKey} (see the lines above).`);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Saved the build cache (${await (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .dirSize */ .t)(dir)} bytes) under ${primaryKey}.`);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache save failed: ${e.message}`);
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
/* harmony export */   C: () => (/* binding */ listFiles),
/* harmony export */   t: () => (/* binding */ dirSize)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Walking an output or cache folder.


/** Relative paths (with `/`) of every regular file below `dir`, sorted. */
async function listFiles(dir, prefix = '') {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, prefix), { withFileTypes: true });
    const files = [];
    for (const e of entries) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory())
            files.push(...(await listFiles(dir, rel)));
        else if (e.isFile())
            files.push(rel);
    }
    return files.sort();
}
/** Bytes of the regular files below `dir`; 0 when it does not exist. */
async function dirSize(dir) {
    let files;
    try {
        files = await listFiles(dir);
    }
    catch {
        return 0;
    }
    let total = 0;
    for (const f of files)
        total += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, f))).size;
    return total;
}


/***/ }),

/***/ 24564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/cache.ts
var src_cache = __webpack_require__(97377);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/smoke.ts + 1 modules
var smoke = __webpack_require__(31494);
;// CONCATENATED MODULE: ./src/failures.ts
// The failure signatures users hit with c2w (c2w-reference.md section 8), matched against
// the tail of a failed build or boot so the error says what to do.

const SIGNATURES = [
    {
        kind: 'allocator',
        test: (l) => (0,smoke/* classifyAllocatorFailure */.IQ)(l, '') !== undefined,
        hint: 'An emscripten allocator assertion (c2w issue #400). Try another allocator (e.g. allocator: dlmalloc or emmalloc), or list several in allocator-fallback.',
    },
    {
        kind: 'disk',
        test: (l) => /no space left on device/i.test(l),
        hint: 'The runner ran out of disk. A cold c2w build needs tens of GB: free runner disk first (remove preinstalled toolchains) or use a larger runner.',
    },
    {
        kind: 'mknod',
        test: (l) => /mknod .*Operation not permitted/.test(l),
        hint: 'The build ran in a restricted environment that forbids mknod (c2w issues #294, #70). Use a runner with a full Docker engine, not rootless or a nested sandbox.',
    },
    {
        kind: 'image-too-large',
        test: (l) => /capacity overflow/.test(l),
        hint: 'wasi-vfs could not pack the image: it is too large (c2w issues #230, #250). Use a smaller image.',
    },
    {
        kind: 'memory',
        test: (l) => /cannot allocate memory/i.test(l) || /(^|\s)Killed(\s|$)/.test(l),
        hint: 'The build ran out of memory (c2w issues #280, #187). Use a runner with more memory or fewer parallel jobs.',
    },
    {
        kind: 'env-too-large',
        test: (l) => /failed to prepare env info/.test(l),
        hint: "The command and environment exceed c2w's 1024-byte budget (c2w issue #518). Shorten smoke-command or smoke-env.",
    },
    {
        kind: 'exec-format',
        test: (l) => /exec format error/.test(l),
        hint: 'The c2w binary does not match this machine (c2w issue #198): c2w runs on Linux amd64/arm64 only.',
    },
    {
        kind: 'old-engine',
        test: (l) => /requires API version 1\.4[89]|"--platform" requires API version/.test(l),
        hint: "c2w v0.8.4 runs 'docker save --platform', which needs Docker Engine 28 (API 1.48). Upgrade the engine, or use c2w-version: v0.8.3.",
    },
];
/** Finds the first known failure signature in `output` (most specific first). */
function classifyFailure(output) {
    const lines = output.split(/\r?\n/);
    for (const sig of SIGNATURES) {
        const line = lines.find((l) => sig.test(l));
        if (line !== undefined)
            return { kind: sig.kind, line: line.trim(), hint: sig.hint };
    }
    return undefined;
}
/** Keeps the last `max` characters of a stream. */
class Tail {
    max;
    text = '';
    constructor(max = 64 * 1024) {
        this.max = max;
    }
    push(chunk) {
        this.text += chunk;
        if (this.text.length > 2 * this.max)
            this.text = this.text.slice(-this.max);
    }
    toString() {
        return this.text.slice(-this.max);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/hash.ts
// sha256 of a file, streamed (c2w outputs are hundreds of MB).



async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/files.ts
var src_files = __webpack_require__(59148);
;// CONCATENATED MODULE: ./src/log.ts
// Output the action does not control (the build log, what the guest prints at its smoke boot) can
// contain lines that look like workflow commands (`::set-output …`, `::save-state …`, `::error …`).
// The runner must not act on them: stream such output between ::stop-commands:: and its resume token.

async function withoutWorkflowCommands(fn) {
    const token = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
    process.stdout.write(`::stop-commands::${token}\n`);
    try {
        return await fn();
    }
    finally {
        process.stdout.write(`::${token}::\n`);
    }
}

;// CONCATENATED MODULE: ./src/convert.ts
// Stage: the conversion itself. A pure function builds c2w's argv; `convert` runs it, keeps
// the tail of the log for the failure classifier, and checks what c2w wrote.









/**
 * c2w's argv: every flag first, then `--`, the image and the output. c2w silently ignores a
 * flag placed after the image, so nothing may follow the positionals. `extraFlags` are items
 * for `docker buildx build` (cache import/export, builder), passed as `--extra-flag=ITEM`.
 */
function buildC2wArgv(inputs, dockerfile, extraFlags = []) {
    const argv = [`--dockerfile=${dockerfile}`, `--target-arch=${inputs.targetArch}`];
    if (inputs.target === 'js')
        argv.push('--to-js');
    for (const { key, value } of inputs.buildArgs)
        argv.push(`--build-arg=${key}=${value}`);
    if (inputs.debugImage)
        argv.push('--debug-image');
    for (const flag of extraFlags)
        argv.push(`--extra-flag=${flag}`);
    argv.push('--', inputs.image, inputs.output);
    return argv;
}
class ConversionError extends Error {
}
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
async function convert(c2w, inputs, dockerfile, extraFlags = []) {
    const argv = buildC2wArgv(inputs, dockerfile, extraFlags);
    const outDir = inputs.target === 'js' ? inputs.output : external_node_path_.dirname(inputs.output);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const tail = new Tail();
    const started = performance.now();
    const result = await core/* group */.Os(`c2w ${argv.join(' ')}`, () => withoutWorkflowCommands(() => (0,exec/* run */.eF)(c2w, argv, { onOutput: (chunk) => tail.push(chunk) })));
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    const log = tail.toString();
    if (result.exitCode !== 0) {
        const failure = classifyFailure(log);
        const last = log.trim().split('\n').slice(-15).join('\n');
        throw new ConversionError(failure
            ? `c2w failed (exit ${result.exitCode}): ${failure.line}\n${failure.hint}`
            : `c2w failed (exit ${result.exitCode}). Last lines of its log:\n${last}`);
    }
    const checked = inputs.target === 'js' ? await checkJsOutput(inputs.output) : await checkWasiOutput(inputs.output);
    return { path: inputs.output, ...checked, buildSeconds };
}
async function checkWasiOutput(file) {
    let size;
    try {
        size = (await (0,promises_.stat)(file)).size;
    }
    catch {
        throw new ConversionError(`c2w exited 0 but wrote no output at ${file}.`);
    }
    if (size === 0)
        throw new ConversionError(`c2w wrote an empty file at ${file}.`);
    const head = Buffer.alloc(4);
    const fh = await (0,promises_.open)(file, 'r');
    try {
        await fh.read(head, 0, 4, 0);
    }
    finally {
        await fh.close();
    }
    if (!head.equals(WASM_MAGIC)) {
        throw new ConversionError(`${file} is not a WebAssembly module (it does not start with \\0asm).`);
    }
    return { size, sha256: await sha256File(file) };
}
/** sha256 of the sorted `<sha256>  <path>` listing: stable for the same files, whatever the order on disk. */
async function hashDirectory(dir) {
    const files = await (0,src_files/* listFiles */.C)(dir);
    const listing = [];
    for (const f of files)
        listing.push(`${await sha256File(external_node_path_.join(dir, f))}  ${f}\n`);
    return { sha256: (0,external_node_crypto_.createHash)('sha256').update(listing.join('')).digest('hex'), files };
}
async function checkJsOutput(dir) {
    let listing;
    try {
        listing = await hashDirectory(dir);
    }
    catch {
        throw new ConversionError(`c2w exited 0 but wrote no output directory at ${dir}.`);
    }
    const wasm = listing.files.filter((f) => f.endsWith('.wasm'));
    if (!listing.files.includes('out.js') || wasm.length === 0) {
        throw new ConversionError(`${dir} is not a complete --to-js output: it needs out.js and a .wasm file; it has ${listing.files.join(', ') || 'nothing'}.`);
    }
    let size = 0;
    for (const f of wasm)
        size += (await (0,promises_.stat)(external_node_path_.join(dir, f))).size;
    return { size, sha256: listing.sha256 };
}

;// CONCATENATED MODULE: ./src/dockerfile.ts
// Stage: the Dockerfile c2w builds with. Takes c2w's own (`c2w --show-dockerfile`) or the
// user's, sets every emscripten `-sMALLOC=` to the chosen allocator, and writes it to RUNNER_TEMP.





// `-sMALLOC=value` and `-s MALLOC=value`, the value optionally quoted. A value is required, so
// prose such as "# -sMALLOC= picks the allocator" is not a setting.
const MALLOC = /(-s ?MALLOC=)(["']?)([A-Za-z0-9_-]+)\2/g;
/** Sets every `-sMALLOC=` value to `allocator`. Pure. */
function patchAllocator(dockerfile, allocator) {
    let found = 0;
    let changed = 0;
    if (allocator === 'default') {
        for (const _ of dockerfile.matchAll(MALLOC))
            found++;
        return { text: dockerfile, found, changed };
    }
    const text = dockerfile.replace(MALLOC, (_m, flag, quote, value) => {
        found++;
        if (value !== allocator)
            changed++;
        return `${flag}${quote}${allocator}${quote}`;
    });
    return { text, found, changed };
}
class DockerfileError extends Error {
}
/** Reads the Dockerfile, applies the allocator and writes the result under `tempDir`. */
async function prepareDockerfile(inputs, c2w, tempDir) {
    let source;
    let origin;
    if (inputs.dockerfile !== undefined) {
        origin = inputs.dockerfile;
        try {
            source = await (0,promises_.readFile)(inputs.dockerfile, 'utf8');
        }
        catch (e) {
            throw new DockerfileError(`Input 'dockerfile': cannot read '${inputs.dockerfile}': ${e.message}`);
        }
    }
    else {
        origin = 'c2w --show-dockerfile';
        const shown = await (0,exec/* run */.eF)(c2w, ['--show-dockerfile'], { echo: false });
        if (shown.exitCode !== 0 || shown.stdout.trim() === '') {
            throw new DockerfileError(`'c2w --show-dockerfile' failed (exit ${shown.exitCode}): ${shown.stderr.trim()}`);
        }
        source = shown.stdout;
    }
    const patch = patchAllocator(source, inputs.allocator);
    if (inputs.allocator !== 'default' && patch.found === 0) {
        throw new DockerfileError(`The Dockerfile (${origin}) has no -sMALLOC= setting, so allocator '${inputs.allocator}' cannot be applied. ` +
            'Use allocator: default, or a Dockerfile whose emscripten flags set -sMALLOC=.');
    }
    if (inputs.allocator === 'default') {
        core/* info */.pq(`Allocator: default, Dockerfile left as it is (${patch.found} -sMALLOC= setting(s)).`);
    }
    else {
        core/* info */.pq(`Allocator: set ${patch.found} -sMALLOC= setting(s) to ${inputs.allocator} (${patch.changed} changed, ${patch.found - patch.changed} already ${inputs.allocator}).`);
    }
    if (inputs.target === 'wasi' && inputs.allocator !== 'default') {
        core/* notice */.lm(`allocator '${inputs.allocator}' only affects target: js builds; WASI outputs are built with wasi-sdk and use wasi-libc's allocator.`);
    }
    await (0,promises_.mkdir)(tempDir, { recursive: true });
    const file = external_node_path_.join(tempDir, 'Dockerfile');
    await (0,promises_.writeFile)(file, patch.text);
    const hash = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    return {
        path: file,
        sha256: hash(patch.text),
        sourceSha256: hash(source),
        found: patch.found,
        changed: patch.changed,
    };
}

;// CONCATENATED MODULE: ./src/fallback.ts
/**
 * The allocators to build with, in order: the one asked for, then the `allocator-fallback` list
 * without it and without repeats. A `wasi` build has one attempt: wasi-sdk's output never uses
 * the emscripten allocator, so another allocator would build the same module.
 */
function attemptOrder(target, allocator, fallback) {
    if (target === 'wasi')
        return [allocator];
    return [...new Set([allocator, ...fallback])];
}
/**
 * Runs `attempt` for each allocator in `order` until one passes. An attempt that failed without
 * an allocator failure, or the last one, throws its error.
 */
async function firstPassing(order, attempt, 
/** Called after each rejection with every rejection so far (the newest last) and the next allocator. */
onRejected = () => undefined) {
    const rejected = [];
    for (const [i, allocator] of order.entries()) {
        const result = await attempt(allocator);
        if (result.passed)
            return { allocator, value: result.value, rejected };
        const next = order[i + 1];
        if (result.allocatorFailure === undefined || next === undefined)
            throw result.error;
        rejected.push({ allocator, line: result.allocatorFailure });
        onRejected(rejected, next);
    }
    throw new Error('No allocator to build with.');
}

;// CONCATENATED MODULE: ./src/image-ref.ts
// Docker image reference grammar (distribution/reference), used to reject bad `image`
// inputs before anything is spawned:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]      host := domain-name | IPv4 | "[" IPv6 "]"
//   path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := [_.] | "__" | "-"+
//   tag       := [\w][\w.-]{0,127}
//   digest    := algorithm ":" hex   (sha256: exactly 64 lower-case hex)
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6})`;
const domain = `${host}(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const anchored = new RegExp(`^(?:(${domain})/)?(${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`);
const NAME_MAX = 255;
/** Parses an image reference; returns an error message instead when it is not one. */
function parseImageReference(ref) {
    if (ref === '')
        return 'is empty';
    if (/\s/.test(ref))
        return 'contains white space';
    const m = anchored.exec(ref);
    if (!m) {
        // Registry hosts and tags may have upper case; if lower-casing makes it valid, the
        // repository path had upper case, which Docker refuses.
        if (anchored.test(ref.toLowerCase())) {
            return 'has upper-case letters in the repository name (only the registry host may have them)';
        }
        return 'is not a valid image reference (expected [registry[:port]/]name[:tag][@sha256:<64 hex>])';
    }
    const [, , , t, dig] = m;
    let [, dom, path] = m;
    // A first component without '.', ':' or 'localhost' is part of the path, not a registry
    // (Docker's own rule); such a component must then follow the path grammar.
    if (dom !== undefined && !/[.:]/.test(dom) && dom !== 'localhost') {
        if (!new RegExp(`^${pathComponent}$`).test(dom)) {
            return 'has upper-case letters in the repository name (only the registry host may have them)';
        }
        path = `${dom}/${path}`;
        dom = undefined;
    }
    const name = dom ? `${dom}/${path}` : path;
    if (name.length > NAME_MAX)
        return `has a name longer than ${NAME_MAX} characters`;
    if (dig !== undefined) {
        const [algo, hex] = dig.split(':');
        if (algo === 'sha256' && !/^[a-f0-9]{64}$/.test(hex)) {
            return 'has a bad digest (sha256 needs exactly 64 lower-case hex characters)';
        }
        if (algo === 'sha512' && !/^[a-f0-9]{128}$/.test(hex)) {
            return 'has a bad digest (sha512 needs exactly 128 lower-case hex characters)';
        }
    }
    const result = { path: path };
    if (dom !== undefined)
        result.domain = dom;
    if (t !== undefined)
        result.tag = t;
    if (dig !== undefined)
        result.digest = dig;
    return result;
}

;// CONCATENATED MODULE: ./src/outputs.ts
// Every output of the action, in one place (as actions/cache's src/constants.ts keeps its names).
// Nothing else spells an output's name; a unit test holds this list equal to action.yml's.
var Outputs;
(function (Outputs) {
    Outputs["WasmPath"] = "wasm-path";
    Outputs["WasmSize"] = "wasm-size";
    Outputs["Sha256"] = "sha256";
    Outputs["Allocator"] = "allocator";
    Outputs["RejectedAllocators"] = "rejected-allocators";
    Outputs["C2wVersion"] = "c2w-version";
    Outputs["BuildSeconds"] = "build-seconds";
    Outputs["CacheHit"] = "cache-hit";
    Outputs["CachePrimaryKey"] = "cache-primary-key";
    Outputs["CacheMatchedKey"] = "cache-matched-key";
    Outputs["CacheSize"] = "cache-size";
    Outputs["SmokeResult"] = "smoke-result";
    Outputs["SmokeSeconds"] = "smoke-seconds";
    Outputs["SmokeOutput"] = "smoke-output";
    Outputs["ArtifactId"] = "artifact-id";
    Outputs["ArtifactUrl"] = "artifact-url";
    Outputs["ArtifactDigest"] = "artifact-digest";
    Outputs["ReleaseId"] = "release-id";
    Outputs["ReleaseAssetUrl"] = "release-asset-url";
    Outputs["ReleaseChecksumUrl"] = "release-checksum-url";
})(Outputs || (Outputs = {}));

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/release.ts
// Release asset half of the publish stage: find (or create, as a draft) the release of a tag,
// upload the wasm (a deterministic .tar.gz for js) and `<asset>.sha256`, through
// @actions/github's Octokit (loaded on demand; honours GITHUB_API_URL).








class ReleaseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseError';
    }
}
const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function publishReleaseAsset(req, deps = {}) {
    const env = deps.env ?? process.env;
    if (!req.token)
        throw new ReleaseError('github-token is empty: a token with contents: write is needed for release-tag');
    core/* setSecret */.Pq(req.token);
    const [owner, repo] = (req.repository ?? '').split('/');
    if (!owner || !repo)
        throw new ReleaseError(`GITHUB_REPOSITORY is not set as owner/repo (got ${JSON.stringify(req.repository ?? '')})`);
    // What is uploaded: the wasm itself, or a deterministic .tar.gz of the js directory.
    let file = req.path;
    let cleanup;
    if (req.target === 'js') {
        const dir = external_node_fs_.mkdtempSync(external_node_path_.join(env.RUNNER_TEMP || external_node_os_.tmpdir(), 'c2w-release-'));
        file = external_node_path_.join(dir, req.assetName);
        cleanup = () => external_node_fs_.rmSync(dir, { recursive: true, force: true });
        await writeDeterministicTarGz(req.path, file);
    }
    try {
        const sha256 = await sha256File(file);
        if (req.target === 'wasi' && req.sha256 && sha256 !== req.sha256.toLowerCase()) {
            throw new ReleaseError(`${file} changed after conversion: sha256 ${sha256}, expected ${req.sha256}; refusing to publish it`);
        }
        const size = external_node_fs_.statSync(file).size;
        const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(req.token, {
            baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
            // Octokit's default logger prints warnings to the console; route them through core.
            log: {
                debug: () => { },
                info: () => { },
                warn: (m) => core/* warning */.$e(m),
                error: (m) => core/* error */.z3(m),
            },
        });
        const api = new Api(octokit.request, owner, repo, deps);
        const release = await api.findOrCreateRelease(req.tag, req.create);
        core/* info */.pq(`Release ${req.tag}: id ${release.id}${release.draft ? ' (draft)' : ''}`);
        const asset = await api.putAsset(release, req.assetName, req.overwrite, {
            size,
            contentType: req.target === 'js' ? 'application/gzip' : 'application/wasm',
            body: () => external_node_fs_.createReadStream(file),
        });
        const checksumName = `${req.assetName}.sha256`;
        const checksum = Buffer.from(sha256sumLine(sha256, req.assetName));
        const sum = await api.putAsset(release, checksumName, req.overwrite, {
            size: checksum.length,
            contentType: 'text/plain',
            body: () => checksum,
        });
        return { releaseId: release.id, assetUrl: asset.browser_download_url, checksumUrl: sum.browser_download_url };
    }
    finally {
        cleanup?.();
    }
}
/** One line as `sha256sum` prints it (text mode: two spaces). */
function sha256sumLine(hex, name) {
    return `${hex}  ${name}\n`;
}
class Api {
    assets;
    request;
    owner;
    repo;
    deps;
    constructor(request, owner, repo, deps) {
        this.request = request;
        this.owner = owner;
        this.repo = repo;
        this.deps = deps;
    }
    /** Calls the API, retrying 5xx and rate-limit answers with bounded exponential backoff. */
    async call(what, route, params = {}) {
        const max = this.deps.maxAttempts ?? 4;
        const base = this.deps.baseDelayMs ?? 2000;
        const cap = this.deps.maxDelayMs ?? 60_000;
        const sleep = this.deps.sleep ?? defaultSleep;
        for (let attempt = 1;; attempt++) {
            try {
                const p = typeof params === 'function' ? params() : params;
                const res = await this.request(route, { owner: this.owner, repo: this.repo, ...p });
                return res.data;
            }
            catch (err) {
                const e = err;
                const retryable = isRetryable(e);
                if (!retryable || attempt >= max)
                    throw err;
                const retryAfter = Number(e.response?.headers?.['retry-after']);
                const delay = Math.min(cap, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : base * 2 ** (attempt - 1));
                core/* info */.pq(`${what}: ${e.status ?? 'network error'} ${apiMessage(e)}; retrying in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of ${max})`);
                await sleep(delay);
            }
        }
    }
    async findOrCreateRelease(tag, create) {
        try {
            return await this.call('Get release by tag', 'GET /repos/{owner}/{repo}/releases/tags/{tag}', { tag });
        }
        catch (err) {
            if (err.status !== 404)
                throw this.fail(`Getting the release of tag ${tag}`, err);
        }
        // The by-tag endpoint does not return drafts: look for a draft from an earlier run.
        for (let page = 1; page <= 10; page++) {
            let list;
            try {
                list = await this.call('List releases', 'GET /repos/{owner}/{repo}/releases', {
                    per_page: 100,
                    page,
                });
            }
            catch (err) {
                throw this.fail('Listing releases', err);
            }
            const found = list.find((r) => r.tag_name === tag);
            if (found)
                return found;
            if (list.length < 100)
                break;
        }
        if (!create) {
            throw new ReleaseError(`No release has the tag ${tag}, and release-create is false: create the release first, or set release-create: true`);
        }
        core/* info */.pq(`Creating draft release ${tag}`);
        try {
            return await this.call('Create release', 'POST /repos/{owner}/{repo}/releases', {
                tag_name: tag,
                name: tag,
                draft: true,
            });
        }
        catch (err) {
            throw this.fail(`Creating a draft release for tag ${tag}`, err);
        }
    }
    async listAssets(release, refresh = false) {
        if (this.assets && !refresh)
            return this.assets;
        const all = [];
        for (let page = 1;; page++) {
            let list;
            try {
                list = await this.call('List release assets', 'GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
                    release_id: release.id,
                    per_page: 100,
                    page,
                });
            }
            catch (err) {
                throw this.fail(`Listing the assets of release ${release.tag_name}`, err, release);
            }
            all.push(...list);
            if (list.length < 100)
                break;
        }
        this.assets = all;
        return all;
    }
    /** Makes room for `name` (delete when overwriting, error otherwise). */
    async clear(release, name, overwrite, refresh) {
        const existing = (await this.listAssets(release, refresh)).find((a) => a.name === name);
        if (!existing)
            return;
        if (!overwrite) {
            throw new ReleaseError(`Release ${release.tag_name} already has an asset named ${name} (id ${existing.id}) and release-overwrite is false`);
        }
        core/* info */.pq(`Deleting the existing asset ${name} (id ${existing.id})`);
        try {
            await this.call('Delete release asset', 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
                asset_id: existing.id,
            });
        }
        catch (err) {
            if (err.status !== 404)
                throw this.fail(`Deleting the existing asset ${name}`, err, release);
        }
        this.assets = this.assets?.filter((a) => a.id !== existing.id);
    }
    async putAsset(release, name, overwrite, content) {
        await this.clear(release, name, overwrite, false);
        for (let raced = false;; raced = true) {
            core/* info */.pq(`Uploading ${name} (${content.size} bytes) to release ${release.tag_name}`);
            try {
                // upload_url is a URI template (`.../assets{?name,label}`) on uploads.github.com
                // (or the API host on GHES): Octokit expands it with `name`. A fresh body per attempt.
                // The upload API needs a Content-Length: fetch sets it for a Buffer (a second one makes
                // undici reject the request), a stream needs it given.
                const asset = await this.call(`Upload ${name}`, `POST ${release.upload_url}`, () => {
                    const data = content.body();
                    const headers = { 'content-type': content.contentType };
                    if (!Buffer.isBuffer(data))
                        headers['content-length'] = String(content.size);
                    return { name, headers, data };
                });
                this.assets?.push(asset);
                return asset;
            }
            catch (err) {
                if (!raced && isAlreadyExists(err)) {
                    // Another job uploaded the same name between our listing and our upload.
                    core/* info */.pq(`${name} appeared on the release meanwhile; refreshing the asset list and retrying once`);
                    await this.clear(release, name, overwrite, true);
                    continue;
                }
                throw this.fail(`Uploading ${name}`, err, release);
            }
        }
    }
    /** A failure with the API's own message, plus what to do for the cases users hit. */
    fail(what, err, release) {
        if (err instanceof ReleaseError)
            return err;
        const e = err;
        const msg = apiMessage(e);
        const status = e.status;
        if (status === 401) {
            return new ReleaseError(`${what} failed: 401 ${msg}. The github-token is invalid or expired; pass a valid token (the default is github.token).`);
        }
        if (status === 403 || status === 404) {
            return new ReleaseError(`${what} failed: ${status} ${msg}. Check that ${this.owner}/${this.repo} exists and that the github-token ` +
                `can write to it (permissions: contents: write).`);
        }
        if (status === 422 && (/immutable/i.test(msg) || (release && !release.draft && release.immutable))) {
            return new ReleaseError(`${what} failed: 422 ${msg}. Release ${release?.tag_name ?? ''} is published and immutable: assets can only be ` +
                `added while a release is a draft. Create the release as a draft (or let this action create it with ` +
                `release-create: true), publish it after the uploads, or use a new tag.`);
        }
        return new ReleaseError(`${what} failed: ${status ?? ''} ${msg}`.replace(/\s+/g, ' ').trim());
    }
}
function apiMessage(e) {
    const data = e.response?.data;
    if (data && typeof data === 'object' && data.message) {
        const details = (data.errors ?? [])
            .map((x) => x.message || [x.field, x.code].filter(Boolean).join(' '))
            .filter(Boolean);
        return details.length ? `${data.message} (${details.join('; ')})` : data.message;
    }
    return e.message ?? String(e);
}
function isRetryable(e) {
    const s = e.status;
    if (s === undefined)
        return isNetwork(e);
    if (s === 500 || s === 502 || s === 503 || s === 504 || s === 429)
        return true;
    if (s === 403) {
        const h = e.response?.headers ?? {};
        return h['x-ratelimit-remaining'] === '0' || h['retry-after'] !== undefined || /rate limit/i.test(apiMessage(e));
    }
    return false;
}
function isNetwork(e) {
    return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|fetch failed/i.test(String(e.message ?? ''));
}
function isAlreadyExists(err) {
    const e = err;
    if (e.status !== 422)
        return false;
    const data = e.response?.data;
    return Boolean(data?.errors?.some((x) => x.code === 'already_exists'));
}
// ---------------------------------------------------------------------------------------
// Deterministic .tar.gz of a directory (no dependency, no system tar): entries sorted by
// path, mtime 0, uid/gid 0, no user names, mode 0644 or 0755; gzip without name or time.
async function writeDeterministicTarGz(dir, outFile) {
    const entries = collect(external_node_path_.resolve(dir), '');
    async function* tar() {
        for (const e of entries) {
            if (e.type === 'dir') {
                yield header(e.rel + '/', 0, 0o755, '5');
            }
            else {
                yield header(e.rel, e.size, e.mode, '0');
                for await (const chunk of external_node_fs_.createReadStream(e.abs))
                    yield chunk;
                const pad = (512 - (e.size % 512)) % 512;
                if (pad)
                    yield Buffer.alloc(pad);
            }
        }
        yield Buffer.alloc(1024);
    }
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tar()), external_node_zlib_.createGzip({ level: 9 }), external_node_fs_.createWriteStream(outFile));
}
function collect(root, rel) {
    const out = [];
    const names = external_node_fs_.readdirSync(external_node_path_.join(root, rel)).sort();
    for (const name of names) {
        const r = rel ? `${rel}/${name}` : name;
        const abs = external_node_path_.join(root, r);
        const st = external_node_fs_.statSync(abs); // follows symlinks: the archive holds their targets
        if (st.isDirectory()) {
            out.push({ rel: r, abs, type: 'dir', size: 0, mode: 0o755 });
            out.push(...collect(root, r));
        }
        else if (st.isFile()) {
            out.push({ rel: r, abs, type: 'file', size: st.size, mode: st.mode & 0o111 ? 0o755 : 0o644 });
        }
    }
    return out;
}
function header(name, size, mode, type) {
    const h = Buffer.alloc(512);
    let base = name;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
        // ustar: split at a slash into prefix (<=155) and name (<=100).
        const i = name.lastIndexOf('/', name.length - 2);
        prefix = name.slice(0, i);
        base = name.slice(i + 1);
        if (i < 0 || Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) {
            throw new ReleaseError(`Path too long for the release tarball: ${name}`);
        }
    }
    if (size > 0o77777777777)
        throw new ReleaseError(`File too large for the release tarball: ${name}`);
    h.write(base, 0, 100, 'utf8');
    h.write(octal(mode, 7), 100);
    h.write(octal(0, 7), 108);
    h.write(octal(0, 7), 116);
    h.write(octal(size, 11), 124);
    h.write(octal(0, 11), 136);
    h.fill(' ', 148, 156);
    h.write(type, 156);
    h.write('ustar\u000000', 257, 'binary');
    h.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const b of h)
        sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\u0000 ', 148, 'binary');
    return h;
}
function octal(n, width) {
    return n.toString(8).padStart(width, '0') + '\u0000';
}

;// CONCATENATED MODULE: ./src/publish.ts
// Publish stage (issue 6): upload the converted wasm as a workflow artifact and, when a
// release tag is given, as a release asset with a `sha256sum` checksum file.
//
// Only runs after the conversion and the smoke boot passed (the caller's job). The heavy
// clients (@actions/artifact, @actions/github) are loaded with dynamic import() on the paths
// that need them, so a run that publishes nothing never pays for them.






/** Maps each PublishOutputs field to the action output it is published as. */
const OUTPUT_NAMES = {
    artifactId: Outputs.ArtifactId,
    artifactUrl: Outputs.ArtifactUrl,
    artifactDigest: Outputs.ArtifactDigest,
    releaseId: Outputs.ReleaseId,
    releaseAssetUrl: Outputs.ReleaseAssetUrl,
    releaseChecksumUrl: Outputs.ReleaseChecksumUrl,
};
/**
 * Default zip compression level of the artifact. Chosen by bench/publish.bench.mjs (see
 * bench/RESULTS.md): level 1 stores a c2w-like 200 MB wasm within a few percent of level 6/9
 * at a fraction of the CPU time.
 */
const DEFAULT_COMPRESSION_LEVEL = 1;
// ---------------------------------------------------------------------------------------
// Pure name derivations and validation
/** Characters the artifact service refuses in a name (as @actions/artifact checks them). */
const INVALID_ARTIFACT_NAME_CHARS = [
    ['"', 'double quote "'],
    [':', 'colon :'],
    ['<', 'less than <'],
    ['>', 'greater than >'],
    ['|', 'vertical bar |'],
    ['*', 'asterisk *'],
    ['?', 'question mark ?'],
    ['\r', 'carriage return \\r'],
    ['\n', 'line feed \\n'],
    ['\\', 'backslash \\'],
    ['/', 'forward slash /'],
];
/** Error message for a user-given artifact name, or undefined when the service accepts it. */
function validateArtifactName(name) {
    if (name.trim() === '')
        return 'artifact-name is empty';
    const bad = INVALID_ARTIFACT_NAME_CHARS.filter(([ch]) => name.includes(ch)).map(([, label]) => label);
    if (bad.length > 0) {
        return (`artifact-name ${JSON.stringify(name)} contains ${bad.join(', ')}; artifact names cannot contain ` +
            `" : < > | * ? \\ / or CR/LF (the artifact service refuses them)`);
    }
    return undefined;
}
/**
 * Error message for a user-given release asset name, or undefined. GitHub silently renames
 * asset names with characters outside [A-Za-z0-9._+-] or a leading/trailing period; the
 * action then could not find its own asset again on a re-run, so such names are refused.
 */
function validateAssetName(name) {
    if (name === '')
        return 'asset-name is empty';
    const bad = [...new Set(name.replace(/[A-Za-z0-9._+-]/g, ''))];
    if (bad.length > 0) {
        return (`asset-name ${JSON.stringify(name)} contains ${bad.map((c) => JSON.stringify(c)).join(' ')}; ` +
            `use only letters, digits and . _ + - (GitHub renames other characters)`);
    }
    if (name.startsWith('.') || name.endsWith('.')) {
        return `asset-name ${JSON.stringify(name)} starts or ends with a period (GitHub renames such assets)`;
    }
    return undefined;
}
const MAX_IMAGE_PART = 80;
/** The image reference in safe characters: `ghcr.io/org/app:1.0` -> `ghcr.io_org_app-1.0`. */
function safeImagePart(image) {
    let ref = image.trim();
    let digest = '';
    const at = ref.indexOf('@');
    if (at >= 0) {
        const d = ref.slice(at + 1);
        ref = ref.slice(0, at);
        const m = /^([a-z0-9]+):([0-9a-f]+)$/i.exec(d);
        digest = m ? `${m[1]}-${m[2].slice(0, 12)}` : d;
    }
    // The registry default and the official-image namespace carry no information.
    ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
    let s = ref.replaceAll('/', '_') + (digest ? `-${digest}` : '');
    s = sanitize(s);
    if (s.length > MAX_IMAGE_PART) {
        // Keep names distinct when long references share a prefix.
        const h = (0,external_node_crypto_.createHash)('sha256').update(image).digest('hex').slice(0, 8);
        s = `${s.slice(0, MAX_IMAGE_PART - 9).replace(/[-_.]+$/, '')}-${h}`;
    }
    return s || 'image';
}
/** Only [A-Za-z0-9._-]: other runs become `-`; no leading/trailing separators. */
function sanitize(s) {
    return s
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-_.]+|[-_.]+$/g, '');
}
/**
 * Default artifact name: distinct for every matrix cell over image, target-arch, target and
 * allocator, with no configuration. `alpine:3.20` amd64 wasi emmalloc -> `alpine-3.20-amd64-wasi-emmalloc`.
 */
function defaultArtifactName(inputs) {
    const arch = sanitize(inputs.targetArch.replaceAll('/', '_')) || 'arch';
    return [safeImagePart(inputs.image), arch, inputs.target, inputs.allocator].join('-');
}
/** Default release asset name: the artifact name with `.wasm` (wasi) or `.tar.gz` (js). */
function defaultAssetName(inputs) {
    return defaultArtifactName(inputs) + assetExtension(inputs.target);
}
function assetExtension(target) {
    return target === 'js' ? '.tar.gz' : '.wasm';
}
/** The artifact's web page, built the way actions/upload-artifact builds its `artifact-url`. */
function artifactUrl(env, id) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repo = env.GITHUB_REPOSITORY;
    const run = env.GITHUB_RUN_ID;
    if (!repo || !run)
        return undefined;
    return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`;
}
/** True when GITHUB_SERVER_URL is a GitHub Enterprise Server (same rule as @actions/artifact). */
function isGhes(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
    }
    catch {
        return false;
    }
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
/** The files of an artifact and their root: one wasm file, or every file under a js directory. */
function artifactFiles(built) {
    const p = external_node_path_.resolve(built.path);
    if (built.target === 'wasi' && external_node_fs_.statSync(p).isFile()) {
        return { files: [p], root: external_node_path_.dirname(p) };
    }
    const files = [];
    const walk = (dir) => {
        for (const entry of external_node_fs_.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = external_node_path_.join(dir, entry.name);
            if (entry.isDirectory())
                walk(full);
            else if (entry.isFile() || (entry.isSymbolicLink() && external_node_fs_.statSync(full).isFile()))
                files.push(full);
        }
    };
    walk(p);
    return { files, root: p };
}
/**
 * Uploads the artifact (when `upload-artifact`) and the release asset (when `release-tag`).
 * Each output is set with core.setOutput as soon as it is known, so a release failure still
 * leaves the artifact outputs in place; the same values are returned.
 */
async function publish(inputs, built, deps = {}) {
    const out = {};
    const set = (key, value) => {
        if (value === undefined)
            return;
        out[key] = value;
        (deps.onOutput ?? core/* setOutput */.uH)(OUTPUT_NAMES[key], value);
    };
    if (inputs.uploadArtifact) {
        const a = await uploadWorkflowArtifact(inputs, built, deps);
        if (a) {
            set('artifactId', a.id);
            set('artifactUrl', a.url);
            set('artifactDigest', a.digest);
        }
    }
    if (inputs.releaseTag) {
        const r = await publishReleaseAsset({
            token: inputs.githubToken,
            tag: inputs.releaseTag,
            create: inputs.releaseCreate,
            overwrite: inputs.releaseOverwrite,
            assetName: inputs.assetName || defaultAssetName(inputs),
            path: built.path,
            target: built.target,
            sha256: built.sha256,
            repository: (deps.env ?? process.env).GITHUB_REPOSITORY,
        }, deps);
        set('releaseId', String(r.releaseId));
        set('releaseAssetUrl', r.assetUrl);
        set('releaseChecksumUrl', r.checksumUrl);
    }
    return out;
}
async function uploadWorkflowArtifact(inputs, built, deps) {
    const env = deps.env ?? process.env;
    const name = inputs.artifactName || defaultArtifactName(inputs);
    const invalid = validateArtifactName(name);
    if (invalid)
        throw new Error(invalid);
    if (!deps.artifactClient && isGhes(env.GITHUB_SERVER_URL)) {
        core/* warning */.$e(`Artifact upload skipped: ${env.GITHUB_SERVER_URL} is GitHub Enterprise Server, which has no artifact ` +
            `service for @actions/artifact v2+. The rest of the job goes on; use release-tag to publish instead.`);
        return undefined;
    }
    const { files, root } = artifactFiles(built);
    if (files.length === 0)
        throw new Error(`Nothing to upload: ${built.path} holds no files`);
    let client = deps.artifactClient;
    if (!client) {
        const mod = await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935));
        client = new mod.DefaultArtifactClient();
    }
    try {
        // A re-run (attempt 2 and later) would hit a 409 on the name its first attempt uploaded:
        // replace it, as upload-artifact's `overwrite: true` does. In a first attempt the name can
        // only be taken by another job or matrix cell of this run, whose artifact must not be deleted.
        if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') > 1) {
            try {
                const del = await client.deleteArtifact(name);
                core/* info */.pq(`Replaced artifact '${name}' from an earlier attempt (ID ${del.id})`);
            }
            catch (err) {
                if (errorName(err) !== 'ArtifactNotFoundError')
                    throw err;
            }
        }
        const level = inputs.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
        core/* info */.pq(`Uploading artifact '${name}': ${files.length} file(s), compression level ${level}` +
            (inputs.retentionDays ? `, retention ${inputs.retentionDays} days` : ''));
        const res = await client.uploadArtifact(name, files, root, {
            compressionLevel: level,
            ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
        });
        if (res.id === undefined)
            throw new Error(`Artifact upload of '${name}' returned no artifact ID`);
        const url = artifactUrl(env, res.id);
        core/* info */.pq(`Artifact '${name}' uploaded: ID ${res.id}, ${res.size ?? '?'} bytes${url ? `, ${url}` : ''}`);
        return { id: String(res.id), url, digest: res.digest };
    }
    catch (err) {
        if (errorName(err) === 'GHESNotSupportedError') {
            core/* warning */.$e(`Artifact upload skipped: ${err.message} The rest of the job goes on.`);
            return undefined;
        }
        if (/\b409\b|already exists|conflict/i.test(err.message)) {
            throw new Error(`An artifact named '${name}' already exists in this workflow run (another job or matrix cell uploaded it). ` +
                `Give each job its own artifact-name, or leave artifact-name empty to derive one per matrix cell. (${err.message})`);
        }
        throw err;
    }
}
function errorName(err) {
    return err instanceof Error ? err.name : undefined;
}

;// CONCATENATED MODULE: ./src/types.ts
// The typed form of the action's inputs, parsed and validated once by inputs.ts.
const ALLOCATORS = [
    'emmalloc',
    'dlmalloc',
    'mimalloc',
    'emmalloc-debug',
    'emmalloc-memvalidate',
    'emmalloc-verbose',
    'emmalloc-memvalidate-verbose',
];

;// CONCATENATED MODULE: ./src/inputs.ts
// Reads the action's inputs once and validates every value before anything is spawned.
// `parseInputs` is pure (it takes a getter), so the whole table of bad inputs is unit-tested.






const DEFAULT_C2W_VERSION = 'v0.8.4';
const DEFAULT_DOWNLOAD_URL = 'https://github.com/container2wasm/container2wasm/releases/download';
const TARGET_ARCHES = ['amd64', 'riscv64', 'aarch64', 'arm', '386', 'ppc64le', 's390x', 'mips64le'];
const DEFAULT_SMOKE_COMMAND = ['echo', 'c2w-smoke-ok'];
const DEFAULT_SMOKE_EXPECT = '^c2w-smoke-ok\\s*$';
class InputError extends Error {
    input;
    constructor(input, detail) {
        super(`Input '${input}' ${detail}`);
        this.input = input;
        this.name = 'InputError';
    }
}
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function bool(get, name, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (TRUE_VALUES.includes(raw))
        return true;
    if (FALSE_VALUES.includes(raw))
        return false;
    throw new InputError(name, `must be true or false (YAML 1.2 core schema), got '${raw}'`);
}
function oneOf(get, name, allowed, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    throw new InputError(name, `must be one of ${allowed.join(', ')}; got '${raw}'`);
}
function integer(get, name, min, max) {
    const raw = get(name).trim();
    if (raw === '')
        return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new InputError(name, `must be a whole number from ${min} to ${max}; got '${raw}'`);
    }
    return Number(raw);
}
/** Lines of a multiline input, trimmed, empty lines dropped (like core.getMultilineInput). */
function lines(raw) {
    return raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function keyValues(get, name) {
    return lines(get(name)).map((line) => {
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        if (eq < 0 || !ENV_KEY.test(key)) {
            throw new InputError(name, `needs one KEY=VALUE per line (KEY: letters, digits, _); got '${line}'`);
        }
        return { key, value: line.slice(eq + 1) };
    });
}
const TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
// Git refuses these in a tag name (git check-ref-format).
// eslint-disable-next-line no-control-regex
const BAD_TAG = /(^[-./])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\.lock$|\/$|\.$|^@$/;
function parseInputs(get) {
    const image = get('image').trim();
    if (image === '')
        throw new InputError('image', 'is required: an image reference such as alpine:3.20');
    const parsed = parseImageReference(image);
    if (typeof parsed === 'string')
        throw new InputError('image', `'${image}' ${parsed}`);
    const allocator = oneOf(get, 'allocator', [...ALLOCATORS, 'default'], 'emmalloc');
    const target = oneOf(get, 'target', ['wasi', 'js'], 'wasi');
    const targetArch = oneOf(get, 'target-arch', TARGET_ARCHES, 'amd64');
    const c2wVersion = get('c2w-version').trim() || DEFAULT_C2W_VERSION;
    if (!(c2wVersion === 'latest' || c2wVersion === 'system' || TAG.test(c2wVersion))) {
        throw new InputError('c2w-version', `must be a release tag like v0.8.4, 'latest' or 'system'; got '${c2wVersion}'`);
    }
    const c2wDownloadUrl = (get('c2w-download-url').trim() || DEFAULT_DOWNLOAD_URL).replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s]+$/.test(c2wDownloadUrl)) {
        throw new InputError('c2w-download-url', `must be an http(s) URL; got '${c2wDownloadUrl}'`);
    }
    const dockerfile = get('dockerfile').trim() || undefined;
    if (dockerfile !== undefined && /[\0\r\n]/.test(dockerfile)) {
        throw new InputError('dockerfile', 'must be a single file path');
    }
    const buildArgs = keyValues(get, 'build-args');
    const debugImage = bool(get, 'debug-image', false);
    let output = get('output').trim();
    if (/[\0\r\n]/.test(output))
        throw new InputError('output', 'must be a single path');
    if (target === 'js') {
        output = output === '' ? 'out/' : output.endsWith('/') ? output : `${output}/`;
    }
    else {
        if (output === '')
            output = 'out.wasm';
        if (output.endsWith('/')) {
            throw new InputError('output', `must be a file path for target 'wasi' (a directory is only for 'js'); got '${output}'`);
        }
    }
    const githubToken = get('github-token');
    const cache = oneOf(get, 'cache', ['local', 'gha', 'registry', 'none'], 'local');
    const cacheRef = get('cache-ref').trim() || undefined;
    if (cache === 'registry') {
        if (cacheRef === undefined)
            throw new InputError('cache-ref', 'is required with cache: registry (e.g. ghcr.io/org/app:c2w-cache)');
        const ref = parseImageReference(cacheRef);
        if (typeof ref === 'string')
            throw new InputError('cache-ref', `'${cacheRef}' ${ref}`);
    }
    const cacheKey = get('cache-key').trim() || 'c2w';
    if (!/^[A-Za-z0-9._+-]{1,100}$/.test(cacheKey)) {
        throw new InputError('cache-key', `must be 1-100 characters of letters, digits, '.', '_', '+', '-'; got '${cacheKey}'`);
    }
    const builder = get('builder').trim() || undefined;
    if (builder !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(builder)) {
        throw new InputError('builder', `must be a buildx builder name (letters, digits, '.', '_', '-'); got '${builder}'`);
    }
    const cacheTimeoutSeconds = integer(get, 'cache-timeout', 1, 3600) ?? 600;
    const smoke = bool(get, 'smoke', true);
    const smokeCommandLines = lines(get('smoke-command'));
    const smokeCommand = smokeCommandLines.length > 0 ? smokeCommandLines : DEFAULT_SMOKE_COMMAND;
    const expectSource = get('smoke-expect').trim() || DEFAULT_SMOKE_EXPECT;
    let smokeExpect;
    try {
        smokeExpect = new RegExp(expectSource, 'm');
    }
    catch (e) {
        throw new InputError('smoke-expect', `is not a valid regular expression: ${e.message}`);
    }
    const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
    const smokeEnv = keyValues(get, 'smoke-env');
    const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
        if (!ALLOCATORS.includes(a)) {
            throw new InputError('allocator-fallback', `lists '${a}'; each line must be one of ${ALLOCATORS.join(', ')}`);
        }
        return a;
    });
    const uploadArtifact = bool(get, 'upload-artifact', true);
    const artifactName = get('artifact-name').trim() || undefined;
    const artifactNameError = artifactName === undefined ? undefined : validateArtifactName(artifactName);
    if (artifactNameError)
        throw new InputError('artifact-name', artifactNameError.replace(/^artifact-name /, ''));
    const retentionDays = integer(get, 'retention-days', 1, 90);
    const compressionLevel = integer(get, 'compression-level', 0, 9) ?? DEFAULT_COMPRESSION_LEVEL;
    const releaseTag = get('release-tag').trim() || undefined;
    if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
        throw new InputError('release-tag', `'${releaseTag}' is not a valid git tag name`);
    }
    const releaseCreate = bool(get, 'release-create', true);
    const releaseOverwrite = bool(get, 'release-overwrite', true);
    const assetName = get('asset-name').trim() || undefined;
    const assetNameError = assetName === undefined ? undefined : validateAssetName(assetName);
    if (assetNameError)
        throw new InputError('asset-name', assetNameError.replace(/^asset-name /, ''));
    return {
        image,
        allocator,
        target,
        targetArch,
        c2wVersion,
        c2wDownloadUrl,
        dockerfile,
        buildArgs,
        debugImage,
        output,
        githubToken,
        cache,
        cacheRef,
        cacheKey,
        builder,
        cacheTimeoutSeconds,
        smoke,
        smokeCommand,
        smokeExpect,
        smokeTimeoutSeconds,
        smokeEnv,
        allocatorFallback,
        uploadArtifact,
        artifactName,
        retentionDays,
        compressionLevel,
        releaseTag,
        releaseCreate,
        releaseOverwrite,
        assetName,
    };
}
/**
 * Reads the inputs from the runner's INPUT_* variables and masks the token. Also checks what
 * needs the machine (the custom Dockerfile exists) or would otherwise only fail after an hour's
 * build (the smoke command fits c2w's 1024-byte budget).
 */
function getInputs() {
    const inputs = parseInputs((name) => core/* getInput */.V4(name));
    if (inputs.githubToken)
        core/* setSecret */.Pq(inputs.githubToken);
    if (inputs.dockerfile !== undefined && !(0,external_node_fs_.existsSync)(inputs.dockerfile)) {
        throw new InputError('dockerfile', `names '${inputs.dockerfile}', which does not exist`);
    }
    if (inputs.smoke && inputs.target === 'wasi') {
        const budget = (0,smoke/* checkEnvBudget */.Fd)(inputs.smokeCommand, inputs.smokeEnv);
        if (!budget.ok)
            throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
    }
    return inputs;
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(44942);
;// CONCATENATED MODULE: ./src/install.ts
// Stage: a pinned c2w release, checksum-verified, kept in the runner's tool cache.









const TOOL_NAME = 'c2w';
const C2W_REPOSITORY = 'container2wasm/container2wasm';
class InstallError extends Error {
}
/** c2w publishes Linux binaries for these Node `os.arch()` values. */
const RELEASE_ARCH = { x64: 'amd64', arm64: 'arm64' };
function releaseAssetName(tag, nodeArch) {
    const arch = RELEASE_ARCH[nodeArch];
    if (arch === undefined) {
        throw new InstallError(`c2w has Linux binaries for amd64 and arm64 only; this runner is ${nodeArch}.`);
    }
    return `container2wasm-${tag}-linux-${arch}.tar.gz`;
}
/** Finds the sha256 that a SHA256SUMS file (`sha256sum` format) gives for `file`. */
function checksumFor(sums, file) {
    for (const line of sums.split(/\r?\n/)) {
        const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
        if (m && m[2] === file)
            return m[1].toLowerCase();
    }
    return undefined;
}
/** Tool-cache versions are semver: v0.8.4 → 0.8.4. */
function toolCacheVersion(tag) {
    return tag.replace(/^v/, '');
}
async function installC2w(options) {
    const platform = options.platform ?? external_node_os_.platform();
    if (platform !== 'linux') {
        throw new InstallError(`c2w publishes Linux binaries only; this runner is ${platform}. Use runs-on: ubuntu-latest (or another Linux runner).`);
    }
    if (options.version === 'system')
        return useSystemC2w();
    const tag = options.version === 'latest' ? await resolveLatest(options.token) : options.version;
    const asset = releaseAssetName(tag, options.arch ?? external_node_os_.arch());
    const arch = options.arch ?? external_node_os_.arch();
    const found = tool_cache/* find */.I6(TOOL_NAME, toolCacheVersion(tag), arch);
    if (found) {
        core/* info */.pq(`c2w ${tag} found in the tool cache: ${found}`);
        core/* addPath */.fM(found);
        return { c2w: external_node_path_.join(found, 'c2w'), version: tag, cached: true };
    }
    const base = `${options.downloadUrl}/${tag}`;
    core/* info */.pq(`Downloading ${base}/${asset}`);
    let sumsFile;
    let tarball;
    try {
        sumsFile = await tool_cache/* downloadTool */.bq(`${base}/SHA256SUMS`);
        tarball = await tool_cache/* downloadTool */.bq(`${base}/${asset}`);
    }
    catch (e) {
        throw new InstallError(`Could not download c2w ${tag} from ${base}: ${e.message}. Check c2w-version.`);
    }
    const expected = checksumFor(await (0,promises_.readFile)(sumsFile, 'utf8'), asset);
    if (expected === undefined) {
        throw new InstallError(`SHA256SUMS of c2w ${tag} has no line for ${asset}; refusing to install an unverified binary.`);
    }
    const actual = await sha256File(tarball);
    if (actual !== expected) {
        throw new InstallError(`Checksum mismatch for ${asset}: SHA256SUMS says ${expected}, the download is ${actual}. Nothing was installed.`);
    }
    core/* info */.pq(`Verified ${asset} (sha256 ${actual})`);
    const extracted = await tool_cache/* extractTar */.nN(tarball);
    const cachedDir = await tool_cache/* cacheDir */.e8(extracted, TOOL_NAME, toolCacheVersion(tag), arch);
    core/* addPath */.fM(cachedDir);
    return { c2w: external_node_path_.join(cachedDir, 'c2w'), version: tag, cached: false };
}
async function useSystemC2w() {
    let c2w;
    try {
        c2w = await io/* which */.K7('c2w', true);
    }
    catch {
        throw new InstallError("c2w-version is 'system' but there is no c2w on PATH.");
    }
    const out = await (0,exec/* run */.eF)(c2w, ['--version'], { echo: false });
    const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(out.stdout)?.[0] ?? 'system';
    core/* info */.pq(`Using the c2w on PATH: ${c2w} (${version})`);
    return { c2w, version, cached: true };
}
/** Resolves `latest` through the GitHub releases API (GITHUB_API_URL for GHES). */
async function resolveLatest(token) {
    const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const http = new lib/* HttpClient */.Qq('c2w-action');
    const headers = { accept: 'application/vnd.github+json' };
    if (token)
        headers.authorization = `Bearer ${token}`;
    const url = `${api}/repos/${C2W_REPOSITORY}/releases/latest`;
    let res;
    try {
        res = await http.getJson(url, headers);
    }
    catch (e) {
        throw new InstallError(`Could not resolve c2w-version 'latest' from ${url}: ${e.message}`);
    }
    const tag = res.result?.tag_name;
    if (!tag)
        throw new InstallError(`Could not resolve c2w-version 'latest': ${url} answered ${res.statusCode} without a tag_name.`);
    core/* info */.pq(`c2w-version latest is ${tag}`);
    return tag;
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/summary.ts
// Stage: outputs and the job summary. Every fact is set as an output the moment it is known
// (so a later failure still leaves the earlier outputs), and the summary table repeats them.

class Report {
    rows = [];
    notes = [];
    /** Sets output `name` and remembers it for the summary. */
    set(name, value) {
        const text = String(value);
        core/* setOutput */.uH(name, text);
        const existing = this.rows.find(([n]) => n === name);
        if (existing)
            existing[1] = text;
        else
            this.rows.push([name, text]);
    }
    /** A sentence under the table (e.g. why an allocator was rejected). */
    note(text) {
        this.notes.push(text);
    }
    async write(title, failed) {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        const s = core/* summary */.z.addHeading(title, 3);
        if (failed)
            s.addRaw(`**Failed:** ${escapeHtml(failed)}`, true);
        s.addTable([
            [
                { data: 'output', header: true },
                { data: 'value', header: true },
            ],
            ...this.rows.map(([n, v]) => [`<code>${n}</code>`, escapeHtml(v.length > 200 ? `${v.slice(0, 200)}…` : v)]),
        ]);
        for (const n of this.notes)
            s.addRaw(escapeHtml(n), true);
        await s.write();
    }
}
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

;// CONCATENATED MODULE: ./src/main.ts
// The main step, in the order a user reads it in the log:
// inputs → install → Dockerfile → cache restore → convert → smoke → publish (→ cache save in post).
// Results live in variables here; the summary only renders what is set as an output.















const SMOKE_OUTPUT_MAX = 4096;
async function main() {
    const report = new Report();
    let failure;
    try {
        await pipeline(report);
    }
    catch (e) {
        failure = e.message;
        core/* setFailed */.C1(failure);
    }
    await report.write('c2w-action', failure);
}
async function pipeline(report) {
    const inputs = getInputs();
    const runnerTemp = process.env.RUNNER_TEMP || external_node_os_.tmpdir();
    const c2w = await core/* group */.Os('Install c2w', () => installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }));
    report.set(Outputs.C2wVersion, c2w.version);
    const builder = await (0,src_cache/* chooseBuilder */.Z7)(inputs, process.env.GITHUB_RUN_ID || 'local');
    if (builder.created && builder.name)
        core/* saveState */.LZ(state/* STATE */.c.createdBuilder, builder.name);
    // One build per allocator, in the attempt order, until one passes its smoke boot.
    const layers = new LayerCache(inputs, builder, runnerTemp, report);
    const { allocator, value: built, rejected, } = await firstPassing(attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback), (allocator) => buildAndBoot({ ...inputs, allocator }, c2w, layers, runnerTemp, report), (rejectedSoFar, next) => {
        const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1];
        report.set(Outputs.RejectedAllocators, rejectedSoFar.map((r) => `${r.allocator}: ${r.line}`).join('\n'));
        report.note(`Allocator ${allocator} was rejected: its smoke boot failed with "${line}". Rebuilding with ${next}.`);
        core/* warning */.$e(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
    });
    if (rejected.length > 0) {
        report.note(`Allocator ${allocator} passed the smoke boot after ${rejected.map((r) => r.allocator).join(', ')} failed.`);
    }
    if (inputs.uploadArtifact || inputs.releaseTag) {
        // Named after the allocator the cell asked for, so a cell that fell back to another
        // allocator does not take the name of the cell that asked for that one.
        await core/* group */.Os('Publish', () => publish(inputs, { path: built.path, sha256: built.sha256, target: inputs.target }, { onOutput: (name, value) => report.set(name, value) }));
    }
}
/** One attempt: the Dockerfile with `attempt.allocator`, the conversion, the smoke boot. */
async function buildAndBoot(attempt, c2w, layers, runnerTemp, report) {
    const workDir = external_node_path_.join(runnerTemp, `c2w-action-${process.pid}`, attempt.allocator);
    const dockerfile = await core/* group */.Os('Prepare the Dockerfile', () => prepareDockerfile(attempt, c2w.c2w, workDir));
    report.set(Outputs.Allocator, attempt.allocator);
    const keyDockerfile = (0,src_cache/* keyDockerfileSha256 */.tK)(attempt.target, dockerfile.sha256, dockerfile.sourceSha256);
    const plan = await layers.plan(c2w.version, keyDockerfile);
    const built = await convert(c2w.c2w, attempt, dockerfile.path, [
        ...(0,src_cache/* builderFlags */.He)(layers.builder.name),
        ...(0,src_cache/* cacheFlags */.wT)(plan),
    ]);
    report.set(Outputs.WasmPath, built.path);
    report.set(Outputs.WasmSize, built.size);
    report.set(Outputs.Sha256, built.sha256);
    report.set(Outputs.BuildSeconds, built.buildSeconds);
    await layers.built(plan);
    const smoke = await smokeBoot(attempt, built, report);
    if (smoke === undefined || smoke.result === 'passed')
        return { passed: true, value: built };
    const failure = smoke.allocatorFailure;
    const hint = failure ? `\n${failure.suggestion}` : '';
    return {
        passed: false,
        error: new Error(`Smoke boot ${smoke.result}: ${smoke.message}${hint}\nNothing was published.`),
        ...(failure ? { allocatorFailure: failure.line } : {}),
    };
}
/**
 * The build layers across attempts: the first attempt restores the cache; a fallback rebuild
 * imports what the previous build exported, and the post step saves the last export.
 */
class LayerCache {
    inputs;
    builder;
    runnerTemp;
    report;
    current;
    saveKey;
    primaryKey = '';
    constructor(inputs, builder, runnerTemp, report) {
        this.inputs = inputs;
        this.builder = builder;
        this.runnerTemp = runnerTemp;
        this.report = report;
    }
    async plan(c2wVersion, dockerfileSha256) {
        const inputs = this.inputs;
        const keys = (0,src_cache/* cacheKeys */.Xr)({
            prefix: inputs.cacheKey,
            runnerOs: process.env.RUNNER_OS || external_node_os_.platform(),
            runnerArch: process.env.RUNNER_ARCH || external_node_os_.arch(),
            c2wVersion,
            target: inputs.target,
            targetArch: inputs.targetArch,
            dockerfileSha256,
            buildArgs: inputs.buildArgs,
            debugImage: inputs.debugImage,
            image: inputs.image,
        });
        this.primaryKey = keys.primary;
        if (inputs.cache !== 'none')
            this.report.set(Outputs.CachePrimaryKey, keys.primary);
        if (this.current === undefined) {
            const cache = this.builder.canExport ? inputs.cache : 'none';
            const restored = await core/* group */.Os('Restore the build cache', () => (0,src_cache/* restoreLayers */.tD)({ ...inputs, cache }, keys, (0,src_cache/* localCacheDir */.NU)(this.runnerTemp)));
            this.current = restored.plan;
            if (inputs.cache !== 'none') {
                this.report.set(Outputs.CacheHit, restored.plan.exactHit);
                this.report.set(Outputs.CacheMatchedKey, restored.matchedKey ?? '');
                this.report.set(Outputs.CacheSize, restored.size);
            }
        }
        else {
            const previous = this.current;
            this.current = { ...previous, restored: previous.restored || this.saveKey !== undefined, exactHit: false };
        }
        return this.current;
    }
    /** After a good build: rotate the export in and tell the post step what to save. */
    async built(plan) {
        if (await (0,src_cache/* rotate */.e$)(plan))
            this.saveKey = this.primaryKey;
        if (this.saveKey !== undefined) {
            core/* saveState */.LZ(state/* STATE */.c.cacheSave, JSON.stringify({ dir: plan.dir, key: this.saveKey }));
        }
    }
}
/** Boots the output in Node (a child process) and checks what it prints; undefined when skipped. */
async function smokeBoot(inputs, built, report) {
    if (!inputs.smoke) {
        report.set(Outputs.SmokeResult, 'skipped');
        return undefined;
    }
    const result = await core/* group */.Os(`Smoke boot: ${inputs.smokeCommand.join(' ')}`, () => withoutWorkflowCommands(() => (0,smoke/* runSmoke */.Lw)({
        target: inputs.target,
        path: built.path,
        command: inputs.smokeCommand,
        expect: inputs.smokeExpect,
        timeoutSeconds: inputs.smokeTimeoutSeconds,
        env: inputs.smokeEnv,
        allocator: inputs.allocator,
        onOutput: (_stream, chunk) => process.stdout.write(chunk),
    })));
    report.set(Outputs.SmokeResult, result.result);
    report.set(Outputs.SmokeSeconds, result.seconds);
    report.set(Outputs.SmokeOutput, result.stdout.length > SMOKE_OUTPUT_MAX ? `${result.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : result.stdout);
    core/* info */.pq(result.message);
    return result;
}


/***/ })

};

//# sourceMappingURL=564.index.js.map