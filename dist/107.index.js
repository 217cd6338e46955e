export const id = 107;
export const ids = [107];
export const modules = {

/***/ 37107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBrowserSmoke: () => (/* binding */ runBrowserSmoke)
});

// UNUSED EXPORTS: POLL_MS, endEvent

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/c2w/boot-info.ts
var boot_info = __webpack_require__(40729);
;// CONCATENATED MODULE: ./src/site/contract.ts
// What the site's page and the code that drives it share: the page's configuration (site.json), the
// boot parameters a URL may carry, and the state the page publishes on `window.c2wBoot` for a test or
// the smoke boot to read. No DOM and no Node here: the page bundle and the action both import it.
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

// EXTERNAL MODULE: ./src/site/site.ts
var site = __webpack_require__(92272);
// EXTERNAL MODULE: ./src/smoke/boot.ts + 2 modules
var boot = __webpack_require__(42891);
// EXTERNAL MODULE: ./src/smoke/expect.ts
var expect = __webpack_require__(30324);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(71800);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/smoke/browser/find.ts
// Which browser the smoke boot starts: `smoke-browser` when given, else the first Chrome or Chromium
// found where runners and distributions put it. GitHub's Ubuntu runner images install Google Chrome
// as /usr/bin/google-chrome and set CHROME_BIN to it (actions/runner-images,
// images/ubuntu/scripts/build/install-google-chrome.sh); Debian's and Ubuntu's packages install
// /usr/bin/chromium or /usr/bin/chromium-browser; macOS keeps Chrome in /Applications.

