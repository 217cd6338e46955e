import { describe, expect, it } from 'vitest';
import { bytes, renderJson, renderSummary } from '../../../src/cli/results.js';
import { Outputs } from '../../../src/action/outputs.js';

const results = {
  [Outputs.SmokeResult]: 'passed',
  [Outputs.WasmPath]: 'out.wasm',
  [Outputs.WasmSize]: 5 * 1024 * 1024,
  [Outputs.Sha256]: 'ab'.repeat(32),
  [Outputs.C2wVersion]: 'v0.8.4',
  [Outputs.Allocator]: 'emmalloc',
  [Outputs.BuildSeconds]: 61.2,
  [Outputs.CacheHit]: true,
  [Outputs.CachePrimaryKey]: 'c2w-k',
  [Outputs.CacheMatchedKey]: 'c2w-k',
  [Outputs.CacheSize]: 2048,
  [Outputs.SmokeSeconds]: 1.23456,
};

describe('results', () => {
  it('JSON names every result as the output it is, in the order of the outputs list', () => {
    const json = JSON.parse(renderJson(results)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'wasm-path',
      'wasm-size',
      'sha256',
      'allocator',
      'c2w-version',
      'build-seconds',
      'cache-hit',
      'cache-primary-key',
      'cache-matched-key',
      'cache-size',
      'smoke-result',
      'smoke-seconds',
    ]);
    expect(json['cache-hit']).toBe(true);
    expect(JSON.parse(renderJson({}, 'c2w failed')).error).toBe('c2w failed');
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
    expect(renderSummary({}, 'two\nlines')).toBe('result     failed: two\n           lines\n');
  });

  it.each([
    ['only the path', { [Outputs.WasmPath]: 'out.wasm' }, 'output     out.wasm'],
    [
      'the path and its size',
      { [Outputs.WasmPath]: 'out.wasm', [Outputs.WasmSize]: 2048 },
      'output     out.wasm (2 KiB)',
    ],
  ])('the output line says what is known: %s', (_what, known, line) => {
    expect(renderSummary(known).split('\n')[0]).toBe(line);
  });

  it('a failure with a class says it, in the summary and in --json', () => {
    const failed = { message: 'Smoke boot timeout: no match', class: 'smoke-timeout' };
    expect(renderSummary({}, failed)).toBe('result     failed (smoke-timeout): Smoke boot timeout: no match\n');
    expect(JSON.parse(renderJson({}, failed))).toEqual({ error: failed.message, 'failure-class': 'smoke-timeout' });
  });

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '2 KiB'],
    [3 * 1024 * 1024, '3.0 MiB'],
  ])('bytes(%i) = %s', (n, text) => expect(bytes(n)).toBe(text));
});
