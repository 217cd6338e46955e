export const id = 499;
export const ids = [499];
export const modules = {

/***/ 74499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBrowserSmoke: () => (/* binding */ runBrowserSmoke)
});

// UNUSED EXPORTS: POLL_MS, endEvent, noBoundaryMessage

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/c2w/boot-info.ts
var boot_info = __webpack_require__(40729);
// EXTERNAL MODULE: ./src/site/contract.ts
var contract = __webpack_require__(57833);
// EXTERNAL MODULE: ./src/site/site.ts + 1 modules
var site = __webpack_require__(87298);
// EXTERNAL MODULE: ./src/smoke/boot.ts + 1 modules
var boot = __webpack_require__(68159);
// EXTERNAL MODULE: ./src/smoke/expect.ts
var expect = __webpack_require__(30324);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(71800);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/lib/processes.ts
var processes = __webpack_require__(42982);
// EXTERNAL MODULE: ./src/smoke/confine.ts
var confine = __webpack_require__(71073);
;// CONCATENATED MODULE: ./src/smoke/browser/boundary.ts
// The operating-system boundary around the browser boot's Chromium: new network, mount and PID
// namespaces (unshare(1)), in which
//
// - the network is a loopback of its own: the only thing listening on it is a forwarder that relays
//   each connection through a Unix socket to the site server outside (relay.ts), so the page reaches
//   the site and nothing else (no other loopback port, no host, no DNS);
// - the file system is a new root (pivot_root(8)) holding only the system folders (/usr, /etc, /opt,
//   read-only), /dev, /sys (read-only), a /proc of the new PID namespace, an empty /tmp and the
//   boot's scratch folder (profile and socket): no home, workspace, runner folder or runner temp, and
//   folders of those found inside /opt or /etc are covered by empty ones;
// - no process of the action or the runner is visible, so none can be signalled, traced or read
//   through /proc;
// - Chromium runs without capabilities and with no_new_privs (setpriv(1)): as uid 65534 when the
//   action runs as root, else as the action's own user, whose files it cannot see.
//
// Namespaces are made by one of (the first whose probe works):
// - `root`: the action runs as root and unshares them itself;
// - `sudo`: a non-root user with passwordless `sudo -n`, as GitHub's hosted Ubuntu runners have
//   (whose AppArmor denies capabilities in unprivileged user namespaces: Ubuntu 24.04's
//   kernel.apparmor_restrict_unprivileged_userns);
// - `userns`: an unprivileged user namespace (Debian allows them), mapping the user to root inside
//   for the set-up, then to itself again (a nested user namespace) for Chromium.
// The probe runs the whole set-up with `true` in place of the browser, so what it reports is what
// the boot gets. sudo closes every descriptor above 2 (sudoers(5) closefrom), so the DevTools pipe
// travels on the wrapper's stdin and stdout and becomes Chromium's fds 3 and 4 inside.





// The ways and the test seam that forbids some (C2W_SMOKE_SANDBOX_FORBID) are the Node boot's.


/** The report of `boundary`. Pure. */
const reportOf = (boundary) => ({ ...boundary, text: boundary.reason });
/** The ways to try for a user, less those FORBID_ENV names. Pure. */
function allowedWays(uid, env) {
    const forbidden = new Set((env[confine/* FORBID_ENV */.fY] ?? '').split(',').map((w) => w.trim()));
    return candidates(uid).filter((w) => !forbidden.has(w));
}
/** The uid and gid Chromium runs as inside: nobody when the action is root, else the action's own. */
function dropIds(uid, gid) {
    return uid === 0 ? { uid: 65534, gid: 65534 } : { uid, gid };
}
/**
 * Whether the scratch folder must be handed to the uid Chromium runs as: only when root drops to
 * nobody. In a user namespace the user inside is the action's own user again (the nested map).
 */
