// The build-layer cache through the whole harness: the bundled action (main and post) under
// Node 24, the c2w stand-in on the project's real Docker engine and BuildKit, and the local
// stand-in for GitHub's cache service (Twirp + Azurite).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dirSize } from '../../../src/lib/files.js';
import type { ActionsRuntime } from '../../harness/actions-runtime.js';
import { stepCached } from '../../harness/buildlog.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import type { JobResult } from '../../harness/runner.js';
import { metadataOf } from '../../harness/metadata.js';

const exec = promisify(execFile);
const TOOLCHAIN = 'toolchain 2/2';

let runtime: ActionsRuntime;

/** Empties BuildKit's own cache, as a fresh runner would have it. */
async function prune(): Promise<void> {
  await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
}

/** One job on "the same kind of runner": same RUNNER_TEMP path (the cache version hashes it) and tool cache. */
function job(runnerTemp: string, withInputs: Record<string, string>): Promise<JobResult> {
  return h.job({ 'upload-artifact': 'false', smoke: 'false', ...withInputs }, { runnerTemp });
}

const runner = () => mkdtempSync(path.join(h.dir, 'runner-'));

const h = useHarness({ runtime: true, name: 'cache' });

beforeAll(async () => {
  runtime = h.runtime!;
});

afterEach(async () => {
  await runtime.faults.reset();
});

describe('build-layer cache (cache: local)', () => {
  it('misses and saves, then restores after a prune with the toolchain stage CACHED', async () => {
    const temp = runner();
    await prune();
    const cold = await job(temp, { image: TEST_IMAGE, 'cache-key': 'roundtrip' });
    expect(cold.main.exitCode, cold.main.log).toBe(0);
    expect(cold.main.outputs['cache-hit']).toBe('false');
    expect(metadataOf(cold.main.outputs).cache?.matchedKey).toBeUndefined();
    expect(stepCached(cold.main.log, TOOLCHAIN)).toBe(false);
    const key = metadataOf(cold.main.outputs).cache!.primaryKey!;
    expect(key).toMatch(/^roundtrip-Linux-X64-c2wv0\.8\.4-wasi-amd64-df[0-9a-f]{16}-args[0-9a-f]{16}-img[0-9a-f]{16}$/);
    expect(cold.post?.log).toMatch(/Saved the build cache \(\d+ bytes\) under roundtrip-/);
    expect(runtime.cacheEntries().filter((e) => e.key === key && e.finalized)).toHaveLength(1);

    await prune();
    const warm = await job(temp, { image: TEST_IMAGE, 'cache-key': 'roundtrip' });
    expect(warm.main.exitCode, warm.main.log).toBe(0);
    expect(warm.main.outputs['cache-hit']).toBe('true');
    expect(metadataOf(warm.main.outputs).cache?.matchedKey).toBe(key);
    expect(Number(metadataOf(warm.main.outputs).cache?.restored?.bytes)).toBeGreaterThan(0);
    expect(stepCached(warm.main.log, TOOLCHAIN)).toBe(true);
    expect(warm.main.outputs.sha256).toBe(cold.main.outputs.sha256);
    // An exact hit exports nothing and saves nothing.
    expect(warm.main.log).not.toMatch(/--cache-to/);
    expect(warm.post?.log).not.toMatch(/Saved the build cache/);
    expect(warm.main.summary).toContain('<code>cache.hit</code>');
  });

  it('restores through a restore key when a build arg changes; a js allocator change rebuilds the toolchain', async () => {
    const temp = runner();
    await prune();
    const first = await job(temp, {
      image: TEST_IMAGE,
      'cache-key': 'peel',
      target: 'js',
      'build-args': 'VM_MEMORY_SIZE_MB=128',
    });
    expect(first.main.exitCode, first.main.log).toBe(0);

    await prune();
    const arg = await job(temp, {
      image: TEST_IMAGE,
      'cache-key': 'peel',
      target: 'js',
      'build-args': 'VM_MEMORY_SIZE_MB=256',
    });
    expect(arg.main.exitCode, arg.main.log).toBe(0);
    expect(arg.main.outputs['cache-hit']).toBe('false');
    expect(metadataOf(arg.main.outputs).cache?.matchedKey).toBe(metadataOf(first.main.outputs).cache?.primaryKey);
    expect(stepCached(arg.main.log, TOOLCHAIN)).toBe(true);
    expect(arg.post?.log).toMatch(/Saved the build cache/);

    await prune();
    const alloc = await job(temp, {
      image: TEST_IMAGE,
      'cache-key': 'peel',
      target: 'js',
      allocator: 'dlmalloc',
      'build-args': 'VM_MEMORY_SIZE_MB=256',
    });
    expect(alloc.main.exitCode, alloc.main.log).toBe(0);
    expect(alloc.main.outputs['cache-hit']).toBe('false');
    // Restored (the newest entry of the same target), but the allocator is in the toolchain's flags.
    expect(metadataOf(alloc.main.outputs).cache?.matchedKey).toMatch(/^peel-Linux-X64-c2wv0\.8\.4-js-amd64-/);
    expect(stepCached(alloc.main.log, TOOLCHAIN)).toBe(false);
  });

  it('keeps the rotated cache folder from growing across five warm runs', async () => {
    const temp = runner();
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A new build arg each time: a new key, a restore through the restore key, and a save.
      const r = await job(temp, { image: TEST_IMAGE, 'cache-key': 'rotate', 'build-args': `RUN_NUMBER=${i}` });
      expect(r.main.exitCode, r.main.log).toBe(0);
      expect(r.post?.log).toMatch(/Saved the build cache/);
      sizes.push(await dirSize((JSON.parse(r.main.state['cache-save']!) as { dir: string }).dir));
    }
    expect(sizes.every((s) => s > 0)).toBe(true);
    // Every run exports only its own build's layers: the last is no larger than the first (+5% slack).
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(sizes[0]! * 1.05);
  });
});

