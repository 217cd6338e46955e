export const id = 483;
export const ids = [483];
export const modules = {

/***/ 40729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ checkEnvBudget),
/* harmony export */   Yl: () => (/* binding */ packInfo),
/* harmony export */   nF: () => (/* binding */ writePackInfo)
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
/**
 * An emscripten preRun hook that writes `info` (packInfo's text) to /pack/info before the guest's
 * init reads it; the page and the Node boot both register it. /pack may exist already (load.js,
 * file_packager's loader, creates it when the image has files there).
 */
function writePackInfo(info) {
    return (mod) => {
        try {
            mod.FS.mkdir('/pack');
        }
        catch {
            // load.js created it.
        }
        mod.FS.writeFile('/pack/info', info);
    };
}


/***/ }),

/***/ 12483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   smokeChildMain: () => (/* binding */ smokeChildMain)
/* harmony export */ });
/* unused harmony export HeadlessPty */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(30714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_wasi__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23631);
/* harmony import */ var node_wasi__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_wasi__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _c2w_boot_info_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(40729);
/* harmony import */ var _protocol_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(88121);
// The child side of the smoke boot (the parent is boot.ts, the protocol protocol.ts). The
// bundle's entry calls smokeChildMain() when started with `--c2w-smoke-child`; the configuration is
// in C2W_SMOKE_CHILD_CONFIG.
//
// wasi: node:wasi preview1 with returnOnExit, argv as the parent built it, an environment made only
//       of smoke-env, the child's own stdio (pipes to the parent).
// js:   the boot sequence of c2w's example page
//       (https://github.com/container2wasm/container2wasm/tree/main/examples/emscripten-simple): load.js (preload data),
//       arg-module.js (QEMU's arguments), Module.pty (a headless xterm-pty slave), /pack/info and the
//       TTY poll hook in preRun, then the default export of out.js. It never ends on its own; the
//       parent ends the process.
// Reports go to fd 3, one JSON object a line. A wasm module cannot reach fd 3 (a WASI module sees
// only the fds of its WASI instance: 0, 1 and 2 here, no preopens). A js output's out.js is
// JavaScript in this process, so fd 3 is closed before any of its files runs: what goes wrong from
// then on shows on stderr and in the exit code.








