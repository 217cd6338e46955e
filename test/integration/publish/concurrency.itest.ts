// Runs that share a runner, through the whole harness (the bundled action under Node 24, the c2w
// stand-in on the real Docker engine, the local release server and cache service): two jobs at once
// on a cold tool cache, two jobs at once in one RUNNER_TEMP, and two uses of the action in one job.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stepCached } from '../../harness/buildlog.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { metadataOf } from '../../harness/metadata.js';

const exec = promisify(execFile);
const TOOLCHAIN = 'toolchain 2/2';

const h = useHarness({ runtime: true, name: 'concurrency' });

/** The label of a stage's last step in a BuildKit plain log, e.g. `wasi-build 6/6`. */
function lastStep(log: string, stage: string): string {
  const m = new RegExp(`\\[${stage} (\\d+)/\\1\\]`).exec(log);
  if (!m) throw new Error(`no last step of ${stage} in the build log:\n${log}`);
  return `${stage} ${m[1]}/${m[1]}`;
}

const prune = () => exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });

describe('two jobs on one runner', () => {
  it('install c2w at once into a cold tool cache: both succeed with one complete copy', async () => {
    for (let round = 0; round < 3; round++) {
      const toolCache = mkdtempSync(path.join(h.dir, 'toolcache-'));
      const jobs = await Promise.all(
        [0, 1].map(() =>
          h.job({ image: TEST_IMAGE, cache: 'none', smoke: 'false', 'upload-artifact': 'false' }, { toolCache }),
        ),
      );
      for (const r of jobs) expect(r.main.exitCode, r.main.log).toBe(0);
      expect(readdirSync(path.join(toolCache, 'c2w', '0.8.4')).sort()).toEqual(['x64', 'x64.complete']);
      expect(readdirSync(path.join(toolCache, 'c2w', '0.8.4', 'x64'))).toContain('c2w');
    }
  });

  it('sharing RUNNER_TEMP at once: both exports are saved, each under its own key', async () => {
    const runnerTemp = mkdtempSync(path.join(h.dir, 'temp-'));
    await prune();
    const jobs = await Promise.all(
      ['a', 'b'].map((k) =>
        h.job(
          { image: TEST_IMAGE, cache: 'local', 'cache-key': `shared-${k}`, smoke: 'false', 'upload-artifact': 'false' },
          { runnerTemp },
        ),
      ),
    );
    for (const r of jobs) {
      expect(r.main.exitCode, r.main.log).toBe(0);
      expect(r.post?.log).toMatch(/Saved the build cache \(\d+ bytes\)/);
    }
    // Each job saves its own entry (and the entry every allocator shares, whichever job got there first).
    for (const k of ['a', 'b'])
      expect(
        h
          .runtime!.cacheEntries()
          .filter((e) => e.key.startsWith(`shared-${k}-`) && !e.key.includes('-shareddf') && e.finalized),
      ).toHaveLength(1);
  });
});

describe('two uses of the action in one job', () => {
  it('wasi, then js: each post step saves its own build under its own key', async () => {
    const runnerTemp = mkdtempSync(path.join(h.dir, 'temp-'));
    const uses: Record<string, string>[] = [
      { image: TEST_IMAGE, target: 'wasi', 'cache-key': 'twouses', smoke: 'false', 'upload-artifact': 'false' },
      {
        image: TEST_IMAGE,
        target: 'js',
        output: 'js/',
        'cache-key': 'twouses',
        smoke: 'false',
        'upload-artifact': 'false',
      },
    ];
    await prune();
    const cold = await h.uses(uses, { runnerTemp });
    for (const step of [...cold.mains, ...cold.posts]) expect(step.exitCode, step.log).toBe(0);
    const keys = cold.mains.map((m) => metadataOf(m.outputs).cache?.primaryKey);
    expect(keys[0]).toMatch(/-wasi-/);
    expect(keys[1]).toMatch(/-js-/);
    for (const [i, post] of cold.posts.entries()) expect(post.log).toContain(`under ${keys[i]}`);

    // Each entry holds its own build's layers: after a prune, the same job restores both by their
    // exact keys and BuildKit finds the last step of each target's own stage (wasi-build, js-build:
    // only that target's build has it) in them.
    await prune();
    const warm = await h.uses(uses, { runnerTemp });
    for (const [i, main] of warm.mains.entries()) {
      expect(main.exitCode, main.log).toBe(0);
      expect(main.outputs['cache-hit']).toBe('true');
      expect(metadataOf(main.outputs).cache?.matchedKey).toBe(keys[i]);
      expect(stepCached(main.log, TOOLCHAIN)).toBe(true);
      expect(stepCached(main.log, lastStep(main.log, i === 0 ? 'wasi-build' : 'js-build'))).toBe(true);
    }
  });
});
