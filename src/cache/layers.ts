// The c2w build layers between runs. Restores a buildx cache before the conversion and saves it in
// the post step (local), or points buildx at its own gha/registry backends. Cache trouble is
// never a failed build: every error here is a warning or an info line and the build goes cold.
import { randomUUID } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import { blobDelta, listBlobs, mergeEntries, topFilesSize, writeSubset } from './oci-split.js';
import { dirSize } from '../lib/files.js';
import { TIMED_OUT } from '../lib/timeout.js';
import type { Inputs } from '../types/inputs.js';
import { ActionsCacheStore } from './actions-cache-store.js';
import type { EntryStore } from './entry-store.js';
import { CACHE_QUOTA_BYTES, quotaWarning } from './quota.js';
import { short, type CacheKeys, type CachePlan } from './keys.js';

// ---------------------------------------------------------------------------------------------
// Restore, rotate, save

export interface Restored {
  plan: CachePlan;
  keys: CacheKeys;
  /** The allocator's entry restored (local), or undefined. */
  matchedKey?: string;
  /** The shared entry restored (local), or undefined. */
  sharedMatchedKey?: string;
  /** Bytes on disk of what was restored (the merged folder). */
  size: number;
  /** Bytes restored from the shared entry and from the allocator's entry. */
  sharedSize: number;
  allocatorSize: number;
}

/**
 * The local cache folder of one use of the action. @actions/cache hashes the path list into the
 * cache version, so a restore matches only entries saved from the same path string: the folder
 * must be the same in every run of the same step, and the same for every entry its restore keys
 * can match. It is named after
 * - the step (GITHUB_ACTION: the step's id, or `__<owner>_<repo>` with `_2`, `_3`… for later uses
 *   of the same action in a job, the same in every run), so two uses in one job never share a
 *   folder and each post step saves the folder its own main step built;
 * - the least specific restore key of the shared entry (prefix, runner, c2w version, target arch:
 *   no target, no allocator), which every entry either chain can match shares, so the js and wasi
 *   cells of a matrix (the same step in every cell) restore each other's shared entry, and runs of
 *   other keys on one runner keep apart.
 */
export function localCacheDir(
  runnerTemp: string,
  keys: Pick<CacheKeys, 'shared'>,
  step: string = process.env.GITHUB_ACTION ?? '',
): string {
  const base = keys.shared.restore[keys.shared.restore.length - 1] ?? '';
  return path.join(runnerTemp, 'c2w-action', `buildx-cache-${short(`${step}\n${base}`).slice(0, 12)}`);
}

/** Whether `dir` is a folder localCacheDir names (the post step saves nothing else). */
export function isLocalCacheDir(runnerTemp: string, dir: string): boolean {
  return (
    path.dirname(dir) === path.join(runnerTemp, 'c2w-action') && /^buildx-cache-[0-9a-f]{12}$/.test(path.basename(dir))
  );
}

/**
 * The folders each cache entry is restored into and saved from, beside the merged folder `dir`
 * buildx imports from: fixed names, since the cache version hashes the paths.
 */
export function entryDirs(dir: string): { shared: string; allocator: string } {
  return { shared: `${dir}-shared`, allocator: `${dir}-allocator` };
}

/**
 * local: restores the shared entry and the allocator's entry into their own folders and merges
 * them into `dir` (hard links): the blobs of both, and the allocator's index.json, or the shared
 * entry's when the allocator's names a blob neither holds. `cache-timeout` bounds both downloads
 * together.
 */
