// The build cache on this machine: a folder of cache entries, one per key, kept the way the Actions
// cache keeps them for `cache: local`: the entry every allocator shares and each allocator's own
// (layers.ts splits and merges them, for both homes). Restore picks the entry of the primary key
// or else the newest entry whose key starts with a restore key (most specific first), as
// actions/cache matches restore keys. A build imports from a merged copy and exports to a folder
// of its own, saved only after a good build, so an interrupted or failed build leaves the entries
// as they were. Like the Actions cache, the folder has a budget (10 GiB, GitHub's default cache
// size per repository): after a save the oldest entries go until the rest fits.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { log } from '../lib/log.js';
import type { EntryStore } from './entry-store.js';
import { listBlobs, writeSubset } from './oci-split.js';
import { dirSize } from '../lib/files.js';

/** Work folders of a run: `.export-<pid>-<random>[-…]`, so a later run can tell whether its writer still lives. */
const EXPORT = /^\.export-(\d+)-[0-9a-f]+(?:-.*)?$/;

export interface LocalEntry {
  key: string;
  mtimeMs: number;
}

/**
 * The entry to restore: the primary key's, else the newest whose key starts with the first restore
 * key that matches any. Pure.
 */
export function matchEntry(
  entries: readonly LocalEntry[],
  keys: { primary: string; restore: readonly string[] },
): string | undefined {
  if (entries.some((e) => e.key === keys.primary)) return keys.primary;
  for (const prefix of keys.restore) {
    const found = entries.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
    if (found) return found.key;
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The complete entries of the folder (a buildx local cache has index.json); removes dead runs' exports. */
export async function listEntries(root: string): Promise<LocalEntry[]> {
  await mkdir(root, { recursive: true });
  const entries: LocalEntry[] = [];
  for (const name of await readdir(root)) {
    const m = EXPORT.exec(name);
    if (m) {
      if (!alive(Number(m[1]))) await rm(path.join(root, name), { recursive: true, force: true });
      continue;
    }
    if (name.startsWith('.')) continue;
    try {
      await stat(path.join(root, name, 'index.json'));
      entries.push({ key: name, mtimeMs: (await stat(path.join(root, name))).mtimeMs });
    } catch {
      // not a complete buildx cache
    }
  }
  return entries;
}

/**
 * The folder as a home for cache entries, as the Actions cache is one for `cache: local` in a
 * workflow: restoreLayers and saveLayers (layers.ts) split and merge the same shared and allocator
 * entries through either. An entry is saved by linking it into an export folder and renaming that
 * into place, so a reader never sees half an entry; after a save the oldest entries go until the
 * folder fits its budget.
 */
export class FolderStore implements EntryStore {
  constructor(
    readonly root: string,
    private readonly budget = CACHE_BUDGET_BYTES,
  ) {}

  get where(): string {
    return `the cache folder ${this.root}`;
  }

  async unavailable(): Promise<string | undefined> {
    try {
      await mkdir(this.root, { recursive: true });
      return undefined;
    } catch (e) {
      return `The cache folder ${this.root} cannot be used (${(e as Error).message}); building without a cache.`;
    }
  }

  async restore(dir: string, primary: string, restore: readonly string[]): Promise<string | undefined> {
    await rm(dir, { recursive: true, force: true });
    const key = matchEntry(await listEntries(this.root), { primary, restore });
    if (key === undefined) return undefined;
    const entry = path.join(this.root, key);
    await writeSubset(entry, dir, [...(await listBlobs(entry)).keys()]);
    return key;
  }

  async save(dir: string, key: string): Promise<boolean> {
    const entry = path.join(this.root, key);
    const staged = path.join(this.root, `.export-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await writeSubset(dir, staged, [...(await listBlobs(dir)).keys()]);
      await rm(entry, { recursive: true, force: true });
      await rename(staged, entry);
    } finally {
      await rm(staged, { recursive: true, force: true });
    }
    const evicted = await evict(this.root, key, this.budget);
    if (evicted.keys.length > 0) {
      log.info(
        `Removed the ${evicted.keys.length} oldest cache entr${evicted.keys.length === 1 ? 'y' : 'ies'} (${evicted.bytes} bytes) to keep ${this.root} within ${this.budget} bytes.`,
      );
    }
    return true;
  }
}

/** GitHub's default cache budget per repository; the folder keeps to it. */
export const CACHE_BUDGET_BYTES = 10 * 1024 ** 3;

/** The keys to remove, oldest first, until the rest fits `budget`; never `keep`. Pure. */
export function toEvict(entries: readonly (LocalEntry & { size: number })[], keep: string, budget: number): string[] {
  let total = entries.reduce((n, e) => n + e.size, 0);
  const evicted: string[] = [];
  for (const e of [...entries].sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    if (total <= budget) break;
    if (e.key === keep) continue;
    evicted.push(e.key);
    total -= e.size;
  }
  return evicted;
}

/** Removes the oldest entries beyond the budget; returns their keys and bytes. */
export async function evict(
  root: string,
  keep: string,
  budget = CACHE_BUDGET_BYTES,
): Promise<{ keys: string[]; bytes: number }> {
  const sized = [];
  for (const e of await listEntries(root)) sized.push({ ...e, size: await dirSize(path.join(root, e.key)) });
  const keys = toEvict(sized, keep, budget);
  for (const key of keys) await rm(path.join(root, key), { recursive: true, force: true });
  return { keys, bytes: sized.filter((e) => keys.includes(e.key)).reduce((n, e) => n + e.size, 0) };
}
