// What the smoke boot may touch, inside Node: the inner layer. The booted code is not ours: a js
// output's out.js is JavaScript that a custom Dockerfile (from a pull request, say) decides, and it
// runs in the smoke child. The outer layer, where this machine can make one, is an operating-system
// boundary (confine.ts: own PID, mount and network namespaces, another user); this layer is what is
// left where it cannot, and it holds inside the boundary too. The child runs under Node's permission
// model (https://nodejs.org/api/permissions.html):
// - file system reads only of a scratch copy of the output and of the child's own script folder
//   (no /proc/<pid>/environ of the action, no runner files, no workspace);
// - no file system writes at all (not GITHUB_ENV, not the output that is published);
// - no child processes, no native addons, no inspector, no process.binding();
// - worker threads for js (emscripten's pthreads run in them), WASI for wasi; nothing else. Every
//   worker inherits the model and the preload whatever execArgv it asks for (GUARD_SOURCE);
// - no node:sqlite: it opens and creates database files without asking the permission model (the
//   permissions page says so), so a guest could write anywhere with it;
// - no network: Node 24's model does not cover it, so GUARD_SOURCE, preloaded with --require into
//   the child and into every worker thread, makes every socket connect (TCP, Unix sockets such as
//   the Docker engine's, and so fetch and http) and every UDP send throw; v8.setFlagsFromString too
//   (V8 flags set at run time are outside the model).
// `--permission` is stable from Node 22.13.0 / 23.5.0 (before: `--experimental-permission`, from
// 20.0.0). `--allow-wasi` exists from Node 22.3.0; Node 20 refuses `new WASI()` under the model
// (ERR_ACCESS_DENIED, permission 'WASI'), so a wasi boot needs Node 22.3.0 or later. The model does
// not cover signals to other processes of the same user, nor the time limit: without the boundary
// those rest on boot.ts alone (docs/smoke-boot.md lists what is left).
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { Target } from '../config/types.js';

type Version = [number, number, number];

/** `v24.21.0` or `24.21.0` as numbers; undefined when it is not a version. */
export function parseNodeVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const atLeast = (v: Version, major: number, minor: number): boolean =>
  v[0] > major || (v[0] === major && v[1] >= minor);

/**
 * The Node options that put the smoke child in its sandbox, or why this Node cannot: `readable` are
 * the only paths it may read (each a file, or a folder and everything in it).
 */
export function sandboxFlags(
  version: Version,
  target: Target,
  readable: string[],
  guard?: string,
): { flags: string[] } | { refused: string } {
  const stable = atLeast(version, 23, 5) || (version[0] === 22 && version[1] >= 13);
  if (target === 'wasi' && !atLeast(version, 22, 3)) {
    return {
      refused:
        `the smoke boot runs the module under Node's permission model, and Node ${version.join('.')} ` +
        `cannot run WASI under it (--allow-wasi needs Node 22.3.0 or later; the action runs on Node 24)`,
    };
  }
  if (!atLeast(version, 20, 0)) {
    return { refused: `Node ${version.join('.')} has no permission model (Node 20 or later)` };
  }
  return {
    flags: [
      stable ? '--permission' : '--experimental-permission',
      ...readable.map((path) => `--allow-fs-read=${path}`),
      target === 'wasi' ? '--allow-wasi' : '--allow-worker',
      // node:sqlite exists from Node 22.5.0 (behind --experimental-sqlite until 22.13.0 / 23.4.0).
      ...(atLeast(version, 22, 5) ? ['--no-experimental-sqlite'] : []),
      ...(guard !== undefined ? [`--require=${guard}`] : []),
      // The warnings say that --allow-worker / --allow-wasi widen the model; the choice is ours.
      '--disable-warning=SecurityWarning',
      '--disable-warning=ExperimentalWarning',
    ],
  };
}

/**
 * Preloaded into the smoke child and its workers before any code of the output: replaces the
 * methods every outgoing socket and datagram goes through (net.Socket#connect is what net.connect,
 * http, https, tls and fetch's connector call; dgram.Socket#send) with ones that throw. The
 * originals are kept nowhere, and process.binding(), which would reach the raw handles, is refused
 * by the permission model.
 *
 * It also makes every worker inherit the model: a worker runs with the execArgv it is given, and
 * Node 24 starts one given `execArgv: []` with no permission model and no preload, and one given
 * its own `--permission --allow-fs-write=*` with those grants (seen on 24.21.0: both wrote files
 * and read /proc/<parent>/environ). So `Worker` becomes a Proxy that drops `execArgv` from the
 * options (the worker then inherits its parent's, this preload included, so a worker's workers are
 * held the same way), the ESM namespace is synced to it (module.syncBuiltinESMExports), and the
 * prototype's `constructor` points at the Proxy, so no property leads back to the original.
 */
