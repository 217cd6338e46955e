// What a finished build says about the two caches, read from what convert() kept of BuildKit's log
// (its cache steps' errors and finished exports, and the step tally): which troubles are the run's
// own cache's and which the toolchain cache's, whether a publishing build finished its export, what
// the toolchain cache ended as, and where the reused steps came from. Pure: the pipeline reports it
// (pipeline/toolchain-cache.ts) and publishes from it.
import type { CacheTrouble } from '../buildx/cache-trouble.js';
import type { CacheMode } from '../types/inputs.js';
import type { LayersFrom, ToolchainResult } from '../types/caches.js';

/** The toolchain cache's plan for the build, as far as the reading needs it. */
export interface ToolchainReadPlan {
  /** `<repository>:<tag>` of the combination, when there is a repository. */
  ref?: string;
  /** Read (its cache-from was among the flags). */
  reading: boolean;
  publishing: boolean;
  /** What the plan expected before the build. */
  result: ToolchainResult;
}

/** The own cache's plan for the build, as far as the reading needs it. */
export interface OwnReadPlan {
  mode: CacheMode;
  /** A cache was restored (any key) or exported by an earlier attempt. */
  restored: boolean;
}

/** What convert() kept of the build's log. */
export interface BuildLogFacts {
  cacheTrouble: readonly CacheTrouble[];
  /** The targets of the cache exports that finished (`registry`, `client directory`). */
  cacheExports: readonly string[];
  /** Dockerfile steps answered from a cache, and run. */
  steps: { reused: number; built: number };
}

export interface BuildReading {
  /** The own cache's troubles, for its warnings. */
  own: CacheTrouble[];
  /** The toolchain cache's failed imports (each is an info line: the build went on without it). */
  toolchainImports: CacheTrouble[];
  /** Publishing: BuildKit finished the export to the registry; undefined when not publishing. */
  exported?: boolean;
  /** Publishing: what BuildKit said when that export failed. */
  exportError?: string;
  /** What the toolchain cache did for this build, as far as the build tells (publishing: unchanged). */
  toolchainResult: ToolchainResult;
  layersFrom: LayersFrom;
  stagesCached: number;
  stagesBuilt: number;
}

/** Where the reused steps came from. Pure. */
export function layersFrom(reused: number, ownRead: boolean, toolchainRead: boolean): LayersFrom {
  if (reused === 0) return 'built';
  if (ownRead && toolchainRead) return 'own-cache,toolchain-cache';
  if (toolchainRead) return 'toolchain-cache';
  if (ownRead) return 'own-cache';
  return 'builder';
}

/** The reading of one finished build. Pure. */
export function readBuild(toolchain: ToolchainReadPlan, own: OwnReadPlan, built: BuildLogFacts): BuildReading {
  const toolchainImport = (t: CacheTrouble) =>
    toolchain.ref !== undefined && t.step === 'import' && t.target === toolchain.ref;
  // BuildKit names an export only by its type ("exporting cache to registry"): with the own cache
  // not in a registry, a failed registry export is the toolchain cache's, told once, on publishing.
  const toolchainExport = (t: CacheTrouble) =>
    toolchain.publishing && own.mode !== 'registry' && t.step === 'export' && t.target === 'registry';
  const toolchainImports = built.cacheTrouble.filter(toolchainImport);
  let result = toolchain.result;
  // A read that failed is a miss; a publishing build reports its own result when it publishes.
  if (toolchainImports.length > 0 && !toolchain.publishing) result = 'miss';
  const { reused, built: ran } = built.steps;
  const toolchainRead = toolchain.reading && result === 'hit';
  // Read, but it answered no step: a miss.
  if (toolchain.reading && !toolchain.publishing && result === 'hit' && reused === 0) result = 'miss';
  const ownRead = own.restored || own.mode === 'gha' || own.mode === 'registry';
  const exportError = built.cacheTrouble.find(toolchainExport)?.error;
  return {
    own: built.cacheTrouble.filter((t) => !toolchainImport(t) && !toolchainExport(t)),
    toolchainImports,
    ...(toolchain.publishing ? { exported: built.cacheExports.includes('registry') } : {}),
    ...(exportError !== undefined ? { exportError } : {}),
    toolchainResult: result,
    layersFrom: layersFrom(reused, ownRead, toolchainRead),
    stagesCached: reused,
    stagesBuilt: ran,
  };
}
