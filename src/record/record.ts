// The record of one matrix cell: what it was asked, where it stopped and why, and its figures.
// Every cell that started uploads one as the artifact `c2w-record-<cell>` (passed, failed, cancelled,
// or refused at its inputs), and the report action (report/action.yml) reads them all to compare the
// allocators of a matrix and to gate the release. Its figures are the run's metadata
// (metadata.ts), the same document as the action's `metadata` output and the command's `--json`.
// The schema is versioned: a reader refuses a record whose `schema` it does not know, and checks
// every field's type and range (RECORD) before using it: a record is written by another job and may
// be damaged or hostile. v1 and v2 records (a `figures` object of their own) are read too, as v3.
import * as v from 'valibot';
import { redact } from '../lib/redact.js';
import { ClassifiedError } from '../types/errors.js';
import { newRunResult, type RunResult } from '../types/result.js';
import { STAGES, type Stage } from '../types/stages.js';
import {
  count,
  MAX_LINE,
  METADATA,
  METADATA_SCHEMA,
  nameField,
  oneLine,
  oneLineOf,
  renderMetadata,
  seconds,
  shortField,
  type Metadata,
} from './metadata.js';

export { MAX_LINE, oneLine, STAGES, type Stage };

export const RECORD_SCHEMA = 'c2w-action/record/v3';
/** v2 records: the figures in a `figures` object of the record's own, read as v3. */
export const RECORD_SCHEMA_V2 = 'c2w-action/record/v2';
/** v1 records (passed or failed only, `target` one of js|wasi) are a subset of v2 and read as such. */
export const RECORD_SCHEMA_V1 = 'c2w-action/record/v1';
const SCHEMAS = [RECORD_SCHEMA, RECORD_SCHEMA_V2, RECORD_SCHEMA_V1] as const;
export const RECORD_ARTIFACT_PREFIX = 'c2w-record-';
/** The record's file inside its artifact. */
export const RECORD_FILE = 'c2w-record.json';

/** `cancelled`: the step was cancelled mid-run; `refused`: its inputs were refused before anything ran. */
export const RESULTS = ['passed', 'failed', 'cancelled', 'refused'] as const;
export type Result = (typeof RESULTS)[number];

/** Longest text a record keeps for a failure's message (the writer clips to it; lines: MAX_LINE). */
export const MAX_MESSAGE = 4000;

const FIGURES = v.pipe(
  v.object({
    wasmSize: v.optional(count),
    sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not 64 hex digits'))),
    buildSeconds: v.optional(seconds),
    cacheHit: v.optional(v.boolean()),
    /** Bytes of build cache restored. */
    cacheBytes: v.optional(count),
    smokeResult: v.optional(shortField),
    /** Median and largest seconds to the expected output over the smoke runs. */
    smokeSecondsMedian: v.optional(seconds),
    smokeSecondsMax: v.optional(seconds),
    smokeRuns: v.optional(count),
    /** Largest resident set of the smoke child over the runs, bytes. */
    smokePeakRss: v.optional(count),
    /** smoke-runtime with browser: the browser boot's figures (the ones above are the Node boot's). */
    browser: v.optional(
      v.object({
        smokeRuns: count,
        smokeSecondsMedian: seconds,
        smokeSecondsMax: seconds,
        /** The page's renderer's largest peak resident set over the runs, bytes. */
        smokePeakMemory: v.optional(count),
      }),
    ),
  }),
  v.check(
    (f) =>
      f.smokeSecondsMax === undefined ||
      f.smokeSecondsMedian === undefined ||
      f.smokeSecondsMax >= f.smokeSecondsMedian,
    'smokeSecondsMax is below smokeSecondsMedian',
  ),
);

