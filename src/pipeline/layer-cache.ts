// The build layers across the attempts of one run: the first attempt restores the cache (the
// shared entry and the allocator's) from the run's home for entries, explicitly (`restore`), a
// fallback rebuild (`next`) imports
// what the previous build exported, and a good build's export is saved: by the post step for the
// action (the plan goes to it through the step state), at once for the command.
import { cacheKeys, type CachePlan } from '../cache/keys.js';
import { restoreLayers, rotate, type Restored, type SavePlan } from '../cache/layers.js';
import { restoreHot, saveHot, shouldLearn, startLearning } from '../cache/hot-restore.js';
import { missingBlob } from '../cache/hot-set.js';
import type { EntryStore } from '../cache/entry-store.js';
import type { Inputs } from '../types/inputs.js';
import type { CacheResult } from '../types/result.js';
import type { Sink } from './sink.js';

/** Where a run keeps its layers between runs, and when it saves them. */
export interface LayerHome {
  store: EntryStore;
  /** The runner the keys name (RUNNER_OS/RUNNER_ARCH in a workflow, the machine's own otherwise). */
  runner: { os: string; arch: string };
  /** The folder the restored entries are merged into, for these keys. */
  dir(keys: CacheKeys): string;
  /**
   * After a good build whose export is to be saved: saves it (the command) or hands it to the post
   * step (the action). The bytes saved, or to be saved, shared and the allocator's.
   */
  save(plan: SavePlan): Promise<{ shared: number; allocator: number }>;
}

export type CacheKeys = ReturnType<typeof cacheKeys>;

/**
 * The own cache across the attempts of a run, in explicit steps: `keys` for an attempt's
 * Dockerfile, `restore` for the first attempt (from the home's entries), `next` for a fallback
 * rebuild (it imports what the previous build exported), `built` after a good build (rotate the
 * export in and save it).
 */
export class LayerCache {
  /** What the cache did in this run (the run's result holds it). */
  readonly outcome: CacheResult = {};
  private current: CachePlan | undefined;
  private saveKey: string | undefined;
  /** The keys of the latest attempt's Dockerfile. */
  private latestKeys: CacheKeys | undefined;

  constructor(
    private readonly inputs: Inputs,
    /** The builder can export a cache (otherwise nothing is restored, exported or saved). */
    private readonly canExport: boolean,
    private readonly home: LayerHome,
    private readonly sink: Sink,
  ) {}

  /** Restored already: the next attempt plans with `next`. */
  get restored(): boolean {
    return this.current !== undefined;
  }

  /** The keys of an attempt's Dockerfile (the primary key is reported). */
  keys(c2wVersion: string, dockerfileSha256: string, sharedDockerfileSha256: string): CacheKeys {
    const inputs = this.inputs;
    const keys = cacheKeys({
      prefix: inputs.cacheKey,
      runnerOs: this.home.runner.os,
      runnerArch: this.home.runner.arch,
      c2wVersion,
      target: inputs.target,
      targetArch: inputs.targetArch,
      dockerfileSha256,
      sharedDockerfileSha256,
      buildArgs: inputs.buildArgs,
      debugImage: inputs.debugImage,
      image: inputs.image,
    });
    this.latestKeys = keys;
    if (inputs.cache !== 'none') this.outcome.primaryKey = keys.primary;
    return keys;
  }

  /** The first attempt's plan: restores the cache from the home (a log group of its own). */
  async restore(keys: CacheKeys): Promise<CachePlan> {
    const inputs = this.inputs;
    const sink = this.sink;
    const cache = this.canExport ? inputs.cache : 'none';
    const restored = await sink.section('Restore the build cache', () => this.restoreFrom(cache, keys));
    this.current = restored.plan;
    if (inputs.cache !== 'none') {
      Object.assign(this.outcome, {
        hit: restored.plan.exactHit,
        ...(restored.matchedKey ? { matchedKey: restored.matchedKey } : {}),
        restored: { bytes: restored.size, shared: restored.sharedSize, allocator: restored.allocatorSize },
        // Until a build exports something to save (never, on an exact hit).
        saved: { shared: 0, allocator: 0 },
      });
      if (restored.plan.hot) this.outcome.hot = 'restored';
      else if (restored.plan.learn) this.outcome.hot = 'learning';
    }
    return this.current;
  }

  /** A fallback rebuild's plan: the same folders, importing what the previous good build exported. */
  next(): CachePlan {
    if (this.current === undefined) throw new Error('LayerCache.next() before restore()');
    const previous: CachePlan = this.current;
    this.current = { ...previous, restored: previous.restored || this.saveKey !== undefined, exactHit: false };
    return this.current;
  }

  /** The hot entry when there is one (local), else the whole cache, learning the hot set when it can. */
  private async restoreFrom(cache: Inputs['cache'], keys: CacheKeys): Promise<Restored> {
    const dir = this.home.dir(keys);
    if (cache === 'local') {
      const hot = await restoreHot(keys, dir, this.home.store, this.inputs.cacheTimeoutSeconds * 1000, (l) =>
        this.sink.info(l),
      );
      if (hot !== undefined) return hot;
    }
    return this.restoreWhole(cache, keys);
  }

  private async restoreWhole(cache: Inputs['cache'], keys: CacheKeys): Promise<Restored> {
    const restored = await restoreLayers({ ...this.inputs, cache }, keys, this.home.dir(keys), this.home.store);
    if (shouldLearn(restored, keys)) await startLearning(restored.plan);
    return restored;
  }

  /**
   * After a failed build served by the hot entry that lacked a blob: the whole cache, for one more
   * build. undefined for any other failure (the caller throws it).
   */
  async widen(error: unknown): Promise<CachePlan | undefined> {
    const log = (error as { log?: string }).log ?? (error as Error).message ?? '';
    const blob = missingBlob(String(log));
    if (!this.current?.hot || blob === undefined || this.latestKeys === undefined) return undefined;
    const keys = this.latestKeys;
    this.sink.info(
      `The build needed a layer the hot cache entry lacks (sha256:${blob}); restoring the whole cache and building again.`,
    );
    const restored = await this.sink.section('Restore the whole build cache', () => this.restoreWhole('local', keys));
    this.current = restored.plan;
    if (this.inputs.cache !== 'none') {
      this.outcome.hot = 'widened';
      this.outcome.restored = { bytes: restored.size, shared: restored.sharedSize, allocator: restored.allocatorSize };
    }
    return restored.plan;
  }

  /** After a good build: rotate the export in and save it (or have it saved). */
  async built(plan: CachePlan): Promise<void> {
    const primaryKey = this.latestKeys?.primary ?? '';
    if (plan.hot) return;
    if (plan.learn) {
      await saveHot(plan, primaryKey, this.home.store, this.inputs.cacheTimeoutSeconds, (l) => this.sink.info(l));
      return;
    }
    if (await rotate(plan)) this.saveKey = primaryKey;
    if (this.saveKey === undefined) return;
    const bytes = await this.home.save({
      dir: plan.dir,
      key: this.saveKey,
      ...(plan.shared ? { shared: plan.shared } : {}),
      timeoutSeconds: this.inputs.cacheTimeoutSeconds,
      // The entries restored are in the store: a floor of its use.
      restoredBytes: this.outcome.restored?.bytes ?? 0,
    });
    if (this.inputs.cache !== 'none') this.outcome.saved = { shared: bytes.shared, allocator: bytes.allocator };
  }
}
