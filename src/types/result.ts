// What one run learned, typed: the one result every front end renders (the action as its outputs,
// its `metadata` output, the job summary and the cell record; the command as its summary and
// `--json`). The pipeline fills it in as the stages run, so a run that fails or is cancelled still
// has what it learned before; nothing else stores a fact of the run. A leaf: it imports nothing of
// the project but other leaves.
import type { LayersFrom, ToolchainResult } from './caches.js';
import type { SmokeRuntime } from './inputs.js';
import type { RunStage } from './stages.js';

/** The build that passed (or, while the run goes on and when it failed, the last one tried). */
export interface BuildResult {
  /** The output: the .wasm file (wasi) or the directory (js). */
  wasmPath?: string;
  /** Bytes of the wasm file (js: of every .wasm file in the directory). */
  wasmSize?: number;
  sha256?: string;
  /** The allocator of the build. */
  allocator?: string;
  /** Allocators whose build failed its smoke boot before `allocator`, in order, with the line that showed it. */
  rejectedAllocators: { allocator: string; line: string }[];
  /** The c2w release tag used (latest resolved), or the version a given binary reports. */
  c2wVersion?: string;
  /** Seconds the conversion took. */
  seconds?: number;
  /** Times the conversion ran (1 without a retry after transient network trouble). */
  attempts?: number;
  /** Dockerfile steps a cache answered, and steps that ran. */
  stagesCached?: number;
  stagesBuilt?: number;
  layersFrom?: LayersFrom;
}

/** The run's own build cache (absent with cache: none). */
export interface CacheResult {
  /** The key the layers are saved under. */
  primaryKey?: string;
  /** Restored from an exact primary-key match. */
  hit?: boolean;
  /** The key of the entry restored, when one was. */
  matchedKey?: string;
  /** Bytes restored: all of them, and (cache: local) from the shared and from the allocator's entry. */
  restored?: { bytes: number; shared: number; allocator: number };
  /** Bytes saved (the action: to be saved by the post step), shared and the allocator's. */
  saved?: { shared: number; allocator: number };
  /**
   * cache: local's hot entry (the blobs a warm build read): `restored` served this run alone,
   * `learning` this run restored the whole cache and saves the hot entry from what its build reads,
   * `widened` the hot entry lacked a layer and the whole cache was restored.
   */
  hot?: 'restored' | 'learning' | 'widened';
}

export interface ToolchainCacheResult {
  result: ToolchainResult;
  /** The toolchain cache tag of the combination, when a repository is named. */
  ref?: string;
  /** The digest published (toolchain-cache-push). */
  digest?: string;
}

/** One runtime's boots (each runtime's series ends at its first boot that did not pass). */
export interface SmokeRuntimeResult {
  /** Its last boot's result. */
  result: 'passed' | 'failed' | 'timeout';
  runs: number;
  /** Median and largest seconds to the expected output over the runs. */
  secondsMedian: number;
  secondsMax: number;
  /** Bytes: the largest resident set over the runs (Node: the boot's child; browser: the page's renderer). */
  peakMemory?: number;
  /** What the last boot printed on stdout, clipped. */
  output: string;
  /** The operating-system boundary its boots ran in. */
  sandbox?: { kind: string; text: string };
}

export interface SmokeResultSet {
  /** passed, failed or timeout (of the last boot), or skipped (smoke: false). */
  result: 'passed' | 'failed' | 'timeout' | 'skipped';
  node?: SmokeRuntimeResult;
  browser?: SmokeRuntimeResult;
}

/** What publish put where (the artifact, the release asset). */
export interface PublishResult {
  artifactId?: string;
  artifactUrl?: string;
  /** sha256 of the artifact, as the artifact service reports it. */
  artifactDigest?: string;
  releaseId?: string;
  releaseAssetUrl?: string;
  releaseChecksumUrl?: string;
  /** The file uploaded as the release asset (the .wasm, or the .tar.gz of a js directory). */
  assetPath?: string;
  /** The asset names the run put on the release. */
  releaseAssets?: string[];
}

export interface RunResult {
  /** Where the run is, or stopped (where a failure is recorded). Not part of the metadata. */
  stage: RunStage;
  build: BuildResult;
  cache?: CacheResult;
  toolchainCache?: ToolchainCacheResult;
  smoke?: SmokeResultSet;
  site?: { path: string };
  publish?: PublishResult;
}

/** A run that has learned nothing yet. */
export function newRunResult(): RunResult {
  return { stage: 'install', build: { rejectedAllocators: [] } };
}

export type { SmokeRuntime };
