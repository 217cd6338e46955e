import { describe, expect, it } from 'vitest';
import {
  artifactNameProblem,
  assetNameProblem,
  defaultArtifactName,
  defaultAssetName,
} from '../../../src/publish/names.js';
import { artifactUrl, bareArtifactName } from '../../../src/publish/publish.js';
import { sha256sumLine } from '../../../src/publish/release-asset.js';
import type { Allocator, Target } from '../../../src/types/inputs.js';

type Row = [image: string, targetArch: string, target: Target, allocator: Allocator, artifact: string];

describe('default artifact and asset names', () => {
  const rows: Row[] = [
    ['alpine:3.20', 'amd64', 'wasi', 'emmalloc', 'alpine-3.20-amd64-wasi-emmalloc'],
    ['alpine', 'amd64', 'wasi', 'default', 'alpine-amd64-wasi-default'],
    [
      'docker.io/library/debian:bookworm-slim',
      'riscv64',
      'wasi',
      'dlmalloc',
      'debian-bookworm-slim-riscv64-wasi-dlmalloc',
    ],
    ['index.docker.io/library/busybox', 'amd64', 'js', 'mimalloc', 'busybox-amd64-js-mimalloc'],
    ['docker.io/someone/tool:v2', 'amd64', 'wasi', 'emmalloc', 'someone_tool-v2-amd64-wasi-emmalloc'],
    ['ghcr.io/octo/app:1.0', 'aarch64', 'js', 'emmalloc-debug', 'ghcr.io_octo_app-1.0-aarch64-js-emmalloc-debug'],
    ['localhost:5000/app:dev', 'amd64', 'wasi', 'emmalloc', 'localhost-5000_app-dev-amd64-wasi-emmalloc'],
    [
      'alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a',
      'amd64',
      'wasi',
      'emmalloc',
      'alpine-sha256-1e42bbe25081-amd64-wasi-emmalloc',
    ],
    [
      'ghcr.io/octo/app:1.0@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a',
      'amd64',
      'wasi',
      'mimalloc',
      'ghcr.io_octo_app-1.0-sha256-1e42bbe25081-amd64-wasi-mimalloc',
    ],
    ['alpine:3.20', 'linux/amd64', 'wasi', 'emmalloc', 'alpine-3.20-linux_amd64-wasi-emmalloc'],
    [
      'Alpine:Edge',
      'amd64',
      'wasi',
      'emmalloc-memvalidate-verbose',
      'Alpine-Edge-amd64-wasi-emmalloc-memvalidate-verbose',
    ],
  ];

  it.each(rows)('%s %s %s %s -> %s', (image, targetArch, target, allocator, expected) => {
    const inputs = { image, targetArch, target, allocator };
    const name = defaultArtifactName(inputs);
    expect(name).toBe(expected);
    expect(artifactNameProblem(name)).toBeUndefined();
    const asset = defaultAssetName(inputs);
    expect(asset).toBe(expected + (target === 'js' ? '.tar.gz' : '.wasm'));
    expect(assetNameProblem(asset)).toBeUndefined();
  });

  it('long image references are shortened but stay distinct', () => {
    const base = `registry.example.com/${'very-long-group/'.repeat(8)}app`;
    const a = defaultArtifactName({ image: `${base}:1`, targetArch: 'amd64', target: 'wasi', allocator: 'emmalloc' });
    const b = defaultArtifactName({ image: `${base}:2`, targetArch: 'amd64', target: 'wasi', allocator: 'emmalloc' });
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(80 + '-amd64-wasi-emmalloc'.length);
    expect(a).toMatch(/^registry\.example\.com_very-long-group_.*-[0-9a-f]{8}-amd64-wasi-emmalloc$/);
    expect(artifactNameProblem(a)).toBeUndefined();
  });

  it('every matrix cell gets its own name', () => {
    const names = new Set<string>();
    let cells = 0;
    for (const image of ['alpine:3.20', 'debian:12', 'ghcr.io/octo/app:1.0'])
      for (const targetArch of ['amd64', 'riscv64', 'aarch64'])
        for (const target of ['wasi', 'js'] as const)
          for (const allocator of ['default', 'emmalloc', 'dlmalloc', 'mimalloc'] as const) {
            names.add(defaultArtifactName({ image, targetArch, target, allocator }));
            cells++;
          }
    expect(names.size).toBe(cells);
  });
});

describe('bareArtifactName (artifact-archive: false)', () => {
  it.each([
    ['alpine-3.20-amd64-wasi-emmalloc', 'alpine-3.20-amd64-wasi-emmalloc.wasm'],
    ['app', 'app.wasm'],
    ['app.wasm', 'app.wasm'],
    ['app.WASM', 'app.WASM.wasm'],
  ])('%s -> %s', (name, bare) => {
    expect(bareArtifactName(name)).toBe(bare);
  });
});

describe('artifactNameProblem', () => {
  const ok = ['wasm', 'my artifact', 'alpine-3.20-amd64-wasi-emmalloc', 'a.b_c+d', 'ünïcode'];
  it.each(ok)('accepts %j', (name) => {
    expect(artifactNameProblem(name)).toBeUndefined();
  });

  const bad: [string, string][] = [
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['a"b', 'double quote "'],
    ['a:b', 'colon :'],
    ['a<b', 'less than <'],
    ['a>b', 'greater than >'],
    ['a|b', 'vertical bar |'],
    ['a*b', 'asterisk *'],
    ['a?b', 'question mark ?'],
    ['a\rb', 'carriage return \\r'],
    ['a\nb', 'line feed \\n'],
    ['a\\b', 'backslash \\'],
    ['a/b', 'forward slash /'],
    ['ghcr.io/x:1', 'colon :, forward slash /'],
  ];
  it.each(bad)('refuses %j (%s)', (name, reason) => {
    const msg = artifactNameProblem(name);
    expect(msg).toBeDefined();
    expect(msg).toContain(reason);
    // The bare reason: the inputs module names the input.
    expect(msg).not.toMatch(/^artifact-name/);
    if (name.trim()) expect(msg).toContain('artifact names cannot contain " : < > | * ? \\ / or CR/LF');
  });
});

describe('assetNameProblem', () => {
  it.each([
    ['app.wasm', undefined],
    ['app-1.0+build_2.tar.gz', undefined],
    ['', 'is empty'],
    ['my app.wasm', '" "'],
    ['dir/app.wasm', '"/"'],
    ['.hidden.wasm', 'starts or ends with a period'],
    ['app.', 'starts or ends with a period'],
  ])('%j -> %s', (name, expected) => {
    const msg = assetNameProblem(name);
    if (expected === undefined) expect(msg).toBeUndefined();
    else expect(msg).toContain(expected);
  });
});

describe('artifactUrl', () => {
  it.each([
    [{ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' }, 12, 'https://github.com/o/r/actions/runs/7/artifacts/12'],
    [
      { GITHUB_SERVER_URL: 'https://octo.ghe.com/', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' },
      '12',
      'https://octo.ghe.com/o/r/actions/runs/7/artifacts/12',
    ],
    [{ GITHUB_REPOSITORY: 'o/r' }, 12, undefined],
  ])('%j %s -> %s', (env, id, expected) => {
    expect(artifactUrl(env, id)).toBe(expected);
  });
});

describe('sha256sumLine', () => {
  it('is what `sha256sum` prints', () => {
    expect(sha256sumLine('ab'.repeat(32), 'x.wasm')).toBe(`${'ab'.repeat(32)}  x.wasm\n`);
  });
});
