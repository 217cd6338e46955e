// The repository's cache quota through the whole harness: the local cache service evicts the least
// recently used entries past its quota (as GitHub does) and the REST API reports the repository's
// use. A save that takes the cache past the quota says so in the post step's log before it saves
// (so before the service evicts this cache's own older entries), from the REST API's figure, or,
// when the token may not read it, from the entries the run restored.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import type { JobResult } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';

const exec = promisify(execFile);
const h = useHarness({ runtime: true, name: 'cache-quota' });
const PAST = /this save adds [\d.]+ [MG]B, past the [\d.]+ [MG]B quota: GitHub will evict/;

async function prune(): Promise<void> {
  await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
}

function job(runnerTemp: string, withInputs: Record<string, string>): Promise<JobResult> {
  return h.job(
    { 'upload-artifact': 'false', smoke: 'false', 'github-token': 'quota-test-token', ...withInputs },
    { runnerTemp, env: { GITHUB_API_URL: h.runtime!.apiUrl } },
  );
}

const live = () => h.runtime!.cacheEntries().filter((e) => e.finalized && !e.evicted);
const used = () => live().reduce((n, e) => n + (e.storedBytes ?? 0), 0);

afterEach(() => {
  h.runtime!.usageStatus = undefined;
});

describe('the cache quota (cache: local)', () => {
  it('warns before a save that passes the quota, then the service evicts the least recently used entries', async () => {
    const temp = mkdtempSync(path.join(h.dir, 'runner-'));
    await prune();
    const first = await job(temp, { image: TEST_IMAGE, 'cache-key': 'quota-a' });
    expect(first.main.exitCode, first.main.log).toBe(0);
    expect(first.post?.log).toMatch(/Saved the build cache/);
    expect(first.post?.log).not.toMatch(PAST);
    const older = live().map((e) => e.key);
    expect(older.length).toBeGreaterThan(0);

    // Other workflows' entries fill the repository's 10 GB but for 1 MB: another cache of the same
    // size does not fit.
    h.runtime!.addCacheEntry('other-workflow', 10_000_000_000 - used() - 1_000_000);
    await prune();
    const second = await job(mkdtempSync(path.join(h.dir, 'runner-')), { image: TEST_IMAGE, 'cache-key': 'quota-b' });
    expect(second.main.exitCode, second.main.log).toBe(0);
    const log = second.post!.log;
    expect(log).toMatch(PAST);
    expect(log).toMatch(/The repository's Actions cache holds [\d.]+ [MG]B;/);
    expect(log.search(PAST)).toBeLessThan(log.search(/Saved the (shared )?build cache/));
    // The service then evicted the older cache's entries (least recently used), kept the new one.
    const evicted = h
      .runtime!.cacheEntries()
      .filter((e) => e.evicted)
      .map((e) => e.key);
    expect(evicted.some((k) => older.includes(k))).toBe(true);
    expect(live().some((e) => e.key.startsWith('quota-b'))).toBe(true);
  });

  it('without actions: read, says the use is unknown and saves', async () => {
    h.runtime!.usageStatus = 403;
    const temp = mkdtempSync(path.join(h.dir, 'runner-'));
    await prune();
    const cold = await job(temp, { image: TEST_IMAGE, 'cache-key': 'quota-c' });
    expect(cold.main.exitCode, cold.main.log).toBe(0);
    expect(cold.post?.log).toMatch(
      /cache use is unknown \(the REST API answered 403 \(the token lacks actions: read\)\)/,
    );
    expect(cold.post?.log).not.toMatch(PAST);
  });
});
