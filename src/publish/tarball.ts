// The release asset of a js output: a .tar.gz of the folder that is the same bytes for the same
// files. tar-stream writes the archive (pax headers carry paths longer than ustar's 255 bytes);
// what makes it deterministic is ours: entries in walkFolder's order, mtime 0, uid/gid 0, no
// user or group names, mode 0755 for directories and executables, 0644 otherwise, and a gzip
// header without file name or time (zlib writes mtime 0 and no name).
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { walkFolder } from '../lib/files.js';

const EPOCH = new Date(0);

export async function writeDeterministicTarGz(dir: string, outFile: string): Promise<void> {
  const entries = await walkFolder(dir);
  const pack = tar.pack();
  const fill = (async () => {
    for (const e of entries) {
      const header = {
        name: e.type === 'dir' ? `${e.rel}/` : e.rel,
        type: e.type === 'dir' ? ('directory' as const) : ('file' as const),
        size: e.size,
        mode: e.type === 'dir' || e.executable ? 0o755 : 0o644,
        mtime: EPOCH,
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
      };
      if (e.type === 'dir') {
        await new Promise<void>((resolve, reject) => pack.entry(header, (err) => (err ? reject(err) : resolve())));
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
        const src = fs.createReadStream(e.abs);
        src.on('error', reject);
        src.pipe(sink);
      });
    }
    pack.finalize();
  })();
  fill.catch((err: unknown) => pack.destroy(err as Error));
  await Promise.all([fill, pipeline(pack, zlib.createGzip({ level: 9 }), fs.createWriteStream(outFile))]);
}