describe('build-layer cache (cache: gha)', () => {
  it("exports to buildx's gha backend and imports from it after a prune", async () => {
    const temp = runner();
    await prune();
    const cold = await job(temp, { image: TEST_IMAGE, cache: 'gha', 'cache-key': 'gha' });
    expect(cold.main.exitCode, cold.main.log).toBe(0);
    expect(cold.main.log).toMatch(
      /--cache-to=type=gha,scope=gha-Linux-X64-c2wv0\.8\.4-wasi-amd64-df[0-9a-f]{16},mode=max,ignore-error=true/,
    );
    expect(cold.main.log).toMatch(/exporting to GitHub Actions Cache/);
    expect(stepCached(cold.main.log, TOOLCHAIN)).toBe(false);
    // buildx, not the action, wrote these entries: the token and service URL reached it through the environment.
    expect(runtime.cacheEntries().some((e) => e.finalized && /^buildkit-/.test(e.key))).toBe(true);
    // The token is never put on buildx's command line (c2w logs that argv).
    expect(cold.main.log).not.toMatch(/token=/);

    await prune();
    const warm = await job(temp, { image: TEST_IMAGE, cache: 'gha', 'cache-key': 'gha' });
    expect(warm.main.exitCode, warm.main.log).toBe(0);
    expect(warm.main.log).toMatch(/importing cache manifest from gha/);
    expect(stepCached(warm.main.log, TOOLCHAIN)).toBe(true);
    expect(warm.main.outputs.sha256).toBe(cold.main.outputs.sha256);
  });
});

