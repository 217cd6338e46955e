// The allocator report with browser figures, through the bundled actions: two js cells boot in Node
// and in Debian's chromium (smoke-runtime: node,browser) and upload their records; the report action
// compares them with the browser boot and the page's memory beside the Node figures.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metadata } from '../../../src/record/metadata.js';
import { TEST_IMAGE } from '../../harness/engine.js';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { useHarness } from '../../harness/use-harness.js';
import { runReport } from '../../harness/report-runner.js';

let service: Record<string, string>;
let browser = '';
const h = useHarness({ runtime: true, name: 'browser-report' });

beforeAll(() => {
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...rest } = h.runtime!.env;
  service = rest;
  browser = testBrowser();
  buildPage();
}, 1_500_000);

describe('the allocator report in the browser', () => {
  it('records the browser figures of each cell and shows them in the table', async () => {
    for (const allocator of ['dlmalloc', 'mimalloc']) {
      const r = await h.job({
        image: TEST_IMAGE,
        target: 'js',
        allocator,
        'smoke-runtime': 'node,browser',
        'smoke-browser': browser,
        'smoke-timeout': '60',
        'upload-artifact': 'false',
      });
      expect(r.main.exitCode, r.main.log).toBe(0);
    }
    const report = await runReport({}, service);
    expect(report.exitCode, report.log).toBe(0);
    const all = JSON.parse(report.outputs.records!) as {
      allocator: string;
      metadata: Metadata;
    }[];
    expect(all).toHaveLength(2);
    for (const r of all) {
      expect(r.metadata.smoke?.node?.secondsMedian).toBeGreaterThan(0);
      expect(r.metadata.smoke?.browser?.secondsMedian).toBeGreaterThan(0);
      expect(r.metadata.smoke?.browser?.peakMemory).toBeGreaterThan(1024 * 1024);
    }
    expect(report.summary).toContain('browser boot (median)');
    expect(report.summary).toContain('page peak memory');
    expect(report.summary).toMatch(/boots in the browser in \d+\.\d+ s \(page peak \d+\.\d MiB\)/);
  });
});