function ownedByDrop(uid, via) {
    return uid === 0 && via !== 'userns';
}
/** The system folders the new root holds, bound read-only when they are folders, copied as links when links. */
const SYSTEM_DIRS = [
    '/usr',
    '/etc',
    '/opt',
    '/bin',
    '/sbin',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32',
    // fontconfig's system cache: without it every start rescans the fonts (seconds).
    '/var/cache/fontconfig',
];
const under = (path, dir) => path === dir || path.startsWith(`${dir}/`);
const inSystem = (path) => SYSTEM_DIRS.some((d) => under(path, d));
/**
 * The set-up inside the namespaces, run by `sh -c` as (namespace) root. Arguments: the scratch
 * folder, the drop (`setpriv` or `userns`), uid, gid, the folders to cover (one a line), the files
 * and folders to bind read-only at their own path (one a line), then the command.
 */
const SETUP_SCRIPT = `set -eu
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
S=$1 DROP=$2 U=$3 G=$4 HIDE=$5 BIND=$6
shift 6
ip link set lo up
R="$S/.root"
mkdir "$R"
mount -t tmpfs -o mode=0755 c2w-root "$R"
for d in ${SYSTEM_DIRS.join(' ')}; do
  if [ -L "$d" ]; then ln -s "$(readlink "$d")" "$R$d"
  elif [ -d "$d" ]; then mkdir -p "$R$d"; mount --rbind "$d" "$R$d"; mount -o remount,bind,ro "$R$d"
  fi
done
mkdir -p "$R/dev" "$R/proc" "$R/sys" "$R/tmp" "$R$S"
chmod 1777 "$R/tmp"
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=1777 c2w-shm "$R/dev/shm"
mount --rbind /sys "$R/sys"
mount -o remount,bind,ro "$R/sys"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount --bind "$S" "$R$S"
IFS='
'
for p in $BIND; do
  if [ -d "$p" ]; then mkdir -p "$R$p"; else mkdir -p "$R$(dirname "$p")"; : > "$R$p"; fi
  mount --bind "$p" "$R$p"
  mount -o remount,bind,ro "$R$p"
done
for p in $HIDE; do
  if [ -d "$R$p" ]; then mount -t tmpfs -o mode=0755,size=64k c2w-hidden "$R$p"; fi
done
unset IFS
cd "$R"
mkdir .old
pivot_root . .old
cd /
umount -l /.old
rmdir /.old
case "$DROP" in
  setpriv) exec setpriv --reuid="$U" --regid="$G" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@" ;;
  userns) exec unshare --user --map-user="$U" --map-group="$G" -- setpriv --no-new-privs -- "$@" ;;
esac
echo "c2w boundary: unknown drop $DROP" >&2
exit 70
`;
/** The argv that runs `command` inside the boundary. Pure. */
function wrapArgv(o) {
    const unshare = [
        'unshare',
        ...(o.via === 'userns' ? ['--user', '--map-root-user'] : []),
        '--net',
        '--mount',
        '--propagation',
        'private',
        '--pid',
        '--fork',
        '--kill-child',
        '--',
    ];
    const env = ['env', '-i', ...Object.entries(o.env).map(([k, v]) => `${k}=${v}`)];
    const setup = [
        'sh',
        '-c',
        SETUP_SCRIPT,
        'c2w-boundary',
        o.scratch,
        o.via === 'userns' ? 'userns' : 'setpriv',
        String(o.uid),
        String(o.gid),
        o.hide.filter(inSystem).join('\n'),
        o.bind.filter((p) => !inSystem(p)).join('\n'),
    ];
    return [...(o.via === 'sudo' ? ['sudo', '-n', '--'] : []), ...unshare, ...env, ...setup, ...o.command];
}
/**
 * The folders of the action the new root must not show: home, workspace, runner temp and the
 * runner's own folder (the parent of its `_work`, where it keeps its credentials). Only those inside
 * the system folders matter (the rest are not in the new root at all). Pure.
 */
