// sha256 as lower-case hex: of a file, read a block at a time into one buffer (c2w outputs are
// hundreds of MB, one public report 1.08 GB), or of a string.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * Bytes read at a time. One buffer, reused: the action holds 1 MiB whatever the file's size. (A
 * read stream allocates a new 64 KiB chunk per read and leaves them to the garbage collector: on a
 * 1 GiB file it peaked ~65 MiB higher and took 2-5 times as long; bench/output.bench.mjs.)
 */
const BLOCK = 1024 * 1024;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(BLOCK);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, BLOCK, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
