// The quota warning before a save: when it is said, and with which figures.
import { describe, expect, it } from 'vitest';
import { CACHE_QUOTA_BYTES, quotaWarning } from '../../../src/cache/quota.js';

const GB = 1e9;

describe('quotaWarning', () => {
  it.each([
    ['fits, the use known', { used: 6 * GB, restored: 2 * GB, adding: 3 * GB }, undefined],
    [
      'passes the quota, the use known',
      { used: 8 * GB, restored: 2 * GB, adding: 3 * GB },
      /holds 8\.00 GB; this save adds 3\.00 GB, past the 10\.00 GB quota/,
    ],
    ['exactly the quota fits', { used: 7 * GB, restored: 0, adding: 3 * GB }, undefined],
    ['nothing added never warns', { used: 12 * GB, restored: 0, adding: 0 }, undefined],
    [
      'use unknown: what the run restored is the floor',
      { restored: 8 * GB, adding: 3 * GB },
      /holds at least 8\.00 GB \(the entries this run restored/,
    ],
    ['use unknown, the floor fits', { restored: 2 * GB, adding: 3 * GB }, undefined],
    ['a cold save alone past the quota', { restored: 0, adding: 11 * GB }, /at least 0\.0 MB .* adds 11\.00 GB/],
    [
      'small figures in MB',
      { used: 9_990 * 1e6, restored: 0, adding: 25e6 },
      /holds 9\.99 GB; this save adds 25\.0 MB/,
    ],
  ])('%s', (_, facts, expected) => {
    const warning = quotaWarning({ quota: CACHE_QUOTA_BYTES, ...facts });
    if (expected === undefined) expect(warning).toBeUndefined();
    else {
      expect(warning).toMatch(expected);
      expect(warning).toMatch(/evict the least recently used entries/);
    }
  });
});
