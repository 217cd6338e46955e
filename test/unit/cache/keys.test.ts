import { describe, expect, it } from 'vitest';
import { builderFlags, canExportCache, parseBuildxInspect, usesContainerdStore } from '../../../src/buildx/builder.js';
import { cacheFlags, cacheKeys, keyDockerfileSha256, type CachePlan, type KeyParts } from '../../../src/cache/keys.js';
import { isLocalCacheDir, localCacheDir } from '../../../src/cache/layers.js';

const parts: KeyParts = {
  prefix: 'c2w',
  runnerOs: 'Linux',
  runnerArch: 'X64',
  c2wVersion: 'v0.8.4',
  target: 'js',
  targetArch: 'amd64',
  dockerfileSha256: 'ab'.repeat(32),
  buildArgs: [{ key: 'VM_MEMORY_SIZE_MB', value: '256' }],
  debugImage: false,
  image: 'alpine:3.20',
};

describe('cacheKeys', () => {
  const keys = cacheKeys(parts);

  it('is valid for the cache service', () => {
    for (const k of [keys.primary, ...keys.restore]) {
      expect(k.length).toBeLessThanOrEqual(512);
      expect(k).not.toContain(',');
    }
    expect(keys.primary).toMatch(
      /^c2w-Linux-X64-c2wv0\.8\.4-js-amd64-dfabababababababab-args[0-9a-f]{16}-img[0-9a-f]{16}$/,
    );
  });

  it('peels restore keys off from the right, each a prefix of the primary key', () => {
    expect(keys.restore).toHaveLength(3);
    for (const k of keys.restore) expect(keys.primary.startsWith(k)).toBe(true);
    expect(keys.restore.map((k) => k.length)).toEqual([...keys.restore.map((k) => k.length)].sort((a, b) => b - a));
  });

  // Each row: what changed, and the most specific restore key that still matches the old primary key.
  it.each<[string, Partial<KeyParts>, number | 'none']>([
    ['nothing', {}, -1],
    ['the image', { image: 'alpine:3.21' }, 0],
    ['a build arg', { buildArgs: [{ key: 'VM_MEMORY_SIZE_MB', value: '512' }] }, 1],
    ['debug-image', { debugImage: true }, 1],
    [
      'the order of build args',
      {
        buildArgs: [
          { key: 'A', value: '1' },
          { key: 'VM_MEMORY_SIZE_MB', value: '256' },
        ],
      },
      1,
    ],
    ['the Dockerfile (allocator)', { dockerfileSha256: 'cd'.repeat(32) }, 2],
    ['the target', { target: 'wasi' }, 'none'],
    ['the target arch', { targetArch: 'riscv64' }, 'none'],
    ['the c2w version', { c2wVersion: 'v0.8.3' }, 'none'],
    ['the runner arch', { runnerArch: 'ARM64' }, 'none'],
    ['the runner OS', { runnerOs: 'macOS' }, 'none'],
    ['the prefix', { prefix: 'c2w-v2' }, 'none'],
  ])('changing %s', (_what, change, expected) => {
    const old = cacheKeys(parts).primary;
    const next = cacheKeys({ ...parts, ...change });
    if (expected === -1) {
      expect(next.primary).toBe(old);
      return;
    }
    expect(next.primary).not.toBe(old);
    const match = next.restore.findIndex((k) => old.startsWith(k));
    expect(match).toBe(expected === 'none' ? -1 : expected);
  });

  it('keys js builds on the patched Dockerfile and wasi builds on the unpatched one', () => {
    expect(keyDockerfileSha256('js', 'patched', 'source')).toBe('patched');
    expect(keyDockerfileSha256('wasi', 'patched', 'source')).toBe('source');
  });

  it('keys the shared entry on the unpatched Dockerfile: the same for every allocator, apart from their entries', () => {
    const a = cacheKeys({ ...parts, dockerfileSha256: 'aa'.repeat(32), sharedDockerfileSha256: 'ee'.repeat(32) });
    const b = cacheKeys({ ...parts, dockerfileSha256: 'bb'.repeat(32), sharedDockerfileSha256: 'ee'.repeat(32) });
    expect(a.shared).toEqual(b.shared);
    expect(a.sharedScope).toBe(b.sharedScope);
    expect(a.primary).not.toBe(b.primary);
    expect(a.shared.primary).toMatch(
      /^c2w-Linux-X64-c2wv0\.8\.4-amd64-shareddfeeeeeeeeeeeeeeee-args[0-9a-f]{16}-img[0-9a-f]{16}$/,
    );
    // The js and the wasi cells of one image share it too; their own entries stay apart.
    const wasi = cacheKeys({
      ...parts,
      target: 'wasi',
      dockerfileSha256: 'ee'.repeat(32),
      sharedDockerfileSha256: 'ee'.repeat(32),
    });
    expect(wasi.shared).toEqual(a.shared);
    expect(wasi.restore.some((k) => a.primary.startsWith(k))).toBe(false);
    // Neither chain's restore keys reach into the other's entries.
    expect(a.restore.some((k) => a.shared.primary.startsWith(k))).toBe(false);
    expect(a.shared.restore.some((k) => b.primary.startsWith(k))).toBe(false);
    for (const k of a.shared.restore) expect(a.shared.primary.startsWith(k)).toBe(true);
  });

  it('gives one gha scope to every image of a Dockerfile', () => {
    expect(cacheKeys({ ...parts, image: 'debian:12' }).scope).toBe(keys.scope);
    expect(cacheKeys({ ...parts, dockerfileSha256: 'ff'.repeat(32) }).scope).not.toBe(keys.scope);
  });
});

