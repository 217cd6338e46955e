import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evict, listEntries, matchEntry, restoreLocal, saveLocal, toEvict } from '../../../src/cache/local-folder.js';

const keys = {
  primary: 'c2w-a-df1-args2-img3',
  restore: ['c2w-a-df1-args2-', 'c2w-a-df1-', 'c2w-a-'],
  scope: 'c2w-a-df1',
};

describe('matchEntry: the entry to restore, as actions/cache matches keys', () => {
  it.each([
    ['nothing', [], undefined],
    [
      'the exact key, even when another is newer',
      [
        ['c2w-a-df1-args2-img3', 1],
        ['c2w-a-df1-args2-img9', 5],
      ],
      'c2w-a-df1-args2-img3',
    ],
    [
      'the newest of the most specific restore key',
      [
        ['c2w-a-df1-args2-img8', 1],
        ['c2w-a-df1-args2-img9', 2],
        ['c2w-a-df1-args7-img1', 9],
      ],
      'c2w-a-df1-args2-img9',
    ],
    ['a less specific key when no more specific one matches', [['c2w-a-df5-args2-img3', 1]], 'c2w-a-df5-args2-img3'],
    ['no entry of another prefix', [['other-a-df1-args2-img3', 1]], undefined],
  ] as const)('%s', (_what, entries, expected) => {
    expect(
      matchEntry(
        entries.map(([key, mtimeMs]) => ({ key, mtimeMs })),
        keys,
      ),
    ).toBe(expected);
  });
});

/** A buildx local cache as `--cache-to type=local` leaves it: index.json and blobs. */
function writeCache(dir: string, content: string): void {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(dir, 'index.json'), content);
  writeFileSync(path.join(dir, 'blobs', 'sha256', 'abc'), content);
}

describe('the cache folder', () => {
  it('restores from a restore key, saves the export under the primary key, keeps the restored entry', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    writeCache(path.join(root, 'c2w-a-df1-args2-img0'), 'old');
    const restored = await restoreLocal(root, keys);
    expect(restored).toMatchObject({ matchedKey: 'c2w-a-df1-args2-img0', plan: { restored: true, exactHit: false } });
    expect(restored.size).toBe(6);
    writeCache(restored.plan.newDir, 'new'); // what buildx exports
    expect(await saveLocal(restored)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['c2w-a-df1-args2-img0', 'c2w-a-df1-args2-img3']);
    expect(readFileSync(path.join(root, 'c2w-a-df1-args2-img3', 'index.json'), 'utf8')).toBe('new');
    expect((await restoreLocal(root, keys)).plan.exactHit).toBe(true);
  });

  it('a build that exported nothing saves nothing and leaves no export folder', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    const restored = await restoreLocal(root, keys);
    mkdirSync(path.join(restored.plan.newDir, 'ingest'), { recursive: true });
    expect(await saveLocal(restored)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('ignores incomplete entries and removes the export folders of runs that are gone', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    mkdirSync(path.join(root, 'c2w-a-df1-args2-img3', 'blobs'), { recursive: true }); // no index.json
    writeCache(path.join(root, 'c2w-a-x'), 'x');
    utimesSync(path.join(root, 'c2w-a-x'), 1000, 1000);
    // pid 2^22 + 1 is above Linux's pid_max limit: no such process.
    writeCache(path.join(root, `.export-${2 ** 22 + 1}-00ff`), 'dead');
    writeCache(path.join(root, `.export-${process.pid}-00ff`), 'alive');
    expect(await listEntries(root)).toEqual([{ key: 'c2w-a-x', mtimeMs: 1_000_000 }]);
    expect(readdirSync(root).sort()).toEqual([`.export-${process.pid}-00ff`, 'c2w-a-df1-args2-img3', 'c2w-a-x']);
  });
});

describe('the budget of the folder', () => {
  const e = (key: string, mtimeMs: number, size: number) => ({ key, mtimeMs, size });
  it.each([
    ['within the budget', [e('a', 1, 4), e('b', 2, 5)], 'b', 10, []],
    ['the oldest first until the rest fits', [e('c', 3, 4), e('a', 1, 4), e('b', 2, 4)], 'c', 5, ['a', 'b']],
    ['never the entry just saved, even when it is the oldest', [e('a', 1, 8), e('b', 2, 4)], 'a', 9, ['b']],
    ['the saved entry alone may exceed it', [e('a', 1, 20)], 'a', 10, []],
  ] as const)('%s', (_what, entries, keep, budget, expected) => {
    expect(toEvict(entries, keep, budget)).toEqual(expected);
  });

  it('removes the oldest entries from the folder', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
    for (const [key, at] of [
      ['old', 1000],
      ['mid', 2000],
      ['new', 3000],
    ] as const) {
      writeCache(path.join(root, key), 'x'.repeat(100));
      utimesSync(path.join(root, key), at, at);
    }
    expect(await evict(root, 'new', 250)).toEqual({ keys: ['old', 'mid'], bytes: 400 });
    expect(readdirSync(root)).toEqual(['new']);
  });
});
