export const id = 322;
export const ids = [322];
export const modules = {

/***/ 89796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LC: () => (/* binding */ describeTrouble),
/* harmony export */   yb: () => (/* binding */ CacheLogReader)
/* harmony export */ });
/* unused harmony export isNotFound */
/* harmony import */ var _plain_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39691);
// What BuildKit said about the cache import and export of a build, read from its plain progress
// output (c2w runs `docker buildx build --progress=plain`). BuildKit never fails a build whose
// cache import fails, nor one whose export fails with ignore-error=true: it prints
// `#N importing cache manifest from REF` / `#N exporting cache to …` and then `#N ERROR: …` under
// the same step number, and goes on. Those lines are the only place the trouble shows, so the
// action reads them (plain-log.ts) and turns them into warnings.

/** Reads the build log line by line as it streams; keeps only the cache steps' errors. */
class CacheLogReader {
    lines = new _plain_log_js__WEBPACK_IMPORTED_MODULE_0__/* .LineSplitter */ .g((line) => this.line(line));
    steps = new Map();
    troubles = [];
    /** The targets of the cache exports that ended without an error (`registry`, `client directory`). */
    exported = [];
    push(chunk) {
        this.lines.push(chunk);
    }
    end() {
        this.lines.end();
        return this.troubles;
    }
    line(text) {
        const line = (0,_plain_log_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePlainLine */ .u)(text);
        if (line === undefined)
            return;
        if (line.kind === 'end') {
            const step = this.steps.get(line.vertex);
            if (line.status === 'error' && step)
                this.troubles.push({ ...step, error: line.text });
            if (line.status === 'done' && step?.step === 'export')
                this.exported.push(step.target);
            return;
        }
        const imp = /^importing cache manifest from (\S+)/.exec(line.text);
        if (imp) {
            this.steps.set(line.vertex, { step: 'import', target: imp[1] });
            return;
        }
        const exp = /^exporting cache to (.+?)\s*$/.exec(line.text);
        if (exp && !this.steps.has(line.vertex))
            this.steps.set(line.vertex, { step: 'export', target: exp[1] });
    }
}
/**
 * A manifest the registry does not have: the cache-ref was never exported to (or names another
 * repository). BuildKit ends that import error with `<ref>: not found` (containerd's ErrNotFound).
 */
function isNotFound(trouble) {
    return trouble.step === 'import' && trouble.error.endsWith(`${trouble.target}: not found`);
}
/** What the user reads: one line per trouble, as a warning or (a cache not made yet) as information. */
function describeTrouble(trouble, ref) {
    if (trouble.step === 'import') {
        if (isNotFound(trouble))
            return {
                level: 'info',
                message: `No build cache at ${trouble.target} yet (the first run with this cache-ref, or it names another repository); this build is cold.`,
            };
        return {
            level: 'warning',
            message: `Could not import the build cache from ${trouble.target}; this build is cold. BuildKit said: ${trouble.error}`,
        };
    }
    return {
        level: 'warning',
        message: `Could not export the build cache to ${ref ?? trouble.target}; the conversion succeeded, but the next run will not be warm from this one. BuildKit said: ${trouble.error}`,
    };
}


/***/ }),

/***/ 39691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ LineSplitter),
/* harmony export */   u: () => (/* binding */ parsePlainLine)
/* harmony export */ });
// BuildKit's plain progress output (`docker buildx build --progress=plain`, what c2w runs), read
// line by line. The format (moby/buildkit util/progress/progressui/printer.go): every line starts
// with `#<vertex> `; a vertex's first line is its name (a Dockerfile step's starts with
// `[<stage> <i>/<n>]`), and it ends with `#<vertex> DONE <seconds>s`, `#<vertex> CACHED`,
// `#<vertex> ERROR: …` or `#<vertex> CANCELED`. Other lines of a vertex are its log, most of them
// with the seconds since it started first (`#5 0.123 …`). `#0` is buildx's banner, not a vertex.
// The cache reader (cache-trouble.ts) and the live progress line (progress.ts) both read it here.
const VERTEX = /^#(\d+) (.*)$/;
const END = /^(?:(DONE) \d+(?:\.\d+)?s|(CACHED)|(ERROR)\b:? ?(.*)|(CANCELED)\b.*)$/;
/** One line of the plain output, or undefined for a line that belongs to no vertex (#0 included). Pure. */
function parsePlainLine(line) {
    const m = VERTEX.exec(line.trimEnd());
    if (!m)
        return undefined;
    const vertex = Number(m[1]);
    if (vertex === 0)
        return undefined;
    const text = m[2];
    const end = END.exec(text);
    if (end) {
        const status = end[1] ? 'done' : end[2] ? 'cached' : end[3] ? 'error' : 'canceled';
        return { vertex, kind: 'end', status, text: end[4] ?? '' };
    }
    if (/^\d+(\.\d+)? /.test(text))
        return { vertex, kind: 'log', text };
    return { vertex, kind: 'text', text };
}
/** Splits a stream into lines (without `\r`) as it comes. */
class LineSplitter {
    onLine;
    partial = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        const lines = (this.partial + chunk).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.onLine(line.replace(/\r$/, ''));
    }
    end() {
        if (this.partial)
            this.onLine(this.partial.replace(/\r$/, ''));
        this.partial = '';
    }
}


/***/ }),

/***/ 53478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ classifyAllocatorFailure)
/* harmony export */ });
// How a failing emscripten allocator (types/inputs.ts lists them) shows in what the output prints
// when it boots: emscripten's allocators abort with their own assertions
// (c2w issue #400), and each signature names the allocator, so the action can say which one to
// try next and the allocator-fallback loop can pick it.
/** The allocator families a failure line can name (emmalloc.c, mimalloc/src, dlmalloc). */
const ALLOCATOR_FAMILIES = ['emmalloc', 'mimalloc', 'dlmalloc'];
/** The allocator to try after `allocator` failed, for the suggestion. */
function suggestAllocator(allocator) {
    if (allocator.startsWith('emmalloc') || allocator === 'default')
        return 'dlmalloc';
    if (allocator === 'mimalloc')
        return 'emmalloc';
    return 'emmalloc';
}
/**
 * Finds an allocator signature in a run's output (c2w issue #400):
 * `Assertion failed` together with emmalloc, mimalloc or dlmalloc, an `Aborted(` that names one,
 * or mimalloc's own error report. Returns undefined when there is none.
 */
function classifyAllocatorFailure(output, allocator) {
    const lines = output.split(/\r?\n|\r/);
    const mentions = (l) => ALLOCATOR_FAMILIES.find((a) => l.toLowerCase().includes(a));
    for (const raw of lines) {
        const line = raw.trim();
        let named;
        if (/Assertion failed/i.test(line) || /Aborted\(/.test(line))
            named = mentions(line);
        else if (/^mimalloc: (error|assertion)/i.test(line))
            named = 'mimalloc';
        if (!named)
            continue;
        // The build's own name when it is a variant of what the line shows (emmalloc-debug shows emmalloc.c).
        const blamed = allocator.startsWith(named) ? allocator : named;
        const next = suggestAllocator(blamed);
        return {
            allocator: blamed,
            line: line.length > 500 ? `${line.slice(0, 500)}…` : line,
            suggestion: `The ${blamed} allocator failed when the output booted (c2w issue #400). Rebuild with ` +
                `\`allocator: ${next}\`, or list allocators to try in \`allocator-fallback\`.`,
        };
    }
    return undefined;
}


/***/ }),

/***/ 53044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zx: () => (/* binding */ ConversionError),
  Ln: () => (/* binding */ checkJsOutput),
  AC: () => (/* binding */ checkWasiOutput),
  C6: () => (/* binding */ convert)
});

// UNUSED EXPORTS: buildC2wArgv, describeEnd, hashDirectory, needsActionsCache

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(10766);
// EXTERNAL MODULE: ./src/c2w/failures.ts
var failures = __webpack_require__(48163);
// EXTERNAL MODULE: ./src/lib/hash.ts
var hash = __webpack_require__(69639);
// EXTERNAL MODULE: ./src/lib/files.ts
var lib_files = __webpack_require__(10228);
// EXTERNAL MODULE: ./src/buildx/cache-trouble.ts
var cache_trouble = __webpack_require__(89796);
// EXTERNAL MODULE: ./src/buildx/plain-log.ts
var plain_log = __webpack_require__(39691);
;// CONCATENATED MODULE: ./src/buildx/step-tally.ts
// How many of a build's Dockerfile steps came from a cache and how many were built, read from
// BuildKit's plain progress output (plain-log.ts). A step reused from a cache ends `CACHED`, or,
// when a later step needs its files and the cache is remote (a registry, gha), ends `DONE` after
// only downloading and extracting its layers (`#N sha256:… done`, `#N extracting sha256:… done`,
// `#N pulling sha256:…` on a docker-driver builder);
// a step that ran prints its command's output with timestamps (`#N 0.123 …`) or nothing at all.

const STEP = /^\[(?:\S+ )?\d+\/\d+\] /;
const LAYER = /^(?:extracting |pulling )?sha256:[0-9a-f]{64}\b/;
class StepTally {
    lines = new plain_log/* LineSplitter */.g((line) => this.line(line));
    steps = new Map();
    push(chunk) {
        this.lines.push(chunk);
    }
    end() {
        this.lines.end();
        let reused = 0;
        let built = 0;
        for (const step of this.steps.values()) {
            if (step.end === undefined)
                continue;
            if (step.end === 'cached' || (step.end === 'done' && step.fetched && !step.ran))
                reused++;
            else
                built++;
        }
        return { reused, built };
    }
    line(text) {
        const line = (0,plain_log/* parsePlainLine */.u)(text);
        if (line === undefined)
            return;
        const step = this.steps.get(line.vertex);
        if (step === undefined) {
            if (line.kind === 'text' && STEP.test(line.text))
                this.steps.set(line.vertex, { ran: false, fetched: false });
            return;
        }
        if (line.kind === 'end')
            step.end = line.status;
        else if (line.kind === 'log')
            step.ran = true;
        else if (LAYER.test(line.text))
            step.fetched = true;
    }
}

;// CONCATENATED MODULE: ./src/c2w/convert.ts
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
/** buildx's gha cache backend reads the Actions runtime variables itself; no other c2w run needs them. */
function needsActionsCache(extraFlags) {
    return extraFlags.some((flag) => /^--cache-(from|to)=type=gha(,|$)/.test(flag));
}
/** How c2w ended, for the error: its exit code, or the signal that ended it (then there is no exit code). */
function describeEnd(result) {
    return result.signal ? `ended by ${result.signal}` : `exit ${result.exitCode}`;
}
class ConversionError extends Error {
    log;
    name = 'ConversionError';
    constructor(message, 
    /** The tail of c2w's log, when c2w ran and failed (what the retry reads). */
    log) {
        super(message);
        this.log = log;
    }
}
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
async function convert(c2w, inputs, dockerfile, extraFlags = []) {
    const argv = buildC2wArgv(inputs, dockerfile, extraFlags);
    const outDir = inputs.target === 'js' ? inputs.output : external_node_path_.dirname(inputs.output);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const tail = new failures/* Tail */.P();
    const cacheLog = new cache_trouble/* CacheLogReader */.yb();
    const tally = new StepTally();
    const started = performance.now();
    const result = await log/* log */.Rm.group(`c2w ${argv.join(' ')}`, () => log/* log */.Rm.untrusted(() => (0,exec/* run */.eF)(c2w, argv, {
        // c2w runs docker and buildx, which start the registries' credential helpers.
        envNeeds: {
            actionsCache: needsActionsCache(extraFlags),
            registryCredentials: true,
            passthrough: inputs.envPassthrough,
        },
        onOutput: (chunk) => {
            tail.push(chunk);
            cacheLog.push(chunk);
            tally.push(chunk);
        },
    })));
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    const logTail = tail.toString();
    if (result.exitCode !== 0 || result.signal) {
        const how = describeEnd(result);
        const failure = (0,failures/* classifyFailure */.X)(logTail);
        const last = logTail.trim().split('\n').slice(-15).join('\n');
        throw new ConversionError(failure
            ? `c2w failed (${how}): ${failure.line}\n${failure.hint}`
            : `c2w failed (${how}). Last lines of its log:\n${last}`, result.signal ? undefined : logTail);
    }
    const checked = inputs.target === 'js' ? await checkJsOutput(inputs.output) : await checkWasiOutput(inputs.output);
    return {
        path: inputs.output,
        ...checked,
        buildSeconds,
        cacheTrouble: cacheLog.end(),
        cacheExports: cacheLog.exported,
        steps: tally.end(),
    };
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
    return { size, sha256: await (0,hash/* sha256File */.Q)(file) };
}
/**
 * sha256 of the sorted `<sha256>  <path>` listing: stable for the same files, whatever the order
 * on disk. The files are the ones the artifact and the release tarball hold (walkFolder).
 */
async function hashDirectory(dir) {
    const files = (await (0,lib_files/* walkFolder */.aI)(dir)).filter((e) => e.type === 'file');
    const listing = [];
    for (const f of files)
        listing.push(`${await (0,hash/* sha256File */.Q)(f.abs)}  ${f.rel}\n`);
    return { sha256: (0,external_node_crypto_.createHash)('sha256').update(listing.join('')).digest('hex'), files: files.map((f) => f.rel) };
}
async function checkJsOutput(dir) {
    let listing;
    try {
        listing = await hashDirectory(dir);
    }
    catch (err) {
        if (err instanceof lib_files/* UnsafeLinkError */.hl)
            throw new ConversionError(err.message);
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


/***/ }),

/***/ 48163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ Tail),
/* harmony export */   X: () => (/* binding */ classifyFailure)
/* harmony export */ });
/* harmony import */ var _allocators_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53478);
// The failure signatures users hit with c2w (each names the upstream c2w issue that shows it),
// matched against the tail of a failed build or boot so the error says what to do.

const SIGNATURES = [
    {
        kind: 'allocator',
        test: (l) => (0,_allocators_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyAllocatorFailure */ .I)(l, '') !== undefined,
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
        hint: 'An amd64 program ran where nothing runs amd64: c2w builds --platform=linux/amd64, so a builder on an arm64 machine needs amd64 emulation (add docker/setup-qemu-action before this step, or use an x64 runner). Or the c2w binary does not match this machine (c2w issue #198): c2w runs on Linux amd64/arm64 only.',
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


/***/ }),

/***/ 56611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C$: () => (/* binding */ installC2w)
});

// UNUSED EXPORTS: InstallError, LATEST_LIMITS, TOOL_NAME, checksumFor, findInToolCache, installIntoToolCache, releaseAssetName, resolveLatest, toolCacheVersion

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(10766);
// EXTERNAL MODULE: ./src/lib/answer.ts
var answer = __webpack_require__(98557);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(44942);
;// CONCATENATED MODULE: ./src/lib/bounded-get.ts

class BoundedGetError extends Error {
    reason;
    name = 'BoundedGetError';
    constructor(message, reason) {
        super(message);
        this.reason = reason;
    }
}
/** `url`'s status and body (UTF-8), or a BoundedGetError that says which bound was passed. */
async function boundedGet(url, headers, limits) {
    const http = new lib.HttpClient('c2w-action', [], { socketTimeout: limits.timeoutMs });
    let message;
    let timer;
    const seconds = Math.round(limits.timeoutMs / 100) / 10;
    const deadline = new Promise((_resolve, reject) => {
        timer = setTimeout(() => {
            const error = new BoundedGetError(`no complete answer within ${seconds} s`, 'timeout');
            message?.destroy(error);
            reject(error);
        }, limits.timeoutMs);
    });
    const read = async () => {
        let res;
        try {
            res = await http.get(url, headers);
        }
        catch (e) {
            throw new BoundedGetError(e.message, 'network');
        }
        message = res.message;
        // The deadline bounds the rest; the client's socket timeout would end the socket silently.
        message.socket?.setTimeout(0);
        const body = await readBody(message, limits.maxBytes);
        return { status: message.statusCode ?? 0, body };
    };
    try {
        return await Promise.race([read(), deadline]);
    }
    finally {
        clearTimeout(timer);
        // An answer abandoned at a bound holds no socket.
        message?.destroy();
    }
}
/** The body as text, at most `maxBytes`; a body that breaks off or grows past it fails. */
function readBody(message, maxBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                const error = new BoundedGetError(`the answer is larger than ${maxBytes} bytes`, 'too-large');
                message.destroy(error);
                reject(error);
                return;
            }
            chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        // Node reports a body cut off by the server as an `aborted` error, or only as a `close`
        // without `end` (the socket was ended under it): either way the body is not whole.
        const cutOff = 'the connection closed before the answer was complete';
        message.on('error', (e) => {
            if (e instanceof BoundedGetError)
                reject(e);
            else
                reject(new BoundedGetError(message.complete ? e.message : `${cutOff} (${e.message})`, 'network'));
        });
        message.on('close', () => {
            if (!message.complete)
                reject(new BoundedGetError(cutOff, 'network'));
        });
    });
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/c2w/download.ts
// One file of a c2w release, downloaded with a bound on silence: a server that sends its headers
// and then nothing holds a download by @actions/tool-cache (downloadTool) until the job's own time
// limit, since @actions/http-client's socketTimeout only ends the wait for the headers
// (https://github.com/actions/toolkit/blob/main/packages/http-client/src/index.ts, requestRaw:
// the timeout handler calls back only while no response has arrived). Here every chunk of the
// body re-arms a timer, and STALL_MS without one ends the download with the URL and what to try;
// a body that trickles on for TOTAL_MS, or grows past MAX_BYTES, ends it too.





/** A download that receives nothing for this long fails (ms). */
const STALL_MS = 60_000;
/**
 * A download that has not finished in this long fails, however steadily it trickles (ms): a c2w
 * release archive is a few tens of MB, which takes seconds on a runner's network; 15 minutes is
 * about 30 KB/s for 25 MB.
 */
const TOTAL_MS = 15 * 60_000;
/** A body larger than this is not a c2w release file (bytes): it fails before it fills the disk. */
const MAX_BYTES = 512 * 1024 * 1024;
class DownloadError extends Error {
    status;
    name = 'DownloadError';
    constructor(message, 
    /** The HTTP status of a refusal, when the server gave one. */
    status) {
        super(message);
        this.status = status;
    }
}
/** Downloads `url` to `dest`; on failure `dest` is removed and a DownloadError says why. */
async function downloadFile(url, dest, options = {}) {
    const stallMs = options.stallMs ?? STALL_MS;
    const shown = (0,redact/* urlForDisplay */.Bo)(url);
    const silence = `no data from ${shown} for ${stallMs / 1000} s`;
    const advice = 'the server or the network in between is stalling: re-run the job, or set c2w-download-url to a mirror that answers';
    // GET is retried by the client on 502, 503 and 504 (its exponential backoff); socketTimeout
    // bounds the wait for the headers, and follows redirects (GitHub sends downloads to its CDN).
    const http = new lib.HttpClient('c2w-action', [], { socketTimeout: stallMs, allowRetries: true, maxRetries: 2 });
    const totalMs = options.totalMs ?? TOTAL_MS;
    const maxBytes = options.maxBytes ?? MAX_BYTES;
    const tooLong = `${shown} did not finish within ${totalMs / 1000} s; ${advice}`;
    // One timer for the whole download (it holds the process, so the wait always ends).
    let abandon;
    const total = setTimeout(() => abandon?.(new DownloadError(tooLong)), totalMs);
    let res;
    try {
        res = await Promise.race([
            http.get(url),
            new Promise((_resolve, reject) => {
                abandon = reject;
            }),
        ]);
    }
    catch (e) {
        clearTimeout(total);
        if (e instanceof DownloadError)
            throw e;
        const message = e.message;
        throw new DownloadError(/timeout/i.test(message) ? `${silence}; ${advice}` : `${shown}: ${message}`);
    }
    const status = res.message.statusCode ?? 0;
    if (status !== 200) {
        clearTimeout(total);
        res.message.destroy();
        throw new DownloadError(`${shown} answered HTTP ${status}`, status);
    }
    const body = res.message;
    abandon = (error) => body.destroy(error);
    let size = 0;
    body.on('data', (chunk) => {
        size += chunk.length;
        if (size > maxBytes)
            body.destroy(new DownloadError(`${shown} sent more than ${maxBytes} bytes, more than a c2w release file`));
    });
    // From here on the timer below bounds the silence; the client's socket timeout would end the
    // socket under a stalled body without saying so.
    body.socket?.setTimeout(0);
    let timer;
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => body.destroy(new DownloadError(`${silence}; ${advice}`)), stallMs);
    };
    arm();
    body.on('data', arm);
    try {
        await (0,external_node_stream_promises_.pipeline)(body, (0,external_node_fs_.createWriteStream)(dest));
    }
    catch (e) {
        await (0,promises_.rm)(dest, { force: true });
        if (e instanceof DownloadError)
            throw e;
        throw new DownloadError(`${shown}: the download broke off: ${e.message}`);
    }
    finally {
        clearTimeout(timer);
        clearTimeout(total);
    }
}

