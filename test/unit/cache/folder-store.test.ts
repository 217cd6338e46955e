import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { evict, FolderStore, listEntries, matchEntry, toEvict } from '../../../src/cache/folder-store.js';
import { cacheKeys } from '../../../src/cache/keys.js';
import { restoreLayers, rotate, saveLayers } from '../../../src/cache/layers.js';
import { sha256Text } from '../../../src/lib/hash.js';

const keys = {
  primary: 'c2w-a-df1-args2-img3',
  restore: ['c2w-a-df1-args2-', 'c2w-a-df1-', 'c2w-a-'],
  scope: 'c2w-a-df1',
};

describe('matchEntry: the entry to restore, as actions/cache matches keys', () => {
  it.each([
    ['nothing', [], undefined],
    [
      'the exact key, even when another is newer',
      [
        ['c2w-a-df1-args2-img3', 1],
        ['c2w-a-df1-args2-img9', 5],
      ],
      'c2w-a-df1-args2-img3',
    ],
    [
      'the newest of the most specific restore key',
      [
        ['c2w-a-df1-args2-img8', 1],
        ['c2w-a-df1-args2-img9', 2],
        ['c2w-a-df1-args7-img1', 9],
      ],
      'c2w-a-df1-args2-img9',
    ],
    ['a less specific key when no more specific one matches', [['c2w-a-df5-args2-img3', 1]], 'c2w-a-df5-args2-img3'],
    ['no entry of another prefix', [['other-a-df1-args2-img3', 1]], undefined],
  ] as const)('%s', (_what, entries, expected) => {
    expect(
      matchEntry(
        entries.map(([key, mtimeMs]) => ({ key, mtimeMs })),
        keys,
      ),
    ).toBe(expected);
  });
});

/** A buildx local cache as `--cache-to type=local` leaves it: index.json and blobs. */
function writeCache(dir: string, content: string): void {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(dir, 'index.json'), content);
  writeFileSync(path.join(dir, 'blobs', 'sha256', 'abc'), content);
}

describe('the cache folder', () => {
  it('restores from a restore key, saves under the primary key, keeps the restored entry', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    const store = new FolderStore(root);
    writeCache(path.join(root, 'c2w-a-df1-args2-img0'), 'old');
    const dir = path.join(root, `.export-${process.pid}-00aa`);
    expect(await store.restore(dir, keys.primary, keys.restore)).toBe('c2w-a-df1-args2-img0');
    expect(readFileSync(path.join(dir, 'index.json'), 'utf8')).toBe('old');
    writeCache(dir, 'new'); // what buildx exports
    expect(await store.save(dir, keys.primary)).toBe(true);
    expect(readdirSync(root).sort()).toEqual([
      `.export-${process.pid}-00aa`,
      'c2w-a-df1-args2-img0',
      'c2w-a-df1-args2-img3',
    ]);
    expect(readFileSync(path.join(root, 'c2w-a-df1-args2-img3', 'index.json'), 'utf8')).toBe('new');
    expect(await store.restore(dir, keys.primary, keys.restore)).toBe(keys.primary);
  });

  it('a miss leaves the folder as it was', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    expect(await new FolderStore(root).restore(path.join(root, '.export-1-00'), keys.primary, keys.restore)).toBe(
      undefined,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('ignores incomplete entries and removes the export folders of runs that are gone', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    mkdirSync(path.join(root, 'c2w-a-df1-args2-img3', 'blobs'), { recursive: true }); // no index.json
    writeCache(path.join(root, 'c2w-a-x'), 'x');
    utimesSync(path.join(root, 'c2w-a-x'), 1000, 1000);
    // pid 2^22 + 1 is above Linux's pid_max limit: no such process.
    writeCache(path.join(root, `.export-${2 ** 22 + 1}-00ff`), 'dead');
    writeCache(path.join(root, `.export-${2 ** 22 + 1}-00ff-shared`), 'dead');
    writeCache(path.join(root, `.export-${process.pid}-00ff`), 'alive');
    expect(await listEntries(root)).toEqual([{ key: 'c2w-a-x', mtimeMs: 1_000_000 }]);
    expect(readdirSync(root).sort()).toEqual([`.export-${process.pid}-00ff`, 'c2w-a-df1-args2-img3', 'c2w-a-x']);
  });
});