describe('cache-save: false (a pull request reads the cache, never writes it)', () => {
  it('local: restores, reports cache-hit, and saves nothing on an exact or a restore-key hit', async () => {
    const temp = runner();
    await prune();
    const seed = await job(temp, { image: TEST_IMAGE, 'cache-key': 'nosave' });
    expect(seed.main.exitCode, seed.main.log).toBe(0);
    const key = metadataOf(seed.main.outputs).cache!.primaryKey!;
    expect(runtime.cacheEntries().filter((e) => e.key === key && e.finalized)).toHaveLength(1);
    const entries = () => runtime.cacheEntries().filter((e) => e.key.startsWith('nosave-')).length;
    const saved = entries();

    await prune();
    const exact = await job(temp, { image: TEST_IMAGE, 'cache-key': 'nosave', 'cache-save': 'false' });
    expect(exact.main.exitCode, exact.main.log).toBe(0);
    expect(exact.main.outputs['cache-hit']).toBe('true');
    expect(metadataOf(exact.main.outputs).cache?.matchedKey).toBe(key);
    expect(stepCached(exact.main.log, TOOLCHAIN)).toBe(true);

    // A restore-key hit would export and save without cache-save: false.
    await prune();
    const peeled = await job(temp, {
      image: TEST_IMAGE,
      'cache-key': 'nosave',
      'build-args': 'RUN_NUMBER=1',
      'cache-save': 'false',
    });
    expect(peeled.main.exitCode, peeled.main.log).toBe(0);
    expect(peeled.main.outputs['cache-hit']).toBe('false');
    expect(metadataOf(peeled.main.outputs).cache?.matchedKey).toBe(key);
    expect(Number(metadataOf(peeled.main.outputs).cache?.restored?.bytes)).toBeGreaterThan(0);
    expect(stepCached(peeled.main.log, TOOLCHAIN)).toBe(true);
    expect(peeled.main.log).toMatch(/--cache-from=type=local/);
    expect(peeled.main.log).not.toMatch(/--cache-to/);
    expect(peeled.main.state['cache-save']).toBeUndefined();
    expect(peeled.post?.exitCode).toBe(0);
    expect(peeled.post?.log).not.toMatch(/Saved the build cache/);
    expect(entries()).toBe(saved);
  });

  it('gha: imports from the gha backend and exports nothing', async () => {
    const temp = runner();
    await prune();
    const seed = await job(temp, { image: TEST_IMAGE, cache: 'gha', 'cache-key': 'gha-nosave' });
    expect(seed.main.exitCode, seed.main.log).toBe(0);
    const entries = runtime.cacheEntries().length;

    await prune();
    const r = await job(temp, {
      image: TEST_IMAGE,
      cache: 'gha',
      'cache-key': 'gha-nosave',
      'build-args': 'RUN_NUMBER=1',
      'cache-save': 'false',
    });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/importing cache manifest from gha/);
    expect(stepCached(r.main.log, TOOLCHAIN)).toBe(true);
    expect(r.main.log).not.toMatch(/--cache-to|exporting to GitHub Actions Cache/);
    expect(runtime.cacheEntries().length).toBe(entries);
  });
});

describe('cache trouble never fails a conversion', () => {
  it('the service answers 500 on restore and on save', async () => {
    runtime.faults.fail('GetCacheEntryDownloadURL', { status: 500 });
    runtime.faults.fail('CreateCacheEntry', { status: 500 });
    const r = await job(runner(), { image: TEST_IMAGE, 'cache-key': 'faults500' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs['cache-hit']).toBe('false');
    expect(r.main.log).toMatch(/::warning::.*(Failed to restore|Cache restore failed)/);
    expect(r.post?.exitCode).toBe(0);
    expect(r.post?.log).toMatch(/::warning::.*Failed to save|was not saved/);
  });

  it('a read-only token (untrusted trigger)', async () => {
    runtime.faults.readOnlyToken(true);
    const r = await job(runner(), { image: TEST_IMAGE, 'cache-key': 'readonly' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.post?.exitCode).toBe(0);
    expect(r.post?.log).toMatch(/cache write denied|was not saved/);
    expect(runtime.cacheEntries().filter((e) => e.key.startsWith('readonly-'))).toHaveLength(0);
  });

  it('a read-only token with cache: gha: buildx cannot export, the build still succeeds', async () => {
    runtime.faults.readOnlyToken(true);
    await prune();
    const r = await job(runner(), { image: TEST_IMAGE, cache: 'gha', 'cache-key': 'gha-readonly' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/exporting to GitHub Actions Cache/);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('no cache service at all', async () => {
    await runtime.faults.unavailable('refuse');
    const r = await job(runner(), { image: TEST_IMAGE, 'cache-key': 'down' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/::warning::/);
    expect(r.post?.exitCode).toBe(0);
  });

  it('a restore that stalls is cut off by cache-timeout', async () => {
    const temp = runner();
    const seed = await job(temp, { image: TEST_IMAGE, 'cache-key': 'stall' });
    expect(seed.main.exitCode, seed.main.log).toBe(0);
    runtime.faults.delay('GetCacheEntryDownloadURL', 60_000);
    const r = await job(temp, { image: TEST_IMAGE, 'cache-key': 'stall', 'cache-timeout': '2' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/::warning::The cache restore took more than 2 s \(cache-timeout\)/);
    expect(r.main.outputs['cache-hit']).toBe('false');
    expect(r.main.seconds).toBeLessThan(60);
  });

  it('a save that stalls is given up with a warning, and the post step ends', async () => {
    const temp = runner();
    runtime.faults.delay('CreateCacheEntry', 120_000);
    const r = await job(temp, { image: TEST_IMAGE, 'cache-key': 'stall-save', 'cache-timeout': '2' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.post?.exitCode, r.post?.log).toBe(0);
    expect(r.post?.log).toMatch(
      /::warning::The cache save under \S+ took more than 2 s \(cache-timeout\); it was given up/,
    );
    expect(r.post!.seconds).toBeLessThan(60);
  });
});
