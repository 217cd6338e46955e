// Walking an output or cache folder: the one walker behind the `sha256` listing, the artifact's
// file list and the release tarball, so all three see the same files in the same order.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';

export interface FolderEntry {
  /** Path below the folder, with `/`. */
  rel: string;
  /** Absolute path to read the content from. */
  abs: string;
  type: 'dir' | 'file';
  /** Bytes (0 for a directory). */
  size: number;
  /** True when the file has an execute bit. */
  executable: boolean;
}

export class UnsafeLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeLinkError';
  }
}

/**
 * Every directory and regular file below `dir`, sorted by `rel` (code unit order, so a
 * directory comes right before what it holds). The one symlink rule: a symlink to a regular
 * file inside the folder counts as that file (its content is published under the link's
 * name); any other symlink (to a directory, outside the folder, dangling) is refused, since
 * following it could publish files from outside the output or loop. Other kinds (sockets,
 * fifos) are skipped.
 */
export async function walkFolder(dir: string): Promise<FolderEntry[]> {
  const root = await realpath(dir);
  const out: FolderEntry[] = [];
  const visit = async (rel: string): Promise<void> => {
    for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(root, r);
      if (e.isDirectory()) {
        out.push({ rel: r, abs, type: 'dir', size: 0, executable: true });
        await visit(r);
      } else if (e.isFile()) {
        const st = await lstat(abs);
        out.push({ rel: r, abs, type: 'file', size: st.size, executable: (st.mode & 0o111) !== 0 });
      } else if (e.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        const inside = target !== undefined && isInside(root, target);
        const st = target === undefined ? undefined : await stat(target);
        if (!inside || !st?.isFile()) {
          throw new UnsafeLinkError(
            `${path.join(dir, r)} is a symlink to ${target ?? 'nothing'}, ${
              target === undefined ? 'which does not exist' : inside ? 'not a regular file' : 'outside the folder'
            }: only symlinks to files inside the folder are published`,
          );
        }
        out.push({ rel: r, abs, type: 'file', size: st.size, executable: (st.mode & 0o111) !== 0 });
      }
    }
  };
  await visit('');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** True when `p` is `root` or below it (both absolute, symlinks resolved). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Relative paths (with `/`) of every file below `dir` as walkFolder sees them, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await walkFolder(dir)).filter((e) => e.type === 'file').map((e) => e.rel);
}

/** Bytes of the files below `dir`; 0 when it does not exist. */
export async function dirSize(dir: string): Promise<number> {
  try {
    return (await walkFolder(dir)).reduce((n, e) => n + e.size, 0);
  } catch {
    return 0;
  }
}
