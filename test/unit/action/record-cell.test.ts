import { describe, expect, it } from 'vitest';
import { Outputs } from '../../../src/action/outputs.js';
import { progressOf } from '../../../src/action/record-cell.js';
import { RunFacts } from '../../../src/pipeline/sink.js';

describe('the cell record from the facts of a run', () => {
  it('takes each figure from the output that holds it', () => {
    const facts = new RunFacts();
    Object.assign(facts.values, {
      [Outputs.Allocator]: 'dlmalloc',
      [Outputs.WasmSize]: 123,
      [Outputs.Sha256]: 'ab',
      [Outputs.BuildSeconds]: 4.5,
      [Outputs.CacheHit]: false,
      [Outputs.CacheSize]: 9,
      [Outputs.SmokeResult]: 'passed',
      [Outputs.SmokeSeconds]: 1.5,
      [Outputs.SmokeSecondsMax]: 2,
      [Outputs.SmokePeakRss]: 1024,
    });
    facts.stage = 'smoke';
    facts.smokeFigures = { smokeRuns: 3, browser: { smokeRuns: 3, smokeSecondsMedian: 2.5, smokeSecondsMax: 3 } };
    facts.rejected = [{ allocator: 'emmalloc', line: 'Assertion failed' }];
    expect(progressOf(facts)).toEqual({
      stage: 'smoke',
      allocatorUsed: 'dlmalloc',
      rejected: [{ allocator: 'emmalloc', line: 'Assertion failed' }],
      figures: {
        wasmSize: 123,
        sha256: 'ab',
        buildSeconds: 4.5,
        cacheHit: false,
        cacheBytes: 9,
        smokeResult: 'passed',
        smokeSecondsMedian: 1.5,
        smokeSecondsMax: 2,
        smokeRuns: 3,
        smokePeakRss: 1024,
        browser: { smokeRuns: 3, smokeSecondsMedian: 2.5, smokeSecondsMax: 3 },
      },
    });
  });

  it('a run that stopped early has only what it learned', () => {
    const facts = new RunFacts();
    facts.values[Outputs.C2wVersion] = 'v0.8.4';
    expect(progressOf(facts)).toEqual({ stage: 'install', rejected: [], figures: {} });
  });
});
