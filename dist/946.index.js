export const id = 946;
export const ids = [946];
export const modules = {

/***/ 57609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ ALLOCATORS),
/* harmony export */   I: () => (/* binding */ classifyAllocatorFailure)
/* harmony export */ });
// The emscripten allocators a build can be patched to (`-sMALLOC=`), and how a failing one shows in
// what the output prints when it boots: emscripten's allocators abort with their own assertions
// (c2w issue #400), and each signature names the allocator, so the action can say which one to
// try next and the allocator-fallback loop can pick it.
const ALLOCATORS = [
    'emmalloc',
    'dlmalloc',
    'mimalloc',
    'emmalloc-debug',
    'emmalloc-memvalidate',
    'emmalloc-verbose',
    'emmalloc-memvalidate-verbose',
];
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

/***/ 72414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ checkEnvBudget),
/* harmony export */   Yl: () => (/* binding */ packInfo)
/* harmony export */ });
/* unused harmony export C2W_INFO_LIMIT */
// c2w's info: how a converted image is told its command, environment and clock at boot. Its two
// front ends take it in different formats, on purpose, and both are written here side by side:
// - wasi: c2w's WASI front end writes `e: `, `c: `, `env: `, `t: ` lines (one space after the colon)
//   into one fixed 1024-byte buffer in the module's memory, and stops with
//   `too many write (1025 > 1024)failed to prepare env info` when they do not fit; checkEnvBudget
//   predicts that before anything runs.
// - js: the page writes a file, `/pack/info`, into emscripten's file system with `t:`, `c:`, `env:`
//   lines (no space) and no size limit, as c2w's own page does
//   (https://github.com/container2wasm/container2wasm/tree/main/examples/emscripten-simple).
// They differ because the WASI side is a fixed buffer the front end fills, the js side a file.
/** c2w's WASI info buffer: entrypoint, command, env, net, bundle and time share it. */
const C2W_INFO_LIMIT = 1024;
// ---------------------------------------------------------------------------------------------
// wasi: the 1024-byte budget
const utf8 = (s) => Buffer.byteLength(s, 'utf8');
/** Writes c2w's info the way its front end does, counting bytes and stopping at the first overflow. */
class InfoWriter {
    limit;
    pos = 0;
    failedAt;
    constructor(limit) {
        this.limit = limit;
    }
    /** write_info: a block of `len` bytes. */
    block(len) {
        if (this.failedAt !== undefined)
            return false;
        if (this.pos + len > this.limit) {
            this.failedAt = this.pos + len;
            return false;
        }
        this.pos += len;
        return true;
    }
    /** putchar_info, for each byte. */
    bytes(n) {
        for (let i = 0; i < n; i++)
            if (!this.block(1))
                return false;
        return true;
    }
}
function writeEscapedLine(w, prefix, value) {
    if (!w.block(utf8(prefix)))
        return false;
    for (const ch of value) {
        if (ch === '\n') {
            if (!w.block(2))
                return false;
        }
        else if (!w.bytes(utf8(ch)))
            return false;
    }
    return w.bytes(1);
}
function writeArgs(w, args) {
    if (!w.block(3))
        return false; // "c: "
    for (const arg of args) {
        for (const ch of arg) {
            if ((ch === ' ' || ch === '\n') && !w.bytes(1))
                return false;
            if (!w.bytes(utf8(ch)))
                return false;
        }
        if (!w.bytes(1))
            return false; // the separator; the last one becomes the newline
    }
    return true;
}
/** Bytes a list of entries costs on its own, for the message. */
function cost(write) {
    const w = new InfoWriter(Number.MAX_SAFE_INTEGER);
    write(w);
    return w.pos;
}
/**
 * Mirrors c2w's WASI front end: the entrypoint, the command, every environment variable and the
 * time go, in that order, into one 1024-byte buffer. Predicts whether
 * `-no-stdin <command>` with `env` fits, and which inputs overflow it.
 */
