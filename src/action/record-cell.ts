// The progress a cell record (record/cell-record.ts) is made of, from what the run learned: its
// facts as outputs, the stage it stopped in, the rejected allocators, the release it uploaded to.
import type { RunFacts } from '../pipeline/sink.js';
import type { CellProgress } from '../record/record.js';
import { Outputs } from './outputs.js';

/** The record's progress from the run's facts. Pure. */
export function progressOf(facts: RunFacts): CellProgress {
  const v = facts.values;
  const num = (name: Outputs) => (typeof v[name] === 'number' ? (v[name] as number) : undefined);
  const str = (name: Outputs) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const figures: CellProgress['figures'] = {
    wasmSize: num(Outputs.WasmSize),
    sha256: str(Outputs.Sha256),
    buildSeconds: num(Outputs.BuildSeconds),
    cacheHit: typeof v[Outputs.CacheHit] === 'boolean' ? (v[Outputs.CacheHit] as boolean) : undefined,
    cacheBytes: num(Outputs.CacheSize),
    smokeResult: str(Outputs.SmokeResult),
    smokeSecondsMedian: num(Outputs.SmokeSeconds),
    smokeSecondsMax: num(Outputs.SmokeSecondsMax),
    smokeRuns: facts.smokeFigures?.smokeRuns,
    smokePeakRss: num(Outputs.SmokePeakRss),
    browser: facts.smokeFigures?.browser,
  };
  for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
    if (figures[key] === undefined) delete figures[key];
  }
  const allocatorUsed = str(Outputs.Allocator);
  return {
    stage: facts.stage,
    ...(allocatorUsed ? { allocatorUsed } : {}),
    rejected: facts.rejected,
    figures,
    ...(facts.release ? { release: facts.release } : {}),
  };
}
