import { describe, expect, it } from 'vitest';
import { parseSmokeRuntime, parseInputs, InputError } from '../../../../src/config/inputs.js';
import { findBrowser, BrowserNotFoundError } from '../../../../src/smoke/browser/find.js';
import { PassThrough } from 'node:stream';
import { browserArgs, insidePort, insideUrl } from '../../../../src/smoke/browser/launch.js';
import { allowedWays, candidates, dropIds, hiddenFolders, wrapArgv } from '../../../../src/smoke/browser/boundary.js';
import { noBoundaryMessage } from '../../../../src/smoke/browser/boot.js';
import { PipeTransport } from '../../../../src/smoke/browser/pipe.js';
import { forSite } from '../../../../src/smoke/browser/proxy.js';
import { rendererPeakKiB } from '../../../../src/smoke/browser/memory.js';
import { resolveRequest } from '../../../../src/smoke/browser/server.js';
import { endEvent } from '../../../../src/smoke/browser/boot.js';
import { seriesResult, smokeSeries } from '../../../../src/smoke/series.js';
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

  it('opens no DevTools port: puppeteer speaks over the pipe', () => {
    const args = browserArgs('/tmp/p', false);
    expect(args).toContain('--remote-debugging-pipe');
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    expect(args).toContain('--force-webrtc-ip-handling-policy=disable_non_proxied_udp');
  });
});

describe('the page inside the boundary', () => {
  it('keeps the site port on the namespace loopback, unless a user may not bind it', () => {
    expect(insidePort(new URL('http://127.0.0.1:41234/'))).toBe(41234);
    expect(insidePort(new URL('http://localhost/'))).toBe(8080);
    expect(insideUrl('http://localhost:5000/a/?boot=x', 5000)).toBe('http://127.0.0.1:5000/a/?boot=x');
  });
});

describe('the proxy without a boundary', () => {
  const site = new URL('http://127.0.0.1:41234/');
  it("passes on only the site's own host and port", () => {
    expect(forSite('http://127.0.0.1:41234/c2w/site.json', site, false)).toBe(true);
    expect(forSite('http://127.0.0.1:41235/', site, false)).toBe(false);
    expect(forSite('http://localhost:41234/', site, false)).toBe(false);
    expect(forSite('http://10.0.0.1:41234/', site, false)).toBe(false);
    expect(forSite('https://127.0.0.1:41234/', site, false)).toBe(false);
    expect(forSite('127.0.0.1:41234', site, true)).toBe(true);
    expect(forSite('127.0.0.1:9229', site, true)).toBe(false);
    expect(forSite('not a url', site, false)).toBe(false);
  });
  it('goes through the proxy for loopback too', () => {
    const args = browserArgs('/tmp/p', false, 'http://127.0.0.1:5');
    expect(args).toContain('--proxy-server=http://127.0.0.1:5');
    expect(args).toContain('--proxy-bypass-list=<-loopback>');
    expect(browserArgs('/tmp/p', false).some((a) => a.startsWith('--proxy'))).toBe(false);
  });
});

describe('wrapArgv', () => {
  const o = {
    scratch: '/tmp/c2w-browser-1',
    uid: 65534,
    gid: 65534,
    hide: ['/home/runner', '/opt/actions-runner'],
    bind: ['/home/runner/externals/node24/bin/node', '/usr/lib/chromium'],
    env: { PATH: '/usr/bin', HOME: '/tmp/c2w-browser-1' },
    command: ['node', '-e', 'x', 'chromium'],
  };
  it('as root: unshares network, mount and PID namespaces and drops to the uid with setpriv', () => {
    const argv = wrapArgv({ ...o, via: 'root' });
    expect(argv.slice(0, 10)).toEqual([
      'unshare',
      '--net',
      '--mount',
      '--propagation',
      'private',
      '--pid',
      '--fork',
      '--kill-child',
      '--',
      'env',
    ]);
    expect(argv).toContain('-i');
    expect(argv).toContain('HOME=/tmp/c2w-browser-1');
    const at = argv.indexOf('c2w-boundary');
    // Only what the new root does not hold already is bound or covered.
    expect(argv.slice(at + 1, at + 7)).toEqual([
      '/tmp/c2w-browser-1',
      'setpriv',
      '65534',
      '65534',
      '/opt/actions-runner',
      '/home/runner/externals/node24/bin/node',
    ]);
    expect(argv.slice(-4)).toEqual(o.command);
  });
  it('through sudo -n; in a user namespace mapped to root for the set-up', () => {
    expect(wrapArgv({ ...o, via: 'sudo' }).slice(0, 4)).toEqual(['sudo', '-n', '--', 'unshare']);
    const userns = wrapArgv({ ...o, via: 'userns' });
    expect(userns.slice(0, 3)).toEqual(['unshare', '--user', '--map-root-user']);
    expect(userns[userns.indexOf('c2w-boundary') + 2]).toBe('userns');
  });
});