function checkEnvBudget(command, env, options = {}) {
    const limit = options.limit ?? C2W_INFO_LIMIT;
    const time = String(Math.floor(options.nowSeconds ?? Date.now() / 1000));
    const entrypoint = options.entrypoint;
    const envLines = env.map((e) => `${e.key}=${e.value}`);
    const commandBytes = (entrypoint !== undefined ? cost((w) => writeEscapedLine(w, 'e: ', entrypoint)) : 0) +
        (command.length > 0 ? cost((w) => writeArgs(w, command)) : 0);
    const envBytes = envLines.reduce((n, line) => n + cost((w) => writeEscapedLine(w, 'env: ', line)), 0);
    const timeBytes = 3 + utf8(time) + 1;
    const bytes = commandBytes + envBytes + timeBytes;
    // The same writes, in the same order, with the real limit: the first one that fails decides
    // c2w's message.
    const w = new InfoWriter(limit);
    let failed;
    if (entrypoint !== undefined && !writeEscapedLine(w, 'e: ', entrypoint))
        failed = 'entrypoint';
    if (!failed && command.length > 0 && !writeArgs(w, command))
        failed = 'entrypoint'; // sic, as c2w
    if (!failed) {
        for (const line of envLines) {
            if (!writeEscapedLine(w, 'env: ', line)) {
                failed = 'env';
                break;
            }
        }
    }
    if (!failed && !writeEscapedLine(w, 't: ', time))
        failed = 'time';
    if (!failed) {
        return { ok: true, bytes, limit, commandBytes, envBytes, timeBytes, overflowing: [] };
    }
    const overflowing = [];
    if (commandBytes + timeBytes > limit)
        overflowing.push('smoke-command');
    if (envBytes > 0)
        overflowing.push('smoke-env');
    if (overflowing.length === 0)
        overflowing.push('smoke-command');
    const c2wMessage = `too many write (${w.failedAt} > ${limit})failed to prepare ${failed} info`;
    const names = overflowing.join(' and ');
    const message = `${names} ${overflowing.length > 1 ? 'do' : 'does'} not fit c2w's ${limit}-byte budget for the ` +
        `command, environment and time: they need ${bytes} bytes (smoke-command ${commandBytes}, ` +
        `smoke-env ${envBytes}, time ${timeBytes}). The module would stop with ` +
        `"${c2wMessage}". Shorten ${names}.`;
    return { ok: false, bytes, limit, commandBytes, envBytes, timeBytes, overflowing, c2wMessage, message };
}
// ---------------------------------------------------------------------------------------------
// js: /pack/info
/** Escapes one `/pack/info` value: a newline as backslash-newline. */
const escapeValue = (v) => v.replace(/\n/g, '\\\n');
/** The `/pack/info` the page writes in preRun: the clock, the command, the environment. */
function packInfo(command, env, nowSeconds) {
    const lines = [`t:${Math.floor(nowSeconds)}`];
    if (command.length > 0) {
        lines.push(`c:${command.map((a) => escapeValue(a.replace(/\\/g, '\\\\').replace(/ /g, '\\ '))).join(' ')}`);
    }
    for (const { key, value } of env)
        lines.push(`env:${escapeValue(`${key}=${value}`)}`);
    return `${lines.join('\n')}\n`;
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

/***/ 71878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ escapeHtml)
/* harmony export */ });
// Text inside the job summary's HTML (core.summary tables take HTML cells).
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}


/***/ }),

/***/ 3942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  lc: () => (/* binding */ bool),
  GP: () => (/* binding */ getInputs),
  yL: () => (/* binding */ oneOf)
});