// EXTERNAL MODULE: ./src/lib/files.ts
var files = __webpack_require__(10228);
// EXTERNAL MODULE: ./src/lib/hash.ts
var hash = __webpack_require__(69639);
// EXTERNAL MODULE: ./src/github/hosts.ts
var hosts = __webpack_require__(55044);
// EXTERNAL MODULE: ./src/types/c2w.ts
var c2w = __webpack_require__(60015);
// EXTERNAL MODULE: ./src/lib/runner.ts
var runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/c2w/install.ts
// Stage: a pinned c2w release, checksum-verified, kept in the runner's tool cache.

















const TOOL_NAME = 'c2w';
class InstallError extends Error {
    name = 'InstallError';
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
/**
 * Finds the sha256 that a SHA256SUMS file (`sha256sum` format) gives for `file`. Lines that give
 * it two different sums are refused: which one would be checked is up to the order.
 */
function checksumFor(sums, file) {
    const found = new Set();
    for (const line of sums.split(/\r?\n/)) {
        const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
        if (m && m[2] === file)
            found.add(m[1].toLowerCase());
    }
    if (found.size > 1) {
        throw new InstallError(`SHA256SUMS gives ${found.size} different checksums for ${file} (${[...found].join(', ')}); refusing to install a binary it cannot vouch for.`);
    }
    return [...found][0];
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
    const tag = options.version === 'latest'
        ? await resolveLatest(options.token, options.downloadUrl, process.env, options.latestLimits)
        : options.version;
    const asset = releaseAssetName(tag, options.arch ?? external_node_os_.arch());
    const arch = options.arch ?? external_node_os_.arch();
    const toolCache = options.toolCache ?? (0,runner/* runnerToolCache */.F)();
    const found = toolCache === undefined ? undefined : findInToolCache(toolCache, toolCacheVersion(tag), arch);
    if (found) {
        log/* log */.Rm.info(`c2w ${tag} found in the tool cache: ${found}`);
        return { c2w: external_node_path_.join(found, 'c2w'), version: tag, cached: true };
    }
    const base = `${options.downloadUrl}/${tag}`;
    const shownBase = (0,redact/* urlForDisplay */.Bo)(base);
    log/* log */.Rm.info(`Downloading ${shownBase}/${asset}`);
    const temp = options.temp ?? (0,runner/* runnerTemp */.X5)();
    const sumsFile = external_node_path_.join(temp, `c2w-SHA256SUMS-${(0,external_node_crypto_.randomUUID)()}`);
    const tarball = external_node_path_.join(temp, `c2w-${(0,external_node_crypto_.randomUUID)()}.tar.gz`);
    try {
        try {
            const stall = { stallMs: options.downloadStallMs };
            await downloadFile(`${base}/SHA256SUMS`, sumsFile, stall);
            await downloadFile(`${base}/${asset}`, tarball, stall);
        }
        catch (e) {
            const notThere = e instanceof DownloadError && e.status === 404;
            throw new InstallError(`Could not download c2w ${tag}: ${e.message}.${notThere ? ' Check c2w-version.' : ''}`);
        }
        const expected = checksumFor(await (0,promises_.readFile)(sumsFile, 'utf8'), asset);
        if (expected === undefined) {
            throw new InstallError(`SHA256SUMS of c2w ${tag} has no line for ${asset}; refusing to install an unverified binary.`);
        }
        const actual = await (0,hash/* sha256File */.Q)(tarball);
        if (actual !== expected) {
            throw new InstallError(`Checksum mismatch for ${asset}: SHA256SUMS says ${expected}, the download is ${actual}. Nothing was installed.`);
        }
        log/* log */.Rm.info(`Verified ${asset} (sha256 ${actual})`);
        const cachedDir = await installIntoToolCache(tarball, toolCacheVersion(tag), arch, toolCache);
        return { c2w: external_node_path_.join(cachedDir, 'c2w'), version: tag, cached: false };
    }
    finally {
        await (0,promises_.rm)(sumsFile, { force: true });
        await (0,promises_.rm)(tarball, { force: true });
    }
}
/**
 * The installed release in the tool cache's layout, as @actions/tool-cache's `find` reads it for an
 * explicit version: `<root>/<tool>/<version>/<arch>`, complete when `<arch>.complete` is beside it
 * (toolkit packages/tool-cache/src/tool-cache.ts, find and _completeToolPath).
 */
function findInToolCache(root, version, arch) {
    const dir = external_node_path_.join(root, TOOL_NAME, version, arch);
    return (0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.existsSync)(`${dir}.complete`) ? dir : undefined;
}
/** Bounded time for unpacking the release archive (a few MB). */
const EXTRACT_TIMEOUT_MS = 120_000;
/**
 * Puts the release into the tool cache so that two jobs on one runner can install at once.
 * @actions/tool-cache's cacheDir empties the destination and copies file by file, so a second
 * job's cacheDir deletes files the first one is copying or running ("ENOENT copyfile", "Unable to
 * locate executable file"). Here each install unpacks into a folder of its own beside the
 * destination and renames it into place: a rename on one file system is atomic, and it fails when
 * the destination already holds files. The loser of that race compares the winner's files with its
 * own (same verified archive, same bytes) and uses the winner's copy; a destination that differs
 * (left half-copied by an interrupted install) is moved aside and replaced. The `<arch>.complete`
 * marker, which tool-cache's `find` requires, is written only once the folder is in place.
 */
async function installIntoToolCache(tarball, version, arch, root = (0,runner/* runnerToolCache */.F)()) {
    if (!root)
        throw new InstallError('RUNNER_TOOL_CACHE is not set: this does not look like an Actions runner.');
    const dest = external_node_path_.join(root, TOOL_NAME, version, arch);
    await (0,promises_.mkdir)(external_node_path_.dirname(dest), { recursive: true });
    const staging = external_node_path_.join(external_node_path_.dirname(dest), `.${arch}-${(0,external_node_crypto_.randomUUID)()}`);
    await (0,promises_.mkdir)(staging);
    try {
        const untar = await (0,exec/* run */.eF)('tar', ['-xzf', tarball, '-C', staging, '--no-same-owner'], {
            echo: false,
            timeoutMs: EXTRACT_TIMEOUT_MS,
        });
        if (untar.exitCode !== 0)
            throw new InstallError(`Could not unpack ${tarball}: ${untar.stderr.trim()}`);
        for (let attempt = 0;; attempt++) {
            try {
                await (0,promises_.rename)(staging, dest);
                break;
            }
            catch (e) {
                const code = e.code;
                if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 3)
                    throw e;
            }
            if (await sameFiles(staging, dest)) {
                log/* log */.Rm.info(`Another job installed c2w ${version} at the same time; using its identical copy.`);
                break;
            }
            const stale = `${dest}.stale-${(0,external_node_crypto_.randomUUID)()}`;
            await (0,promises_.rename)(dest, stale).catch(() => undefined);
            await (0,promises_.rm)(stale, { recursive: true, force: true });
        }
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
    await (0,promises_.writeFile)(`${dest}.complete`, '');
    return dest;
}
/** Whether `other` holds every file of `mine` with the same bytes. */
async function sameFiles(mine, other) {
    try {
        for (const file of await (0,files/* listFiles */.CS)(mine)) {
            if ((await (0,hash/* sha256File */.Q)(external_node_path_.join(mine, file))) !== (await (0,hash/* sha256File */.Q)(external_node_path_.join(other, file))))
                return false;
        }
        return true;
    }
    catch {
        return false;
    }
}
async function useSystemC2w() {
    let c2w;
    try {
        c2w = await io/* which */.K7('c2w', true);
    }
    catch {
        throw new InstallError("c2w-version is 'system' but there is no c2w on PATH.");
    }
    const out = await (0,exec/* run */.eF)(c2w, ['--version'], { echo: false, timeoutMs: 60_000 });
    const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(out.stdout)?.[0] ?? 'system';
    log/* log */.Rm.info(`Using the c2w on PATH: ${c2w} (${version})`);
    return { c2w, version, cached: true };
}
/**
 * Bounds of the releases API's answer. The API answers in well under a second; 30 s allows a slow
 * proxy and still ends a stalled or dribbling body long before anyone wonders. The answer for
 * container2wasm's releases is about 20 KB (the release notes and one entry per asset); 1 MiB
 * leaves room for a release with long notes and many assets.
 */
const LATEST_LIMITS = { timeoutMs: 30_000, maxBytes: 1024 * 1024 };
/**
 * Resolves `latest` through the releases API of the host that serves the downloads (see
 * github/hosts.ts): github.com's public API by default, so a GHES runner neither asks its own
 * instance about a github.com repository nor sends its token there.
 */
async function resolveLatest(token, downloadUrl, env = process.env, limits = {}) {
    const source = (0,hosts/* releasesApiFor */.Ko)(downloadUrl, env);
    if (source === undefined) {
        throw new InstallError(`c2w-version 'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got ${(0,redact/* urlForDisplay */.Bo)(downloadUrl)}. Give a release tag instead.`);
    }
    const headers = { accept: 'application/vnd.github+json' };
    if (token && source.sendToken)
        headers.authorization = `Bearer ${token}`;
    const url = `${source.api}/repos/${source.owner}/${source.repo}/releases/latest`;
    let status;
    let body;
    try {
        ({ status, body } = await boundedGet(url, headers, { ...LATEST_LIMITS, ...limits }));
    }
    catch (e) {
        const advice = e instanceof BoundedGetError && e.reason === 'too-large'
            ? 'a release is a few tens of KB of JSON; this is not the releases API'
            : 're-run the job';
        throw new InstallError(`Could not resolve c2w-version 'latest' from ${url}: ${e.message}; ${advice}, or give a release tag such as v0.8.4.`);
    }
    const tag = tagNameOf(body);
    if (status !== 200 || tag === undefined) {
        throw new InstallError(`Could not resolve c2w-version 'latest': ${url} answered HTTP ${status} with ${(0,answer/* describeAnswer */.O)(body)}, not a release with a tag_name. Give a release tag such as v0.8.4.`);
    }
    if (!c2w/* C2W_RELEASE_TAG */.W.test(tag)) {
        throw new InstallError(`Could not resolve c2w-version 'latest': ${url} names the tag ${JSON.stringify(tag.slice(0, 100))}, which is not a release tag like v0.8.4; refusing to use it in a download URL or the tool cache. Give a release tag.`);
    }
    log/* log */.Rm.info(`c2w-version latest is ${tag} (${url}${headers.authorization ? '' : ', unauthenticated'})`);
    return tag;
}
/** The string `tag_name` of a JSON object, or undefined for anything else (HTML, null, {}). */
function tagNameOf(body) {
    try {
        const data = JSON.parse(body);
        const tag = data !== null && typeof data === 'object' ? data.tag_name : undefined;
        return typeof tag === 'string' ? tag : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 18119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ PAGES_SITE_LIMIT),
/* harmony export */   $l: () => (/* binding */ gib),
/* harmony export */   n$: () => (/* binding */ RELEASE_ASSET_LIMIT),
/* harmony export */   qu: () => (/* binding */ V8_MODULE_LIMIT)
/* harmony export */ });
// The size limits an output meets on its way out, in one place: what the site, the smoke boot and
// the release upload check before they spend time on an output that cannot pass.
/**
 * V8 (Node, Chrome, Edge) compiles no wasm module larger than this: kV8MaxWasmModuleSize, 1 GiB
 * (deps/v8/src/wasm/wasm-limits.h in nodejs/node, the V8 of Node 24:
 * https://github.com/nodejs/node/blob/v24.x/deps/v8/src/wasm/wasm-limits.h; V8's own:
 * https://github.com/v8/v8/blob/main/src/wasm/wasm-limits.h). Node answers a larger one with
 * `RangeError: WebAssembly.compile(): size > maximum module size`, or fails to read it into one
 * buffer at all past 2 GiB. wasmtime and wasmer have no such limit.
 */
const V8_MODULE_LIMIT = 1024 ** 3;
/**
 * Published GitHub Pages sites may be no larger than 1 GB (docs.github.com, "GitHub Pages limits");
 * actions/deploy-pages warns past 1073741824 bytes of the uploaded tar (src/internal/deployment.js,
 * ONE_GIGABYTE).
 */
const PAGES_SITE_LIMIT = 1024 ** 3;
/**
 * "Each file included in a release must be under 2 GiB" (docs.github.com, About releases: storage
 * and bandwidth quotas, https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases).
 */
const RELEASE_ASSET_LIMIT = 2 * 1024 ** 3;
/** Bytes as GiB with two decimals, the unit every limit above is given in. */
const gib = (n) => `${(n / 1024 ** 3).toFixed(2)} GiB`;


/***/ }),

/***/ 38857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ bootSeries),
  U: () => (/* binding */ buildAndBoot)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/buildx/builder.ts
var builder = __webpack_require__(61747);
// EXTERNAL MODULE: ./src/buildx/cache-trouble.ts
var cache_trouble = __webpack_require__(89796);
;// CONCATENATED MODULE: ./src/cache/build-reading.ts
/** Where the reused steps came from. Pure. */
function layersFrom(reused, ownRead, toolchainRead) {
    if (reused === 0)
        return 'built';
    if (ownRead && toolchainRead)
        return 'own-cache,toolchain-cache';
    if (toolchainRead)
        return 'toolchain-cache';
    if (ownRead)
        return 'own-cache';
    return 'builder';
}
/** The reading of one finished build. Pure. */
function readBuild(toolchain, own, built) {
    const toolchainImport = (t) => toolchain.ref !== undefined && t.step === 'import' && t.target === toolchain.ref;
    // BuildKit names an export only by its type ("exporting cache to registry"): with the own cache
    // not in a registry, a failed registry export is the toolchain cache's, told once, on publishing.
    const toolchainExport = (t) => toolchain.publishing && own.mode !== 'registry' && t.step === 'export' && t.target === 'registry';
    const toolchainImports = built.cacheTrouble.filter(toolchainImport);
    let result = toolchain.result;
    // A read that failed is a miss; a publishing build reports its own result when it publishes.
    if (toolchainImports.length > 0 && !toolchain.publishing)
        result = 'miss';
    const { reused, built: ran } = built.steps;
    const toolchainRead = toolchain.reading && result === 'hit';
    // Read, but it answered no step: a miss.
    if (toolchain.reading && !toolchain.publishing && result === 'hit' && reused === 0)
        result = 'miss';
    const ownRead = own.restored || own.mode === 'gha' || own.mode === 'registry';
    const exportError = built.cacheTrouble.find(toolchainExport)?.error;
    return {
        own: built.cacheTrouble.filter((t) => !toolchainImport(t) && !toolchainExport(t)),
        toolchainImports,
        ...(toolchain.publishing ? { exported: built.cacheExports.includes('registry') } : {}),
        ...(exportError !== undefined ? { exportError } : {}),
        toolchainResult: result,
        layersFrom: layersFrom(reused, ownRead, toolchainRead),
        stagesCached: reused,
        stagesBuilt: ran,
    };
}

// EXTERNAL MODULE: ./src/cache/keys.ts
var cache_keys = __webpack_require__(11452);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/c2w/failures.ts
var failures = __webpack_require__(48163);
// EXTERNAL MODULE: ./src/buildx/plain-log.ts
var plain_log = __webpack_require__(39691);
;// CONCATENATED MODULE: ./src/c2w/transient.ts
// Transient network trouble in a failed build: the network between the builder and a clone, a
// download or a registry failed for a moment. c2w's Dockerfile clones and downloads in many stages
// (Bochs, QEMU, the kernel, wasi-sdk, binaryen, crates, base images), and one reset connection
// fails the whole build (container2wasm issues #321 and #280 show such logs). A second run of the
// same build on the same builder gets past it: BuildKit answers every stage that finished from its
// own store.
//
// Only the lines that tell why the build failed are read: the log of each step BuildKit marked
// `ERROR` (parsed by buildx/plain-log.ts) and the lines outside any step (the `------ > [step]:`
// summary BuildKit prints after a failure, the final `ERROR: failed to solve: ...`, c2w's own
// messages). A step that finished, or was CANCELED because another failed, is not read: a line it
// logged did not fail the build.
//
// Only a fetch counts: the failed step must be one that fetches (a clone, a download, an image
// pull, a package install, a cargo/go/npm fetch: `isFetchStep`), and the words every network
// error shares ("Connection refused", ECONNRESET, "timed out") count only in a fetching tool's own
// message. A test step whose assertion prints `connect ECONNREFUSED` fails the same way every
// time: it is no blip.

const re = (pattern) => (line) => pattern.test(line);
/** An HTTP status a server answers when it is overloaded or briefly down: 5xx and 429. */
const RETRY_STATUS = /(?<![\w.-])(5\d\d|429)(?![\w.-])/;
/**
 * The messages of the tools that fetch during a c2w build, each as they print it: git (over
 * libcurl), curl, GNU wget and busybox wget, apt, Go's net/http (BuildKit, containerd, the docker
 * CLI, `go mod`), cargo. Examples of every row are in test/unit/c2w/transient.test.ts.
 */
