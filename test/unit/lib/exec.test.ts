// The process seam with real processes: what a child gets in its environment, that it leads a
// process group of its own, how it ended, and the bounded time of `run`.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, RunTimeoutError } from '../../../src/lib/exec.js';
import { groupAlive, liveChildren } from '../../../src/lib/processes.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const node = process.execPath;

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

/** Running (a zombie has ended: it only waits for its new parent, here a container's init, to reap it). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('run', () => {
  it("hands a child none of the action's inputs, tokens or command files", async () => {
    Object.assign(process.env, {
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'eyJ',
      ACTIONS_RESULTS_URL: 'http://results/',
      GITHUB_STATE: '/tmp/state',
      GITHUB_TOKEN: 'ghs_y',
      DOCKER_HOST: 'unix:///d.sock',
    });
    const plain = await run(node, [path.join(FIXTURES, 'print-env-child.mjs')], { echo: false });
    const names = plain.stdout.trim().split(' ');
    expect(names).toContain('PATH');
    expect(names).toContain('DOCKER_HOST');
    for (const name of [
      'INPUT_GITHUB-TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RESULTS_URL',
      'GITHUB_STATE',
      'GITHUB_TOKEN',
    ])
      expect(names).not.toContain(name);

    const gha = await run(node, [path.join(FIXTURES, 'print-env-child.mjs')], {
      echo: false,
      envNeeds: { actionsCache: true },
    });
    expect(gha.stdout).toContain('ACTIONS_RUNTIME_TOKEN');
    expect(gha.stdout).toContain('ACTIONS_RESULTS_URL');
    expect(gha.stdout).not.toContain('INPUT_GITHUB-TOKEN');
  });

  it('starts the child as the leader of its own process group and tracks it while it runs', async () => {
    const pending = run(
      node,
      ['-e', 'setTimeout(() => {}, 300); console.log(require("fs").readFileSync("/proc/self/stat", "utf8"))'],
      {
        echo: false,
      },
    );
    expect(liveChildren()).toHaveLength(1);
    const r = await pending;
    // /proc/<pid>/stat: pid (comm) state ppid pgrp …
    const [pid, , , , pgrp] = r.stdout.trim().split(' ');
    expect(pgrp).toBe(pid);
    expect(liveChildren()).toHaveLength(0);
  });

  it('reports the signal that ended a child', async () => {
    const r = await run(node, ['-e', 'process.kill(process.pid, "SIGKILL")'], { echo: false });
    expect(r.signal).toBe('SIGKILL');
    expect(r.exitCode).toBe(137);
  });

  it('collects stdout and stderr and never throws on a non-zero exit', async () => {
    const r = await run(node, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], { echo: false });
    expect(r).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('ends a child that outlives timeoutMs, with SIGKILL when it ignores SIGTERM, and names it', async () => {
    const started = Date.now();
    let pid = 0;
    const pending = run(node, [path.join(FIXTURES, 'ignore-sigterm-child.mjs')], {
      echo: false,
      timeoutMs: 500,
      graceMs: 500,
      onOutput: () => (pid ||= liveChildren()[0]?.pid ?? 0),
    });
    await expect(pending).rejects.toThrow(RunTimeoutError);
    await expect(pending).rejects.toThrow(/ignore-sigterm-child\.mjs did not finish within 1 s; it was ended/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
    expect(groupAlive(pid)).toBe(false);
  });

  /**
   * A stand-in c2w whose first act is to leave a process of its own session (setsid) that holds
   * stdout and stderr open for 30 s; it prints that process's pid, then does `then`.
   */
  function leavesDetachedHolder(then: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-exec-'));
    const c2w = path.join(dir, 'c2w');
    writeFileSync(c2w, `#!/bin/sh\nsetsid sleep 30 &\necho "holder $!"\n${then}\n`);
    chmodSync(c2w, 0o755);
    return c2w;
  }
  const holders: number[] = [];
  afterEach(() => {
    for (const pid of holders.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });

  it('a child that exits leaving a detached process on its pipes ends the run with what it printed', async () => {
    const c2w = leavesDetachedHolder('echo v0.8.4');
    const r = await run(c2w, ['--version'], { echo: false, timeoutMs: 60_000 });
    const holder = Number(/holder (\d+)/.exec(r.stdout)?.[1]);
    holders.push(holder);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('v0.8.4');
    // The run did not wait for it: it still holds the pipes.
    expect(alive(holder)).toBe(true);
  });

  it('the time limit holds although a detached descendant keeps the pipes open', async () => {
    let printed = '';
    const c2w = leavesDetachedHolder('exec sleep 30');
    const pending = run(c2w, ['--version'], {
      echo: false,
      timeoutMs: 500,
      graceMs: 500,
      onOutput: (chunk) => (printed += chunk),
    });
    await expect(pending).rejects.toThrow(/c2w --version did not finish within 1 s; it was ended/);
    const holder = Number(/holder (\d+)/.exec(printed)?.[1]);
    holders.push(holder);
    expect(alive(holder)).toBe(true);
  });

  it('rejects with the command when the file cannot be started', async () => {
    await expect(run('/nonexistent/c2w', [], { echo: false })).rejects.toThrow(/Could not start \/nonexistent\/c2w/);
  });

  it('writes stdout and stderr to the log on one stream, in order', async () => {
    // The fixture's output proves the order only through one stream: read what this process wrote.
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      writes.push(chunk.toString());
      return true;
    }) as typeof process.stdout.write;
    try {
      await run(node, [
        '-e',
        'process.stdout.write("1\\n"); setTimeout(() => process.stderr.write("2\\n"), 100); setTimeout(() => process.stdout.write("3\\n"), 200)',
      ]);
    } finally {
      process.stdout.write = original;
    }
    expect(writes.join('')).toMatch(/^\[command\].*\n1\n2\n3\n$/);
  });
});
