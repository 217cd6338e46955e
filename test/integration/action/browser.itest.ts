// The bundled action with smoke-runtime browser, end to end: the c2w stand-in converts on the real
// Docker engine, the output is wrapped in its site and booted in Debian's chromium, as the runner runs
// the action. A js build whose allocator asserts in the page is refused and rebuilt; both runtimes
// report their figures; a cancel during the browser boot leaves no process behind.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { metadataOf } from '../../harness/metadata.js';
import { useHarness } from '../../harness/use-harness.js';
import { processesOf } from '../../harness/runner.js';

const h = useHarness({ name: 'browser' });
let browser = '';

beforeAll(() => {
  browser = testBrowser();
  buildPage();
}, 1_500_000);

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('smoke-runtime: browser', () => {
  it('refuses a js build whose allocator asserts in the page, rebuilds, and boots the site it wrote', async () => {
    const r = await h.job({
      image: TEST_IMAGE,
      target: 'js',
      output: 'out/',
      allocator: 'emmalloc',
      'allocator-fallback': 'dlmalloc',
      'build-args': 'BROKEN_ALLOCATOR=emmalloc',
      'smoke-runtime': 'browser',
      'smoke-browser': browser,
      site: '_site',
      cache: 'none',
      'upload-artifact': 'false',
      record: 'false',
    });
    expect(r.main.exitCode, r.main.log).toBe(0);
    const out = r.main.outputs;
    expect(out.allocator).toBe('dlmalloc');
    const meta = metadataOf(out);
    expect(meta.build.rejectedAllocators).toEqual([
      { allocator: 'emmalloc', line: expect.stringMatching(/Aborted\(Assertion failed.*emmalloc\.c/) },
    ]);
    expect(r.main.log).toMatch(/Smoke boot \(browser\): echo c2w-smoke-ok/);
    expect(out['smoke-result']).toBe('passed');
    expect(meta.smoke?.browser?.secondsMedian).toBeGreaterThan(0);
    expect(meta.smoke?.browser?.peakMemory).toBeGreaterThan(1024 * 1024);
    expect(meta.smoke?.node).toBeUndefined();
    expect(out['site-path']).toBe('_site');
    const site = path.join(r.workspace, '_site');
    for (const f of ['index.html', 'coi-serviceworker.js', 'c2w/page.js', 'c2w/site.json', 'container/out.js']) {
      expect(lstatSync(path.join(site, f)).isFile()).toBe(true);
    }
    // The site holds the build that passed, not the refused one.
    expect(readFileSync(path.join(site, 'container/out.js'))).toEqual(
      readFileSync(path.join(r.workspace, 'out/out.js')),
    );
    expect(processesOf(r.trackingId)).toEqual([]);
  });

  it('node,browser boots in both and gives both figures', async () => {
    const r = await h.job({
      image: TEST_IMAGE,
      'smoke-runtime': 'node,browser',
      'smoke-browser': browser,
      cache: 'none',
      'upload-artifact': 'false',
      record: 'false',
    });
    expect(r.main.exitCode, r.main.log).toBe(0);
    const { smoke } = metadataOf(r.main.outputs);
    expect(r.main.log).toMatch(/Smoke boot \(node\)[\s\S]*Smoke boot \(browser\)/);
    expect(smoke?.node?.secondsMedian).toBeGreaterThan(0);
    expect(smoke?.node?.peakMemory).toBeGreaterThan(0);
    expect(smoke?.browser?.secondsMedian).toBeGreaterThan(0);
    expect(smoke?.browser?.peakMemory).toBeGreaterThan(0);
    expect(existsSync(path.join(r.workspace, '_site'))).toBe(false);
    // Each runtime says in the log and the summary what boundary it booted in (as root: namespaces).
    for (const who of ['Node', 'Browser']) {
      const line = new RegExp(`${who} smoke boot's sandbox: [^\\n]*namespaces`);
      expect(r.main.log).toMatch(line);
      expect(r.main.summary).toMatch(line);
    }
  });

  it('a cancel during the browser boot ends the browser: no process of the job is left', async () => {
    const r = await h.job(
      {
        image: TEST_IMAGE,
        target: 'js',
        output: 'out/',
        allocator: 'dlmalloc',
        'smoke-runtime': 'browser',
        'smoke-browser': browser,
        'smoke-command': 'busy',
        'smoke-timeout': '300',
        cache: 'none',
        'upload-artifact': 'false',
        record: 'false',
      },
      { cancel: { when: /busy looping/ } },
    );
    expect(r.main.exitCode, r.main.log).toBe(130);
    await settle(1000);
    expect(processesOf(r.trackingId)).toEqual([]);
  });
});
