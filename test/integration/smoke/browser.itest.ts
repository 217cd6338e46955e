// The smoke boot in a real headless browser (Debian's chromium): the js stand-ins, one per allocator,
// and the emmalloc one that asserts; the WASI stand-in under browser_wasi_shim in a worker; a guest
// that never prints the expectation; no browser process left after any of them.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { runBrowserSmoke, type BrowserSmokeOptions } from '../../../src/smoke/browser/boot.js';
import { liveChildren } from '../../../src/lib/processes.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const standin = join(repo, 'test/fixtures/wasi-standin/standin.wasm');
const jsStandin = (name: string): string => join(repo, 'test/fixtures/js-standin', name);

let browser = '';
beforeAll(() => {
  browser = testBrowser();
  buildPage();
}, 1_500_000);

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

describe('smoke boot in a browser', () => {
  it('boots the WASI stand-in in a worker and matches the terminal', async () => {
    const r = await runBrowserSmoke(base({}));
    expect(r.message).toMatch(/printed a line matching/);
    expect(r.result).toBe('passed');
    expect(r.runtime).toBe('browser');
    expect(r.stdout).toContain('c2w-smoke-ok');
    expect(r.peakRssKiB).toBeGreaterThan(1024);
    expect(liveChildren()).toEqual([]);
  });

  it.each(['dlmalloc', 'emmalloc', 'mimalloc'])('boots the js stand-in built with %s', async (allocator) => {
    const r = await runBrowserSmoke(
      base({ target: 'js', path: jsStandin(allocator), allocator, command: ['echo', 'c2w-smoke-ok'] }),
    );
    expect(r.message).toMatch(/printed a line matching/);
    expect(r.result).toBe('passed');
    expect(r.peakRssKiB).toBeGreaterThan(1024);
    expect(liveChildren()).toEqual([]);
  });

  it('fails the emmalloc stand-in that asserts, with the allocator diagnosis', async () => {
    const r = await runBrowserSmoke(base({ target: 'js', path: jsStandin('emmalloc-assert'), allocator: 'emmalloc' }));
    expect(r.result).toBe('failed');
    expect(r.allocatorFailure?.allocator).toBe('emmalloc');
    expect(r.allocatorFailure?.line).toMatch(/Aborted\(Assertion failed/);
    expect(r.message).toMatch(/Allocator failure \(emmalloc\)/);
    expect(liveChildren()).toEqual([]);
  });
});
