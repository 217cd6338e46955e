// The hot entry: the part of a `cache: local` export that a build of another image reads.
//
// BuildKit's local cache importer reads the cache manifest and its config eagerly and every layer
// lazily, only when a step that runs needs it (cache/remotecache/import.go in moby/buildkit: layers
// become providers of v1.DescriptorProvider). So a warm build of a new image reads the layers the
// image stages mount or copy, not the gigabytes of base images and toolchain trees beneath them;
// the buildx client serves those reads from the folder (one file per blob), so the blobs whose
// access time moved during the build are the ones it read. Two facts shape the rest:
// - a build that imports a folder missing a blob it needs fails with
//   `failed to compute cache key: NotFound: ... content sha256:<digest>: not found`: BuildKit has no
//   fallback of its own, so the run restores the whole cache and builds again (missingBlob);
// - a build that imports such a folder and exports `mode=max` fails the export (`error writing
//   layer blob: NotFound`: it copies every layer it re-exports from the import), and one that
//   imports a whole folder reads every blob while exporting: so a build served by the hot entry,
//   and the build that learns the hot set, export nothing;
// - the importer makes a record's result only from the layers the cache manifest lists: a record
//   whose layer chain names a blob the manifest does not list has no result, and its step runs
//   (getRemoteChain in cache/remotecache/v1/parse.go returns nil for a blob not in the provider
//   built from the manifest's layers). So the hot entry's manifest lists only the blobs it carries:
//   a run of the image the whole export was made with rebuilds its image stages, as any other
//   image does, instead of failing on their missing layers.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

const BLOBS = path.join('blobs', 'sha256');

/** The hot entry's key for an allocator entry's key (its own namespace: no allocator restore key matches it). */
export const hotKey = (key: string) => `hot-${key}`;

/** Sets every blob's access time to the epoch (modification time kept), before a build that learns. */
export async function markUnread(dir: string): Promise<number> {
  const names = await readdir(path.join(dir, BLOBS)).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, BLOBS, name);
    const s = await stat(file);
    await utimes(file, new Date(0), s.mtime);
  }
  return names.length;
}

export interface BlobAccess {
  name: string;
  size: number;
  /** Read since markUnread: its access time is past the epoch. */
  read: boolean;
}

/** Every blob of `dir` and whether it was read since markUnread. */
export async function blobAccess(dir: string): Promise<BlobAccess[]> {
  const names = await readdir(path.join(dir, BLOBS)).catch(() => [] as string[]);
  const out: BlobAccess[] = [];
  for (const name of names) {
    const s = await stat(path.join(dir, BLOBS, name));
    out.push({ name, size: s.size, read: s.atimeMs > 0 });
  }
  return out;
}

/** The digest (hex) of the cache manifest index.json names, or undefined. */
export async function cacheManifest(dir: string): Promise<string | undefined> {
  try {
    const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as {
      manifests?: { digest?: string }[];
    };
    const digest = index.manifests?.[0]?.digest;
    return digest?.startsWith('sha256:') ? digest.slice('sha256:'.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The blobs of the hot entry (pure): the cache manifest, its config (`configDigest`) and every
 * blob read. undefined when access times do not move on this file system (mounted noatime): the
 * importer always reads the cache manifest, so a folder where it shows unread tells nothing.
 */
export function hotSubset(
  access: readonly BlobAccess[],
  manifest: string,
  configDigest: string | undefined,
): { names: string[]; bytes: number; of: number } | undefined {
  const byName = new Map(access.map((b) => [b.name, b]));
  if (!byName.get(manifest)?.read) return undefined;
  const names = access
    .filter((b) => b.read || b.name === manifest || b.name === configDigest)
    .map((b) => b.name)
    .sort();
  const bytes = names.reduce((n, name) => n + byName.get(name)!.size, 0);
  return { names, bytes, of: access.reduce((n, b) => n + b.size, 0) };
}

/** The config digest (hex) a cache manifest names, or undefined. */
export async function manifestConfig(dir: string, manifest: string): Promise<string | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, BLOBS, manifest), 'utf8')) as { config?: { digest?: string } };
    const digest = m.config?.digest;
    return digest?.startsWith('sha256:') ? digest.slice('sha256:'.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The blob a failed build lacked (pure): BuildKit's `content sha256:<digest>: not found`, as a
 * build importing a folder without a blob it needs fails. undefined for any other failure.
 */
export function missingBlob(log: string): string | undefined {
  return /content sha256:([0-9a-f]{64}): not found/.exec(log)?.[1];
}

interface CacheManifest {
  config?: { digest?: string };
  layers?: { digest?: string }[];
  [field: string]: unknown;
}

/**
 * The cache manifest of the hot entry (pure): the same manifest listing only the layers in `keep`
 * (hex digests), so records of the layers left out import without a result.
 */
export function hotManifest(manifest: string, keep: ReadonlySet<string>): string {
  const m = JSON.parse(manifest) as CacheManifest;
  const layers = (m.layers ?? []).filter((l) => keep.has(l.digest?.replace(/^sha256:/, '') ?? ''));
  return JSON.stringify({ ...m, layers });
}

/**
 * Rewrites the hot entry in `dir` (written by writeSubset from the whole export) to a cache
 * manifest listing only its layers: the new manifest blob, and an index.json naming it (both new
 * files: the subset's files are hard links into the export).
 */
export async function narrowManifest(dir: string, manifest: string): Promise<void> {
  const names = new Set(await readdir(path.join(dir, BLOBS)));
  const text = hotManifest(await readFile(path.join(dir, BLOBS, manifest), 'utf8'), names);
  const digest = createHash('sha256').update(text).digest('hex');
  await rm(path.join(dir, BLOBS, manifest), { force: true });
  await writeFile(path.join(dir, BLOBS, digest), text);
  const indexFile = path.join(dir, 'index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as { manifests: { digest: string; size: number }[] };
  index.manifests[0] = { ...index.manifests[0]!, digest: `sha256:${digest}`, size: Buffer.byteLength(text) };
  await rm(indexFile, { force: true });
  await writeFile(indexFile, JSON.stringify(index));
}