const plan: CachePlan = {
  mode: 'local',
  dir: '/t/buildx-cache',
  newDir: '/t/buildx-cache-new',
  scope: 'c2w-Linux-X64-df00',
  restored: false,
  exactHit: false,
};

describe('cacheFlags', () => {
  it.each<[string, Partial<CachePlan>, string[]]>([
    ['none', { mode: 'none' }, []],
    ['local, cold', {}, ['--cache-to=type=local,dest=/t/buildx-cache-new,mode=max,ignore-error=true']],
    [
      'local, restored by a restore key',
      { restored: true },
      [
        '--cache-from=type=local,src=/t/buildx-cache',
        '--cache-to=type=local,dest=/t/buildx-cache-new,mode=max,ignore-error=true',
      ],
    ],
    ['local, exact hit', { restored: true, exactHit: true }, ['--cache-from=type=local,src=/t/buildx-cache']],
    ['local, cache-save: false, cold', { readOnly: true }, []],
    [
      'local, cache-save: false, restored',
      { restored: true, readOnly: true },
      ['--cache-from=type=local,src=/t/buildx-cache'],
    ],
    ['gha, cache-save: false', { mode: 'gha', readOnly: true }, ['--cache-from=type=gha,scope=c2w-Linux-X64-df00']],
    [
      'registry, cache-save: false',
      { mode: 'registry', ref: 'ghcr.io/org/app:c2w-cache', readOnly: true },
      ['--cache-from=type=registry,ref=ghcr.io/org/app:c2w-cache'],
    ],
    [
      'local, a comma in the path',
      { dir: '/a,b/c', newDir: '/a,b/c-new', restored: true },
      ['--cache-from=type=local,"src=/a,b/c"', '--cache-to=type=local,"dest=/a,b/c-new",mode=max,ignore-error=true'],
    ],
    [
      'gha',
      { mode: 'gha' },
      [
        '--cache-from=type=gha,scope=c2w-Linux-X64-df00',
        '--cache-to=type=gha,scope=c2w-Linux-X64-df00,mode=max,ignore-error=true',
      ],
    ],
    [
      'gha, with the scope every allocator shares',
      { mode: 'gha', sharedScope: 'c2w-Linux-X64-shareddf11' },
      [
        '--cache-from=type=gha,scope=c2w-Linux-X64-df00',
        '--cache-from=type=gha,scope=c2w-Linux-X64-shareddf11',
        '--cache-to=type=gha,scope=c2w-Linux-X64-df00,mode=max,ignore-error=true',
        '--cache-to=type=gha,scope=c2w-Linux-X64-shareddf11,mode=max,ignore-error=true',
      ],
    ],
    [
      'registry',
      { mode: 'registry', ref: 'ghcr.io/org/app:c2w-cache' },
      [
        '--cache-from=type=registry,ref=ghcr.io/org/app:c2w-cache',
        '--cache-to=type=registry,ref=ghcr.io/org/app:c2w-cache,mode=max,ignore-error=true',
      ],
    ],
  ])('%s', (_name, change, flags) => {
    expect(cacheFlags({ ...plan, ...change })).toEqual(flags);
  });

  it.each([
    ['explicit builder', 'remote-bk', ['--builder=remote-bk']],
    ['created builder', 'c2w-action-1234-99', ['--builder=c2w-action-1234-99']],
    ['current builder', undefined, []],
  ])('builder: %s', (_name, builder, flags) => {
    expect(builderFlags(builder)).toEqual(flags);
  });
});

