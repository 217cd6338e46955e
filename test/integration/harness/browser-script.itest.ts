// scripts/browser.sh installs chromium with the machine's apt. On a fresh machine another apt-get
// (unattended-upgrades, cloud-init) holds apt's locks for minutes: the script waits for them, with
// a bound, instead of giving up at once. apt is pointed at a private state (APT_CONFIG, with no
// sources), so the machine's own apt and its locks are never touched; the lock is held the way apt
// holds it, with an fcntl lock (a `flock` would not stop apt).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/runner.js';

const python = spawnSync('python3', ['-c', 'import fcntl'], { stdio: 'ignore' }).status === 0;
const root = process.getuid?.() === 0;

/** A private apt: its lists, cache and dpkg state in a scratch folder, and no sources. */
function privateApt(): { env: Record<string, string>; listsLock: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-apt-'));
  for (const d of ['lists/partial', 'cache/archives/partial', 'dpkg/updates', 'parts', 'state'])
    mkdirSync(path.join(dir, d), { recursive: true });
  writeFileSync(path.join(dir, 'dpkg/status'), '');
  const config = path.join(dir, 'apt.conf');
  writeFileSync(
    config,
    [
      `Dir::State "${dir}/state";`,
      `Dir::State::Lists "${dir}/lists";`,
      `Dir::State::status "${dir}/dpkg/status";`,
      `Dir::Cache "${dir}/cache";`,
      `Dir::Etc::SourceList "/dev/null";`,
      `Dir::Etc::SourceParts "${dir}/parts";`,
      '',
    ].join('\n'),
  );
  return {
    env: { APT_CONFIG: config, C2W_BROWSER: '', C2W_BROWSER_PATHS: path.join(dir, 'no-chromium') },
    listsLock: path.join(dir, 'lists/lock'),
  };
}

/** Holds `file` with an fcntl write lock, as apt does, for `seconds`; resolves once it is held. */
function holdLock(file: string, seconds: number): Promise<{ released: Promise<number>; stop: () => void }> {
  const child = spawn(
    'python3',
    [
      '-c',
      'import fcntl, os, sys, time\n' +
        'fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o640)\n' +
        'fcntl.lockf(fd, fcntl.LOCK_EX)\n' +
        'print("held", flush=True)\n' +
        'time.sleep(float(sys.argv[2]))\n',
      file,
      String(seconds),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const released = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () => resolve({ released, stop: () => child.kill() }));
  });
}

function browserSh(env: Record<string, string>): Promise<{ code: number; log: string; ended: number }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(ROOT, 'scripts/browser.sh'), 'install'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('close', (code) => resolve({ code: code ?? 1, log, ended: Date.now() }));
  });
}

describe.skipIf(!python || !root)('scripts/browser.sh and a busy apt', () => {
  it('waits for another apt-get to let go of its lock, then goes on', async () => {
    const apt = privateApt();
    const holder = await holdLock(apt.listsLock, 2);
    const r = await browserSh({ ...apt.env, C2W_APT_LOCK_WAIT: '120' });
    expect(r.log).toMatch(/browser: another apt-get holds apt's lock; waiting for it \(up to 120 s\)/);
    // With no sources there is no chromium to install: the script got past the lock to that.
    expect(r.log).toMatch(/Unable to locate package chromium/);
    expect(r.log).toMatch(/browser: error: apt-get install chromium failed$/m);
    expect(r.ended).toBeGreaterThanOrEqual(await holder.released);
  }, 60_000);

  it('gives up when the lock is still held at the end of the wait, and says why', async () => {
    const apt = privateApt();
    const holder = await holdLock(apt.listsLock, 30);
    try {
      const r = await browserSh({ ...apt.env, C2W_APT_LOCK_WAIT: '1' });
      expect(r.code).toBe(1);
      expect(r.log).toMatch(
        /browser: error: apt-get update failed: another apt-get still held its lock after 1 s \(C2W_APT_LOCK_WAIT\); let it finish and run this again/,
      );
    } finally {
      holder.stop();
    }
  }, 60_000);
});