// UNUSED EXPORTS: DEFAULT_C2W_VERSION, DEFAULT_DOWNLOAD_URL, DEFAULT_SMOKE_COMMAND, DEFAULT_SMOKE_EXPECT, TARGET_ARCHES, lines, parseInputs

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
;// CONCATENATED MODULE: ./src/image-ref.ts
// Docker image reference grammar (distribution/reference), used to reject bad `image`
// inputs before anything is spawned:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]      host := domain-name | IPv4 | "[" IPv6 "]"
//   path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := [_.] | "__" | "-"+
//   tag       := [\w][\w.-]{0,127}
//   digest    := algorithm ":" hex   (sha256, sha384 or sha512: 64, 96 or 128 lower-case hex)
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
/** The digest algorithms go-digest registers in Docker, and their hex lengths. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
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
    // The length limit applies to the repository path as the grammar splits it (the domain does not
    // count), as in distribution/reference's Parse since v0.6.0.
    if (m[2].length > NAME_MAX)
        return `has a repository path longer than ${NAME_MAX} characters`;
    if (dig !== undefined) {
        const [algo, hex] = dig.split(':');
        const length = DIGEST_HEX_LENGTH[algo];
        if (length === undefined) {
            return `has a digest algorithm '${algo}' that Docker does not support (${Object.keys(DIGEST_HEX_LENGTH).join(', ')})`;
        }
        if (!new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
            return `has a bad digest (${algo} needs exactly ${length} lower-case hex characters)`;
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

// EXTERNAL MODULE: ./src/publish.ts + 1 modules
var publish = __webpack_require__(80874);
// EXTERNAL MODULE: ./src/c2w-info.ts
var c2w_info = __webpack_require__(72414);
// EXTERNAL MODULE: ./src/smoke-expect.ts
var smoke_expect = __webpack_require__(39198);
// EXTERNAL MODULE: ./src/allocators.ts
var allocators = __webpack_require__(57609);
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
    const allocator = oneOf(get, 'allocator', [...allocators/* ALLOCATORS */.F, 'default'], 'emmalloc');
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
    try {
        (0,smoke_expect/* compileExpectation */.mU)(expectSource, 'm');
    }
    catch (e) {
        throw new InputError('smoke-expect', e.message);
    }
    const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
    const smokeRuns = integer(get, 'smoke-runs', 1, 20) ?? 1;
    const smokeEnv = keyValues(get, 'smoke-env');
    const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
        if (!allocators/* ALLOCATORS */.F.includes(a)) {
            throw new InputError('allocator-fallback', `lists '${a}'; each line must be one of ${allocators/* ALLOCATORS */.F.join(', ')}`);
        }
        return a;
    });
    const uploadArtifact = bool(get, 'upload-artifact', true);
    const record = bool(get, 'record', true);
    const artifactName = get('artifact-name').trim() || undefined;
    const artifactNameError = artifactName === undefined ? undefined : (0,publish/* validateArtifactName */.YG)(artifactName);
    if (artifactNameError)
        throw new InputError('artifact-name', artifactNameError.replace(/^artifact-name /, ''));
    const retentionDays = integer(get, 'retention-days', 1, 90);
    const compressionLevel = integer(get, 'compression-level', 0, 9) ?? publish/* DEFAULT_COMPRESSION_LEVEL */.Wv;
    const releaseTag = get('release-tag').trim() || undefined;
    if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
        throw new InputError('release-tag', `'${releaseTag}' is not a valid git tag name`);
    }
    const releaseCreate = bool(get, 'release-create', true);
    const releaseOverwrite = bool(get, 'release-overwrite', true);
    const assetName = get('asset-name').trim() || undefined;
    const assetNameError = assetName === undefined ? undefined : (0,publish/* validateAssetName */.EA)(assetName);
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
        smokeRuns,
        smokeEnv,
        allocatorFallback,
        uploadArtifact,
        record,
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
        const budget = (0,c2w_info/* checkEnvBudget */.Fd)(inputs.smokeCommand, inputs.smokeEnv);
        if (!budget.ok)
            throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
    }
    return inputs;
}


/***/ }),

/***/ 7729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ Outputs)
/* harmony export */ });
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
    Outputs["SmokeSecondsMax"] = "smoke-seconds-max";
    Outputs["SmokePeakRss"] = "smoke-peak-rss";
    Outputs["SmokeOutput"] = "smoke-output";
    Outputs["ArtifactId"] = "artifact-id";
    Outputs["ArtifactUrl"] = "artifact-url";
    Outputs["ArtifactDigest"] = "artifact-digest";
    Outputs["ReleaseId"] = "release-id";
    Outputs["ReleaseAssetUrl"] = "release-asset-url";
    Outputs["ReleaseChecksumUrl"] = "release-checksum-url";
})(Outputs || (Outputs = {}));


/***/ }),

/***/ 80874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wv: () => (/* binding */ DEFAULT_COMPRESSION_LEVEL),
  Vb: () => (/* binding */ defaultArtifactName),
  Hd: () => (/* binding */ defaultAssetName),
  mk: () => (/* binding */ publish),
  YG: () => (/* binding */ validateArtifactName),
  EA: () => (/* binding */ validateAssetName)
});

