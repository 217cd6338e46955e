// The site at a size where loading shows: outputs of a few MB (the stand-ins with filler, half random
// and half rootfs-like text), served as GitHub Pages serves them (max-age=600, an ETag, no COOP/COEP)
// over a throttled link that counts what it sends, opened twice in one Chromium profile. The page
// must show its progress while it loads, boot the guest, keep what it loaded so that the second visit
// sends almost nothing, and fail with a message naming a damaged or missing chunk.
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { servePages, type PagesServer } from '../../harness/pages-server.js';
import { jsWithFiller, wasmWithFiller, wasmWithZeros } from '../../harness/sized-output.js';
import { runBrowserSmoke } from '../../../src/smoke/browser/boot.js';
import { boundaryOnce } from '../../../src/smoke/browser/boundary.js';
import { launchBrowser } from '../../../src/smoke/browser/launch.js';
import type { SiteConfig } from '../../../src/site/contract.js';
import { writeSite } from '../../../src/site/site.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MB = 1_000_000;
let browser = '';
let work = '';
const servers: PagesServer[] = [];

beforeAll(() => {
  browser = testBrowser();
  buildPage();
  work = mkdtempSync(join(tmpdir(), 'c2w-site-loading-'));
}, 1_500_000);
afterAll(async () => {
  for (const s of servers) await s.close();
  rmSync(work, { recursive: true, force: true });
});

/** Writes the site of a `target` output of about `mb` MB; returns its folder and the output's size. */
async function sizedSite(target: 'wasi' | 'js', mb: number): Promise<{ dir: string; outputBytes: number }> {
  const out = join(work, `${target}-out`);
  if (target === 'wasi') wasmWithFiller(join(repo, 'test/fixtures/wasi-standin/standin.wasm'), out, mb * MB);
  else jsWithFiller(join(repo, 'test/fixtures/js-standin/dlmalloc'), out, (mb / 4) * MB, ((3 * mb) / 4) * MB);
  const dir = join(work, `${target}-site`);
  const site = await writeSite({ target, output: out, dir, root: { dir: work, name: 'the test folder' } });
  expect(site.bytes).toBeLessThan(site.outputBytes);
  return { dir, outputBytes: site.outputBytes };
}

const statusText = (page: Page): Promise<string> =>
  page.evaluate(() => document.getElementById('c2w-status')?.textContent ?? '');

/** Waits until the page has written what it loaded into storage (it starts once the boot has begun). */
const stored = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => window.c2wBoot.load?.stored === true, { timeout: 60_000 });

