import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blobDelta,
  listBlobs,
  mergeEntries,
  missingBlobs,
  referencedDigests,
  writeSubset,
} from '../../../src/cache/oci-split.js';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('blobDelta', () => {
  it.each<[string, [string, number][], string[], string[], number]>([
    [
      'nothing in the base',
      [
        ['a', 1],
        ['b', 2],
      ],
      [],
      ['a', 'b'],
      3,
    ],
    ['all in the base', [['a', 1]], ['a'], [], 0],
    [
      'some',
      [
        ['c', 5],
        ['a', 1],
        ['b', 2],
      ],
      ['a'],
      ['b', 'c'],
      7,
    ],
  ])('%s', (_name, all, base, names, bytes) => {
    expect(blobDelta(new Map(all), new Set(base))).toEqual({ names, bytes });
  });
});

describe('referencedDigests', () => {
  it('names manifests, layers and the config, sha256 only', () => {
    expect(
      referencedDigests({
        manifests: [{ digest: 'sha256:aa' }, { digest: 'sha512:bb' }],
        layers: [{ digest: 'sha256:cc' }],
        config: { digest: 'sha256:dd' },
      }),
    ).toEqual(['aa', 'cc', 'dd']);
    expect(referencedDigests({})).toEqual([]);
  });
});

/** A buildx-like local cache: index.json → a cache manifest → layers and a config, all named by digest. */
function writeCache(dir: string, layers: string[]): { manifest: string; layers: string[] } {
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (text: string) => {
    const d = hex(text);
    writeFileSync(path.join(blobs, d), text);
    return d;
  };
  const layerDigests = layers.map(put);
  const config = put(JSON.stringify({ layers: layerDigests }));
  const manifest = put(
    JSON.stringify({
      manifests: layerDigests.map((d) => ({ digest: `sha256:${d}` })),
      config: { digest: `sha256:${config}` },
    }),
  );
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: `sha256:${manifest}` }] }));
  return { manifest, layers: layerDigests };
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'c2w-split-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('split and merge', () => {
  it('an allocator entry of only the missing blobs merges with the shared entry into a complete cache', async () => {
    const first = path.join(tmp, 'first');
    writeCache(first, ['kernel', 'toolchain-emmalloc']);
    const second = path.join(tmp, 'second');
    const { layers } = writeCache(second, ['kernel', 'toolchain-dlmalloc']);

    // The shared entry: the first cell's whole export. The second cell's entry: what it lacks.
    const shared = path.join(tmp, 'shared');
    await writeSubset(first, shared, [...(await listBlobs(first)).keys()]);
    const delta = blobDelta(await listBlobs(second), new Set((await listBlobs(shared)).keys()));
    expect(delta.names).not.toContain(layers[0]); // the kernel is stored once
    expect(delta.names).toContain(layers[1]);
    const own = path.join(tmp, 'own');
    const bytes = await writeSubset(second, own, delta.names);
    expect(bytes).toBe(delta.bytes + statSync(path.join(second, 'index.json')).size);
    expect(await missingBlobs(path.join(own, 'index.json'), own)).toContain(layers[0]);

    const merged = path.join(tmp, 'merged');
    expect(await mergeEntries(merged, [own, shared])).toBe(own);
    expect(readFileSync(path.join(merged, 'index.json'), 'utf8')).toBe(
      readFileSync(path.join(second, 'index.json'), 'utf8'),
    );
    expect(await missingBlobs(path.join(merged, 'index.json'), merged)).toEqual([]);
    expect([...(await listBlobs(merged)).keys()].sort()).toEqual(
      [...(await listBlobs(second)).keys(), ...(await listBlobs(first)).keys()]
        .filter((d, i, a) => a.indexOf(d) === i)
        .sort(),
    );
  });

  it('falls back to the shared index when the allocator entry lacks blobs, and to nothing when all do', async () => {
    const a = path.join(tmp, 'a');
    writeCache(a, ['kernel', 'toolchain']);
    const shared = path.join(tmp, 'shared');
    writeCache(shared, ['kernel-of-another-run']);
    const own = path.join(tmp, 'own');
    await writeSubset(a, own, []); // index.json only: its shared entry was evicted
    const merged = path.join(tmp, 'merged');
    expect(await mergeEntries(merged, [own, shared])).toBe(shared);
    expect(await mergeEntries(merged, [own])).toBeUndefined();
    expect(await listBlobs(merged)).toEqual(new Map());
  });
});
