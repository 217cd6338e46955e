// c2w's info: how a converted image is told its command, environment and clock at boot. Its two
// front ends take it in different formats, on purpose, and both are written here side by side:
// - wasi: c2w's WASI front end writes `e: `, `c: `, `env: `, `t: ` lines (one space after the colon)
//   into one fixed 1024-byte buffer in the module's memory, and stops with
//   `too many write (1025 > 1024)failed to prepare env info` when they do not fit; checkEnvBudget
//   predicts that before anything runs.
// - js: the page writes a file, `/pack/info`, into emscripten's file system with `t:`, `c:`, `env:`
//   lines (no space) and no size limit, as c2w's own page does
//   (https://github.com/container2wasm/container2wasm/tree/main/examples/emscripten-simple).
// They differ because the WASI side is a fixed buffer the front end fills, the js side a file.

/** c2w's WASI info buffer: entrypoint, command, env, net, bundle and time share it. */
export const C2W_INFO_LIMIT = 1024;

// ---------------------------------------------------------------------------------------------
// wasi: the 1024-byte budget

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

export interface EnvBudget {
  ok: boolean;
  /** Bytes the info would take (entrypoint, command, env, time), whether or not they fit. */
  bytes: number;
  limit: number;
  commandBytes: number;
  envBytes: number;
  timeBytes: number;
  /** The inputs that do not fit, in the order c2w writes them. */
  overflowing: ('smoke-command' | 'smoke-env')[];
  /** What the guest would print, e.g. `too many write (1025 > 1024)failed to prepare env info`. */
  c2wMessage?: string;
  message?: string;
}

/** Writes c2w's info the way its front end does, counting bytes and stopping at the first overflow. */
class InfoWriter {
  pos = 0;
  failedAt?: number;
  constructor(private readonly limit: number) {}
  /** write_info: a block of `len` bytes. */
  block(len: number): boolean {
    if (this.failedAt !== undefined) return false;
    if (this.pos + len > this.limit) {
      this.failedAt = this.pos + len;
      return false;
    }
    this.pos += len;
    return true;
  }
  /** putchar_info, for each byte. */
  bytes(n: number): boolean {
    for (let i = 0; i < n; i++) if (!this.block(1)) return false;
    return true;
  }
}

function writeEscapedLine(w: InfoWriter, prefix: string, value: string): boolean {
  if (!w.block(utf8(prefix))) return false;
  for (const ch of value) {
    if (ch === '\n') {
      if (!w.block(2)) return false;
    } else if (!w.bytes(utf8(ch))) return false;
  }
  return w.bytes(1);
}

function writeArgs(w: InfoWriter, args: string[]): boolean {
  if (!w.block(3)) return false; // "c: "
  for (const arg of args) {
    for (const ch of arg) {
      if ((ch === ' ' || ch === '\n') && !w.bytes(1)) return false;
      if (!w.bytes(utf8(ch))) return false;
    }
    if (!w.bytes(1)) return false; // the separator; the last one becomes the newline
  }
  return true;
}

/** Bytes a list of entries costs on its own, for the message. */
function cost(write: (w: InfoWriter) => boolean): number {
  const w = new InfoWriter(Number.MAX_SAFE_INTEGER);
  write(w);
  return w.pos;
}

/**
 * Mirrors c2w's WASI front end: the entrypoint, the command, every environment variable and the
 * time go, in that order, into one 1024-byte buffer. Predicts whether
 * `-no-stdin <command>` with `env` fits, and which inputs overflow it.
 */
export function checkEnvBudget(
  command: string[],
  env: { key: string; value: string }[],
  options: { entrypoint?: string; nowSeconds?: number; limit?: number } = {},
): EnvBudget {
  const limit = options.limit ?? C2W_INFO_LIMIT;
  const time = String(Math.floor(options.nowSeconds ?? Date.now() / 1000));
  const entrypoint = options.entrypoint;
  const envLines = env.map((e) => `${e.key}=${e.value}`);

  const commandBytes =
    (entrypoint !== undefined ? cost((w) => writeEscapedLine(w, 'e: ', entrypoint)) : 0) +
    (command.length > 0 ? cost((w) => writeArgs(w, command)) : 0);
  const envBytes = envLines.reduce((n, line) => n + cost((w) => writeEscapedLine(w, 'env: ', line)), 0);
  const timeBytes = 3 + utf8(time) + 1;
  const bytes = commandBytes + envBytes + timeBytes;

  // The same writes, in the same order, with the real limit: the first one that fails decides
  // c2w's message.
  const w = new InfoWriter(limit);
  let failed: 'entrypoint' | 'env' | 'time' | undefined;
  if (entrypoint !== undefined && !writeEscapedLine(w, 'e: ', entrypoint)) failed = 'entrypoint';
  if (!failed && command.length > 0 && !writeArgs(w, command)) failed = 'entrypoint'; // sic, as c2w
  if (!failed) {
    for (const line of envLines) {
      if (!writeEscapedLine(w, 'env: ', line)) {
        failed = 'env';
        break;
      }
    }
  }
  if (!failed && !writeEscapedLine(w, 't: ', time)) failed = 'time';

  if (!failed) {
    return { ok: true, bytes, limit, commandBytes, envBytes, timeBytes, overflowing: [] };
  }
  const overflowing: EnvBudget['overflowing'] = [];
  if (commandBytes + timeBytes > limit) overflowing.push('smoke-command');
  if (envBytes > 0) overflowing.push('smoke-env');
  if (overflowing.length === 0) overflowing.push('smoke-command');
  const c2wMessage = `too many write (${w.failedAt} > ${limit})failed to prepare ${failed} info`;
  const names = overflowing.join(' and ');
  const message =
    `${names} ${overflowing.length > 1 ? 'do' : 'does'} not fit c2w's ${limit}-byte budget for the ` +
    `command, environment and time: they need ${bytes} bytes (smoke-command ${commandBytes}, ` +
    `smoke-env ${envBytes}, time ${timeBytes}). The module would stop with ` +
    `"${c2wMessage}". Shorten ${names}.`;
  return { ok: false, bytes, limit, commandBytes, envBytes, timeBytes, overflowing, c2wMessage, message };
}

// ---------------------------------------------------------------------------------------------
// js: /pack/info

/** Escapes one `/pack/info` value: a newline as backslash-newline. */
const escapeValue = (v: string): string => v.replace(/\n/g, '\\\n');

/** The `/pack/info` the page writes in preRun: the clock, the command, the environment. */
export function packInfo(command: string[], env: { key: string; value: string }[], nowSeconds: number): string {
  const lines = [`t:${Math.floor(nowSeconds)}`];
  if (command.length > 0) {
    lines.push(`c:${command.map((a) => escapeValue(a.replace(/\\/g, '\\\\').replace(/ /g, '\\ '))).join(' ')}`);
  }
  for (const { key, value } of env) lines.push(`env:${escapeValue(`${key}=${value}`)}`);
  return `${lines.join('\n')}\n`;
}

/** The part of an emscripten module's file system the /pack/info hook uses. */
export interface PackInfoFs {
  FS: { mkdir(path: string): void; writeFile(path: string, data: string): void };
}

/**
 * An emscripten preRun hook that writes `info` (packInfo's text) to /pack/info before the guest's
 * init reads it; the page and the Node boot both register it. /pack may exist already (load.js,
 * file_packager's loader, creates it when the image has files there).
 */
export function writePackInfo(info: string): (mod: PackInfoFs) => void {
  return (mod) => {
    try {
      mod.FS.mkdir('/pack');
    } catch {
      // load.js created it.
    }
    mod.FS.writeFile('/pack/info', info);
  };
}