/** A v1 or v2 record as a reader accepts it; unknown fields are dropped. */
const RECORD_V2 = v.pipe(
  v.object({
    schema: v.picklist([RECORD_SCHEMA_V2, RECORD_SCHEMA_V1]),
    /** The artifact name the cell uses, or would use (artifact-name, or the derived default). */
    cell: nameField,
    image: nameField,
    /** js or wasi; as given when the inputs were refused. */
    target: shortField,
    targetArch: shortField,
    /** The allocator the cell asked for (as given when its inputs were refused). */
    allocator: shortField,
    /** The allocator of the build that passed (or of the last build tried). */
    allocatorUsed: v.optional(shortField),
    /** Allocators whose build failed its smoke boot before `allocatorUsed`, with the line that showed it. */
    rejected: v.optional(
      v.pipe(v.array(v.object({ allocator: shortField, line: oneLineOf(MAX_LINE) })), v.maxLength(64)),
      [],
    ),
    result: v.picklist(RESULTS),
    stage: v.picklist(STAGES),
    /** Why the cell did not pass: the failure class and the log line the classifier matched. */
    failure: v.optional(
      v.object({
        class: shortField,
        line: v.optional(oneLineOf(MAX_LINE)),
        message: v.pipe(v.string(), v.maxLength(MAX_MESSAGE + 1)),
      }),
    ),
    figures: v.optional(FIGURES, {}),
    /** The release the cell uploaded to, and the asset names it put there. */
    release: v.optional(v.object({ id: shortField, assets: v.pipe(v.array(nameField), v.maxLength(64)) })),
    runner: v.optional(v.object({ os: shortField, arch: shortField }), { os: '', arch: '' }),
  }),
  v.check((r) => (r.result === 'passed') === (r.stage === 'done'), 'result and stage disagree'),
  v.check((r) => (r.result === 'refused') === (r.stage === 'inputs'), 'result and stage disagree'),
  v.check((r) => r.result === 'passed' || r.failure !== undefined, 'a cell that did not pass has no failure'),
);

const FAILURE = v.object({
  class: shortField,
  line: v.optional(oneLineOf(MAX_LINE)),
  message: v.pipe(v.string(), v.maxLength(MAX_MESSAGE + 1)),
});

/** The record as a reader accepts it; unknown fields are dropped. */
export const RECORD = v.pipe(
  v.object({
    schema: v.literal(RECORD_SCHEMA),
    /** The artifact name the cell uses, or would use (artifact-name, or the derived default). */
    cell: nameField,
    image: nameField,
    /** js or wasi; as given when the inputs were refused. */
    target: shortField,
    targetArch: shortField,
    /** The allocator the cell asked for (as given when its inputs were refused); metadata.build.allocator is the one it built with. */
    allocator: shortField,
    result: v.picklist(RESULTS),
    stage: v.picklist(STAGES),
    /** Why the cell did not pass: the failure class and the log line the classifier matched. */
    failure: v.optional(FAILURE),
    /** What the run learned: the same document as the action's metadata output. */
    metadata: METADATA,
    runner: v.optional(v.object({ os: shortField, arch: shortField }), { os: '', arch: '' }),
  }),
  v.check((r) => (r.result === 'passed') === (r.stage === 'done'), 'result and stage disagree'),
  v.check((r) => (r.result === 'refused') === (r.stage === 'inputs'), 'result and stage disagree'),
  v.check((r) => r.result === 'passed' || r.failure !== undefined, 'a cell that did not pass has no failure'),
);

/** A v1 or v2 record as read (before upgradeRecord). */
export type RecordV2 = v.InferOutput<typeof RECORD_V2>;
export type CellRecord = Omit<v.InferOutput<typeof RECORD>, 'metadata'> & { metadata: Metadata };
// What the schema admits is a Metadata (a compile-time check that the two stay one shape).
const _admitted: Metadata = null as unknown as v.InferOutput<typeof METADATA>;
void _admitted;

