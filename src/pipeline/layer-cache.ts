// The build layers across the attempts of one step: the first attempt restores the cache (the
// shared entry and the allocator's), a fallback rebuild imports what the previous build exported,
// and the post step saves the last export (the plan goes to it through the step state).
import * as os from 'node:os';
import * as core from '@actions/core';
import { cacheKeys, type CachePlan } from '../cache/keys.js';
import { localCacheDir, plannedSave, restoreLayers, rotate, type SavePlan } from '../cache/layers.js';
import { type BuilderChoice } from '../buildx/builder.js';
import { Outputs } from '../action/outputs.js';
import type { CellProgress } from '../report/record.js';
import { STATE } from '../action/state.js';
import type { JobSummary } from '../action/job-summary.js';
import type { Inputs } from '../config/types.js';

/**
 * The build layers across attempts: the first attempt restores the cache; a fallback rebuild
 * imports what the previous build exported, and the post step saves the last export.
 */
export class LayerCache {
  private current: CachePlan | undefined;
  private saveKey: string | undefined;
  private primaryKey = '';

  constructor(
    private readonly inputs: Inputs,
    readonly builder: BuilderChoice,
    private readonly runnerTemp: string,
    private readonly report: JobSummary,
    private readonly progress: CellProgress,
  ) {}

  async plan(c2wVersion: string, dockerfileSha256: string, sharedDockerfileSha256: string): Promise<CachePlan> {
    const inputs = this.inputs;
    const keys = cacheKeys({
      prefix: inputs.cacheKey,
      runnerOs: process.env.RUNNER_OS || os.platform(),
      runnerArch: process.env.RUNNER_ARCH || os.arch(),
      c2wVersion,
      target: inputs.target,
      targetArch: inputs.targetArch,
      dockerfileSha256,
      sharedDockerfileSha256,
      buildArgs: inputs.buildArgs,
      debugImage: inputs.debugImage,
      image: inputs.image,
    });
    this.primaryKey = keys.primary;
    if (inputs.cache !== 'none') this.report.set(Outputs.CachePrimaryKey, keys.primary);
    if (this.current === undefined) {
      const cache = this.builder.canExport ? inputs.cache : 'none';
      const restored = await core.group('Restore the build cache', () =>
        restoreLayers({ ...inputs, cache }, keys, localCacheDir(this.runnerTemp, keys)),
      );
      this.current = restored.plan;
      if (inputs.cache !== 'none') {
        this.report.set(Outputs.CacheHit, restored.plan.exactHit);
        this.report.set(Outputs.CacheMatchedKey, restored.matchedKey ?? '');
        this.report.set(Outputs.CacheSize, restored.size);
        Object.assign(this.progress.figures, { cacheHit: restored.plan.exactHit, cacheBytes: restored.size });
        this.report.set(Outputs.CacheRestoredSharedSize, restored.sharedSize);
        this.report.set(Outputs.CacheRestoredAllocatorSize, restored.allocatorSize);
        // Until a build exports something to save (never, on an exact hit).
        this.report.set(Outputs.CacheSavedSharedSize, 0);
        this.report.set(Outputs.CacheSavedAllocatorSize, 0);
      }
    } else {
      const previous: CachePlan = this.current;
      this.current = { ...previous, restored: previous.restored || this.saveKey !== undefined, exactHit: false };
    }
    return this.current;
  }

  /** After a good build: rotate the export in and tell the post step what to save. */
  async built(plan: CachePlan): Promise<void> {
    if (await rotate(plan)) this.saveKey = this.primaryKey;
    if (this.saveKey !== undefined) {
      const save: SavePlan = {
        dir: plan.dir,
        key: this.saveKey,
        ...(plan.shared ? { shared: plan.shared } : {}),
        timeoutSeconds: this.inputs.cacheTimeoutSeconds,
      };
      core.saveState(STATE.cacheSave, JSON.stringify(save));
      const bytes = await plannedSave(save);
      this.report.set(Outputs.CacheSavedSharedSize, bytes.shared);
      this.report.set(Outputs.CacheSavedAllocatorSize, bytes.allocator);
    }
  }
}