const SIGNATURES = [
    {
        reason: 'name resolution failed',
        test: re(/Could not resolve host|Couldn't resolve host|Temporary failure (in name resolution|resolving)|unable to resolve host address|wget: bad address|dial tcp: lookup \S+.*(no such host|i\/o timeout|server misbehaving)|getaddrinfo (EAI_AGAIN|ENOTFOUND)/i),
    },
    { reason: 'the connection was reset', test: re(/connection reset by peer|\bECONNRESET\b/i), generic: true },
    { reason: 'the connection was refused', test: re(/connection refused|\bECONNREFUSED\b/i), generic: true },
    {
        reason: 'the connection timed out',
        test: re(/(connection|operation) timed out|errno=Operation timed out|\bi\/o timeout\b|\bETIMEDOUT\b|download timed out|Client\.Timeout exceeded/i),
        generic: true,
    },
    {
        reason: 'the TLS handshake failed',
        test: re(/TLS handshake timeout|gnutls_handshake\(\) failed|TLS connection was non-properly terminated|SSL_ERROR_SYSCALL|OpenSSL SSL_(connect|read)/i),
    },
    {
        reason: 'the server answered with a retryable HTTP status (5xx or 429)',
        test: (l) => (RETRY_STATUS.test(l) &&
            /returned error|unexpected (HTTP )?status|server returned|\bERROR (5\d\d|429)\b|Failed to fetch|HTTP\/[\d.]+ (5\d\d|429)/i.test(l)) ||
            /\b(5\d\d|429) (Service Unavailable|Bad Gateway|Gateway Time-?out|Internal Server Error|Too Many Requests)\b/i.test(l) ||
            /\btoomanyrequests\b/.test(l),
    },
    {
        reason: 'the transfer broke off',
        test: (l) => /\bRPC failed\b|fatal: early EOF|unexpected disconnect while reading sideband packet|the remote end hung up unexpectedly|transfer closed with|Empty reply from server|HTTP\/2 stream \d+ was not closed cleanly|Error in the HTTP2 framing layer|server sent GOAWAY|spurious network error/i.test(l) ||
            // Go's io.ErrUnexpectedEOF while fetching; on its own (`error waiting for container:
            // unexpected EOF`) it is no network failure.
            (/unexpected EOF/.test(l) && /fetch|download|clone|pull|copy|https?:\/\/|Get "|read tcp|httpReadSeeker/i.test(l)),
    },
];
/**
 * A fetching tool's own message, as it prints it: curl's `curl: (N)`, wget's `wget:`, git's
 * `fatal: unable to access`, `error: RPC failed`, `fetch-pack:` and git://'s `host[0: ip]: errno=`,
 * apt's `E:`/`W: Failed to fetch` and `Err:N`, GNU wget's `Resolving`/`Connecting to`, Go's
 * net/http (`dial tcp`, `read tcp`, `Get "https://…"`, `failed to do request`, `httpReadSeeker`),
 * npm's `npm ERR!`/`npm error` and `request to https://… failed`, cargo's `spurious network error`
 * and `failed to download`, the `go` command's `go:`.
 */
const FETCH_MESSAGE = /^\s*(curl: \(\d+\)|wget: |fatal: unable to access|error: RPC failed|fetch-pack: |[EW]: Failed to fetch|Err:\d+ |Resolving |Connecting to |npm (ERR!|error|warn) |go: |warning: spurious network error)|\[\d+: [\da-f.:]+\]: errno=|\b(dial|read|write) tcp\b|\b(Get|Head|Post) "?https?:|failed to (do request|copy|fetch|download|resolve source metadata)|httpReadSeeker|net\/http: |request to https?:\S+ failed|Failed to connect to \S+ port \d+|error: failed to (download|fetch|get|load)/i;
/**
 * A BuildKit step that fetches from the network, as BuildKit names it: a base image's metadata or
 * layers (`[internal] load metadata for …`, `[stage 1/5] FROM …`, `[auth] …`), an `ADD` of a URL or
 * a git repository, or a `RUN` of a fetching tool (git clone/fetch, curl, wget, a package manager,
 * cargo, go, npm, pip, rustup). Pure.
 */
function isFetchStep(name) {
    if (/^\[internal\] load metadata for |^\[auth\] /.test(name))
        return true;
    const m = /^\[[^\]]*\] (FROM|ADD|RUN|COPY)\b(.*)$/s.exec(name);
    if (!m)
        return false;
    const [, instruction, rest] = m;
    if (instruction === 'FROM')
        return true;
    if (instruction === 'ADD')
        return /\b(https?|git):\/\/|\.git\b|git@/.test(rest);
    if (instruction === 'COPY')
        return /--from=\S*[/.:]/.test(rest);
    return FETCH_COMMAND.test(rest);
}
const FETCH_COMMAND = /\bgit\b.*\b(clone|fetch|pull|submodule|ls-remote)\b|\b(curl|wget|aria2c)\b|\bapt(-get)?\b|\b(apk|dnf|yum|microdnf|zypper|pacman|opkg)\b|\bcargo\b.*\b(install|fetch|build|vendor|update|generate-lockfile)\b|\bgo\b.*\b(mod|get|install|build)\b|\b(npm|yarn|pnpm)\b.*\b(install|ci|add|i)\b|\bpip3?\b.*\binstall\b|\brustup\b|\bgclient\b/s;
/** The engine on this machine (its socket) is not the network: a dead daemon is no blip. */
const LOCAL_ENGINE = /docker\.sock|dial unix|Cannot connect to the Docker daemon/i;
/** The kind of network trouble `line` shows, or undefined. Pure. */
function transientReason(line) {
    if (LOCAL_ENGINE.test(line))
        return undefined;
    const text = withoutTime(line);
    return SIGNATURES.find((s) => s.test(text) && (!s.generic || FETCH_MESSAGE.test(text)))?.reason;
}
/** BuildKit's failure summary names the failed step: ` > [stage 2/5] RUN …:`. */
const SUMMARY_STEP = /^ > (\[.+):$/;
/** The step names this long are cut, for the log line. */
const STEP_CHARS = 120;
/**
 * Whether a failed build's log (BuildKit's plain output and c2w's own lines) shows transient
 * network trouble, and where: the first such line among the lines that tell why it failed. Pure.
 */
function classifyTransient(log) {
    const names = new Map();
    const lines = new Map();
    const failed = [];
    const outside = [];
    let summaryStep;
    const splitter = new plain_log/* LineSplitter */.g((raw) => {
        const parsed = (0,plain_log/* parsePlainLine */.u)(raw);
        if (parsed === undefined) {
            outside.push(raw);
            summaryStep ??= SUMMARY_STEP.exec(raw.trimEnd())?.[1];
            return;
        }
        const { vertex } = parsed;
        if (parsed.kind === 'text' && !names.has(vertex)) {
            names.set(vertex, parsed.text);
            return;
        }
        if (parsed.kind === 'end') {
            if (parsed.status === 'error') {
                failed.push(vertex);
                (lines.get(vertex) ?? lines.set(vertex, []).get(vertex)).push(parsed.text);
            }
            return;
        }
        (lines.get(vertex) ?? lines.set(vertex, []).get(vertex)).push(parsed.text);
    });
    splitter.push(log);
    splitter.end();
    const cut = (name) => name === undefined ? undefined : name.length > STEP_CHARS ? `${name.slice(0, STEP_CHARS)}…` : name;
    for (const vertex of failed) {
        const step = names.get(vertex) ?? summaryStep;
        // A step that fetches nothing failed on its own terms, whatever words its log holds.
        if (step !== undefined && !isFetchStep(step))
            continue;
        for (const line of lines.get(vertex) ?? []) {
            const reason = transientReason(line);
            if (reason !== undefined)
                return withStep({ reason, line: shown(line) }, cut(step));
        }
    }
    const step = failed.length > 0 ? (names.get(failed[0]) ?? summaryStep) : summaryStep;
    if (step !== undefined && !isFetchStep(step))
        return undefined;
    for (const line of outside) {
        const reason = transientReason(line);
        if (reason !== undefined)
            return withStep({ reason, line: shown(line) }, cut(step));
    }
    return undefined;
}
/** The characters of the line a warning quotes. */
const LINE_CHARS = 200;
/** The line as a warning quotes it: without BuildKit's time, bounded. */
function shown(line) {
    const text = withoutTime(line);
    return text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS)}…` : text;
}
/** A step's log line without BuildKit's seconds-since-start (`60.81 error: …`). */
function withoutTime(line) {
    return line.trim().replace(/^\d+(\.\d+)? /, '');
}
function withStep(failure, step) {
    return step === undefined ? failure : { step, ...failure };
}

// EXTERNAL MODULE: ./src/c2w/convert.ts + 1 modules
var convert = __webpack_require__(53044);
;// CONCATENATED MODULE: ./src/c2w/retries.ts
// The conversion, tried again after transient network trouble (transient.ts): the same c2w argv on
// the same builder, so BuildKit answers every stage that finished the first time from its store and
// the build resumes at the step that failed. A failure of any other kind, or a known one
// (failures.ts: disk, memory, allocator, ...), is never retried.





/** The pause before retry `n` (1-based): 10 s, 20 s, 40 s, ... Pure. */
function retryPauseSeconds(n) {
    return 10 * 2 ** (n - 1);
}
/**
 * All the pauses of one conversion together, whatever build-retries says: a blip is over in
 * minutes, and build-retries: 10 would otherwise add 10,230 s of waiting (10 + 20 + … + 5,120).
 */
const MAX_TOTAL_PAUSE_SECONDS = 600;
/**
 * The pause before retry `n` when `paused` seconds have been spent already: the growing pause,
 * cut to what is left of MAX_TOTAL_PAUSE_SECONDS; undefined once nothing is left. Pure.
 */
function nextPause(n, paused) {
    const left = MAX_TOTAL_PAUSE_SECONDS - paused;
    return left <= 0 ? undefined : Math.min(retryPauseSeconds(n), left);
}
/**
 * What a failed attempt leads to: the transient trouble to retry after, or undefined to fail now.
 * `attempt` is 1-based; `retries` is the build-retries input. Pure.
 */
function retryDecision(error, attempt, retries) {
    if (attempt > retries)
        return undefined;
    if (!(error instanceof convert/* ConversionError */.zx) || error.log === undefined)
        return undefined;
    if ((0,failures/* classifyFailure */.X)(error.log) !== undefined)
        return undefined;
    return classifyTransient(error.log);
}
/** `convert`, run again after transient network trouble, at most `options.retries` more times. */
async function convertWithRetries(c2w, inputs, dockerfile, extraFlags, options) {
    const pause = options.pause ?? ((seconds) => (0,external_node_timers_promises_.setTimeout)(seconds * 1000));
    let paused = 0;
    for (let attempt = 1;; attempt++) {
        options.onAttempt?.(attempt);
        try {
            return await (0,convert/* convert */.C6)(c2w, inputs, dockerfile, extraFlags);
        }
        catch (error) {
            const transient = retryDecision(error, attempt, options.retries);
            const seconds = transient === undefined ? undefined : nextPause(attempt, paused);
            if (transient === undefined || seconds === undefined) {
                if (attempt > 1 && error instanceof Error) {
                    const spent = seconds === undefined && transient !== undefined
                        ? `, and its pauses reached ${MAX_TOTAL_PAUSE_SECONDS} s`
                        : '';
                    error.message = `${error.message}\n(The build ran ${attempt} times${spent}; build-retries is ${options.retries}.)`;
                }
                throw error;
            }
            paused += seconds;
            log/* log */.Rm.warning(`The build failed with transient network trouble${transient.step ? ` in ${transient.step}` : ''}: ` +
                `${transient.reason} (${transient.line}). Retrying the same build on the same builder in ${seconds} s ` +
                `(attempt ${attempt + 1} of ${options.retries + 1}); BuildKit reuses every stage that finished.`);
            await pause(seconds);
        }
    }
}

// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(10766);
// EXTERNAL MODULE: ./src/lib/hash.ts
var hash = __webpack_require__(69639);
;// CONCATENATED MODULE: ./src/c2w/dockerfile.ts
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
    name = 'DockerfileError';
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
        // It prints an embedded file: a minute is far more than it takes.
        const shown = await (0,exec/* run */.eF)(c2w, ['--show-dockerfile'], { echo: false, timeoutMs: 60_000 });
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
        log/* log */.Rm.info(`Allocator: default, Dockerfile left as it is (${patch.found} -sMALLOC= setting(s)).`);
    }
    else {
        log/* log */.Rm.info(`Allocator: set ${patch.found} -sMALLOC= setting(s) to ${inputs.allocator} (${patch.changed} changed, ${patch.found - patch.changed} already ${inputs.allocator}).`);
    }
    if (inputs.target === 'wasi' && inputs.allocator !== 'default') {
        log/* log */.Rm.notice(`allocator '${inputs.allocator}' only affects target: js builds; WASI outputs are built with wasi-sdk and use wasi-libc's allocator.`);
    }
    await (0,promises_.mkdir)(tempDir, { recursive: true });
    const file = external_node_path_.join(tempDir, 'Dockerfile');
    await (0,promises_.writeFile)(file, patch.text);
    return {
        path: file,
        sha256: (0,hash/* sha256Text */.f)(patch.text),
        sourceSha256: (0,hash/* sha256Text */.f)(source),
        found: patch.found,
        changed: patch.changed,
    };
}

// EXTERNAL MODULE: ./src/types/errors.ts
var errors = __webpack_require__(54218);
// EXTERNAL MODULE: ./src/site/stage.ts
var stage = __webpack_require__(77029);
;// CONCATENATED MODULE: ./src/smoke/figures.ts
function median(values) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function smokeFigures(runs) {
    const seconds = runs.map((r) => r.seconds);
    const rss = runs.map((r) => r.peakRssKiB).filter((k) => k !== undefined);
    return {
        smokeRuns: runs.length,
        smokeSecondsMedian: median(seconds),
        smokeSecondsMax: seconds.length ? Math.max(...seconds) : 0,
        ...(rss.length ? { smokePeakRss: Math.max(...rss) * 1024 } : {}),
    };
}

;// CONCATENATED MODULE: ./src/smoke/series.ts

/** Characters of the guest's stdout a runtime's result keeps. */
const SMOKE_OUTPUT_MAX = 4096;
/** One runtime's result from its runs (at least one). Pure. */
function runtimeResult(runs) {
    const last = runs[runs.length - 1];
    const f = smokeFigures(runs);
    const sandbox = runs[0]?.sandbox;
    return {
        result: last.result,
        runs: f.smokeRuns,
        secondsMedian: f.smokeSecondsMedian,
        secondsMax: f.smokeSecondsMax,
        ...(f.smokePeakRss !== undefined ? { peakMemory: f.smokePeakRss } : {}),
        output: last.stdout.length > SMOKE_OUTPUT_MAX ? `${last.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last.stdout,
        ...(sandbox ? { sandbox: { kind: sandbox.kind, text: sandbox.text } } : {}),
    };
}
/** The series' result: the last boot's, and each runtime's that booted. Pure. */
function seriesResult(last, runs) {
    const result = { result: last.result };
    for (const runtime of ['node', 'browser']) {
        const mine = runs[runtime];
        if (mine?.length)
            result[runtime] = runtimeResult(mine);
    }
    return result;
}
/**
 * Boots `path` smoke-runs times in each runtime. `boot` runs one boot (bootSmoke, shown the caller's
 * way) with its title, e.g. `Smoke boot 2 of 3 (browser): echo c2w-smoke-ok`.
 */
async function smokeSeries(inputs, path, boot) {
    const runtimes = inputs.smokeRuntime?.length ? inputs.smokeRuntime : ['node'];
    const runs = {};
    let last;
    for (const runtime of runtimes) {
        if (last !== undefined && last.result !== 'passed')
            break;
        const mine = (runs[runtime] = []);
        for (let i = 1; i <= inputs.smokeRuns && (last === undefined || last.result === 'passed'); i++) {
            const count = inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : '';
            const where = runtimes.length > 1 || runtime !== 'node' ? ` (${runtime})` : '';
            const title = `Smoke boot${count}${where}: ${inputs.smokeCommand.join(' ')}`;
            last = await boot({
                runtime,
                target: inputs.target,
                path,
                command: inputs.smokeCommand,
                expect: inputs.smokeExpect,
                timeoutSeconds: inputs.smokeTimeoutSeconds,
                env: inputs.smokeEnv,
                allocator: inputs.allocator,
                ...(inputs.smokeSandbox ? { sandbox: inputs.smokeSandbox } : {}),
                ...(runtime === 'browser' && inputs.smokeBrowser ? { browser: inputs.smokeBrowser } : {}),
                ...(runtime === 'browser' && inputs.site ? { site: inputs.site } : {}),
            }, title);
            mine.push(last);
        }
    }
    return { last: last, result: seriesResult(last, runs) };
}

;// CONCATENATED MODULE: ./src/pipeline/attempt.ts
// One attempt of a conversion, with one allocator: the Dockerfile with that allocator, the cache
// plan, the conversion, and the smoke series. What it learns goes into the run's result
// (types/result.ts); what it shows goes to the sink; what it ends with is an Attempt for the
// fallback (fallback.ts) to judge.











/** Builds and boots with `attempt.allocator`. A failed build throws; a failed boot is a failed Attempt. */
async function buildAndBoot(attempt, ctx) {
    const { sink, layers, toolchain, result } = ctx;
    sink.checkpoint();
    result.stage = 'build';
    result.build.allocator = attempt.allocator;
    const dockerfile = await sink.section('Prepare the Dockerfile', () => prepareDockerfile(attempt, ctx.c2w.c2w, external_node_path_.join(ctx.workDir, attempt.allocator)));
    const keyDockerfile = (0,cache_keys/* keyDockerfileSha256 */.tK)(attempt.target, dockerfile.sha256, dockerfile.sourceSha256);
    const keys = layers.keys(ctx.c2w.version, keyDockerfile, dockerfile.sourceSha256);
    let plan = layers.restored ? layers.next() : await layers.restore(keys);
    sink.checkpoint();
    const shared = await toolchain.plan(attempt, ctx.c2w.version, await (0,promises_.readFile)(dockerfile.path, 'utf8'), plan);
    result.toolchainCache = toolchain.outcome;
    sink.checkpoint();
    sink.step(`Convert ${attempt.image} (${attempt.target}, ${attempt.targetArch})`);
    const build = () => convertWithRetries(ctx.c2w.c2w, attempt, dockerfile.path, [...(0,builder/* builderFlags */.He)(ctx.builder), ...(0,cache_keys/* cacheFlags */.wT)(plan), ...shared.flags], { retries: attempt.buildRetries, onAttempt: (n) => void (result.build.attempts = n) });
    let built;
    try {
        built = await build();
    }
    catch (error) {
        // Served by the hot cache entry and a layer was missing: once more with the whole cache.
        const wider = await layers.widen(error);
        if (wider === undefined)
            throw error;
        plan = wider;
        built = await build();
    }
    sink.info(`Built ${built.path} in ${built.buildSeconds} s.`);
    Object.assign(result.build, {
        wasmPath: built.path,
        wasmSize: built.size,
        sha256: built.sha256,
        seconds: built.buildSeconds,
    });
    const reading = readBuild(shared, plan, built);
    result.build.layersFrom = reading.layersFrom;
    result.build.stagesCached = reading.stagesCached;
    result.build.stagesBuilt = reading.stagesBuilt;
    toolchain.built(shared, reading);
    for (const trouble of reading.own) {
        const { level, message } = (0,cache_trouble/* describeTrouble */.LC)(trouble, plan.mode === 'registry' ? plan.ref : undefined);
        if (level === 'warning')
            sink.warn(message);
        else
            sink.info(message);
    }
    await layers.built(plan);
    sink.checkpoint();
    // Before the smoke boot, so that a browser boot boots the folder that will be deployed.
    if (attempt.site)
        result.stage = 'site';
    const site = await (0,stage/* siteStage */.W)(attempt, built.path, ctx.siteRoot, sink);
    if (site)
        result.site = { path: site.dir };
    result.stage = 'smoke';
    const smoke = await bootSeries(attempt, built.path, sink, result);
    if (smoke === undefined || smoke.result === 'passed') {
        // Published only once the output passed its boot (not when there was none): readers read a
        // cache only beside its record.
        await toolchain.publish(shared, reading, external_node_path_.join(ctx.workDir, attempt.allocator), smoke?.result === 'passed');
        return { passed: true, value: built };
    }
    const failure = smoke.allocatorFailure;
    const hint = failure ? `\n${failure.suggestion}` : '';
    return {
        passed: false,
        error: new errors/* ClassifiedError */.I(`Smoke boot ${smoke.result}: ${smoke.message}${hint}\nNothing was published.`, failure ? 'allocator' : `smoke-${smoke.result}`, failure?.line),
        ...(failure ? { allocatorFailure: failure.line } : {}),
    };
}
/**
 * The smoke gate: boots `file` smoke-runs times (each in its own child process, shown the sink's
 * way) and puts what the series gave into `result.smoke`. undefined when `smoke` is off.
 */
async function bootSeries(inputs, file, sink, result) {
    if (!inputs.smoke) {
        result.smoke = { result: 'skipped' };
        return undefined;
    }
    const series = await smokeSeries(inputs, file, (options, title) => {
        sink.checkpoint();
        return sink.boot(options, title);
    });
    result.smoke = series.result;
    for (const runtime of ['node', 'browser']) {
        const sandbox = series.result[runtime]?.sandbox;
        if (!sandbox)
            continue;
        const line = `${runtime === 'browser' ? 'Browser' : 'Node'} smoke boot's sandbox: ${sandbox.text}.`;
        if (sandbox.kind === 'none' && inputs.smokeSandbox !== 'required') {
            sink.warn(runtime === 'browser'
                ? `${line} It booted in Chromium behind a proxy that answers only the site's address, as the action's ` +
                    `user (smoke-sandbox: required refuses to boot without a boundary).`
                : `${line} It booted under Node's permission model only: its JavaScript could not read other files, ` +
                    `write, start processes, connect, listen, look up names or signal other processes, but it ran as the ` +
                    `action's user, on the action's network, beside the action's processes, with no limit on memory or ` +
                    `threads; code that gets past the model (a bug in Node) can do all that user can, the Docker engine ` +
                    `included where the user may use it (smoke-sandbox: required refuses to boot without a boundary).`);
        }
        else {
            sink.info(line);
        }
        sink.note(line);
    }
    return series.last;
}


/***/ }),

/***/ 7046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ convertImage)
});

// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(10766);
// EXTERNAL MODULE: ./src/buildx/builder.ts
var buildx_builder = __webpack_require__(61747);
;// CONCATENATED MODULE: ./src/buildx/platforms.ts
// Can the builder run linux/amd64? c2w always builds with `--platform=linux/amd64` (container2wasm
// cmd/c2w/main.go): every RUN of its toolchain stages is an amd64 program. On an arm64 runner
// (ubuntu-24.04-arm, a self-hosted arm64 machine) the builder runs them only with amd64 emulation
// installed (binfmt/QEMU, as docker/setup-qemu-action installs it); without it the first RUN fails
// with `exec format error` deep in a cold build. This asks the builder first.
//
// `docker buildx inspect` prints one `Platforms:` line per node. BuildKit lists the worker's native
// platform first and the emulated ones after it (moby/buildkit util/archutil: the native platform,
// then each emulator that answers); buildx puts the platforms a user configured for the node
// (`docker buildx create --platform`) before those and marks them with `*`.



