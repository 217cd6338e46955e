import { describe, expect, it } from 'vitest';
import { parseSmokeRuntime, parseInputs, InputError } from '../../../../src/config/inputs.js';
import { findBrowser, BrowserNotFoundError } from '../../../../src/smoke/browser/find.js';
import { browserArgs } from '../../../../src/smoke/browser/launch.js';
import { rendererPeakKiB } from '../../../../src/smoke/browser/memory.js';
import { resolveRequest } from '../../../../src/smoke/browser/server.js';
import { endEvent } from '../../../../src/smoke/browser/boot.js';
import { seriesFigures, seriesOutputs, smokeSeries } from '../../../../src/smoke/series.js';
import type { SmokeResult } from '../../../../src/smoke/boot.js';

describe('smoke-runtime', () => {
  it.each([
    ['', ['node']],
    ['node', ['node']],
    ['browser', ['browser']],
    ['node,browser', ['node', 'browser']],
    ['browser, node', ['node', 'browser']],
    ['browser\nnode\nbrowser', ['node', 'browser']],
  ])('%j runs %j', (raw, want) => {
    expect(parseSmokeRuntime(raw)).toEqual(want);
  });

  it('refuses an unknown runtime, naming the input', () => {
    const get = (n: string) => ({ image: 'alpine', 'smoke-runtime': 'node,firefox' })[n] ?? '';
    expect(() => parseInputs(get)).toThrow(InputError);
    expect(() => parseInputs(get)).toThrow(/smoke-runtime.*'firefox'/);
  });

  it('reads smoke-browser and site', () => {
    const get = (n: string) =>
      ({ image: 'alpine', 'smoke-runtime': 'browser', 'smoke-browser': '/opt/chrome', site: '_site' })[n] ?? '';
    expect(parseInputs(get)).toMatchObject({ smokeRuntime: ['browser'], smokeBrowser: '/opt/chrome', site: '_site' });
  });
});

