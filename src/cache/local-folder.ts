// The build cache on this machine: a folder of buildx local caches, one per cache key, used the way
// `cache: local` uses the Actions cache. Restore picks the entry of the primary key (an exact hit,
// nothing to export) or else the newest entry whose key starts with a restore key (most specific
// first), as actions/cache matches restore keys. buildx imports from that entry and exports to a
// fresh folder of its own, which replaces the primary key's entry only after a good build (the
// rotation of cache.ts: exporting into the imported folder would grow it forever, docker/build-push-
// action issue #252). An interrupted or failed build leaves the entries as they were; its export
// folder is removed, or, after a kill, by the next run. Like the Actions cache, the folder has a
// budget (10 GiB, GitHub's default cache size per repository): after a save the oldest entries go
// until the rest fits.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { rotate } from './layers.js';
import { type CacheKeys, type CachePlan } from './keys.js';
import { dirSize } from '../lib/files.js';

/** Export folders: `.export-<pid>-<random>`, so a later run can tell whether its writer still lives. */
const EXPORT = /^\.export-(\d+)-[0-9a-f]+$/;

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
  keys: Pick<CacheKeys, 'primary' | 'restore'>,
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

export interface LocalRestore {
  plan: CachePlan;
  /** Where a good build's export goes: the primary key's entry. */
  entry: string;
  matchedKey?: string;
  size: number;
}

/** Chooses the entry to import and a fresh export folder. */
export async function restoreLocal(
  root: string,
  keys: Pick<CacheKeys, 'primary' | 'restore' | 'scope'>,
): Promise<LocalRestore> {
  const matchedKey = matchEntry(await listEntries(root), keys);
  const entry = path.join(root, keys.primary);
  const plan: CachePlan = {
    mode: 'local',
    dir: matchedKey === undefined ? entry : path.join(root, matchedKey),
    newDir: path.join(root, `.export-${process.pid}-${randomBytes(4).toString('hex')}`),
    scope: keys.scope,
    restored: matchedKey !== undefined,
    exactHit: matchedKey === keys.primary,
  };
  const size = matchedKey === undefined ? 0 : await dirSize(plan.dir);
  return { plan, entry, ...(matchedKey !== undefined ? { matchedKey } : {}), size };
}

/** After a good build: the export becomes the primary key's entry. true when it was saved. */
export async function saveLocal(restored: LocalRestore): Promise<boolean> {
  try {
    return await rotate({ ...restored.plan, dir: restored.entry });
  } finally {
    await discardExport(restored);
  }
}

/** Removes the export folder of a build that failed or was interrupted. */
export async function discardExport(restored: LocalRestore): Promise<void> {
  await rm(restored.plan.newDir, { recursive: true, force: true });
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