/** A v1 or v2 record as v3: its figures, allocator used, rejections and release moved into metadata. Pure. */
export function upgradeRecord(r: RecordV2): CellRecord {
  const f = r.figures;
  const metadata: Metadata = {
    schema: METADATA_SCHEMA,
    build: {
      ...(f.wasmSize !== undefined ? { wasmSize: f.wasmSize } : {}),
      ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {}),
      ...(r.allocatorUsed !== undefined ? { allocator: r.allocatorUsed } : {}),
      rejectedAllocators: r.rejected,
      ...(f.buildSeconds !== undefined ? { seconds: f.buildSeconds } : {}),
    },
  };
  if (f.cacheHit !== undefined || f.cacheBytes !== undefined) {
    metadata.cache = {
      ...(f.cacheHit !== undefined ? { hit: f.cacheHit } : {}),
      ...(f.cacheBytes !== undefined ? { restored: { bytes: f.cacheBytes, shared: 0, allocator: 0 } } : {}),
    };
  }
  const known = ['passed', 'failed', 'timeout', 'skipped'] as const;
  const given = known.find((k) => k === f.smokeResult);
  // A record that kept figures but no smoke result booted; how, its result says.
  const booted = f.smokeSecondsMedian !== undefined || f.browser !== undefined;
  const smokeResult = given ?? (booted ? (r.result === 'passed' ? 'passed' : 'failed') : undefined);
  if (smokeResult !== undefined) {
    const last = smokeResult === 'skipped' ? 'passed' : smokeResult;
    metadata.smoke = { result: smokeResult };
    if (f.smokeSecondsMedian !== undefined)
      metadata.smoke.node = {
        result: last,
        runs: f.smokeRuns ?? 1,
        secondsMedian: f.smokeSecondsMedian,
        secondsMax: f.smokeSecondsMax ?? f.smokeSecondsMedian,
        ...(f.smokePeakRss !== undefined ? { peakMemory: f.smokePeakRss } : {}),
        output: '',
      };
    if (f.browser)
      metadata.smoke.browser = {
        result: last,
        runs: f.browser.smokeRuns,
        secondsMedian: f.browser.smokeSecondsMedian,
        secondsMax: f.browser.smokeSecondsMax,
        ...(f.browser.smokePeakMemory !== undefined ? { peakMemory: f.browser.smokePeakMemory } : {}),
        output: '',
      };
  }
  if (r.release) metadata.publish = { releaseId: r.release.id, releaseAssets: r.release.assets };
  return {
    schema: RECORD_SCHEMA,
    cell: r.cell,
    image: r.image,
    target: r.target,
    targetArch: r.targetArch,
    allocator: r.allocator,
    result: r.result,
    stage: r.stage,
    ...(r.failure ? { failure: r.failure } : {}),
    metadata,
    runner: r.runner,
  };
}

export class RecordError extends Error {
  override name = 'RecordError';
}

