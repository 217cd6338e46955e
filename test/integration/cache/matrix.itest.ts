// The build-layer cache of an allocator matrix: three `target: js` cells (emmalloc, dlmalloc,
// mimalloc) one after another, each on a fresh runner (BuildKit pruned, the runner's cache folders
// gone), with the c2w stand-in given c2w's proportions: a 24 MiB stage neither the image nor the
// allocator touches (`kernel`) and a 2 MiB stage that carries -sMALLOC (`toolchain`). The bundled
// action (main and post) runs under Node 24 against the project's Docker engine and the local
// stand-in of GitHub's cache service, which reports the bytes each entry stores.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionsRuntime } from '../../harness/actions-runtime.js';
import { stepCached, stepRan } from '../../harness/buildlog.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import type { JobResult } from '../../harness/runner.js';
import { metadataOf } from '../../harness/metadata.js';

const exec = promisify(execFile);
const KERNEL = 'kernel 2/2';
const TOOLCHAIN = 'toolchain 2/2';
const ALLOCATORS = ['emmalloc', 'dlmalloc', 'mimalloc'] as const;
const PROPORTIONS = 'KERNEL_MB=24\nTOOLCHAIN_MB=2\nTOOLCHAIN_SECONDS=1';

let runtime: ActionsRuntime;

const h = useHarness({ runtime: true, name: 'cache-matrix' });

beforeAll(async () => {
  runtime = h.runtime!;
});

/** Bytes the cache service stores in finalized entries. */
const stored = (): number =>
  runtime
    .cacheEntries()
    .filter((e) => e.finalized)
    .reduce((sum, e) => sum + (e.storedBytes ?? 0), 0);

/**
 * One cell on a fresh runner of the same kind: BuildKit's cache pruned and the action's folders
 * gone, at the same RUNNER_TEMP path (the cache version hashes the paths, as on GitHub's runners).
 */
async function cell(temp: string, withInputs: Record<string, string>): Promise<JobResult> {
  await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
  rmSync(path.join(temp, 'c2w-action'), { recursive: true, force: true });
  const r = await h.job(
    { image: TEST_IMAGE, 'upload-artifact': 'false', smoke: 'false', 'build-args': PROPORTIONS, ...withInputs },
    { runnerTemp: temp },
  );
  expect(r.main.exitCode, r.main.log).toBe(0);
  expect(r.post?.exitCode, r.post?.log).toBe(0);
  return r;
}

/** Three js cells one after another, then a second round; the stored bytes after each cell. */
async function matrix(
  withInputs: Record<string, string>,
): Promise<{ rounds: JobResult[][]; bytes: number[]; before: number }> {
  const temp = mkdtempSync(path.join(h.dir, 'runner-'));
  const before = stored();
  const rounds: JobResult[][] = [[], []];
  const bytes: number[] = [];
  for (const round of rounds) {
    for (const allocator of ALLOCATORS) {
      round.push(await cell(temp, { target: 'js', allocator, ...withInputs }));
      bytes.push(stored() - before);
    }
  }
  return { rounds, bytes, before };
}

describe('an allocator matrix with cache: local (the default)', () => {
  it('stores the allocator-free layers once, restores them in every new allocator, and a second round stores nothing', async () => {
    const { rounds, bytes } = await matrix({ 'cache-key': 'matrix-local' });
    const [first, second] = rounds as [JobResult[], JobResult[]];
    const firstCell = bytes[0]!;
    // The first cell stores the whole export (≥ 24 MiB of incompressible kernel bytes) as the shared entry.
    expect(firstCell).toBeGreaterThan(24 * 1024 * 1024);
    expect(Number(metadataOf(first[0]!.main.outputs).cache?.saved?.shared)).toBeGreaterThan(24 * 1024 * 1024);
    console.log(`cache: local, stored after each cell: ${bytes.map((b) => (b / firstCell).toFixed(2)).join(' ')}`);
    expect(bytes[2]!).toBeLessThanOrEqual(firstCell * 1.5);

    expect(stepRan(first[0]!.main.log, KERNEL)).toBe(true);
    for (const later of first.slice(1)) {
      expect(stepCached(later.main.log, KERNEL), later.main.log).toBe(true);
      expect(stepRan(later.main.log, KERNEL)).toBe(false);
      expect(stepCached(later.main.log, TOOLCHAIN)).toBe(false);
      expect(Number(metadataOf(later.main.outputs).cache?.restored?.shared)).toBeGreaterThan(24 * 1024 * 1024);
      expect(metadataOf(later.main.outputs).cache?.saved?.shared).toBe(0);
      const own = Number(metadataOf(later.main.outputs).cache?.saved?.allocator);
      expect(own).toBeGreaterThan(2 * 1024 * 1024);
      expect(own).toBeLessThan(8 * 1024 * 1024);
      expect(later.post?.log).not.toMatch(/Saved the shared build cache/);
      // The job summary says it too: the main step's table, the post step's line.
      expect(later.main.summary).toContain('<code>cache.restored.shared</code>');
      expect(later.main.summary).toContain('<code>cache.saved.allocator</code>');
      expect(later.post?.summary).toMatch(/Build cache saved: \d+ bytes for this allocator under <code>matrix-local-/);
    }
    expect(first[0]!.post?.summary).toMatch(/Build cache saved: \d+ bytes shared by every allocator under <code>/);

    // Round two, every cell on a fresh runner again: all warm, nothing new stored.
    for (const warm of second) {
      expect(warm.main.outputs['cache-hit'], warm.main.log).toBe('true');
      expect(stepCached(warm.main.log, KERNEL)).toBe(true);
      expect(stepCached(warm.main.log, TOOLCHAIN)).toBe(true);
      expect(warm.post?.log).not.toMatch(/Saved the/);
      expect([
        metadataOf(warm.main.outputs).cache?.saved?.shared,
        metadataOf(warm.main.outputs).cache?.saved?.allocator,
      ]).toEqual([0, 0]);
    }
    expect(bytes[5]).toBe(bytes[2]);
    // The same outputs as the cold round's build of each allocator.
    expect(second.map((r) => r.main.outputs.sha256)).toEqual(first.map((r) => r.main.outputs.sha256));
  });

  it('a js cell and a wasi cell of one image share the kernel layers and keep their own entries', async () => {
    const temp = mkdtempSync(path.join(h.dir, 'runner-'));
    const before = stored();
    const js = await cell(temp, { target: 'js', 'cache-key': 'matrix-targets' });
    const jsBytes = stored() - before;
    const wasi = await cell(temp, { target: 'wasi', 'cache-key': 'matrix-targets' });
    const bothBytes = stored() - before;
    console.log(`cache: local, js then wasi: ${jsBytes} then ${bothBytes} bytes stored`);
    expect(stepCached(wasi.main.log, KERNEL), wasi.main.log).toBe(true);
    expect(bothBytes).toBeLessThanOrEqual(jsBytes * 1.5);
    const keys = runtime.cacheEntries().map((e) => e.key);
    expect(keys).toContain(metadataOf(js.main.outputs).cache?.primaryKey);
    expect(keys).toContain(metadataOf(wasi.main.outputs).cache?.primaryKey);
    // Neither replaced the other: both are warm afterwards, in either order, and store nothing more.
    for (const target of ['wasi', 'js']) {
      const again = await cell(temp, { target, 'cache-key': 'matrix-targets' });
      expect(again.main.outputs['cache-hit'], again.main.log).toBe('true');
    }
    expect(stored() - before).toBe(bothBytes);
  });
});

