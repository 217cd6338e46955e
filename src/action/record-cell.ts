// The cell record of an action run (report/record.ts), from what the run learned: its facts as
// outputs, the stage it stopped in, the rejected allocators, the release it uploaded to.
import * as os from 'node:os';
import { classifyFailure } from '../c2w/failures.js';
import type { Inputs } from '../config/types.js';
import type { RunFacts } from '../pipeline/sink.js';
import { defaultArtifactName } from '../publish/names.js';
import { buildRecord, failureOf, type CellProgress } from '../report/record.js';
import { uploadRecord } from '../report/record-artifact.js';
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

/** Uploads the record of this cell, passed or failed, for the report action. */
export async function recordCell(inputs: Inputs, facts: RunFacts, error: Error | undefined): Promise<void> {
  const progress = progressOf(facts);
  const record = buildRecord(
    inputs.artifactName || defaultArtifactName(inputs),
    inputs,
    progress,
    error ? failureOf(progress.stage, error, classifyFailure) : undefined,
    { os: process.env.RUNNER_OS || os.platform(), arch: process.env.RUNNER_ARCH || os.arch() },
  );
  await uploadRecord(record);
}