// UNUSED EXPORTS: OUTPUT_NAMES, artifactFiles, artifactUrl, assetExtension, isGhes, safeImagePart

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/outputs.ts
var outputs = __webpack_require__(7729);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/hash.ts
var hash = __webpack_require__(56495);
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
        const sha256 = await (0,hash/* sha256File */.Q)(file);
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
    await (0,promises_.pipeline)(external_node_stream_.Readable.from(tar()), external_node_zlib_.createGzip({ level: 9 }), external_node_fs_.createWriteStream(outFile));
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
    artifactId: outputs/* Outputs */.t.ArtifactId,
    artifactUrl: outputs/* Outputs */.t.ArtifactUrl,
    artifactDigest: outputs/* Outputs */.t.ArtifactDigest,
    releaseId: outputs/* Outputs */.t.ReleaseId,
    releaseAssetUrl: outputs/* Outputs */.t.ReleaseAssetUrl,
    releaseChecksumUrl: outputs/* Outputs */.t.ReleaseChecksumUrl,
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


/***/ }),

/***/ 94846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   IP: () => (/* binding */ ClassifiedError),
/* harmony export */   Sm: () => (/* binding */ RECORD_ARTIFACT_PREFIX),
/* harmony export */   g5: () => (/* binding */ failureOf),
/* harmony export */   kA: () => (/* binding */ buildRecord),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE)
/* harmony export */ });
/* unused harmony exports RECORD_SCHEMA, RecordError */
const RECORD_SCHEMA = 'c2w-action/record/v1';
const RECORD_ARTIFACT_PREFIX = 'c2w-record-';
/** The record's file inside its artifact. */
const RECORD_FILE = 'c2w-record.json';
class RecordError extends Error {
    name = 'RecordError';
}
/** Reads a record from JSON, checking the schema and the fields the report needs. */
function parseRecord(text, origin) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new RecordError(`${origin} is not JSON: ${e.message}`);
    }
    const r = data;
    if (!r || typeof r !== 'object')
        throw new RecordError(`${origin} is not a record object`);
    if (r.schema !== RECORD_SCHEMA) {
        throw new RecordError(`${origin} has schema ${JSON.stringify(r.schema)}; this report reads ${RECORD_SCHEMA}`);
    }
    for (const key of ['cell', 'image', 'target', 'targetArch', 'allocator', 'result', 'stage']) {
        if (typeof r[key] !== 'string')
            throw new RecordError(`${origin} has no ${key}`);
    }
    if (r.result !== 'passed' && r.result !== 'failed')
        throw new RecordError(`${origin} has result ${r.result}`);
    return {
        ...r,
        rejected: r.rejected ?? [],
        figures: r.figures ?? {},
        runner: r.runner ?? { os: '', arch: '' },
    };
}
/** An error that knows its failure class and the line that showed it (e.g. a failed smoke boot). */
class ClassifiedError extends Error {
    failureClass;
    line;
    name = 'ClassifiedError';
    constructor(message, failureClass, line) {
        super(message);
        this.failureClass = failureClass;
        this.line = line;
    }
}
/**
 * The failure class and line of an error: its own when it carries them, else the first known
 * failure signature in its message (`classify`), else `<stage>-error`.
 */
function failureOf(stage, error, classify) {
    const message = error.message.length > 2000 ? `${error.message.slice(0, 2000)}…` : error.message;
    if (error instanceof ClassifiedError) {
        return { class: error.failureClass, ...(error.line ? { line: error.line } : {}), message };
    }
    const hint = classify(error.message);
    if (hint)
        return { class: hint.kind, line: hint.line, message };
    return { class: `${stage}-error`, message };
}
function buildRecord(cell, inputs, progress, failure, runner) {
    return {
        schema: RECORD_SCHEMA,
        cell,
        image: inputs.image,
        target: inputs.target,
        targetArch: inputs.targetArch,
        allocator: inputs.allocator,
        ...(progress.allocatorUsed ? { allocatorUsed: progress.allocatorUsed } : {}),
        rejected: progress.rejected,
        result: failure ? 'failed' : 'passed',
        stage: failure ? progress.stage : 'done',
        ...(failure ? { failure } : {}),
        figures: progress.figures,
        ...(progress.release ? { release: progress.release } : {}),
        runner,
    };
}