describe('the first run of a matrix: every cell cold at once', () => {
  it('cells that lost the shared save keep their whole export; the second round is warm in every cell', async () => {
    const temp = mkdtempSync(path.join(h.dir, 'runner-'));
    const before = stored();
    const first: JobResult[] = [];
    let firstCell = 0;
    for (const [i, allocator] of ALLOCATORS.entries()) {
      // Cells 2 and 3 restore before cell 1 has saved anything: the service finds no entry for them.
      if (i > 0) runtime.faults.fail('GetCacheEntryDownloadURL', { status: 404, msg: 'cache entry not found' });
      try {
        first.push(await cell(temp, { target: 'js', allocator, 'cache-key': 'matrix-cold' }));
      } finally {
        await runtime.faults.reset();
      }
      if (i === 0) firstCell = stored() - before;
    }
    const cold = stored() - before;
    for (const later of first.slice(1)) {
      expect(stepRan(later.main.log, KERNEL)).toBe(true);
      // The shared key is taken (by cell 1, with its own kernel layers): this cell's entry holds all of its own.
      expect(later.post?.log).toMatch(/Failed to save|was not saved/);
      expect(later.post?.log).toMatch(/Saved the build cache \(\d+ bytes\)/);
    }
    const secondRound: JobResult[] = [];
    for (const allocator of ALLOCATORS) {
      secondRound.push(await cell(temp, { target: 'js', allocator, 'cache-key': 'matrix-cold' }));
    }
    console.log(`cache: local, a cold matrix stored ${(cold / firstCell).toFixed(2)}x the first cell`);
    for (const warm of secondRound) {
      expect(warm.main.outputs['cache-hit'], warm.main.log).toBe('true');
      expect(stepRan(warm.main.log, KERNEL)).toBe(false);
      expect(stepRan(warm.main.log, TOOLCHAIN)).toBe(false);
    }
    expect(stored() - before).toBe(cold);
    expect(secondRound.map((r) => r.main.outputs.sha256)).toEqual(first.map((r) => r.main.outputs.sha256));
  });
});

describe('an allocator matrix with cache: gha', () => {
  it("a new allocator's cell imports the allocator-free layers another allocator's cell exported", async () => {
    const { rounds, bytes } = await matrix({ cache: 'gha', 'cache-key': 'matrix-gha' });
    const [first, second] = rounds as [JobResult[], JobResult[]];
    console.log(`cache: gha, stored after each cell: ${bytes.map((b) => (b / bytes[0]!).toFixed(2)).join(' ')}`);
    // A layer imported from gha is downloaded when a later step mounts it, so BuildKit logs its
    // download rather than `CACHED`: what matters is that the kernel's command never runs again.
    expect(stepRan(first[0]!.main.log, KERNEL)).toBe(true);
    for (const later of first.slice(1)) {
      expect(stepRan(later.main.log, KERNEL), later.main.log).toBe(false);
      expect(stepRan(later.main.log, TOOLCHAIN)).toBe(true);
    }
    expect(bytes[2]!).toBeLessThanOrEqual(bytes[0]! * 1.5);
    for (const warm of second) {
      expect(stepRan(warm.main.log, KERNEL)).toBe(false);
      expect(stepRan(warm.main.log, TOOLCHAIN), warm.main.log).toBe(false);
    }
    // buildx rewrites each scope's manifest on every export (a few KiB); no layer is stored twice.
    expect(bytes[5]! - bytes[2]!).toBeLessThan(256 * 1024);
    // Blobs are entries named by digest alone, whatever the scope; only the manifests name a scope.
    const keys = runtime.cacheEntries().map((e) => e.key.replace(/[0-9a-f]{64}/, '<digest>').replace(/\d{6,}/, '<n>'));
    console.log(`cache: gha entry names: ${[...new Set(keys)].join(', ')}`);
    expect(keys).toContain('buildkit-blob-1-sha256:<digest>');
  });
});