describe('builder detection', () => {
  it.each([
    [
      'Name:          default\nDriver:        docker\nLast Activity: x\n\nNodes:\nName:     default\n',
      { name: 'default', driver: 'docker' },
    ],
    [
      'Name:   builder-1\nDriver: docker-container\nNodes:\nName: builder-10\n',
      { name: 'builder-1', driver: 'docker-container' },
    ],
    ['Name: k\nDriver: remote\n', { name: 'k', driver: 'remote' }],
    ['ERROR: no builder found', {}],
  ])('parses buildx inspect %#', (text, parsed) => {
    expect(parseBuildxInspect(text)).toEqual(parsed);
  });

  it.each([
    ['[["driver-type","io.containerd.snapshotter.v1"]]', true],
    [
      '[["Backing Filesystem","extfs"],["Supports d_type","true"],["Using metacopy","false"],["Native Overlay Diff","true"],["userxattr","false"]]',
      false,
    ],
    ['null', false],
    ['not json', false],
  ])('reads the image store from %s', (json, containerd) => {
    expect(usesContainerdStore(json)).toBe(containerd);
  });

  it.each([
    ['docker', false, false],
    ['docker', true, true],
    ['docker-container', false, true],
    ['remote', false, true],
    ['kubernetes', false, true],
    [undefined, false, false],
  ])('driver %s with containerd store %s can export: %s', (driver, store, can) => {
    expect(canExportCache(driver, store)).toBe(can);
  });
});

describe('localCacheDir', () => {
  const keysOf = (primary: string) =>
    cacheKeys({
      prefix: 'c2w',
      runnerOs: 'Linux',
      runnerArch: 'X64',
      c2wVersion: 'v0.8.4',
      target: primary.startsWith('js') ? 'js' : 'wasi',
      targetArch: 'amd64',
      dockerfileSha256: 'ab'.repeat(32),
      buildArgs: [],
      debugImage: false,
      image: primary,
    });
  const dir = (step: string, image: string) => localCacheDir('/t', keysOf(image), step);

  it.each<[string, string, boolean]>([
    // Restore keys match entries of other images: those must have been saved from the same path.
    ['another image, same step', dir('__o_a', 'alpine'), true],
    ['another use of the action in the job', dir('__o_a_2', 'busybox'), false],
    // The js and wasi cells of a matrix share the entry no target touches: one path for both.
    ['another target', dir('__o_a', 'js-busybox'), true],
  ])('%s → same folder: %s', (_name, other, same) => {
    expect(other === dir('__o_a', 'busybox')).toBe(same);
  });

  it('is stable across runs (no pid, no randomness)', () => {
    expect(dir('__o_a', 'busybox')).toBe(dir('__o_a', 'busybox'));
    expect(dir('__o_a', 'busybox')).toMatch(/^\/t\/c2w-action\/buildx-cache-[0-9a-f]{12}$/);
  });

  it.each<[string, boolean]>([
    [dir('__o_a', 'busybox'), true],
    ['/t/c2w-action/buildx-cache', false],
    ['/t/c2w-action/buildx-cache-0123456789ab-new-1234abcd', false],
    ['/elsewhere/c2w-action/buildx-cache-0123456789ab', false],
    ['/t/c2w-action/../buildx-cache-0123456789ab', false],
  ])('isLocalCacheDir(%s) → %s', (path, expected) => {
    expect(isLocalCacheDir('/t', path)).toBe(expected);
  });
});