const wasm = globalThis.WebAssembly;
let controlOpen = true;
function report(msg) {
    if (!controlOpen)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CONTROL_FD */ .xN, `${JSON.stringify(msg)}\n`);
    }
    catch {
        // No control pipe (run by hand): the exit code still tells.
    }
}
/** No more reports: the guest's own code is about to run in this process. */
function closeControl() {
    if (!controlOpen)
        return;
    controlOpen = false;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CONTROL_FD */ .xN);
    }
    catch {
        // not open (run by hand)
    }
}
const maxRssKiB = () => process.resourceUsage().maxRSS;
function readConfig() {
    const file = process.env[_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CHILD_CONFIG_FILE_ENV */ .R_];
    const raw = file ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8') : process.env[_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CHILD_CONFIG_ENV */ .yX];
    delete process.env[_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CHILD_CONFIG_ENV */ .yX];
    delete process.env[_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CHILD_CONFIG_FILE_ENV */ .R_];
    if (!raw)
        throw new Error(`${_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .SMOKE_CHILD_CONFIG_ENV */ .yX} is not set`);
    return JSON.parse(raw);
}
async function smokeChildMain() {
    let config;
    try {
        config = readConfig();
    }
    catch (e) {
        report({ event: 'error', message: e.message });
        process.exitCode = 2;
        return;
    }
    report({ event: 'started' });
    try {
        if (config.target === 'wasi')
            await runWasi(config);
        else
            await runJs(config);
    }
    catch (e) {
        const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        report({ event: 'error', message });
        process.stderr.write(`smoke child: ${e instanceof Error && e.stack ? e.stack : message}\n`);
        process.exitCode = 2;
    }
}
async function runWasi(config) {
    const env = {};
    for (const { key, value } of config.env)
        env[key] = value;
    const wasi = new node_wasi__WEBPACK_IMPORTED_MODULE_5__.WASI({ version: 'preview1', args: config.args, env, returnOnExit: true });
    const module = await wasm.compile((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(config.path));
    const instance = await wasm.instantiate(module, wasi.getImportObject());
    let code;
    try {
        code = wasi.start(instance);
    }
    catch (e) {
        const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        process.stderr.write(`smoke child: the module trapped: ${message}\n`);
        report({ event: 'trap', message, maxRssKiB: maxRssKiB() });
        process.exitCode = 3;
        return;
    }
    report({ event: 'exit', code, maxRssKiB: maxRssKiB() });
    process.exitCode = code;
}
/**
 * A headless xterm-pty slave, as emscripten-pty.js uses it: collects what the guest writes (to
 * our stdout) and never has input.
 */
class HeadlessPty {
    out;
    termios = { iflag: 0, oflag: 0, cflag: 0, lflag: 0, cc: new Array(32).fill(0) };
    readableListeners = new Set();
    signalListeners = new Set();
    constructor(out) {
        this.out = out;
    }
    get readable() {
        return false;
    }
    get writable() {
        return true;
    }
    read(_length) {
        return [];
    }
    write(bytes) {
        this.out(Uint8Array.from(bytes));
    }
    ioctl(request, arg) {
        switch (request) {
            case 'TCGETS':
                return { ...this.termios, cc: [...this.termios.cc] };
            case 'TCSETS':
                this.termios = { ...arg };
                return 0;
            case 'TIOCGWINSZ':
                return [80, 24];
            default:
                return 0;
        }
    }
    onReadable(cb) {
        this.readableListeners.add(cb);
        return { dispose: () => this.readableListeners.delete(cb) };
    }
    onSignal(cb) {
        this.signalListeners.add(cb);
        return { dispose: () => this.signalListeners.delete(cb) };
    }
}
const POLLIN = 1;
const POLLOUT = 4;
async function runJs(config) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(config.path);
    const pty = new HeadlessPty((bytes) => process.stdout.write(bytes));
    // 1.-2. load.js and arg-module.js are classic scripts that fill the global `Module`.
    const Module = { preRun: [] };
    Module.locateFile = (p) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, p);
    const g = globalThis;
    g.Module = Module;
    const files = ['load.js', 'arg-module.js'].map((script) => {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, script);
        return { file, code: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8') };
    });
    closeControl();
    // file_packager's Node path uses require('fs').
    const hadRequire = 'require' in g;
    if (!hadRequire)
        g.require = (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'load.js')).href);
    for (const { file, code } of files)
        (0,node_vm__WEBPACK_IMPORTED_MODULE_4__.runInThisContext)(code, { filename: file });
    // 3. The terminal.
    Module.pty = pty;
    // 4. /pack/info, written before the guest's init reads it.
    Module.preRun.push((0,_c2w_boot_info_js__WEBPACK_IMPORTED_MODULE_7__/* .writePackInfo */ .nF)((0,_c2w_boot_info_js__WEBPACK_IMPORTED_MODULE_7__/* .packInfo */ .Yl)(config.args, config.env, Date.now() / 1000)));
    // 5. Stdin polling asks the pty (as the page does).
    Module.preRun.push((mod) => {
        const callbacks = new Set();
        pty.onReadable(() => {
            const ready = [...callbacks];
            callbacks.clear();
            for (const cb of ready)
                cb(POLLIN | POLLOUT);
        });
        mod.TTY.stream_ops.poll = (_stream, _timeout, callback) => {
            if (pty.readable)
                return POLLIN | POLLOUT;
            if (callback) {
                callback.registerCleanupFunc?.(() => callbacks.delete(callback));
                callbacks.add(callback);
            }
            return POLLOUT;
        };
    });
    // 6. The module factory.
    const { default: initEmscriptenModule } = (await import(
    /* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'out.js')).href));
    await initEmscriptenModule(Module);
    // The emulator runs on in its threads; the parent ends this process.
}


/***/ })

};

//# sourceMappingURL=483.index.js.map