function hiddenFolders(env) {
    const found = new Set();
    const add = (p) => {
        if (p && p.startsWith('/') && (0,external_node_path_.resolve)(p) !== '/')
            found.add((0,external_node_path_.resolve)(p));
    };
    add(env.HOME);
    add(env.GITHUB_WORKSPACE);
    add(env.RUNNER_TEMP);
    if (env.RUNNER_WORKSPACE) {
        const work = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(env.RUNNER_WORKSPACE));
        add(work);
        // The runner's folder holds `_work`; never a system folder itself (e.g. /opt).
        const runner = (0,external_node_path_.dirname)(work);
        if (!SYSTEM_DIRS.includes(runner) && runner !== '/')
            add(runner);
    }
    return [...found].filter(inSystem).sort();
}
/** Runs `argv` with a bound; resolves with its exit code and the end of its stderr. */
function runProbe(argv, timeoutMs) {
    return new Promise((done) => {
        let stderr = '';
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
        (0,processes/* track */.u4)(child);
        const timer = setTimeout(() => {
            stderr += `\n(no answer within ${timeoutMs / 1000} s)`;
            void (0,processes/* endGroup */.N4)(child, 500);
        }, timeoutMs);
        child.stderr?.setEncoding('utf8');
        child.stderr?.on('data', (c) => (stderr = (stderr + c).slice(-2000)));
        child.once('error', (e) => {
            clearTimeout(timer);
            done({ code: null, stderr: e.message });
        });
        child.once('close', (code) => {
            clearTimeout(timer);
            done({ code, stderr });
        });
    });
}
const VIA_WORDS = {
    root: 'as root',
    sudo: 'through sudo -n',
    userns: 'in an unprivileged user namespace',
};
/** The report of a working boundary, in words. */
function namespacesReason(via, uid) {
    const who = via === 'userns' || uid !== 65534 ? "the action's own user" : 'uid 65534 (nobody)';
    return (`network, mount and PID namespaces (${VIA_WORDS[via]}): the page reaches only the site it is served; ` +
        `Chromium runs as ${who} without capabilities, in a root of the system folders and its scratch folder ` +
        `(no home, workspace or runner folders), and sees no process of the action or the runner`);
}
/** Which ways to try, in order, for a user. Pure. */
function candidates(uid) {
    return uid === 0 ? ['root', 'userns'] : ['sudo', 'userns'];
}
/** Tries each way with the whole set-up and `true` as the browser; the first that works is the boundary. */
async function detectBoundary(env = process.env, uid = process.getuid?.() ?? -1, gid = process.getgid?.() ?? -1, ways = allowedWays(uid, env)) {
    if (process.platform !== 'linux' || uid < 0) {
        return { kind: 'none', reason: `no namespaces on ${process.platform}` };
    }
    if (ways.length === 0)
        return { kind: 'none', reason: `no way to make namespaces is allowed (${confine/* FORBID_ENV */.fY})` };
    (0,processes/* startable */.hx)('the browser boundary probe');
    const ids = dropIds(uid, gid);
    const failures = [];
    for (const via of ways) {
        const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'c2w-boundary-'));
        try {
            if (ownedByDrop(uid, via))
                await (0,promises_.chown)(scratch, ids.uid, ids.gid);
            const argv = wrapArgv({
                via,
                scratch,
                ...ids,
                hide: hiddenFolders(env),
                bind: [],
                env: { PATH: '/usr/bin:/bin' },
                command: ['true'],
            });
            const r = await runProbe(argv, 15_000);
            if (r.code === 0)
                return { kind: 'namespaces', via, reason: namespacesReason(via, ids.uid) };
            const why = r.stderr.trim().split('\n').filter(Boolean).slice(-2).join(' ') || `exit code ${r.code}`;
            failures.push(`${VIA_WORDS[via]}: ${why}`);
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true }).catch(() => undefined);
        }
    }
    return { kind: 'none', reason: `no namespaces could be made (${failures.join('; ')})` };
}
let detected;
/** detectBoundary once per process: the answer does not change between boots. */
function boundaryOnce() {
    // A probe that threw (a cancel, no temporary folder) is asked again next time.
    detected ??= detectBoundary().catch((e) => {
        detected = undefined;
        throw e;
    });
    return detected;
}

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