/** The platform c2w builds for. */
const C2W_PLATFORM = 'linux/amd64';
/** Every node's `Platforms:` line of `docker buildx inspect`. Pure. */
function parseNodePlatforms(text) {
    const nodes = [];
    for (const m of text.matchAll(/^Platforms:[ \t]*(.*)$/gm)) {
        const items = m[1]
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
        const platforms = items.map((p) => p.replace(/\*$/, ''));
        const native = items.find((p) => !p.endsWith('*'));
        nodes.push(native === undefined ? { platforms } : { platforms, native });
    }
    return nodes;
}
const isAmd64 = (platform) => platform === C2W_PLATFORM || platform.startsWith(`${C2W_PLATFORM}/`);
/** Whether the builder's nodes run linux/amd64, and how. Pure. */
function judgePlatforms(nodes) {
    const known = nodes.filter((n) => n.platforms.length > 0);
    if (known.length === 0)
        return { kind: 'unknown' };
    const amd64 = known.filter((n) => n.platforms.some(isAmd64));
    if (amd64.length === 0)
        return { kind: 'missing', platforms: [...new Set(known.flatMap((n) => n.platforms))] };
    if (amd64.some((n) => n.native === undefined || isAmd64(n.native)))
        return { kind: 'native' };
    return { kind: 'emulated', native: amd64[0].native };
}
class PlatformError extends Error {
    name = 'PlatformError';
}
/** The error for a builder without linux/amd64: the cause and the two fixes. Pure. */
function missingAmd64Message(builder, platforms) {
    return (`The builder '${builder}' cannot build ${C2W_PLATFORM}: it runs ${platforms.join(', ')}. ` +
        `c2w always builds --platform=${C2W_PLATFORM} (its toolchain stages are amd64 programs), so the build ` +
        `would fail with 'exec format error'. Either add docker/setup-qemu-action before this step ` +
        `(amd64 emulation; the build is then slow), or run the job on an x64 runner (e.g. runs-on: ubuntu-24.04).`);
}
/** A docker query answers in a second on a healthy engine. */
const INSPECT_MS = 60_000;
/**
 * Asks the builder the build will run on (`name`, or the current one) whether it runs linux/amd64:
 * throws a PlatformError when it does not, warns when it does only under emulation.
 */
async function checkBuilderPlatforms(name) {
    const inspect = await (0,exec/* run */.eF)('docker', ['buildx', 'inspect', ...(name ? [name] : [])], {
        echo: false,
        timeoutMs: INSPECT_MS,
    });
    const builder = name ?? (0,buildx_builder/* parseBuildxInspect */.c9)(inspect.stdout).name ?? 'current';
    if (inspect.exitCode !== 0) {
        log/* log */.Rm.info(`Could not ask the builder '${builder}' for its platforms: ${inspect.stderr.trim()}`);
        return;
    }
    const verdict = judgePlatforms(parseNodePlatforms(inspect.stdout));
    switch (verdict.kind) {
        case 'missing':
            throw new PlatformError(missingAmd64Message(builder, verdict.platforms));
        case 'emulated':
            log/* log */.Rm.warning(`The builder '${builder}' runs on ${verdict.native} and builds ${C2W_PLATFORM} under emulation (QEMU): ` +
                `a cold c2w build is many times slower than on an x64 runner.`);
            return;
        case 'native':
            log/* log */.Rm.info(`The builder '${builder}' runs ${C2W_PLATFORM} natively.`);
            return;
        case 'unknown':
            log/* log */.Rm.info(`The builder '${builder}' did not list its platforms; building for ${C2W_PLATFORM} as c2w does.`);
    }
}

// EXTERNAL MODULE: ./src/types/result.ts
var types_result = __webpack_require__(88020);
// EXTERNAL MODULE: ./src/pipeline/attempt.ts + 6 modules
var attempt = __webpack_require__(38857);
;// CONCATENATED MODULE: ./src/pipeline/fallback.ts
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

// EXTERNAL MODULE: ./src/cache/keys.ts
var cache_keys = __webpack_require__(11452);
// EXTERNAL MODULE: ./src/cache/layers.ts
var cache_layers = __webpack_require__(66542);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/files.ts
var files = __webpack_require__(10228);
// EXTERNAL MODULE: ./src/lib/timeout.ts
var timeout = __webpack_require__(24196);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/cache/hot-set.ts
// The hot entry: the part of a `cache: local` export that a build of another image reads.
//
// BuildKit's local cache importer reads the cache manifest and its config eagerly and every layer
// lazily, only when a step that runs needs it (cache/remotecache/import.go in moby/buildkit: layers
// become providers of v1.DescriptorProvider). So a warm build of a new image reads the layers the
// image stages mount or copy, not the gigabytes of base images and toolchain trees beneath them;
// the buildx client serves those reads from the folder (one file per blob), so the blobs whose
// access time moved during the build are the ones it read. Two facts shape the rest:
// - a build that imports a folder missing a blob it needs fails with
//   `failed to compute cache key: NotFound: ... content sha256:<digest>: not found`: BuildKit has no
//   fallback of its own, so the run restores the whole cache and builds again (missingBlob);
// - a build that imports such a folder and exports `mode=max` fails the export (`error writing
//   layer blob: NotFound`: it copies every layer it re-exports from the import), and one that
//   imports a whole folder reads every blob while exporting: so a build served by the hot entry,
//   and the build that learns the hot set, export nothing;
// - the importer makes a record's result only from the layers the cache manifest lists: a record
//   whose layer chain names a blob the manifest does not list has no result, and its step runs
//   (getRemoteChain in cache/remotecache/v1/parse.go returns nil for a blob not in the provider
//   built from the manifest's layers). So the hot entry's manifest lists only the blobs it carries:
//   a run of the image the whole export was made with rebuilds its image stages, as any other
//   image does, instead of failing on their missing layers.



const BLOBS = external_node_path_.join('blobs', 'sha256');
/** The hot entry's key for an allocator entry's key (its own namespace: no allocator restore key matches it). */
const hotKey = (key) => `hot-${key}`;
/** Sets every blob's access time to the epoch (modification time kept), before a build that learns. */
async function markUnread(dir) {
    const names = await (0,promises_.readdir)(external_node_path_.join(dir, BLOBS)).catch(() => []);
    for (const name of names) {
        const file = external_node_path_.join(dir, BLOBS, name);
        const s = await (0,promises_.stat)(file);
        await (0,promises_.utimes)(file, new Date(0), s.mtime);
    }
    return names.length;
}
/** Every blob of `dir` and whether it was read since markUnread. */
async function blobAccess(dir) {
    const names = await (0,promises_.readdir)(external_node_path_.join(dir, BLOBS)).catch(() => []);
    const out = [];
    for (const name of names) {
        const s = await (0,promises_.stat)(external_node_path_.join(dir, BLOBS, name));
        out.push({ name, size: s.size, read: s.atimeMs > 0 });
    }
    return out;
}
/** The digest (hex) of the cache manifest index.json names, or undefined. */
async function cacheManifest(dir) {
    try {
        const index = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(dir, 'index.json'), 'utf8'));
        const digest = index.manifests?.[0]?.digest;
        return digest?.startsWith('sha256:') ? digest.slice('sha256:'.length) : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The blobs of the hot entry (pure): the cache manifest, its config (`configDigest`) and every
 * blob read. undefined when access times do not move on this file system (mounted noatime): the
 * importer always reads the cache manifest, so a folder where it shows unread tells nothing.
 */
function hotSubset(access, manifest, configDigest) {
    const byName = new Map(access.map((b) => [b.name, b]));
    if (!byName.get(manifest)?.read)
        return undefined;
    const names = access
        .filter((b) => b.read || b.name === manifest || b.name === configDigest)
        .map((b) => b.name)
        .sort();
    const bytes = names.reduce((n, name) => n + byName.get(name).size, 0);
    return { names, bytes, of: access.reduce((n, b) => n + b.size, 0) };
}
/** The config digest (hex) a cache manifest names, or undefined. */
async function manifestConfig(dir, manifest) {
    try {
        const m = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(dir, BLOBS, manifest), 'utf8'));
        const digest = m.config?.digest;
        return digest?.startsWith('sha256:') ? digest.slice('sha256:'.length) : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The blob a failed build lacked (pure): BuildKit's `content sha256:<digest>: not found`, as a
 * build importing a folder without a blob it needs fails. undefined for any other failure.
 */
function missingBlob(log) {
    return /content sha256:([0-9a-f]{64}): not found/.exec(log)?.[1];
}
/**
 * The cache manifest of the hot entry (pure): the same manifest listing only the layers in `keep`
 * (hex digests), so records of the layers left out import without a result.
 */
function hotManifest(manifest, keep) {
    const m = JSON.parse(manifest);
    const layers = (m.layers ?? []).filter((l) => keep.has(l.digest?.replace(/^sha256:/, '') ?? ''));
    return JSON.stringify({ ...m, layers });
}
/**
 * Rewrites the hot entry in `dir` (written by writeSubset from the whole export) to a cache
 * manifest listing only its layers: the new manifest blob, and an index.json naming it (both new
 * files: the subset's files are hard links into the export).
 */
async function narrowManifest(dir, manifest) {
    const names = new Set(await (0,promises_.readdir)(external_node_path_.join(dir, BLOBS)));
    const text = hotManifest(await (0,promises_.readFile)(external_node_path_.join(dir, BLOBS, manifest), 'utf8'), names);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    await (0,promises_.rm)(external_node_path_.join(dir, BLOBS, manifest), { force: true });
    await (0,promises_.writeFile)(external_node_path_.join(dir, BLOBS, digest), text);
    const indexFile = external_node_path_.join(dir, 'index.json');
    const index = JSON.parse(await (0,promises_.readFile)(indexFile, 'utf8'));
    index.manifests[0] = { ...index.manifests[0], digest: `sha256:${digest}`, size: Buffer.byteLength(text) };
    await (0,promises_.rm)(indexFile, { force: true });
    await (0,promises_.writeFile)(indexFile, JSON.stringify(index));
}

// EXTERNAL MODULE: ./src/cache/oci-split.ts
var oci_split = __webpack_require__(62482);
;// CONCATENATED MODULE: ./src/cache/hot-restore.ts
// `cache: local` on a fresh runner, restoring what the build reads rather than the whole export
// (hot-set.ts has the BuildKit facts this relies on):
// - restoreHot: the hot entry of this allocator's layers (the cache manifest, its config and the
//   blobs a build of another image read), when one was saved: the build imports it and exports
//   nothing, so the entries it came from stay as they are;
// - learns: a run that restored the whole shared entry exactly and this allocator's entry of the same
//   Dockerfile and build args (only the image differs) builds without exporting, and then saves
//   the blobs its build read as the hot entry;
// - a hot entry that lacks a layer its manifest lists is not used (the whole cache is restored):
//   BuildKit (docker 28.5's, measured) rebuilds a step whose cached layer is missing, whatever it
//   costs, or fails with `failed to compute cache key: ... not found` when a later step's key needs
//   the layer's content; a build that fails so anyway restores the whole cache and builds again
//   (LayerCache.widen).






/** The folder the hot entry is restored into and saved from: a fixed name, as the cache version hashes it. */
const hotDir = (dir) => `${dir}-hot`;
/**
 * Restores the hot entry (this allocator's key, else the newest of the same Dockerfile and build args) into
 * hotDir(dir) and links it into `dir`. undefined when there is none (or on any trouble: the whole
 * restore follows).
 */
async function restoreHot(keys, dir, store, timeoutMs, log) {
    try {
        if ((await store.unavailable()) !== undefined)
            return undefined;
        const from = hotDir(dir);
        // Only a hot entry of the same Dockerfile and build args (the most specific restore key): one of
        // another build would leave the stages that now differ to build with nothing exported.
        const key = await store.restore(from, hotKey(keys.primary), keys.restore.slice(0, 1).map(hotKey), timeoutMs);
        if (key === undefined || key === timeout/* TIMED_OUT */.VP)
            return undefined;
        if ((await cacheManifest(from)) === undefined)
            return undefined;
        // The hot entry's manifest lists only the layers it carries (hot-set.ts): one that lacks a layer
        // it lists is damaged, so the whole cache is restored instead (see above).
        const missing = await (0,oci_split/* missingBlobs */.Lj)(external_node_path_.join(from, 'index.json'), from);
        if (missing.length > 0) {
            log(`The hot cache entry ${key} lacks ${missing.length} of the layers it lists (sha256:${missing[0]}); restoring the whole cache.`);
            return undefined;
        }
        await (0,oci_split/* writeSubset */.Uw)(from, dir, [...(await (0,oci_split/* listBlobs */.t3)(from)).keys()]);
        const size = await (0,files/* dirSize */.tE)(dir);
        log(`Restored ${size} bytes of build cache: the layers a build of another image read (${key}); ` +
            'the rest stays in the cache and is restored only if this build needs it.');
        const plan = {
            mode: 'local',
            dir,
            newDir: `${dir}-new-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`,
            scope: keys.scope,
            sharedScope: keys.sharedScope,
            restored: true,
            exactHit: false,
            hot: true,
        };
        return { plan, keys, matchedKey: key, size, sharedSize: 0, allocatorSize: size };
    }
    catch (e) {
        log(`The hot cache entry could not be restored (${e.message}); restoring the whole cache.`);
        return undefined;
    }
}
/**
 * Whether a whole restore should learn the hot set (pure): the shared entry and this allocator's
 * entry both of the same Dockerfile and build args (their most specific restore keys: only the
 * image differs), so every image-independent stage is in the cache and only the image stages run.
 */
function shouldLearn(restored, keys) {
    const { plan, matchedKey, sharedMatchedKey } = restored;
    const sameBuild = (key, prefix) => key !== undefined && prefix !== undefined && key.startsWith(prefix);
    return (plan.mode === 'local' &&
        plan.restored &&
        !plan.exactHit &&
        !plan.readOnly &&
        sameBuild(sharedMatchedKey, keys.shared.restore[0]) &&
        sameBuild(matchedKey, keys.restore[0]));
}
/** Before the build that learns: every blob unread. */
async function startLearning(plan) {
    await markUnread(plan.dir);
    plan.learn = true;
}
/**
 * After the build that learned: saves the blobs it read (with the cache manifest and config) as
 * the hot entry under this allocator's key. Never throws; says what it did.
 */
