// The command's browser parts (dist/c2w-action.js under Node 24): `smoke --runtime`, the `site` verb,
// and Ctrl-C during a browser boot, with Debian's chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, testBrowser } from '../../harness/browser.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import type { Metadata } from '../../../src/record/metadata.js';

const CLI = path.join(ROOT, 'dist/c2w-action.js');
const standin = path.join(ROOT, 'test/fixtures/wasi-standin/standin.wasm');
const jsStandin = path.join(ROOT, 'test/fixtures/js-standin/dlmalloc');
let browser = '';
let work = '';

beforeAll(() => {
  browser = testBrowser();
  buildPage();
  work = mkdtempSync(path.join(tmpdir(), 'c2w-cli-browser-'));
}, 1_500_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command in `cwd` with TMPDIR=`tmp` (the browser's profile goes there); `onOutput` sees stdout. */
function run(
  args: string[],
  tmp: string,
  onOutput?: (text: string, child: ReturnType<typeof spawn>) => void,
  cwd = ROOT,
) {
  const child = spawn(NODE24, [CLI, ...args], { cwd, env: { ...process.env, TMPDIR: tmp } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onOutput?.(stdout, child);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

/** Live processes whose command line mentions `marker`. */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        if (/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) return false;
        return readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('c2w-action and the browser', () => {
  it('smoke --runtime node,browser reports both figures', async () => {
    const tmp = mkdtempSync(path.join(work, 'tmp-'));
    const r = await run(['smoke', standin, '--runtime', 'node,browser', '--browser', browser, '--json'], tmp);
    expect(r.code, r.stderr).toBe(0);
    const { smoke } = JSON.parse(r.stdout) as Metadata;
    expect(smoke?.result).toBe('passed');
    expect(smoke?.node?.secondsMedian).toBeGreaterThan(0);
    expect(smoke?.browser?.secondsMedian).toBeGreaterThan(0);
    expect(smoke?.browser?.peakMemory).toBeGreaterThan(0);
  });

  it('site PATH DIR wraps an existing output', async () => {
    const dir = path.join(work, 'site');
    // The site's folder must be inside the current directory, the command's workspace.
    const r = await run(['site', jsStandin, dir, '--json'], work, undefined, work);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ site: { path: dir } });
    expect(existsSync(path.join(dir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'container', 'out.js'))).toBe(true);
  });

  it('Ctrl-C during a browser boot ends the browser and exits 130', async () => {
    const tmp = mkdtempSync(path.join(work, 'tmp-'));
    let sent = false;
    let poll: NodeJS.Timeout | undefined;
    const r = await run(
      ['smoke', jsStandin, '--runtime', 'browser', '--browser', browser, '--smoke-timeout', '120', '--', 'busy'],
      tmp,
      (_text, child) => {
        // Once the browser of the boot is up, Ctrl-C (the terminal sends SIGINT).
        poll ??= setInterval(() => {
          if (!sent && processesWith(tmp).length > 0) {
            sent = true;
            clearInterval(poll);
            setTimeout(() => child.kill('SIGINT'), 1500);
          }
        }, 100);
      },
    );
    clearInterval(poll);
    expect(sent).toBe(true);
    expect(r.code, r.stdout + r.stderr).toBe(130);
    expect(processesWith(tmp)).toEqual([]);
  });
});
