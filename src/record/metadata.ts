// The run's result as JSON for programs and for the report: the action's `metadata` output, the
// command's `--json` and the cell record's `metadata` are this one rendering (documented in
// docs/metadata.md), and METADATA is how a reader checks one that another job wrote. Pure. Neither
// an output nor an artifact is masked by the runner, so the text that came from the build or the
// guest (the lines that rejected an allocator, what the smoke boot printed) passes through
// lib/redact.ts here.
import * as v from 'valibot';
import { redact } from '../lib/redact.js';
import type { RunResult } from '../types/result.js';

/** The version of the metadata's shape: a reader checks it; a field that changes meaning gets a new one. */
export const METADATA_SCHEMA = 'c2w-action/metadata/v1';

/** Longest text a record keeps for a log line (the writer clips to it). */
export const MAX_LINE = 2000;
/** Characters of a smoke boot's stdout the metadata keeps (smoke/series.ts clips to 4096, then `…`). */
export const MAX_OUTPUT = 8192;

/** `s` as one line of at most `max` characters: line breaks and other control characters become spaces. */
export function oneLine(s: string, max = MAX_LINE): string {
  const flat = s.replace(/\p{Cc}+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// Every string that is a name or a log line is one line: a newline in a field written to the log
// would start a line the runner reads as a workflow command, and in the summary would end its HTML.
const CONTROL = /\p{Cc}/u;
export const oneLineOf = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, `longer than ${max} characters`),
    v.check((s) => !CONTROL.test(s), 'a line break or control character'),
  );
export const nameField = oneLineOf(1024);
export const shortField = oneLineOf(128);
/** Bytes, counts: a non-negative safe integer (JSON.parse reads 1e999 as Infinity). */
export const count = v.pipe(v.number(), v.safeInteger('not a whole number'), v.minValue(0, 'negative'));
export const seconds = v.pipe(v.number(), v.finite('not a finite number'), v.minValue(0, 'negative'));
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not 64 hex digits'));

const RUNTIME = v.pipe(
  v.object({
    result: v.picklist(['passed', 'failed', 'timeout']),
    runs: count,
    secondsMedian: seconds,
    secondsMax: seconds,
    peakMemory: v.optional(count),
    output: v.pipe(v.string(), v.maxLength(MAX_OUTPUT, `longer than ${MAX_OUTPUT} characters`)),
    sandbox: v.optional(v.object({ kind: shortField, text: oneLineOf(MAX_LINE) })),
  }),
  v.check((r) => r.secondsMax >= r.secondsMedian, 'secondsMax is below secondsMedian'),
);

/** The metadata as a reader accepts it (a cell record's, written by another job); unknown fields are dropped. */
export const METADATA = v.object({
  schema: v.literal(METADATA_SCHEMA),
  build: v.object({
    wasmPath: v.optional(nameField),
    wasmSize: v.optional(count),
    sha256: v.optional(sha256),
    allocator: v.optional(shortField),
    rejectedAllocators: v.optional(
      v.pipe(v.array(v.object({ allocator: shortField, line: oneLineOf(MAX_LINE) })), v.maxLength(64)),
      [],
    ),
    c2wVersion: v.optional(shortField),
    seconds: v.optional(seconds),
    attempts: v.optional(count),
    stagesCached: v.optional(count),
    stagesBuilt: v.optional(count),
    layersFrom: v.optional(
      v.picklist(['built', 'own-cache', 'toolchain-cache', 'own-cache,toolchain-cache', 'builder']),
    ),
  }),
  cache: v.optional(
    v.object({
      primaryKey: v.optional(nameField),
      hit: v.optional(v.boolean()),
      matchedKey: v.optional(nameField),
      restored: v.optional(v.object({ bytes: count, shared: count, allocator: count })),
      saved: v.optional(v.object({ shared: count, allocator: count })),
      hot: v.optional(v.picklist(['restored', 'learning', 'widened'])),
    }),
  ),
  toolchainCache: v.optional(
    v.object({
      result: v.picklist(['off', 'not-asked', 'hit', 'miss', 'published', 'publish-failed']),
      ref: v.optional(nameField),
      digest: v.optional(shortField),
    }),
  ),
  smoke: v.optional(
    v.object({
      result: v.picklist(['passed', 'failed', 'timeout', 'skipped']),
      node: v.optional(RUNTIME),
      browser: v.optional(RUNTIME),
    }),
  ),
  site: v.optional(v.object({ path: nameField })),
  publish: v.optional(
    v.object({
      artifactId: v.optional(shortField),
      artifactUrl: v.optional(nameField),
      artifactDigest: v.optional(shortField),
      releaseId: v.optional(shortField),
      releaseAssetUrl: v.optional(nameField),
      releaseChecksumUrl: v.optional(nameField),
      assetPath: v.optional(nameField),
      releaseAssets: v.optional(v.pipe(v.array(nameField), v.maxLength(64))),
    }),
  ),
});

export type Metadata = { schema: typeof METADATA_SCHEMA } & Omit<RunResult, 'stage'>;

/** The metadata of `result`: its facts as they are, the outside text redacted, the absent ones left out. */
export function renderMetadata(result: RunResult): Metadata {
  const { stage: _stage, build, smoke, ...rest } = result;
  const metadata: Metadata = {
    schema: METADATA_SCHEMA,
    build: {
      ...build,
      rejectedAllocators: build.rejectedAllocators.map((r) => ({
        allocator: r.allocator,
        line: oneLine(redact(r.line)),
      })),
    },
    ...rest,
  };
  if (smoke) {
    metadata.smoke = { ...smoke };
    for (const runtime of ['node', 'browser'] as const) {
      const r = smoke[runtime];
      if (r) metadata.smoke[runtime] = { ...r, output: redact(r.output) };
    }
  }
  // JSON.stringify leaves undefined fields out; a deep copy so no caller shares the run's objects.
  return JSON.parse(JSON.stringify(metadata)) as Metadata;
}
