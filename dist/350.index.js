export const id = 350;
export const ids = [350];
export const modules = {

/***/ 3350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 2 modules
var exec = __webpack_require__(5260);
;// CONCATENATED MODULE: ./src/exec.ts
// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching @actions/exec (ESM namespaces cannot be spied on).

/** Runs `file` with `args` as an argv array (never through a shell); never throws on a non-zero exit. */
const execRunner = async (file, args, options = {}) => {
    const result = await exec/* getExecOutput */.H(file, args, {
        ignoreReturnCode: true,
        silent: options.echo === false,
        env: options.env,
        cwd: options.cwd,
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

;// CONCATENATED MODULE: ./src/failures.ts
// The failure signatures users hit with c2w (c2w-reference.md section 8), matched against
// the tail of a failed build or boot so the error says what to do.
const SIGNATURES = [
    {
        kind: 'allocator',
        test: (l) => /Assertion failed/.test(l) && /emmalloc|mimalloc|dlmalloc/.test(l),
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
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
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
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
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
    const out = await run(c2w, ['--version'], { echo: false });
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
async function convert(c2w, inputs, dockerfile, extraFlags = [], env) {
    const argv = buildC2wArgv(inputs, dockerfile, extraFlags);
    const outDir = inputs.target === 'js' ? inputs.output : external_node_path_.dirname(inputs.output);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const tail = new Tail();
    const started = performance.now();
    const result = await core/* group */.Os(`c2w ${argv.join(' ')}`, () => run(c2w, argv, { onOutput: (chunk) => tail.push(chunk), ...(env ? { env } : {}) }));
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
    return { path: inputs.output, ...checked, buildSeconds, log };
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
async function listFiles(dir, prefix = '') {
    const entries = await (0,promises_.readdir)(external_node_path_.join(dir, prefix), { withFileTypes: true });
    const files = [];
    for (const e of entries) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory())
            files.push(...(await listFiles(dir, rel)));
        else if (e.isFile())
            files.push(rel);
    }
    return files;
}
/** sha256 of the sorted `<sha256>  <path>` listing: stable for the same files, whatever the order on disk. */
async function hashDirectory(dir) {
    const files = (await listFiles(dir)).sort();
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





// `-sMALLOC=value` and `-s MALLOC=value`, the value optionally quoted.
const MALLOC = /(-s ?MALLOC=)(["']?)([A-Za-z0-9_-]*)\2/g;
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
        const shown = await run(c2w, ['--show-dockerfile'], { echo: false });
        if (shown.exitCode !== 0 || shown.stdout.trim() === '') {
            throw new DockerfileError(`'c2w --show-dockerfile' failed (exit ${shown.exitCode}): ${shown.stderr.trim()}`);
        }
        source = shown.stdout;
    }
    const patch = patchAllocator(source, inputs.allocator);
    if (inputs.allocator !== 'default' && patch.found === 0) {
        throw new DockerfileError(`The Dockerfile (${origin}) has no -sMALLOC= setting, so allocator '${inputs.allocator}' cannot be applied. ` +
            "Use allocator: default, or a Dockerfile whose emscripten flags set -sMALLOC=.");
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
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(patch.text).digest('hex');
    return { path: file, sha256, found: patch.found, changed: patch.changed };
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
    let [, dom, path, t, dig] = m;
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
// Characters the artifact service refuses in a name.
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/\r\n]/;
// Git refuses these in a tag name (git check-ref-format).
const BAD_TAG = /(^[-./])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\.lock$|\/$|\.$|^@$/;
const ASSET_NAME = /^[A-Za-z0-9._+-]+$/;
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
            throw new InputError('cache-ref', "is required with cache: registry (e.g. ghcr.io/org/app:c2w-cache)");
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
    if (artifactName !== undefined && ARTIFACT_NAME_FORBIDDEN.test(artifactName)) {
        throw new InputError('artifact-name', `'${artifactName}' has a character the artifact service refuses (" : < > | * ? \\ / CR LF)`);
    }
    const retentionDays = integer(get, 'retention-days', 1, 90);
    const compressionLevel = integer(get, 'compression-level', 0, 9) ?? DEFAULT_COMPRESSION_LEVEL;
    const releaseTag = get('release-tag').trim() || undefined;
    if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
        throw new InputError('release-tag', `'${releaseTag}' is not a valid git tag name`);
    }
    const releaseCreate = bool(get, 'release-create', true);
    const releaseOverwrite = bool(get, 'release-overwrite', true);
    const assetName = get('asset-name').trim() || undefined;
    if (assetName !== undefined && !ASSET_NAME.test(assetName)) {
        throw new InputError('asset-name', `'${assetName}' may hold only letters, digits, '.', '_', '+', '-'`);
    }
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
/** Default artifact compression; chosen by bench/publish (see bench/RESULTS.md). */
const DEFAULT_COMPRESSION_LEVEL = 6;
/** Reads the inputs from the runner's INPUT_* variables and masks the token. */
function getInputs() {
    const inputs = parseInputs((name) => core/* getInput */.V4(name));
    if (inputs.githubToken)
        core/* setSecret */.Pq(inputs.githubToken);
    return inputs;
}

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
    get(name) {
        return this.rows.find(([n]) => n === name)?.[1];
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
// The main step, in the order a user reads it in the log.








async function main() {
    const report = new Report();
    let failure;
    try {
        const inputs = getInputs();
        const tempDir = external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), `c2w-action-${process.pid}`);
        const c2w = await core/* group */.Os('Install c2w', () => installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }));
        report.set('c2w-version', c2w.version);
        const dockerfile = await core/* group */.Os('Prepare the Dockerfile', () => prepareDockerfile(inputs, c2w.c2w, tempDir));
        report.set('allocator', inputs.allocator);
        const built = await convert(c2w.c2w, inputs, dockerfile.path);
        report.set('wasm-path', built.path);
        report.set('wasm-size', built.size);
        report.set('sha256', built.sha256);
        report.set('build-seconds', built.buildSeconds);
    }
    catch (e) {
        failure = e.message;
        core/* setFailed */.C1(failure);
    }
    await report.write('c2w-action', failure);
}


/***/ })

};

//# sourceMappingURL=350.index.js.map