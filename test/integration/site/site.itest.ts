// The site folder as a static host serves it: Python's http.server (a plain static server that sends
// no cross-origin-isolation headers, as GitHub Pages sends none), opened in Debian's chromium. The
// page must isolate itself through its service worker and boot the container; what the terminal shows
// must be readable from the DOM.
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { runBrowserSmoke } from '../../../src/smoke/browser/boot.js';
import { boundaryOnce } from '../../../src/smoke/browser/boundary.js';
import { launchBrowser } from '../../../src/smoke/browser/launch.js';
import { writeSite } from '../../../src/site/site.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const standin = join(repo, 'test/fixtures/wasi-standin/standin.wasm');
const jsStandin = join(repo, 'test/fixtures/js-standin/dlmalloc');

let browser = '';
let work = '';
/** The sites are written in the test's own folder, as the action writes them in the workspace. */
let root = { dir: '', name: 'the test folder' };
const servers: ChildProcess[] = [];

/** `python3 -m http.server` on loopback for `dir`; resolves with its address once it listens. */
function plainServer(dir: string): Promise<string> {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('http.server did not start')), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      const m = /port (\d+)/.exec(s);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}/`);
      }
    });
    child.once('exit', () => reject(new Error('http.server exited')));
  });
}

beforeAll(() => {
  browser = testBrowser();
  buildPage();
  work = mkdtempSync(join(tmpdir(), 'c2w-site-test-'));
  root = { dir: work, name: 'the test folder' };
}, 1_500_000);
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('site', () => {
  it.each([
    ['wasi', standin, /c2w-standin default CMD/],
    ['js', jsStandin, /c2w-js-standin default CMD/],
  ] as const)('a %s site boots from a plain static server through its service worker', async (target, output, cmd) => {
    const dir = join(work, target);
    const site = await writeSite({ target, output, dir, root, title: `stand-in (${target})` });
    expect(site.warning).toBeUndefined();
    // Only files and folders, as actions/upload-pages-artifact requires.
    const walk = (d: string): void => {
      for (const e of readdirSync(d)) {
        const st = lstatSync(join(d, e));
        expect(st.isFile() || st.isDirectory()).toBe(true);
        if (st.isDirectory()) walk(join(d, e));
      }
    };
    walk(dir);
    const url = await plainServer(dir);
    const head = await fetch(url);
    expect(head.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(head.headers.get('cross-origin-embedder-policy')).toBeNull();

    // The image's own CMD (the site's default), no command given.
    const r = await runBrowserSmoke({
      target,
      path: output,
      siteUrl: url,
      command: [],
      env: [],
      expect: cmd,
      timeoutSeconds: 60,
      allocator: 'default',
      browser,
    });
    expect(r.message).toMatch(/printed a line matching/);
    expect(r.result).toBe('passed');
  });

  it('shows the terminal as text in the DOM, in a cross-origin-isolated page controlled by the service worker', async () => {
    const dir = join(work, 'dom');
    await writeSite({ target: 'wasi', output: standin, dir, root, title: 'stand-in (wasi)' });
    const url = await plainServer(dir);
    const b = await launchBrowser(browser, { startTimeoutMs: 30_000, boundary: await boundaryOnce(), siteUrl: url });
    try {
      const page = await b.browser.newPage();
      await page.goto(b.pageUrl(url));
      await page.waitForFunction(
        () => document.querySelector('.xterm-rows')?.textContent?.includes('c2w-standin default CMD'),
        // Within the DevTools connection's protocolTimeout (30 s), which bounds one waitForFunction.
        { timeout: 25_000 },
      );
      const state = await page.evaluate(() => ({
        isolated: self.crossOriginIsolated,
        controlled: navigator.serviceWorker.controller !== null,
        title: document.title,
      }));
      expect(state).toEqual({ isolated: true, controlled: true, title: 'stand-in (wasi)' });
      // scripts/render-site-screenshot.sh saves this page as the docs' picture.
      if (process.env.C2W_SAVE_SITE_SCREENSHOT) {
        await page.setViewport({ width: 900, height: 360 });
        await page.screenshot({ path: process.env.C2W_SAVE_SITE_SCREENSHOT as `${string}.png` });
      }
    } finally {
      await b.browser.disconnect();
      await b.cleanup();
    }
  });

  it('writes the site.json the page reads', () => {
    const config = JSON.parse(readFileSync(join(work, 'wasi', 'c2w', 'site.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ target: 'wasi', container: 'container/', wasm: 'standin.wasm', command: [] });
  });
});
