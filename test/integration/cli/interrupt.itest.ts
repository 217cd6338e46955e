// Ctrl-C ends the command whatever it is doing, also when no child runs whose ending would unwind
// it: the built command (dist/c2w-action.js under Node 24) waiting on a download that stalls (a
// local server that sends headers and one byte, then nothing), and on a cache folder under /proc
// (Node's recursive mkdir there never settles). Each run is its own process group, as a shell runs
// a foreground job; a terminal's Ctrl-C is SIGINT to that group.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { startHarness, type Harness } from '../../harness/harness.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import { UNWIND_MS } from '../../../src/cli/interrupt.js';

const CLI = path.join(ROOT, 'dist/c2w-action.js');

let h: Harness;
let stalled: http.Server;
let stalledUrl: string;
let xdg: string;

beforeAll(async () => {
  h = await startHarness({ name: 'cli-interrupt' });
  xdg = mkdtempSync(path.join(os.tmpdir(), 'c2w-cli-interrupt-xdg-'));
  // Stands in for a release host that stops sending mid-download.
  stalled = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '50000000' });
    res.write('x');
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  stalledUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  stalled?.closeAllConnections();
  await new Promise((resolve) => stalled?.close(resolve));
  await h?.stop();
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the first signal to the exit. */
  afterSignal: number;
}

/** Runs the command, sends `signals` (group-wide, `gapMs` apart) once `ready` matches its output. */
function interrupted(args: string[], ready: RegExp, signals: NodeJS.Signals[], gapMs = 500): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [CLI, ...args], {
      cwd: xdg,
      env: { ...withEngine(h.engine), XDG_CACHE_HOME: xdg },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let first = 0;
    const send = (): void => {
      first = Date.now();
      signals.forEach((signal, i) =>
        setTimeout(() => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            // already ended
          }
        }, i * gapMs),
      );
    };
    let armed = false;
    // Once it has been in the wait for a moment.
    const watch = (): void => {
      if (!armed && ready.test(stdout + stderr)) {
        armed = true;
        setTimeout(send, 1500);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      watch();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      watch();
    });
    const guard = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, afterSignal: first ? Date.now() - first : -1 });
    });
  });
}

describe('Ctrl-C with no child running', () => {
  it.each<[string, NodeJS.Signals[], number]>([
    ['two SIGINTs end it at the second', ['SIGINT', 'SIGINT'], 500 + 3000],
    ['SIGINT then SIGTERM end it at the second', ['SIGINT', 'SIGTERM'], 500 + 3000],
    ['one SIGINT ends it once the unwinding time is up', ['SIGINT'], UNWIND_MS + 3000],
  ])('a stalled c2w download: %s, with the JSON result', async (_name, signals, within) => {
    const ran = await interrupted(
      ['convert', TEST_IMAGE, '--c2w-download-url', stalledUrl, '--c2w-version', 'v0.8.4', '--json'],
      /Downloading http:\/\/127\.0\.0\.1/,
      signals,
    );
    expect(ran.afterSignal, ran.stderr).toBeGreaterThan(0);
    expect(ran.code, ran.stderr).toBe(130);
    expect(ran.afterSignal).toBeLessThan(within);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      schema: 'c2w-action/metadata/v1',
      error: expect.stringMatching(/^Interrupted/),
    });
  });

  it('a cache folder under /proc: one SIGINT ends it', async () => {
    const ran = await interrupted(
      ['convert', TEST_IMAGE, '--c2w-download-url', h.releases.url, '--cache-dir', '/proc/c2w-action-test/cache'],
      /Restore the build cache/,
      ['SIGINT'],
    );
    // The command got as far as the cache (stdout carries its stages without --json).
    expect(ran.stdout).toMatch(/Restore the build cache/);
    expect(ran.code, ran.stdout + ran.stderr).toBe(130);
    expect(ran.afterSignal).toBeLessThan(UNWIND_MS + 3000);
    expect(ran.stdout).toMatch(/Interrupted/);
  });
});

describe('bad usage with --json', () => {
  it.each([
    ['an unknown flag', ['convert', TEST_IMAGE, '--json', '--smoke-run', '2'], /--smoke-run\b/],
    ['a bad value', ['convert', TEST_IMAGE, '--smoke-runs', '0', '--json'], /--smoke-runs must be a whole number/],
  ])('%s: exit 2, the error as JSON on stdout and as text on stderr', async (_name, args, why) => {
    const ran = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(NODE24, [CLI, ...args], { cwd: xdg, env: { XDG_CACHE_HOME: xdg, PATH: process.env.PATH } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(ran.code).toBe(2);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      schema: 'c2w-action/metadata/v1',
      error: expect.stringMatching(why),
    });
    expect(ran.stderr).toMatch(why);
  });
});
