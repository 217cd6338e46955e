import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metadataRows } from '../../../src/action/job-summary.js';
import { Outputs, outputsOf } from '../../../src/action/outputs.js';
import { METADATA_SCHEMA, renderMetadata } from '../../../src/record/metadata.js';
import { newRunResult, type RunResult } from '../../../src/types/result.js';

const root = new URL('../../../', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe('Outputs', () => {
  it('names exactly the outputs action.yml declares', () => {
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('is the only place in src/ that spells an output name', () => {
    // Names with a hyphen that are not also an input's name (`c2w-version` is both): `sha256` and
    // `allocator` are ordinary words in the code as well.
    const names = (Object.values(Outputs) as string[]).filter((n) => n.includes('-') && !(n in action.inputs));
    const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    for (const file of files) {
      if (file === 'action/outputs.ts') continue;
      const text = readFileSync(new URL(`src/${file}`, root), 'utf8');
      const spelled = names.filter((n) => text.includes(`'${n}'`) || text.includes(`"${n}"`));
      expect(spelled, `src/${file}`).toEqual([]);
    }
  });

  // A run that learned everything it can: built, cached, booted in both runtimes, wrote a site, published.
  const full = (): RunResult => ({
    stage: 'publish',
    build: {
      wasmPath: 'out.wasm',
      wasmSize: 123,
      sha256: 'ab'.repeat(32),
      allocator: 'dlmalloc',
      rejectedAllocators: [{ allocator: 'emmalloc', line: 'Assertion failed' }],
      c2wVersion: 'v0.8.4',
      seconds: 4.5,
      attempts: 1,
      stagesCached: 3,
      stagesBuilt: 2,
      layersFrom: 'own-cache',
    },
    cache: { primaryKey: 'k', hit: false, matchedKey: 'k2', restored: { bytes: 9, shared: 4, allocator: 5 } },
    toolchainCache: { result: 'miss', ref: 'r:t' },
    smoke: {
      result: 'passed',
      node: { result: 'passed', runs: 1, secondsMedian: 1, secondsMax: 1, peakMemory: 1024, output: 'ok\n' },
      browser: { result: 'passed', runs: 1, secondsMedian: 2, secondsMax: 2, output: 'ok\n' },
    },
    site: { path: '_site' },
    publish: {
      artifactId: '1',
      artifactUrl: 'https://x/1',
      artifactDigest: 'd',
      releaseId: '7',
      releaseAssetUrl: 'https://x/a',
      releaseChecksumUrl: 'https://x/a.sha256',
      assetPath: '/t/a.wasm',
      releaseAssets: ['a.wasm', 'a.wasm.sha256'],
    },
  });

  it('renders every output but error from the run result, the figures in metadata', () => {
    const result = full();
    const metadata = renderMetadata(result);
    const outputs = outputsOf(result, metadata);
    expect(Object.keys(outputs).sort()).toEqual(
      Object.values(Outputs)
        .filter((n) => n !== Outputs.Error)
        .sort(),
    );
    expect(outputs).toMatchObject({
      [Outputs.WasmSize]: '123',
      [Outputs.CacheHit]: 'false',
      [Outputs.Allocator]: 'dlmalloc',
      [Outputs.ReleaseId]: '7',
    });
    // The metadata is the whole result, the stage aside: the scalars are in it too, under one name each.
    const { stage: _stage, ...rest } = result;
    expect(JSON.parse(outputs[Outputs.Metadata]!)).toEqual({ schema: METADATA_SCHEMA, ...rest });
  });

  it('a run that learned nothing sets only the metadata', () => {
    const outputs = outputsOf(newRunResult(), renderMetadata(newRunResult()));
    expect(outputs).toEqual({
      [Outputs.Metadata]: JSON.stringify({ schema: METADATA_SCHEMA, build: { rejectedAllocators: [] } }),
    });
  });

  it('the job summary names each figure by its path in the metadata', () => {
    const rows = new Map(metadataRows(renderMetadata(full())));
    expect(rows.get('build.sha256')).toBe('ab'.repeat(32));
    expect(rows.get('build.rejectedAllocators')).toBe('emmalloc: Assertion failed');
    expect(rows.get('cache.restored.shared')).toBe('4');
    expect(rows.get('smoke.browser.secondsMedian')).toBe('2');
    expect(rows.has('schema')).toBe(false);
  });
});
