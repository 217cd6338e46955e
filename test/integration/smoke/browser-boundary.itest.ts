// The browser boot's boundary, tried as a hostile site would: a page script that tries every way a
// page has to open a connection (fetch, XHR, WebSocket, an image, a beacon, EventSource, a worker's
// fetch) to another port of the runner's loopback and of its own address, where a server counts
// what arrives; the job's DOCKER_* and token variables looked for in every browser process's
// environment while it runs; and `required` with no boundary to be had.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { runBrowserSmoke, type BrowserSmokeOptions } from '../../../src/smoke/browser/boot.js';
import { detectBoundary, FORBID_ENV, type Boundary, type BoundaryVia } from '../../../src/smoke/browser/boundary.js';
import { writeSite } from '../../../src/site/site.js';
import { liveChildren } from '../../../src/lib/processes.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const standin = join(repo, 'test/fixtures/wasi-standin/standin.wasm');

let browser = '';
let work = '';
let counter: Server;
let connections = 0;
const paths: string[] = [];
let port = 0;
/** The machine's own first non-loopback IPv4 address, if it has one. */
const ownAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** Every way a page script has to open a connection, to `origin`; logs what each got. */
const hostileScript = (origins: string[]): string => `(() => {
  const tries = [];
  const note = (what, p) => tries.push(p.then(() => what + ':reached', () => what + ':blocked'));
  for (const o of ${JSON.stringify(origins)}) {
    note('fetch', fetch(o + '/fetch', { mode: 'no-cors' }));
    note('xhr', new Promise((ok, ko) => { const x = new XMLHttpRequest(); x.open('GET', o + '/xhr'); x.onload = ok; x.onerror = ko; x.send(); }));
    note('websocket', new Promise((ok, ko) => { const w = new WebSocket(o.replace('http', 'ws') + '/ws'); w.onopen = ok; w.onerror = ko; }));
    note('img', new Promise((ok, ko) => { const i = new Image(); i.onload = ok; i.onerror = ko; i.src = o + '/img'; }));
    try { navigator.sendBeacon(o + '/beacon', 'x'); } catch {}
    note('eventsource', new Promise((ok, ko) => { const e = new EventSource(o + '/es'); e.onopen = () => { e.close(); ok(); }; e.onerror = () => { e.close(); ko(); }; }));
    const code = "fetch('" + o + "/worker', { mode: 'no-cors' }).then(() => postMessage('ok'), () => postMessage('no'))";
    note('worker', new Promise((ok, ko) => { const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))); w.onmessage = (m) => (m.data === 'ok' ? ok() : ko()); w.onerror = ko; }));
  }
  const settled = Promise.all(tries).then((r) => console.log('hostile-done ' + r.join(' ')));
  // The page boots only after every attempt has settled: its own fetches wait for them.
  const own = window.fetch.bind(window);
  window.fetch = (...a) => settled.then(() => own(...a));
})();
`;

