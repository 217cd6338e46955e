// The run's result as JSON for programs: the action's `metadata` output and the command's `--json`
// are this one rendering (documented in docs/metadata.md), and the cell record's figures are read
// from the same result (progressOf). Pure. Neither an output nor an artifact is masked by the
// runner, so the text that came from the build or the guest (the lines that rejected an allocator,
// what the smoke boot printed) passes through lib/redact.ts here.
import { redact } from '../lib/redact.js';
import type { RunResult } from '../types/result.js';
import { oneLine, type CellProgress } from './record.js';

/** The version of the metadata's shape: a reader checks it; a field that changes meaning gets a new one. */
export const METADATA_SCHEMA = 'c2w-action/metadata/v1';

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

/** The cell record's progress (record.ts) from the run's result. Pure. */
export function progressOf(result: RunResult): CellProgress {
  const { build, cache, smoke } = result;
  const node = smoke?.node;
  const browser = smoke?.browser;
  const figures: CellProgress['figures'] = {
    wasmSize: build.wasmSize,
    sha256: build.sha256,
    buildSeconds: build.seconds,
    cacheHit: cache?.hit,
    cacheBytes: cache?.restored?.bytes,
    smokeResult: smoke?.result,
    smokeSecondsMedian: node?.secondsMedian,
    smokeSecondsMax: node?.secondsMax,
    smokeRuns: node?.runs ?? browser?.runs,
    smokePeakRss: node?.peakMemory,
    ...(browser
      ? {
          browser: {
            smokeRuns: browser.runs,
            smokeSecondsMedian: browser.secondsMedian,
            smokeSecondsMax: browser.secondsMax,
            ...(browser.peakMemory !== undefined ? { smokePeakMemory: browser.peakMemory } : {}),
          },
        }
      : {}),
  };
  for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
    if (figures[key] === undefined) delete figures[key];
  }
  const publish = result.publish;
  return {
    stage: result.stage,
    ...(build.allocator ? { allocatorUsed: build.allocator } : {}),
    rejected: build.rejectedAllocators,
    figures,
    ...(publish?.releaseId !== undefined
      ? { release: { id: publish.releaseId, assets: publish.releaseAssets ?? [] } }
      : {}),
  };
}