async function saveHot(plan, key, store, timeoutSeconds, log) {
    try {
        const manifest = await cacheManifest(plan.dir);
        if (manifest === undefined)
            return 0;
        const subset = hotSubset(await blobAccess(plan.dir), manifest, await manifestConfig(plan.dir, manifest));
        if (subset === undefined) {
            log('Access times do not move on this file system: no hot cache entry is saved; later runs restore the whole cache.');
            return 0;
        }
        const dir = hotDir(plan.dir);
        await (0,oci_split/* writeSubset */.Uw)(plan.dir, dir, subset.names);
        await narrowManifest(dir, manifest);
        if (!(await store.save(dir, hotKey(key), timeoutSeconds)))
            return 0;
        log(`Saved the ${subset.bytes} bytes of ${subset.of} this build read as the hot cache entry ${hotKey(key)}: ` +
            'a fresh runner restores only those.');
        return subset.bytes;
    }
    catch (e) {
        log(`The hot cache entry was not saved: ${e.message}`);
        return 0;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/layer-cache.ts
// The build layers across the attempts of one run: the first attempt restores the cache (the
// shared entry and the allocator's) from the run's home for entries, explicitly (`restore`), a
// fallback rebuild (`next`) imports
// what the previous build exported, and a good build's export is saved: by the post step for the
// action (the plan goes to it through the step state), at once for the command.




/**
 * The own cache across the attempts of a run, in explicit steps: `keys` for an attempt's
 * Dockerfile, `restore` for the first attempt (from the home's entries), `next` for a fallback
 * rebuild (it imports what the previous build exported), `built` after a good build (rotate the
 * export in and save it).
 */
class LayerCache {
    inputs;
    canExport;
    home;
    sink;
    /** What the cache did in this run (the run's result holds it). */
    outcome = {};
    current;
    saveKey;
    /** The keys of the latest attempt's Dockerfile. */
    latestKeys;
    constructor(inputs, 
    /** The builder can export a cache (otherwise nothing is restored, exported or saved). */
    canExport, home, sink) {
        this.inputs = inputs;
        this.canExport = canExport;
        this.home = home;
        this.sink = sink;
    }
    /** Restored already: the next attempt plans with `next`. */
    get restored() {
        return this.current !== undefined;
    }
    /** The keys of an attempt's Dockerfile (the primary key is reported). */
    keys(c2wVersion, dockerfileSha256, sharedDockerfileSha256) {
        const inputs = this.inputs;
        const keys = (0,cache_keys/* cacheKeys */.Xr)({
            prefix: inputs.cacheKey,
            runnerOs: this.home.runner.os,
            runnerArch: this.home.runner.arch,
            c2wVersion,
            target: inputs.target,
            targetArch: inputs.targetArch,
            dockerfileSha256,
            sharedDockerfileSha256,
            buildArgs: inputs.buildArgs,
            debugImage: inputs.debugImage,
            image: inputs.image,
        });
        this.latestKeys = keys;
        if (inputs.cache !== 'none')
            this.outcome.primaryKey = keys.primary;
        return keys;
    }
    /** The first attempt's plan: restores the cache from the home (a log group of its own). */
    async restore(keys) {
        const inputs = this.inputs;
        const sink = this.sink;
        const cache = this.canExport ? inputs.cache : 'none';
        const restored = await sink.section('Restore the build cache', () => this.restoreFrom(cache, keys));
        this.current = restored.plan;
        if (inputs.cache !== 'none') {
            Object.assign(this.outcome, {
                hit: restored.plan.exactHit,
                ...(restored.matchedKey ? { matchedKey: restored.matchedKey } : {}),
                restored: { bytes: restored.size, shared: restored.sharedSize, allocator: restored.allocatorSize },
                // Until a build exports something to save (never, on an exact hit).
                saved: { shared: 0, allocator: 0 },
            });
            if (restored.plan.hot)
                this.outcome.hot = 'restored';
            else if (restored.plan.learn)
                this.outcome.hot = 'learning';
        }
        return this.current;
    }
    /** A fallback rebuild's plan: the same folders, importing what the previous good build exported. */
    next() {
        if (this.current === undefined)
            throw new Error('LayerCache.next() before restore()');
        const previous = this.current;
        this.current = { ...previous, restored: previous.restored || this.saveKey !== undefined, exactHit: false };
        return this.current;
    }
    /** The hot entry when there is one (local), else the whole cache, learning the hot set when it can. */
    async restoreFrom(cache, keys) {
        const dir = this.home.dir(keys);
        if (cache === 'local') {
            const hot = await restoreHot(keys, dir, this.home.store, this.inputs.cacheTimeoutSeconds * 1000, (l) => this.sink.info(l));
            if (hot !== undefined)
                return hot;
        }
        return this.restoreWhole(cache, keys);
    }
    async restoreWhole(cache, keys) {
        const restored = await (0,cache_layers/* restoreLayers */.tD)({ ...this.inputs, cache }, keys, this.home.dir(keys), this.home.store);
        if (shouldLearn(restored, keys))
            await startLearning(restored.plan);
        return restored;
    }
    /**
     * After a failed build served by the hot entry that lacked a blob: the whole cache, for one more
     * build. undefined for any other failure (the caller throws it).
     */
    async widen(error) {
        const log = error.log ?? error.message ?? '';
        const blob = missingBlob(String(log));
        if (!this.current?.hot || blob === undefined || this.latestKeys === undefined)
            return undefined;
        const keys = this.latestKeys;
        this.sink.info(`The build needed a layer the hot cache entry lacks (sha256:${blob}); restoring the whole cache and building again.`);
        const restored = await this.sink.section('Restore the whole build cache', () => this.restoreWhole('local', keys));
        this.current = restored.plan;
        if (this.inputs.cache !== 'none') {
            this.outcome.hot = 'widened';
            this.outcome.restored = { bytes: restored.size, shared: restored.sharedSize, allocator: restored.allocatorSize };
        }
        return restored.plan;
    }
    /** After a good build: rotate the export in and save it (or have it saved). */
    async built(plan) {
        const primaryKey = this.latestKeys?.primary ?? '';
        if (plan.hot)
            return;
        if (plan.learn) {
            await saveHot(plan, primaryKey, this.home.store, this.inputs.cacheTimeoutSeconds, (l) => this.sink.info(l));
            return;
        }
        if (await (0,cache_layers/* rotate */.e$)(plan))
            this.saveKey = primaryKey;
        if (this.saveKey === undefined)
            return;
        const bytes = await this.home.save({
            dir: plan.dir,
            key: this.saveKey,
            ...(plan.shared ? { shared: plan.shared } : {}),
            timeoutSeconds: this.inputs.cacheTimeoutSeconds,
            // The entries restored are in the store: a floor of its use.
            restoredBytes: this.outcome.restored?.bytes ?? 0,
        });
        if (this.inputs.cache !== 'none')
            this.outcome.saved = { shared: bytes.shared, allocator: bytes.allocator };
    }
}

;// CONCATENATED MODULE: ./src/buildx/imagetools.ts
// Asking a registry about an image without pulling it: `docker buildx imagetools inspect`
// (https://docs.docker.com/reference/cli/docker/buildx/imagetools/inspect/), which reads the
// registry's credentials from the docker config as a build does, and answers anonymously where the
// registry serves pulls without a login (public packages). Every call has a time limit: a registry
// that does not answer ends the question, never the step.

/** A registry answers a manifest request in a second or two; a stuck one is given up on. */
const REGISTRY_QUESTION_MS = 30_000;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
async function inspect(ref, format, passthrough) {
    try {
        const result = await (0,exec/* run */.eF)('docker', ['buildx', 'imagetools', 'inspect', ...format, ref], {
            echo: false,
            timeoutMs: REGISTRY_QUESTION_MS,
            envNeeds: { registryCredentials: true, passthrough },
        });
        if (result.exitCode !== 0) {
            const said = (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? '';
            return { ok: false, reason: said.slice(0, 300) || `exit ${result.exitCode}` };
        }
        return { ok: true, value: result.stdout };
    }
    catch (err) {
        return { ok: false, reason: err.message };
    }
}
/** The digest `ref` points to in its registry now (the manifest or index a build would resolve). */
async function currentDigest(ref, passthrough = []) {
    const answer = await inspect(ref, ['--format', '{{json .Manifest}}'], passthrough);
    if (!answer.ok)
        return answer;
    try {
        const digest = JSON.parse(answer.value).digest;
        if (typeof digest === 'string' && DIGEST.test(digest))
            return { ok: true, value: digest };
    }
    catch {
        // not JSON: said below
    }
    return { ok: false, reason: `the registry's answer names no sha256 digest: ${answer.value.slice(0, 120)}` };
}
/** The manifest `ref` names, as the registry serves it (JSON, parsed; at most 64 KiB). */
async function rawManifest(ref, passthrough = []) {
    const answer = await inspect(ref, ['--raw'], passthrough);
    if (!answer.ok)
        return answer;
    if (answer.value.length > 64 * 1024)
        return { ok: false, reason: 'the manifest is larger than 64 KiB' };
    try {
        return { ok: true, value: JSON.parse(answer.value) };
    }
    catch {
        return { ok: false, reason: `the manifest is not JSON: ${answer.value.slice(0, 120)}` };
    }
}

;// CONCATENATED MODULE: ./src/c2w/base-images.ts
/** The Dockerfile's instructions, one string each: continuation lines joined, comments and heredoc bodies left out. */
function instructions(text) {
    const out = [];
    const lines = text.split(/\r?\n/);
    let current = '';
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (current === '' && /^\s*#/.test(line))
            continue;
        if (/\\\s*$/.test(line)) {
            current += line.replace(/\\\s*$/, ' ');
            continue;
        }
        const whole = (current + line).trim();
        current = '';
        if (whole === '')
            continue;
        out.push(whole);
        // A heredoc (`COPY <<EOF /x`, `RUN <<-'EOT'`): its body runs to the line holding only the word.
        for (const m of whole.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) {
            const word = m[2];
            while (i + 1 < lines.length && lines[i + 1].trim() !== word)
                i++;
            i++;
        }
    }
    return out;
}
/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` from `vars`; undefined when a name has no value. */
function expand(text, vars) {
    let missing = false;
    const result = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced, op, word, bare) => {
        const value = vars.get((braced ?? bare));
        if (op === '-')
            return value ? value : (word ?? '');
        if (op === '+')
            return value ? (word ?? '') : '';
        if (value === undefined)
            missing = true;
        return value ?? '';
    });
    return missing ? undefined : result;
}
/**
 * The external images of `dockerfile`, in the order they first appear, as written after the global
 * ARGs are expanded (`ubuntu:22.04`, `emscripten/emsdk:3.1.40`). Images named by a digest already
 * are pinned and left out; a name that stays unexpanded (an ARG without a value) cannot be known
 * before the build and is left out.
 */
function baseImages(dockerfile, buildArgs = []) {
    const given = new Map(buildArgs.map(({ key, value }) => [key, value]));
    const globals = new Map();
    const stages = new Set();
    const found = [];
    const add = (raw) => {
        const name = expand(raw, globals);
        if (name === undefined || name === '' || /\$/.test(name))
            return;
        if (name.toLowerCase() === 'scratch' || stages.has(name.toLowerCase()) || /^\d+$/.test(name))
            return;
        if (name.includes('@'))
            return;
        if (!found.includes(name))
            found.push(name);
    };
    let seenFrom = false;
    for (const line of instructions(dockerfile)) {
        const [keyword = '', ...rest] = line.split(/\s+/);
        const word = keyword.toUpperCase();
        if (word === 'ARG' && !seenFrom) {
            for (const decl of rest) {
                const eq = decl.indexOf('=');
                const key = eq < 0 ? decl : decl.slice(0, eq);
                const fallback = eq < 0 ? undefined : decl.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
                const value = given.get(key) ?? fallback;
                if (value !== undefined)
                    globals.set(key, value);
            }
        }
        else if (word === 'FROM') {
            seenFrom = true;
            const words = rest.filter((w) => !w.startsWith('--'));
            if (words[0])
                add(words[0]);
            if (words[1]?.toUpperCase() === 'AS' && words[2])
                stages.add(words[2].toLowerCase());
        }
        else if (word === 'COPY' || word === 'ADD' || word === 'RUN') {
            for (const flag of rest) {
                if (!flag.startsWith('--'))
                    break;
                const from = /^--from=(\S+)$/.exec(flag)?.[1];
                if (from && word !== 'RUN')
                    add(from);
                const mount = /^--mount=(\S+)$/.exec(flag)?.[1];
                const mountFrom = mount && /(?:^|,)from=([^,]+)/.exec(mount)?.[1];
                if (mountFrom)
                    add(mountFrom);
            }
        }
    }
    return found;
}

// EXTERNAL MODULE: ./src/cache/toolchain.ts
var toolchain = __webpack_require__(78597);
// EXTERNAL MODULE: ./src/github/hosts.ts
var hosts = __webpack_require__(55044);
;// CONCATENATED MODULE: ./src/pipeline/toolchain-cache.ts
// The toolchain cache in a run (the pure parts are cache/toolchain.ts): before each build, either
// the flags that read the published cache of the combination (on a miss of the run's own cache),
// or, with toolchain-cache-push, the flags that publish to it; after the build, where its layers
// came from (read by cache/build-reading.ts); after a passing smoke boot, the record of the base images beside a published cache.
// Reading never fails a conversion: an absent, unreachable or unreadable cache is one info line.








/** A record push: a one-file image, built and pushed on the run's builder. */
const RECORD_PUSH_MS = 5 * 60_000;
class ToolchainCache {
    inputs;
    builder;
    canExport;
    sink;
    repository;
    /** What the toolchain cache did in this run (the run's result holds it). */
    outcome = { result: 'off' };
    constructor(inputs, builder, canExport, sink, env = process.env) {
        this.inputs = inputs;
        this.builder = builder;
        this.canExport = canExport;
        this.sink = sink;
        this.repository = (0,toolchain/* toolchainRepository */.Y9)(inputs.toolchainCache, {
            ...(env.GITHUB_ACTION_REPOSITORY ? { actionRepository: env.GITHUB_ACTION_REPOSITORY } : {}),
            containerRegistry: (0,hosts/* containerRegistry */.RR)(env),
        });
    }
    /** The flags of one build with `attempt.allocator`, from c2w's patched Dockerfile and the own cache's plan. */
    async plan(attempt, c2wVersion, dockerfileText, own) {
        const sink = this.sink;
        const repository = this.repository;
        const none = { flags: [], reading: false, publishing: false, pins: new Map(), result: 'off' };
        if (repository === undefined) {
            if (attempt.toolchainCachePush)
                sink.warn('toolchain-cache-push is on, but toolchain-cache: auto names no repository here (the action runs from a local path); nothing is published.');
            this.outcome.result = 'off';
            return none;
        }
        const ref = `${repository}:${(0,toolchain/* toolchainTag */.UT)({ ...attempt, c2wVersion })}`;
        this.outcome.ref = ref;
        // A miss until the build says what the cache answered, or the publishing says it was published.
        this.outcome.result = 'miss';
        const bases = baseImages(dockerfileText, attempt.buildArgs);
        if (attempt.toolchainCachePush) {
            if (!this.canExport) {
                sink.warn(`toolchain-cache-push is on, but the builder cannot export a build cache; nothing is published to ${ref}.`);
                this.outcome.result = 'publish-failed';
                return { ...none, ref, result: 'publish-failed' };
            }
            const pins = await this.resolve(bases);
            return {
                ref,
                flags: [
                    `--cache-from=type=registry,ref=${ref}`,
                    `--cache-to=type=registry,ref=${ref},mode=max,ignore-error=true`,
                    ...(0,toolchain/* pinFlags */.Jl)(pins),
                ],
                reading: true,
                publishing: true,
                pins,
                result: 'miss',
            };
        }
        if (own.exactHit) {
            sink.info(`The build cache was an exact hit; the toolchain cache ${ref} is not asked.`);
            this.outcome.result = 'not-asked';
            return { ...none, ref, result: 'not-asked' };
        }
        const answer = await rawManifest(`${repository}:${(0,toolchain/* recordTag */.yg)(ref.slice(repository.length + 1))}`, attempt.envPassthrough);
        const record = answer.ok ? (0,toolchain/* parseRecord */.Hh)(answer.value, ref) : answer.reason;
        if (typeof record === 'string') {
            sink.info(`No toolchain cache read from ${ref} (${record}); the build goes on without it.`);
            this.outcome.result = 'miss';
            return { ...none, ref, result: 'miss' };
        }
        // Only the bases this Dockerfile builds from; the others would be build contexts nothing uses.
        const pins = new Map([...record].filter(([name]) => bases.includes(name)));
        sink.info(`Reading the toolchain cache ${ref}` +
            (pins.size > 0
                ? `, with the base images pinned to the digests it was built from: ${[...pins].map(([n, d]) => `${n}@${d.slice(0, 19)}…`).join(', ')}.`
                : '.'));
        return {
            ref,
            flags: [`--cache-from=type=registry,ref=${ref}`, ...(0,toolchain/* pinFlags */.Jl)(pins)],
            reading: true,
            publishing: false,
            pins,
            result: 'hit',
        };
    }
    /**
     * After a good build: reports what the build said about the toolchain cache and where its layers
     * came from (`reading`, cache/build-reading.ts).
     */
    built(plan, reading) {
        const sink = this.sink;
        if (!plan.publishing)
            for (const trouble of reading.toolchainImports)
                sink.info(`The toolchain cache ${trouble.target} could not be read (BuildKit said: ${trouble.error}); the build went on without it.`);
        const { layersFrom: from, stagesCached: reused, stagesBuilt: ran } = reading;
        if (!plan.publishing && plan.result !== 'off' && plan.result !== 'not-asked')
            this.outcome.result = reading.toolchainResult;
        sink.info(`Build steps: ${reused} from ${from === 'built' ? 'no cache' : from.replace(',', ' and ')}, ${ran} built.`);
    }
    /**
     * After a passing smoke boot (`booted`): the record beside the published cache, which makes it
     * readable. Without one nothing is made readable: every conversion of the combination would
     * read layers no boot ever tried (input validation already refuses toolchain-cache-push without
     * a smoke boot; this holds whatever calls it).
     */
    async publish(plan, reading, workDir, booted) {
        if (!plan.publishing || plan.ref === undefined || this.repository === undefined)
            return;
        const sink = this.sink;
        const ref = plan.ref;
        const fail = (why) => {
            sink.warn(`Could not publish the toolchain cache ${ref}: ${why}. The conversion succeeded; readers keep what was there before.`);
            this.outcome.result = 'publish-failed';
        };
        if (!booted)
            return fail('no smoke boot passed, and only a build that booted is published');
        // Never a record for a cache this build did not write (an export that failed leaves the old one).
        if (!reading.exported)
            return fail(reading.exportError === undefined
                ? 'BuildKit did not finish the cache export to the registry (see its log above)'
                : `BuildKit could not export to the registry: ${reading.exportError}`);
        const cache = await currentDigest(ref, this.inputs.envPassthrough);
        if (!cache.ok)
            return fail(`the cache export is not in the registry (${cache.reason})`);
        const dir = external_node_path_.join(workDir, 'toolchain-record');
        await (0,promises_.mkdir)(dir, { recursive: true });
        const annotations = (0,toolchain/* recordAnnotations */._j)(ref, this.inputs.c2wVersion, plan.pins);
        await (0,promises_.writeFile)(external_node_path_.join(dir, 'record.json'), `${JSON.stringify({ cache: ref, cacheDigest: cache.value, bases: Object.fromEntries(plan.pins) }, null, 2)}\n`);
        await (0,promises_.writeFile)(external_node_path_.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY record.json /\n');
        const target = `${this.repository}:${(0,toolchain/* recordTag */.yg)(ref.slice(this.repository.length + 1))}`;
        const result = await (0,exec/* run */.eF)('docker', [
            'buildx',
            'build',
            ...(0,buildx_builder/* builderFlags */.He)(this.builder),
            '--provenance=false',
            '--sbom=false',
            ...Object.entries(annotations).map(([k, v]) => `--annotation=manifest:${k}=${v}`),
            `--output=type=image,name=${target},push=true,oci-mediatypes=true`,
            dir,
        ], { timeoutMs: RECORD_PUSH_MS, envNeeds: { registryCredentials: true, passthrough: this.inputs.envPassthrough } }).catch((err) => ({ exitCode: -1, stdout: '', stderr: err.message }));
        if (result.exitCode !== 0)
            return fail(`pushing ${target} failed: ${(result.stderr.trim().split('\n').pop() ?? '').slice(0, 300)}`);
        sink.info(`Published the toolchain cache ${ref} (${cache.value}) with its record ${target}.`);
        this.outcome.digest = cache.value;
        this.outcome.result = 'published';
    }
    /** The digests the base images point to now; those not in a registry are left unpinned. */
    async resolve(bases) {
        const answers = await Promise.all(bases.map(async (name) => [name, await currentDigest(name, this.inputs.envPassthrough)]));
        const pins = new Map();
        const unpinned = [];
        for (const [name, answer] of answers) {
            if (answer.ok)
                pins.set(name, answer.value);
            else
                unpinned.push(`${name} (${answer.reason})`);
        }
        if (pins.size > 0)
            this.sink.info(`Base images pinned for the published build: ${[...pins].map(([n, d]) => `${n}@${d}`).join(', ')}.`);
        if (unpinned.length > 0)
            this.sink.info(`Base images left unpinned (not in a registry that answered): ${unpinned.join('; ')}.`);
        return pins;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/convert-image.ts






/**
 * Converts and boots `inputs.image`, filling in `result` (the front end's, so that a failure
 * leaves what was learned before it) and returning it once a build passed its smoke boot.
 */
async function convertImage(inputs, setup, sink, result = (0,types_result/* newRunResult */.t)()) {
    // Before anything is built: a builder without linux/amd64 would fail deep in a cold build.
    await checkBuilderPlatforms(setup.builder.name);
    result.stage = 'build';
    const layers = new LayerCache(inputs, setup.builder.canExport, setup.home, sink);
    if (inputs.cache !== 'none')
        result.cache = layers.outcome;
    const toolchain = new ToolchainCache(inputs, setup.builder.name, setup.builder.canExport, sink);
    const ctx = {
        c2w: setup.c2w,
        builder: setup.builder.name,
        layers,
        toolchain,
        workDir: setup.workDir,
        siteRoot: setup.siteRoot,
        sink,
        result,
    };
    const { allocator, rejected } = await firstPassing(attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback), (allocator) => (0,attempt/* buildAndBoot */.U)({ ...inputs, allocator }, ctx), (rejectedSoFar, next) => {
        result.build.rejectedAllocators = rejectedSoFar.map((r) => ({ allocator: r.allocator, line: r.line }));
        const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1];
        sink.note(`Allocator ${allocator} was rejected: its smoke boot failed with "${line}". Rebuilding with ${next}.`);
        sink.warn(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
    });
    if (rejected.length > 0) {
        sink.note(`Allocator ${allocator} passed the smoke boot after ${rejected.map((r) => r.allocator).join(', ')} failed.`);
    }
    return result;
}


/***/ }),

/***/ 51783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ Sink)
/* harmony export */ });
class Sink {
    /** Called between steps; throws to stop the run (the command's Ctrl-C). */
    checkpoint() { }
}


/***/ }),

/***/ 57833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RB: () => (/* binding */ PACK_VERSION),
/* harmony export */   f0: () => (/* binding */ BOOT_PARAM),
/* harmony export */   pd: () => (/* binding */ encodeBoot)
/* harmony export */ });
/* unused harmony exports decodeBoot, TRANSCRIPT_MAX */
// What the site's page and the code that drives it share: the page's configuration (site.json), the
// boot parameters a URL may carry, and the state the page publishes on `window.c2wBoot` for a test or
// the smoke boot to read. No DOM and no Node here: the page bundle and the action both import it.
/** The chunk files are gzip members (RFC 1952), which the page decompresses itself (DecompressionStream). */
const PACK_VERSION = 1;
/** The query parameter that overrides the command and environment of one visit (the smoke boot's). */
const BOOT_PARAM = 'boot';
/** Encodes a BootOverride for the URL (base64url of its JSON). */
function encodeBoot(o) {
    const bytes = new TextEncoder().encode(JSON.stringify(o));
    let bin = '';
    for (const b of bytes)
        bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function decodeBoot(s) {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
}
/** Bytes of guest output the page keeps for take() between two reads (the rest is counted, not kept). */
const TRANSCRIPT_MAX = (/* unused pure expression or super */ null && (1024 * 1024));


/***/ }),

/***/ 87298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bo: () => (/* binding */ writeSite)
});

// UNUSED EXPORTS: SiteError, moduleWarning, pageTemplateDir, sizeWarning

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/lib/files.ts
var lib_files = __webpack_require__(10228);
// EXTERNAL MODULE: ./src/lib/limits.ts
var limits = __webpack_require__(18119);
// EXTERNAL MODULE: ./src/site/error.ts
var error = __webpack_require__(37405);
// EXTERNAL MODULE: ./src/site/folder.ts
var folder = __webpack_require__(68763);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/site/contract.ts
var contract = __webpack_require__(57833);
;// CONCATENATED MODULE: ./src/site/packed.ts
// The large files of a site's output, stored as gzip-compressed chunks the page fetches in parallel,
// checks, decompresses and keeps (page/loader.ts):
//
//   container/chunks/<sha256 of the part>.gz   one part of a file, gzip (RFC 1952)
//   c2w/site.json `packed`                      per file: its size and sha256, and its chunks in order
//
// Why this shape:
// - gzip, decompressed by the page itself (DecompressionStream), works whatever the host does with
//   Content-Encoding. The `.gz` name gives the file a type (application/gzip) that hosts do not
//   compress again; a host that sends it with `Content-Encoding: gzip` anyway has the browser
//   decompress it, and the page takes the bytes as they come (it checks the digest of the part).
// - A chunk is named by the digest of its content: an unchanged part keeps its name from one deploy
//   to the next (the page keeps it), a changed one has a new name (no stale copy in any cache), and
//   equal parts (runs of zeros in a disk image) are stored once.
// - Parts of CHUNK_BYTES: several requests in flight fill the link, and the page holds a few parts
//   at a time, not the file.






const gzip = (0,external_node_util_.promisify)(external_node_zlib_.gzip);
/** Bytes of one part, before compression. */
const CHUNK_BYTES = 2 * 1024 * 1024;
/** Parts compressed at once (zlib's async calls run on libuv's thread pool). */
const PARALLEL = 2;
/**
 * Writes `file` as chunks into `container/chunks/` and returns how to put it back together. The
 * chunk files are shared by every file packed into the same `container` (same content, same name).
 */
async function packFile(file, container, chunkBytes = CHUNK_BYTES) {
    const { size } = await (0,promises_.stat)(file);
    const dir = (0,external_node_path_.join)(container, 'chunks');
    await (0,promises_.mkdir)(dir, { recursive: true });
    const whole = (0,external_node_crypto_.createHash)('sha256');
    const chunks = [];
    const written = new Set();
    const fh = await (0,promises_.open)(file, 'r');
    try {
        let offset = 0;
        let inFlight = [];
        const flush = async () => {
            chunks.push(...(await Promise.all(inFlight)));
            inFlight = [];
        };
        while (offset < size || (size === 0 && chunks.length === 0 && inFlight.length === 0)) {
            const part = Buffer.alloc(Math.min(chunkBytes, size - offset));
            let got = 0;
            while (got < part.length) {
                const { bytesRead } = await fh.read(part, got, part.length - got, offset + got);
                if (bytesRead === 0)
                    throw new Error(`${file} became shorter while it was read`);
                got += bytesRead;
            }
            offset += part.length;
            whole.update(part);
            inFlight.push(packPart(part, dir, written));
            if (inFlight.length >= PARALLEL)
                await flush();
            if (size === 0)
                break;
        }
        await flush();
    }
    finally {
        await fh.close();
    }
    return {
        version: contract/* PACK_VERSION */.RB,
        size,
        bytes: chunks.reduce((n, c) => n + c.bytes, 0),
        sha256: whole.digest('hex'),
        chunks,
    };
}
async function packPart(part, dir, written) {
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(part).digest('hex');
    const name = `${sha256}.gz`;
    // Level 6, zlib's default: on a rootfs-like text half it is within a few percent of level 9 at
    // about half the time; random data passes through at any level.
    const gz = await gzip(part, { level: external_node_zlib_.constants.Z_DEFAULT_COMPRESSION });
    if (!written.has(name)) {
        written.add(name);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, name), gz);
    }
    return { file: `chunks/${name}`, size: part.length, bytes: gz.length, sha256 };
}

;// CONCATENATED MODULE: ./src/site/site.ts
// `site`: a folder that runs the converted container on a web page, as GitHub Pages serves it. The
// page's template (index.html, coi-serviceworker.js, c2w/page.js, page.css, wasi-worker.js, unpack-worker.js) is bundled
// into dist/site/ by scripts/build-page.mjs; writeSite copies it, puts the output under container/ and
// writes c2w/site.json. The smoke boot in a browser boots this same folder. The output's large files
// (wasi: the module; js: the QEMU .wasm and the .data package) go in as gzip chunks with their digests
// (packed.ts), which the page fetches in parallel, checks and keeps for the next visit.
//
// actions/upload-pages-artifact packs the folder with `tar --dereference` and its docs ask for files
// and folders only (no symlinks, no hard links): the output is copied with every link resolved, and a
// link that would leave the output or point at a folder is refused, as the artifact's walker refuses it.










/** Where the bundled page is: beside the bundle (dist/site), or dist/site of the clone (tests run src/). */
function pageTemplateDir() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (const candidate of [(0,external_node_path_.join)(here, 'site'), (0,external_node_path_.join)(here, '../../dist/site')]) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'c2w', 'page.js')))
            return candidate;
    }
    throw new error/* SiteError */.w('the page bundle (dist/site) is missing: run `npm run build`');
}
/**
 * The warning for a site of `bytes` (what is deployed: the output compressed), or undefined within
 * Pages' limit. `raw` is the output's size before compression, named when it differs.
 */
function sizeWarning(bytes, raw) {
    if (bytes <= limits/* PAGES_SITE_LIMIT */.$e)
        return undefined;
    const before = raw !== undefined && raw !== bytes ? ` (the output compressed; ${(0,limits/* gib */.$l)(raw)} before)` : '';
    return (`The site is ${(0,limits/* gib */.$l)(bytes)}${before}, past GitHub Pages' limit for a published site (${(0,limits/* gib */.$l)(limits/* PAGES_SITE_LIMIT */.$e)}): ` +
        `actions/deploy-pages may refuse it. A smaller image, or another host, keeps it within reach.`);
}
/** The warning for a wasm module of `bytes` that browsers built on V8 will not compile, or undefined. */
function moduleWarning(name, bytes) {
    if (bytes <= limits/* V8_MODULE_LIMIT */.qu)
        return undefined;
    return (`The module ${name} is ${(0,limits/* gib */.$l)(bytes)}, past the largest wasm module Chrome, Edge and Node compile ` +
        `(${(0,limits/* gib */.$l)(limits/* V8_MODULE_LIMIT */.qu)}, V8's kV8MaxWasmModuleSize): the page cannot boot it in those browsers.`);
}
/** The files of a js output the page loads through its loader (packed): the QEMU module and the .data package. */
const isPackedJsFile = (rel) => !rel.includes('/') && ['.wasm', '.data'].includes((0,external_node_path_.extname)(rel));
async function copyTree(from, to, skip = () => false) {
    for (const e of await (0,lib_files/* walkFolder */.aI)(from)) {
        if (e.type === 'file' && skip(e.rel))
            continue;
        const dest = (0,external_node_path_.join)(to, ...e.rel.split('/'));
        if (e.type === 'dir')
            await (0,promises_.mkdir)(dest, { recursive: true });
        else {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
            await (0,promises_.copyFile)(e.abs, dest);
        }
    }
}
/**
 * Writes the site folder `opts.dir` for the output, and measures it. The folder is made ready by
 * site/folder.ts: created, or emptied only when it is a site this action wrote.
 */
async function writeSite(opts) {
    const template = pageTemplateDir();
    let st;
    try {
        st = await (0,promises_.stat)(opts.output);
    }
    catch {
        throw new error/* SiteError */.w(`the output ${opts.output} does not exist`);
    }
    if (opts.target === 'js' && !st.isDirectory()) {
        throw new error/* SiteError */.w(`a js output is a directory (out.js, load.js, arg-module.js…); ${opts.output} is not one`);
    }
    if (opts.target === 'js' && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(opts.output, 'out.js'))) {
        throw new error/* SiteError */.w(`${opts.output} has no out.js: it is not a c2w --to-js output`);
    }
    if (opts.target === 'wasi' && !st.isFile())
        throw new error/* SiteError */.w(`a wasi output is a .wasm file; ${opts.output} is not a file`);
    // Written into the folder with its links resolved, as it was judged.
    const dir = await (0,folder/* prepareSiteFolder */.vw)(opts.dir, opts.output, opts.root);
    await copyTree(template, dir);
    const container = (0,external_node_path_.join)(dir, 'container');
    await (0,promises_.mkdir)(container, { recursive: true });
    let wasm;
    const packed = {};
    if (opts.target === 'js') {
        await copyTree(opts.output, container, isPackedJsFile);
        for (const e of await (0,lib_files/* walkFolder */.aI)(opts.output)) {
            if (e.type === 'file' && isPackedJsFile(e.rel))
                packed[e.rel] = await packFile(e.abs, container);
        }
    }
    else {
        wasm = (0,external_node_path_.basename)(opts.output);
        packed[wasm] = await packFile(opts.output, container);
    }
    const config = {
        target: opts.target,
        container: 'container/',
        ...(wasm ? { wasm } : {}),
        command: opts.command ?? [],
        env: opts.env ?? [],
        title: opts.title ?? 'container',
        packed,
    };
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'c2w', 'site.json'), `${JSON.stringify(config, null, 2)}\n`);
    const entries = await (0,lib_files/* walkFolder */.aI)(dir);
    const files = entries.filter((e) => e.type === 'file');
    const bytes = files.reduce((n, e) => n + e.size, 0);
    const outputBytes = Object.values(packed).reduce((n, p) => n + p.size, 0);
    const packedBytes = Object.values(packed).reduce((n, p) => n + p.bytes, 0);
    const warnings = [
        sizeWarning(bytes, bytes - packedBytes + outputBytes),
        ...Object.entries(packed)
            .filter(([name]) => (0,external_node_path_.extname)(name) === '.wasm')
            .map(([name, p]) => moduleWarning(name, p.size)),
    ].filter((w) => w !== undefined);
    return {
        dir: opts.dir,
        bytes,
        files: files.length,
        outputBytes,
        ...(warnings.length ? { warning: warnings.join('\n') } : {}),
    };
}


