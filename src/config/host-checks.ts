// The checks of the inputs that name places on this machine (the custom Dockerfile, the output), made
// before anything is spawned by both the action (getInputs) and the command (cli/validate.ts).
// Paths are compared after every symbolic link is resolved (realpath), so a link cannot lead a
// check astray: a `dockerfile` that links to /proc/self/environ is the environment (tokens and
// all), not a Dockerfile, and an output that links elsewhere writes elsewhere.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError, quoted } from './errors.js';
import type { Target } from '../types/inputs.js';

/**
 * Linux's pseudo file systems: procfs and sysfs files stat as regular files but hold the state of
 * the system (a process's environment, memory, keys), and /dev holds the devices.
 */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** Whether `p` (absolute) is `root` or inside it, by path components (`..web` is inside). */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** `p` with every symlink in its existing part resolved (the rest may not exist yet). */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

/**
 * The symbolic link whose target does not exist on the way to `resolved` (a realPathOf result),
 * if any: the first part of it that exists is then that link.
 */
export function danglingLinkIn(resolved: string): string | undefined {
  for (let p = resolved; ; p = path.dirname(p)) {
    try {
      return lstatSync(p).isSymbolicLink() ? p : undefined;
    } catch {
      if (path.dirname(p) === p) return undefined;
    }
  }
}

/**
 * The custom Dockerfile must be a regular file (c2w reads it; a directory fails only after the
 * download), not a file of a pseudo file system or a device, and, when `workspace` is given (the
 * action), inside the workspace once its links are resolved.
 */
export function checkDockerfile(file: string, workspace?: string): void {
  let real: string;
  let st;
  try {
    real = realpathSync(file);
    st = statSync(real);
  } catch {
    throw new InputError('dockerfile', `names ${quoted(file)}, which does not exist`);
  }
  const shown = real === path.resolve(file) ? quoted(file) : `${quoted(file)} (${real})`;
  if (PSEUDO_ROOTS.some((root) => isInside(real, root))) {
    throw new InputError('dockerfile', `names ${shown}, which is a system file, not a Dockerfile`);
  }
  if (!st.isFile()) throw new InputError('dockerfile', `names ${shown}, which is not a regular file`);
  if (workspace !== undefined) {
    const ws = realPathOf(workspace);
    if (!isInside(real, ws)) {
      throw new InputError('dockerfile', `names ${shown}, which is outside the workspace ${ws}`);
    }
  }
}

/**
 * The output may not lead through a symbolic link whose target does not exist: where it would
 * write cannot be checked, and creating a file or folder through it fails with a bare ENOENT.
 */
export function checkNoDanglingLink(output: string): void {
  const out = realPathOf(output);
  const dangling = danglingLinkIn(out);
  if (dangling === undefined) return;
  const shown = output === path.resolve(output) ? quoted(output) : `${quoted(output)} (${out})`;
  let to = '';
  try {
    to = ` to ${path.resolve(path.dirname(dangling), readlinkSync(dangling))}`;
  } catch {
    // the link vanished meanwhile; the message still names it
  }
  throw new InputError(
    'output',
    `${shown}: ${dangling} is a symbolic link${to}, which does not exist: give a plain path, such as out/`,
  );
}

/**
 * Everything in a `js` output directory is published (artifact, `sha256`, release tarball), so it
 * must be a folder of the conversion's own: inside the workspace, not the workspace or one of its
 * ancestors, and empty or absent before the build. Then the files in it after c2w ran are exactly
 * c2w's. A `wasi` output file must be inside the workspace too. Relative paths are resolved
 * against the current directory, as c2w resolves them. No dangling link (checkNoDanglingLink).
 */
export function checkOutputPlace(target: Target, output: string, workspace: string): void {
  const ws = realPathOf(workspace);
  const out = realPathOf(output);
  const shown = output === path.resolve(output) ? quoted(output) : `${quoted(output)} (${out})`;
  checkNoDanglingLink(output);
  if (out === ws) {
    throw new InputError('output', `${shown} is the workspace ${ws}: give a folder of its own, such as out/`);
  }
  if (!isInside(out, ws)) {
    const where = isInside(ws, out) ? 'an ancestor of' : 'outside';
    throw new InputError('output', `${shown} is ${where} the workspace ${ws}: give a path inside it, such as out/`);
  }
  let st;
  try {
    st = statSync(out);
  } catch {
    return; // absent: c2w creates it
  }
  if (target === 'wasi') {
    if (st.isDirectory()) throw new InputError('output', `${shown} is a directory; target 'wasi' writes one file`);
    return;
  }
  if (!st.isDirectory()) throw new InputError('output', `${shown} exists and is not a directory`);
  const present = readdirSync(out);
  if (present.length > 0) {
    throw new InputError(
      'output',
      `${shown} already holds ${present.length} entr${present.length === 1 ? 'y' : 'ies'} ` +
        `(${present.sort().slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): ` +
        `everything in a js output directory is published, so it must be empty or absent before the build`,
    );
  }
}
