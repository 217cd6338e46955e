export const id = 467;
export const ids = [467];
export const modules = {

/***/ 2414:
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

/***/ 467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliMain: () => (/* binding */ cliMain)
});

// UNUSED EXPORTS: EXIT

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
    Outputs["CacheRestoredSharedSize"] = "cache-restored-shared-size";
    Outputs["CacheRestoredAllocatorSize"] = "cache-restored-allocator-size";
    Outputs["CacheSavedSharedSize"] = "cache-saved-shared-size";
    Outputs["CacheSavedAllocatorSize"] = "cache-saved-allocator-size";
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
    Outputs["AssetPath"] = "asset-path";
    Outputs["Error"] = "error";
})(Outputs || (Outputs = {}));

;// CONCATENATED MODULE: ./src/cli/buildkit-progress.ts
// Follows BuildKit's plain progress output (what c2w's `docker buildx build --progress=plain` prints)
// to say which step runs. The format (moby/buildkit util/progress/progressui/printer.go): every line
// starts with `#<vertex>`; a vertex is announced by its name, a Dockerfile step's name starting with
// `[<stage> <i>/<n>]` (or `[<i>/<n>]` in a file of one unnamed stage), and ends with `#<vertex> DONE
// <seconds>s`, `#<vertex> CACHED` or `#<vertex> ERROR …`. Other `#<vertex> …` lines are its log.
// Stages are announced as they start, so the total is the steps of the stages seen so far.
// `#0` is buildx's own banner line, not a step.
const VERTEX = /^#(\d+) (.*)$/;
const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/;
const END = /^(DONE \d+(\.\d+)?s|CACHED|ERROR\b.*|CANCELED\b.*)$/;
class BuildProgress {
    steps = new Map();
    stageCounts = new Map();
    /** Reads one line; true when what the live line shows changed. */
    feed(line, nowMs) {
        const m = VERTEX.exec(line.trimEnd());
        if (!m)
            return false;
        const vertex = Number(m[1]);
        // #0 is buildx's banner (`#0 building with "default" instance using docker driver`), never ended.
        if (vertex === 0)
            return false;
        const text = m[2];
        const known = this.steps.get(vertex);
        if (known) {
            if (!known.ended && END.test(text)) {
                known.ended = true;
                return true;
            }
            return false;
        }
        // The first line of a vertex is its name; a line with a timestamp or a status is its log.
        if (END.test(text) || /^\d+(\.\d+)? /.test(text))
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

;// CONCATENATED MODULE: ./src/cli/workflow-commands.ts
// What the stage modules print through @actions/core is the runner's workflow-command protocol
// (actions/toolkit packages/core/src/command.ts): `::name key=value,…::message` lines on stdout, with
// `%`, `\r`, `\n` in the message escaped as %25, %0D, %0A; `::stop-commands::TOKEN` … `::TOKEN::`
// around output that must not be read as commands; and @actions/exec's `[command]<argv>` echo line.
// This reads one line of it, so the command can show it to a person instead. Pure.
const COMMAND = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/;
const workflow_commands_unescape = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
function readLine(line) {
    if (line.startsWith('[command]'))
        return { kind: 'command', text: line.slice('[command]'.length) };
    const m = COMMAND.exec(line);
    if (!m)
        return { kind: 'text', text: line };
    const [, name, message] = m;
    switch (name) {
        case 'group':
            return { kind: 'group', title: workflow_commands_unescape(message) };
        case 'endgroup':
            return { kind: 'endgroup' };
        case 'debug':
            return { kind: 'debug', text: workflow_commands_unescape(message) };
        case 'warning':
        case 'error':
        case 'notice':
            return { kind: name, text: workflow_commands_unescape(message) };
        case 'stop-commands':
            return { kind: 'stop-commands', token: message };
        default:
            return { kind: 'hidden' };
    }
}

;// CONCATENATED MODULE: ./src/cli/console.ts
// What a person at a terminal sees. The stage modules print for the Actions runner (workflow
// commands through @actions/core, the raw build log through exec.ts); `Console.capture()` takes over
// process.stdout and shows that humanly: a group is a line under the command's own stage heading,
// a warning a `warning:` line,
// debug and runner-only commands are dropped, and the build log between ::stop-commands:: and its
// token becomes one live line with the BuildKit step (on a terminal; one line per step otherwise).
// `--verbose` shows the raw log instead.


class Console {
    options;
    write;
    liveText;
    lastPlain;
    region;
    pending = '';
    restoreStdout;
    constructor(options) {
        this.options = options;
        const stream = options.stream;
        const original = stream.write.bind(stream);
        this.write = (text) => void original(text);
    }
    /** Routes process.stdout through this console until `release()`. */
    capture() {
        const stdout = process.stdout;
        const original = stdout.write;
        const feed = (chunk) => this.feed(chunk);
        // process.stdout.write(chunk, [encoding], [callback])
        stdout.write = ((chunk, ...args) => {
            feed(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
            const callback = args.find((a) => typeof a === 'function');
            if (callback)
                queueMicrotask(callback);
            return true;
        });
        this.restoreStdout = () => {
            stdout.write = original;
        };
    }
    release() {
        if (this.pending)
            this.feed('\n');
        this.endRaw();
        this.restoreStdout?.();
        this.restoreStdout = undefined;
    }
    stage(title) {
        this.print(`==> ${title}`);
    }
    info(text) {
        for (const l of text.split('\n'))
            this.print(`    ${l}`);
    }
    warn(text) {
        for (const l of text.split('\n'))
            this.print(`warning: ${l}`);
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
    /** What the stage modules write to stdout. */
    feed(chunk) {
        this.pending += chunk;
        let nl;
        while ((nl = this.pending.indexOf('\n')) >= 0) {
            const line = this.pending.slice(0, nl).replace(/\r$/, '');
            this.pending = this.pending.slice(nl + 1);
            this.line(line);
        }
    }
    line(line) {
        if (this.region) {
            if (line === `::${this.region.token}::`) {
                this.endRaw();
                return;
            }
            if (this.options.verbose)
                this.print(line);
            else if (this.region.progress.feed(line, Date.now()))
                this.showProgress();
            return;
        }
        const read = readLine(line);
        switch (read.kind) {
            case 'group':
                // The command announces its own stages; a stage module's group (the c2w command line) is a line under it.
                this.info(read.title);
                return;
            case 'stop-commands':
                this.region = { token: read.token, progress: new BuildProgress() };
                if (!this.options.verbose && this.options.live) {
                    this.region.timer = setInterval(() => this.showProgress(), 1000);
                    this.region.timer.unref();
                }
                return;
            case 'warning':
            case 'error':
                for (const l of read.text.split('\n'))
                    this.print(`${read.kind}: ${l}`);
                return;
            case 'notice':
                this.info(`note: ${read.text}`);
                return;
            case 'debug':
                if (this.options.verbose)
                    this.info(`debug: ${read.text}`);
                return;
            case 'command':
                if (this.options.verbose)
                    this.info(`$ ${read.text}`);
                return;
            case 'text':
                if (read.text.trim() !== '')
                    this.info(read.text);
                return;
            default:
                return;
        }
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
    endRaw() {
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/processes.ts

const live = new Set();
let refusal;
/** From now on `startable()` throws with this reason (a cancel is ending the step); undefined allows again. */
function stopStarting(reason) {
    refusal = reason;
}
/** Throws when no new child may start: a cancelled step must not start c2w after ending the others. */
function startable(what) {
    if (refusal !== undefined)
        throw new Error(`Not starting ${what}: ${refusal}.`);
}
/** Remembers `child` until it exits. It must have been spawned with `detached: true`. */
function track(child) {
    if (child.pid === undefined)
        return;
    live.add(child);
    child.once('exit', () => live.delete(child));
    child.once('error', () => live.delete(child));
}
/** Sends `signal` to the process group of `child` (falls back to the child alone). */
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        if (child.exitCode !== null || child.signalCode !== null)
            return;
        try {
            child.kill(signal);
        }
        catch {
            // already gone
        }
    }
}
/**
 * The live members of the process group `pgid`, from /proc/<pid>/stat (`pid (comm) state ppid pgrp …`,
 * proc(5)). A zombie is not live: it has ended and only waits for its new parent to reap it, which
 * can take a while when that parent is a container's init; `kill(-pgid, 0)` would still count it.
 */
function groupMembers(pgid) {
    const members = [];
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return members;
    }
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        let stat;
        try {
            stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'utf8');
        }
        catch {
            continue; // gone meanwhile
        }
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X')
            members.push(Number(entry));
    }
    return members;
}
/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid) {
    return groupMembers(pid).length > 0;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Ends the group of `child`: SIGTERM, then SIGKILL when any member is still there after `graceMs`.
 * The leader may exit while a member it started ignores SIGTERM, so this waits on the group, not
 * on the leader. Resolves when the group is gone (or a second after SIGKILL).
 */
async function endGroup(child, graceMs) {
    const pid = child.pid;
    if (pid === undefined)
        return;
    signalGroup(child, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline)
        await sleep(50);
    if (!groupAlive(pid))
        return;
    signalGroup(child, 'SIGKILL');
    // SIGKILL cannot be caught, but the kernel takes a moment to tear the processes down.
    const killed = Date.now() + 1000;
    while (groupAlive(pid) && Date.now() < killed)
        await sleep(20);
}
/** Ends every tracked group at once; see endGroup. */
async function endAll(graceMs) {
    const children = liveChildren();
    await Promise.all(children.map((child) => endGroup(child, graceMs)));
    return children.length;
}
/** The children that are still running. */
function liveChildren() {
    return [...live];
}

;// CONCATENATED MODULE: ./src/exec.ts
// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching node:child_process (ESM namespaces cannot be spied on).
//
// Every child leads a process group of its own (`detached: true`) and is tracked in processes.ts,
// so a cancel or a timeout ends it together with what it started (c2w's `docker buildx build`).
// Its environment is childEnv()'s: no inputs, tokens or command-file paths of the action.



class RunTimeoutError extends Error {
    name = 'RunTimeoutError';
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
    startable(file);
    if (echo)
        process.stdout.write(`[command]${command}\n`);
    const child = (0,external_node_child_process_.spawn)(file, args, {
        cwd: options.cwd,
        env: { ...childEnv(process.env, options.envNeeds), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    track(child);
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
            void endGroup(child, options.graceMs ?? 5000);
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

;// CONCATENATED MODULE: ./src/cache-split.ts
// A buildx `type=local` cache folder split in two cache entries, merged again on restore.
//
// The folder is an OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
// `index.json` names the cache manifest, and every blob, manifests and layers alike, lives at
// `blobs/sha256/<digest>`, named by the sha256 of its bytes. So two folders can be merged by putting
// their blobs side by side, and "what this build adds to that entry" is the set of blob names the
// entry lacks. The shared entry holds a whole export (every layer, the allocator-free ones included);
// an allocator's entry holds its `index.json` and only the blobs the shared entry lacks.


const BLOBS = external_node_path_.join('blobs', 'sha256');
/** Files beside `blobs/` that an entry carries: the layout's own marker and its index. */
const TOP_FILES = ['oci-layout', 'index.json'];
/** digest (hex) → size in bytes of every blob in `dir`; empty when there is none. */
async function cache_split_listBlobs(dir) {
    const blobs = new Map();
    let names;
    try {
        names = await (0,promises_.readdir)(external_node_path_.join(dir, BLOBS));
    }
    catch {
        return blobs;
    }
    for (const name of names) {
        const s = await (0,promises_.stat)(external_node_path_.join(dir, BLOBS, name));
        if (s.isFile())
            blobs.set(name, s.size);
    }
    return blobs;
}
/** Bytes of the files beside `blobs/` that an entry carries (index.json, oci-layout). */
async function cache_split_topFilesSize(dir) {
    let bytes = 0;
    for (const name of TOP_FILES)
        bytes += (await stat(path.join(dir, name)).catch(() => undefined))?.size ?? 0;
    return bytes;
}
/** The blobs of `all` that are not in `base`, and their total size (pure). */
function cache_split_blobDelta(all, base) {
    const names = [...all.keys()].filter((d) => !base.has(d)).sort();
    return { names, bytes: names.reduce((sum, d) => sum + all.get(d), 0) };
}
/** A hard link (same file system, no bytes copied), or a copy where links are refused. */
async function linkOrCopy(from, to) {
    try {
        await (0,promises_.link)(from, to);
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return;
        await (0,promises_.copyFile)(from, to);
    }
}
async function exists(file) {
    try {
        await (0,promises_.stat)(file);
        return true;
    }
    catch {
        return false;
    }
}
/** Empties `dir` and fills it with `blobs` of `from` and its top files; returns their bytes. */
async function cache_split_writeSubset(from, dir, blobs) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.join(dir, BLOBS), { recursive: true });
    let bytes = 0;
    for (const name of TOP_FILES) {
        if (!(await exists(path.join(from, name))))
            continue;
        await linkOrCopy(path.join(from, name), path.join(dir, name));
        bytes += (await stat(path.join(dir, name))).size;
    }
    for (const d of blobs) {
        await linkOrCopy(path.join(from, BLOBS, d), path.join(dir, BLOBS, d));
        bytes += (await stat(path.join(dir, BLOBS, d))).size;
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
    const present = await cache_split_listBlobs(blobDir);
    const missing = new Set();
    let top;
    try {
        top = JSON.parse(await (0,promises_.readFile)(index, 'utf8'));
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
            inner = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(blobDir, BLOBS, manifest), 'utf8'));
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
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(external_node_path_.join(dir, BLOBS), { recursive: true });
    for (const entry of entries) {
        for (const d of (await cache_split_listBlobs(entry)).keys()) {
            await linkOrCopy(external_node_path_.join(entry, BLOBS, d), external_node_path_.join(dir, BLOBS, d));
        }
    }
    for (const entry of entries) {
        const index = external_node_path_.join(entry, 'index.json');
        if (!(await exists(index)))
            continue;
        if ((await missingBlobs(index, dir)).length > 0)
            continue;
        for (const name of TOP_FILES) {
            if (await exists(external_node_path_.join(entry, name)))
                await (0,promises_.copyFile)(external_node_path_.join(entry, name), external_node_path_.join(dir, name));
        }
        return entry;
    }
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    return undefined;
}

;// CONCATENATED MODULE: ./src/files.ts
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
    const root = await (0,promises_.realpath)(dir);
    const out = [];
    const visit = async (rel) => {
        for (const e of await (0,promises_.readdir)(external_node_path_.join(root, rel), { withFileTypes: true })) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            const abs = external_node_path_.join(root, r);
            if (e.isDirectory()) {
                out.push({ rel: r, abs, type: 'dir', size: 0, executable: true });
                await visit(r);
            }
            else if (e.isFile()) {
                const st = await (0,promises_.lstat)(abs);
                out.push({ rel: r, abs, type: 'file', size: st.size, executable: (st.mode & 0o111) !== 0 });
            }
            else if (e.isSymbolicLink()) {
                const target = await (0,promises_.realpath)(abs).catch(() => undefined);
                const inside = target !== undefined && isInside(root, target);
                const st = target === undefined ? undefined : await (0,promises_.stat)(target);
                if (!inside || !st?.isFile()) {
                    throw new UnsafeLinkError(`${external_node_path_.join(dir, r)} is a symlink to ${target ?? 'nothing'}, ${target === undefined ? 'which does not exist' : inside ? 'not a regular file' : 'outside the folder'}: only symlinks to files inside the folder are published`);
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
    const rel = external_node_path_.relative(root, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !external_node_path_.isAbsolute(rel));
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

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/hash.ts
// sha256 as lower-case hex: of a file, streamed (c2w outputs are hundreds of MB), or of a string.



async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    return hash.digest('hex');
}
function sha256Text(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./src/timeout.ts
// Time limits for work that cannot itself be stopped (a library call with no abort signal): the
// caller stops waiting; the work is abandoned and ends with the action's process.
const timeout_TIMED_OUT = Symbol('timed out');
/** `promise`'s value, or TIMED_OUT when it has not settled within `ms`. The timer never holds the process. */
async function timeout_raceTimeout(promise, ms) {
    let timer;
    const limit = new Promise((resolve) => {
        timer = setTimeout(() => resolve(timeout_TIMED_OUT), ms);
        timer.unref();
    });
    try {
        return await Promise.race([promise, limit]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** `promise`'s value, or an error naming `what` when it has not settled within `ms`. */
async function withTimeout(promise, ms, what) {
    const result = await timeout_raceTimeout(promise, ms);
    if (result === timeout_TIMED_OUT)
        throw new Error(`${what} got no answer within ${Math.round(ms / 100) / 10} s; re-run the job`);
    return result;
}

;// CONCATENATED MODULE: ./src/cache.ts
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
const cache_short = (text) => sha256Text(text).slice(0, 16);
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
        const args = `${df}-args${cache_short(argLines.join('\n'))}`;
        // The last restore key stops at `df`/`shareddf`, so neither chain restores the other's entries.
        return { primary: `${args}-img${cache_short(p.image)}`, restore: [`${args}-`, `${df}-`, `${base}-${kind}df`], df };
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
            if (!plan.exactHit && !plan.readOnly)
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
    if (inputs.builder)
        return givenBuilder(inputs.builder, inputs.cache);
    if (inputs.cache === 'none')
        return { created: false, canExport: false };
    const inspect = await run('docker', ['buildx', 'inspect'], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    const { name, driver } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const info = await run('docker', ['info', '--format', '{{json .DriverStatus}}'], {
            echo: false,
            timeoutMs: DOCKER_QUERY_MS,
        });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        lib_core/* info */.pq(`The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`);
        return { created: false, canExport: true };
    }
    const created = `c2w-action-${safe(runId)}-${process.pid}`;
    lib_core/* info */.pq(`The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`);
    // --bootstrap pulls BuildKit's image and starts its container.
    const made = await run('docker', ['buildx', 'create', '--name', created, '--driver', 'docker-container', '--bootstrap'], {
        timeoutMs: 10 * DOCKER_QUERY_MS,
    });
    if (made.exitCode !== 0) {
        // --bootstrap can fail after the builder was registered: do not leave it behind.
        await run('docker', ['buildx', 'rm', '--force', created], { echo: false, timeoutMs: DOCKER_QUERY_MS });
        lib_core/* warning */.$e(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
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
    lib_core/* info */.pq(`Using the builder '${builder}' as given.`);
    if (cache === 'none')
        return { name: builder, created: false, canExport: true };
    const inspect = await run('docker', ['buildx', 'inspect', builder], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    if (inspect.exitCode !== 0) {
        throw new Error(`builder: 'docker buildx inspect ${builder}' failed: ${inspect.stderr.trim() || inspect.stdout.trim()}`);
    }
    const { driver, endpoint } = parseBuildxInspect(inspect.stdout);
    let containerd = false;
    if (driver === 'docker') {
        const context = endpoint ? ['--context', endpoint] : [];
        const info = await run('docker', [...context, 'info', '--format', '{{json .DriverStatus}}'], {
            echo: false,
            timeoutMs: DOCKER_QUERY_MS,
        });
        containerd = usesContainerdStore(info.stdout.trim());
    }
    if (canExportCache(driver, containerd)) {
        lib_core/* info */.pq(`The builder '${builder}' (driver ${driver}) can export a cache.`);
        return { name: builder, created: false, canExport: true };
    }
    lib_core/* warning */.$e(`The builder '${builder}' (driver ${driver ?? 'unknown'}${driver === 'docker' ? ', classic image store' : ''}) cannot export a build cache: ` +
        `BuildKit's docker driver exports caches only with the containerd image store. Building without a cache (cache: ${cache} is off this run); ` +
        `name a docker-container or remote builder, or turn on the containerd image store of that engine.`);
    return { name: builder, created: false, canExport: false };
}
async function removeBuilder(name) {
    const result = await run('docker', ['buildx', 'rm', '--force', name], { echo: false, timeoutMs: DOCKER_QUERY_MS });
    if (result.exitCode !== 0)
        lib_core/* warning */.$e(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
    else
        lib_core/* info */.pq(`Removed the builder '${name}'.`);
}
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
    return path.join(runnerTemp, 'c2w-action', `buildx-cache-${cache_short(`${step}\n${base}`).slice(0, 12)}`);
}
/** Whether `dir` is a folder localCacheDir names (the post step saves nothing else). */
function isLocalCacheDir(runnerTemp, dir) {
    return (path.dirname(dir) === path.join(runnerTemp, 'c2w-action') && /^buildx-cache-[0-9a-f]{12}$/.test(path.basename(dir)));
}
/**
 * The folders each cache entry is restored into and saved from, beside the merged folder `dir`
 * buildx imports from: fixed names, since the cache version hashes the paths.
 */
function entryDirs(dir) {
    return { shared: `${dir}-shared`, allocator: `${dir}-allocator` };
}
/** One entry into `dir`: its matched key, undefined on a miss, or TIMED_OUT. Throws on a service error. */
async function restoreEntry(cache, dir, primary, restore, deadline) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
    return timeout_raceTimeout(cache.restoreCache([dir], primary, restore), Math.max(0, deadline - Date.now()));
}
/**
 * local: restores the shared entry and the allocator's entry into their own folders and merges
 * them into `dir` (hard links): the blobs of both, and the allocator's index.json, or the shared
 * entry's when the allocator's names a blob neither holds. `cache-timeout` bounds both downloads
 * together.
 */
async function restoreLayers(inputs, keys, dir) {
    const plan = {
        mode: inputs.cache,
        dir,
        // Unique per run: two runs sharing RUNNER_TEMP never export into the same folder.
        newDir: `${dir}-new-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`,
        scope: keys.scope,
        sharedScope: keys.sharedScope,
        ref: inputs.cacheRef,
        restored: false,
        exactHit: false,
        readOnly: inputs.cacheSave === false,
    };
    if (plan.readOnly && inputs.cache !== 'none')
        lib_core/* info */.pq('cache-save is false: the cache is restored, never saved.');
    const none = { plan, keys, size: 0, sharedSize: 0, allocatorSize: 0 };
    if (inputs.cache !== 'local')
        return none;
    plan.shared = { key: keys.shared.primary, exactHit: false };
    const cache = await __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 5735));
    if (!cache.isFeatureAvailable()) {
        lib_core/* warning */.$e('The Actions cache service is not available to this job; building without a cache.');
        plan.mode = 'none';
        return none;
    }
    const dirs = entryDirs(dir);
    const deadline = Date.now() + inputs.cacheTimeoutSeconds * 1000;
    let sharedKey;
    let matchedKey;
    try {
        const shared = await restoreEntry(cache, dirs.shared, keys.shared.primary, keys.shared.restore, deadline);
        const own = shared === timeout_TIMED_OUT ? shared : await restoreEntry(cache, dirs.allocator, keys.primary, keys.restore, deadline);
        if (shared === timeout_TIMED_OUT || own === timeout_TIMED_OUT) {
            // The abandoned download may still be writing into its folder: leave it alone this run.
            lib_core/* warning */.$e(`The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`);
            plan.mode = 'none';
            return none;
        }
        sharedKey = shared;
        matchedKey = own;
    }
    catch (e) {
        lib_core/* warning */.$e(`Cache restore failed: ${e.message}; building without a cache.`);
        return none;
    }
    if (sharedKey === undefined && matchedKey === undefined) {
        lib_core/* info */.pq(`No cache for ${keys.shared.primary}, ${keys.primary} or their restore keys; this build is cold.`);
        return none;
    }
    const sharedSize = await dirSize(dirs.shared);
    const allocatorSize = await dirSize(dirs.allocator);
    const indexFrom = await mergeEntries(dir, [dirs.allocator, dirs.shared]);
    if (indexFrom === undefined) {
        lib_core/* warning */.$e(`The restored cache entries (${[sharedKey, matchedKey].filter(Boolean).join(', ')}) lack blobs their index names; building without them.`);
        return { ...none, sharedSize, allocatorSize };
    }
    plan.restored = true;
    plan.shared.exactHit = sharedKey === keys.shared.primary;
    // Exact only when this allocator's own index is the one in use: then every layer is there.
    plan.exactHit = matchedKey === keys.primary && indexFrom === dirs.allocator && plan.shared.exactHit;
    const size = await dirSize(dir);
    lib_core/* info */.pq(`Restored ${size} bytes of build cache: ${sharedSize} bytes shared by every allocator` +
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
        await (0,promises_.stat)(external_node_path_.join(plan.newDir, 'index.json'));
    }
    catch {
        lib_core/* warning */.$e(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
        return false;
    }
    // Another run on this runner with the same folder may rotate at the same moment: its rename
    // can land between the removal and ours (ENOTEMPTY). Try again once; the folder then holds one
    // complete export either way, never a mix.
    for (let attempt = 0;; attempt++) {
        await (0,promises_.rm)(plan.dir, { recursive: true, force: true });
        try {
            await (0,promises_.rename)(plan.newDir, plan.dir);
            return true;
        }
        catch (e) {
            const code = e.code;
            if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 1) {
                lib_core/* warning */.$e(`Could not move the exported cache into ${plan.dir}: ${e.message}; nothing to save.`);
                await (0,promises_.rm)(plan.newDir, { recursive: true, force: true });
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
    const all = await listBlobs(p.dir);
    const index = await topFilesSize(p.dir);
    const whole = blobDelta(all, new Set()).bytes + index;
    if (!p.shared)
        return { shared: 0, allocator: whole };
    if (!p.shared.exactHit)
        return { shared: whole, allocator: index };
    const base = new Set((await listBlobs(entryDirs(p.dir).shared)).keys());
    return { shared: 0, allocator: blobDelta(all, base).bytes + index };
}
/** One entry; true when stored. Never throws. */
async function saveEntry(cache, dir, key, timeoutSeconds = 600) {
    try {
        const id = await raceTimeout(cache.saveCache([dir], key), timeoutSeconds * 1000);
        if (id === TIMED_OUT) {
            core.warning(`The cache save under ${key} took more than ${timeoutSeconds} s (cache-timeout); it was given up.`);
            return false;
        }
        if (id === -1)
            core.info(`The build cache was not saved under ${key} (see the lines above).`);
        return id !== -1;
    }
    catch (e) {
        core.warning(`Cache save failed: ${e.message}`);
        return false;
    }
}
/**
 * Post step: saves the rotated folder as the shared entry (when it was not restored exactly) and
 * the allocator's entry: the blobs the shared entry lacks and index.json. When the shared save does
 * not happen (another cell of a cold matrix saved that key first, with layers of its own build),
 * the allocator's entry holds the whole export. Never throws.
 */
async function saveLayers(p) {
    const saved = { shared: 0, allocator: 0 };
    try {
        const cache = await __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 5735));
        const dirs = entryDirs(p.dir);
        const all = await listBlobs(p.dir);
        let base = new Set();
        if (p.shared && !p.shared.exactHit) {
            const bytes = await writeSubset(p.dir, dirs.shared, [...all.keys()]);
            if (await saveEntry(cache, dirs.shared, p.shared.key, p.timeoutSeconds)) {
                saved.shared = bytes;
                base = new Set(all.keys());
                core.info(`Saved the shared build cache (${bytes} bytes) under ${p.shared.key}.`);
            }
        }
        else if (p.shared) {
            base = new Set((await listBlobs(dirs.shared)).keys());
        }
        const bytes = await writeSubset(p.dir, dirs.allocator, blobDelta(all, base).names);
        if (await saveEntry(cache, dirs.allocator, p.key, p.timeoutSeconds)) {
            saved.allocator = bytes;
            core.info(`Saved the build cache (${bytes} bytes) under ${p.key}.`);
        }
    }
    catch (e) {
        core.warning(`Cache save failed: ${e.message}`);
    }
    return saved;
}

;// CONCATENATED MODULE: ./src/allocators.ts
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

;// CONCATENATED MODULE: ./src/failures.ts
// The failure signatures users hit with c2w (each names the upstream c2w issue that shows it),
// matched against the tail of a failed build or boot so the error says what to do.

const SIGNATURES = [
    {
        kind: 'allocator',
        test: (l) => classifyAllocatorFailure(l, '') !== undefined,
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

;// CONCATENATED MODULE: ./src/cache-trouble.ts
// What BuildKit said about the cache import and export of a build, read from its plain progress
// output (c2w runs `docker buildx build --progress=plain`). BuildKit never fails a build whose
// cache import fails, nor one whose export fails with ignore-error=true: it prints
// `#N importing cache manifest from REF` / `#N exporting cache to …` and then `#N ERROR: …` under
// the same step number, and goes on. Those lines are the only place the trouble shows, so the
// action reads them and turns them into warnings.
/** Reads the build log line by line as it streams; keeps only the cache steps' errors. */
class CacheLogReader {
    partial = '';
    steps = new Map();
    troubles = [];
    push(chunk) {
        const lines = (this.partial + chunk).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines)
            this.line(line.replace(/\r$/, ''));
    }
    end() {
        if (this.partial)
            this.line(this.partial);
        this.partial = '';
        return this.troubles;
    }
    line(line) {
        const imp = /^#(\d+) importing cache manifest from (\S+)/.exec(line);
        if (imp) {
            this.steps.set(imp[1], { step: 'import', target: imp[2] });
            return;
        }
        const exp = /^#(\d+) exporting cache to (.+?)\s*$/.exec(line);
        if (exp) {
            if (!this.steps.has(exp[1]))
                this.steps.set(exp[1], { step: 'export', target: exp[2] });
            return;
        }
        const err = /^#(\d+) ERROR: (.*)$/.exec(line);
        const step = err && this.steps.get(err[1]);
        if (err && step)
            this.troubles.push({ ...step, error: err[2] });
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
/**
 * Resolves once everything written to process.stdout and process.stderr so far has been handed to
 * the operating system, or after `timeoutMs` (a log reader that never reads must not keep the step
 * alive). On Linux, writes to a pipe are asynchronous in Node: process.exit() drops what is still
 * queued, such as the last `::error::` line or a stop-commands resume token.
 */
async function flushStdio(timeoutMs = 30_000) {
    await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => {
        if (stream.writableLength === 0) {
            resolve();
            return;
        }
        const timer = setTimeout(resolve, timeoutMs);
        // The callback of a write runs after every write before it has been flushed.
        stream.write('', () => {
            clearTimeout(timer);
            resolve();
        });
    })));
}
/** process.exit(code), once stdout and stderr are flushed (see flushStdio). */
async function exitWhenFlushed(code, timeoutMs) {
    await flushStdio(timeoutMs);
    process.exit(code);
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
/** buildx's gha cache backend reads the Actions runtime variables itself; no other c2w run needs them. */
function needsActionsCache(extraFlags) {
    return extraFlags.some((flag) => /^--cache-(from|to)=type=gha(,|$)/.test(flag));
}
/** How c2w ended, for the error: its exit code, or the signal that ended it (then there is no exit code). */
function describeEnd(result) {
    return result.signal ? `ended by ${result.signal}` : `exit ${result.exitCode}`;
}
class ConversionError extends Error {
    name = 'ConversionError';
}
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
async function convert(c2w, inputs, dockerfile, extraFlags = []) {
    const argv = buildC2wArgv(inputs, dockerfile, extraFlags);
    const outDir = inputs.target === 'js' ? inputs.output : external_node_path_.dirname(inputs.output);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const tail = new Tail();
    const cacheLog = new CacheLogReader();
    const started = performance.now();
    const result = await lib_core/* group */.Os(`c2w ${argv.join(' ')}`, () => withoutWorkflowCommands(() => run(c2w, argv, {
        envNeeds: { actionsCache: needsActionsCache(extraFlags) },
        onOutput: (chunk) => {
            tail.push(chunk);
            cacheLog.push(chunk);
        },
    })));
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    const log = tail.toString();
    if (result.exitCode !== 0 || result.signal) {
        const how = describeEnd(result);
        const failure = classifyFailure(log);
        const last = log.trim().split('\n').slice(-15).join('\n');
        throw new ConversionError(failure
            ? `c2w failed (${how}): ${failure.line}\n${failure.hint}`
            : `c2w failed (${how}). Last lines of its log:\n${last}`);
    }
    const checked = inputs.target === 'js' ? await checkJsOutput(inputs.output) : await checkWasiOutput(inputs.output);
    return { path: inputs.output, ...checked, buildSeconds, cacheTrouble: cacheLog.end() };
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
/**
 * sha256 of the sorted `<sha256>  <path>` listing: stable for the same files, whatever the order
 * on disk. The files are the ones the artifact and the release tarball hold (walkFolder).
 */
async function hashDirectory(dir) {
    const files = (await walkFolder(dir)).filter((e) => e.type === 'file');
    const listing = [];
    for (const f of files)
        listing.push(`${await sha256File(f.abs)}  ${f.rel}\n`);
    return { sha256: (0,external_node_crypto_.createHash)('sha256').update(listing.join('')).digest('hex'), files: files.map((f) => f.rel) };
}
async function checkJsOutput(dir) {
    let listing;
    try {
        listing = await hashDirectory(dir);
    }
    catch (err) {
        if (err instanceof UnsafeLinkError)
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
        const shown = await run(c2w, ['--show-dockerfile'], { echo: false, timeoutMs: 60_000 });
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
        lib_core/* info */.pq(`Allocator: default, Dockerfile left as it is (${patch.found} -sMALLOC= setting(s)).`);
    }
    else {
        lib_core/* info */.pq(`Allocator: set ${patch.found} -sMALLOC= setting(s) to ${inputs.allocator} (${patch.changed} changed, ${patch.found - patch.changed} already ${inputs.allocator}).`);
    }
    if (inputs.target === 'wasi' && inputs.allocator !== 'default') {
        lib_core/* notice */.lm(`allocator '${inputs.allocator}' only affects target: js builds; WASI outputs are built with wasi-sdk and use wasi-libc's allocator.`);
    }
    await (0,promises_.mkdir)(tempDir, { recursive: true });
    const file = external_node_path_.join(tempDir, 'Dockerfile');
    await (0,promises_.writeFile)(file, patch.text);
    return {
        path: file,
        sha256: sha256Text(patch.text),
        sourceSha256: sha256Text(source),
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

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/releases-api.ts
// Which GitHub REST API knows the releases behind `c2w-download-url`, and whether `github-token`
// may be sent there. `c2w-version: latest` is resolved there, never blindly at GITHUB_API_URL: on
// GitHub Enterprise Server that API is the GHES instance, which does not have a repository that
// lives on github.com, and its token must not travel to another host. Pure: tested by table.
/** GitHub serves release downloads at `<host>/<owner>/<repo>/releases/download/<tag>/<asset>`. */
const DOWNLOAD_PATH = /^\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/releases\/download\/*$/;
/**
 * The API of the host that serves `downloadUrl`, or undefined when the URL is not a GitHub
 * release download base (a plain mirror has no releases API).
 * - the runner's own host (GITHUB_SERVER_URL): GITHUB_API_URL, with the token;
 * - github.com: https://api.github.com; a GHE.com tenant `x.ghe.com`: https://api.x.ghe.com;
 * - any other host is taken for a GitHub Enterprise Server, whose API is `<origin>/api/v3`.
 */
function releasesApiFor(downloadUrl, env) {
    let url;
    try {
        url = new URL(downloadUrl);
    }
    catch {
        return undefined;
    }
    const m = DOWNLOAD_PATH.exec(url.pathname);
    if (!m || url.search || url.hash || url.username || url.password)
        return undefined;
    const [, owner, repo] = m;
    const host = url.host.toLowerCase();
    let server;
    try {
        server = new URL(env.GITHUB_SERVER_URL || 'https://github.com');
    }
    catch {
        server = undefined;
    }
    if (server && server.host.toLowerCase() === host && server.protocol === url.protocol) {
        const api = env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`);
        return { api: api.replace(/\/+$/, ''), owner, repo, sendToken: true };
    }
    if (host === 'github.com')
        return { api: 'https://api.github.com', owner, repo, sendToken: false };
    if (host.endsWith('.ghe.com'))
        return { api: `https://api.${host}`, owner, repo, sendToken: false };
    return { api: `${url.origin}/api/v3`, owner, repo, sendToken: false };
}

;// CONCATENATED MODULE: ./src/install.ts
// Stage: a pinned c2w release, checksum-verified, kept in the runner's tool cache.












const TOOL_NAME = 'c2w';
const C2W_REPOSITORY = 'container2wasm/container2wasm';
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
    const tag = options.version === 'latest' ? await resolveLatest(options.token, options.downloadUrl) : options.version;
    const asset = releaseAssetName(tag, options.arch ?? external_node_os_.arch());
    const arch = options.arch ?? external_node_os_.arch();
    const found = tool_cache/* find */.I6(TOOL_NAME, toolCacheVersion(tag), arch);
    if (found) {
        lib_core/* info */.pq(`c2w ${tag} found in the tool cache: ${found}`);
        lib_core/* addPath */.fM(found);
        return { c2w: external_node_path_.join(found, 'c2w'), version: tag, cached: true };
    }
    const base = `${options.downloadUrl}/${tag}`;
    lib_core/* info */.pq(`Downloading ${base}/${asset}`);
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
    lib_core/* info */.pq(`Verified ${asset} (sha256 ${actual})`);
    const cachedDir = await installIntoToolCache(tarball, toolCacheVersion(tag), arch);
    lib_core/* addPath */.fM(cachedDir);
    return { c2w: external_node_path_.join(cachedDir, 'c2w'), version: tag, cached: false };
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
async function installIntoToolCache(tarball, version, arch) {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        throw new InstallError('RUNNER_TOOL_CACHE is not set: this does not look like an Actions runner.');
    const dest = external_node_path_.join(root, TOOL_NAME, version, arch);
    await (0,promises_.mkdir)(external_node_path_.dirname(dest), { recursive: true });
    const staging = external_node_path_.join(external_node_path_.dirname(dest), `.${arch}-${(0,external_node_crypto_.randomUUID)()}`);
    await (0,promises_.mkdir)(staging);
    try {
        const untar = await run('tar', ['-xzf', tarball, '-C', staging, '--no-same-owner'], {
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
                lib_core/* info */.pq(`Another job installed c2w ${version} at the same time; using its identical copy.`);
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
        for (const file of await listFiles(mine)) {
            if ((await sha256File(external_node_path_.join(mine, file))) !== (await sha256File(external_node_path_.join(other, file))))
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
    const out = await run(c2w, ['--version'], { echo: false, timeoutMs: 60_000 });
    const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(out.stdout)?.[0] ?? 'system';
    lib_core/* info */.pq(`Using the c2w on PATH: ${c2w} (${version})`);
    return { c2w, version, cached: true };
}
/**
 * Resolves `latest` through the releases API of the host that serves the downloads (see
 * releases-api.ts): github.com's public API by default, so a GHES runner neither asks its own
 * instance about a github.com repository nor sends its token there.
 */
async function resolveLatest(token, downloadUrl, env = process.env) {
    const source = releasesApiFor(downloadUrl, env);
    if (source === undefined) {
        throw new InstallError(`c2w-version 'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got ${downloadUrl}. Give a release tag instead.`);
    }
    // A bounded wait: the API answers in well under a second; a stalled connection must not hang the job.
    const http = new lib/* HttpClient */.Qq('c2w-action', [], { socketTimeout: 30_000 });
    const headers = { accept: 'application/vnd.github+json' };
    if (token && source.sendToken)
        headers.authorization = `Bearer ${token}`;
    const url = `${source.api}/repos/${source.owner}/${source.repo}/releases/latest`;
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
    lib_core/* info */.pq(`c2w-version latest is ${tag} (${url}${headers.authorization ? '' : ', unauthenticated'})`);
    return tag;
}

;// CONCATENATED MODULE: ./src/cli/local-cache.ts
// The build cache on this machine: a folder of buildx local caches, one per cache key, used the way
// `cache: local` uses the Actions cache. Restore picks the entry of the primary key (an exact hit,
// nothing to export) or else the newest entry whose key starts with a restore key (most specific
// first), as actions/cache matches restore keys. buildx imports from that entry and exports to a
// fresh folder of its own, which replaces the primary key's entry only after a good build (the
// rotation of cache.ts: exporting into the imported folder would grow it forever, docker/build-push-
// action issue #252). An interrupted or failed build leaves the entries as they were; its export
// folder is removed, or, after a kill, by the next run. Like the Actions cache, the folder has a
// budget (10 GiB, GitHub's default cache size per repository): after a save the oldest entries go
// until the rest fits.





/** Export folders: `.export-<pid>-<random>`, so a later run can tell whether its writer still lives. */
const EXPORT = /^\.export-(\d+)-[0-9a-f]+$/;
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
/** Chooses the entry to import and a fresh export folder. */
async function restoreLocal(root, keys) {
    const matchedKey = matchEntry(await listEntries(root), keys);
    const entry = external_node_path_.join(root, keys.primary);
    const plan = {
        mode: 'local',
        dir: matchedKey === undefined ? entry : external_node_path_.join(root, matchedKey),
        newDir: external_node_path_.join(root, `.export-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`),
        scope: keys.scope,
        restored: matchedKey !== undefined,
        exactHit: matchedKey === keys.primary,
    };
    const size = matchedKey === undefined ? 0 : await dirSize(plan.dir);
    return { plan, entry, ...(matchedKey !== undefined ? { matchedKey } : {}), size };
}
/** After a good build: the export becomes the primary key's entry. true when it was saved. */
async function saveLocal(restored) {
    try {
        return await rotate({ ...restored.plan, dir: restored.entry });
    }
    finally {
        await discardExport(restored);
    }
}
/** Removes the export folder of a build that failed or was interrupted. */
async function discardExport(restored) {
    await (0,promises_.rm)(restored.plan.newDir, { recursive: true, force: true });
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
        sized.push({ ...e, size: await dirSize(external_node_path_.join(root, e.key)) });
    const keys = toEvict(sized, keep, budget);
    for (const key of keys)
        await (0,promises_.rm)(external_node_path_.join(root, key), { recursive: true, force: true });
    return { keys, bytes: sized.filter((e) => keys.includes(e.key)).reduce((n, e) => n + e.size, 0) };
}

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
/** The installed c2w releases: @actions/tool-cache's folder (its RUNNER_TOOL_CACHE). */
function toolCacheDir(env = process.env, home = external_node_os_.homedir()) {
    return external_node_path_.join(cacheHome(env, home), 'tools');
}

// EXTERNAL MODULE: ./src/c2w-info.ts
var c2w_info = __webpack_require__(2414);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/smoke-expect.ts
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
        f |= build/* RE2JS */.L3.MULTILINE;
    if (flags.includes('i'))
        f |= build/* RE2JS */.L3.CASE_INSENSITIVE;
    if (flags.includes('s'))
        f |= build/* RE2JS */.L3.DOTALL;
    return f;
}
/**
 * Compiles `source` with RE2. Throws ExpectationError with the bare reason when RE2 cannot handle
 * it or when it matches the empty string.
 */
function compileExpectation(source, flags = 'm') {
    let re;
    try {
        re = build/* RE2JS */.L3.compile(source, re2Flags(flags));
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

;// CONCATENATED MODULE: ./src/smoke-output.ts
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

// EXTERNAL MODULE: ./src/smoke-protocol.ts
var smoke_protocol = __webpack_require__(2731);
;// CONCATENATED MODULE: ./src/smoke.ts
// The smoke boot's runner: run what c2w built, in Node, in a child process, and see whether it
// answers. What happens during the run is collected into one SmokeEvents object; what it means is
// decided at the end by decideSmokeResult, a pure function.
//
// The module runs in a child process rather than a worker thread: `worker.terminate()` cannot
// interrupt a long blocking WASI call (a 60 s poll_oneoff, a read on a silent pipe), and a js
// (emscripten, pthreads) output never exits on its own. A child can always be killed. It leads a
// process group of its own (`detached: true`) so that ending it ends whatever it started too.
// The child is the bundle itself started with SMOKE_CHILD_FLAG (see smoke-child.ts, and
// smoke-protocol.ts for what the two share); the module's environment is built only from `smoke-env`.








class SmokeError extends Error {
    name = 'SmokeError';
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
    const allocatorFailure = classifyAllocatorFailure(ctx.searchable, ctx.allocator);
    const allocatorText = allocatorFailure
        ? ` Allocator failure (${allocatorFailure.allocator}): ${allocatorFailure.line}. ${allocatorFailure.suggestion}`
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
        how = `could not be started: ${ev.spawnError}`;
    else if (ev.childError)
        how = `could not be run: ${ev.childError}`;
    else if (ev.exit && 'trap' in ev.exit)
        how = `trapped (${ev.exit.trap})`;
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
    const env = { [smoke_protocol/* SMOKE_CHILD_CONFIG_ENV */.yX]: JSON.stringify(config) };
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
/** Reads the child's reports (one JSON object a line) into `ev`. */
function readControl(control, ev) {
    let pending = '';
    control?.setEncoding('utf8');
    control?.on('error', () => undefined);
    control?.on('data', (chunk) => {
        pending += chunk;
        let nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const line = pending.slice(0, nl);
            pending = pending.slice(nl + 1);
            let msg;
            try {
                msg = JSON.parse(line);
            }
            catch {
                continue;
            }
            if (msg.event === 'exit') {
                ev.exit = { code: msg.code };
                ev.peakRssKiB = msg.maxRssKiB;
            }
            else if (msg.event === 'trap') {
                ev.exit = { trap: msg.message };
                ev.peakRssKiB = msg.maxRssKiB;
            }
            else if (msg.event === 'error') {
                ev.childError = msg.message;
            }
        }
    });
}
async function runSmoke(opts) {
    const c2wArgs = opts.c2wArgs ?? true;
    if (opts.target === 'wasi' && c2wArgs) {
        const budget = (0,c2w_info/* checkEnvBudget */.Fd)(opts.command, opts.env);
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
    const matcher = new StreamMatcher(compileExpectation(opts.expect.source, opts.expect.flags));
    const config = {
        target: opts.target,
        path: opts.path,
        args: opts.target === 'wasi' ? wasiArgs(opts.path, opts.command, c2wArgs) : opts.command,
        env: opts.env,
    };
    const graceMs = opts.graceMs ?? 2000;
    const cap = opts.maxOutputBytes ?? 1024 * 1024;
    const stdout = new CappedText(cap);
    const stderr = new CappedText(cap);
    const log = opts.log ? new CappedLog(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
    const ev = { endedAt: 0 };
    const child = (0,external_node_child_process_.spawn)(opts.nodePath ?? process.execPath, ['--disable-warning=ExperimentalWarning', childEntry, smoke_protocol/* SMOKE_CHILD_FLAG */.oQ], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: smokeChildEnv(config, process.env), detached: true });
    track(child);
    const outputs = [child.stdout, child.stderr].filter((s) => s !== null);
    await new Promise((resolve) => {
        let killTimer;
        let ending = false;
        const end = () => {
            // From now on the output is read to its end whatever the log's reader does (it may be stuck;
            // what still goes to the log is bounded by its cap), so that the child's pipes close.
            ending = true;
            for (const s of outputs)
                s.resume();
            if (child.exitCode !== null || child.signalCode !== null)
                return;
            ev.peakRssKiB = readPeakRss(child.pid) ?? ev.peakRssKiB;
            signalGroup(child, 'SIGTERM');
            killTimer ??= setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
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
        readControl(child.stdio[smoke_protocol/* SMOKE_CONTROL_FD */.xN], ev);
        // The child never reads stdin; keep the pipe open and silent (a read on it blocks, as a
        // console with no input would). It is closed when the child ends.
        child.stdin?.on('error', () => undefined);
        child.on('error', (err) => {
            ev.spawnError = err.message;
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            child.stdin?.destroy();
            log?.close();
            ev.code = code;
            ev.signal = signal;
            ev.endedAt = elapsed();
            resolve();
        });
    });
    return decideSmokeResult(ev, {
        target: opts.target,
        expect: String(opts.expect),
        timeoutSeconds: opts.timeoutSeconds,
        allocator: opts.allocator,
        stdout: stdout.text,
        stderr: stderr.text,
        searchable: `${stdout.searchable}\n${stderr.searchable}`,
    });
}

;// CONCATENATED MODULE: ./src/smoke-figures.ts
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

;// CONCATENATED MODULE: ./src/smoke-series.ts
// The smoke gate: `smoke-runs` boots of the output, each in its own child process (smoke.ts), the
// first one that does not pass ending the series, and the outputs it gives. The action (main.ts)
// and the command (cli/) run the same series and differ only in how a boot is shown.


/** Characters of the guest's stdout kept in the smoke-output output. */
const SMOKE_OUTPUT_MAX = 4096;
/**
 * Boots `path` smoke-runs times. `boot` runs one boot (runSmoke, shown the caller's way) with its
 * title, e.g. `Smoke boot 2 of 3: echo c2w-smoke-ok`.
 */
async function smokeSeries(inputs, path, boot) {
    const runs = [];
    let last;
    for (let i = 1; i <= inputs.smokeRuns && (last === undefined || last.result === 'passed'); i++) {
        const title = `Smoke boot${inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : ''}: ${inputs.smokeCommand.join(' ')}`;
        last = await boot({
            target: inputs.target,
            path,
            command: inputs.smokeCommand,
            expect: inputs.smokeExpect,
            timeoutSeconds: inputs.smokeTimeoutSeconds,
            env: inputs.smokeEnv,
            allocator: inputs.allocator,
        }, title);
        runs.push(last);
    }
    const figures = smokeFigures(runs);
    const output = last.stdout.length > SMOKE_OUTPUT_MAX ? `${last.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last.stdout;
    return {
        last: last,
        figures,
        outputs: {
            [Outputs.SmokeResult]: last.result,
            [Outputs.SmokeSeconds]: figures.smokeSecondsMedian,
            [Outputs.SmokeSecondsMax]: figures.smokeSecondsMax,
            ...(figures.smokePeakRss !== undefined ? { [Outputs.SmokePeakRss]: figures.smokePeakRss } : {}),
            [Outputs.SmokeOutput]: output,
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/smoke-series.ts
// The smoke gate as the action runs it (smoke-series.ts), shown on the command's console. Shared by
// `convert` and `smoke`.


/** Boots `path`; returns the last run (the failing one, or the last that passed). */
async function smoke_series_smokeSeries(inputs, path, out, results, verbose, 
/** Called before each boot; throws to stop (an interrupt). */
before = () => undefined) {
    const series = await smokeSeries(inputs, path, async (options, title) => {
        before();
        out.stage(title);
        const result = await runSmoke({
            ...options,
            ...(verbose ? { onOutput: (_stream, chunk) => out.passthrough(chunk) } : {}),
        });
        out.info(result.message);
        return result;
    });
    const last = series.last;
    if (last.result !== 'passed' && !verbose) {
        // What the guest printed last, so the failure can be read without --verbose.
        const tail = `${last.stdout}\n${last.stderr}`.trim().split('\n').slice(-15).join('\n');
        if (tail)
            out.info(`Last lines of the boot:\n${tail}`);
    }
    Object.assign(results, series.outputs);
    return last;
}

;// CONCATENATED MODULE: ./src/cli/convert-command.ts
// `c2w-action convert`: the action's pipeline on this machine, stage by stage as main.ts runs it:
// install c2w (or --c2w) → the Dockerfile with the allocator → the build cache (a local folder) →
// the conversion → the smoke boot, per allocator of the fallback order. Publishing is not part of it.













class SmokeFailed extends Error {
    name = 'SmokeFailed';
}
async function convertCommand(inputs, options, out, results, interrupt) {
    // @actions/tool-cache keeps releases under RUNNER_TOOL_CACHE and downloads to RUNNER_TEMP.
    const temp = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'c2w-action-'));
    process.env.RUNNER_TOOL_CACHE = toolCacheDir();
    process.env.RUNNER_TEMP = temp;
    let builder;
    try {
        out.stage('Install c2w');
        const c2w = options.c2w
            ? await givenC2w(options.c2w, out)
            : await installC2w({
                version: inputs.c2wVersion,
                downloadUrl: inputs.c2wDownloadUrl,
                token: process.env.GITHUB_TOKEN ?? '',
            });
        results[Outputs.C2wVersion] = c2w.version;
        interrupt.check();
        if (inputs.cache !== 'none' || inputs.builder)
            out.stage('Choose the builder');
        builder = await chooseBuilder(inputs, 'cli');
        interrupt.check();
        const attempt = (allocator) => buildAndBoot({ ...inputs, allocator }, c2w, builder, temp, options, out, results, interrupt);
        const { allocator, rejected } = await firstPassing(attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback), attempt, (rejectedSoFar, next) => {
            const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1];
            results[Outputs.RejectedAllocators] = rejectedSoFar.map((r) => `${r.allocator}: ${r.line}`).join('\n');
            out.warn(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
        });
        if (rejected.length > 0) {
            out.info(`Allocator ${allocator} passed after ${rejected.map((r) => r.allocator).join(', ')} failed.`);
        }
    }
    finally {
        if (builder?.created && builder.name)
            await removeBuilder(builder.name);
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
/** `--c2w PATH`: that binary, its version as it reports it. */
async function givenC2w(file, out) {
    const c2w = external_node_path_.resolve(file);
    const shown = await run(c2w, ['--version'], { echo: false });
    // c2w prints `c2w version v0.8.4`.
    const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(shown.stdout)?.[0] ?? 'unknown';
    out.info(`Using ${c2w} (${version}).`);
    return { c2w, version, cached: true };
}
async function buildAndBoot(attempt, c2w, builder, temp, options, out, results, interrupt) {
    interrupt.check();
    out.stage('Prepare the Dockerfile');
    const dockerfile = await prepareDockerfile(attempt, c2w.c2w, external_node_path_.join(temp, attempt.allocator));
    results[Outputs.Allocator] = attempt.allocator;
    const keys = cacheKeys({
        prefix: attempt.cacheKey,
        runnerOs: external_node_os_.platform(),
        runnerArch: external_node_os_.arch(),
        c2wVersion: c2w.version,
        target: attempt.target,
        targetArch: attempt.targetArch,
        dockerfileSha256: keyDockerfileSha256(attempt.target, dockerfile.sha256, dockerfile.sourceSha256),
        buildArgs: attempt.buildArgs,
        debugImage: attempt.debugImage,
        image: attempt.image,
    });
    const mode = builder.canExport ? attempt.cache : 'none';
    let local;
    let plan;
    if (mode === 'local') {
        out.stage('Restore the build cache');
        local = await restoreLocal(options.cacheDir, keys);
        // --no-cache-save: import only, as cache-save: false does in the action.
        plan = attempt.cacheSave === false ? { ...local.plan, readOnly: true } : local.plan;
        out.info(local.matchedKey === undefined
            ? `No cache for ${keys.primary} in ${options.cacheDir}; this build is cold.`
            : `Restored ${local.size} bytes of build cache from ${local.matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`);
    }
    else {
        plan = (await restoreLayers({ ...attempt, cache: mode }, keys, '')).plan;
    }
    if (attempt.cache !== 'none') {
        results[Outputs.CachePrimaryKey] = keys.primary;
        results[Outputs.CacheHit] = plan.exactHit;
        results[Outputs.CacheMatchedKey] = local?.matchedKey ?? '';
        results[Outputs.CacheSize] = local?.size ?? 0;
    }
    interrupt.check();
    let built;
    try {
        out.stage(`Convert ${attempt.image} (${attempt.target}, ${attempt.targetArch})`);
        built = await convert(c2w.c2w, attempt, dockerfile.path, [...builderFlags(builder.name), ...cacheFlags(plan)]);
        out.info(`Built ${built.path} in ${built.buildSeconds} s.`);
        results[Outputs.WasmPath] = built.path;
        results[Outputs.WasmSize] = built.size;
        results[Outputs.Sha256] = built.sha256;
        results[Outputs.BuildSeconds] = built.buildSeconds;
        if (local && !plan.exactHit && !plan.readOnly) {
            out.stage('Save the build cache');
            if (await saveLocal(local)) {
                out.info(`Saved the build cache under ${keys.primary}.`);
                const evicted = await evict(options.cacheDir, keys.primary);
                if (evicted.keys.length > 0) {
                    out.info(`Removed the ${evicted.keys.length} oldest cache entr${evicted.keys.length === 1 ? 'y' : 'ies'} (${evicted.bytes} bytes) to keep the folder within ${CACHE_BUDGET_BYTES} bytes.`);
                }
            }
        }
    }
    finally {
        if (local)
            await discardExport(local);
    }
    interrupt.check();
    if (!attempt.smoke) {
        results[Outputs.SmokeResult] = 'skipped';
        return { passed: true, value: built };
    }
    const smoke = await smoke_series_smokeSeries(attempt, built.path, out, results, options.verbose, () => interrupt.check());
    if (smoke.result === 'passed')
        return { passed: true, value: built };
    const failure = smoke.allocatorFailure;
    return {
        passed: false,
        error: new SmokeFailed(`Smoke boot ${smoke.result}: ${smoke.message}${failure ? `\n${failure.suggestion}` : ''}`),
        ...(failure ? { allocatorFailure: failure.line } : {}),
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
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
    { flag: 'json', help: "print the results as JSON, named like the action's outputs" },
    { flag: 'verbose', help: 'print the raw build and boot logs' },
    { flag: 'help', help: 'this help' },
];
class UsageError extends Error {
    name = 'UsageError';
}
/** Parses `argv` (without node and the script). Throws UsageError naming the flag. Pure. */
function parseCommand(argv) {
    const [first, ...tail] = argv;
    const verb = first === 'convert' || first === 'smoke'
        ? first
        : first === undefined || first === 'help' || first === '--help' || first === '-h'
            ? 'help'
            : undefined;
    if (verb === undefined)
        throw new UsageError(`unknown command '${first}': use convert or smoke (see --help)`);
    const dashdash = tail.indexOf('--');
    const words = dashdash < 0 ? tail : tail.slice(0, dashdash);
    const rest = dashdash < 0 ? [] : tail.slice(dashdash + 1);
    const specs = verb === 'smoke' ? FLAGS.filter((f) => f.smoke) : verb === 'convert' ? FLAGS : [];
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
        ...COMMAND_FLAGS.filter((f) => verb !== 'smoke' || !['c2w', 'cache-dir'].includes(f.flag)).map((f) => row(f.flag, 'arg' in f ? f.arg : undefined, f.help)),
    ];
    const githubOnly = [
        'Inputs of the action with no flag (GitHub only):',
        ...Object.entries(GITHUB_ONLY).map(([input, why]) => `  ${input}`.padEnd(34) + why),
    ];
    const exit = ['Exit status: 0 passed, 1 the conversion or the smoke boot failed, 2 bad usage, 130 interrupted.'];
    const parts = verb === 'smoke'
        ? [usage, smokeFlags, common, exit]
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

;// CONCATENATED MODULE: ./src/cli/interrupt.ts
// Ctrl-C. A terminal sends SIGINT to its foreground process group; the children exec.ts and the
// smoke boot start lead process groups of their own (processes.ts), so the command ends them: the
// first SIGINT (or SIGTERM) sends SIGTERM to every live group and lets the pipeline unwind (c2w
// exits, `convert` fails, the cache keeps its entries and drops the export folder); a second one
// sends SIGKILL. The process is never ended from the handler, so a cache rotation in progress
// finishes.

class InterruptedError extends Error {
    name = 'InterruptedError';
    constructor() {
        super('Interrupted: the children were ended; the build cache keeps what it had before this run.');
    }
}
function handleInterrupts(onInterrupt = () => undefined) {
    let count = 0;
    const handler = () => {
        count++;
        onInterrupt(count);
        for (const child of liveChildren())
            signalGroup(child, count === 1 ? 'SIGTERM' : 'SIGKILL');
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
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/results.ts
// The command's results, named like the action's outputs (outputs.ts), and the two ways to print
// them: a short summary for a person, JSON for a program. Pure.

/** `--json`: every result known, in the order of the outputs list; `error` when the run failed. */
function renderJson(results, error) {
    const ordered = {};
    for (const name of Object.values(Outputs)) {
        const v = results[name];
        if (v !== undefined)
            ordered[name] = v;
    }
    if (error !== undefined)
        ordered.error = error;
    return `${JSON.stringify(ordered, null, 2)}\n`;
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
function renderSummary(results, error) {
    const lines = [];
    const r = results;
    if (r[Outputs.WasmPath] !== undefined) {
        lines.push(`output     ${r[Outputs.WasmPath]} (${bytes(r[Outputs.WasmSize])}, sha256 ${r[Outputs.Sha256]})`);
    }
    if (r[Outputs.C2wVersion] !== undefined) {
        const build = r[Outputs.BuildSeconds] !== undefined ? `, built in ${r[Outputs.BuildSeconds]} s` : '';
        lines.push(`c2w        ${r[Outputs.C2wVersion] ?? '?'}, allocator ${r[Outputs.Allocator] ?? '?'}${build}`);
    }
    if (r[Outputs.RejectedAllocators]) {
        lines.push(`rejected   ${String(r[Outputs.RejectedAllocators]).split('\n').join('\n           ')}`);
    }
    if (r[Outputs.CachePrimaryKey] !== undefined) {
        const hit = r[Outputs.CacheHit]
            ? 'exact hit'
            : r[Outputs.CacheMatchedKey]
                ? `restored ${r[Outputs.CacheMatchedKey]}`
                : undefined;
        lines.push(hit === undefined
            ? `cache      cold, key ${r[Outputs.CachePrimaryKey]}`
            : `cache      ${hit} (${bytes(r[Outputs.CacheSize])}), key ${r[Outputs.CachePrimaryKey]}`);
    }
    if (r[Outputs.SmokeResult] !== undefined) {
        const secs = r[Outputs.SmokeResult] === 'skipped'
            ? ''
            : ` in ${seconds(r[Outputs.SmokeSeconds])} s` +
                (r[Outputs.SmokePeakRss] !== undefined ? `, peak RSS ${bytes(r[Outputs.SmokePeakRss])}` : '');
        lines.push(`smoke      ${r[Outputs.SmokeResult]}${secs}`);
    }
    lines.push(error === undefined ? 'result     passed' : `result     failed: ${error.split('\n').join('\n           ')}`);
    return `${lines.join('\n')}\n`;
}

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

;// CONCATENATED MODULE: ./src/names.ts
// Names of what the action publishes: the rules a user-given artifact or release asset name must
// follow (each validator returns the bare reason, for the inputs module to attach to the input's
// name), and the default names derived from the matrix cell.

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
/** Why the artifact service would refuse `name`, or undefined when it accepts it. */
function artifactNameProblem(name) {
    if (name.trim() === '')
        return 'is empty';
    const bad = INVALID_ARTIFACT_NAME_CHARS.filter(([ch]) => name.includes(ch)).map(([, label]) => label);
    if (bad.length > 0) {
        return (`${JSON.stringify(name)} contains ${bad.join(', ')}; artifact names cannot contain ` +
            `" : < > | * ? \\ / or CR/LF (the artifact service refuses them)`);
    }
    return undefined;
}
/**
 * Why `name` cannot be a release asset name, or undefined. GitHub silently renames asset names
 * with characters outside [A-Za-z0-9._+-] or a leading/trailing period; the action then could
 * not find its own asset again on a re-run, so such names are refused.
 */
function assetNameProblem(name) {
    if (name === '')
        return 'is empty';
    const bad = [...new Set(name.replace(/[A-Za-z0-9._+-]/g, ''))];
    if (bad.length > 0) {
        return (`${JSON.stringify(name)} contains ${bad.map((c) => JSON.stringify(c)).join(' ')}; ` +
            `use only letters, digits and . _ + - (GitHub renames other characters)`);
    }
    if (name.startsWith('.') || name.endsWith('.')) {
        return `${JSON.stringify(name)} starts or ends with a period (GitHub renames such assets)`;
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
        const h = createHash('sha256').update(image).digest('hex').slice(0, 8);
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

;// CONCATENATED MODULE: ./src/inputs.ts
// Reads the action's inputs once and validates every value before anything is spawned.
// `parseInputs` is pure (it takes a getter), so the whole table of bad inputs is unit-tested.









const DEFAULT_C2W_VERSION = 'v0.8.4';
const DEFAULT_DOWNLOAD_URL = 'https://github.com/container2wasm/container2wasm/releases/download';
const TARGET_ARCHES = ['amd64', 'riscv64', 'aarch64', 'arm', '386', 'ppc64le', 's390x', 'mips64le'];
const DEFAULT_SMOKE_COMMAND = ['echo', 'c2w-smoke-ok'];
const DEFAULT_SMOKE_EXPECT = '^c2w-smoke-ok\\s*$';
/**
 * Default zip compression level of the artifact. Chosen by bench/publish.bench.mjs (see
 * bench/RESULTS.md): level 1 stores a c2w-like 200 MB wasm within a few percent of level 6/9
 * at a fraction of the CPU time.
 */
const DEFAULT_COMPRESSION_LEVEL = 1;
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
    // latest is asked of the releases API of the download host, which must be a GitHub release URL.
    if (c2wVersion === 'latest' && releasesApiFor(c2wDownloadUrl, {}) === undefined) {
        throw new InputError('c2w-version', `'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got '${c2wDownloadUrl}'. Give a release tag such as ${DEFAULT_C2W_VERSION}`);
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
    const cacheSave = bool(get, 'cache-save', true);
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
        compileExpectation(expectSource, 'm');
    }
    catch (e) {
        throw new InputError('smoke-expect', e.message);
    }
    const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
    const smokeRuns = integer(get, 'smoke-runs', 1, 20) ?? 1;
    const smokeEnv = keyValues(get, 'smoke-env');
    const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
        if (!ALLOCATORS.includes(a)) {
            throw new InputError('allocator-fallback', `lists '${a}'; each line must be one of ${ALLOCATORS.join(', ')}`);
        }
        return a;
    });
    const uploadArtifact = bool(get, 'upload-artifact', true);
    const record = bool(get, 'record', true);
    const artifactName = get('artifact-name').trim() || undefined;
    const artifactNameError = artifactName === undefined ? undefined : artifactNameProblem(artifactName);
    if (artifactNameError)
        throw new InputError('artifact-name', artifactNameError);
    const retentionDays = integer(get, 'retention-days', 1, 90);
    const compressionLevel = integer(get, 'compression-level', 0, 9) ?? DEFAULT_COMPRESSION_LEVEL;
    const artifactArchive = bool(get, 'artifact-archive', true);
    if (!artifactArchive && uploadArtifact && target === 'js') {
        throw new InputError('artifact-archive', 'can be false only for target: wasi: a js output is a directory of several files, and only a single file can be uploaded without a zip (keep artifact-archive: true, or set upload-artifact: false)');
    }
    const releaseTag = get('release-tag').trim() || undefined;
    if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
        throw new InputError('release-tag', `'${releaseTag}' is not a valid git tag name`);
    }
    const releaseId = integer(get, 'release-id', 1, Number.MAX_SAFE_INTEGER);
    const releaseCreate = bool(get, 'release-create', true);
    const releaseOverwrite = bool(get, 'release-overwrite', true);
    const assetName = get('asset-name').trim() || undefined;
    const assetNameError = assetName === undefined ? undefined : assetNameProblem(assetName);
    if (assetNameError)
        throw new InputError('asset-name', assetNameError);
    if (releaseTag !== undefined && githubToken.trim() === '') {
        throw new InputError('github-token', 'is empty: release-tag needs a token with contents: write (the default is github.token)');
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
        cacheTimeoutSeconds,
        cacheSave,
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
        artifactArchive,
        releaseTag,
        releaseId,
        releaseCreate,
        releaseOverwrite,
        assetName,
    };
}
/**
 * Reads the inputs from the runner's INPUT_* variables and masks the token. Also checks what
 * needs the machine (the custom Dockerfile is a file, the output is a place of its own in the
 * workspace) or would otherwise only fail after an hour's build (the smoke command fits c2w's
 * 1024-byte budget).
 */
function getInputs() {
    const inputs = parseInputs((name) => core.getInput(name));
    if (inputs.githubToken)
        core.setSecret(inputs.githubToken);
    if (inputs.dockerfile !== undefined)
        checkDockerfile(inputs.dockerfile);
    checkOutputPlace(inputs.target, inputs.output, process.env.GITHUB_WORKSPACE || process.cwd());
    if (inputs.smoke && inputs.target === 'wasi') {
        const budget = checkEnvBudget(inputs.smokeCommand, inputs.smokeEnv);
        if (!budget.ok)
            throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
    }
    return inputs;
}
/** The custom Dockerfile must be a regular file (c2w reads it; a directory fails only after the download). */
function checkDockerfile(file) {
    let st;
    try {
        st = statSync(file);
    }
    catch {
        throw new InputError('dockerfile', `names '${file}', which does not exist`);
    }
    if (!st.isFile())
        throw new InputError('dockerfile', `names '${file}', which is not a regular file`);
}
/** `p` with every symlink in its existing part resolved (the rest may not exist yet). */
function realPathOf(p) {
    const abs = path.resolve(p);
    try {
        return realpathSync(abs);
    }
    catch {
        const parent = path.dirname(abs);
        return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
    }
}
/**
 * Everything in a `js` output directory is published (artifact, `sha256`, release tarball), so it
 * must be a folder of the conversion's own: inside the workspace, not the workspace or one of its
 * ancestors, and empty or absent before the build. Then the files in it after c2w ran are exactly
 * c2w's. A `wasi` output file must be inside the workspace too. Relative paths are resolved
 * against the current directory, as c2w resolves them.
 */
function checkOutputPlace(target, output, workspace) {
    const ws = realPathOf(workspace);
    const out = realPathOf(output);
    const rel = path.relative(ws, out);
    const shown = output === path.resolve(output) ? `'${output}'` : `'${output}' (${out})`;
    if (rel === '') {
        throw new InputError('output', `${shown} is the workspace ${ws}: give a folder of its own, such as out/`);
    }
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
        const ancestor = path.relative(out, ws);
        const where = !ancestor.startsWith('..') && !path.isAbsolute(ancestor) ? 'an ancestor of' : 'outside';
        throw new InputError('output', `${shown} is ${where} the workspace ${ws}: give a path inside it, such as out/`);
    }
    let st;
    try {
        st = statSync(out);
    }
    catch {
        return; // absent: c2w creates it
    }
    if (target === 'wasi') {
        if (st.isDirectory())
            throw new InputError('output', `${shown} is a directory; target 'wasi' writes one file`);
        return;
    }
    if (!st.isDirectory())
        throw new InputError('output', `${shown} exists and is not a directory`);
    const present = readdirSync(out);
    if (present.length > 0) {
        throw new InputError('output', `${shown} already holds ${present.length} entr${present.length === 1 ? 'y' : 'ies'} ` +
            `(${present.sort().slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): ` +
            `everything in a js output directory is published, so it must be empty or absent before the build`);
    }
}

;// CONCATENATED MODULE: ./src/cli/validate.ts
// From the command line to the action's typed inputs: the same `parseInputs` the action runs, fed
// from the flags, and the checks the action makes before it spawns anything (getInputs: the custom
// Dockerfile exists; the smoke command fits c2w's 1024-byte budget). Every message names the flag.




/** parseInputs with `image` and overrides; an InputError becomes a UsageError naming the flag. */
function inputsOf(cmd, image, overrides = {}) {
    const get = (name) => (name === 'image' ? image : (overrides[name] ?? cmd.get(name)));
    try {
        const inputs = parseInputs(get);
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
    catch (e) {
        if (!(e instanceof InputError))
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
                verbose: cmd.options.verbose,
            };
            work = async (out, results, interrupt) => {
                await convertCommand(inputs, options, out, results, interrupt);
            };
        }
        else {
            const inputs = smokeInputs(cmd);
            work = async (out, results, interrupt) => {
                results[Outputs.WasmPath] = inputs.path;
                // The allocator the output was built with is known only when given (it names the culprit of a failure).
                if (cmd.get('allocator') !== '')
                    results[Outputs.Allocator] = inputs.allocator;
                const last = await smoke_series_smokeSeries(inputs, inputs.path, out, results, cmd.options.verbose, () => interrupt.check());
                if (last.result !== 'passed')
                    throw new Error(`Smoke boot ${last.result}: ${last.message}`);
            };
        }
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        process.stderr.write(`c2w-action: ${e.message}\n`);
        return EXIT.usage;
    }
    // Run inside a workflow step, @actions/core would write the step's command files (core.addPath
    // appends to $GITHUB_PATH): the command talks to a person, never to a runner.
    for (const name of ['GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
        delete process.env[name];
    }
    // Progress goes to stdout, or to stderr when stdout carries the JSON.
    const stream = cmd.options.json ? process.stderr : process.stdout;
    const out = new Console({ stream, verbose: cmd.options.verbose, live: stream.isTTY === true });
    const results = {};
    const interrupt = handleInterrupts((count) => out.warn(count === 1 ? 'Interrupted: ending the children (Ctrl-C again to kill them).' : 'Killing the children.'));
    let error;
    out.capture();
    try {
        await work(out, results, interrupt);
    }
    catch (e) {
        error = interrupt.interrupted ? new InterruptedError() : e;
    }
    finally {
        out.release();
        interrupt.dispose();
    }
    if (cmd.options.json)
        process.stdout.write(renderJson(results, error?.message));
    else {
        out.print('');
        process.stdout.write(renderSummary(results, error?.message));
    }
    if (error === undefined)
        return EXIT.passed;
    return error instanceof InterruptedError ? EXIT.interrupted : EXIT.failed;
}


/***/ })

};

//# sourceMappingURL=467.index.js.map