// Ending a process group: the leader goes on SIGTERM, a member that ignores SIGTERM gets SIGKILL.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCancelHandlers } from '../../../src/action/cancel.js';
import { run } from '../../../src/lib/exec.js';
import { endAll, endGroup, groupAlive, liveChildren, track } from '../../../src/lib/processes.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** Running (a zombie has ended: it only waits for its new parent, here a container's init, to reap it). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Starts the fixture detached and tracked; resolves with the leader and the stubborn member's pid. */
async function startGroup() {
  const leader = spawn(process.execPath, [path.join(FIXTURES, 'group-with-stubborn-child.mjs')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track(leader);
  const member = await new Promise<number>((resolve) => {
    let out = '';
    leader.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /child (\d+)/.exec(out);
      if (m && out.includes('stubborn child up')) resolve(Number(m[1]));
    });
  });
  return { leader, member };
}

describe('process groups', () => {
  it('endGroup ends a member that ignores SIGTERM after the grace, even when the leader went at once', async () => {
    const { leader, member } = await startGroup();
    const started = Date.now();
    await endGroup(leader, 700);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(member)).toBe(false);
    expect(groupAlive(leader.pid!)).toBe(false);
    // It waited for the grace before SIGKILL (the member ignored SIGTERM).
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(liveChildren()).not.toContain(leader);
  });

  it('a cancel signal ends every tracked group, then exits non-zero', async () => {
    const a = await startGroup();
    const b = await startGroup();
    let uninstall = () => {};
    const exited = new Promise<number>((resolve) => {
      uninstall = installCancelHandlers(resolve);
    });
    process.emit('SIGTERM', 'SIGTERM');
    // The runner's SIGTERM after its SIGINT must not start a second ending.
    process.emit('SIGINT', 'SIGINT');
    // Nothing new starts once a cancel is under way (c2w after a cancelled cache restore).
    await expect(run(process.execPath, ['-e', ''], { echo: false })).rejects.toThrow(
      /Not starting .*node: the step was cancelled \(SIGTERM\)/,
    );
    expect(await exited).toBe(143);
    uninstall();
    for (const pid of [a.member, b.member]) expect(alive(pid)).toBe(false);
    expect(groupAlive(a.leader.pid!) || groupAlive(b.leader.pid!)).toBe(false);
    process.exitCode = undefined;
  });

  it('endAll with nothing tracked ends nothing', async () => {
    expect(await endAll(100)).toBe(0);
  });
});
