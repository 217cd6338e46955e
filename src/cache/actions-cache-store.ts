// The Actions cache as a home for cache entries (`cache: local` in a workflow), through
// @actions/cache, loaded only when a cache is used. @actions/cache hashes the path list into the
// cache version, so an entry restores only into the path it was saved from (layers.ts keeps the
// folder names fixed for that).
import { mkdir, rm } from 'node:fs/promises';
import { log } from '../lib/log.js';
import type { EntryStore } from './entry-store.js';
import { raceTimeout, TIMED_OUT } from '../lib/timeout.js';
import { repositoryCacheUsage } from './quota.js';

export class ActionsCacheStore implements EntryStore {
  readonly where = 'the Actions cache';

  /** `token`: the github-token input, for the REST API's cache usage (quota.ts). */
  constructor(private readonly token = '') {}

  usage(): Promise<{ bytes: number } | { reason: string }> {
    return repositoryCacheUsage(process.env, this.token);
  }

  async unavailable(): Promise<string | undefined> {
    const cache = await import('@actions/cache');
    return cache.isFeatureAvailable()
      ? undefined
      : 'The Actions cache service is not available to this job; building without a cache.';
  }

  async restore(
    dir: string,
    primary: string,
    restore: readonly string[],
    timeoutMs: number,
  ): Promise<string | undefined | typeof TIMED_OUT> {
    const cache = await import('@actions/cache');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return raceTimeout(cache.restoreCache([dir], primary, [...restore]), Math.max(0, timeoutMs));
  }

  /** Never throws. */
  async save(dir: string, key: string, timeoutSeconds = 600): Promise<boolean> {
    try {
      const cache = await import('@actions/cache');
      const id = await raceTimeout(cache.saveCache([dir], key), timeoutSeconds * 1000);
      if (id === TIMED_OUT) {
        log.warning(`The cache save under ${key} took more than ${timeoutSeconds} s (cache-timeout); it was given up.`);
        return false;
      }
      if (id === -1) log.info(`The build cache was not saved under ${key} (see the lines above).`);
      return id !== -1;
    } catch (e) {
      log.warning(`Cache save failed: ${(e as Error).message}`);
      return false;
    }
  }
}
