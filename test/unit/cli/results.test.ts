import { describe, expect, it } from 'vitest';
import { bytes, renderJson, renderSummary } from '../../../src/cli/results.js';
import { METADATA_SCHEMA } from '../../../src/record/metadata.js';
import { newRunResult, type RunResult } from '../../../src/types/result.js';

const run = (over: Partial<RunResult> = {}, build: Partial<RunResult['build']> = {}): RunResult => {
  const r = newRunResult();
  return { ...r, ...over, build: { ...r.build, ...build } };
};

const results = run(
  {
    cache: {
      primaryKey: 'c2w-k',
      hit: true,
      matchedKey: 'c2w-k',
      restored: { bytes: 2048, shared: 2048, allocator: 0 },
    },
    smoke: {
      result: 'passed',
      node: { result: 'passed', runs: 1, secondsMedian: 1.23456, secondsMax: 1.23456, output: 'c2w-smoke-ok\n' },
    },
  },
  {
    wasmPath: 'out.wasm',
    wasmSize: 5 * 1024 * 1024,
    sha256: 'ab'.repeat(32),
    c2wVersion: 'v0.8.4',
    allocator: 'emmalloc',
    seconds: 61.2,
  },
);

describe('results', () => {
  it("JSON is the metadata, as the action's metadata output has it", () => {
    const json = JSON.parse(renderJson(results)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['schema', 'build', 'cache', 'smoke']);
    expect(json).toMatchObject({
      schema: METADATA_SCHEMA,
      build: { wasmPath: 'out.wasm', sha256: 'ab'.repeat(32), seconds: 61.2, rejectedAllocators: [] },
      cache: { hit: true, primaryKey: 'c2w-k', restored: { bytes: 2048 } },
      smoke: { result: 'passed', node: { secondsMedian: 1.23456 } },
    });
    expect(JSON.parse(renderJson(run(), 'c2w failed')).error).toBe('c2w failed');
  });

  it('the summary is a few lines a person reads', () => {
    expect(renderSummary(results)).toBe(
      [
        `output     out.wasm (5.0 MiB, sha256 ${'ab'.repeat(32)})`,
        'c2w        v0.8.4, allocator emmalloc, built in 61.2 s',
        'cache      exact hit (2 KiB), key c2w-k',
        'smoke      passed in 1.23 s',
        'result     passed',
        '',
      ].join('\n'),
    );
    expect(renderSummary(run(), 'two\nlines')).toBe('result     failed: two\n           lines\n');
  });

  it.each([
    ['only the path', { wasmPath: 'out.wasm' }, 'output     out.wasm'],
    ['the path and its size', { wasmPath: 'out.wasm', wasmSize: 2048 }, 'output     out.wasm (2 KiB)'],
  ])('the output line says what is known: %s', (_what, known, line) => {
    expect(renderSummary(run({}, known)).split('\n')[0]).toBe(line);
  });

  it('a failure with a class says it, in the summary and in --json', () => {
    const failed = { message: 'Smoke boot timeout: no match', class: 'smoke-timeout' };
    expect(renderSummary(run(), failed)).toBe('result     failed (smoke-timeout): Smoke boot timeout: no match\n');
    expect(JSON.parse(renderJson(run(), failed))).toMatchObject({
      error: failed.message,
      failureClass: 'smoke-timeout',
    });
  });

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '2 KiB'],
    [3 * 1024 * 1024, '3.0 MiB'],
  ])('bytes(%i) = %s', (n, text) => expect(bytes(n)).toBe(text));
});
