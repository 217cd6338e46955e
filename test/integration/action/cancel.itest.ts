// A cancelled run through the whole harness: the bundled action under Node 24 converts with the c2w
// stand-in on the real Docker engine, and the runner model (runner.ts) signals the main step mid-build
// as the runner does when a user cancels. Nothing of the run may stay behind, and the post step,
// which still runs, must save nothing of the build that never finished.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { NODE24, processesOf, ROOT } from '../../harness/runner.js';

const exec = promisify(execFile);

const h = useHarness({ runtime: true, name: 'cancel' });

/** Running processes whose environment holds NAME=VALUE (a build's RUN steps get its build args so). */
function processesWithEnv(entry: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry)) found.push(Number(pid));
    } catch {
      // gone, or not readable
    }
  }
  return found;
}

/** BuildKit's record of the engine's builds: [ref, status]. */
async function builds(): Promise<[string, string][]> {
  const { stdout } = await exec('docker', ['buildx', 'history', 'ls', '--format', '{{.Ref}} {{.Status}}'], {
    env: withEngine(h.engine),
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ') as [string, string]);
}

/** The record a cell uploaded, downloaded as the report action does (@actions/artifact under Node 24). */
async function downloadRecord(name: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-cancel-record-'));
  await exec(NODE24, [path.join(ROOT, 'test/harness/actions-client.mjs'), 'artifact-download', name, dir], {
    cwd: ROOT,
    env: { ...process.env, ...h.runtime!.env },
  });
  return JSON.parse(readFileSync(path.join(dir, 'c2w-record.json'), 'utf8')) as Record<string, unknown>;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a cancelled run', () => {
  it.each<[string, NodeJS.Signals[]]>([
    ['SIGTERM', ['SIGTERM']],
    ['SIGINT, then SIGTERM 7.5 s later (the runner)', ['SIGINT', 'SIGTERM']],
  ])('%s mid-build: c2w, docker buildx and the build end; the post step saves nothing', async (_name, signals) => {
    // A toolchain stage that would run for ten minutes, with a value no other build on this machine uses.
    const seconds = String(600 + Math.floor(Math.random() * 1000));
    const key = `cancel${seconds}`;
    const before = new Set((await builds()).map(([ref]) => ref));
    const started = Date.now();
    const r = await h.job(
      {
        image: TEST_IMAGE,
        cache: 'local',
        'cache-key': key,
        smoke: 'false',
        'upload-artifact': 'false',
        'build-args': `TOOLCHAIN_SECONDS=${seconds}`,
        // Names the cell's record (nothing else is uploaded).
        'artifact-name': key,
      },
      { cancel: { when: new RegExp(`toolchain: ${seconds}s of work`), signals } },
    );
    // Ended by the cancel, well before the build could have finished, and before the runner's own kill.
    // 128 + the number of the first signal, as a shell reports a process that signal ended.
    expect(r.main.exitCode, r.main.log).toBe(signals[0] === 'SIGINT' ? 130 : 143);
    expect(Date.now() - started).toBeLessThan(Number(seconds) * 1000);

    await settle(1000);
    // No process of the run is left: the runner's job cleanup looks for RUNNER_TRACKING_ID.
    expect(processesOf(r.trackingId)).toEqual([]);
    // The build's RUN step (it has the build arg in its environment) is gone too: BuildKit cancelled it.
    expect(processesWithEnv(`TOOLCHAIN_SECONDS=${seconds}`)).toEqual([]);
    const ours = (await builds()).filter(([ref]) => !before.has(ref));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter(([, status]) => status === 'Running')).toEqual([]);
    // Anywhere after the build started: the cancelled cell's record upload logs after it.
    expect(r.main.log.slice(r.main.log.indexOf(`toolchain: ${seconds}s of work`))).toMatch(
      /::error::The step was cancelled \((SIGINT|SIGTERM)\)/,
    );
    // The error output says so, not what the ended child said (c2w ended by SIGTERM).
    expect(r.main.outputs.error).toBe(`The step was cancelled (${signals[0]}).`);
    // The cell recorded itself as cancelled, in time, so the report's release gate sees it.
    expect(
      h.runtime!.artifacts().filter((a) => a.name === `c2w-record-${key}` && a.finalized),
      r.main.log.slice(-3000),
    ).toHaveLength(1);
    expect(await downloadRecord(`c2w-record-${key}`)).toMatchObject({
      cell: key,
      result: 'cancelled',
      stage: 'build',
      failure: { class: 'cancelled', message: `The step was cancelled (${signals[0]}) during build.` },
    });

    // The post step ran and saved nothing: the main step never finished a build to rotate.
    expect(r.post?.exitCode).toBe(0);
    expect(r.main.state['cache-save']).toBeUndefined();
    expect(r.post?.log).not.toMatch(/Saved the build cache/);
    expect(h.runtime!.cacheEntries().filter((e) => e.key.startsWith(`${key}-`))).toEqual([]);
  });
});