describe('hiddenFolders', () => {
  it("covers the runner's folders that lie in the system folders the new root holds", () => {
    expect(
      hiddenFolders({
        HOME: '/root',
        GITHUB_WORKSPACE: '/opt/actions-runner/_work/r/r',
        RUNNER_WORKSPACE: '/opt/actions-runner/_work/r',
        RUNNER_TEMP: '/opt/actions-runner/_work/_temp',
      }),
    ).toEqual([
      '/opt/actions-runner',
      '/opt/actions-runner/_work',
      '/opt/actions-runner/_work/_temp',
      '/opt/actions-runner/_work/r/r',
    ]);
    // Hosted runners keep them under /home, which the new root does not hold at all.
    expect(
      hiddenFolders({
        HOME: '/home/runner',
        RUNNER_WORKSPACE: '/home/runner/work/r',
        RUNNER_TEMP: '/home/runner/work/_temp',
      }),
    ).toEqual([]);
    // Never a system folder itself.
    expect(hiddenFolders({ RUNNER_WORKSPACE: '/opt/_work/r' })).toEqual(['/opt/_work']);
  });
});

describe('the boundary for a user', () => {
  it('root tries its own namespaces, then a user namespace; others sudo -n, then a user namespace', () => {
    expect(candidates(0)).toEqual(['root', 'userns']);
    expect(candidates(1001)).toEqual(['sudo', 'userns']);
    expect(allowedWays(1001, { C2W_SMOKE_SANDBOX_FORBID: 'sudo' })).toEqual(['userns']);
    expect(allowedWays(0, { C2W_SMOKE_SANDBOX_FORBID: 'root, userns' })).toEqual([]);
    expect(dropIds(0, 0)).toEqual({ uid: 65534, gid: 65534 });
    expect(dropIds(1001, 118)).toEqual({ uid: 1001, gid: 118 });
  });
  it('required without a boundary: a message that says what to do', () => {
    expect(noBoundaryMessage('no namespaces could be made (x)')).toMatch(
      /^smoke-sandbox is required, but no boundary could be made for the browser boot: no namespaces could be made \(x\)\. The browser was not started\. .*smoke-sandbox: auto/,
    );
  });
});

describe('PipeTransport', () => {
  it('sends NUL-ended messages and reads them back whatever the chunks', async () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const t = new PipeTransport(toBrowser, fromBrowser);
    const got: string[] = [];
    t.onmessage = (m) => got.push(m);
    t.send('{"id":1}');
    expect(toBrowser.read()?.toString()).toBe('{"id":1}\0');
    fromBrowser.write('{"a":');
    fromBrowser.write('1}\0{"b":2}\0{"c"');
    fromBrowser.write(':3}\0');
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    let closed = false;
    t.onclose = () => (closed = true);
    fromBrowser.destroy();
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(true);
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
  it('gives each runtime its own figures', () => {
    const result = seriesResult(run(4), { node: [run(1, 100), run(3, 200)], browser: [run(2, 1000), run(4, 3000)] });
    expect(result).toMatchObject({
      result: 'passed',
      node: { result: 'passed', runs: 2, secondsMedian: 2, secondsMax: 3, peakMemory: 200 * 1024 },
      browser: { result: 'passed', runs: 2, secondsMedian: 3, secondsMax: 4, peakMemory: 3000 * 1024 },
    });
    expect(result.node?.output).toBe('c2w-smoke-ok\n');
  });

  it('has no Node figures when only the browser ran', () => {
    const result = seriesResult(run(2), { browser: [run(2, 1000)] });
    expect(result.node).toBeUndefined();
    expect(result.browser?.secondsMedian).toBe(2);
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
    expect(series.result.result).toBe('failed');
    expect(series.result.browser?.result).toBe('failed');
  });
});
