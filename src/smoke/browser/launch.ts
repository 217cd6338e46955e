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
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { childEnv } from '../../lib/child-env.js';
import { endGroup, startable, track } from '../../lib/processes.js';

export interface LaunchedBrowser {
  browser: Browser;
  child: ChildProcess;
  /** The browser's own stderr, the last 16 KiB. */
  stderr(): string;
  /** Resolves when the browser process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function browserArgs(userDataDir: string, isRoot: boolean): string[] {
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

export async function launchBrowser(
  binary: string,
  startTimeoutMs: number,
): Promise<LaunchedBrowser & { cleanup(): Promise<void> }> {
  startable('the browser');
  const userDataDir = await mkdtemp(join(tmpdir(), 'c2w-browser-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(binary, browserArgs(userDataDir, isRoot), {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    // What a process needs of the job's environment and no token (lib/child-env.ts).
    env: childEnv(process.env),
  });
  track(child);
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => {
      err += `\n${e.message}`;
      resolve({ code: null, signal: null });
    });
  });
  const cleanup = async (): Promise<void> => {
    await endGroup(child, 2000);
    // The group is gone; Node reaps the leader (and emits 'exit', which untracks it) a moment later.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the browser did not open its DevTools port within ${startTimeoutMs / 1000} s`)),
        startTimeoutMs,
      );
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        err = (err + chunk).slice(-16 * 1024);
        const m = ENDPOINT.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(
            `the browser ${binary} ended at start (${signal ?? `exit code ${code}`}): ${err.trim().slice(-2000)}`,
          ),
        );
      });
    });
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.connect({
      browserWSEndpoint: endpoint,
      defaultViewport: { width: 960, height: 600 },
      protocolTimeout: 30_000,
    });
    return { browser, child, stderr: () => err, exited, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
