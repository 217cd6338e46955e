// What the smoke boot may touch, inside Node: the inner layer. The booted code is not ours: a js
// output's out.js is JavaScript that a custom Dockerfile (from a pull request, say) decides, and it
// runs in the smoke child. The outer layer, where this machine can make one, is an operating-system
// boundary (confine.ts: own PID, mount and network namespaces, another user); this layer is what is
// left where it cannot, and it holds inside the boundary too. The child runs under Node's permission
// model (https://nodejs.org/api/permissions.html):
// - file system reads only of the output's scratch folder (stageOutput) and of the child's own script folder
//   (no /proc/<pid>/environ of the action, no runner files, no workspace);
// - no file system writes at all (not GITHUB_ENV, not the output that is published);
// - no child processes, no native addons, no inspector, no process.binding();
// - worker threads for js (emscripten's pthreads run in them), WASI for wasi; nothing else. Every
//   worker inherits the model and the preload whatever execArgv it asks for (GUARD_SOURCE);
// - no node:sqlite: it opens and creates database files without asking the permission model (the
//   permissions page says so), so a guest could write anywhere with it;
// - no network: Node 24's model does not cover it, so GUARD_SOURCE, preloaded with --require into
//   the child and into every worker thread, makes every socket connect (TCP, Unix sockets such as
//   the Docker engine's, and so fetch and http), every UDP send, bind and connect, every
//   Server#listen and every name lookup (node:dns and node:dns/promises: c-ares and getaddrinfo run
//   in C++ without a JS socket) throw; v8.setFlagsFromString too (V8 flags set at run time are
//   outside the model);
// - no signal to another process: the model does not cover signals, and a process of the same user
//   can stop the action or open its inspector (SIGUSR1, or process._debugProcess); GUARD_SOURCE
//   lets process.kill and process._kill reach the guest's own pid only.
// `--permission` is stable from Node 22.13.0 / 23.5.0 (before: `--experimental-permission`, from
// 20.0.0). `--allow-wasi` exists from Node 22.3.0; Node 20 refuses `new WASI()` under the model
// (ERR_ACCESS_DENIED, permission 'WASI'), so a wasi boot needs Node 22.3.0 or later. The guard is
// JavaScript in the guest's own realm, not a kernel boundary, and the time limit rests on boot.ts:
// docs/smoke-boot.md lists what is left without the boundary.
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, mkdtemp, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { Target } from '../types/inputs.js';

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
 * http, https, tls and fetch's connector call; dgram.Socket#send, #bind, #connect), every server's
 * listen (net.Server#listen: http, https, tls and http2 servers inherit it) and every name lookup
 * (the functions of node:dns and node:dns/promises, which is the same object as dns.promises, their
 * Resolver classes and prototypes) with ones that throw (the promise API's reject). The originals
 * are kept nowhere, and process.binding(), which would reach the raw handles, is refused by the
 * permission model. process.kill and process._kill (what process.kill calls: Node's
 * lib/internal/process/per_thread.js) accept only the guest's own pid, and process._debugProcess
 * (SIGUSR1 to any pid) is refused; the originals live only in the replacements' closures. Then the
 * ESM namespaces are synced (module.syncBuiltinESMExports), so `import { resolve4 } from 'node:dns'`
 * gets the refusing one too.
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
const fix = (object, name, value) =>
  Object.defineProperty(object, name, { value, writable: false, configurable: false, enumerable: true });
const net = require('node:net');
const dgram = require('node:dgram');
net.Socket.prototype.connect = refuse('A network connection');
net.Server.prototype.listen = refuse('Listening for connections');
dgram.Socket.prototype.send = refuse('A network datagram');
dgram.Socket.prototype.bind = refuse('Binding a datagram socket');
dgram.Socket.prototype.connect = refuse('A datagram connection');
require('node:v8').setFlagsFromString = refuse('v8.setFlagsFromString');
{
  const self = process.pid;
  const rawKill = process._kill;
  const kill = process.kill;
  const mine = (pid) => typeof pid === 'number' && pid === self;
  fix(process, '_kill', function _kill(pid, sig) {
    if (!mine(pid)) refuse('A signal to another process')();
    return Reflect.apply(rawKill, process, [pid, sig]);
  });
  fix(process, 'kill', function kill_(pid, sig) {
    if (!mine(pid)) refuse('A signal to another process')();
    return Reflect.apply(kill, process, [pid, sig]);
  });
  fix(process, '_debugProcess', refuse('process._debugProcess'));
}
{
  const dns = require('node:dns');
  const refused = refuse('A name lookup');
  const rejected = function rejected() {
    return new Promise(refused);
  };
  const Resolver = function Resolver() {
    refused();
  };
  for (const api of [dns, dns.promises]) {
    const refusal = api === dns ? refused : rejected;
    for (const name of Object.keys(api)) {
      if (/^(lookup|lookupService|reverse|resolve.*)$/.test(name)) fix(api, name, refusal);
    }
    for (const name of Object.getOwnPropertyNames(api.Resolver.prototype)) {
      if (name !== 'constructor') fix(api.Resolver.prototype, name, refusal);
    }
    fix(api, 'Resolver', Resolver);
  }
}
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
}
require('node:module').syncBuiltinESMExports();
`;

/** The guard's file name in the scratch folder, beside the output. */
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
  /** The output in it, its files linked or copied (same base name). */
  path: string;
  /** The preload that refuses the network (GUARD_SOURCE), beside the output. */
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
 * Puts the output (a wasm file, or a js output folder) into a new scratch folder, so that the boot
 * sees only the output's own files (never the folder around it) under names the action chose. Each
 * file is a hard link to the output's file, not a copy: c2w outputs are hundreds of MB (one public
 * report: 1.08 GB), and a copy costs that much disk and time on file systems without copy-on-write
 * clones (ext4, GitHub's hosted runners). The boot still cannot change the published bytes, and
 * what that rests on is not the copy:
 * - the permission model gives the child no file system write at all (sandboxFlags: no
 *   --allow-fs-write), a link or a copy alike;
 * - inside the boundary (confine.ts) the scratch folder is bound read-only (`mount --bind -o ro`;
 *   writing through it is EROFS whoever the process is), the command has no capability to remount
 *   it, and under root or sudo it runs as another user (65534), who does not own the file;
 * - without the boundary, a guest that got past the model runs as the action's user and could
 *   write the output at its own path anyway: a copy never protected that case;
 * - the release upload hashes the file again and refuses one that differs from the conversion's
 *   sha256 (publish/release-asset.ts).
 * A file is linked only when others may read it (the boundary's user must): otherwise, or where a
 * link cannot be made (another file system: EXDEV; fs.protected_hardlinks: EPERM), it is copied
 * (a copy-on-write clone where the file system has them, FICLONE falling back to a plain copy) and
 * the copy made readable by all; a linked file's mode is never changed (it is the published file's).
 * A symlink is staged as the file it points to when that is a file inside the output, and refused
 * otherwise: the permission model follows symlinks inside a folder it allows
 * (https://nodejs.org/api/permissions.html, file system permissions), so one pointing out of the
 * scratch folder would open the rest of the file system to the boot. The scratch folder and the
 * folders in it are readable by all (the boundary runs the child as another user), inside a private
 * folder that is not.
 */
export async function stageOutput(path: string, parent = tmpdir()): Promise<StagedOutput> {
  const home = await mkdtemp(join(parent, 'c2w-smoke-'));
  const dir = join(home, 'box');
  const staged = join(dir, basename(path));
  try {
    if (basename(path) === GUARD_FILE || basename(path) === CONFIG_FILE) {
      throw new Error(`an output may not be named ${basename(path)}`);
    }
    await mkdir(dir, { mode: 0o755 });
    await writeFile(join(dir, GUARD_FILE), GUARD_SOURCE, { flag: 'wx', mode: 0o644 });
    if ((await stat(path)).isDirectory()) await stageTree(await realpath(path), path, staged);
    else await stageFile(path, staged);
  } catch (e) {
    await rm(home, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    path: staged,
    guard: join(dir, GUARD_FILE),
    home,
    remove: () => rm(home, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** How a file was staged: a hard link to the output's file, or a copy. */
export type Staging = 'link' | 'copy';

/**
 * Puts `from` at `to`: a hard link when others may read the file, else (or when the link fails) a
 * copy made readable by all.
 */
export async function stageFile(from: string, to: string): Promise<Staging> {
  if (((await stat(from)).mode & 0o004) !== 0) {
    try {
      await link(from, to);
      return 'link';
    } catch {
      // EXDEV, EPERM, EMLINK…: a copy does the same job
    }
  }
  await copyFile(from, to, constants.COPYFILE_FICLONE);
  await chmod(to, 0o644);
  return 'copy';
}

async function stageTree(root: string, from: string, to: string): Promise<void> {
  await mkdir(to);
  // mkdir's mode passes through the umask; the boundary's user must be able to enter it.
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) {
      await stageTree(root, src, dst);
    } else if (entry.isFile()) {
      await stageFile(src, dst);
    } else if (entry.isSymbolicLink()) {
      const target = await realpath(src).catch(() => undefined);
      const inside = target !== undefined && !relative(root, target).startsWith(`..${sep}`) && target !== root;
      if (!inside || !(await lstat(target)).isFile()) {
        throw new Error(`${src} is a symlink that does not point to a file inside the output`);
      }
      await stageFile(target, dst);
    } else {
      throw new Error(`${src} is neither a file, a folder nor a symlink`);
    }
  }
}
