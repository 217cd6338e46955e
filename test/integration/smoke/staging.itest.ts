// The smoke boot stages the output as hard links to the published files (sandbox.ts, stageOutput),
// not copies: what keeps the guest from changing the published bytes is then the boundary's
// read-only bind (confine.ts) and the permission model, not a copy. This checks the first of them
// with the plainest writer there is, a shell inside the boundary (no permission model at all), on a
// file everyone may write (so only the mount can refuse), for each way this machine makes the boundary.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confinedArgv, mkfifo, probe, type BoundaryVia } from '../../../src/smoke/confine.js';
import { stageOutput } from '../../../src/smoke/sandbox.js';

let dir = '';
const ways: BoundaryVia[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'c2w-staging-'));
  for (const via of process.geteuid?.() === 0 ? (['root', 'userns'] as const) : (['sudo', 'userns'] as const)) {
    if ((await probe(via)) === undefined) ways.push(via);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `command` inside the boundary made `via`, with `binds`; its exit code and output. */
async function inside(via: BoundaryVia, binds: string[], command: string[]): Promise<{ code: number; text: string }> {
  const home = mkdtempSync(join(dir, 'home-'));
  const rootDir = join(home, 'root');
  const control = join(home, 'control');
  mkdirSync(rootDir);
  await mkfifo(control);
  const fifo = await open(control, constants.O_RDWR | constants.O_NONBLOCK);
  try {
    const argv = confinedArgv(via, { rootDir, control, graceSeconds: 1, binds, command });
    // stdin is the boundary's lifeline: it stays open until the command has ended.
    return await new Promise((resolve) => {
      execFile(
        argv[0]!,
        argv.slice(1),
        { timeout: 30_000, killSignal: 'SIGKILL', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, encoding: 'utf8' },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, text: `${stdout}${stderr}` }),
      );
    });
  } finally {
    await fifo.close();
  }
}

describe('the staged output inside the boundary', () => {
  it('is the published file, and a writer inside the boundary cannot change it through the link', async () => {
    if (ways.length === 0) return; // no boundary on this machine: the permission model alone holds (smoke.itest.ts)
    const wasm = join(dir, 'out.wasm');
    writeFileSync(wasm, 'published bytes');
    chmodSync(wasm, 0o666);
    for (const via of ways) {
      const staged = await stageOutput(wasm, dir);
      try {
        expect(statSync(staged.path).ino).toBe(statSync(wasm).ino);
        const r = await inside(
          via,
          [staged.dir],
          [
            'sh',
            '-c',
            'printf planted >> "$1"; echo "append: $?"; true > "$1"; echo "truncate: $?"; chmod 0777 "$1" 2>&1; echo "chmod: $?"',
            'sh',
            staged.path,
          ],
        );
        expect(r.text, via).toMatch(/append: [1-9]/);
        expect(r.text, via).toMatch(/truncate: [1-9]/);
        expect(r.text, via).toMatch(/chmod: [1-9]/);
        expect(r.text, via).toMatch(/Read-only file system/);
        expect(readFileSync(wasm, 'utf8')).toBe('published bytes');
        expect(statSync(wasm).mode & 0o777).toBe(0o666);
      } finally {
        await staged.remove();
      }
    }
  }, 90_000);
});