describe('findBrowser', () => {
  const only =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);
  it('takes smoke-browser when it is executable, and refuses it when not', () => {
    expect(findBrowser('/opt/c', {}, only('/opt/c', '/usr/bin/chromium'))).toBe('/opt/c');
    expect(() => findBrowser('/opt/c', {}, only('/usr/bin/chromium'))).toThrow(/smoke-browser: \/opt\/c/);
  });
  it("prefers CHROME_BIN (GitHub's Ubuntu runners), then Google Chrome, then Chromium", () => {
    expect(findBrowser(undefined, { CHROME_BIN: '/x/chrome' }, only('/x/chrome', '/usr/bin/chromium'))).toBe(
      '/x/chrome',
    );
    expect(findBrowser(undefined, {}, only('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe(
      '/usr/bin/google-chrome',
    );
    expect(findBrowser(undefined, {}, only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
  });
  it('says what it tried when there is none', () => {
    expect(() => findBrowser(undefined, {}, only())).toThrow(BrowserNotFoundError);
    expect(() => findBrowser(undefined, {}, only())).toThrow(/tried \/usr\/bin\/google-chrome.*smoke-browser/);
  });
});

describe('browserArgs', () => {
  it('turns off what opens connections at start, and the sandbox only for root', () => {
    const args = browserArgs('/tmp/p', true);
    for (const f of ['--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(args).toContain(f);
    }
    expect(args).toContain('--no-sandbox');
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(browserArgs('/tmp/p', false)).not.toContain('--no-sandbox');
  });
});

describe('rendererPeakKiB', () => {
  it('is the largest peak of the renderers, not of the browser or GPU process', () => {
    const peaks: Record<number, number> = { 1: 900_000, 2: 150_000, 3: 60_000, 4: 500_000 };
    const processes = [
      { type: 'browser', id: 1 },
      { type: 'renderer', id: 2 },
      { type: 'renderer', id: 3 },
      { type: 'GPU', id: 4 },
    ];
    expect(rendererPeakKiB(processes, (pid) => peaks[pid])).toBe(150_000);
    expect(rendererPeakKiB([{ type: 'browser', id: 1 }], (pid) => peaks[pid])).toBeUndefined();
  });
});

describe('resolveRequest', () => {
  it.each([
    ['/', '/site/index.html'],
    ['/index.html?boot=x', '/site/index.html'],
    ['/c2w/page.js', '/site/c2w/page.js'],
    ['/container/', '/site/container/index.html'],
    ['/a%20b.js', '/site/a b.js'],
    ['/../etc/passwd', '/site/etc/passwd'],
    ['/%2e%2e/etc/passwd', '/site/etc/passwd'],
  ])('%s is %s', (url, file) => {
    expect(resolveRequest('/site', url)).toBe(file);
  });
  it('refuses what cannot be a file of the folder', () => {
    expect(resolveRequest('/site', '/%00')).toBeUndefined();
    expect(resolveRequest('/site', '/%zz')).toBeUndefined();
  });
});

describe('endEvent', () => {
  it('maps how the page says the guest ended onto the smoke events', () => {
    expect(endEvent({ code: 3 })).toEqual({ exit: { code: 3 } });
    expect(endEvent({ trap: 'RuntimeError: unreachable' })).toEqual({ exit: { trap: 'RuntimeError: unreachable' } });
    expect(endEvent({ error: 'could not fetch' })).toEqual({ childError: 'could not fetch' });
  });
});

const run = (seconds: number, peakRssKiB?: number, result: SmokeResult['result'] = 'passed'): SmokeResult => ({
  result,
  seconds,
  stdout: 'c2w-smoke-ok\n',
  stderr: '',
  message: '',
  ...(peakRssKiB !== undefined ? { peakRssKiB } : {}),
});

describe('the series in several runtimes', () => {
  it('gives each runtime its own figures and outputs', () => {
    const figures = seriesFigures({ node: [run(1, 100), run(3, 200)], browser: [run(2, 1000), run(4, 3000)] });
    expect(figures).toMatchObject({
      smokeRuns: 2,
      smokeSecondsMedian: 2,
      smokeSecondsMax: 3,
      smokePeakRss: 200 * 1024,
      browser: { smokeRuns: 2, smokeSecondsMedian: 3, smokeSecondsMax: 4, smokePeakMemory: 3000 * 1024 },
    });
    expect(seriesOutputs(run(4), figures)).toMatchObject({
      'smoke-seconds': 2,
      'smoke-peak-rss': 200 * 1024,
      'smoke-browser-seconds': 3,
      'smoke-browser-seconds-max': 4,
      'smoke-browser-peak-memory': 3000 * 1024,
    });
  });

  it('has no Node figures when only the browser ran', () => {
    const figures = seriesFigures({ browser: [run(2, 1000)] });
    expect(figures.smokeSecondsMedian).toBeUndefined();
    const outputs = seriesOutputs(run(2), figures);
    expect(outputs['smoke-seconds']).toBeUndefined();
    expect(outputs['smoke-browser-seconds']).toBe(2);
  });

  it('boots node first, then the browser, smoke-runs times each, and stops at the first failure', async () => {
    const seen: string[] = [];
    const inputs = {
      target: 'js' as const,
      allocator: 'emmalloc' as const,
      smokeCommand: ['echo', 'ok'],
      smokeExpect: /ok/m,
      smokeTimeoutSeconds: 10,
      smokeRuns: 2,
      smokeEnv: [],
      smokeRuntime: ['node', 'browser'] as ('node' | 'browser')[],
      smokeBrowser: '/opt/chrome',
      site: '_site',
    };
    const series = await smokeSeries(inputs, 'out/', async (o, title) => {
      seen.push(`${o.runtime} ${o.browser ?? '-'} ${o.site ?? '-'} ${title}`);
      return run(1, 10, seen.length === 3 ? 'failed' : 'passed');
    });
    expect(seen).toEqual([
      'node - - Smoke boot 1 of 2 (node): echo ok',
      'node - - Smoke boot 2 of 2 (node): echo ok',
      'browser /opt/chrome _site Smoke boot 1 of 2 (browser): echo ok',
    ]);
    expect(series.last.result).toBe('failed');
    expect(series.outputs['smoke-result']).toBe('failed');
  });
});