/** Opens the site in `page` and waits for the guest's output; returns every status line seen on the way. */
async function visit(page: Page, url: string, expected: RegExp): Promise<string[]> {
  const seen: string[] = [];
  await page.goto(url);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [status = '', rows = ''] = await page
      .evaluate(() => [
        document.getElementById('c2w-status')?.textContent ?? '',
        document.querySelector('.xterm-rows')?.textContent ?? '',
      ])
      .catch(() => ['', '']); // the service worker's reload
    if (status && seen[seen.length - 1] !== status) seen.push(status);
    if (expected.test(rows)) return seen;
    if (
      /error|stopped/.test(
        await page.evaluate(() => document.getElementById('c2w-status')?.className ?? '').catch(() => ''),
      )
    ) {
      throw new Error(`the page failed: ${status}`);
    }
    if (Date.now() > deadline) throw new Error(`no guest output; statuses: ${seen.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the site at size', () => {
  it.each([
    ['wasi', /c2w-standin default CMD/],
    ['js', /c2w-js-standin default CMD/],
  ] as const)(
    'a %s site shows its progress, boots, and a second visit sends under 5 % of the output again',
    async (target, expected) => {
      const { dir, outputBytes } = await sizedSite(target, 6);
      // 16 Mbit/s: the ~4 MB of chunks take about two seconds, long enough to read the progress.
      const server = await servePages(dir, { bitsPerSecond: 16e6 });
      servers.push(server);
      const b = await launchBrowser(browser, {
        startTimeoutMs: 30_000,
        boundary: await boundaryOnce(),
        siteUrl: server.url,
      });
      try {
        const first = await b.browser.newPage();
        const seen = await visit(first, server.url, expected);
        expect(seen.some((s) => /loading the container: [\d.]+ MB of [\d.]+ MB \(\d+ %\)/.test(s))).toBe(true);
        expect(seen.some((s) => /\d+ %\), about \d+ s left/.test(s))).toBe(true);
        await stored(first);
        const firstSent = server.sent();
        await first.close();

        server.reset();
        const second = await b.browser.newPage();
        await visit(second, server.url, expected);
        const resent = server.sent();
        expect(await statusText(second)).not.toMatch(/comes from the network/);
        await second.close();
        // The whole visit: page, script, site.json (revalidated) and any chunk fetched again.
        expect(resent).toBeLessThan(0.05 * outputBytes);
        expect([...server.sentByPath().keys()].filter((p) => p.includes('/chunks/'))).toEqual([]);
        expect(firstSent).toBeGreaterThan(resent * 10);
      } finally {
        await b.browser.disconnect();
        await b.cleanup();
      }
    },
  );

  it('a chunk the output holds many times (runs of zeros) is sent once', async () => {
    const out = join(work, 'zeros.wasm');
    wasmWithZeros(join(repo, 'test/fixtures/wasi-standin/standin.wasm'), out, 24 * MB);
    const dir = join(work, 'zeros-site');
    await writeSite({ target: 'wasi', output: out, dir, root: { dir: work, name: 'the test folder' } });
    const config = JSON.parse(readFileSync(join(dir, 'c2w', 'site.json'), 'utf8')) as SiteConfig;
    const files = Object.values(config.packed!)[0]!.chunks.map((c) => c.file);
    // The 2 MiB parts of zeros are one chunk file, listed again and again.
    expect(new Set(files).size).toBeLessThan(files.length - 5);
    const server = await servePages(dir, { bitsPerSecond: 16e6 });
    servers.push(server);
    const b = await launchBrowser(browser, {
      startTimeoutMs: 30_000,
      boundary: await boundaryOnce(),
      siteUrl: server.url,
    });
    try {
      const page = await b.browser.newPage();
      await visit(page, server.url, /c2w-standin default CMD/);
      for (const [path, sent] of server.sentByPath()) {
        if (!path.includes('/chunks/')) continue;
        expect({ path, sent }).toEqual({ path, sent: statSync(join(dir, path)).size });
      }
    } finally {
      await b.browser.disconnect();
      await b.cleanup();
    }
  });

  it("the chunks come straight from the host, not through the page's service worker", async () => {
    // coi-serviceworker answers every request it sees by copying the body through JavaScript; the
    // site's service worker lets the chunks pass (src/site/page/sw-prelude.js).
    const { dir } = await sizedSite('wasi', 4);
    const server = await servePages(dir);
    servers.push(server);
    const b = await launchBrowser(browser, {
      startTimeoutMs: 30_000,
      boundary: await boundaryOnce(),
      siteUrl: server.url,
    });
    try {
      const page = await b.browser.newPage();
      const seen: { url: string; viaWorker: boolean }[] = [];
      page.on('response', (r) => seen.push({ url: r.url(), viaWorker: r.fromServiceWorker() }));
      await visit(page, server.url, /c2w-standin default CMD/);
      const chunks = seen.filter((r) => r.url.includes('/container/chunks/'));
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.filter((r) => r.viaWorker)).toEqual([]);
      // The service worker is there (it gives the page its isolation headers).
      expect(seen.some((r) => r.url.endsWith('/c2w/page.js') && r.viaWorker)).toBe(true);
    } finally {
      await b.browser.disconnect();
      await b.cleanup();
    }
  });

  it('a new deploy replaces what the browser kept', async () => {
    const { dir } = await sizedSite('wasi', 2);
    const server = await servePages(dir);
    servers.push(server);
    const b = await launchBrowser(browser, {
      startTimeoutMs: 30_000,
      boundary: await boundaryOnce(),
      siteUrl: server.url,
    });
    try {
      const page = await b.browser.newPage();
      await visit(page, server.url, /default CMD/);
      await stored(page);
      const kept = (): Promise<string[]> =>
        page.evaluate(async () => {
          const names = await caches.keys();
          const urls: string[] = [];
          for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(r.url);
          return urls;
        });
      const before = await kept();
      expect(before.length).toBeGreaterThan(0);
      // The next deploy: another output in the same folder.
      await sizedSite('wasi', 2);
      const config = JSON.parse(readFileSync(join(dir, 'c2w', 'site.json'), 'utf8')) as SiteConfig;
      const listed = Object.values(config.packed!).flatMap((f) =>
        f.chunks.map((c) => new URL(`container/${c.file}`, server.url).href),
      );
      await visit(page, server.url, /default CMD/);
      await stored(page);
      expect((await kept()).sort()).toEqual([...new Set(listed)].sort());
    } finally {
      await b.browser.disconnect();
      await b.cleanup();
    }
  });

  it('a browser whose storage is full boots from the network with a note, on every visit', async () => {
    const { dir } = await sizedSite('wasi', 3);
    const server = await servePages(dir);
    servers.push(server);
    const b = await launchBrowser(browser, {
      startTimeoutMs: 30_000,
      boundary: await boundaryOnce(),
      siteUrl: server.url,
    });
    try {
      const visitFull = async (): Promise<string | undefined> => {
        const page = await b.browser.newPage();
        // Chrome's own knob for an origin's quota (DevTools protocol, Storage.overrideQuotaForOrigin).
        const cdp = await page.createCDPSession();
        await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 64 * 1024 });
        await visit(page, server.url, /default CMD/);
        // The page writes what it loaded once the boot has begun: the refusal comes then.
        await page.waitForFunction(() => window.c2wBoot.load?.storageNote !== undefined, { timeout: 60_000 });
        const note = await page.evaluate(() => window.c2wBoot.load?.storageNote);
        await page.close();
        return note;
      };
      const note = /did not keep the container for the next visit \(QuotaExceededError|storage is not available/;
      expect(await visitFull()).toMatch(note);
      // Nothing was kept: the next visit loads from the network again (or the HTTP cache), and boots.
      expect(await visitFull()).toMatch(note);
    } finally {
      await b.browser.disconnect();
      await b.cleanup();
    }
  });

  it.each([
    [
      'a damaged chunk',
      (file: string) => writeFileSync(file, Buffer.alloc(readFileSync(file).length, 7)),
      /does not match its sha256/,
    ],
    [
      'a missing chunk',
      (file: string) => unlinkSync(file),
      /the host answered 404 for container\/chunks\/[0-9a-f]{64}\.gz/,
    ],
  ] as const)('%s fails the boot at once with a message naming it', async (_, damage, message) => {
    const { dir } = await sizedSite('wasi', 2);
    const config = JSON.parse(readFileSync(join(dir, 'c2w', 'site.json'), 'utf8')) as SiteConfig;
    const chunk = Object.values(config.packed!)[0]!.chunks.at(-1)!;
    damage(join(dir, 'container', chunk.file));
    const server = await servePages(dir);
    servers.push(server);
    const r = await runBrowserSmoke({
      target: 'wasi',
      path: '',
      siteUrl: server.url,
      command: [],
      env: [],
      expect: /default CMD/,
      timeoutSeconds: 90,
      allocator: 'default',
      browser,
    });
    expect(r.result).toBe('failed');
    expect(r.message).toMatch(message);
    expect(r.seconds).toBeLessThan(60);
  });
});