class BrowserNotFoundError extends Error {
    name = 'BrowserNotFoundError';
}
const BROWSER_CANDIDATES = [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const executable = (p) => {
    try {
        (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
};
/** The browser binary to start; throws BrowserNotFoundError naming what was tried. */
function findBrowser(explicit, env = process.env, isExecutable = executable) {
    if (explicit) {
        if (!isExecutable(explicit))
            throw new BrowserNotFoundError(`smoke-browser: ${explicit} is not an executable file`);
        return explicit;
    }
    const tried = [env.CHROME_BIN, ...BROWSER_CANDIDATES].filter((p) => !!p);
    const found = tried.find(isExecutable);
    if (!found) {
        throw new BrowserNotFoundError(`no Chrome or Chromium found for smoke-runtime: browser (tried ${tried.join(', ')}); ` +
            `install one, or name its binary in smoke-browser`);
    }
    return found;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/lib/child-env.ts
var child_env = __webpack_require__(82979);
// EXTERNAL MODULE: ./src/lib/processes.ts
var processes = __webpack_require__(42982);
;// CONCATENATED MODULE: ./src/smoke/browser/launch.ts
// Starts a headless Chrome/Chromium for one smoke boot and connects puppeteer-core to it over the
// DevTools protocol. The browser is spawned here, not by puppeteer's launcher, so that it is one of the
// action's tracked process groups (lib/processes.ts): the cancel path ends it with the rest, and
// closeBrowser ends its whole group (zygote, renderers, GPU and utility processes) and waits until no
// member is left.
//
// Flags: a fresh profile, no first-run UI, and no background networking, component updates or sync,
// which otherwise open connections at start that a runner without internet refuses, many times over.
// `--no-sandbox` only for root: Chrome refuses to start as root with its sandbox.
// `--remote-debugging-port=0` lets the system pick the port; Chrome prints
// `DevTools listening on ws://…` on stderr (chromium's devtools_http_handler.cc).






function browserArgs(userDataDir, isRoot) {
    return [
        '--headless',
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--mute-audio',
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-port=0',
        '--remote-debugging-address=127.0.0.1',
        'about:blank',
    ];
}
const ENDPOINT = /DevTools listening on (ws:\/\/\S+)/;
async function launchBrowser(binary, startTimeoutMs) {
    (0,processes/* startable */.hx)('the browser');
    const userDataDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'c2w-browser-'));
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const child = (0,external_node_child_process_.spawn)(binary, browserArgs(userDataDir, isRoot), {
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true,
        // What a process needs of the job's environment and no token (lib/child-env.ts).
        env: (0,child_env/* childEnv */.g)(process.env),
    });
    (0,processes/* track */.u4)(child);
    let err = '';
    const exited = new Promise((resolve) => {
        child.once('close', (code, signal) => resolve({ code, signal }));
        child.once('error', (e) => {
            err += `\n${e.message}`;
            resolve({ code: null, signal: null });
        });
    });
    const cleanup = async () => {
        await (0,processes/* endGroup */.N4)(child, 2000);
        // The group is gone; Node reaps the leader (and emits 'exit', which untracks it) a moment later.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
        await (0,promises_.rm)(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    };
    try {
        const endpoint = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the browser did not open its DevTools port within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
            child.stderr?.setEncoding('utf8');
            child.stderr?.on('data', (chunk) => {
                err = (err + chunk).slice(-16 * 1024);
                const m = ENDPOINT.exec(err);
                if (m) {
                    clearTimeout(timer);
                    resolve(m[1]);
                }
            });
            void exited.then(({ code, signal }) => {
                clearTimeout(timer);
                reject(new Error(`the browser ${binary} ended at start (${signal ?? `exit code ${code}`}): ${err.trim().slice(-2000)}`));
            });
        });
        const { default: puppeteer } = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(56)]).then(__webpack_require__.bind(__webpack_require__, 8056));
        const browser = await puppeteer.connect({
            browserWSEndpoint: endpoint,
            defaultViewport: { width: 960, height: 600 },
            protocolTimeout: 30_000,
        });
        return { browser, child, stderr: () => err, exited, cleanup };
    }
    catch (e) {
        await cleanup();
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/smoke/browser/memory.ts

/** KiB: the largest peak resident set of the renderer processes listed, or undefined. */
function rendererPeakKiB(processes, peakOf = boot/* readPeakRss */.Ym) {
    const peaks = processes
        .filter((p) => p.type === 'renderer')
        .map((p) => peakOf(p.id))
        .filter((k) => k !== undefined);
    return peaks.length ? Math.max(...peaks) : undefined;
}
/** Samples the renderers' peak through a browser-level DevTools session. */
class PagePeakMemory {
    browser;
    session;
    peakKiB;
    constructor(browser) {
        this.browser = browser;
    }
    async sample() {
        try {
            this.session ??= await this.browser.target().createCDPSession();
            const { processInfo } = (await this.session.send('SystemInfo.getProcessInfo'));
            const k = rendererPeakKiB(processInfo);
            if (k !== undefined)
                this.peakKiB = Math.max(this.peakKiB ?? 0, k);
        }
        catch {
            // The browser is going away; the last sample stands.
        }
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./src/smoke/browser/server.ts
// The smoke boot's web server: a folder served on loopback (127.0.0.1, a port the system picks), with
// the cross-origin-isolation headers the page needs for SharedArrayBuffer (COOP `same-origin`, COEP
// `require-corp`, as c2w's example pages are served: examples/*/xterm-pty.conf upstream). Only GET and
// HEAD of files inside the folder; nothing is listed.



const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.png': 'image/png',
};
/** The file a request path names inside `root`, or undefined when it leaves the folder. */
function resolveRequest(root, urlPath) {
    let path;
    try {
        path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
    }
    catch {
        return undefined;
    }
    if (path.includes('\0'))
        return undefined;
    const rel = (0,external_node_path_.normalize)(path).replace(/^([/\\])+/, '');
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`))
        return undefined;
    const file = (0,external_node_path_.join)(root, rel);
    return file.endsWith(external_node_path_.sep) || rel === '' || rel === '.' ? (0,external_node_path_.join)(file, 'index.html') : file;
}
async function serveSite(root, opts) {
    const server = (0,external_node_http_.createServer)((req, res) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405).end();
            return;
        }
        let file = resolveRequest(root, req.url ?? '/');
        try {
            if (file && (0,external_node_fs_.statSync)(file).isDirectory())
                file = (0,external_node_path_.join)(file, 'index.html');
            if (!file || !(0,external_node_fs_.statSync)(file).isFile())
                throw new Error('not a file');
        }
        catch {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
            return;
        }
        const headers = {
            'content-type': TYPES[(0,external_node_path_.extname)(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
            'content-length': String((0,external_node_fs_.statSync)(file).size),
        };
        if (opts.isolation) {
            headers['cross-origin-opener-policy'] = 'same-origin';
            headers['cross-origin-embedder-policy'] = 'require-corp';
        }
        res.writeHead(200, headers);
        if (req.method === 'HEAD') {
            res.end();
            return;
        }
        const stream = (0,external_node_fs_.createReadStream)(file);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
    });
    server.keepAliveTimeout = 1000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

;// CONCATENATED MODULE: ./src/smoke/browser/boot.ts
// The smoke boot in a browser: the output's site (site/site.ts: the same folder `site` deploys) served
// on loopback with the cross-origin-isolation headers, opened in a headless Chrome/Chromium driven over
// the DevTools protocol (launch.ts), and watched until the terminal shows the expectation, the guest
// ends, or smoke-timeout runs out. What it means is decided by decideSmokeResult, as in Node.
//
// - Matching: on the terminal's text (xterm's buffer, what the DOM renderer shows), read every
//   POLL_MS, wrapped rows joined; \r\n is a line end as in the Node boot.
// - The guest's output (what was written to the terminal) streams to the log and is kept for the
//   report, bounded (output.ts), as in Node; the browser's console (page and workers) is the run's
//   stderr: an emscripten `Aborted(Assertion failed: … emmalloc.c …)` there is the allocator failure.
// - Bounds: the browser is one tracked process group, ended at the timeout, at the match, when the
//   guest ends, and by the cancel path; every member is waited for before the result is returned.













/** How often the page's terminal is read. */
const POLL_MS = 200;
/** How often the page's memory is sampled. */
const MEMORY_MS = 1000;
/** Reads the page's boot state, the terminal's text and the guest's new output (see site/contract.ts). */
const readPage = (page) => page.evaluate(() => {
    const b = window.c2wBoot;
    if (!b)
        return { text: '', out: '', dropped: 0 };
    const t = b.take();
    return {
        state: { phase: b.phase, end: b.end, crossOriginIsolated: b.crossOriginIsolated },
        text: b.text(),
        out: t.text,
        dropped: t.dropped,
    };
});
const screenOf = (page) => page.evaluate(() => {
    const b = window.c2wBoot;
    return b ? b.screen() : (document.body?.innerText ?? '');
});
/** A promise that rejects after `ms`, so that a page that stopped answering cannot hold a boot. */
function within(p, ms) {
    let timer;
    return Promise.race([
        p.finally(() => clearTimeout(timer)),
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer from the page within ${ms} ms`)), ms);
        }),
    ]);
}
/** The smoke events for how the guest ended in the page. */
function endEvent(end) {
    if ('code' in end)
        return { exit: { code: end.code } };
    if ('trap' in end)
        return { exit: { trap: end.trap } };
    return { childError: end.error };
}
async function runBrowserSmoke(opts) {
    if (opts.target === 'wasi' && (opts.c2wArgs ?? true)) {
        const budget = (0,boot_info/* checkEnvBudget */.Fd)(opts.command, opts.env);
        if (!budget.ok)
            return { result: 'failed', seconds: 0, stdout: '', stderr: '', message: budget.message ?? '' };
    }
    const re = (0,expect/* compileExpectation */.mU)(opts.expect.source, opts.expect.flags);
    const binary = findBrowser(opts.browser);
    const cap = opts.maxOutputBytes ?? 1024 * 1024;
    const stdout = new output/* CappedText */.RJ(cap);
    const consoleText = new output/* CappedText */.RJ(cap);
    const errors = [];
    const log = opts.log ? new output/* CappedLog */.M0(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;
    const ev = { endedAt: 0 };
    let screen = '';
    let lastState;
    const tmpSite = opts.site || opts.siteUrl ? undefined : await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'c2w-smoke-site-'));
    const siteDir = opts.site ?? (tmpSite ? (0,external_node_path_.join)(tmpSite, 'site') : '');
    let server;
    let launched;
    let start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
    try {
        if (tmpSite) {
            await (0,site/* writeSite */.bo)({
                target: opts.target,
                output: opts.path,
                dir: siteDir,
                root: { dir: tmpSite, name: 'the temporary folder' },
            });
        }
        if (!opts.siteUrl)
            server = await serveSite(siteDir, { isolation: true });
        const siteUrl = opts.siteUrl ?? server.url;
        launched = await launchBrowser(binary, opts.startTimeoutMs ?? 30_000);
        const { browser } = launched;
        let browserGone = false;
        void launched.exited.then(({ code, signal }) => {
            browserGone = true;
            ev.code = code;
            ev.signal = signal;
        });
        const memory = new PagePeakMemory(browser);
        const page = await browser.newPage();
        const onConsole = (where) => (m) => {
            const line = `[${where} ${m.type()}] ${m.text()}\n`;
            consoleText.push(line);
            if (m.type() === 'error' || m.type() === 'assert')
                errors.push(line.trimEnd());
        };
        page.on('console', onConsole('page'));
        page.on('pageerror', (e) => {
            const line = `[page uncaught] ${e instanceof Error ? e.message : String(e)}`;
            consoleText.push(`${line}\n`);
            errors.push(line);
        });
        page.on('workercreated', (w) => w.on('console', onConsole('worker')));
        const url = `${siteUrl}?${BOOT_PARAM}=${encodeBoot({ command: opts.command, env: opts.env })}`;
        start = process.hrtime.bigint();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
        }, opts.timeoutSeconds * 1000);
        try {
            await within(page.goto(url, { waitUntil: 'domcontentloaded' }), opts.timeoutSeconds * 1000);
            let lastMemory = 0;
            for (;;) {
                if (timedOut) {
                    ev.timedOut = true;
                    break;
                }
                if (browserGone)
                    break;
                let read;
                try {
                    read = await within(readPage(page), 5000);
                }
                catch {
                    // A reload (the service worker's) or a busy page: try again until the timeout.
                }
                if (read) {
                    lastState = read.state ?? lastState;
                    if (read.out) {
                        stdout.push(read.out);
                        log?.write(read.out);
                    }
                    if (read.dropped)
                        stdout.push(`\n[… ${read.dropped} bytes of output not kept by the page]\n`);
                    // Decided on complete lines, as in Node: a match at the end of the line still being
                    // written waits for the rest of it (or for the guest's end).
                    if (ev.matchedAt === undefined && (0,expect/* settledMatch */.Nh)(re, read.text, read.state?.end !== undefined)) {
                        ev.matchedAt = elapsed();
                        break;
                    }
                    if (read.state?.end) {
                        Object.assign(ev, endEvent(read.state.end));
                        break;
                    }
                }
                if (errors.some((e) => /Aborted\(/.test(e))) {
                    ev.exit ??= { trap: errors.find((e) => /Aborted\(/.test(e)) };
                    break;
                }
                if (elapsed() * 1000 - lastMemory >= MEMORY_MS) {
                    lastMemory = elapsed() * 1000;
                    await within(memory.sample(), 5000).catch(() => undefined);
                }
                await new Promise((r) => setTimeout(r, POLL_MS));
            }
        }
        catch (e) {
            if (timedOut)
                ev.timedOut = true;
            else
                ev.childError = `the page could not be opened: ${e.message}`;
        }
        finally {
            clearTimeout(timer);
        }
        ev.endedAt = ev.matchedAt ?? elapsed();
        await within(memory.sample(), 5000).catch(() => undefined);
        if (ev.peakRssKiB === undefined && memory.peakKiB !== undefined)
            ev.peakRssKiB = memory.peakKiB;
        if (!browserGone)
            screen = await within(screenOf(page), 5000).catch(() => '');
        if (browserGone && ev.matchedAt === undefined && !ev.timedOut && !ev.exit && !ev.childError) {
            ev.childError = `the browser ended (${ev.signal ?? `exit code ${ev.code}`})`;
        }
    }
    catch (e) {
        ev.spawnError = e.message;
        ev.endedAt = elapsed();
    }
    finally {
        if (launched) {
            await launched.browser.disconnect().catch(() => undefined);
            await launched.cleanup();
            if (ev.timedOut && ev.signal === undefined)
                ev.signal = 'SIGTERM';
        }
        await server?.close();
        if (tmpSite)
            await (0,promises_.rm)(tmpSite, { recursive: true, force: true });
    }
    const decided = (0,boot/* decideSmokeResult */.vk)(ev, {
        target: opts.target,
        expect: (0,expect/* showPattern */.uz)(opts.expect),
        timeoutSeconds: opts.timeoutSeconds,
        allocator: opts.allocator,
        stdout: stdout.text,
        stderr: consoleText.text,
        searchable: `${stdout.searchable}\n${consoleText.searchable}`,
    });
    // A page that never got its isolation (no headers, no service worker) waits for ever: say so.
    const result = decided.result !== 'passed' && lastState?.phase === 'isolating'
        ? {
            ...decided,
            message: `${decided.message} The page never became cross-origin isolated (no COOP/COEP headers, and ` +
                `coi-serviceworker did not take over), so SharedArrayBuffer was missing and the container never started.`,
        }
        : decided;
    if (result.result !== 'passed' && log) {
        if (screen)
            log.write(`\n--- the page's last screen ---\n${screen}\n`);
        if (errors.length)
            log.write(`--- the browser's console errors ---\n${errors.slice(-50).join('\n')}\n`);
    }
    log?.close();
    return { ...result, ...(screen ? { screen } : {}), runtime: 'browser' };
}


/***/ })

};

//# sourceMappingURL=107.index.js.map