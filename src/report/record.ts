// The record of one matrix cell: what it was asked, where it stopped and why, and its figures.
// Every run that got past input validation uploads one as the artifact `c2w-record-<cell>`, and the
// report action (report/action.yml) reads them all to compare the allocators of a matrix.
// The schema is versioned: a reader refuses a record whose `schema` it does not know.
import type { Target } from '../config/types.js';
import { redactDeep } from '../lib/redact.js';

export const RECORD_SCHEMA = 'c2w-action/record/v1';
export const RECORD_ARTIFACT_PREFIX = 'c2w-record-';
/** The record's file inside its artifact. */
export const RECORD_FILE = 'c2w-record.json';

/** The stage a cell stopped in; `done` when it finished. */
export type Stage = 'install' | 'build' | 'smoke' | 'publish' | 'done';

export interface CellRecord {
  schema: typeof RECORD_SCHEMA;
  /** The artifact name the cell uses, or would use (artifact-name, or the derived default). */
  cell: string;
  image: string;
  target: Target;
  targetArch: string;
  /** The allocator the cell asked for. */
  allocator: string;
  /** The allocator of the build that passed (or of the last build tried). */
  allocatorUsed?: string;
  /** Allocators whose build failed its smoke boot before `allocatorUsed`, with the line that showed it. */
  rejected: { allocator: string; line: string }[];
  result: 'passed' | 'failed';
  stage: Stage;
  /** Why the cell failed: the failure class and the log line the classifier matched. */
  failure?: { class: string; line?: string; message: string };
  figures: {
    wasmSize?: number;
    sha256?: string;
    buildSeconds?: number;
    cacheHit?: boolean;
    /** Bytes of build cache restored. */
    cacheBytes?: number;
    smokeResult?: string;
    /** Median and largest seconds to the expected output over the smoke runs. */
    smokeSecondsMedian?: number;
    smokeSecondsMax?: number;
    smokeRuns?: number;
    /** Largest resident set of the smoke child over the runs, bytes. */
    smokePeakRss?: number;
    /** smoke-runtime with browser: the browser boot's figures (the ones above are the Node boot's). */
    browser?: {
      smokeRuns: number;
      smokeSecondsMedian: number;
      smokeSecondsMax: number;
      /** The page's renderer's largest peak resident set over the runs, bytes. */
      smokePeakMemory?: number;
    };
  };
  /** The release the cell uploaded to, and the asset names it put there. */
  release?: { id: string; assets: string[] };
  runner: { os: string; arch: string };
}

export class RecordError extends Error {
  override name = 'RecordError';
}

/** Reads a record from JSON, checking the schema and the fields the report needs. */
export function parseRecord(text: string, origin: string): CellRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RecordError(`${origin} is not JSON: ${(e as Error).message}`);
  }
  const r = data as Partial<CellRecord> | null;
  if (!r || typeof r !== 'object') throw new RecordError(`${origin} is not a record object`);
  if (r.schema !== RECORD_SCHEMA) {
    throw new RecordError(`${origin} has schema ${JSON.stringify(r.schema)}; this report reads ${RECORD_SCHEMA}`);
  }
  for (const key of ['cell', 'image', 'target', 'targetArch', 'allocator', 'result', 'stage'] as const) {
    if (typeof r[key] !== 'string') throw new RecordError(`${origin} has no ${key}`);
  }
  if (r.result !== 'passed' && r.result !== 'failed') throw new RecordError(`${origin} has result ${r.result}`);
  return {
    ...r,
    rejected: r.rejected ?? [],
    figures: r.figures ?? {},
    runner: r.runner ?? { os: '', arch: '' },
  } as CellRecord;
}

/** An error that knows its failure class and the line that showed it (e.g. a failed smoke boot). */
export class ClassifiedError extends Error {
  override name = 'ClassifiedError';
  constructor(
    message: string,
    readonly failureClass: string,
    readonly line?: string,
  ) {
    super(message);
  }
}

/** What the pipeline learned so far; main fills it in as the stages run. */
export interface CellProgress {
  stage: Stage;
  allocatorUsed?: string;
  rejected: { allocator: string; line: string }[];
  figures: CellRecord['figures'];
  release?: { id: string; assets: string[] };
}

/**
 * The failure class and line of an error: its own when it carries them, else the first known
 * failure signature in its message (`classify`), else `<stage>-error`.
 */
export function failureOf(
  stage: Stage,
  error: Error,
  classify: (text: string) => { kind: string; line: string } | undefined,
): NonNullable<CellRecord['failure']> {
  const message = error.message.length > 2000 ? `${error.message.slice(0, 2000)}…` : error.message;
  if (error instanceof ClassifiedError) {
    return { class: error.failureClass, ...(error.line ? { line: error.line } : {}), message };
  }
  const hint = classify(error.message);
  if (hint) return { class: hint.kind, line: hint.line, message };
  return { class: `${stage}-error`, message };
}

export function buildRecord(
  cell: string,
  inputs: Pick<CellRecord, 'image' | 'target' | 'targetArch' | 'allocator'>,
  progress: CellProgress,
  failure: CellRecord['failure'] | undefined,
  runner: CellRecord['runner'],
): CellRecord {
  // An artifact is not masked by the runner: a secret echoed by a failing build step would be
  // readable by anyone who can download it.
  return redactDeep({
    schema: RECORD_SCHEMA,
    cell,
    image: inputs.image,
    target: inputs.target,
    targetArch: inputs.targetArch,
    allocator: inputs.allocator,
    ...(progress.allocatorUsed ? { allocatorUsed: progress.allocatorUsed } : {}),
    rejected: progress.rejected,
    result: failure ? 'failed' : 'passed',
    stage: failure ? progress.stage : 'done',
    ...(failure ? { failure } : {}),
    figures: progress.figures,
    ...(progress.release ? { release: progress.release } : {}),
    runner,
  });
}