export async function restoreLayers(
  inputs: Pick<Inputs, 'cache' | 'cacheRef' | 'cacheTimeoutSeconds'> & Partial<Pick<Inputs, 'cacheSave'>>,
  keys: CacheKeys,
  dir: string,
  store: EntryStore = new ActionsCacheStore(),
): Promise<Restored> {
  const plan: CachePlan = {
    mode: inputs.cache,
    dir,
    // Unique per run: two runs sharing RUNNER_TEMP never export into the same folder.
    newDir: `${dir}-new-${randomUUID().slice(0, 8)}`,
    scope: keys.scope,
    sharedScope: keys.sharedScope,
    ref: inputs.cacheRef,
    restored: false,
    exactHit: false,
    readOnly: inputs.cacheSave === false,
  };
  if (plan.readOnly && inputs.cache !== 'none') log.info('cache-save is false: the cache is restored, never saved.');
  const none = { plan, keys, size: 0, sharedSize: 0, allocatorSize: 0 };
  if (inputs.cache !== 'local') return none;
  plan.shared = { key: keys.shared.primary, exactHit: false };

  const unavailable = await store.unavailable();
  if (unavailable !== undefined) {
    log.warning(unavailable);
    plan.mode = 'none';
    return none;
  }
  const dirs = entryDirs(dir);
  const deadline = Date.now() + inputs.cacheTimeoutSeconds * 1000;
  let sharedKey: string | undefined;
  let matchedKey: string | undefined;
  try {
    const shared = await store.restore(dirs.shared, keys.shared.primary, keys.shared.restore, deadline - Date.now());
    const own =
      shared === TIMED_OUT
        ? shared
        : await store.restore(dirs.allocator, keys.primary, keys.restore, deadline - Date.now());
    if (shared === TIMED_OUT || own === TIMED_OUT) {
      // The abandoned download may still be writing into its folder: leave it alone this run.
      log.warning(
        `The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`,
      );
      plan.mode = 'none';
      return none;
    }
    sharedKey = shared;
    matchedKey = own;
  } catch (e) {
    log.warning(`Cache restore failed: ${(e as Error).message}; building without a cache.`);
    return none;
  }
  if (sharedKey === undefined && matchedKey === undefined) {
    log.info(
      `No cache for ${keys.shared.primary}, ${keys.primary} or their restore keys in ${store.where}; this build is cold.`,
    );
    return none;
  }
  const sharedSize = await dirSize(dirs.shared);
  const allocatorSize = await dirSize(dirs.allocator);
  const indexFrom = await mergeEntries(dir, [dirs.allocator, dirs.shared]);
  if (indexFrom === undefined) {
    log.warning(
      `The restored cache entries (${[sharedKey, matchedKey].filter(Boolean).join(', ')}) lack blobs their index names; building without them.`,
    );
    return { ...none, sharedSize, allocatorSize };
  }
  plan.restored = true;
  plan.shared.exactHit = sharedKey === keys.shared.primary;
  // Exact only when this allocator's own index is the one in use: then every layer is there.
  plan.exactHit = matchedKey === keys.primary && indexFrom === dirs.allocator && plan.shared.exactHit;
  const size = await dirSize(dir);
  log.info(
    `Restored ${size} bytes of build cache: ${sharedSize} bytes shared by every allocator` +
      `${sharedKey ? ` (${sharedKey})` : ' (none)'}, ${allocatorSize} bytes for this allocator` +
      `${matchedKey ? ` (${matchedKey})` : ' (none)'}${plan.exactHit ? '; exact hit: nothing to save' : ''}.`,
  );
  return {
    plan,
    keys,
    ...(matchedKey !== undefined ? { matchedKey } : {}),
    ...(sharedKey !== undefined ? { sharedMatchedKey: sharedKey } : {}),
    size,
    sharedSize,
    allocatorSize,
  };
}

/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
export async function rotate(plan: CachePlan): Promise<boolean> {
  if (plan.mode !== 'local' || plan.exactHit || plan.readOnly) return false;
  try {
    await stat(path.join(plan.newDir, 'index.json'));
  } catch {
    log.warning(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
    return false;
  }
  // Another run on this runner with the same folder may rotate at the same moment: its rename
  // can land between the removal and ours (ENOTEMPTY). Try again once; the folder then holds one
  // complete export either way, never a mix.
  for (let attempt = 0; ; attempt++) {
    await rm(plan.dir, { recursive: true, force: true });
    try {
      await rename(plan.newDir, plan.dir);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 1) {
        log.warning(`Could not move the exported cache into ${plan.dir}: ${(e as Error).message}; nothing to save.`);
        await rm(plan.newDir, { recursive: true, force: true });
        return false;
      }
    }
  }
}