/***/ }),

/***/ 77029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ siteStage),
/* harmony export */   i: () => (/* binding */ asSiteFailure)
/* harmony export */ });
/* harmony import */ var _types_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54218);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37405);
/* harmony import */ var _site_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87298);



async function siteStage(inputs, output, root, sink) {
    const dir = inputs.site;
    if (!dir)
        return undefined;
    const site = await sink.section('Write the site', () => asSiteFailure((0,_site_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSite */ .bo)({ target: inputs.target, output, dir, root, title: inputs.image })));
    sink.info(`Wrote the site ${site.dir}: ${site.files} files, ${site.bytes} bytes (the output's ${site.outputBytes} bytes in gzip chunks).`);
    if (site.warning)
        sink.warn(site.warning);
    return site;
}
/** `work`, its failure a SiteError unless it already carries its class (e.g. ENOSPC while copying). */
async function asSiteFailure(work) {
    try {
        return await work;
    }
    catch (e) {
        if (e instanceof _types_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ClassifiedError */ .I)
            throw e;
        throw new _error_js__WEBPACK_IMPORTED_MODULE_1__/* .SiteError */ .w(`Writing the site failed: ${e.message}`);
    }
}


/***/ }),

/***/ 68159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vk: () => (/* binding */ decideSmokeResult),
  Ym: () => (/* binding */ readPeakRss),
  Lw: () => (/* binding */ runSmoke)
});

// UNUSED EXPORTS: CLOSE_INHERITED, SETTLE_MS, SmokeError, oneLine, readPeakRssTree, signalOfStatus, smokeChildEnv, wasiArgs

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/c2w/allocators.ts
var allocators = __webpack_require__(53478);
// EXTERNAL MODULE: ./src/c2w/boot-info.ts
var boot_info = __webpack_require__(40729);
// EXTERNAL MODULE: ./src/lib/processes.ts
var processes = __webpack_require__(42982);
// EXTERNAL MODULE: ./src/smoke/expect.ts
var expect = __webpack_require__(30324);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(71800);
// EXTERNAL MODULE: ./src/smoke/protocol.ts
var protocol = __webpack_require__(88121);
// EXTERNAL MODULE: ./src/smoke/confine.ts
var confine = __webpack_require__(71073);
;// CONCATENATED MODULE: ./src/smoke/sandbox.ts
// What the smoke boot may touch, inside Node: the inner layer. The booted code is not ours: a js
// output's out.js is JavaScript that a custom Dockerfile (from a pull request, say) decides, and it
// runs in the smoke child. The outer layer, where this machine can make one, is an operating-system
// boundary (confine.ts: own PID, mount and network namespaces, another user); this layer is what is
// left where it cannot, and it holds inside the boundary too. The child runs under Node's permission
// model (https://nodejs.org/api/permissions.html):
// - file system reads only of the output's scratch folder (stageOutput) and of the child's own script folder
//   (no /proc/<pid>/environ of the action, no runner files, no workspace);
// - no file system writes at all (not GITHUB_ENV, not the output that is published);
// - no child processes, no native addons, no inspector, no process.binding();
// - worker threads for js (emscripten's pthreads run in them), WASI for wasi; nothing else. Every
//   worker inherits the model and the preload whatever execArgv it asks for (GUARD_SOURCE);
// - no node:sqlite: it opens and creates database files without asking the permission model (the
//   permissions page says so), so a guest could write anywhere with it;
// - no network: Node 24's model does not cover it, so GUARD_SOURCE, preloaded with --require into
//   the child and into every worker thread, makes every socket connect (TCP, Unix sockets such as
//   the Docker engine's, and so fetch and http), every UDP send, bind and connect, every
//   Server#listen and every name lookup (node:dns and node:dns/promises: c-ares and getaddrinfo run
//   in C++ without a JS socket) throw; v8.setFlagsFromString too (V8 flags set at run time are
//   outside the model);
// - no signal to another process: the model does not cover signals, and a process of the same user
//   can stop the action or open its inspector (SIGUSR1, or process._debugProcess); GUARD_SOURCE
//   lets process.kill and process._kill reach the guest's own pid only.
// `--permission` is stable from Node 22.13.0 / 23.5.0 (before: `--experimental-permission`, from
// 20.0.0). `--allow-wasi` exists from Node 22.3.0; Node 20 refuses `new WASI()` under the model
// (ERR_ACCESS_DENIED, permission 'WASI'), so a wasi boot needs Node 22.3.0 or later. The guard is
// JavaScript in the guest's own realm, not a kernel boundary, and the time limit rests on boot.ts:
// docs/smoke-boot.md lists what is left without the boundary.





/** `v24.21.0` or `24.21.0` as numbers; undefined when it is not a version. */
function parseNodeVersion(text) {
    const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
const atLeast = (v, major, minor) => v[0] > major || (v[0] === major && v[1] >= minor);
/**
 * The Node options that put the smoke child in its sandbox, or why this Node cannot: `readable` are
 * the only paths it may read (each a file, or a folder and everything in it).
 */
function sandboxFlags(version, target, readable, guard) {
    const stable = atLeast(version, 23, 5) || (version[0] === 22 && version[1] >= 13);
    if (target === 'wasi' && !atLeast(version, 22, 3)) {
        return {
            refused: `the smoke boot runs the module under Node's permission model, and Node ${version.join('.')} ` +
                `cannot run WASI under it (--allow-wasi needs Node 22.3.0 or later; the action runs on Node 24)`,
        };
    }
    if (!atLeast(version, 20, 0)) {
        return { refused: `Node ${version.join('.')} has no permission model (Node 20 or later)` };
    }
    return {
        flags: [
            stable ? '--permission' : '--experimental-permission',
            ...readable.map((path) => `--allow-fs-read=${path}`),
            target === 'wasi' ? '--allow-wasi' : '--allow-worker',
            // node:sqlite exists from Node 22.5.0 (behind --experimental-sqlite until 22.13.0 / 23.4.0).
            ...(atLeast(version, 22, 5) ? ['--no-experimental-sqlite'] : []),
            ...(guard !== undefined ? [`--require=${guard}`] : []),
            // The warnings say that --allow-worker / --allow-wasi widen the model; the choice is ours.
            '--disable-warning=SecurityWarning',
            '--disable-warning=ExperimentalWarning',
        ],
    };
}
/**
 * Preloaded into the smoke child and its workers before any code of the output: replaces the
 * methods every outgoing socket and datagram goes through (net.Socket#connect is what net.connect,
 * http, https, tls and fetch's connector call; dgram.Socket#send, #bind, #connect), every server's
 * listen (net.Server#listen: http, https, tls and http2 servers inherit it) and every name lookup
 * (the functions of node:dns and node:dns/promises, which is the same object as dns.promises, their
 * Resolver classes and prototypes) with ones that throw (the promise API's reject). The originals
 * are kept nowhere, and process.binding(), which would reach the raw handles, is refused by the
 * permission model. process.kill and process._kill (what process.kill calls: Node's
 * lib/internal/process/per_thread.js) accept only the guest's own pid, and process._debugProcess
 * (SIGUSR1 to any pid) is refused; the originals live only in the replacements' closures. Then the
 * ESM namespaces are synced (module.syncBuiltinESMExports), so `import { resolve4 } from 'node:dns'`
 * gets the refusing one too.
 *
 * It also makes every worker inherit the model: a worker runs with the execArgv it is given, and
 * Node 24 starts one given `execArgv: []` with no permission model and no preload, and one given
 * its own `--permission --allow-fs-write=*` with those grants (seen on 24.21.0: both wrote files
 * and read /proc/<parent>/environ). So `Worker` becomes a Proxy that drops `execArgv` from the
 * options (the worker then inherits its parent's, this preload included, so a worker's workers are
 * held the same way), the ESM namespace is synced to it (module.syncBuiltinESMExports), and the
 * prototype's `constructor` points at the Proxy, so no property leads back to the original.
 */
const GUARD_SOURCE = `'use strict';
const refuse = (what) => function refused() {
  throw Object.assign(new Error(what + ' is refused in the smoke boot'), { code: 'ERR_ACCESS_DENIED' });
};
const fix = (object, name, value) =>
  Object.defineProperty(object, name, { value, writable: false, configurable: false, enumerable: true });
const net = require('node:net');
const dgram = require('node:dgram');
net.Socket.prototype.connect = refuse('A network connection');
net.Server.prototype.listen = refuse('Listening for connections');
dgram.Socket.prototype.send = refuse('A network datagram');
dgram.Socket.prototype.bind = refuse('Binding a datagram socket');
dgram.Socket.prototype.connect = refuse('A datagram connection');
require('node:v8').setFlagsFromString = refuse('v8.setFlagsFromString');
{
  const self = process.pid;
  const rawKill = process._kill;
  const kill = process.kill;
  const mine = (pid) => typeof pid === 'number' && pid === self;
  fix(process, '_kill', function _kill(pid, sig) {
    if (!mine(pid)) refuse('A signal to another process')();
    return Reflect.apply(rawKill, process, [pid, sig]);
  });
  fix(process, 'kill', function kill_(pid, sig) {
    if (!mine(pid)) refuse('A signal to another process')();
    return Reflect.apply(kill, process, [pid, sig]);
  });
  fix(process, '_debugProcess', refuse('process._debugProcess'));
}
{
  const dns = require('node:dns');
  const refused = refuse('A name lookup');
  const rejected = function rejected() {
    return new Promise(refused);
  };
  const Resolver = function Resolver() {
    refused();
  };
  for (const api of [dns, dns.promises]) {
    const refusal = api === dns ? refused : rejected;
    for (const name of Object.keys(api)) {
      if (/^(lookup|lookupService|reverse|resolve.*)$/.test(name)) fix(api, name, refusal);
    }
    for (const name of Object.getOwnPropertyNames(api.Resolver.prototype)) {
      if (name !== 'constructor') fix(api.Resolver.prototype, name, refusal);
    }
    fix(api, 'Resolver', Resolver);
  }
}
{
  const threads = require('node:worker_threads');
  const Original = threads.Worker;
  const Inheriting = new Proxy(Original, {
    construct(target, args, newTarget) {
      const [what, options] = args;
      const { execArgv, ...rest } = Object(options);
      void execArgv;
      return Reflect.construct(target, [what, rest], newTarget === Inheriting ? target : newTarget);
    },
  });
  Object.defineProperty(Original.prototype, 'constructor', { value: Inheriting, writable: false, configurable: false });
  Object.defineProperty(threads, 'Worker', { value: Inheriting, writable: false, configurable: false, enumerable: true });
}
require('node:module').syncBuiltinESMExports();
`;
/** The guard's file name in the scratch folder, beside the output. */
const GUARD_FILE = '.c2w-smoke-guard.cjs';
const versions = new Map();
/** The version of the Node at `nodePath` (this one's without a process), cached; undefined when unknown. */
function nodeVersionOf(nodePath) {
    if (nodePath === process.execPath)
        return parseNodeVersion(process.versions.node);
    if (!versions.has(nodePath)) {
        let out = '';
        try {
            out = (0,external_node_child_process_.execFileSync)(nodePath, ['--version'], { encoding: 'utf8', timeout: 10_000, env: {} });
        }
        catch {
            // not a Node we can run: undefined
        }
        versions.set(nodePath, parseNodeVersion(out));
    }
    return versions.get(nodePath);
}
/** The configuration file's name in the scratch folder, when it travels as a file (protocol.ts). */
const CONFIG_FILE = '.c2w-smoke-config.json';
/**
 * Puts the output (a wasm file, or a js output folder) into a new scratch folder, so that the boot
 * sees only the output's own files (never the folder around it) under names the action chose. Each
 * file is a hard link to the output's file, not a copy: c2w outputs are hundreds of MB (one public
 * report: 1.08 GB), and a copy costs that much disk and time on file systems without copy-on-write
 * clones (ext4, GitHub's hosted runners). The boot still cannot change the published bytes, and
 * what that rests on is not the copy:
 * - the permission model gives the child no file system write at all (sandboxFlags: no
 *   --allow-fs-write), a link or a copy alike;
 * - inside the boundary (confine.ts) the scratch folder is bound read-only (`mount --bind -o ro`;
 *   writing through it is EROFS whoever the process is), the command has no capability to remount
 *   it, and under root or sudo it runs as another user (65534), who does not own the file;
 * - without the boundary, a guest that got past the model runs as the action's user and could
 *   write the output at its own path anyway: a copy never protected that case;
 * - the release upload hashes the file again and refuses one that differs from the conversion's
 *   sha256 (publish/release-asset.ts).
 * A file is linked only when others may read it (the boundary's user must): otherwise, or where a
 * link cannot be made (another file system: EXDEV; fs.protected_hardlinks: EPERM), it is copied
 * (a copy-on-write clone where the file system has them, FICLONE falling back to a plain copy) and
 * the copy made readable by all; a linked file's mode is never changed (it is the published file's).
 * A symlink is staged as the file it points to when that is a file inside the output, and refused
 * otherwise: the permission model follows symlinks inside a folder it allows
 * (https://nodejs.org/api/permissions.html, file system permissions), so one pointing out of the
 * scratch folder would open the rest of the file system to the boot. The scratch folder and the
 * folders in it are readable by all (the boundary runs the child as another user), inside a private
 * folder that is not.
 */
async function stageOutput(path, parent = (0,external_node_os_.tmpdir)()) {
    const home = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, 'c2w-smoke-'));
    const dir = (0,external_node_path_.join)(home, 'box');
    const staged = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(path));
    try {
        if ((0,external_node_path_.basename)(path) === GUARD_FILE || (0,external_node_path_.basename)(path) === CONFIG_FILE) {
            throw new Error(`an output may not be named ${(0,external_node_path_.basename)(path)}`);
        }
        await (0,promises_.mkdir)(dir, { mode: 0o755 });
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, GUARD_FILE), GUARD_SOURCE, { flag: 'wx', mode: 0o644 });
        if ((await (0,promises_.stat)(path)).isDirectory())
            await stageTree(await (0,promises_.realpath)(path), path, staged);
        else
            await stageFile(path, staged);
    }
    catch (e) {
        await (0,promises_.rm)(home, { recursive: true, force: true });
        throw e;
    }
    return {
        dir,
        path: staged,
        guard: (0,external_node_path_.join)(dir, GUARD_FILE),
        home,
        remove: () => (0,promises_.rm)(home, { recursive: true, force: true, maxRetries: 3 }),
    };
}
/**
 * Puts `from` at `to`: a hard link when others may read the file, else (or when the link fails) a
 * copy made readable by all.
 */
