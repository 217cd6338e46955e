// Walking an output or cache folder.
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

/** Relative paths (with `/`) of every regular file below `dir`, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else if (e.isFile()) files.push(rel);
  }
  return files.sort();
}

/** Bytes of the regular files below `dir`; 0 when it does not exist. */
export async function dirSize(dir: string): Promise<number> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch {
    return 0;
  }
  let total = 0;
  for (const f of files) total += (await stat(path.join(dir, f))).size;
  return total;
}