beforeAll(async () => {
  browser = testBrowser();
  buildPage();
  work = mkdtempSync(join(tmpdir(), 'c2w-boundary-test-'));
  counter = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'content-type': req.url === '/es' ? 'text/event-stream' : 'text/plain',
    });
    res.end(req.url === '/es' ? 'data: x\n\n' : 'reached');
  });
  counter.on('connection', () => connections++);
  counter.on('upgrade', (req, socket) => {
    paths.push(req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((ok) => counter.listen(0, '0.0.0.0', ok));
  port = (counter.address() as AddressInfo).port;
}, 1_500_000);
afterAll(async () => {
  await new Promise((ok) => counter.close(ok));
  rmSync(work, { recursive: true, force: true });
});

const base = (over: Partial<BrowserSmokeOptions>): BrowserSmokeOptions => ({
  target: 'wasi',
  path: standin,
  command: ['echo', 'c2w-smoke-ok'],
  expect: /^c2w-smoke-ok\s*$/m,
  timeoutSeconds: 60,
  env: [],
  allocator: 'default',
  browser,
  ...over,
});

/** Each way of making the boundary this machine offers, found by its own probe. */
const ways: BoundaryVia[] = ['root', 'sudo', 'userns'];
const boundaries = new Map<BoundaryVia, Boundary>();
const boundaryFor = async (via: BoundaryVia): Promise<Boundary> => {
  if (!boundaries.has(via)) boundaries.set(via, await detectBoundary(process.env, undefined, undefined, [via]));
  return boundaries.get(via)!;
};

describe('a hostile page in the browser boot', () => {
  let site = '';
  beforeAll(async () => {
    site = join(work, 'hostile-site');
    await writeSite({ target: 'wasi', output: standin, dir: site, root: { dir: work, name: 'the test folder' } });
    const origins = [`http://127.0.0.1:${port}`, ...(ownAddress ? [`http://${ownAddress}:${port}`] : [])];
    writeFileSync(join(site, 'hostile.js'), hostileScript(origins));
    const index = join(site, 'index.html');
    const html = readFileSync(index, 'utf8');
    expect(html).toContain('<head>');
    writeFileSync(index, html.replace('<head>', '<head><script src="hostile.js"></script>'));
  });
  beforeEach(() => {
    connections = 0;
    paths.length = 0;
  });

  it('the test server counts what reaches it', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/direct`)).status).toBe(200);
    expect(connections).toBe(1);
    expect(paths).toEqual(['/direct']);
  });

  it("without a boundary, Chromium's proxy passes on nothing but the site", async () => {
    const r = await runBrowserSmoke(
      base({ site, findBoundary: async () => ({ kind: 'none', reason: 'asked for none' }) }),
    );
    expect(paths).toEqual([]);
    expect(connections).toBe(0);
    const done = /hostile-done (.*)/.exec(r.stderr)?.[1] ?? '';
    expect(done).not.toContain(':reached');
    for (const what of ['fetch', 'xhr', 'websocket', 'img', 'eventsource', 'worker']) {
      expect(done).toContain(`${what}:blocked`);
    }
    expect(r.result).toBe('passed');
    expect(r.sandbox.kind).toBe('none');
  });

  it.each(ways)('reaches nothing but the site in a boundary made %s', async (via) => {
    const boundary = await boundaryFor(via);
    if (boundary.kind === 'none') {
      // sudo is not on every machine; root and user namespaces are where these tests run.
      expect(via, boundary.reason).toBe('sudo');
      return;
    }
    // The page's own fetches wait until every attempt has settled, so a pass comes after them.
    const r = await runBrowserSmoke(base({ site, findBoundary: async () => boundary }));
    // Every attempt was made and failed, and not one connection arrived.
    expect(paths).toEqual([]);
    expect(connections).toBe(0);
    expect(r.stderr).toMatch(/hostile-done/);
    const done = /hostile-done (.*)/.exec(r.stderr)![1]!;
    expect(done).not.toContain(':reached');
    for (const what of ['fetch', 'xhr', 'websocket', 'img', 'eventsource', 'worker']) {
      expect(done).toContain(`${what}:blocked`);
    }
    // The same page still boots: it reaches its own server.
    expect(r.message).toMatch(/printed a line matching/);
    expect(r.result).toBe('passed');
    expect(r.peakRssKiB).toBeGreaterThan(1024);
    expect(r.sandbox).toEqual({ ...boundary, text: boundary.reason });
    expect(liveChildren()).toEqual([]);
  });
});

/** Live processes whose command line mentions `marker`, with their environment, from /proc. */
function environsWith(marker: string): { pid: number; cmdline: string; environ: string }[] {
  const found: { pid: number; cmdline: string; environ: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes(marker)) continue;
      found.push({ pid: Number(entry), cmdline, environ: readFileSync(`/proc/${entry}/environ`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe("the job's secrets and the browser", () => {
  const secrets: Record<string, string> = {
    DOCKER_PASSWORD: 'c2w-secret-docker-password',
    DOCKER_AUTH_CONFIG: '{"auths":{"c2w-secret-auth":{}}}',
    DOCKER_HOST: 'unix:///c2w-secret-docker-host.sock',
    GITHUB_TOKEN: 'ghs_c2wsecretgithubtoken',
    ACTIONS_RUNTIME_TOKEN: 'c2w-secret-runtime-token',
    'INPUT_GITHUB-TOKEN': 'c2w-secret-input-token',
    C2W_UNLISTED: 'c2w-secret-unlisted',
  };
  let tmp = '';
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    // The browser's profile is made under TMPDIR: a folder of this test's own marks its processes.
    tmp = mkdtempSync(join(tmpdir(), 'c2w-secrets-test-'));
    for (const [k, v] of Object.entries({ ...secrets, TMPDIR: tmp })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each(['namespaces', 'none'] as const)('reach no browser process nor the guest (boundary: %s)', async (kind) => {
    const boundary: Boundary =
      kind === 'none' ? { kind, reason: 'this test asks for none' } : await detectBoundary(process.env);
    expect(boundary.kind).toBe(kind);
    const seen = new Map<number, { cmdline: string; environ: string }>();
    const watch = setInterval(() => {
      for (const p of environsWith(tmp)) seen.set(p.pid, p);
    }, 100);
    const r = await runBrowserSmoke(
      base({
        command: ['env'],
        expect: /^ONLY=this$/m,
        env: [{ key: 'ONLY', value: 'this' }],
        findBoundary: async () => boundary,
      }),
    ).finally(() => clearInterval(watch));
    expect(r.result).toBe('passed');
    expect(r.stdout.trim()).toBe('ONLY=this');
    const browsers = [...seen.values()].filter((p) => /chrom/.test(p.cmdline));
    expect(browsers.length).toBeGreaterThan(0);
    for (const p of seen.values()) {
      for (const value of Object.values(secrets)) expect(p.environ).not.toContain(value);
      for (const name of Object.keys(secrets))
        expect(p.environ.split('\0').some((e) => e.startsWith(`${name}=`))).toBe(false);
    }
    for (const value of Object.values(secrets)) expect(r.stdout + r.stderr).not.toContain(value);
  });
});

describe('smoke-sandbox', () => {
  const none = async (): Promise<Boundary> => ({ kind: 'none', reason: 'no namespaces could be made (a test seam)' });

  it('required, with no boundary: fails before starting the browser, saying why', async () => {
    const log: string[] = [];
    const r = await runBrowserSmoke(
      base({
        sandbox: 'required',
        findBoundary: none,
        log: { write: (s: string) => log.push(s) > 0, once: () => undefined },
      }),
    );
    expect(r.result).toBe('failed');
    expect(r.sandbox).toEqual({
      kind: 'none',
      reason: 'no namespaces could be made (a test seam)',
      text: 'no namespaces could be made (a test seam)',
    });
    expect(r.message).toMatch(
      /^smoke-sandbox is required, but no boundary could be made for the browser boot: no namespaces could be made \(a test seam\)\. The browser was not started\./,
    );
    expect(r.stdout).toBe('');
    expect(log.join('')).toMatch(/Browser boundary: none/);
    expect(liveChildren()).toEqual([]);
  });

  it('required, when the probe itself fails: no boundary, and the boot fails with the probe error', async () => {
    const r = await runBrowserSmoke(
      base({
        sandbox: 'required',
        findBoundary: () => Promise.reject(new Error('no temporary folder')),
      }),
    );
    expect(r.result).toBe('failed');
    expect(r.sandbox.kind).toBe('none');
    expect(r.message).toContain('the probe for namespaces failed: no temporary folder');
  });

  it('required, where every way is forbidden: the probe finds none and the boot fails before it starts', async () => {
    process.env[FORBID_ENV] = 'root,sudo,userns';
    try {
      const r = await runBrowserSmoke(base({ sandbox: 'required', findBoundary: () => detectBoundary() }));
      expect(r.result).toBe('failed');
      expect(r.sandbox.kind).toBe('none');
      expect(r.message).toMatch(/^smoke-sandbox is required, but no boundary could be made .*C2W_SMOKE_SANDBOX_FORBID/);
    } finally {
      delete process.env[FORBID_ENV];
    }
  });

  it('auto, with no boundary: boots, and says it had none', async () => {
    const log: string[] = [];
    const r = await runBrowserSmoke(
      base({ findBoundary: none, log: { write: (s: string) => log.push(s) > 0, once: () => undefined } }),
    );
    expect(r.result).toBe('passed');
    expect(r.sandbox.kind).toBe('none');
    expect(log.join('')).toMatch(/^Warning: the browser boots without a boundary of its own/);
  });

  it('auto on this machine: boots in namespaces and logs which', async () => {
    const log: string[] = [];
    const r = await runBrowserSmoke(base({ log: { write: (s: string) => log.push(s) > 0, once: () => undefined } }));
    expect(r.result).toBe('passed');
    expect(r.sandbox.kind).toBe('namespaces');
    expect(log.join('')).toMatch(/^Browser boundary: network, mount and PID namespaces \(as root\)/);
  });
});
