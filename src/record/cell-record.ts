// What a cell records of itself for the report action, on each way a step can end: it ran (passed
// or failed), it was cancelled (the runner's SIGINT/SIGTERM, action/cancel.ts), or its inputs were
// refused before anything ran. A matrix cell that started always leaves a record, so the report's
// release gate never mistakes a missing cell for one that was never there.
import { classifyFailure } from '../c2w/failures.js';
import type { Inputs } from '../types/inputs.js';
import type { RunResult } from '../types/result.js';
import { artifactNameProblem, defaultArtifactName } from '../publish/names.js';
import { CELL_DEFAULTS, cellNameOf } from './expected-cells.js';
import { buildRecord, failureOf, refusedRecord, type CellRecord } from './record.js';
import { uploadRecord } from './record-artifact.js';
import { runnerPlatform } from '../lib/runner.js';

/**
 * How long the cancel's record upload may take: the runner sends SIGTERM 7.5 s after its SIGINT and
 * kills the process 2.5 s after that (actions/runner ProcessInvoker.CancelAndKillProcessTree), and
 * the children's ending (CANCEL_GRACE_MS, 3 s) runs alongside.
 */
export const CANCEL_RECORD_MS = 5000;

function runnerOf(): CellRecord['runner'] {
  return runnerPlatform();
}

const cellOf = (inputs: Inputs): string => inputs.artifactName || defaultArtifactName(inputs);

/** The record of a cell whose pipeline ran to its end: passed, or failed with `error`. */
export async function recordCell(inputs: Inputs, run: RunResult, error: Error | undefined): Promise<void> {
  const failure = error ? failureOf(run.stage, error, classifyFailure) : undefined;
  await uploadRecord(buildRecord(cellOf(inputs), inputs, run, failure, runnerOf()));
}

/** The record of a cancelled cell: the stage it was in and what it had learned, uploaded in CANCEL_RECORD_MS. */
export async function recordCancelledCell(
  inputs: Inputs,
  run: RunResult,
  signal: NodeJS.Signals,
  timeoutMs = CANCEL_RECORD_MS,
): Promise<void> {
  const failure = { class: 'cancelled', message: `The step was cancelled (${signal}) during ${run.stage}.` };
  await uploadRecord(buildRecord(cellOf(inputs), inputs, run, failure, runnerOf(), true), process.env, timeoutMs);
}

/**
 * The record of a cell whose inputs were refused (`error`): its identity as the workflow gave it
 * (image, target, target-arch, allocator, artifact-name, read through `get`, the raw inputs),
 * unless it asked for `record: false`.
 */
export async function recordRefusedCell(error: Error, get: (name: string) => string): Promise<void> {
  if (get('record').trim().toLowerCase() === 'false') return;
  const given = Object.fromEntries(
    ['image', 'target', 'target-arch', 'allocator', 'artifact-name'].map((name) => [name, get(name)]),
  );
  // An artifact-name the service would refuse cannot name the record: the derived name does.
  if (artifactNameProblem(given['artifact-name'] ?? '') !== undefined) delete given['artifact-name'];
  const cell = cellNameOf(given);
  const identity = {
    image: given.image ?? '',
    target: given.target || CELL_DEFAULTS.target,
    targetArch: given['target-arch'] || CELL_DEFAULTS['target-arch'],
    allocator: given.allocator || CELL_DEFAULTS.allocator,
  };
  await uploadRecord(refusedRecord(cell, identity, error, runnerOf()));
}
