// The smoke boot in a real headless browser (Debian's chromium): the js stand-ins, one per allocator,
// and the emmalloc one that asserts; the WASI stand-in under browser_wasi_shim in a worker; a guest
// that never prints the expectation; no browser process left after any of them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

/** Live (not zombie) processes whose command line mentions `marker`, from /proc. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state === 'Z' || state === 'X') continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('bounds of the browser boot', () => {
  let tmp = '';
  let savedTmp: string | undefined;
  beforeEach(() => {
    // The browser's profile is made under TMPDIR: a folder of this test's own marks its processes.
    tmp = mkdtempSync(join(tmpdir(), 'c2w-browser-test-'));
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([
    ['wasi', standin],
    ['js', jsStandin('dlmalloc')],
  ] as const)(
    'times out a %s guest that never prints the expectation and leaves no browser process',
    async (target, path) => {
      let sawBrowser = false;
      const watch = setInterval(() => {
        sawBrowser ||= processesWith(tmp).length > 0;
      }, 100);
      const t0 = Date.now();
      // The pattern as the inputs give it: a plain source and flags, not a RegExp.
      const expectation = { source: '^c2w-smoke-ok\\s*$', flags: 'm' };
      const r = await runBrowserSmoke(
        base({ target, path, command: ['busy'], timeoutSeconds: 4, expect: expectation }),
      ).finally(() => clearInterval(watch));
      const took = (Date.now() - t0) / 1000;
      expect(r.result).toBe('timeout');
      expect(r.message).toMatch(/within smoke-timeout \(4 s\)/);
      expect(r.message).toContain('/^c2w-smoke-ok\\s*$/m');
      expect(r.stdout).toContain('busy');
      expect(r.screen).toContain('busy');
      expect(sawBrowser).toBe(true);
      expect(took).toBeLessThan(4 + 15);
      expect(processesWith(tmp)).toEqual([]);
      expect(liveChildren()).toEqual([]);
    },
  );

  it('fails a wasi guest that exits without the expectation, with its exit code', async () => {
    const r = await runBrowserSmoke(base({ command: ['exit', '7'] }));
    expect(r.result).toBe('failed');
    expect(r.exit).toEqual({ code: 7 });
    expect(processesWith(tmp)).toEqual([]);
  });

  it('hands the guest only smoke-env', async () => {
    const r = await runBrowserSmoke(
      base({ command: ['env'], expect: /^ONLY=this$/m, env: [{ key: 'ONLY', value: 'this' }] }),
    );
    expect(r.result).toBe('passed');
    expect(r.stdout.trim()).toBe('ONLY=this');
  });
});
