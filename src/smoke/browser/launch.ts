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
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chown, mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core';
import { browserEnv } from '../../lib/child-env.js';
import { endGroup, startable, track } from '../../lib/processes.js';
import { dropIds, hiddenFolders, ownedByDrop, wrapArgv, type Boundary } from './boundary.js';
import { PipeTransport } from './pipe.js';
import { proxySite, type SiteProxy } from './proxy.js';
import { FORWARDER, relaySite, type SiteRelay } from './relay.js';

export interface LaunchedBrowser {
  browser: Browser;
  child: ChildProcess;
  /** The browser's own stderr, the last 16 KiB. */
  stderr(): string;
  /** Resolves when the browser process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The URL the page opens for a URL of the site (inside a boundary: the namespace's loopback). */
  pageUrl(siteUrl: string): string;
  /** Inside a boundary: the pids the runner sees by the pids the browser reports (its PID namespace's). */
  hostPids: (() => Map<number, number>) | undefined;
}

export interface LaunchOptions {
  startTimeoutMs: number;
  boundary: Boundary;
  /** The site the page is served from: inside a boundary the only address it reaches. */
  siteUrl: string;
}

export function browserArgs(userDataDir: string, noSandbox: boolean, proxy?: string): string[] {
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
export function insidePort(site: URL): number {
  const port = Number(site.port || (site.protocol === 'https:' ? 443 : 80));
  return port >= 1024 ? port : 8080;
}

/** The page's URL inside a boundary: same path and query, on the namespace's loopback. Pure. */
export function insideUrl(url: string, port: number): string {
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
export function namespacePids(root: number): Map<number, number> {
  const parent = new Map<number, number>();
  const inner = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return new Map();
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = /^PPid:\s+(\d+)/m.exec(status);
      const ns = /^NSpid:[ \t]*([\d \t]+)$/m.exec(status)?.[1]!.trim().split(/\s+/);
      if (ppid) parent.set(Number(entry), Number(ppid[1]));
      // The boot's namespace is one below ours; Chrome's own sandbox nests its renderers deeper.
      if (ns && ns.length > 1) inner.set(Number(entry), Number(ns[1]));
    } catch {
      // gone meanwhile
    }
  }
  const result = new Map<number, number>();
  for (const [pid, nsPid] of inner) {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) {
      if (p === root) {
        if (pid !== root) result.set(nsPid, pid);
        break;
      }
    }
  }
  return result;
}

export async function launchBrowser(
  binary: string,
  opts: LaunchOptions,
): Promise<LaunchedBrowser & { cleanup(): Promise<void> }> {
  let noSandbox = process.getuid?.() === 0 && opts.boundary.kind === 'none';
  try {
    return await launchOnce(binary, opts, noSandbox);
  } catch (e) {
    if (noSandbox || !/No usable sandbox/i.test((e as Error).message)) throw e;
  }
  noSandbox = true;
  return launchOnce(binary, opts, noSandbox);
}

async function launchOnce(
  binary: string,
  opts: LaunchOptions,
  noSandbox: boolean,
): Promise<LaunchedBrowser & { cleanup(): Promise<void> }> {
  startable('the browser');
  const scratch = await mkdtemp(join(tmpdir(), 'c2w-browser-'));
  const profile = join(scratch, 'profile');
  await mkdir(profile);
  const boundary = opts.boundary;
  let relay: SiteRelay | undefined;
  let proxy: SiteProxy | undefined;
  let child: ChildProcess;
  let toBrowser: Writable;
  let fromBrowser: Readable;
  let port = 0;
  const cleanupFiles = async (): Promise<void> => {
    await relay?.close();
    await proxy?.close();
    await rm(scratch, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  };
  try {
    if (boundary.kind === 'namespaces') {
      const site = new URL(opts.siteUrl);
      port = insidePort(site);
      const sitePort = Number(site.port || (site.protocol === 'https:' ? 443 : 80));
      relay = await relaySite(join(scratch, 'site.sock'), site.hostname.replace(/^\[|\]$/g, ''), sitePort);
      const uid = process.getuid?.() ?? 0;
      const ids = dropIds(uid, process.getgid?.() ?? 0);
      if (ownedByDrop(uid, boundary.via)) {
        await chown(scratch, ids.uid, ids.gid);
        await chown(profile, ids.uid, ids.gid);
      }
      const node = await realpath(process.execPath);
      const argv = wrapArgv({
        via: boundary.via,
        scratch,
        ...ids,
        hide: hiddenFolders(process.env),
        bind: [node, dirname(await realpath(binary))],
        env: browserEnv(process.env, scratch),
        command: [node, '-e', FORWARDER, String(port), relay.path, binary, ...browserArgs(profile, noSandbox)],
      });
      child = spawn(argv[0]!, argv.slice(1), {
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
        // unshare and sudo need only a PATH; the command inside gets its environment from `env -i`.
        env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
      });
      toBrowser = child.stdin!;
      fromBrowser = child.stdout!;
    } else {
      proxy = await proxySite(opts.siteUrl);
      child = spawn(binary, browserArgs(profile, noSandbox, proxy.url), {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        detached: true,
        env: browserEnv(process.env, scratch),
      });
      toBrowser = child.stdio[3] as Writable;
      fromBrowser = child.stdio[4] as Readable;
    }
  } catch (e) {
    await cleanupFiles();
    throw e;
  }
  track(child);
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => {
      err += `\n${e.message}`;
      resolve({ code: null, signal: null });
    });
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    err = (err + chunk).slice(-16 * 1024);
  });
  const transport = new PipeTransport(toBrowser, fromBrowser);
  const cleanup = async (): Promise<void> => {
    // Closing the pipe ends a browser that still listens; the group is ended in any case.
    transport.close();
    fromBrowser.destroy();
    await endGroup(child, 2000);
    // The group is gone; Node reaps the leader (and emits 'exit', which untracks it) a moment later.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    await cleanupFiles();
  };
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    let timer: NodeJS.Timeout | undefined;
    const browser = await Promise.race([
      puppeteer.connect({ transport, defaultViewport: { width: 960, height: 600 }, protocolTimeout: 30_000 }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`the browser did not answer on its DevTools pipe within ${opts.startTimeoutMs / 1000} s`)),
          opts.startTimeoutMs,
        );
      }),
      exited.then(({ code, signal }) => {
        throw new Error(
          `the browser ${binary} ended at start (${signal ?? `exit code ${code}`}): ${err.trim().slice(-2000)}`,
        );
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
      hostPids: inside ? () => namespacePids(child.pid!) : undefined,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
