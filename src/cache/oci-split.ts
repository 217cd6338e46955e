// A buildx `type=local` cache folder split in two cache entries, merged again on restore.
//
// The folder is an OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
// `index.json` names the cache manifest, and every blob, manifests and layers alike, lives at
// `blobs/sha256/<digest>`, named by the sha256 of its bytes. So two folders can be merged by putting
// their blobs side by side, and "what this build adds to that entry" is the set of blob names the
// entry lacks. The shared entry holds a whole export (every layer, the allocator-free ones included);
// an allocator's entry holds its `index.json` and only the blobs the shared entry lacks.
import { copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';

const BLOBS = path.join('blobs', 'sha256');
/** Files beside `blobs/` that an entry carries: the layout's own marker and its index. */
const TOP_FILES = ['oci-layout', 'index.json'];

/** digest (hex) → size in bytes of every blob in `dir`; empty when there is none. */
export async function listBlobs(dir: string): Promise<Map<string, number>> {
  const blobs = new Map<string, number>();
  let names: string[];
  try {
    names = await readdir(path.join(dir, BLOBS));
  } catch {
    return blobs;
  }
  for (const name of names) {
    const s = await stat(path.join(dir, BLOBS, name));
    if (s.isFile()) blobs.set(name, s.size);
  }
  return blobs;
}

/** Bytes of the files beside `blobs/` that an entry carries (index.json, oci-layout). */
export async function topFilesSize(dir: string): Promise<number> {
  let bytes = 0;
  for (const name of TOP_FILES) bytes += (await stat(path.join(dir, name)).catch(() => undefined))?.size ?? 0;
  return bytes;
}

/** The blobs of `all` that are not in `base`, and their total size (pure). */
export function blobDelta(
  all: ReadonlyMap<string, number>,
  base: ReadonlySet<string>,
): { names: string[]; bytes: number } {
  const names = [...all.keys()].filter((d) => !base.has(d)).sort();
  return { names, bytes: names.reduce((sum, d) => sum + all.get(d)!, 0) };
}

/** A hard link (same file system, no bytes copied), or a copy where links are refused. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    await copyFile(from, to);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Empties `dir` and fills it with `blobs` of `from` and its top files; returns their bytes. */
export async function writeSubset(from: string, dir: string, blobs: readonly string[]): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, BLOBS), { recursive: true });
  let bytes = 0;
  for (const name of TOP_FILES) {
    if (!(await exists(path.join(from, name)))) continue;
    await linkOrCopy(path.join(from, name), path.join(dir, name));
    bytes += (await stat(path.join(dir, name))).size;
  }
  for (const d of blobs) {
    await linkOrCopy(path.join(from, BLOBS, d), path.join(dir, BLOBS, d));
    bytes += (await stat(path.join(dir, BLOBS, d))).size;
  }
  return bytes;
}

interface Descriptor {
  digest?: string;
}
interface IndexLike {
  manifests?: Descriptor[];
  layers?: Descriptor[];
  config?: Descriptor;
}

/** Digests (hex) an index or manifest names (pure). */
export function referencedDigests(json: IndexLike): string[] {
  const descriptors = [...(json.manifests ?? []), ...(json.layers ?? []), ...(json.config ? [json.config] : [])];
  return descriptors.flatMap((d) => (d.digest?.startsWith('sha256:') ? [d.digest.slice('sha256:'.length)] : []));
}

/**
 * The blobs that `index` (an index.json) needs and `blobs` lacks: the cache manifests it names and
 * the layers and cache config those name. BuildKit reads the cache manifest up front and the
 * layers when it reuses a step, so a missing one would surface in the middle of the build.
 */
export async function missingBlobs(index: string, blobDir: string): Promise<string[]> {
  const present = await listBlobs(blobDir);
  const missing = new Set<string>();
  let top: IndexLike;
  try {
    top = JSON.parse(await readFile(index, 'utf8')) as IndexLike;
  } catch {
    return ['index.json'];
  }
  for (const manifest of referencedDigests(top)) {
    if (!present.has(manifest)) {
      missing.add(manifest);
      continue;
    }
    let inner: IndexLike;
    try {
      inner = JSON.parse(await readFile(path.join(blobDir, BLOBS, manifest), 'utf8')) as IndexLike;
    } catch {
      continue; // not JSON: a layer named at the top, nothing below it
    }
    for (const d of referencedDigests(inner)) if (!present.has(d)) missing.add(d);
  }
  return [...missing].sort();
}

/**
 * Merges restored entries into `dir` (emptied first): the blobs of all of them, and the index.json
 * of the first whose every blob is present after the merge. Returns the folder the index came from,
 * or undefined when no entry gives a complete cache (then `dir` is left empty).
 */
export async function mergeEntries(dir: string, entries: readonly string[]): Promise<string | undefined> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, BLOBS), { recursive: true });
  for (const entry of entries) {
    for (const d of (await listBlobs(entry)).keys()) {
      await linkOrCopy(path.join(entry, BLOBS, d), path.join(dir, BLOBS, d));
    }
  }
  for (const entry of entries) {
    const index = path.join(entry, 'index.json');
    if (!(await exists(index))) continue;
    if ((await missingBlobs(index, dir)).length > 0) continue;
    for (const name of TOP_FILES) {
      if (await exists(path.join(entry, name))) await copyFile(path.join(entry, name), path.join(dir, name));
    }
    return entry;
  }
  await rm(dir, { recursive: true, force: true });
  return undefined;
}