/**
 * A buildx local cache (an OCI image layout): blobs named by their sha256, a cache manifest naming
 * the layers, index.json naming the manifest.
 */
function writeLayout(dir: string, layers: string[]): void {
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (content: string) => {
    const digest = createHash('sha256').update(content).digest('hex');
    writeFileSync(path.join(blobs, digest), content);
    return `sha256:${digest}`;
  };
  const manifest = put(JSON.stringify({ layers: layers.map((l) => ({ digest: put(l) })) }));
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: manifest }] }));
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
}

describe('an allocator sweep through the cache folder', () => {
  const inputs = { cache: 'local' as const, cacheRef: '', cacheTimeoutSeconds: 60 };
  const keysOf = (allocator: string) =>
    cacheKeys({
      prefix: 'cli',
      runnerOs: 'linux',
      runnerArch: 'x64',
      c2wVersion: 'v0.8.4',
      target: 'js',
      targetArch: 'amd64',
      dockerfileSha256: sha256Text(allocator),
      sharedDockerfileSha256: sha256Text('c2w'),
      buildArgs: [],
      debugImage: false,
      image: 'alpine',
    });

  it('stores the layers no allocator touches once, in the shared entry, as cache: local does', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    const store = new FolderStore(root);
    const toolchain = 'the kernel and QEMU layers '.repeat(1000);
    let allocatorBytes = 0;
    for (const allocator of ['dlmalloc', 'emmalloc']) {
      const keys = keysOf(allocator);
      const work = path.join(root, `.export-${process.pid}-00${allocator.length}`);
      const restored = await restoreLayers(inputs, keys, work, store);
      // The second allocator restores the shared entry the first saved.
      expect(restored.sharedMatchedKey).toBe(allocator === 'dlmalloc' ? undefined : keys.shared.primary);
      writeLayout(restored.plan.newDir, [toolchain, `the ${allocator} emscripten layer`]);
      expect(await rotate(restored.plan)).toBe(true);
      const saved = await saveLayers(
        { dir: work, key: keys.primary, ...(restored.plan.shared ? { shared: restored.plan.shared } : {}) },
        store,
      );
      if (allocator === 'dlmalloc') expect(saved.shared).toBeGreaterThan(toolchain.length);
      else {
        expect(saved.shared).toBe(0);
        allocatorBytes = saved.allocator;
      }
    }
    const entries = readdirSync(root).filter((n) => !n.startsWith('.'));
    expect(entries.sort()).toEqual(
      [keysOf('dlmalloc').primary, keysOf('emmalloc').primary, keysOf('x').shared.primary].sort(),
    );
    // emmalloc's entry holds its own layer, manifest and index, not the toolchain again.
    expect(allocatorBytes).toBeLessThan(toolchain.length);
    // And it restores whole: the shared entry's toolchain and its own layer, an exact hit.
    const again = await restoreLayers(
      inputs,
      keysOf('emmalloc'),
      path.join(root, `.export-${process.pid}-0099`),
      store,
    );
    expect(again.plan.exactHit).toBe(true);
  });
});

describe('the budget of the folder', () => {
  const e = (key: string, mtimeMs: number, size: number) => ({ key, mtimeMs, size });
  it.each([
    ['within the budget', [e('a', 1, 4), e('b', 2, 5)], 'b', 10, []],
    ['the oldest first until the rest fits', [e('c', 3, 4), e('a', 1, 4), e('b', 2, 4)], 'c', 5, ['a', 'b']],
    ['never the entry just saved, even when it is the oldest', [e('a', 1, 8), e('b', 2, 4)], 'a', 9, ['b']],
    ['the saved entry alone may exceed it', [e('a', 1, 20)], 'a', 10, []],
  ] as const)('%s', (_what, entries, keep, budget, expected) => {
    expect(toEvict(entries, keep, budget)).toEqual(expected);
  });

  it('removes the oldest entries from the folder', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    for (const [key, at] of [
      ['old', 1000],
      ['mid', 2000],
      ['new', 3000],
    ] as const) {
      writeCache(path.join(root, key), 'x'.repeat(100));
      utimesSync(path.join(root, key), at, at);
    }
    expect(await evict(root, 'new', 250)).toEqual({ keys: ['old', 'mid'], bytes: 400 });
    expect(readdirSync(root)).toEqual(['new']);
  });
});