async function stageFile(from, to) {
    if (((await (0,promises_.stat)(from)).mode & 0o004) !== 0) {
        try {
            await (0,promises_.link)(from, to);
            return 'link';
        }
        catch {
            // EXDEV, EPERM, EMLINK…: a copy does the same job
        }
    }
    await (0,promises_.copyFile)(from, to, external_node_fs_.constants.COPYFILE_FICLONE);
    await (0,promises_.chmod)(to, 0o644);
    return 'copy';
}
async function stageTree(root, from, to) {
    await (0,promises_.mkdir)(to);
    // mkdir's mode passes through the umask; the boundary's user must be able to enter it.
    await (0,promises_.chmod)(to, 0o755);
    for (const entry of await (0,promises_.readdir)(from, { withFileTypes: true })) {
        const src = (0,external_node_path_.join)(from, entry.name);
        const dst = (0,external_node_path_.join)(to, entry.name);
        if (entry.isDirectory()) {
            await stageTree(root, src, dst);
        }
        else if (entry.isFile()) {
            await stageFile(src, dst);
        }
        else if (entry.isSymbolicLink()) {
            const target = await (0,promises_.realpath)(src).catch(() => undefined);
            const inside = target !== undefined && !(0,external_node_path_.relative)(root, target).startsWith(`..${external_node_path_.sep}`) && target !== root;
            if (!inside || !(await (0,promises_.lstat)(target)).isFile()) {
                throw new Error(`${src} is a symlink that does not point to a file inside the output`);
            }
            await stageFile(target, dst);
        }
        else {
            throw new Error(`${src} is neither a file, a folder nor a symlink`);
        }
    }
}

;// CONCATENATED MODULE: ./src/smoke/boot.ts
// The smoke boot's runner: run what c2w built, in Node, in a child process, and see whether it
// answers. What happens during the run is collected into one SmokeEvents object; what it means is
// decided at the end by decideSmokeResult, a pure function.
//
// The module runs in a child process rather than a worker thread: `worker.terminate()` cannot
// interrupt a long blocking WASI call (a 60 s poll_oneoff, a read on a silent pipe), and a js
// (emscripten, pthreads) output never exits on its own. A child can always be killed. It leads a
// process group of its own (`detached: true`) so that ending it ends whatever it started too.
// The child is the bundle itself started with SMOKE_CHILD_FLAG (see child.ts, and protocol.ts for
// what the two share); the module's environment is built only from `smoke-env`. It boots the output
// staged in a scratch folder (hard links: sandbox.ts, stageOutput) inside the operating-system
// boundary of confine.ts when this machine can make one (own PID, mount and network namespaces,
// another user), and in any case under Node's permission model (sandbox.ts): it can read only that
// folder and its own script, write nothing, and start no process. `sandbox: 'required'` refuses to boot where no boundary can be made.
//
// The time limit holds whatever the child does: at smoke-timeout (or a match) its group gets SIGTERM,
// SIGKILL after the grace; when it exits, SIGKILL for whatever it left in its group; and the run ends
// SETTLE_MS after that even if something still holds its pipes open (the wait is not for 'close').
// Inside the boundary the child's stdin is its lifeline instead: closing it ends the namespace (after
// the grace), which holds also where the action may not signal the boundary's processes (sudo).














class SmokeError extends Error {
    name = 'SmokeError';
}
/**
 * `text` on one line, its control characters written as escapes (`\n`, `\u001b`): what the guest or
 * its report channel says goes into a message as data. A workflow command is a line that starts
 * with `::` (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions), and
 * a message starts with our own words, so none can start one.
 */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
        const named = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
        return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
/** The end of a run: what it means for the user. No I/O. */
function decideSmokeResult(ev, ctx) {
    const what = ctx.target === 'wasi' ? 'The module' : 'The js output';
    const base = {
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        ...(ev.exit ? { exit: ev.exit } : {}),
        ...(ev.peakRssKiB !== undefined ? { peakRssKiB: ev.peakRssKiB } : {}),
    };
    if (ev.matchedAt !== undefined) {
        return {
            result: 'passed',
            seconds: ev.matchedAt,
            ...base,
            message: `${what} printed a line matching ${ctx.expect} after ${ev.matchedAt.toFixed(2)} s.`,
        };
    }
    const allocatorFailure = (0,allocators/* classifyAllocatorFailure */.I)(ctx.searchable, ctx.allocator);
    const allocatorText = allocatorFailure
        ? ` Allocator failure (${allocatorFailure.allocator}): ${oneLine(allocatorFailure.line)}. ${allocatorFailure.suggestion}`
        : '';
    const failed = { seconds: ev.endedAt, ...base, ...(allocatorFailure ? { allocatorFailure } : {}) };
    if (ev.timedOut) {
        return {
            result: 'timeout',
            ...failed,
            message: `${what} printed nothing matching ${ctx.expect} within smoke-timeout (${ctx.timeoutSeconds} s); ` +
                `it was ended${ev.signal ? ` by ${ev.signal}` : ''}.${allocatorText}`,
        };
    }
    let how;
    if (ev.spawnError)
        how = `could not be started: ${oneLine(ev.spawnError)}`;
    else if (ev.childError)
        how = `could not be run: ${oneLine(ev.childError)}`;
    else if (ev.exit && 'trap' in ev.exit)
        how = `trapped (${oneLine(ev.exit.trap)})`;
    else if (ev.exit)
        how = `exited with code ${ev.exit.code}`;
    else if (ev.signal)
        how = `was ended by ${ev.signal}`;
    else
        how = `ended (the runner's exit code ${ev.code ?? 'unknown'})`;
    return {
        result: 'failed',
        ...failed,
        message: `${what} ${how} without printing a line matching ${ctx.expect}.${allocatorText}`,
    };
}
/** The child's argv for a module: c2w's front-end option, then the command. */
function wasiArgs(path, command, c2wArgs = true) {
    return c2wArgs ? [path, '-no-stdin', ...command] : [path, ...command];
}
/** Variables of the action's environment the smoke child keeps. */
const CHILD_ENV_KEPT = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'RUNNER_TRACKING_ID'];
/**
 * The smoke child's environment: its configuration, and of the action's environment only what a
 * Node process needs, plus RUNNER_TRACKING_ID, which the Actions runner sets to find the processes
 * a job left behind and end them. Nothing else of the job: no GITHUB_STATE/GITHUB_OUTPUT files to
 * write by mistake, no ACTIONS_* or INPUT_* tokens next to the module under test. The module itself
 * only ever sees smoke-env: the child builds the WASI env (or /pack/info) from the configuration.
 */
function smokeChildEnv(config, parentEnv) {
    const env = { [protocol/* SMOKE_CHILD_CONFIG_ENV */.yX]: JSON.stringify(config) };
    for (const key of CHILD_ENV_KEPT) {
        if (parentEnv[key] !== undefined)
            env[key] = parentEnv[key];
    }
    return env;
}
/** Peak resident set (VmHWM) of a live process, KiB; Linux only. */
function readPeakRss(pid) {
    if (pid === undefined)
        return undefined;
    try {
        const m = /VmHWM:\s+(\d+) kB/.exec((0,external_node_fs_.readFileSync)(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : undefined;
    }
    catch {
        return undefined;
    }
}
/** The largest peak resident set of `pid` and its descendants (the boundary's processes and the child). */
function readPeakRssTree(pid) {
    if (pid === undefined)
        return undefined;
    let peak = readPeakRss(pid);
    const seen = new Set([pid]);
    const queue = [pid];
    while (queue.length > 0 && seen.size < 256) {
        const p = queue.shift();
        let tasks = [];
        try {
            tasks = (0,external_node_fs_.readdirSync)(`/proc/${p}/task`);
        }
        catch {
            continue;
        }
        for (const task of tasks) {
            let children = [];
            try {
                children = (0,external_node_fs_.readFileSync)(`/proc/${p}/task/${task}/children`, 'utf8')
                    .trim()
                    .split(/\s+/)
                    .filter(Boolean)
                    .map(Number);
            }
            catch {
                // gone meanwhile
            }
            for (const c of children) {
                if (seen.has(c))
                    continue;
                seen.add(c);
                queue.push(c);
                const rss = readPeakRss(c);
                if (rss !== undefined && (peak === undefined || rss > peak))
                    peak = rss;
            }
        }
    }
    return peak;
}
/** The signal a shell's `128 + N` exit status stands for (the boundary's init exits so), if any. */
function signalOfStatus(code) {
    if (code === null || code <= 128)
        return undefined;
    const found = Object.entries(external_node_os_.constants.signals).find(([, n]) => n === code - 128);
    return found?.[0];
}
/**
 * Reads the child's reports (one JSON object a line, bounded: see ControlLines) into `ev`. Only the
 * first exit or trap counts; a line that is not a report is counted and ignored.
 */
function readControl(control, ev) {
    const lines = new protocol/* ControlLines */.$h();
    control?.setEncoding('utf8');
    control?.on('error', () => undefined);
    const feed = (chunk) => {
        for (const line of lines.push(chunk)) {
            const msg = (0,protocol/* parseChildMessage */.Re)(line);
            if (!msg) {
                ev.badReports = (ev.badReports ?? 0) + 1;
            }
            else if ((msg.event === 'exit' || msg.event === 'trap') && ev.exit === undefined) {
                ev.exit = msg.event === 'exit' ? { code: msg.code } : { trap: msg.message };
                ev.peakRssKiB = msg.maxRssKiB;
            }
            else if (msg.event === 'error') {
                ev.childError ??= msg.message;
            }
        }
    };
    control?.on('data', feed);
    return feed;
}
/** What is left in the FIFO at `path`, read without blocking (a second reader of it). */
function drainFifo(path) {
    let fd;
    const chunks = [];
    try {
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
        const buf = Buffer.alloc(64 * 1024);
        for (let total = 0; total < 1024 * 1024;) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, null);
            if (n <= 0)
                break;
            chunks.push(Buffer.from(buf.subarray(0, n)));
            total += n;
        }
    }
    catch {
        // EAGAIN: nothing (more) in it
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Time the run waits, after the child's group was killed or the child exited, for its pipes to close. */
const SETTLE_MS = 1000;
/** A run refused before anything started. */
const refusedRun = (target, why) => ({
    result: 'failed',
    seconds: 0,
    stdout: '',
    stderr: '',
    message: `${target === 'wasi' ? 'The module' : 'The js output'} could not be started: ${oneLine(why)}.`,
});
async function runSmoke(opts) {
    const c2wArgs = opts.c2wArgs ?? true;
    if (opts.target === 'wasi' && c2wArgs) {
        const budget = (0,boot_info/* checkEnvBudget */.Fd)(opts.command, opts.env);
        if (!budget.ok) {
            return { result: 'failed', seconds: 0, stdout: '', stderr: '', message: budget.message ?? '' };
        }
    }
    if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) {
        throw new SmokeError(`smoke-timeout must be a positive number of seconds, got ${opts.timeoutSeconds}`);
    }
    const childEntry = opts.childEntry ?? process.argv[1];
    if (!childEntry)
        throw new SmokeError('runSmoke: no child entry (process.argv[1] is empty)');
    const nodePath = opts.nodePath ?? process.execPath;
    const version = nodeVersionOf(nodePath);
    if (!version)
        return refusedRun(opts.target, `${nodePath} --version did not answer with a Node version`);
    const allowed = sandboxFlags(version, opts.target, []);
    if ('refused' in allowed)
        return refusedRun(opts.target, allowed.refused);
    const boundary = opts.boundary ?? (await (0,confine/* findBoundary */.Wi)());
    const sandbox = { ...boundary, text: (0,confine/* describeBoundary */.gw)(boundary) };
    if (boundary.kind === 'none' && opts.sandbox === 'required') {
        return {
            result: 'failed',
            seconds: 0,
            stdout: '',
            stderr: '',
            sandbox,
            message: `${opts.target === 'wasi' ? 'The module' : 'The js output'} was not booted: smoke-sandbox is required, ` +
                `and this machine gives ${oneLine(sandbox.text)}.`,
        };
    }
    let staged;
    try {
        staged = await stageOutput(opts.path, opts.scratchDir);
    }
    catch (e) {
        return { ...refusedRun(opts.target, `its scratch folder could not be made: ${e.message}`), sandbox };
    }
    try {
        // The real path: the boundary binds the entry's real folder (confine.ts), and the model must allow that one.
        const entryDir = (0,external_node_path_.dirname)(boundary.kind === 'namespaces' ? realOrResolved(childEntry) : (0,external_node_path_.resolve)(childEntry));
        const flags = sandboxFlags(version, opts.target, [staged.dir, entryDir], staged.guard);
        const plan = {
            childEntry,
            nodePath,
            flags: 'flags' in flags ? flags.flags : [],
            path: staged.path,
            cwd: staged.dir,
            ...(boundary.kind === 'namespaces' ? { confined: { via: boundary.via, staged } } : {}),
        };
        return { ...(await boot(opts, plan)), sandbox };
    }
    finally {
        await staged.remove().catch(() => undefined);
    }
}
/** `path` with its links resolved, or as given (made absolute) when it cannot be. */
function realOrResolved(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}
/**
 * Without the boundary: closes every descriptor above 3 (the report channel), then runs the
 * command. Whatever the action inherited without close-on-exec reaches every process it spawns,
 * and the guest reads a descriptor by number without any path check (the permission model checks
 * paths). bash, because `exec {n}<&-` closes any descriptor number (dash only 0-9); /proc/self is
 * this shell.
 */
const CLOSE_INHERITED = `for fd in /proc/self/fd/*; do
  fd=\${fd##*/}
  if [ "$fd" -gt 3 ] && [ -e "/proc/self/fd/$fd" ]; then exec {fd}<&-; fi
done
exec "$@"`;
/** The bash that runs CLOSE_INHERITED, where there is one and /proc says which descriptors are open. */
function closingShell() {
    if (process.platform !== 'linux')
        return undefined;
    return ['/usr/bin/bash', '/bin/bash'].find((p) => (0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.existsSync)('/proc/self/fd'));
}
async function launch(config, plan, graceMs) {
    const node = [plan.nodePath, ...plan.flags, plan.childEntry, protocol/* SMOKE_CHILD_FLAG */.oQ];
    if (!plan.confined) {
        const bash = closingShell();
        const argv = bash ? [bash, ...confine/* BASH_PLAIN */.Un, '-c', CLOSE_INHERITED, 'c2w-smoke', ...node] : node;
        return { argv, env: smokeChildEnv(config, process.env), cwd: plan.cwd };
    }
    const { via, staged } = plan.confined;
    const rootDir = (0,external_node_path_.join)(staged.home, 'root');
    const control = (0,external_node_path_.join)(staged.home, 'control');
    const configFile = (0,external_node_path_.join)(staged.dir, CONFIG_FILE);
    await (0,promises_.mkdir)(rootDir);
    await (0,confine/* mkfifo */.BD)(control);
    await (0,promises_.writeFile)(configFile, JSON.stringify(config), { mode: 0o644, flag: 'wx' });
    // Inside, /tmp is the boundary's own; the configuration is a file (sudo resets the environment).
    const env = smokeChildEnv(config, { ...process.env, HOME: '/tmp', TMPDIR: '/tmp' });
    delete env[protocol/* SMOKE_CHILD_CONFIG_ENV */.yX];
    env[protocol/* SMOKE_CHILD_CONFIG_FILE_ENV */.R_] = configFile;
    const nodePath = (0,external_node_fs_.realpathSync)(plan.nodePath);
    const entry = (0,external_node_fs_.realpathSync)(plan.childEntry);
    const argv = (0,confine/* confinedArgv */.To)(via, {
        rootDir,
        control,
        graceSeconds: graceMs / 1000,
        binds: [nodePath, (0,external_node_path_.dirname)(entry), staged.dir],
        command: [
            'env',
            '-i',
            ...Object.entries(env).map(([k, v]) => `${k}=${v ?? ''}`),
            nodePath,
            ...plan.flags,
            entry,
            protocol/* SMOKE_CHILD_FLAG */.oQ,
        ],
    });
    return { argv, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: staged.home, control };
}
async function boot(opts, plan) {
    const c2wArgs = opts.c2wArgs ?? true;
    const matcher = new expect/* StreamMatcher */.$v((0,expect/* compileExpectation */.mU)(opts.expect.source, opts.expect.flags));
    const config = {
        target: opts.target,
        path: plan.path,
        // argv[0] stays the output's own path: the guest sees the name it was built with.
        args: opts.target === 'wasi' ? wasiArgs(opts.path, opts.command, c2wArgs) : opts.command,
        env: opts.env,
    };
    const graceMs = opts.graceMs ?? 2000;
    const cap = opts.maxOutputBytes ?? 1024 * 1024;
    const stdout = new output/* CappedText */.RJ(cap);
    const stderr = new output/* CappedText */.RJ(cap);
    const log = opts.log ? new output/* CappedLog */.M0(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;
    let how;
    try {
        how = await launch(config, plan, graceMs);
    }
    catch (e) {
        return refusedRun(opts.target, `its boundary could not be prepared: ${e.message}`);
    }
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
    const ev = { endedAt: 0 };
    // The report FIFO is held open for reading and writing: opening never blocks, and it never ends.
    const fifo = how.control
        ? new external_node_net_.Socket({
            fd: (0,external_node_fs_.openSync)(how.control, external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_NONBLOCK),
            readable: true,
            writable: false,
        })
        : undefined;
    const child = (0,external_node_child_process_.spawn)(how.argv[0], how.argv.slice(1), {
        stdio: how.control ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'pipe'],
        env: how.env,
        cwd: how.cwd,
        detached: true,
    });
    (0,processes/* track */.u4)(child);
    const outputs = [child.stdout, child.stderr].filter((s) => s !== null);
    const control = fifo ?? child.stdio[protocol/* SMOKE_CONTROL_FD */.xN];
    await new Promise((resolve) => {
        let killTimer;
        let settleTimer;
        let ending = false;
        let exited = false;
        let done = false;
        const finish = () => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            if (settleTimer)
                clearTimeout(settleTimer);
            // What the child reported just before it ended may still be in the FIFO (its 'close' does not
            // wait for the FIFO as it waits for a pipe of its own).
            if (how.control)
                feed(drainFifo(how.control));
            // Whoever still holds the pipes (nothing can, in the sandbox) is not waited for.
            for (const s of [...outputs, control])
                s?.destroy();
            child.stdin?.destroy();
            log?.close();
            if (!exited)
                ev.endedAt = elapsed();
            resolve();
        };
        const settle = () => {
            settleTimer ??= setTimeout(finish, SETTLE_MS);
        };
        const end = () => {
            // From now on the output is read to its end whatever the log's reader does (it may be stuck;
            // what still goes to the log is bounded by its cap), so that the child's pipes close.
            ending = true;
            for (const s of outputs)
                s.resume();
            if (exited)
                return;
            ev.peakRssKiB = (plan.confined ? readPeakRssTree(child.pid) : readPeakRss(child.pid)) ?? ev.peakRssKiB;
            (0,processes/* signalGroup */.i8)(child, 'SIGTERM');
            // The boundary's lifeline: its init sends SIGTERM, then SIGKILL after the grace, and ends.
            if (plan.confined)
                child.stdin?.destroy();
            killTimer ??= setTimeout(() => {
                (0,processes/* signalGroup */.i8)(child, 'SIGKILL');
                settle();
            }, graceMs);
        };
        const timer = setTimeout(() => {
            if (ev.matchedAt !== undefined)
                return;
            ev.timedOut = true;
            end();
        }, opts.timeoutSeconds * 1000);
        const collect = (stream, into, name) => {
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk) => {
                into.push(chunk);
                if (name === 'stdout' && ev.matchedAt === undefined && !ev.timedOut && matcher.push(chunk)) {
                    ev.matchedAt = elapsed();
                    end();
                }
                if (log && !log.write(chunk) && !ending) {
                    // The log's reader is slow: stop reading the child until it catches up.
                    for (const s of outputs)
                        s.pause();
                    log.whenDrained(() => {
                        for (const s of outputs)
                            s.resume();
                    });
                }
            });
        };
        collect(child.stdout, stdout, 'stdout');
        collect(child.stderr, stderr, 'stderr');
        // The output has ended: a match may now reach its very end (a last line without \n).
        child.stdout?.on('end', () => {
            if (ev.matchedAt === undefined && !ev.timedOut && matcher.finish())
                ev.matchedAt = elapsed();
        });
        const feed = readControl(control, ev);
        // The child never reads stdin; keep the pipe open and silent (a read on it blocks, as a
        // console with no input would). It is closed when the child ends.
        child.stdin?.on('error', () => undefined);
        child.on('error', (err) => {
            ev.spawnError = err.message;
            finish();
        });
        child.on('exit', (code, signal) => {
            exited = true;
            // The boundary's init ends as a shell does: 128 + N for a child that a signal ended.
            const bySignal = plan.confined ? signalOfStatus(code) : undefined;
            ev.code = bySignal ? null : code;
            ev.signal = bySignal ?? signal;
            ev.endedAt = elapsed();
            // Whatever the child left in its group goes with it; its pipes get SETTLE_MS to drain.
            (0,processes/* signalGroup */.i8)(child, 'SIGKILL');
            for (const s of outputs)
                s.resume();
            settle();
        });
        child.on('close', finish);
    });
    return decideSmokeResult(ev, {
        target: opts.target,
        expect: (0,expect/* showPattern */.uz)(opts.expect),
        timeoutSeconds: opts.timeoutSeconds,
        allocator: opts.allocator,
        stdout: stdout.text,
        stderr: stderr.text,
        searchable: `${stdout.searchable}\n${stderr.searchable}`,
    });
}


