// What the caches did in a run, named once for the pipeline, the front ends and the tests. A leaf:
// it imports nothing of the project.

/** What the toolchain cache did for one build. */
export type ToolchainResult =
  /** No toolchain cache is set (toolchain-cache: none, or auto from a local path). */
  | 'off'
  /** The run's own cache was an exact hit: the toolchain cache was not asked. */
  | 'not-asked'
  /** Read, and it answered steps of the build. */
  | 'hit'
  /** Absent, unreachable, unreadable, or it answered no step. */
  | 'miss'
  /** Published by this run (toolchain-cache-push). */
  | 'published'
  /** toolchain-cache-push was on and the publishing failed (the conversion did not). */
  | 'publish-failed';

/**
 * Where a build's reused steps came from (`build.layersFrom` of the run's result): none reused (`built`); the run's
 * own cache, the toolchain cache or both; or the builder's own store (neither cache was read).
 */
export type LayersFrom = 'built' | 'own-cache' | 'toolchain-cache' | 'own-cache,toolchain-cache' | 'builder';