/** What the post step saves from a rotated folder (JSON in the step state). */
export interface SavePlan {
  dir: string;
  /** The allocator's entry. */
  key: string;
  /** The shared entry, and whether it was restored exactly (then it is in the store already). */
  shared?: { key: string; exactHit: boolean };
  /** Seconds each entry's save may take (cache-timeout) before the post step gives it up. */
  timeoutSeconds?: number;
  /** The bytes of the entries the run restored: in the cache, a floor of its use (quota.ts). */
  restoredBytes?: number;
}

/**
 * The bytes the post step will save, shared and allocator-specific, when the shared save succeeds:
 * the whole export as the shared entry when it was not restored exactly, otherwise only the blobs
 * the restored shared entry lacks (plus index.json) for the allocator.
 */
export async function plannedSave(p: SavePlan): Promise<{ shared: number; allocator: number }> {
  const all = await listBlobs(p.dir);
  const index = await topFilesSize(p.dir);
  const whole = blobDelta(all, new Set()).bytes + index;
  if (!p.shared) return { shared: 0, allocator: whole };
  if (!p.shared.exactHit) return { shared: whole, allocator: index };
  const base = new Set((await listBlobs(entryDirs(p.dir).shared)).keys());
  return { shared: 0, allocator: blobDelta(all, base).bytes + index };
}

/** Before a save: a warning when it takes the repository's cache past its quota (quota.ts). */
async function warnPastQuota(p: SavePlan, store: EntryStore): Promise<void> {
  if (!store.usage) return;
  const planned = await plannedSave(p);
  const adding = planned.shared + planned.allocator;
  const usage = await store.usage();
  const warning = quotaWarning({
    ...('bytes' in usage ? { used: usage.bytes } : {}),
    restored: p.restoredBytes ?? 0,
    adding,
    quota: CACHE_QUOTA_BYTES,
  });
  if (warning) log.warning(warning);
  else if ('reason' in usage)
    log.info(`The repository's cache use is unknown (${usage.reason}); the quota is not checked.`);
}

export interface Saved {
  shared: number;
  allocator: number;
}

/**
 * Post step: saves the rotated folder as the shared entry (when it was not restored exactly) and
 * the allocator's entry: the blobs the shared entry lacks and index.json. When the shared save does
 * not happen (another cell of a cold matrix saved that key first, with layers of its own build),
 * the allocator's entry holds the whole export. Never throws.
 */
export async function saveLayers(p: SavePlan, store: EntryStore = new ActionsCacheStore()): Promise<Saved> {
  const saved: Saved = { shared: 0, allocator: 0 };
  try {
    await warnPastQuota(p, store);
    const dirs = entryDirs(p.dir);
    const all = await listBlobs(p.dir);
    let base = new Set<string>();
    if (p.shared && !p.shared.exactHit) {
      const bytes = await writeSubset(p.dir, dirs.shared, [...all.keys()]);
      if (await store.save(dirs.shared, p.shared.key, p.timeoutSeconds)) {
        saved.shared = bytes;
        base = new Set(all.keys());
        log.info(`Saved the shared build cache (${bytes} bytes) under ${p.shared.key}.`);
      }
    } else if (p.shared) {
      base = new Set((await listBlobs(dirs.shared)).keys());
    }
    const bytes = await writeSubset(p.dir, dirs.allocator, blobDelta(all, base).names);
    if (await store.save(dirs.allocator, p.key, p.timeoutSeconds)) {
      saved.allocator = bytes;
      log.info(`Saved the build cache (${bytes} bytes) under ${p.key}.`);
    }
  } catch (e) {
    log.warning(`Cache save failed: ${(e as Error).message}`);
  }
  return saved;
}
