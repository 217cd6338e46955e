// A site whose page loses its service worker, served with no isolation headers (Python's http.server):
// the container cannot start without SharedArrayBuffer, and the browser boot says why.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { runBrowserSmoke } from '../../../src/smoke/browser/boot.js';
import { writeSite } from '../../../src/site/site.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let browser = '';
let work = '';
let server: ChildProcess | undefined;
beforeAll(() => {
  browser = testBrowser();
  buildPage();
  work = mkdtempSync(join(tmpdir(), 'c2w-noiso-'));
}, 1_500_000);
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

it('a page with neither headers nor the service worker says it cannot boot, and the boot says why', async () => {
  const dir = join(work, 'site');
  await writeSite({
    target: 'wasi',
    output: join(repo, 'test/fixtures/wasi-standin/standin.wasm'),
    dir,
    root: { dir: work, name: 'the test folder' },
  });
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<script src="coi-serviceworker.js"></script>', ''));
  server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((ok) =>
    server!.stdout!.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(d.toString());
      if (m) ok(`http://127.0.0.1:${m[1]}/`);
    }),
  );
  const r = await runBrowserSmoke({
    target: 'wasi',
    path: '',
    siteUrl: url,
    command: [],
    env: [],
    expect: /default CMD/,
    timeoutSeconds: 90,
    allocator: 'default',
    browser,
  });
  // The page gives up on its own, well before the boot's timeout.
  expect(r.result).toBe('failed');
  expect(r.message).toMatch(/never became cross-origin isolated/);
  expect(r.seconds).toBeLessThan(45);
});
