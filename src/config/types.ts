// The typed form of the action's inputs, parsed and validated once by inputs.ts.

import type { Allocator } from '../c2w/allocators.js';
import type { ToolchainSetting } from '../cache/toolchain.js';

export { ALLOCATORS, type Allocator } from '../c2w/allocators.js';

export type Target = 'wasi' | 'js';

/** One `KEY=VALUE` line of a multiline input (build-args, smoke-env). */
export interface KeyValue {
  key: string;
  value: string;
}
/** Where the smoke boot runs the output: Node, a headless browser's page. */
export type SmokeRuntime = 'node' | 'browser';
export const SMOKE_RUNTIMES: readonly SmokeRuntime[] = ['node', 'browser'];
/** smoke-sandbox: boot in an operating-system boundary when one can be made, or only then. */
export type SmokeSandbox = 'auto' | 'required';
export type CacheMode = 'local' | 'gha' | 'registry' | 'none';

export interface Inputs {
  image: string;
  allocator: Allocator;
  target: Target;
  targetArch: string;
  /** A release tag (`v0.8.4`), `latest`, or `system`. */
  c2wVersion: string;
  /** Base URL of release downloads: `<base>/<tag>/<asset>`. */
  c2wDownloadUrl: string;
  /** Path of a custom Dockerfile, or undefined for c2w's own. */
  dockerfile?: string;
  buildArgs: KeyValue[];
  debugImage: boolean;
  /** Output path: a file for wasi, a directory ending in `/` for js. */
  output: string;
  githubToken: string;

  cache: CacheMode;
  cacheRef?: string;
  cacheKey: string;
  builder?: string;
  /** Seconds a cache restore may take before the build goes on without it. */
  cacheTimeoutSeconds: number;
  /** false: restore the cache but never export or save it (e.g. for pull requests). */
  cacheSave: boolean;
  /** Times a build that failed with transient network trouble is run again (0-10). */
  buildRetries: number;
  /** Names of more variables docker, buildx and c2w get (validated: never INPUT_*, ACTIONS_*, GITHUB_TOKEN). */
  envPassthrough: string[];
  /** Where the published toolchain cache is read from on a miss of the run's own cache (and published to). */
  toolchainCache: ToolchainSetting;
  /** Export the build's cache to the toolchain cache after a good conversion, with its base-image record. */
  toolchainCachePush: boolean;

  smoke: boolean;
  smokeCommand: string[];
  smokeExpect: Pattern;
  smokeTimeoutSeconds: number;
  /** Boots of the output (1-20); each must pass. */
  smokeRuns: number;
  smokeEnv: KeyValue[];
  /** The runtimes to boot in, in order, each smoke-runs times (node first when both). */
  smokeRuntime: SmokeRuntime[];
  /** smoke-browser: the Chrome/Chromium binary, or undefined to find one. */
  smokeBrowser?: string;
  /** smoke-sandbox (the Node boot's operating-system boundary). */
  smokeSandbox: SmokeSandbox;
  /** site: a folder to write the site into (index.html, the page bundle, the output), or undefined. */
  site?: string;
  allocatorFallback: Exclude<Allocator, 'default'>[];

  uploadArtifact: boolean;
  /** User-given artifact name (validated), or undefined to derive one. */
  artifactName?: string;
  retentionDays?: number;
  compressionLevel: number;
  /** false: upload a wasi output as the bare .wasm, not zipped (wasi only). */
  artifactArchive: boolean;
  releaseTag?: string;
  /** An existing release to upload to, whatever its tag (created by a job of the user's own). */
  releaseId?: number;
  releaseCreate: boolean;
  releaseOverwrite: boolean;
  assetName?: string;
  /** Upload the cell's record for the report action. */
  record: boolean;
}

/**
 * A smoke-expect pattern in RE2 syntax, with the flags it is matched with (`m`). It is compiled by
 * RE2 only (smoke/expect.ts), never by JavaScript's RegExp, whose syntax differs (`(?i)`,
 * `(?P<name>…)` are RE2 only). A JavaScript RegExp literal has the same two fields.
 */
export interface Pattern {
  readonly source: string;
  readonly flags: string;
}