/** `figures.wasmSize: not a whole number (got "<img…")`: where and why, never the whole value. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const where = i.path?.map((p) => String(p.key)).join('.') || 'the record';
      if (i.input === undefined) return `${where}: missing`;
      // valibot's own type message quotes the whole value it got: name the expectation instead.
      const why = i.kind === 'schema' ? `expected ${i.expected ?? 'another type'}` : i.message;
      return `${where}: ${why} (got ${clipValue(i.input)})`;
    })
    .join('; ');
}

function clipValue(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** Reads a record from JSON, checking it against its schema (RECORD). */
export function parseRecord(text: string, origin: string): CellRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RecordError(`${origin} is not JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new RecordError(`${origin} is not a record object`);
  const schema = (data as { schema?: unknown }).schema;
  if (!(SCHEMAS as readonly unknown[]).includes(schema)) {
    throw new RecordError(`${origin} has schema ${clipValue(schema)}; this report reads ${SCHEMAS.join(', ')}`);
  }
  if (schema !== RECORD_SCHEMA) {
    const old = v.safeParse(RECORD_V2, data);
    if (!old.success) throw new RecordError(`${origin} is not a valid record: ${describeIssues(old.issues)}`);
    return upgradeRecord(old.output);
  }
  const parsed = v.safeParse(RECORD, data);
  if (!parsed.success) throw new RecordError(`${origin} is not a valid record: ${describeIssues(parsed.issues)}`);
  return parsed.output as CellRecord;
}

/** A record artifact the report could not use, and why. */
export interface BadRecord {
  artifact: string;
  reason: string;
}

/**
 * The records the report compares, from the artifacts' texts (in artifact-name order): each parsed,
 * its `cell` matching the artifact's name, no cell twice. The rest are bad records, with the reason.
 */
export function admitRecords(found: readonly { artifact: string; text: string }[]): {
  records: CellRecord[];
  bad: BadRecord[];
} {
  const records: CellRecord[] = [];
  const bad: BadRecord[] = [];
  const seen = new Set<string>();
  for (const { artifact, text } of found) {
    try {
      const r = parseRecord(text, `artifact ${artifact}`);
      if (`${RECORD_ARTIFACT_PREFIX}${r.cell}` !== artifact) {
        throw new RecordError(`artifact ${artifact} holds the record of another cell, ${clipValue(r.cell)}`);
      }
      if (seen.has(r.cell)) throw new RecordError(`artifact ${artifact} repeats the cell ${clipValue(r.cell)}`);
      seen.add(r.cell);
      records.push(r);
    } catch (e) {
      bad.push({ artifact, reason: (e as Error).message });
    }
  }
  return { records, bad };
}

type Failure = NonNullable<CellRecord['failure']>;

const clipMessage = (m: string): string => (m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m);

/**
 * The failure class and line of an error: its own when it carries them, else the first known
 * failure signature in its message (`classify`), else `<stage>-error`.
 */
export function failureOf(
  stage: Stage,
  error: Error,
  classify: (text: string) => { kind: string; line: string } | undefined,
): Failure {
  const message = clipMessage(error.message);
  if (error instanceof ClassifiedError) {
    return { class: oneLine(error.failureClass, 128), ...(error.line ? { line: oneLine(error.line) } : {}), message };
  }
  const hint = classify(error.message);
  if (hint) return { class: oneLine(hint.kind, 128), line: oneLine(hint.line), message };
  return { class: `${stage}-error`, message };
}

/**
 * A failure as the schema holds it: class and line one bounded line each, the message clipped, and
 * the text that came from the build or the guest redacted (lib/redact.ts): an artifact is not masked
 * by the runner, so a secret echoed by a failing build step would be readable by anyone who can
 * download it. The record's other fields are the cell's inputs and the action's own figures.
 */
const cleanFailure = (f: Failure): Failure => ({
  class: oneLine(f.class, 128),
  ...(f.line !== undefined ? { line: oneLine(redact(f.line)) } : {}),
  message: clipMessage(redact(f.message)),
});

/** The cell's identity as the record names it. */
export type CellIdentity = Pick<CellRecord, 'image' | 'target' | 'targetArch' | 'allocator'>;

/** The record of a cell that ran (`run`, what it learned): passed, failed (`failure`), or cancelled (`cancelled`). */
export function buildRecord(
  cell: string,
  inputs: CellIdentity,
  run: RunResult,
  failure: Failure | undefined,
  runner: CellRecord['runner'],
  cancelled = false,
): CellRecord {
  const result: Result = cancelled ? 'cancelled' : failure ? 'failed' : 'passed';
  return {
    schema: RECORD_SCHEMA,
    cell,
    image: inputs.image,
    target: inputs.target,
    targetArch: inputs.targetArch,
    allocator: inputs.allocator,
    result,
    stage: result === 'passed' ? 'done' : run.stage,
    ...(result === 'passed' ? {} : { failure: cleanFailure(failure ?? { class: 'cancelled', message: 'cancelled' }) }),
    metadata: renderMetadata(run),
    runner,
  };
}

/**
 * The record of a cell whose inputs were refused: its identity as given (each value one bounded
 * line, since nothing checked it), and the input error.
 */
export function refusedRecord(
  cell: string,
  given: CellIdentity,
  error: Error,
  runner: CellRecord['runner'],
): CellRecord {
  return {
    schema: RECORD_SCHEMA,
    cell,
    image: oneLine(given.image, 1024),
    target: oneLine(given.target, 128),
    targetArch: oneLine(given.targetArch, 128),
    allocator: oneLine(given.allocator, 128),
    result: 'refused',
    stage: 'inputs',
    failure: { class: 'inputs', message: clipMessage(redact(error.message)) },
    metadata: renderMetadata(newRunResult()),
    runner: { os: oneLine(runner.os, 128), arch: oneLine(runner.arch, 128) },
  };
}
