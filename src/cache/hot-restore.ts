// `cache: local` on a fresh runner, restoring what the build reads rather than the whole export
// (hot-set.ts has the BuildKit facts this relies on):
// - restoreHot: the hot entry of this allocator's layers (the cache manifest, its config and the
//   blobs a build of another image read), when one was saved: the build imports it and exports
//   nothing, so the entries it came from stay as they are;
// - learns: a run that restored the whole shared entry exactly and this allocator's entry of the same
//   Dockerfile and build args (only the image differs) builds without exporting, and then saves
//   the blobs its build read as the hot entry;
// - a hot entry that lacks a layer its manifest lists is not used (the whole cache is restored):
//   BuildKit (docker 28.5's, measured) rebuilds a step whose cached layer is missing, whatever it
//   costs, or fails with `failed to compute cache key: ... not found` when a later step's key needs
//   the layer's content; a build that fails so anyway restores the whole cache and builds again
//   (LayerCache.widen).
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { dirSize } from '../lib/files.js';
import { TIMED_OUT } from '../lib/timeout.js';
import type { EntryStore } from './entry-store.js';
import { blobAccess, cacheManifest, hotKey, hotSubset, manifestConfig, markUnread, narrowManifest } from './hot-set.js';
import type { CacheKeys, CachePlan } from './keys.js';
import type { Restored } from './layers.js';
import { listBlobs, missingBlobs, writeSubset } from './oci-split.js';

/** The folder the hot entry is restored into and saved from: a fixed name, as the cache version hashes it. */
export const hotDir = (dir: string) => `${dir}-hot`;

/**
 * Restores the hot entry (this allocator's key, else the newest of the same Dockerfile and build args) into
 * hotDir(dir) and links it into `dir`. undefined when there is none (or on any trouble: the whole
 * restore follows).
 */
export async function restoreHot(
  keys: CacheKeys,
  dir: string,
  store: EntryStore,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<Restored | undefined> {
  try {
    if ((await store.unavailable()) !== undefined) return undefined;
    const from = hotDir(dir);
    // Only a hot entry of the same Dockerfile and build args (the most specific restore key): one of
    // another build would leave the stages that now differ to build with nothing exported.
    const key = await store.restore(from, hotKey(keys.primary), keys.restore.slice(0, 1).map(hotKey), timeoutMs);
    if (key === undefined || key === TIMED_OUT) return undefined;
    if ((await cacheManifest(from)) === undefined) return undefined;
    // The hot entry's manifest lists only the layers it carries (hot-set.ts): one that lacks a layer
    // it lists is damaged, so the whole cache is restored instead (see above).
    const missing = await missingBlobs(path.join(from, 'index.json'), from);
    if (missing.length > 0) {
      log(
        `The hot cache entry ${key} lacks ${missing.length} of the layers it lists (sha256:${missing[0]}); restoring the whole cache.`,
      );
      return undefined;
    }
    await writeSubset(from, dir, [...(await listBlobs(from)).keys()]);
    const size = await dirSize(dir);
    log(
      `Restored ${size} bytes of build cache: the layers a build of another image read (${key}); ` +
        'the rest stays in the cache and is restored only if this build needs it.',
    );
    const plan: CachePlan = {
      mode: 'local',
      dir,
      newDir: `${dir}-new-${randomUUID().slice(0, 8)}`,
      scope: keys.scope,
      sharedScope: keys.sharedScope,
      restored: true,
      exactHit: false,
      hot: true,
    };
    return { plan, keys, matchedKey: key, size, sharedSize: 0, allocatorSize: size };
  } catch (e) {
    log(`The hot cache entry could not be restored (${(e as Error).message}); restoring the whole cache.`);
    return undefined;
  }
}

/**
 * Whether a whole restore should learn the hot set (pure): the shared entry and this allocator's
 * entry both of the same Dockerfile and build args (their most specific restore keys: only the
 * image differs), so every image-independent stage is in the cache and only the image stages run.
 */
export function shouldLearn(
  restored: Pick<Restored, 'plan' | 'matchedKey' | 'sharedMatchedKey'>,
  keys: Pick<CacheKeys, 'restore' | 'shared'>,
): boolean {
  const { plan, matchedKey, sharedMatchedKey } = restored;
  const sameBuild = (key: string | undefined, prefix: string | undefined) =>
    key !== undefined && prefix !== undefined && key.startsWith(prefix);
  return (
    plan.mode === 'local' &&
    plan.restored &&
    !plan.exactHit &&
    !plan.readOnly &&
    sameBuild(sharedMatchedKey, keys.shared.restore[0]) &&
    sameBuild(matchedKey, keys.restore[0])
  );
}

/** Before the build that learns: every blob unread. */
export async function startLearning(plan: CachePlan): Promise<void> {
  await markUnread(plan.dir);
  plan.learn = true;
}

/**
 * After the build that learned: saves the blobs it read (with the cache manifest and config) as
 * the hot entry under this allocator's key. Never throws; says what it did.
 */
export async function saveHot(
  plan: CachePlan,
  key: string,
  store: EntryStore,
  timeoutSeconds: number,
  log: (line: string) => void,
): Promise<number> {
  try {
    const manifest = await cacheManifest(plan.dir);
    if (manifest === undefined) return 0;
    const subset = hotSubset(await blobAccess(plan.dir), manifest, await manifestConfig(plan.dir, manifest));
    if (subset === undefined) {
      log(
        'Access times do not move on this file system: no hot cache entry is saved; later runs restore the whole cache.',
      );
      return 0;
    }
    const dir = hotDir(plan.dir);
    await writeSubset(plan.dir, dir, subset.names);
    await narrowManifest(dir, manifest);
    if (!(await store.save(dir, hotKey(key), timeoutSeconds))) return 0;
    log(
      `Saved the ${subset.bytes} bytes of ${subset.of} this build read as the hot cache entry ${hotKey(key)}: ` +
        'a fresh runner restores only those.',
    );
    return subset.bytes;
  } catch (e) {
    log(`The hot cache entry was not saved: ${(e as Error).message}`);
    return 0;
  }
}
