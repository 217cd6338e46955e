export const id = 243;
export const ids = [243];
export const modules = {

/***/ 4243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliMain: () => (/* binding */ cliMain)
});

// UNUSED EXPORTS: EXIT

// EXTERNAL MODULE: ./src/c2w/convert.ts + 1 modules
var convert = __webpack_require__(53044);
// EXTERNAL MODULE: ./src/c2w/failures.ts
var failures = __webpack_require__(48163);
// EXTERNAL MODULE: ./src/pipeline/attempt.ts + 6 modules
var attempt = __webpack_require__(38857);
// EXTERNAL MODULE: ./src/record/record.ts + 1 modules
var record = __webpack_require__(61918);
// EXTERNAL MODULE: ./src/types/errors.ts
var errors = __webpack_require__(54218);
// EXTERNAL MODULE: ./src/types/result.ts
var types_result = __webpack_require__(88020);
// EXTERNAL MODULE: ./src/buildx/plain-log.ts
var plain_log = __webpack_require__(39691);
;// CONCATENATED MODULE: ./src/buildx/progress.ts
// Follows BuildKit's plain progress output (read by plain-log.ts) to say which step runs: a
// Dockerfile step's name starts with `[<stage> <i>/<n>]` (or `[<i>/<n>]` in a file of one unnamed
// stage). Stages are announced as they start, so the total is the steps of the stages seen so far.

