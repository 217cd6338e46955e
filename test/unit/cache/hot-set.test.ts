// The hot cache entry's pure parts: which blobs go in it, when access times tell nothing, which
// failed build lacked a blob, and which whole restore learns the hot set.
import { describe, expect, it } from 'vitest';
import { hotKey, hotManifest, hotSubset, missingBlob } from '../../../src/cache/hot-set.js';
import { shouldLearn } from '../../../src/cache/hot-restore.js';
import type { CachePlan } from '../../../src/cache/keys.js';

const blob = (name: string, size: number, read: boolean) => ({ name, size, read });

describe('hotSubset', () => {
  it('keeps the cache manifest, its config and the blobs the build read, nothing else', () => {
    const access = [
      blob('manifest', 8_000, true),
      blob('config', 20_000, false),
      blob('emulator', 20_000_000, true),
      blob('emsdk', 1_800_000_000, false),
      blob('kernel', 8_000_000, true),
    ];
    expect(hotSubset(access, 'manifest', 'config')).toEqual({
      names: ['config', 'emulator', 'kernel', 'manifest'],
      bytes: 28_028_000,
      of: 1_828_028_000,
    });
  });

  it('tells nothing when the cache manifest shows unread (a file system mounted noatime)', () => {
    expect(
      hotSubset([blob('manifest', 8_000, false), blob('layer', 10, false)], 'manifest', undefined),
    ).toBeUndefined();
  });
});

describe('hotManifest', () => {
  const d = (c: string) => `sha256:${c.repeat(64)}`;
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.buildkit.cacheconfig.v0', digest: d('c'), size: 989 },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d('a'), size: 96 },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d('b'), size: 1_084_521 },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d('e'), size: 97 },
    ],
  });
  it.each([
    ['every layer carried', ['a', 'b', 'e', 'c'], [d('a'), d('b'), d('e')]],
    ['the image stages of the export left out', ['a', 'c'], [d('a')]],
    ['no layer carried', ['c'], []],
  ])('lists only the layers the entry carries, the config kept: %s', (_, keep, layers) => {
    const out = JSON.parse(hotManifest(manifest, new Set(keep.map((c) => c.repeat(64))))) as {
      config: { digest: string };
      layers: { digest: string }[];
      schemaVersion: number;
    };
    expect(out.layers.map((l) => l.digest)).toEqual(layers);
    expect(out.config.digest).toBe(d('c'));
    expect(out.schemaVersion).toBe(2);
  });
});

describe('missingBlob', () => {
  it("reads the digest of BuildKit's not-found failure of an import that lacks a blob", () => {
    const d = 'f948c90e483a7c16ea9039ea8b251a1ed3694c836f77540fb7fcba1f03d04f56';
    const log = `ERROR: failed to build: failed to solve: failed to compute cache key: NotFound: rpc error: code = NotFound desc = content sha256:${d}: not found`;
    expect(missingBlob(log)).toBe(d);
  });

  it('is undefined for any other failure', () => {
    expect(
      missingBlob('ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2'),
    ).toBeUndefined();
  });
});

describe('shouldLearn', () => {
  const keys = {
    restore: ['k-df1-args2-', 'k-df1-', 'k-df'],
    shared: { primary: 'k-shareddf1-args2-imgBBB', restore: ['k-shareddf1-args2-', 'k-shareddf1-', 'k-shareddf'] },
  };
  const sharedMatchedKey = 'k-shareddf1-args2-imgAAA';
  const plan = (p: Partial<CachePlan>): CachePlan => ({
    mode: 'local',
    dir: '/d',
    newDir: '/n',
    scope: 's',
    restored: true,
    exactHit: false,
    shared: { key: 'k-shareddf1-args2-imgBBB', exactHit: false },
    ...p,
  });

  it('learns when only the image differs: both entries of the same Dockerfile and args', () => {
    expect(shouldLearn({ plan: plan({}), matchedKey: 'k-df1-args2-imgAAA', sharedMatchedKey }, keys)).toBe(true);
  });

  it('does not learn when image-independent stages may build: another Dockerfile or args, no shared entry, no allocator entry', () => {
    expect(shouldLearn({ plan: plan({}), matchedKey: 'k-df1-args9-imgAAA', sharedMatchedKey }, keys)).toBe(false);
    expect(
      shouldLearn({ plan: plan({}), matchedKey: 'k-df1-args2-imgA', sharedMatchedKey: 'k-shareddf1-args9-imgA' }, keys),
    ).toBe(false);
    expect(shouldLearn({ plan: plan({}), matchedKey: 'k-df1-args2-imgA' }, keys)).toBe(false);
    expect(shouldLearn({ plan: plan({}), matchedKey: undefined, sharedMatchedKey }, keys)).toBe(false);
  });

  it('does not learn on an exact hit (nothing runs) or with cache-save: false', () => {
    expect(
      shouldLearn({ plan: plan({ exactHit: true }), matchedKey: 'k-df1-args2-imgAAA', sharedMatchedKey }, keys),
    ).toBe(false);
    expect(
      shouldLearn({ plan: plan({ readOnly: true }), matchedKey: 'k-df1-args2-imgAAA', sharedMatchedKey }, keys),
    ).toBe(false);
  });

  it('keeps the hot entries apart from every allocator restore key', () => {
    for (const prefix of keys.restore) expect(hotKey('k-df1-args2-imgAAA').startsWith(prefix)).toBe(false);
  });
});