/***/ }),

/***/ 71073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ mkfifo),
/* harmony export */   To: () => (/* binding */ confinedArgv),
/* harmony export */   Un: () => (/* binding */ BASH_PLAIN),
/* harmony export */   Wi: () => (/* binding */ findBoundary),
/* harmony export */   fY: () => (/* binding */ FORBID_ENV),
/* harmony export */   gw: () => (/* binding */ describeBoundary)
/* harmony export */ });
/* unused harmony exports SANDBOX_UID, SANDBOX_NPROC, INIT_SCRIPT, candidates, probe, forgetBoundary */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
// How to run a command inside an operating-system boundary on this machine: new PID, mount, network,
// IPC and UTS namespaces (util-linux `unshare`, namespaces(7)) around a root made of nothing but
// read-only binds of /usr, the /lib* folders (or their merged-usr symlinks), /etc/ld.so.cache and
// the paths the caller names, a fresh /proc of the new PID namespace, five device nodes and a small
// tmpfs /tmp; the command then runs as another user (65534) with no capabilities and no_new_privs
// (util-linux `setpriv`). So whatever it starts (threads, workers, processes) sees no process of the
// job (the PID namespace), no file of the job but those binds, no network at all (a network
// namespace with only a loopback that is down; abstract Unix sockets belong to the network
// namespace), and dies with the namespace's init (pid_namespaces(7): when init ends, the kernel
// sends SIGKILL to every process of the namespace).
//
// Three ways to make the namespaces, tried in order: the action is root (self-hosted runners,
// containers with CAP_SYS_ADMIN); `sudo -n` works (GitHub's hosted runners: the runner user has
// passwordless sudo); unprivileged user namespaces (`unshare --user --map-root-user`; there the
// command keeps uid 0 of its own user namespace, which is the action's user outside, so every bind is
// read-only and every capability is dropped). Each is probed once with the real setup (PROBE_COMMAND)
// and the first that works is used. sudo closes every descriptor above 2 (sudo(8), closefrom) and
// the action cannot signal root's processes, so the parts that cross the boundary are: stdin, the
// lifeline (at its end of file INIT_SCRIPT sends SIGTERM to the namespace, SIGKILL after the grace,
// and exits), stdout and stderr, and a FIFO the init opens as fd 3 before the root changes (the
// report channel of protocol.ts, which the command never sees by name).





/**
 * Test seam: a comma-separated list of the ways (`root`, `sudo`, `userns`) the action must not try,
 * e.g. `root,sudo,userns` to see what a runner without any does. Read from the action's environment.
 */
const FORBID_ENV = 'C2W_SMOKE_SANDBOX_FORBID';
/** The user the command runs as under root or sudo (nobody/nogroup on Debian and Ubuntu). */
const SANDBOX_UID = 65534;
/**
 * RLIMIT_NPROC of the command under root or sudo: the kernel refuses a fork or clone (a thread too)
 * of a process whose real uid already has this many (setrlimit(2)). It counts every process and
 * thread of uid 65534 on the machine, so other boots at the same time share it; a boot of Node with
 * its worker threads needs tens. In a user namespace it is not set: there the command's uid is the
 * action's user outside, whose count holds the runner's own processes.
 */
const SANDBOX_NPROC = 2048;
/**
 * The namespace's init, run by `bash` as root of the new namespaces (PID 1). Arguments: the empty
 * folder the new root is mounted on, the report FIFO, the grace in seconds, the uid to run as ('' to
 * keep uid 0 of a user namespace), the process cap for that uid (bash's `ulimit -u` sets
 * RLIMIT_NPROC, soft and hard), the paths to bind read-only (same place inside), `--`, the
 * command. stdin is the lifeline.
 *
 * It first closes every descriptor above 2: whatever the action inherited without close-on-exec
 * (from the runner, or whoever started it) is inherited by every process it spawns, and a guest
 * reads a descriptor by number without any path check (Node's permission model checks paths). As
 * root and in a user namespace nothing else closes them (sudo does: sudo(8), closefrom). bash,
 * because `exec {n}<&-` closes any descriptor number (dash only 0-9); /proc here is still the
 * action's, where /proc/self is this shell.
 */
const INIT_SCRIPT = `set -eu
for fd in /proc/self/fd/*; do
  fd=\${fd##*/}
  if [ "$fd" -gt 2 ] && [ -e "/proc/self/fd/$fd" ]; then exec {fd}<&-; fi
done
R=$1 control=$2 grace=$3 user=$4 nproc=$5
shift 5
mount -t tmpfs -o mode=0755,size=1m,nosuid,nodev c2w-smoke-root "$R"
mkdir "$R/tmp" "$R/dev" "$R/proc" "$R/.old"
mount -t tmpfs -o mode=1777,size=64m,nosuid,nodev c2w-smoke-tmp "$R/tmp"
bind() {
  [ -e "$R$1" ] && return 0
  if [ -d "$1" ]; then mkdir -p "$R$1"; else mkdir -p "$R\${1%/*}" && : > "$R$1"; fi
  mount --bind -o ro,nosuid,nodev "$1" "$R$1"
}
for p in /usr /bin /sbin /lib /lib64 /lib32 /libx32 /etc/ld.so.cache; do
  if [ -L "$p" ]; then ln -s "$(readlink "$p")" "$R$p"; elif [ -e "$p" ]; then bind "$p"; fi
done
while [ "$1" != -- ]; do bind "$1"; shift; done
shift
for d in null zero full random urandom; do : > "$R/dev/$d"; mount --bind "/dev/$d" "$R/dev/$d"; done
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mkfifo -m 0600 "$R/.stdin"
exec 3>"$control" 5<>"$R/.stdin" 6<&0
cd "$R"
pivot_root . .old
umount -l /.old
rmdir /.old
mount -o remount,ro,bind /
cd /
if [ -n "$user" ]; then
  (ulimit -u "$nproc" && exec setpriv --reuid="$user" --regid="$user" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@") 0<&5 5<&- 6<&- &
else
  setpriv --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@" 0<&5 5<&- 6<&- &
fi
child=$!
exec 3>&- 5<&-
( cat <&6 >/dev/null; kill -TERM -1 2>/dev/null; sleep "$grace"; kill -KILL -1 2>/dev/null ) &
exec 6<&-
status=0
wait "$child" 2>/dev/null || status=$?
exit "$status"
`;
/**
 * bash reading no file of its own: a non-interactive bash whose stdin is a socket (Node's stdio
 * pipes are socketpairs) runs ~/.bashrc as if sshd had started it, unless --norc; -p ignores
 * BASH_ENV and functions from the environment (bash(1), INVOCATION).
 */
const BASH_PLAIN = ['--norc', '--noprofile', '-p'];
const NAMESPACES = ['--pid', '--fork', '--kill-child', '--mount', '--net', '--ipc', '--uts'];
/**
 * The argv that runs `run.command` inside the boundary made `via`. Pure.
 *
 * As root and in a user namespace, unshare runs under `setpriv --pdeathsig KILL`: the kernel sends
 * it SIGKILL when the thread that spawned it (the action's main thread: libuv forks from the thread
 * that calls spawn) ends, however the action ends (prctl(2), PR_SET_PDEATHSIG). The setting
 * survives the exec of unshare (it is cleared only by an exec or a credential change that alters
 * the effective ids or adds capabilities; making a user namespace one owns does not), and
 * unshare's --kill-child then kills the namespace's init, and with it every process of the namespace
 * (pid_namespaces(7)). The guest cannot stop this: unshare is outside its PID namespace. In a user
 * namespace the lifeline's watcher runs as the guest's own uid, so this is what holds there; through
 * sudo the watcher is root's, out of the guest's reach, and sudo (set-user-ID) would clear the setting.
 */
function confinedArgv(via, run) {
    const unshare = via === 'userns' ? ['unshare', '--user', '--map-root-user', ...NAMESPACES] : ['unshare', ...NAMESPACES];
    const user = via === 'userns' ? '' : String(SANDBOX_UID);
    return [
        ...(via === 'sudo' ? ['sudo', '-n', '--'] : ['setpriv', '--pdeathsig', 'KILL', '--']),
        ...unshare,
        '--',
        'bash',
        ...BASH_PLAIN,
        '-c',
        INIT_SCRIPT,
        'c2w-smoke-init',
        run.rootDir,
        run.control,
        String(Math.max(0, Math.ceil(run.graceSeconds))),
        user,
        String(SANDBOX_NPROC),
        ...run.binds,
        '--',
        ...run.command,
    ];
}
/** The ways worth trying for a process of `euid`, minus the forbidden ones. Pure. */
function candidates(euid, forbid) {
    const no = new Set((forbid ?? '').split(',').map((s) => s.trim()));
    const ways = euid === 0 ? ['root'] : ['sudo', 'userns'];
    return ways.filter((w) => !no.has(w));
}
/** What the probe runs inside: it answers only when the whole setup worked. */
const PROBE_COMMAND = ['sh', '-c', 'test "$(cat /proc/1/comm)" = bash && echo c2w-boundary-ok >&3'];
/** Makes a FIFO (Node has no mkfifo). */
function mkfifo(path) {
    return new Promise((resolve, reject) => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('mkfifo', ['-m', '0600', path], { timeout: 10_000 }, (err) => (err ? reject(err) : resolve())));
}
/** Runs `argv` with stdin closed at once (so the init ends after the command); its stdout, stderr. */
function runProbe(argv) {
    return new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(argv[0], argv.slice(1), { timeout: 15_000, killSignal: 'SIGKILL', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, encoding: 'utf8' }, (err, stdout, stderr) => resolve({ ok: !err, text: `${stdout}${stderr}`.trim() }));
    });
}
/** Tries `via` once: a probe run of the real setup. undefined when it works, else why not. */
async function probe(via) {
    if (via === 'sudo') {
        const sudo = await runProbe(['sudo', '-n', 'true']);
        if (!sudo.ok)
            return `sudo -n is not allowed (${sudo.text.split('\n')[0] || 'no sudo'})`;
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'c2w-boundary-'));
    try {
        const rootDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'root');
        const control = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'control');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(rootDir);
        await mkfifo(control);
        // Held open for reading (and writing, so that neither end's open blocks) while the probe runs.
        const fifo = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(control, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDWR | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
        try {
            const run = await runProbe(confinedArgv(via, { rootDir, control, graceSeconds: 1, binds: [], command: PROBE_COMMAND }));
            if (!run.ok)
                return run.text.split('\n').slice(-2).join(' ') || 'the probe failed';
            const buf = Buffer.alloc(64);
            const { bytesRead } = await fifo.read(buf, 0, 64, null);
            return buf.subarray(0, bytesRead).toString().includes('c2w-boundary-ok') ? undefined : 'the probe did not answer';
        }
        finally {
            await fifo.close();
        }
    }
    catch (e) {
        return e.message;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
let found;
/**
 * The boundary this machine gives the smoke boot: the first way of candidates() whose probe works,
 * found once per process. `none` says why each way failed.
 */
function findBoundary(env = process.env) {
    found ??= (async () => {
        if (process.platform !== 'linux')
            return { kind: 'none', reason: `namespaces need Linux (this is ${process.platform})` };
        const euid = process.geteuid?.() ?? -1;
        const ways = candidates(euid, env[FORBID_ENV]);
        const why = [];
        for (const via of ways) {
            const failed = await probe(via);
            if (failed === undefined)
                return { kind: 'namespaces', via };
            why.push(`${via}: ${failed}`);
        }
        if (ways.length === 0)
            why.push(`every way is forbidden by ${FORBID_ENV}`);
        return { kind: 'none', reason: `no namespaces could be made (${why.join('; ')})` };
    })();
    return found;
}
/** Forgets what findBoundary found (tests). */
function forgetBoundary() {
    found = undefined;
}
/** One line for the log and the summary. */
function describeBoundary(b) {
    if (b.kind === 'none')
        return `no operating-system boundary: ${b.reason}`;
    const how = { root: 'as root', sudo: 'through sudo', userns: 'in a user namespace' }[b.via];
    return `PID, mount and network namespaces made ${how}, no network, read-only binds only`;
}


/***/ }),

/***/ 71800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M0: () => (/* binding */ CappedLog),
/* harmony export */   RJ: () => (/* binding */ CappedText)
/* harmony export */ });
/* unused harmony export logTruncatedNote */
// What the smoke boot does with the guest's output, whatever its size: it keeps a bounded part for
// the report (CappedText) and streams a bounded part to the job log (CappedLog), which waits for a
// slow log reader instead of queueing. A guest that floods its stdout costs neither memory nor log.
const utf8 = (s) => Buffer.byteLength(s, 'utf8');
/** The first `bytes` bytes of `s` (a character cut in two at the end is dropped). */
function headBytes(s, bytes) {
    return Buffer.from(s, 'utf8')
        .subarray(0, Math.max(0, bytes))
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}
/** Keeps the first `cap` bytes of a stream for the report, and a window of its end. */
class CappedText {
    cap;
    window;
    head = '';
    headBytes = 0;
    tail = '';
    truncated = false;
    constructor(cap, window = 64 * 1024) {
        this.cap = cap;
        this.window = window;
    }
    push(chunk) {
        if (!this.truncated) {
            const bytes = utf8(chunk);
            if (this.headBytes + bytes <= this.cap) {
                this.head += chunk;
                this.headBytes += bytes;
                return;
            }
            this.head += headBytes(chunk, this.cap - this.headBytes);
            this.headBytes = this.cap;
            this.truncated = true;
            this.tail = chunk.slice(-this.window);
            return;
        }
        this.tail += chunk;
        if (this.tail.length > 2 * this.window)
            this.tail = this.tail.slice(-this.window);
    }
    /** Everything kept, plus the recent end past the cap (for finding an allocator failure). */
    get searchable() {
        return this.truncated ? `${this.head}\n${this.tail}` : this.head;
    }
    get text() {
        return this.truncated ? `${this.head}\n[… output truncated at ${this.cap} bytes]` : this.head;
    }
}
/** The line CappedLog writes when it stops streaming. */
const logTruncatedNote = (bytes) => `… smoke output truncated in the log after ${bytes} bytes; the rest is not shown\n`;
/**
 * Streams output to a log up to `cap` bytes, then writes logTruncatedNote once and drops the rest.
 * write() returns false while the sink is full: the caller stops reading its source until the
 * callback given to whenDrained() runs (backpressure, so a slow reader of the log does not make the
 * action buffer what the guest prints).
 */
class CappedLog {
    sink;
    cap;
    written = 0;
    closed = false;
    full = false;
    waiting = [];
    constructor(sink, cap) {
        this.sink = sink;
        this.cap = cap;
    }
    get truncated() {
        return this.written >= this.cap;
    }
    /** Writes what fits under the cap; false when the sink asked to wait. */
    write(chunk) {
        if (this.closed || this.written >= this.cap)
            return true;
        const bytes = utf8(chunk);
        let text = chunk;
        if (this.written + bytes >= this.cap) {
            const room = this.cap - this.written;
            text = headBytes(chunk, room);
            text += `${text.endsWith('\n') || text === '' ? '' : '\n'}${logTruncatedNote(this.cap)}`;
            this.written = this.cap;
        }
        else {
            this.written += bytes;
        }
        if (this.sink.write(text))
            return !this.full;
        if (this.full)
            return false;
        this.full = true;
        this.sink.once('drain', () => {
            this.full = false;
            for (const f of this.waiting.splice(0))
                f();
        });
        return false;
    }
    /** Runs `f` once the sink has drained (at once when it is not full, or the log is closed). */
    whenDrained(f) {
        if (!this.full || this.closed)
            f();
        else
            this.waiting.push(f);
    }
    /** Writes nothing more and releases whoever waits for a drain (the sink may never drain). */
    close() {
        this.closed = true;
        for (const f of this.waiting.splice(0))
            f();
    }
}


/***/ }),

/***/ 71667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ bootSmoke)
});

// EXTERNAL MODULE: ./src/smoke/boot.ts + 1 modules
var boot = __webpack_require__(68159);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/limits.ts
var limits = __webpack_require__(18119);
;// CONCATENATED MODULE: ./src/smoke/module-limit.ts
// Before a smoke boot: a wasm module that V8 will not compile is not booted. Node (and Chromium) answer
// one past kV8MaxWasmModuleSize with a CompileError after reading it whole; the user is better served
// by a sentence that names the limit and what still works than by a boot that cannot pass.



/** The wasm modules a boot compiles: the wasi output itself, or a js output's top-level `.wasm` files. */
async function modulesOf(target, path) {
    if (target === 'wasi')
        return [{ name: (0,external_node_path_.basename)(path), size: (await (0,promises_.stat)(path)).size }];
    const out = [];
    for (const e of await (0,promises_.readdir)(path, { withFileTypes: true })) {
        if (e.isFile() && e.name.endsWith('.wasm'))
            out.push({ name: e.name, size: (await (0,promises_.stat)((0,external_node_path_.join)(path, e.name))).size });
    }
    return out;
}
/**
 * Why the output cannot be booted in `runtime` (a module past V8's limit), or undefined. The output
 * is not judged here otherwise: a path that cannot be read is the boot's to report.
 */
async function moduleLimitProblem(target, path, runtime) {
    let modules;
    try {
        modules = await modulesOf(target, path);
    }
    catch {
        return undefined;
    }
    const big = modules.find((m) => m.size > limits/* V8_MODULE_LIMIT */.qu);
    if (!big)
        return undefined;
    const where = runtime === 'node' ? 'Node' : 'Chromium';
    const release = big.size >= limits/* RELEASE_ASSET_LIMIT */.n$
        ? `, not a release asset (GitHub takes files under ${(0,limits/* gib */.$l)(limits/* RELEASE_ASSET_LIMIT */.n$)})`
        : ' and a release asset';
    return (`the module ${big.name} is ${(0,limits/* gib */.$l)(big.size)} (${big.size} bytes), past the largest wasm module V8 compiles ` +
        `(${(0,limits/* gib */.$l)(limits/* V8_MODULE_LIMIT */.qu)}, kV8MaxWasmModuleSize), so ${where} cannot boot it and the smoke boot cannot check it; ` +
        `it was not started. The output itself is not at fault: wasmtime and wasmer run modules of any size, ` +
        `and with smoke: false it is published unbooted (as a workflow artifact${release})`);
}

;// CONCATENATED MODULE: ./src/smoke/runtime.ts
// One smoke boot in the runtime the series asks for: Node (boot.ts) or a browser page (browser/boot.ts).
// The browser side, with puppeteer-core, is loaded only when a browser boot runs. A module past
// what V8 compiles is booted in neither (module-limit.ts).


async function bootSmoke(options) {
    const { runtime, browser, site, ...rest } = options;
    const tooBig = await moduleLimitProblem(rest.target, rest.path, runtime ?? 'node');
    if (tooBig) {
        const what = rest.target === 'wasi' ? 'The module' : 'The js output';
        return {
            result: 'failed',
            seconds: 0,
            stdout: '',
            stderr: '',
            runtime: runtime ?? 'node',
            message: `${what} could not be booted: ${tooBig}.`,
        };
    }
    if (runtime !== 'browser')
        return { ...(await (0,boot/* runSmoke */.Lw)(rest)), runtime: 'node' };
    const { runBrowserSmoke } = await __webpack_require__.e(/* import() */ 499).then(__webpack_require__.bind(__webpack_require__, 74499));
    return runBrowserSmoke({ ...rest, ...(browser ? { browser } : {}), ...(site ? { site } : {}) });
}


/***/ })

};

//# sourceMappingURL=322.index.js.map