// EXTERNAL MODULE: ./src/lib/child-env.ts
var child_env = __webpack_require__(82979);
;// CONCATENATED MODULE: ./src/smoke/browser/pipe.ts
class PipeTransport {
    toBrowser;
    onmessage;
    onclose;
    pending = [];
    closed = false;
    constructor(toBrowser, fromBrowser) {
        this.toBrowser = toBrowser;
        fromBrowser.on('data', (chunk) => this.read(chunk));
        fromBrowser.on('close', () => this.close());
        fromBrowser.on('error', () => this.close());
        toBrowser.on('error', () => this.close());
    }
    send(message) {
        if (this.closed)
            return;
        this.toBrowser.write(message);
        this.toBrowser.write('\0');
    }
    read(chunk) {
        let start = 0;
        for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
            this.pending.push(chunk.subarray(start, end));
            const message = Buffer.concat(this.pending).toString('utf8');
            this.pending = [];
            start = end + 1;
            // puppeteer expects messages on a later tick, as its own transports deliver them.
            setImmediate(() => this.onmessage?.(message));
        }
        if (start < chunk.length)
            this.pending.push(chunk.subarray(start));
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.toBrowser.end();
        setImmediate(() => this.onclose?.());
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/smoke/browser/proxy.ts
// The inner layer where no boundary could be made: Chromium sends every request through this proxy
// (`--proxy-server`, with `--proxy-bypass-list=<-loopback>` so that loopback addresses go through
// it too: Chrome bypasses the proxy for them by default), and the proxy passes on only what is for
// the site's own host and port. Anything else (another loopback port, an address of the runner's
// network, a tunnel for a WebSocket elsewhere) is answered 403 and never connected. It is a layer
// inside Chromium's own networking, not a boundary: code that escaped the renderer could open
// sockets itself, which only the namespaces prevent.


/** `host:port` of a URL, with the scheme's default port. Pure. */
function authorityOf(url) {
    const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
    return `${url.hostname}:${port}`;
}
/** Whether a request for `target` (absolute URL or CONNECT authority) is for the site. Pure. */
function forSite(target, site, connectMethod) {
    try {
        const url = connectMethod ? new URL(`http://${target}`) : new URL(target);
        const fromConnect = connectMethod ? `${url.hostname}:${url.port || '443'}` : authorityOf(url);
        return fromConnect === authorityOf(site) && (connectMethod || url.protocol === site.protocol);
    }
    catch {
        return false;
    }
}
const HOP_BY_HOP = ['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive'];
async function proxySite(siteUrl) {
    const site = new URL(siteUrl);
    let refused = 0;
    const open = new Set();
    const server = (0,external_node_http_.createServer)((req, res) => {
        if (!req.url || !forSite(req.url, site, false)) {
            refused++;
            res.writeHead(403, { 'content-type': 'text/plain' }).end('only the site is reachable from the smoke boot\n');
            return;
        }
        const url = new URL(req.url);
        const headers = { ...req.headers };
        for (const h of HOP_BY_HOP)
            delete headers[h];
        const upstream = (0,external_node_http_.request)({
            host: site.hostname,
            port: Number(url.port || 80),
            method: req.method,
            path: url.pathname + url.search,
            headers,
        }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
    });
    server.on('connection', (s) => {
        open.add(s);
        s.once('close', () => open.delete(s));
    });
    server.on('connect', (req, client, head) => {
        if (!req.url || !forSite(req.url, site, true)) {
            refused++;
            client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
            return;
        }
        const upstream = (0,external_node_net_.connect)(Number(site.port || 80), site.hostname, () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            upstream.write(head);
            upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
    });
    server.on('upgrade', (_req, client) => {
        // A WebSocket asked of the proxy directly, not through CONNECT: the site serves none.
        refused++;
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => ok());
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        refused: () => refused,
        close: () => new Promise((ok) => {
            for (const s of open)
                s.destroy();
            server.close(() => ok());
        }),
    };
}

;// CONCATENATED MODULE: ./src/smoke/browser/relay.ts
// The one way out of the browser's network namespace: a Unix socket in the boot's scratch folder
// (a file, which namespaces of the network do not separate), where each connection is relayed to the
// site's own host and port and nowhere else. Inside, the forwarder (FORWARDER) listens on the
// namespace's loopback at the site's port and relays each connection to this socket.


/**
 * Joins two sockets both ways. An end is passed on as an end (pipe() ends the other side once what
 * was read is written): a server that answers and closes at once, as HTTP/1.0 ones do, must not
 * lose its answer. Only an error tears the other side down.
 */
const join = (a, b) => {
    a.pipe(b).pipe(a);
    a.on('error', () => b.destroy());
    b.on('error', () => a.destroy());
};
/** Listens on `path` and relays every connection to `host`:`port`. */
async function relaySite(path, host, port) {
    const open = new Set();
    const server = (0,external_node_net_.createServer)((inside) => {
        const site = (0,external_node_net_.connect)(port, host);
        open.add(inside).add(site);
        inside.once('close', () => open.delete(inside));
        site.once('close', () => open.delete(site));
        join(inside, site);
    });
    await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(path, () => ok());
    });
    // Chromium inside may run as another user (nobody when the action is root): connecting to a
    // socket needs write permission on it.
    await (0,promises_.chmod)(path, 0o666);
    return {
        path,
        close: () => new Promise((ok) => {
            for (const s of open)
                s.destroy();
            server.close(() => ok());
        }),
    };
}
/**
 * The forwarder inside the namespaces (`node -e FORWARDER PORT SOCKET BROWSER ARGS…`): listens on
 * 127.0.0.1:PORT, relays each connection to SOCKET, and only then starts the browser with its own
 * stdin and stdout as the browser's fds 3 and 4 (the DevTools pipe). It is the namespace's first
 * process: when it ends, the kernel ends every other process in it (pid_namespaces(7)).
 */
const FORWARDER = `'use strict';
const net = require('node:net');
const { spawn } = require('node:child_process');
const [port, sock, bin, ...args] = process.argv.slice(1);
const fail = (code, e) => { process.stderr.write('c2w forwarder: ' + e.message + '\\n'); process.exit(code); };
const server = net.createServer((c) => {
  const u = net.connect(sock);
  c.pipe(u).pipe(c);
  for (const [a, b] of [[c, u], [u, c]]) a.on('error', () => b.destroy());
});
server.on('error', (e) => fail(70, e));
server.listen(Number(port), '127.0.0.1', () => {
  const b = spawn(bin, args, { stdio: ['ignore', 'ignore', 'inherit', 0, 1] });
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => b.kill('SIGTERM'));
  b.on('error', (e) => fail(71, e));
  b.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
});
`;

;// CONCATENATED MODULE: ./src/smoke/browser/launch.ts
// Starts a headless Chrome/Chromium for one smoke boot and connects puppeteer-core to it over the
// DevTools pipe (`--remote-debugging-pipe`: the browser reads commands on fd 3 and answers on fd 4),
// so no DevTools port is open on any network. The browser is spawned here, not by puppeteer's
// launcher, so that it is one of the action's tracked process groups (lib/processes.ts): the cancel
// path ends it with the rest, and cleanup ends its whole group (zygote, renderers, GPU and utility
// processes) and waits until no member is left.
//
// Inside a boundary (boundary.ts) the browser is started by the forwarder (relay.ts) in its own
// namespaces, and reaches the site only through the relay's socket; the page's URL keeps the
// site's port on the namespace's loopback. Without one, it starts directly, with every request
// sent through a proxy that passes on only the site's (proxy.ts): a layer, not a boundary.
//
// Flags: a fresh profile, no first-run UI, and no background networking, component updates or sync,
// which otherwise open connections at start that a runner without internet refuses, many times over.
// An inner layer besides the boundary: no host name is resolved (`--host-resolver-rules`; the site
// is an address) and WebRTC sends no UDP outside a proxy (`--force-webrtc-ip-handling-policy`).
// `--no-sandbox` only as root (Chrome refuses to start as root with its sandbox), or when Chrome's
// own sandbox cannot start inside the boundary ("No usable sandbox!"), where the boundary holds it.











function browserArgs(userDataDir, noSandbox, proxy) {
    return [
        '--headless',
        // Loopback too: Chrome bypasses a proxy for loopback addresses unless told `<-loopback>`.
        ...(proxy ? [`--proxy-server=${proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
        ...(noSandbox ? ['--no-sandbox'] : []),
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
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-pipe',
        'about:blank',
    ];
}
/** The port the site has inside the namespace: its own, unless below 1024 (a user may not bind those). */
function insidePort(site) {
    const port = Number(site.port || (site.protocol === 'https:' ? 443 : 80));
    return port >= 1024 ? port : 8080;
}
/** The page's URL inside a boundary: same path and query, on the namespace's loopback. Pure. */
function insideUrl(url, port) {
    const u = new URL(url);
    u.protocol = 'http:';
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
}
/**
 * The host pids of the processes below `root` by the pid the boot's PID namespace (a child of ours)
 * gives them: the second field of NSpid in /proc/PID/status (proc(5)). Reads /proc.
 */
function namespacePids(root) {
    const parent = new Map();
    const inner = new Map();
    let entries = [];
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return new Map();
    }
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const status = (0,external_node_fs_.readFileSync)(`/proc/${entry}/status`, 'utf8');
            const ppid = /^PPid:\s+(\d+)/m.exec(status);
            const ns = /^NSpid:[ \t]*([\d \t]+)$/m.exec(status)?.[1].trim().split(/\s+/);
            if (ppid)
                parent.set(Number(entry), Number(ppid[1]));
            // The boot's namespace is one below ours; Chrome's own sandbox nests its renderers deeper.
            if (ns && ns.length > 1)
                inner.set(Number(entry), Number(ns[1]));
        }
        catch {
            // gone meanwhile
        }
    }
    const result = new Map();
    for (const [pid, nsPid] of inner) {
        for (let p = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) {
            if (p === root) {
                if (pid !== root)
                    result.set(nsPid, pid);
                break;
            }
        }
    }
    return result;
}
async function launchBrowser(binary, opts) {
    let noSandbox = process.getuid?.() === 0 && opts.boundary.kind === 'none';
    try {
        return await launchOnce(binary, opts, noSandbox);
    }
    catch (e) {
        if (noSandbox || !/No usable sandbox/i.test(e.message))
            throw e;
    }
    noSandbox = true;
    return launchOnce(binary, opts, noSandbox);
}
async function launchOnce(binary, opts, noSandbox) {
    (0,processes/* startable */.hx)('the browser');
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'c2w-browser-'));
    const profile = (0,external_node_path_.join)(scratch, 'profile');
    await (0,promises_.mkdir)(profile);
    const boundary = opts.boundary;
    let relay;
    let proxy;
    let child;
    let toBrowser;
    let fromBrowser;
    let port = 0;
    const cleanupFiles = async () => {
        await relay?.close();
        await proxy?.close();
        await (0,promises_.rm)(scratch, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    };
    try {
        if (boundary.kind === 'namespaces') {
            const site = new URL(opts.siteUrl);
            port = insidePort(site);
            const sitePort = Number(site.port || (site.protocol === 'https:' ? 443 : 80));
            relay = await relaySite((0,external_node_path_.join)(scratch, 'site.sock'), site.hostname.replace(/^\[|\]$/g, ''), sitePort);
            const uid = process.getuid?.() ?? 0;
            const ids = dropIds(uid, process.getgid?.() ?? 0);
            if (ownedByDrop(uid, boundary.via)) {
                await (0,promises_.chown)(scratch, ids.uid, ids.gid);
                await (0,promises_.chown)(profile, ids.uid, ids.gid);
            }
            const node = await (0,promises_.realpath)(process.execPath);
            const argv = wrapArgv({
                via: boundary.via,
                scratch,
                ...ids,
                hide: hiddenFolders(process.env),
                bind: [node, (0,external_node_path_.dirname)(await (0,promises_.realpath)(binary))],
                env: (0,child_env/* browserEnv */.WH)(process.env, scratch),
                command: [node, '-e', FORWARDER, String(port), relay.path, binary, ...browserArgs(profile, noSandbox)],
            });
            child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                stdio: ['pipe', 'pipe', 'pipe'],
                detached: true,
                // unshare and sudo need only a PATH; the command inside gets its environment from `env -i`.
                env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
            });
            toBrowser = child.stdin;
            fromBrowser = child.stdout;
        }
        else {
            proxy = await proxySite(opts.siteUrl);
            child = (0,external_node_child_process_.spawn)(binary, browserArgs(profile, noSandbox, proxy.url), {
                stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
                detached: true,
                env: (0,child_env/* browserEnv */.WH)(process.env, scratch),
            });
            toBrowser = child.stdio[3];
            fromBrowser = child.stdio[4];
        }
    }
    catch (e) {
        await cleanupFiles();
        throw e;
    }
    (0,processes/* track */.u4)(child);
    let err = '';
    const exited = new Promise((resolve) => {
        child.once('close', (code, signal) => resolve({ code, signal }));
        child.once('error', (e) => {
            err += `\n${e.message}`;
            resolve({ code: null, signal: null });
        });
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk) => {
        err = (err + chunk).slice(-16 * 1024);
    });
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const cleanup = async () => {
        // Closing the pipe ends a browser that still listens; the group is ended in any case.
        transport.close();
        fromBrowser.destroy();
        await (0,processes/* endGroup */.N4)(child, 2000);
        // The group is gone; Node reaps the leader (and emits 'exit', which untracks it) a moment later.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
        await cleanupFiles();
    };
    try {
        const { default: puppeteer } = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(88), __webpack_require__.e(56)]).then(__webpack_require__.bind(__webpack_require__, 8056));
        let timer;
        const browser = await Promise.race([
            puppeteer.connect({ transport, defaultViewport: { width: 960, height: 600 }, protocolTimeout: 30_000 }),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`the browser did not answer on its DevTools pipe within ${opts.startTimeoutMs / 1000} s`)), opts.startTimeoutMs);
            }),
            exited.then(({ code, signal }) => {
                throw new Error(`the browser ${binary} ended at start (${signal ?? `exit code ${code}`}): ${err.trim().slice(-2000)}`);
            }),
        ]).finally(() => clearTimeout(timer));
        const inside = boundary.kind === 'namespaces';
        return {
            browser,
            child,
            stderr: () => err,
            exited,
            cleanup,
            pageUrl: (url) => (inside ? insideUrl(url, port) : url),
            hostPids: inside ? () => namespacePids(child.pid) : undefined,
        };
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
    hostPids;
    session;
    peakKiB;
    /** `hostPids`: inside a PID namespace, the runner's pids by the browser's (launch.ts). */
    constructor(browser, hostPids) {
        this.browser = browser;
        this.hostPids = hostPids;
    }
    async sample() {
        try {
            this.session ??= await this.browser.target().createCDPSession();
            const { processInfo } = (await this.session.send('SystemInfo.getProcessInfo'));
            const map = this.hostPids?.();
            const k = rendererPeakKiB(processInfo, (pid) => {
                const host = map ? map.get(pid) : pid;
                return host === undefined ? undefined : (0,boot/* readPeakRss */.Ym)(host);
            });
            if (k !== undefined)
                this.peakKiB = Math.max(this.peakKiB ?? 0, k);
        }
        catch {
            // The browser is going away; the last sample stands.
        }
    }
}

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
//   report, bounded (smoke/output.ts), as in Node; the browser's console (page and workers) is the run's
//   stderr: an emscripten `Aborted(Assertion failed: … emmalloc.c …)` there is the allocator failure.
// - Bounds: the browser is one tracked process group, ended at the timeout, at the match, when the
//   guest ends, and by the cancel path; every member is waited for before the result is returned.
// - Boundary: the browser runs in namespaces where the page reaches only the site (boundary.ts);
//   which one, or why there is none, is in the log and the result's `sandbox`. Without one,
//   `sandbox: required` fails the boot before anything is started, `auto` boots with Chromium's own
//   confinement only and says so.














/** The boot's failure when `required` finds no boundary. Pure. */
function noBoundaryMessage(reason) {
    return (`smoke-sandbox is required, but no boundary could be made for the browser boot: ${reason}. ` +
        `The browser was not started. Run as root, give the runner's user passwordless sudo, or allow ` +
        `unprivileged user namespaces; or set smoke-sandbox: auto to boot with Chromium's own sandbox only.`);
}
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
    const boundary = await (opts.findBoundary ?? boundaryOnce)().catch((e) => ({
        kind: 'none',
        reason: `the probe for namespaces failed: ${e.message}`,
    }));
    const sandbox = reportOf(boundary);
    const early = (message) => ({
        result: 'failed',
        seconds: 0,
        stdout: '',
        stderr: '',
        message,
        runtime: 'browser',
        sandbox,
    });
    if (opts.target === 'wasi' && (opts.c2wArgs ?? true)) {
        const budget = (0,boot_info/* checkEnvBudget */.Fd)(opts.command, opts.env);
        if (!budget.ok)
            return early(budget.message ?? '');
    }
    if (boundary.kind === 'none' && opts.sandbox === 'required') {
        opts.log?.write(`Browser boundary: none (${boundary.reason}).\n`);
        return early(noBoundaryMessage(boundary.reason));
    }
    const re = (0,expect/* compileExpectation */.mU)(opts.expect.source, opts.expect.flags);
    const binary = findBrowser(opts.browser);
    const cap = opts.maxOutputBytes ?? 1024 * 1024;
    const stdout = new output/* CappedText */.RJ(cap);
    const consoleText = new output/* CappedText */.RJ(cap);
    const errors = [];
    const log = opts.log ? new output/* CappedLog */.M0(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;
    opts.log?.write(boundary.kind === 'namespaces'
        ? `Browser boundary: ${boundary.reason}.\n`
        : `Warning: the browser boots without a boundary of its own, in Chromium's own sandbox only: the page can ` +
            `reach what the runner reaches. ${boundary.reason}.\n`);
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
        launched = await launchBrowser(binary, { startTimeoutMs: opts.startTimeoutMs ?? 30_000, boundary, siteUrl });
        const { browser } = launched;
        let browserGone = false;
        void launched.exited.then(({ code, signal }) => {
            browserGone = true;
            ev.code = code;
            ev.signal = signal;
        });
        const memory = new PagePeakMemory(browser, launched.hostPids);
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
        const url = `${launched.pageUrl(siteUrl)}?${contract/* BOOT_PARAM */.f0}=${(0,contract/* encodeBoot */.pd)({ command: opts.command, env: opts.env })}`;
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
    return { ...result, ...(screen ? { screen } : {}), runtime: 'browser', sandbox };
}


/***/ })

};

//# sourceMappingURL=499.index.js.map