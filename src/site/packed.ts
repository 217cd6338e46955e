// The large files of a site's output, stored as gzip-compressed chunks the page fetches in parallel,
// checks, decompresses and keeps (page/loader.ts):
//
//   container/chunks/<sha256 of the part>.gz   one part of a file, gzip (RFC 1952)
//   c2w/site.json `packed`                      per file: its size and sha256, and its chunks in order
//
// Why this shape:
// - gzip, decompressed by the page itself (DecompressionStream), works whatever the host does with
//   Content-Encoding. The `.gz` name gives the file a type (application/gzip) that hosts do not
//   compress again; a host that sends it with `Content-Encoding: gzip` anyway has the browser
//   decompress it, and the page takes the bytes as they come (it checks the digest of the part).
// - A chunk is named by the digest of its content: an unchanged part keeps its name from one deploy
//   to the next (the page keeps it), a changed one has a new name (no stale copy in any cache), and
//   equal parts (runs of zeros in a disk image) are stored once.
// - Parts of CHUNK_BYTES: several requests in flight fill the link, and the page holds a few parts
//   at a time, not the file.
import { createHash } from 'node:crypto';
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb, constants } from 'node:zlib';
import { PACK_VERSION, type PackedChunk, type PackedFile } from './contract.js';

const gzip = promisify(gzipCb);

/** Bytes of one part, before compression. */
export const CHUNK_BYTES = 2 * 1024 * 1024;
/** Parts compressed at once (zlib's async calls run on libuv's thread pool). */
const PARALLEL = 2;

/**
 * Writes `file` as chunks into `container/chunks/` and returns how to put it back together. The
 * chunk files are shared by every file packed into the same `container` (same content, same name).
 */
export async function packFile(file: string, container: string, chunkBytes = CHUNK_BYTES): Promise<PackedFile> {
  const { size } = await stat(file);
  const dir = join(container, 'chunks');
  await mkdir(dir, { recursive: true });
  const whole = createHash('sha256');
  const chunks: PackedChunk[] = [];
  const written = new Set<string>();
  const fh = await open(file, 'r');
  try {
    let offset = 0;
    let inFlight: Promise<PackedChunk>[] = [];
    const flush = async (): Promise<void> => {
      chunks.push(...(await Promise.all(inFlight)));
      inFlight = [];
    };
    while (offset < size || (size === 0 && chunks.length === 0 && inFlight.length === 0)) {
      const part = Buffer.alloc(Math.min(chunkBytes, size - offset));
      let got = 0;
      while (got < part.length) {
        const { bytesRead } = await fh.read(part, got, part.length - got, offset + got);
        if (bytesRead === 0) throw new Error(`${file} became shorter while it was read`);
        got += bytesRead;
      }
      offset += part.length;
      whole.update(part);
      inFlight.push(packPart(part, dir, written));
      if (inFlight.length >= PARALLEL) await flush();
      if (size === 0) break;
    }
    await flush();
  } finally {
    await fh.close();
  }
  return {
    version: PACK_VERSION,
    size,
    bytes: chunks.reduce((n, c) => n + c.bytes, 0),
    sha256: whole.digest('hex'),
    chunks,
  };
}

async function packPart(part: Buffer, dir: string, written: Set<string>): Promise<PackedChunk> {
  const sha256 = createHash('sha256').update(part).digest('hex');
  const name = `${sha256}.gz`;
  // Level 6, zlib's default: on a rootfs-like text half it is within a few percent of level 9 at
  // about half the time; random data passes through at any level.
  const gz = await gzip(part, { level: constants.Z_DEFAULT_COMPRESSION });
  if (!written.has(name)) {
    written.add(name);
    await writeFile(join(dir, name), gz);
  }
  return { file: `chunks/${name}`, size: part.length, bytes: gz.length, sha256 };
}