export const GUARD_SOURCE = `'use strict';
const refuse = (what) => function refused() {
  throw Object.assign(new Error(what + ' is refused in the smoke boot'), { code: 'ERR_ACCESS_DENIED' });
};
require('node:net').Socket.prototype.connect = refuse('A network connection');
require('node:dgram').Socket.prototype.send = refuse('A network datagram');
require('node:v8').setFlagsFromString = refuse('v8.setFlagsFromString');
{
  const threads = require('node:worker_threads');
  const Original = threads.Worker;
  const Inheriting = new Proxy(Original, {
    construct(target, args, newTarget) {
      const [what, options] = args;
      const { execArgv, ...rest } = Object(options);
      void execArgv;
      return Reflect.construct(target, [what, rest], newTarget === Inheriting ? target : newTarget);
    },
  });
  Object.defineProperty(Original.prototype, 'constructor', { value: Inheriting, writable: false, configurable: false });
  Object.defineProperty(threads, 'Worker', { value: Inheriting, writable: false, configurable: false, enumerable: true });
  require('node:module').syncBuiltinESMExports();
}
`;

/** The guard's file name in the scratch folder, beside the copy of the output. */
export const GUARD_FILE = '.c2w-smoke-guard.cjs';

const versions = new Map<string, Version | undefined>();

/** The version of the Node at `nodePath` (this one's without a process), cached; undefined when unknown. */
export function nodeVersionOf(nodePath: string): Version | undefined {
  if (nodePath === process.execPath) return parseNodeVersion(process.versions.node);
  if (!versions.has(nodePath)) {
    let out = '';
    try {
      out = execFileSync(nodePath, ['--version'], { encoding: 'utf8', timeout: 10_000, env: {} });
    } catch {
      // not a Node we can run: undefined
    }
    versions.set(nodePath, parseNodeVersion(out));
  }
  return versions.get(nodePath);
}

export interface StagedOutput {
  /** The scratch folder; the child may read it and nothing else of the output's. */
  dir: string;
  /** The copy of the output in it (same base name). */
  path: string;
  /** The preload that refuses the network (GUARD_SOURCE), beside the copy. */
  guard: string;
  /**
   * A private folder (0700) of the action's around `dir`, for what the boundary of confine.ts needs
   * outside the child's view: the folder its root is mounted on, its report FIFO.
   */
  home: string;
  remove(): Promise<void>;
}

/** The configuration file's name in the scratch folder, when it travels as a file (protocol.ts). */
export const CONFIG_FILE = '.c2w-smoke-config.json';

/**
 * Copies the output (a wasm file, or a js output folder) into a new scratch folder, so that the boot
 * never sees the files that are hashed and published: whatever happens to the copy, the published
 * files are the ones c2w wrote. Copy-on-write clones where the file system has them (FICLONE falls
 * back to a plain copy). A symlink is copied as the file it points to when that is a file inside
 * the output, and refused otherwise: the permission model follows symlinks inside a folder it allows
 * (https://nodejs.org/api/permissions.html, file system permissions), so one pointing out of the
 * copy would open the rest of the file system to the boot. The scratch folder and what is in it are
 * readable by all (the boundary runs the child as another user), inside a private folder that is not.
 */
export async function stageOutput(path: string, parent = tmpdir()): Promise<StagedOutput> {
  const home = await mkdtemp(join(parent, 'c2w-smoke-'));
  const dir = join(home, 'box');
  const copy = join(dir, basename(path));
  try {
    if (basename(path) === GUARD_FILE || basename(path) === CONFIG_FILE) {
      throw new Error(`an output may not be named ${basename(path)}`);
    }
    await mkdir(dir, { mode: 0o755 });
    await writeFile(join(dir, GUARD_FILE), GUARD_SOURCE, { flag: 'wx', mode: 0o644 });
    if ((await stat(path)).isDirectory()) await copyTree(await realpath(path), path, copy);
    else await copyFile(path, copy, constants.COPYFILE_FICLONE);
    await readableByAll(copy);
  } catch (e) {
    await rm(home, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    path: copy,
    guard: join(dir, GUARD_FILE),
    home,
    remove: () => rm(home, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** Folders 0755, files 0644, under `path` (which the staging made: no symlinks). */
async function readableByAll(path: string): Promise<void> {
  if ((await lstat(path)).isDirectory()) {
    await chmod(path, 0o755);
    for (const name of await readdir(path)) await readableByAll(join(path, name));
  } else {
    await chmod(path, 0o644);
  }
}

async function copyTree(root: string, from: string, to: string): Promise<void> {
  await mkdir(to);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) {
      await copyTree(root, src, dst);
    } else if (entry.isFile()) {
      await copyFile(src, dst, constants.COPYFILE_FICLONE);
    } else if (entry.isSymbolicLink()) {
      const target = await realpath(src).catch(() => undefined);
      const inside = target !== undefined && !relative(root, target).startsWith(`..${sep}`) && target !== root;
      if (!inside || !(await lstat(target)).isFile()) {
        throw new Error(`${src} is a symlink that does not point to a file inside the output`);
      }
      await copyFile(target, dst, constants.COPYFILE_FICLONE);
    } else {
      throw new Error(`${src} is neither a file, a folder nor a symlink`);
    }
  }
}