/***/ }),

/***/ 39198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ StreamMatcher),
/* harmony export */   mU: () => (/* binding */ compileExpectation)
/* harmony export */ });
/* unused harmony exports MATCH_OVERLAP, ExpectationError, findNonEmpty */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
// smoke-expect: the pattern a smoke boot's stdout must match, and the matching itself.
//
// Matching runs on RE2's engine (re2js, a pure-JS port of RE2), whose time is linear in the text
// searched: no pattern can make a match run long enough to hold up smoke-timeout, as a backtracking
// engine can (`^(a+)+$` against 32 `a`s and a `b` takes minutes in JavaScript's own RegExp).
// RE2 has no backreferences or lookaround; a pattern that needs them is refused as an input.
//
// The rules a user relies on (action.yml and the README say the same):
// - a match must be at least one character of what the module printed, so a pattern that matches
//   the empty string (`x*`, `^$`) is refused as an input, and nothing passes a module that printed
//   nothing;
// - the output is searched as it arrives, each part once, with MATCH_OVERLAP characters of what came
//   before it: a match is found wherever it is, as long as it is no longer than that.

/** Characters of earlier output a match may reach back into (a match longer than this can be missed). */
const MATCH_OVERLAP = 16 * 1024;
class ExpectationError extends Error {
    name = 'ExpectationError';
}
/** RE2 flags for the JavaScript flags the pattern was written with (`m`, `i`, `s`). */
function re2Flags(flags) {
    let f = 0;
    if (flags.includes('m'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.MULTILINE;
    if (flags.includes('i'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE;
    if (flags.includes('s'))
        f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.DOTALL;
    return f;
}
/**
 * Compiles `source` with RE2. Throws ExpectationError with the bare reason when RE2 cannot handle
 * it or when it matches the empty string.
 */
function compileExpectation(source, flags = 'm') {
    let re;
    try {
        re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source, re2Flags(flags));
    }
    catch (e) {
        throw new ExpectationError(`is not a regular expression the smoke boot can match in linear time (RE2 syntax: no ` +
            `backreferences, no lookaround): ${e.message}`);
    }
    if (re.matcher('').find()) {
        throw new ExpectationError(`matches the empty string, so it would pass a module that printed nothing; write a pattern ` +
            `that needs at least one character (e.g. ^c2w-smoke-ok\\s*$)`);
    }
    return re;
}
/** The first non-empty match of `re` in `text` that starts at or after `from`, as [start, end). */
function findNonEmpty(re, text, from = 0) {
    const m = re.matcher(text);
    for (let at = from; at <= text.length;) {
        if (!m.find(at))
            return undefined;
        const start = m.start();
        const end = m.end();
        if (end > start)
            return [start, end];
        at = start + 1;
    }
    return undefined;
}
/**
 * Searches a stream for the expectation as it arrives: each push searches only the new text and the
 * MATCH_OVERLAP characters before it, and keeps no more than about twice that.
 */
class StreamMatcher {
    re;
    overlap;
    recent = '';
    matched;
    constructor(re, overlap = MATCH_OVERLAP) {
        this.re = re;
        this.overlap = overlap;
    }
    /** Adds output; true once the expectation has matched (it stays true). */
    push(chunk) {
        if (this.matched !== undefined)
            return true;
        const from = Math.max(0, this.recent.length - this.overlap);
        // A terminal ends lines with \r\n (a js output prints through a pty), and RE2's `$` matches
        // only before \n: the matcher sees \n alone, so `^ready$` matches `ready\r\n` as JavaScript's
        // RegExp did. A \r at the end of a part waits for the next one.
        this.recent = `${this.recent}${chunk}`.replace(/\r\n/g, '\n');
        const found = findNonEmpty(this.re, this.recent, from);
        if (found) {
            this.matched = this.recent.slice(found[0], found[1]);
            this.recent = '';
            return true;
        }
        // Keep one character more than the overlap: `^` and `\b` look at the character before.
        if (this.recent.length > 2 * this.overlap)
            this.recent = this.recent.slice(-(this.overlap + 1));
        return false;
    }
}


/***/ })

};

//# sourceMappingURL=946.index.js.map