const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/;
class BuildProgress {
    steps = new Map();
    stageCounts = new Map();
    /** Reads one line; true when what the live line shows changed. */
    feed(line, nowMs) {
        // #0 is buildx's banner (`#0 building with "default" instance using docker driver`), never ended.
        const parsed = (0,plain_log/* parsePlainLine */.u)(line);
        if (parsed === undefined)
            return false;
        const { vertex, text } = parsed;
        const known = this.steps.get(vertex);
        if (known) {
            if (!known.ended && parsed.kind === 'end') {
                known.ended = true;
                return true;
            }
            return false;
        }
        // The first line of a vertex is its name; a line with a timestamp or a status is its log.
        if (parsed.kind !== 'text')
            return false;
        const s = STEP.exec(text);
        const step = { vertex, name: text, startedMs: nowMs, ended: false };
        if (s) {
            step.stage = s[1] ?? '';
            step.index = Number(s[2]);
            step.count = Number(s[3]);
            this.stageCounts.set(step.stage, Math.max(this.stageCounts.get(step.stage) ?? 0, step.count));
        }
        this.steps.set(vertex, step);
        return true;
    }
    view() {
        let started = 0;
        let current;
        for (const step of this.steps.values()) {
            if (step.index !== undefined)
                started++;
            if (!step.ended && (current === undefined || step.startedMs >= current.startedMs))
                current = step;
        }
        let total = 0;
        for (const n of this.stageCounts.values())
            total += n;
        return { started, total, ...(current ? { current } : {}) };
    }
}
/** `3m05s`, `42s`. */
function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
/** The live line: `step 3 of 7 · [toolchain 2/2] RUN … · 12s`, cut to `width` characters. Pure. */
function progressLine(view, nowMs, width = 120) {
    const parts = [];
    if (view.total > 0)
        parts.push(`step ${view.started} of ${view.total}`);
    if (view.current) {
        parts.push(view.current.name.replace(/\s+/g, ' '));
        parts.push(duration(nowMs - view.current.startedMs));
    }
    const line = parts.join(' · ') || 'starting';
    if (line.length <= width)
        return line;
    // Keep the elapsed time at the end; shorten the step's name.
    const tail = view.current ? ` · ${duration(nowMs - view.current.startedMs)}` : '';
    return `${line.slice(0, Math.max(0, width - tail.length - 1))}…${tail}`;
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
;// CONCATENATED MODULE: ./src/cli/console.ts
// What a person at a terminal sees: the command's Log (lib/log.ts). The stages write through it
// and it shows them humanly: a stage module's group is a line under the command's own stage
// heading, a warning a `warning:` line, debug and command echoes only with --verbose, and a child's
// output the action does not control (the build log) one live line with the BuildKit step (on a
// terminal; one line per step otherwise). `--verbose` shows the raw log instead.


class Console {
    options;
    write;
    liveText;
    lastPlain;
    region;
    pending = '';
    decoder = new TextDecoder();
    constructor(options) {
        this.options = options;
        const stream = options.stream;
        const original = stream.write.bind(stream);
        // The command has no runner to mask its log: the secrets it holds are removed here (lib/redact.ts).
        this.write = (text) => void original((0,redact/* redact */.E$)(text));
    }
    release() {
        this.flushOutput();
        this.endRegion();
    }
    stage(title) {
        this.print(`==> ${title}`);
    }
    info(text) {
        for (const l of text.split('\n'))
            this.print(`    ${l}`);
    }
    warning(text) {
        for (const l of text.split('\n'))
            this.print(`warning: ${l}`);
    }
    error(text) {
        for (const l of text.split('\n'))
            this.print(`error: ${l}`);
    }
    notice(text) {
        this.info(`note: ${text}`);
    }
    debug(text) {
        if (this.options.verbose)
            this.info(`debug: ${text}`);
    }
    /** The command announces its own stages; a stage module's group (the c2w command line) is a line under it. */
    async group(title, work) {
        this.info(title);
        return work();
    }
    command(line) {
        if (this.options.verbose)
            this.info(`$ ${line}`);
    }
    output(chunk) {
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
        let nl;
        while ((nl = this.pending.indexOf('\n')) >= 0) {
            const line = this.pending.slice(0, nl).replace(/\r$/, '');
            this.pending = this.pending.slice(nl + 1);
            this.outputLine(line);
        }
    }
    async untrusted(work) {
        this.region = { progress: new BuildProgress() };
        if (!this.options.verbose && this.options.live) {
            this.region.timer = setInterval(() => this.showProgress(), 1000);
            this.region.timer.unref();
        }
        try {
            return await work();
        }
        finally {
            this.flushOutput();
            this.endRegion();
        }
    }
    /** A line of the stream as it is (the summary). */
    print(line) {
        this.clearLive();
        this.write(`${line}\n`);
        this.drawLive();
    }
    /** Output of a child shown as it is (--verbose). */
    passthrough(chunk) {
        this.clearLive();
        this.write(chunk);
        this.drawLive();
    }
    flushOutput() {
        if (this.pending)
            this.output('\n');
    }
    outputLine(line) {
        if (this.region) {
            if (this.options.verbose)
                this.print(line);
            else if (this.region.progress.feed(line, Date.now()))
                this.showProgress();
            return;
        }
        if (line.trim() !== '')
            this.info(line);
    }
    showProgress() {
        if (!this.region)
            return;
        const view = this.region.progress.view();
        if (this.options.live) {
            const width = (this.options.stream.columns || 100) - 5;
            this.liveText = `    ${progressLine(view, Date.now(), width)}`;
            this.drawLive();
            return;
        }
        // Not a terminal: one line when another Dockerfile step starts.
        const current = view.current;
        if (current?.index === undefined || view.total === 0)
            return;
        const text = `step ${view.started} of ${view.total} · ${current.name.replace(/\s+/g, ' ')}`;
        const cut = text.length > 160 ? `${text.slice(0, 159)}…` : text;
        if (cut !== this.lastPlain) {
            this.lastPlain = cut;
            this.info(cut);
        }
    }
    endRegion() {
        if (!this.region)
            return;
        clearInterval(this.region.timer);
        this.region = undefined;
        this.clearLive();
        this.liveText = undefined;
    }
    clearLive() {
        if (this.liveText !== undefined && this.options.live)
            this.write('\r\x1b[2K');
    }
    drawLive() {
        if (this.liveText !== undefined && this.options.live)
            this.write(`\r\x1b[2K${this.liveText}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/buildx/builder.ts
var buildx_builder = __webpack_require__(61747);
// EXTERNAL MODULE: ./src/c2w/install.ts + 2 modules
var install = __webpack_require__(56611);
// EXTERNAL MODULE: ./src/lib/log.ts
var log = __webpack_require__(61025);
// EXTERNAL MODULE: ./src/cache/oci-split.ts
var oci_split = __webpack_require__(62482);
// EXTERNAL MODULE: ./src/lib/files.ts
var files = __webpack_require__(10228);
;// CONCATENATED MODULE: ./src/cache/folder-store.ts
// The build cache on this machine: a folder of cache entries, one per key, kept the way the Actions
// cache keeps them for `cache: local`: the entry every allocator shares and each allocator's own
// (layers.ts splits and merges them, for both homes). Restore picks the entry of the primary key
// or else the newest entry whose key starts with a restore key (most specific first), as
// actions/cache matches restore keys. A build imports from a merged copy and exports to a folder
// of its own, saved only after a good build, so an interrupted or failed build leaves the entries
// as they were. Like the Actions cache, the folder has a budget (10 GiB, GitHub's default cache
// size per repository): after a save the oldest entries go until the rest fits.






/** Work folders of a run: `.export-<pid>-<random>[-…]`, so a later run can tell whether its writer still lives. */
const EXPORT = /^\.export-(\d+)-[0-9a-f]+(?:-.*)?$/;
/**
 * The entry to restore: the primary key's, else the newest whose key starts with the first restore
 * key that matches any. Pure.
 */
function matchEntry(entries, keys) {
    if (entries.some((e) => e.key === keys.primary))
        return keys.primary;
    for (const prefix of keys.restore) {
        const found = entries.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
        if (found)
            return found.key;
    }
    return undefined;
}
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** The complete entries of the folder (a buildx local cache has index.json); removes dead runs' exports. */
async function listEntries(root) {
    await (0,promises_.mkdir)(root, { recursive: true });
    const entries = [];
    for (const name of await (0,promises_.readdir)(root)) {
        const m = EXPORT.exec(name);
        if (m) {
            if (!alive(Number(m[1])))
                await (0,promises_.rm)(external_node_path_.join(root, name), { recursive: true, force: true });
            continue;
        }
        if (name.startsWith('.'))
            continue;
        try {
            await (0,promises_.stat)(external_node_path_.join(root, name, 'index.json'));
            entries.push({ key: name, mtimeMs: (await (0,promises_.stat)(external_node_path_.join(root, name))).mtimeMs });
        }
        catch {
            // not a complete buildx cache
        }
    }
    return entries;
}
/**
 * The folder as a home for cache entries, as the Actions cache is one for `cache: local` in a
 * workflow: restoreLayers and saveLayers (layers.ts) split and merge the same shared and allocator
 * entries through either. An entry is saved by linking it into an export folder and renaming that
 * into place, so a reader never sees half an entry; after a save the oldest entries go until the
 * folder fits its budget.
 */
class FolderStore {
    root;
    budget;
    constructor(root, budget = CACHE_BUDGET_BYTES) {
        this.root = root;
        this.budget = budget;
    }
    get where() {
        return `the cache folder ${this.root}`;
    }
    async unavailable() {
        try {
            await (0,promises_.mkdir)(this.root, { recursive: true });
            return undefined;
        }
        catch (e) {
            return `The cache folder ${this.root} cannot be used (${e.message}); building without a cache.`;
        }
    }
    async restore(dir, primary, restore) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        const key = matchEntry(await listEntries(this.root), { primary, restore });
        if (key === undefined)
            return undefined;
        const entry = external_node_path_.join(this.root, key);
        await (0,oci_split/* writeSubset */.Uw)(entry, dir, [...(await (0,oci_split/* listBlobs */.t3)(entry)).keys()]);
        return key;
    }
    async save(dir, key) {
        const entry = external_node_path_.join(this.root, key);
        const staged = external_node_path_.join(this.root, `.export-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
        try {
            await (0,oci_split/* writeSubset */.Uw)(dir, staged, [...(await (0,oci_split/* listBlobs */.t3)(dir)).keys()]);
            await (0,promises_.rm)(entry, { recursive: true, force: true });
            await (0,promises_.rename)(staged, entry);
        }
        finally {
            await (0,promises_.rm)(staged, { recursive: true, force: true });
        }
        const evicted = await evict(this.root, key, this.budget);
        if (evicted.keys.length > 0) {
            log/* log */.Rm.info(`Removed the ${evicted.keys.length} oldest cache entr${evicted.keys.length === 1 ? 'y' : 'ies'} (${evicted.bytes} bytes) to keep ${this.root} within ${this.budget} bytes.`);
        }
        return true;
    }
}
/** GitHub's default cache budget per repository; the folder keeps to it. */
const CACHE_BUDGET_BYTES = 10 * 1024 ** 3;
/** The keys to remove, oldest first, until the rest fits `budget`; never `keep`. Pure. */
function toEvict(entries, keep, budget) {
    let total = entries.reduce((n, e) => n + e.size, 0);
    const evicted = [];
    for (const e of [...entries].sort((a, b) => a.mtimeMs - b.mtimeMs)) {
        if (total <= budget)
            break;
        if (e.key === keep)
            continue;
        evicted.push(e.key);
        total -= e.size;
    }
    return evicted;
}
/** Removes the oldest entries beyond the budget; returns their keys and bytes. */
async function evict(root, keep, budget = CACHE_BUDGET_BYTES) {
    const sized = [];
    for (const e of await listEntries(root))
        sized.push({ ...e, size: await (0,files/* dirSize */.tE)(external_node_path_.join(root, e.key)) });
    const keys = toEvict(sized, keep, budget);
    for (const key of keys)
        await (0,promises_.rm)(external_node_path_.join(root, key), { recursive: true, force: true });
    return { keys, bytes: sized.filter((e) => keys.includes(e.key)).reduce((n, e) => n + e.size, 0) };
}

// EXTERNAL MODULE: ./src/cache/layers.ts
var cache_layers = __webpack_require__(66542);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(10766);
// EXTERNAL MODULE: ./src/pipeline/convert-image.ts + 8 modules
var convert_image = __webpack_require__(7046);
// EXTERNAL MODULE: ./src/site/folder.ts
var folder = __webpack_require__(68763);
;// CONCATENATED MODULE: ./src/cli/paths.ts
// Where the command keeps what the runner keeps on GitHub: the user's cache directory (the XDG Base
// Directory spec: $XDG_CACHE_HOME, else ~/.cache) holds the build cache folder and the installed c2w
// releases (the tool cache's layout), so a second run on the same machine reuses both.


/** `<XDG_CACHE_HOME or ~/.cache>/c2w-action`. */
function cacheHome(env = process.env, home = external_node_os_.homedir()) {
    const xdg = env.XDG_CACHE_HOME;
    // The spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
    const base = xdg && external_node_path_.isAbsolute(xdg) ? xdg : external_node_path_.join(home, '.cache');
    return external_node_path_.join(base, 'c2w-action');
}
/** The default build cache folder (`--cache-dir`). */
function defaultBuildCacheDir(env = process.env, home = external_node_os_.homedir()) {
    return external_node_path_.join(cacheHome(env, home), 'buildx-cache');
}
/** The installed c2w releases, in the tool cache's layout (c2w/install.ts is given this folder). */
function toolCacheDir(env = process.env, home = external_node_os_.homedir()) {
    return external_node_path_.join(cacheHome(env, home), 'tools');
}

;// CONCATENATED MODULE: ./src/cli/convert-command.ts
// `c2w-action convert`: the action's pipeline on this machine (pipeline/convert-image.ts, the same
// code the action runs): install c2w (or --c2w) → the builder → per allocator of the fallback
// order: the Dockerfile with the allocator → the build cache → the conversion → the smoke boot.
// The build cache's home is a folder (cache/folder-store.ts), split into the entry every allocator
// shares and each allocator's own, as `cache: local` is in a workflow; a good build's export is
// saved at once. Publishing is not part of the command.












async function convertCommand(inputs, options, sink, result) {
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'c2w-action-'));
    // The merged cache a build imports from and exports to lives beside the entries (same file
    // system: entries are hard-linked, not copied), under a name the folder's listing skips and a
    // later run removes once this process is gone.
    const work = external_node_path_.join(options.cacheDir, `.export-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    let builder;
    try {
        const c2w = await sink.section('Install c2w', () => options.c2w
            ? givenC2w(options.c2w, sink)
            : (0,install/* installC2w */.C$)({
                version: inputs.c2wVersion,
                downloadUrl: inputs.c2wDownloadUrl,
                token: process.env.GITHUB_TOKEN ?? '',
                toolCache: toolCacheDir(),
                temp,
            }));
        result.build.c2wVersion = c2w.version;
        sink.checkpoint();
        builder =
            inputs.cache !== 'none' || inputs.builder
                ? await sink.section('Choose the builder', () => (0,buildx_builder/* chooseBuilder */.Z7)(inputs, 'cli'))
                : await (0,buildx_builder/* chooseBuilder */.Z7)(inputs, 'cli');
        sink.checkpoint();
        await (0,convert_image/* convertImage */.h)(inputs, { c2w, builder, home: folderHome(options.cacheDir, work), workDir: temp, siteRoot: (0,folder/* currentDirRoot */.tS)() }, sink, result);
    }
    finally {
        if (builder?.created && builder.name)
            await (0,buildx_builder/* removeBuilder */.iq)(builder.name);
        await (0,promises_.rm)(temp, { recursive: true, force: true });
        await removeWork(work);
    }
}
/** The cache folder, saved right after a good build (there is no post step). */
function folderHome(root, work) {
    const store = new FolderStore(root);
    return {
        store,
        runner: { os: external_node_os_.platform(), arch: external_node_os_.arch() },
        dir: () => work,
        save: (plan) => (0,cache_layers/* saveLayers */.o)(plan, store),
    };
}
async function removeWork(work) {
    const dirs = (0,cache_layers/* entryDirs */.l1)(work);
    await Promise.all([work, dirs.shared, dirs.allocator].map((d) => (0,promises_.rm)(d, { recursive: true, force: true })));
    // A build's export folder (`<work>-new-…`) is removed by the next run's listing once this process is gone.
    const base = external_node_path_.basename(work);
    for (const name of await (0,promises_.readdir)(external_node_path_.dirname(work)).catch(() => [])) {
        if (name.startsWith(`${base}-`))
            await (0,promises_.rm)(external_node_path_.join(external_node_path_.dirname(work), name), { recursive: true, force: true });
    }
}
/** `--c2w PATH`: that binary, its version as it reports it. */
async function givenC2w(file, sink) {
    const c2w = external_node_path_.resolve(file);
    const shown = await (0,exec/* run */.eF)(c2w, ['--version'], { echo: false });
    // c2w prints `c2w version v0.8.4`.
    const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(shown.stdout)?.[0] ?? 'unknown';
    sink.info(`Using ${c2w} (${version}).`);
    return { c2w, version, cached: true };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/cli/flags.ts
// The command's flags and how they map onto the action's inputs. Every input of action.yml is
// either a flag here (named like the input, so `parseInputs` validates it and its message can name
// the flag) or listed in GITHUB_ONLY with the reason it has no meaning outside a workflow; a unit
// test holds this table to action.yml.

/** The flags of `convert` (and, where `smoke` is set, of `smoke`), in --help order. */
const FLAGS = [
    {
        flag: 'allocator',
        input: 'allocator',
        kind: 'string',
        arg: 'NAME',
        help: 'emscripten allocator (-sMALLOC=); default emmalloc',
        smoke: true,
    },
    {
        flag: 'target',
        input: 'target',
        kind: 'string',
        arg: 'wasi|js',
        help: 'wasi (one .wasm) or js (a directory); default wasi',
        smoke: true,
    },
    {
        flag: 'target-arch',
        input: 'target-arch',
        kind: 'string',
        arg: 'ARCH',
        help: 'architecture of the source image; default amd64',
    },
    {
        flag: 'output',
        input: 'output',
        kind: 'string',
        arg: 'PATH',
        help: 'where to write the result; default out.wasm (wasi) or out/ (js)',
    },
    {
        flag: 'c2w-version',
        input: 'c2w-version',
        kind: 'string',
        arg: 'TAG',
        help: 'c2w release (v0.8.4), latest, or system (the c2w on PATH)',
    },
    {
        flag: 'c2w-download-url',
        input: 'c2w-download-url',
        kind: 'string',
        arg: 'URL',
        help: 'base URL of c2w release downloads (a mirror)',
    },
    {
        flag: 'dockerfile',
        input: 'dockerfile',
        kind: 'string',
        arg: 'FILE',
        help: "a Dockerfile to build with instead of c2w's own",
    },
    { flag: 'build-arg', input: 'build-args', kind: 'list', arg: 'K=V', help: 'a build argument for c2w (repeatable)' },
    { flag: 'debug-image', input: 'debug-image', kind: 'true', help: 'build a debug image (c2w --debug-image)' },
    {
        flag: 'cache',
        input: 'cache',
        kind: 'string',
        arg: 'MODE',
        help: 'local (the folder --cache-dir), registry (at --cache-ref) or none',
    },
    {
        flag: 'cache-ref',
        input: 'cache-ref',
        kind: 'string',
        arg: 'REF',
        help: 'registry reference for --cache registry',
    },
    {
        flag: 'cache-key',
        input: 'cache-key',
        kind: 'string',
        arg: 'PREFIX',
        help: 'prefix of the cache key; change it to start over',
    },
    { flag: 'builder', input: 'builder', kind: 'string', arg: 'NAME', help: 'an existing buildx builder to use' },
    {
        flag: 'no-cache-save',
        input: 'cache-save',
        kind: 'false',
        help: 'import the cache but never write it (no export, the cache folder or registry left as it is)',
    },
    {
        flag: 'build-retries',
        input: 'build-retries',
        kind: 'string',
        arg: 'N',
        help: 'runs again after transient network trouble (0-10); default 2',
    },
    {
        flag: 'toolchain-cache',
        input: 'toolchain-cache',
        kind: 'string',
        arg: 'REPO',
        help: 'read the published toolchain cache from this registry repository on a miss (or none)',
    },
    {
        flag: 'toolchain-cache-push',
        input: 'toolchain-cache-push',
        kind: 'true',
        help: 'publish the toolchain cache to --toolchain-cache after a passing boot',
    },
    {
        flag: 'env-passthrough',
        input: 'env-passthrough',
        kind: 'list',
        arg: 'NAME',
        help: 'a variable docker, buildx and c2w also get (repeatable)',
    },
    { flag: 'no-smoke', input: 'smoke', kind: 'false', help: 'do not boot the output after the conversion' },
    {
        flag: 'smoke-command',
        input: 'smoke-command',
        kind: 'list',
        arg: 'ARG',
        help: 'one argument of the smoke command (repeatable; or the words after --)',
    },
    {
        flag: 'smoke-expect',
        input: 'smoke-expect',
        kind: 'string',
        arg: 'REGEX',
        help: 'what the boot must print (multiline regex)',
        smoke: true,
    },
    {
        flag: 'smoke-timeout',
        input: 'smoke-timeout',
        kind: 'string',
        arg: 'SECONDS',
        help: 'seconds the boot may take (1-3600); default 300',
        smoke: true,
    },
    {
        flag: 'smoke-runs',
        input: 'smoke-runs',
        kind: 'string',
        arg: 'N',
        help: 'boots, each in its own process (1-20); default 1',
        smoke: true,
    },
    {
        flag: 'smoke-env',
        input: 'smoke-env',
        kind: 'list',
        arg: 'K=V',
        help: 'environment of the guest during the boot (repeatable)',
        smoke: true,
    },
    {
        flag: 'runtime',
        input: 'smoke-runtime',
        kind: 'string',
        arg: 'node|browser',
        help: 'where to boot: node, browser (headless Chrome/Chromium), or node,browser; default node',
        smoke: true,
    },
    {
        flag: 'browser',
        input: 'smoke-browser',
        kind: 'string',
        arg: 'PATH',
        help: 'the Chrome/Chromium binary for --runtime browser; default: found',
        smoke: true,
    },
    {
        flag: 'sandbox',
        input: 'smoke-sandbox',
        kind: 'string',
        arg: 'auto|required',
        help: 'the Node boot in namespaces where they can be made (auto), or only there (required); default auto',
        smoke: true,
    },
    {
        flag: 'site',
        input: 'site',
        kind: 'string',
        arg: 'DIR',
        help: 'write a web site that boots the output in a terminal into DIR (deployable to GitHub Pages)',
    },
    {
        flag: 'allocator-fallback',
        input: 'allocator-fallback',
        kind: 'list',
        arg: 'NAME',
        help: 'allocator to rebuild with after an allocator failure (repeatable)',
    },
];
/** Inputs with no flag: what they do exists only inside a GitHub Actions workflow. */
const GITHUB_ONLY = {
    'github-token': "the workflow's token; c2w-version latest is resolved without one (or with GITHUB_TOKEN)",
    'cache-timeout': "bounds the download from GitHub's cache service; the local cache is a folder on this machine",
    'upload-artifact': 'publishing to workflow artifacts',
    'artifact-archive': 'publishing to workflow artifacts',
    'artifact-name': 'publishing to workflow artifacts',
    'retention-days': 'publishing to workflow artifacts',
    'compression-level': 'publishing to workflow artifacts',
    'release-tag': 'publishing to GitHub releases',
    'release-id': 'publishing to GitHub releases',
    'release-create': 'publishing to GitHub releases',
    'release-overwrite': 'publishing to GitHub releases',
    'asset-name': 'publishing to GitHub releases',
    record: "the matrix record uploaded for the report action's artifact",
};
const COMMAND_FLAGS = [
    { flag: 'c2w', arg: 'PATH', help: 'use this c2w binary (no download)' },
    {
        flag: 'cache-dir',
        arg: 'DIR',
        help: 'the local build cache folder; default $XDG_CACHE_HOME/c2w-action/buildx-cache',
    },
    { flag: 'json', help: "print the results as JSON: the action's metadata output (docs/metadata.md)" },
    { flag: 'verbose', help: 'print the raw build and boot logs' },
    { flag: 'help', help: 'this help' },
];
class UsageError extends Error {
    name = 'UsageError';
}
/** Whether `argv` asks for --json, read without parsing it (for the error of an argv that does not parse). */
function asksForJson(argv) {
    const end = argv.indexOf('--');
    return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--json' || a === '--json=true');
}
/** Parses `argv` (without node and the script). Throws UsageError naming the flag. Pure. */
function parseCommand(argv) {
    const [first, ...tail] = argv;
    const verb = first === 'convert' || first === 'smoke' || first === 'site'
        ? first
        : first === undefined || first === 'help' || first === '--help' || first === '-h'
            ? 'help'
            : undefined;
    if (verb === undefined)
        throw new UsageError(`unknown command '${first}': use convert, smoke or site (see --help)`);
    const dashdash = tail.indexOf('--');
    const words = dashdash < 0 ? tail : tail.slice(0, dashdash);
    const rest = dashdash < 0 ? [] : tail.slice(dashdash + 1);
    const specs = verb === 'smoke'
        ? FLAGS.filter((f) => f.smoke)
        : verb === 'convert'
            ? FLAGS
            : verb === 'site'
                ? FLAGS.filter((f) => f.flag === 'target')
                : [];
    const options = {};
    for (const f of specs) {
        options[f.flag] =
            f.kind === 'list' ? { type: 'string', multiple: true } : { type: f.kind === 'string' ? 'string' : 'boolean' };
    }
    options.json = { type: 'boolean' };
    options.verbose = { type: 'boolean', short: 'v' };
    options.help = { type: 'boolean', short: 'h' };
    if (verb === 'convert') {
        options.c2w = { type: 'string' };
        options['cache-dir'] = { type: 'string' };
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: words, options, allowPositionals: true, strict: true });
    }
    catch (e) {
        // Node's messages name the flag: "Unknown option '--nope'", "Option '--target <value>' argument missing".
        throw new UsageError(`${e.message.replace(/\. To specify a positional.*$/s, '')} (see c2w-action ${verb} --help)`);
    }
    const values = parsed.values;
    const raw = {};
    if (verb === 'convert' && rest.length > 0) {
        if (values['smoke-command'] !== undefined) {
            throw new UsageError('give the smoke command either after -- or as --smoke-command, not both');
        }
        values['smoke-command'] = rest;
    }
    for (const f of specs) {
        const v = values[f.flag];
        if (v === undefined)
            continue;
        if (f.kind === 'list')
            raw[f.input] = v.join('\n');
        else if (f.kind === 'string')
            raw[f.input] = v;
        else if (v === true)
            raw[f.input] = f.kind === 'true' ? 'true' : 'false';
    }
    const str = (name) => {
        const v = values[name];
        if (v === undefined)
            return undefined;
        if (v === '')
            throw new UsageError(`--${name} needs a value`);
        return v;
    };
    return {
        verb,
        positionals: parsed.positionals,
        rest,
        options: {
            json: values.json === true,
            verbose: values.verbose === true,
            help: values.help === true || verb === 'help',
            c2w: str('c2w'),
            cacheDir: str('cache-dir'),
        },
        get: (name) => raw[name] ?? '',
        flagOf: (input) => (input === 'image' ? 'IMAGE' : `--${FLAGS.find((f) => f.input === input)?.flag ?? input}`),
    };
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// --help: the verbs, every flag with the action input it stands for, what is GitHub-only.

const row = (flag, arg, help) => `  --${flag}${arg ? ` ${arg}` : ''}`.padEnd(34) + help;
function helpText(verb) {
    const usage = [
        'c2w-action: convert a container image to WebAssembly with container2wasm (c2w), as the GitHub',
        'Action does, on this machine: a pinned and checksum-verified c2w, the allocator patch, a build',
        'cache in a local folder, the conversion and the smoke boot. Publishing (artifacts, releases) is',
        'not part of the command: it exists only in a workflow.',
        '',
        'Usage:',
        '  c2w-action convert IMAGE [flags] [-- SMOKE COMMAND...]',
        '  c2w-action smoke PATH [flags] [-- COMMAND...]   boot a .wasm file or a js output directory',
        '  c2w-action site PATH DIR [--target wasi|js]     write a web site that boots PATH in a terminal',
        '',
        'DIR (site, --site) is a new or empty folder below the current directory, or a site written',
        'there before (its .c2w-site marker): it is emptied before the site is written.',
    ];
    const convertFlags = [
        'Flags of convert (named like the inputs of action.yml):',
        ...FLAGS.map((f) => row(f.flag, f.arg, f.help)),
    ];
    const smokeFlags = [
        'Flags of smoke (as for convert; the target follows PATH):',
        ...FLAGS.filter((f) => f.smoke).map((f) => row(f.flag, f.arg, f.help)),
    ];
    const common = [
        'Flags of the command:',
        ...COMMAND_FLAGS.filter((f) => verb === 'convert' || verb === 'help' || !['c2w', 'cache-dir'].includes(f.flag)).map((f) => row(f.flag, 'arg' in f ? f.arg : undefined, f.help)),
    ];
    const githubOnly = [
        'Inputs of the action with no flag (GitHub only):',
        ...Object.entries(GITHUB_ONLY).map(([input, why]) => `  ${input}`.padEnd(34) + why),
    ];
    const exit = ['Exit status: 0 passed, 1 the conversion or the smoke boot failed, 2 bad usage, 130 interrupted.'];
    const parts = verb === 'smoke'
        ? [usage, smokeFlags, common, exit]
        : verb === 'site'
            ? [
                usage,
                ['Flags of site:', row('target', 'wasi|js', 'the kind of output; default: follows PATH')],
                common,
                exit,
            ]
            : verb === 'convert'
                ? [usage, convertFlags, common, githubOnly, exit]
                : [
                    usage,
                    convertFlags,
                    smokeFlags.slice(0, 1).concat(['  (see c2w-action smoke --help)']),
                    common,
                    githubOnly,
                    exit,
                ];
    return `${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}

// EXTERNAL MODULE: ./src/lib/processes.ts
var processes = __webpack_require__(42982);
;// CONCATENATED MODULE: ./src/cli/interrupt.ts
// Ctrl-C. A terminal sends SIGINT to its foreground process group; the children lib/exec.ts and the
// smoke boot start lead process groups of their own (lib/processes.ts), so the command ends them: the
// first SIGINT (or SIGTERM) sends SIGTERM to every live group and lets the pipeline unwind (c2w
// exits, `convert` fails, the cache keeps its entries and drops the export folder). Unwinding needs
// a child to end: a wait with none (a stalled download, a Node `mkdir` that never settles) would
// hold the command forever. So the command also ends on its own: UNWIND_MS after the first signal,
// or at once on a second one, the live groups get SIGKILL and `onForce` ends the process.

/** How long the first interrupt lets the pipeline unwind before the command ends regardless. */
const UNWIND_MS = 10_000;
class InterruptedError extends Error {
    name = 'InterruptedError';
    constructor() {
        super('Interrupted: the children were ended; the build cache keeps what it had before this run.');
    }
}
function handleInterrupts(onInterrupt = () => undefined, onForce = () => process.exit(130), unwindMs = UNWIND_MS) {
    let count = 0;
    let timer;
    const force = () => {
        for (const child of (0,processes/* liveChildren */.k9)())
            (0,processes/* signalGroup */.i8)(child, 'SIGKILL');
        onForce();
    };
    const handler = () => {
        count++;
        onInterrupt(count);
        if (count === 1) {
            for (const child of (0,processes/* liveChildren */.k9)())
                (0,processes/* signalGroup */.i8)(child, 'SIGTERM');
            // Unref'd: a pipeline that unwinds in time ends the process as usual.
            timer = setTimeout(force, unwindMs);
            timer.unref();
        }
        else {
            clearTimeout(timer);
            force();
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        get interrupted() {
            return count > 0;
        },
        check() {
            if (count > 0)
                throw new InterruptedError();
        },
        dispose() {
            clearTimeout(timer);
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

// EXTERNAL MODULE: ./src/lib/workflow-log.ts
var workflow_log = __webpack_require__(38473);
// EXTERNAL MODULE: ./src/record/metadata.ts
var metadata = __webpack_require__(75060);
;// CONCATENATED MODULE: ./src/cli/results.ts
// The command's results, rendered from the run's result (types/result.ts) two ways: a short summary
// for a person, and `--json` for a program, which is the action's `metadata` output
// (record/metadata.ts, docs/metadata.md) with the failure beside it. Pure.

const messageOf = (failed) => (typeof failed === 'string' ? failed : failed.message);
const classOf = (failed) => failed === undefined || typeof failed === 'string' ? undefined : failed.class;
/** `--json`: the metadata; `error` when the run failed, and `failureClass` when the failure has one. */
function renderJson(result, failed) {
    const json = (0,metadata/* renderMetadata */.Sc)(result);
    if (failed !== undefined)
        json.error = messageOf(failed);
    const failureClass = classOf(failed);
    if (failureClass !== undefined)
        json.failureClass = failureClass;
    return `${JSON.stringify(json, null, 2)}\n`;
}
/** `12.3 MiB`, `456 KiB`, `78 B`. */
function bytes(n) {
    if (typeof n !== 'number')
        return String(n ?? '');
    if (n >= 1024 * 1024)
        return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    if (n >= 1024)
        return `${Math.round(n / 1024)} KiB`;
    return `${n} B`;
}
const seconds = (s) => (typeof s === 'number' ? s.toFixed(2) : String(s ?? ''));
/** A few lines: what was made, how long it took, how the boot went. */
function renderSummary(result, failed) {
    const lines = [];
    const { build, cache, smoke } = result;
    if (build.wasmPath !== undefined) {
        const about = [
            build.wasmSize !== undefined ? bytes(build.wasmSize) : undefined,
            build.sha256 !== undefined ? `sha256 ${build.sha256}` : undefined,
        ].filter((part) => part !== undefined);
        lines.push(`output     ${build.wasmPath}${about.length ? ` (${about.join(', ')})` : ''}`);
    }
    if (build.c2wVersion !== undefined) {
        const built = build.seconds !== undefined ? `, built in ${build.seconds} s` : '';
        lines.push(`c2w        ${build.c2wVersion}, allocator ${build.allocator ?? '?'}${built}`);
    }
    if (build.rejectedAllocators.length > 0) {
        const rejected = build.rejectedAllocators.map((r) => `${r.allocator}: ${r.line}`);
        lines.push(`rejected   ${rejected.join('\n           ')}`);
    }
    if (cache?.primaryKey !== undefined) {
        const hit = cache.hit ? 'exact hit' : cache.matchedKey ? `restored ${cache.matchedKey}` : undefined;
        lines.push(hit === undefined
            ? `cache      cold, key ${cache.primaryKey}`
            : `cache      ${hit} (${bytes(cache.restored?.bytes)}), key ${cache.primaryKey}`);
    }
    if (smoke !== undefined) {
        const { node, browser } = smoke;
        const inNode = node
            ? ` in ${seconds(node.secondsMedian)} s` +
                (node.peakMemory !== undefined ? `, peak RSS ${bytes(node.peakMemory)}` : '')
            : '';
        const inBrowser = browser
            ? `; browser ${seconds(browser.secondsMedian)} s` +
                (browser.peakMemory !== undefined ? `, page peak ${bytes(browser.peakMemory)}` : '')
            : '';
        lines.push(`smoke      ${smoke.result}${inNode}${inBrowser}`);
    }
    if (result.site !== undefined)
        lines.push(`site       ${result.site.path}`);
    const failureClass = classOf(failed);
    lines.push(failed === undefined
        ? 'result     passed'
        : `result     failed${failureClass ? ` (${failureClass})` : ''}: ${messageOf(failed).split('\n').join('\n           ')}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/smoke/runtime.ts + 1 modules
var runtime = __webpack_require__(71667);
// EXTERNAL MODULE: ./src/pipeline/sink.ts
var sink = __webpack_require__(51783);
;// CONCATENATED MODULE: ./src/cli/sink.ts


/** Lines of the guest's output shown for a failed boot without --verbose. */
const FAILED_BOOT_TAIL_LINES = 15;
class ConsoleSink extends sink/* Sink */.A {
    out;
    verbose;
    interrupt;
    constructor(out, verbose, interrupt) {
        super();
        this.out = out;
        this.verbose = verbose;
        this.interrupt = interrupt;
    }
    async section(title, work) {
        this.out.stage(title);
        return work();
    }
    step(title) {
        this.out.stage(title);
    }
    info(text) {
        this.out.info(text);
    }
    warn(text) {
        this.out.warning(text);
    }
    note(text) {
        this.out.info(text);
    }
    checkpoint() {
        this.interrupt.check();
    }
    async boot(options, title) {
        this.out.stage(title);
        const out = this.out;
        const result = await (0,runtime/* bootSmoke */.S)({
            ...options,
            ...(this.verbose ? { log: { write: (chunk) => (out.passthrough(chunk), true), once: () => out } } : {}),
        });
        this.out.info(result.message);
        if (result.result !== 'passed' && !this.verbose) {
            const tail = failedBootTail(result);
            if (tail)
                this.out.info(`Last lines of the boot:\n${tail}`);
        }
        return result;
    }
}
/** The last lines the guest printed, stdout then stderr. Pure. */
function failedBootTail(result) {
    return `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-FAILED_BOOT_TAIL_LINES).join('\n');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/site/site.ts + 1 modules
var site_site = __webpack_require__(87298);
// EXTERNAL MODULE: ./src/site/stage.ts
var stage = __webpack_require__(77029);
;// CONCATENATED MODULE: ./src/cli/site-command.ts
// `c2w-action site PATH DIR`: wraps an existing output (a .wasm file, or a js output directory) in a
// site folder, as `convert --site DIR` and the action's `site` input do. The target follows PATH
// unless --target says. DIR follows the `site` input's rules (site/folder.ts), with the current
// directory as the workspace: checked before anything is written, and again when it is written.





/** The command's PATH and DIR, checked before anything is written. Throws UsageError. */
function siteArgs(cmd) {
    if (cmd.positionals.length !== 2) {
        throw new UsageError('site needs a PATH (a .wasm file or a js output directory) and a DIR to write the site into');
    }
    const [path, dir] = cmd.positionals;
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        throw new UsageError(`PATH '${path}' does not exist`);
    }
    const given = cmd.get('target');
    if (given !== '' && given !== 'wasi' && given !== 'js')
        throw new UsageError(`--target must be wasi or js; got '${given}'`);
    const target = given === '' ? (isDir ? 'js' : 'wasi') : given;
    if ((target === 'js') !== isDir) {
        throw new UsageError(`--target ${target} needs ${target === 'js' ? 'a directory' : 'a .wasm file'}; '${path}' is ${isDir ? 'a directory' : 'a file'}`);
    }
    const place = (0,folder/* sitePlaceOf */.s3)(dir, path, (0,folder/* currentDirRoot */.tS)());
    const verdict = (0,folder/* judgeSite */.pL)(place);
    if (!verdict.ok)
        throw new UsageError(`DIR ${(0,folder/* shownSite */.hm)(dir, place.site)} ${verdict.problem}`);
    return { path, dir, target };
}
async function siteCommand(args, sink, result) {
    result.stage = 'site';
    const site = await sink.section(`Write the site ${args.dir}`, () => (0,stage/* asSiteFailure */.i)((0,site_site/* writeSite */.bo)({ target: args.target, output: args.path, dir: args.dir, root: (0,folder/* currentDirRoot */.tS)() })));
    result.site = { path: site.dir };
    sink.info(`Wrote ${site.files} files, ${site.bytes} bytes (the output's ${site.outputBytes} bytes in gzip chunks). Serve the folder (any static server; GitHub Pages) and open index.html.`);
    if (site.warning)
        sink.warn(site.warning);
}

// EXTERNAL MODULE: ./src/config/inputs.ts + 1 modules
var config_inputs = __webpack_require__(61310);
// EXTERNAL MODULE: ./src/config/host-checks.ts
var host_checks = __webpack_require__(7314);
// EXTERNAL MODULE: ./src/c2w/boot-info.ts
var boot_info = __webpack_require__(40729);
;// CONCATENATED MODULE: ./src/cli/validate.ts
// From the command line to the action's typed inputs: the same `parseInputs` the action runs, fed
// from the flags, and the checks the action makes before it spawns anything (getInputs: the custom
// Dockerfile is a regular file, config/host-checks.ts; the site is a folder of its own in the current
// directory, site/folder.ts; the smoke command fits c2w's 1024-byte budget). Every message names the flag.






/** parseInputs with `image` and overrides; an InputError becomes a UsageError naming the flag. */
function inputsOf(cmd, image, overrides = {}) {
    const get = (name) => (name === 'image' ? image : (overrides[name] ?? cmd.get(name)));
    try {
        const inputs = (0,config_inputs/* parseInputs */.TL)(get);
        // The token, a password in the download URL, build-arg and smoke-env values: never printed.
        (0,config_inputs/* registerSecrets */.dg)(inputs);
        // No workspace on the command line: a Dockerfile anywhere will do, as long as it is one.
        if (inputs.dockerfile !== undefined)
            (0,host_checks/* checkDockerfile */.vn)(inputs.dockerfile);
        (0,host_checks/* checkNoDanglingLink */.kF)(inputs.output);
        // The command's workspace is its current directory: the site must be a folder of its own there.
        if (inputs.site !== undefined)
            (0,folder/* checkSitePlace */.Li)(inputs.site, inputs.output, (0,folder/* currentDirRoot */.tS)());
        if (inputs.smoke && inputs.target === 'wasi') {
            const budget = (0,boot_info/* checkEnvBudget */.Fd)(inputs.smokeCommand, inputs.smokeEnv);
            if (!budget.ok)
                throw new config_inputs/* InputError */.dz(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
        }
        return inputs;
    }
    catch (e) {
        if (!(e instanceof config_inputs/* InputError */.dz))
            throw e;
        const detail = e.message.replace(/^Input '[^']*' /, '');
        throw new UsageError(`${cmd.flagOf(e.input)} ${detail}`);
    }
}
/** `convert IMAGE [flags] [-- COMMAND...]`. */
function convertInputs(cmd) {
    if (cmd.positionals.length !== 1) {
        throw new UsageError(cmd.positionals.length === 0
            ? 'convert needs an IMAGE, e.g. c2w-action convert alpine:3.20'
            : `convert takes one IMAGE; got ${cmd.positionals.join(' ')} (put the smoke command after --)`);
    }
    const inputs = inputsOf(cmd, cmd.positionals[0]);
    if (inputs.cache === 'gha') {
        throw new UsageError("--cache gha is GitHub's cache service, which exists only in a workflow: use local, registry or none");
    }
    if (cmd.options.c2w !== undefined) {
        if (cmd.get('c2w-version') !== '')
            throw new UsageError('give --c2w PATH or --c2w-version, not both');
        let file = false;
        try {
            file = (0,external_node_fs_.statSync)(cmd.options.c2w).isFile();
        }
        catch {
            // reported below
        }
        if (!file)
            throw new UsageError(`--c2w names '${cmd.options.c2w}', which is not a file`);
    }
    return inputs;
}
/** `smoke PATH [-- COMMAND...]`: the target follows PATH (a directory is a js output) unless --target says. */
function smokeInputs(cmd) {
    if (cmd.positionals.length !== 1) {
        throw new UsageError('smoke needs one PATH: a .wasm file (wasi) or a js output directory');
    }
    const file = cmd.positionals[0];
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(file).isDirectory();
    }
    catch {
        throw new UsageError(`PATH '${file}' does not exist`);
    }
    const target = cmd.get('target') || (isDir ? 'js' : 'wasi');
    // The image is not booted from a registry here; parseInputs needs one to validate the rest.
    const inputs = inputsOf(cmd, 'scratch', {
        target,
        ...(cmd.rest.length > 0 ? { 'smoke-command': cmd.rest.join('\n') } : {}),
    });
    if ((inputs.target === 'js') !== isDir) {
        throw new UsageError(`--target ${inputs.target} needs ${inputs.target === 'js' ? 'a directory' : 'a .wasm file'}; '${file}' is ${isDir ? 'a directory' : 'a file'}`);
    }
    return { ...inputs, path: file };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The command: parse → validate (exit 2 before anything is spawned) → run the verb → print the
// results (a summary, or --json) → the exit status: 0 passed, 1 the conversion or the boot failed,
// 2 bad usage, 130 interrupted (128 + SIGINT, as a shell reports it).



















const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 };
async function cliMain(argv) {
    let cmd;
    let work;
    try {
        cmd = parseCommand(argv);
        if (cmd.options.help || cmd.verb === 'help') {
            process.stdout.write(helpText(cmd.verb));
            return EXIT.passed;
        }
        if (cmd.verb === 'convert') {
            const inputs = convertInputs(cmd);
            const options = {
                ...(cmd.options.c2w ? { c2w: cmd.options.c2w } : {}),
                cacheDir: cmd.options.cacheDir ?? defaultBuildCacheDir(),
            };
            work = (sink, result) => convertCommand(inputs, options, sink, result);
        }
        else if (cmd.verb === 'site') {
            const args = siteArgs(cmd);
            work = (sink, result) => siteCommand(args, sink, result);
        }
        else {
            const inputs = smokeInputs(cmd);
            work = async (sink, result) => {
                // What is booted, as the conversion reports what it built.
                const output = inputs.target === 'js' ? await (0,convert/* checkJsOutput */.Ln)(inputs.path) : await (0,convert/* checkWasiOutput */.AC)(inputs.path);
                Object.assign(result.build, { wasmPath: inputs.path, wasmSize: output.size, sha256: output.sha256 });
                // The allocator the output was built with is known only when given (it names the culprit of a failure).
                if (cmd.get('allocator') !== '')
                    result.build.allocator = inputs.allocator;
                result.stage = 'smoke';
                const last = await (0,attempt/* bootSeries */.Y)({ ...inputs, smoke: true }, inputs.path, sink, result);
                if (last && last.result !== 'passed') {
                    const failure = last.allocatorFailure;
                    throw new errors/* ClassifiedError */.I(`Smoke boot ${last.result}: ${last.message}${failure ? `\n${failure.suggestion}` : ''}`, failure ? 'allocator' : `smoke-${last.result}`, failure?.line);
                }
            };
        }
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        process.stderr.write(`c2w-action: ${e.message}\n`);
        // A script that asked for JSON reads stdout as JSON, whatever went wrong.
        if (asksForJson(argv))
            process.stdout.write(renderJson((0,types_result/* newRunResult */.t)(), e.message));
        return EXIT.usage;
    }
    // Progress goes to stdout, or to stderr when stdout carries the JSON.
    const stream = cmd.options.json ? process.stderr : process.stdout;
    const out = new Console({ stream, verbose: cmd.options.verbose, live: stream.isTTY === true });
    // Filled in by the run; the interrupt's last resort prints what it holds so far.
    const result = (0,types_result/* newRunResult */.t)();
    const finish = (error) => {
        // A failure carries its class, as the action's cell record does (failure.class).
        const failure = error && !(error instanceof InterruptedError) ? (0,record/* failureOf */.g5)(result.stage, error, failures/* classifyFailure */.X) : undefined;
        const failed = error ? { message: error.message, ...(failure ? { class: failure.class } : {}) } : undefined;
        if (cmd.options.json)
            process.stdout.write((0,redact/* redact */.E$)(renderJson(result, failed)));
        else {
            out.print('');
            process.stdout.write((0,redact/* redact */.E$)(renderSummary(result, failed)));
        }
        if (error === undefined)
            return EXIT.passed;
        return error instanceof InterruptedError ? EXIT.interrupted : EXIT.failed;
    };
    const interrupt = handleInterrupts((count) => out.warning(count === 1
        ? `Interrupted: ending the children (Ctrl-C again, or ${UNWIND_MS / 1000} s, ends the command).`
        : 'Killing the children and ending the command.'), 
    // The pipeline did not unwind (or a second Ctrl-C came): the results so far, and the exit.
    () => {
        out.release();
        const code = finish(new InterruptedError());
        void (0,workflow_log/* exitWhenFlushed */.KE)(code, 2000);
    });
    const sink = new ConsoleSink(out, cmd.options.verbose, interrupt);
    let error;
    // The stages write to the person at the terminal.
    const restoreLog = (0,log/* setLog */.Lw)(out);
    try {
        await work(sink, result);
    }
    catch (e) {
        error = interrupt.interrupted ? new InterruptedError() : e;
    }
    finally {
        out.release();
        restoreLog();
        interrupt.dispose();
    }
    return finish(error);
}


/***/ })

};

//# sourceMappingURL=243.index.js.map