import { describe, expect, it } from 'vitest';
import {
  parseRecord,
  parseToolchainSetting,
  pinFlags,
  pinnedReference,
  recordAnnotations,
  recordTag,
  toolchainRepository,
  toolchainTag,
} from '../../../src/cache/toolchain.js';
import { containerRegistry } from '../../../src/github/hosts.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('toolchainTag: one tag per combination', () => {
  it.each([
    [{ c2wVersion: 'v0.8.4', target: 'wasi', targetArch: 'amd64', allocator: 'emmalloc' }, 'v0.8.4-wasi-amd64'],
    [{ c2wVersion: 'v0.8.4', target: 'wasi', targetArch: 'riscv64', allocator: 'mimalloc' }, 'v0.8.4-wasi-riscv64'],
    [{ c2wVersion: 'v0.8.4', target: 'js', targetArch: 'amd64', allocator: 'emmalloc' }, 'v0.8.4-js-amd64-emmalloc'],
    [
      { c2wVersion: 'v0.8.4', target: 'js', targetArch: 'aarch64', allocator: 'emmalloc-debug' },
      'v0.8.4-js-aarch64-emmalloc-debug',
    ],
  ] as const)('%j is %s', (p, tag) => {
    expect(toolchainTag(p)).toBe(tag);
    expect(recordTag(tag)).toBe(`${tag}-bases`);
  });
});

describe('toolchainRepository', () => {
  const env = { containerRegistry: 'ghcr.io' };
  it.each([
    [{ kind: 'auto' }, { ...env, actionRepository: 'Org/C2W-Action' }, 'ghcr.io/org/c2w-action-toolchain'],
    [{ kind: 'auto' }, env, undefined],
    [{ kind: 'auto' }, { ...env, actionRepository: '' }, undefined],
    [{ kind: 'auto' }, { ...env, actionRepository: 'not a repo' }, undefined],
    [{ kind: 'none' }, { ...env, actionRepository: 'org/c2w-action' }, undefined],
    [
      { kind: 'repository', repository: 'reg.test/ci/tc' },
      { ...env, actionRepository: 'org/c2w-action' },
      'reg.test/ci/tc',
    ],
  ] as const)('%j with %j is %s', (setting, e, repo) => {
    expect(toolchainRepository(setting, e)).toBe(repo);
  });

  it.each([
    [{}, 'ghcr.io'],
    [{ GITHUB_SERVER_URL: 'https://github.com' }, 'ghcr.io'],
    [{ GITHUB_SERVER_URL: 'https://acme.ghe.com' }, 'containers.acme.ghe.com'],
    [{ GITHUB_SERVER_URL: 'https://ghes.example.com/' }, 'containers.ghes.example.com'],
  ])('the container registry of %j is %s', (env, host) => {
    expect(containerRegistry(env)).toBe(host);
  });
});

describe('parseToolchainSetting', () => {
  it.each(['ghcr.io/org/tc:latest', `ghcr.io/org/tc@${D1}`, 'org/tc', 'ghcr.io/Org/tc', 'ghcr.io/org/tc x'])(
    'refuses %j',
    (raw) => {
      expect(typeof parseToolchainSetting(raw)).toBe('string');
    },
  );
});

describe('the record of base digests', () => {
  const ref = 'ghcr.io/org/tc:v0.8.4-wasi-amd64';
  const bases = new Map([
    ['ubuntu:22.04', D1],
    ['emscripten/emsdk:3.1.40', D2],
  ]);

  it('round-trips through its annotations, whatever host names the repository', () => {
    const annotations = recordAnnotations(ref, 'v0.8.4', bases);
    expect(annotations).toMatchObject({
      'org.c2w-action.toolchain-cache': ref,
      'org.c2w-action.base-image.0': `ubuntu:22.04@${D1}`,
      'org.c2w-action.base-image.1': `emscripten/emsdk:3.1.40@${D2}`,
    });
    expect(parseRecord({ annotations }, ref)).toEqual(bases);
    expect(parseRecord({ annotations }, 'mirror.test/org/tc:v0.8.4-wasi-amd64')).toEqual(bases);
  });

  it.each([
    ['not an object', null, /not a manifest/],
    ['no annotations', {}, /no annotations/],
    [
      'another tag',
      { annotations: { 'org.c2w-action.toolchain-cache': 'ghcr.io/org/tc:v0.8.4-js-amd64-emmalloc' } },
      /describes/,
    ],
    ['no cache named', { annotations: { 'org.c2w-action.base-image.0': `a:1@${D1}` } }, /describes/],
    [
      'a bad digest',
      { annotations: { 'org.c2w-action.toolchain-cache': ref, 'org.c2w-action.base-image.0': 'a:1@sha256:zz' } },
      /not NAME@sha256/,
    ],
    [
      'a bad name',
      { annotations: { 'org.c2w-action.toolchain-cache': ref, 'org.c2w-action.base-image.0': `not a name@${D1}` } },
      /not NAME@sha256/,
    ],
    [
      'a number',
      { annotations: { 'org.c2w-action.toolchain-cache': ref, 'org.c2w-action.base-image.0': 5 } },
      /not NAME@sha256/,
    ],
    [
      'too many',
      {
        annotations: {
          'org.c2w-action.toolchain-cache': ref,
          ...Object.fromEntries(
            Array.from({ length: 70 }, (_, i) => [`org.c2w-action.base-image.${i}`, `a${i}:1@${D1}`]),
          ),
        },
      },
      /more than 64/,
    ],
  ])('refuses %s', (_name, manifest, words) => {
    const result = parseRecord(manifest, ref);
    expect(typeof result).toBe('string');
    expect(result).toMatch(words);
  });

  it('pins each base by its repository and digest, under the name the Dockerfile writes', () => {
    expect(pinFlags(bases)).toEqual([
      `--build-context=ubuntu:22.04=docker-image://ubuntu@${D1}`,
      `--build-context=emscripten/emsdk:3.1.40=docker-image://emscripten/emsdk@${D2}`,
    ]);
    expect(pinnedReference('127.0.0.1:5000/c2w/base:1', D1)).toBe(`127.0.0.1:5000/c2w/base@${D1}`);
    expect(pinnedReference(`a@${D2}`, D1)).toBeUndefined();
  });
});
