// The smoke boot: run what c2w built, in Node, in a child process, and see whether it answers.
//
// The module runs in a child process rather than a worker thread: `worker.terminate()` cannot
// interrupt a long blocking WASI call (a 60 s poll_oneoff, a read on a silent pipe), and a js
// (emscripten, pthreads) output never exits on its own. A child can always be killed.
// The child is the bundle itself started with `--c2w-smoke-child` (see smoke-child.ts); its
// configuration travels in one environment variable, which the child removes before it runs
// anything, and the module's environment is built only from `smoke-env`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

export const SMOKE_CHILD_FLAG = '--c2w-smoke-child';
/** Environment variable that carries the child's configuration (JSON of SmokeChildConfig). */
export const SMOKE_CHILD_CONFIG_ENV = 'C2W_SMOKE_CHILD_CONFIG';
/** c2w's info buffer: entrypoint, command, env, net, bundle and time share it (reference section 6). */
export const C2W_INFO_LIMIT = 1024;

export type SmokeTarget = 'wasi' | 'js';

export interface SmokeOptions {
  target: SmokeTarget;
  /** The wasm file (wasi), or the js output directory (js). */
  path: string;
  /** The guest command (argv); empty runs the image's own CMD. */
  command: string[];
  /** Matched against the module's stdout. */
  expect: RegExp;
  timeoutSeconds: number;
  /** The module's whole environment (wasi) / the `env:` lines of /pack/info (js). */
  env: { key: string; value: string }[];
  /** The allocator the build used, for the report. */
  allocator: string;
  /** The script the child runs; default process.argv[1] (the bundle). */
  childEntry?: string;
  /** The Node that runs the child; default process.execPath. */
  nodePath?: string;
  /**
   * wasi only: put c2w's front-end options before the command (`-no-stdin`), and check c2w's
   * 1024-byte budget. false runs a plain WASI command: argv is `[wasm, ...command]`.
   */
  c2wArgs?: boolean;
  /** Time between SIGTERM and SIGKILL when the child has to be ended (default 2000 ms). */
  graceMs?: number;
  /** Bytes of stdout and of stderr kept for the report (default 1 MiB each). */
  maxOutputBytes?: number;
  /** Streams the child's output as it comes (e.g. to the job log). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
}

export interface AllocatorFailure {
  /** The allocator the failure is attributed to. */
  allocator: string;
  /** The output line that shows it. */
  line: string;
  suggestion: string;
}

export interface SmokeResult {
  result: 'passed' | 'failed' | 'timeout';
  /** Seconds from the start of the child to the match (passed), or to the end of the run. */
  seconds: number;
  stdout: string;
  stderr: string;
  allocatorFailure?: AllocatorFailure;
  message: string;
  /** How the module ended, when it did: its exit code, or a trap. */
  exit?: { code: number } | { trap: string };
  /** Peak resident memory of the child, KiB, when it could be read. */
  peakRssKiB?: number;
}

/** What the parent tells the child. */
export interface SmokeChildConfig {
  target: SmokeTarget;
  path: string;
  /** Full WASI argv (wasi), or the guest command (js). */
  args: string[];
  env: { key: string; value: string }[];
}

/** Messages the child writes, one JSON object a line, on fd 3. */
export type SmokeChildMessage =
  | { event: 'started' }
  | { event: 'exit'; code: number; maxRssKiB: number }
  | { event: 'trap'; message: string; maxRssKiB: number }
  | { event: 'error'; message: string };

// ---------------------------------------------------------------------------------------------
// The 1024-byte budget

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

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

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
 * Mirrors c2w's WASI front end (reference section 6): the entrypoint, the command, every environment
 * variable and the time go, in that order, into one 1024-byte buffer. Predicts whether
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
// Allocator failures

const ALLOCATOR_NAMES = ['emmalloc', 'mimalloc', 'dlmalloc'] as const;

/** The allocator to try after `allocator` failed, for the suggestion. */
function suggestAllocator(allocator: string): string {
  if (allocator.startsWith('emmalloc') || allocator === 'default') return 'dlmalloc';
  if (allocator === 'mimalloc') return 'emmalloc';
  return 'emmalloc';
}

/**
 * Finds an allocator signature in a run's output (reference section 8, c2w issue #400):
 * `Assertion failed` together with emmalloc, mimalloc or dlmalloc, an `Aborted(` that names one,
 * or mimalloc's own error report. Returns undefined when there is none.
 */
export function classifyAllocatorFailure(output: string, allocator: string): AllocatorFailure | undefined {
  const lines = output.split(/\r?\n|\r/);
  const mentions = (l: string): string | undefined => ALLOCATOR_NAMES.find((a) => l.toLowerCase().includes(a));
  for (const raw of lines) {
    const line = raw.trim();
    let named: string | undefined;
    if (/Assertion failed/i.test(line) || /Aborted\(/.test(line)) named = mentions(line);
    else if (/^mimalloc: (error|assertion)/i.test(line)) named = 'mimalloc';
    if (!named) continue;
    // The build's own name when it is a variant of what the line shows (emmalloc-debug shows emmalloc.c).
    const blamed = allocator.startsWith(named) ? allocator : named;
    const next = suggestAllocator(blamed);
    return {
      allocator: blamed,
      line: line.length > 500 ? `${line.slice(0, 500)}…` : line,
      suggestion:
        `The ${blamed} allocator failed when the output booted (c2w issue #400). Rebuild with ` +
        `\`allocator: ${next}\`, or list allocators to try in \`allocator-fallback\`.`,
    };
  }
  return undefined;
}

/**
 * The allocator to rebuild with after `current` failed its smoke boot: the first entry of the
 * `allocator-fallback` list that is neither `current` nor already tried. undefined when none is left.
 */
export function nextFallbackAllocator<T extends string>(
  current: string,
  list: readonly T[],
  tried: readonly string[],
): T | undefined {
  return list.find((a) => a !== current && !tried.includes(a));
}

// ---------------------------------------------------------------------------------------------
// Output capture

/** Keeps the first `cap` bytes of a stream for the report, and a window of its end for matching. */
export class CappedText {
  private head = '';
  private headBytes = 0;
  private tail = '';
  truncated = false;
  constructor(
    private readonly cap: number,
    private readonly window = 64 * 1024,
  ) {}
  push(chunk: string): void {
    if (!this.truncated) {
      const bytes = utf8(chunk);
      if (this.headBytes + bytes <= this.cap) {
        this.head += chunk;
        this.headBytes += bytes;
      } else {
        const room = Buffer.from(chunk)
          .subarray(0, this.cap - this.headBytes)
          .toString();
        this.head += room;
        this.headBytes = this.cap;
        this.truncated = true;
        this.tail = chunk;
      }
    } else {
      this.tail += chunk;
    }
    if (this.tail.length > 2 * this.window) this.tail = this.tail.slice(-this.window);
  }
  /** Text the expectation is matched against: everything kept, plus the recent end past the cap. */
  get searchable(): string {
    return this.truncated ? `${this.head}\n${this.tail}` : this.head;
  }
  get text(): string {
    return this.truncated ? `${this.head}\n[… output truncated at ${this.cap} bytes]` : this.head;
  }
}

/** Peak resident set (VmHWM) of a live process, KiB; Linux only. */
function readPeakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The runner

/** The child's argv for a module: c2w's front-end option, then the command. */
export function wasiArgs(path: string, command: string[], c2wArgs = true): string[] {
  return c2wArgs ? [path, '-no-stdin', ...command] : [path, ...command];
}

export async function runSmoke(opts: SmokeOptions): Promise<SmokeResult> {
  const c2wArgs = opts.c2wArgs ?? true;
  if (opts.target === 'wasi' && c2wArgs) {
    const budget = checkEnvBudget(opts.command, opts.env);
    if (!budget.ok) {
      return { result: 'failed', seconds: 0, stdout: '', stderr: '', message: budget.message ?? '' };
    }
  }
  if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) {
    throw new Error(`smoke-timeout must be a positive number of seconds, got ${opts.timeoutSeconds}`);
  }
  const childEntry = opts.childEntry ?? process.argv[1];
  if (!childEntry) throw new Error('runSmoke: no child entry (process.argv[1] is empty)');
  const config: SmokeChildConfig = {
    target: opts.target,
    path: opts.path,
    args: opts.target === 'wasi' ? wasiArgs(opts.path, opts.command, c2wArgs) : opts.command,
    env: opts.env,
  };
  const graceMs = opts.graceMs ?? 2000;
  const cap = opts.maxOutputBytes ?? 1024 * 1024;
  const stdout = new CappedText(cap);
  const stderr = new CappedText(cap);

  // The child gets a minimal environment: nothing of the job (no GITHUB_STATE/GITHUB_OUTPUT files to
  // write by mistake, no ACTIONS_* tokens next to the module under test). The module itself only
  // ever sees smoke-env: the child builds the WASI env (or /pack/info) from `env` alone.
  const childEnv: NodeJS.ProcessEnv = { [SMOKE_CHILD_CONFIG_ENV]: JSON.stringify(config) };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    if (process.env[key] !== undefined) childEnv[key] = process.env[key];
  }
  const start = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - start) / 1e9;
  const child = spawn(
    opts.nodePath ?? process.execPath,
    ['--disable-warning=ExperimentalWarning', childEntry, SMOKE_CHILD_FLAG],
    { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: childEnv },
  );

  return await new Promise<SmokeResult>((resolve) => {
    let matchedAt: number | undefined;
    let timedOut = false;
    let finished = false;
    let peakRssKiB: number | undefined;
    let exitInfo: SmokeResult['exit'];
    let childError: string | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let spawnError: Error | undefined;

    const end = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      peakRssKiB = readPeakRss(child.pid) ?? peakRssKiB;
      child.kill('SIGTERM');
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), graceMs);
    };

    const timer = setTimeout(() => {
      if (matchedAt !== undefined) return;
      timedOut = true;
      end();
    }, opts.timeoutSeconds * 1000);

    const check = (): void => {
      if (matchedAt !== undefined || timedOut) return;
      opts.expect.lastIndex = 0;
      if (opts.expect.test(stdout.searchable)) {
        matchedAt = elapsed();
        end();
      }
    };

    const collect = (stream: Readable | null, into: CappedText, name: 'stdout' | 'stderr'): void => {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        into.push(chunk);
        opts.onOutput?.(name, chunk);
        if (name === 'stdout') check();
      });
    };
    collect(child.stdout, stdout, 'stdout');
    collect(child.stderr, stderr, 'stderr');

    // The child's reports: one JSON object a line on fd 3.
    const control = child.stdio[3] as Readable | null;
    let pending = '';
    control?.setEncoding('utf8');
    control?.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        let msg: SmokeChildMessage;
        try {
          msg = JSON.parse(line) as SmokeChildMessage;
        } catch {
          continue;
        }
        if (msg.event === 'exit') {
          exitInfo = { code: msg.code };
          peakRssKiB = msg.maxRssKiB;
        } else if (msg.event === 'trap') {
          exitInfo = { trap: msg.message };
          peakRssKiB = msg.maxRssKiB;
        } else if (msg.event === 'error') {
          childError = msg.message;
        }
      }
    });
    // The child never reads stdin; keep the pipe open and silent (a read on it blocks, as a
    // console with no input would). It is closed when the child ends.
    child.stdin?.on('error', () => undefined);
    control?.on('error', () => undefined);

    child.on('error', (err) => {
      spawnError = err;
    });

    child.on('close', (code, signal) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      child.stdin?.destroy();
      // A match in the last chunk still counts.
      check();
      const out = stdout.text;
      const err = stderr.text;
      const allocatorFailure = classifyAllocatorFailure(`${stdout.searchable}\n${stderr.searchable}`, opts.allocator);
      const what = opts.target === 'wasi' ? 'The module' : 'The js output';
      const base = {
        stdout: out,
        stderr: err,
        ...(exitInfo ? { exit: exitInfo } : {}),
        ...(peakRssKiB !== undefined ? { peakRssKiB } : {}),
      };

      if (matchedAt !== undefined) {
        resolve({
          result: 'passed',
          seconds: matchedAt,
          ...base,
          message: `${what} printed a line matching ${opts.expect} after ${matchedAt.toFixed(2)} s.`,
        });
        return;
      }
      const seconds = elapsed();
      const allocatorText = allocatorFailure
        ? ` Allocator failure (${allocatorFailure.allocator}): ${allocatorFailure.line}. ${allocatorFailure.suggestion}`
        : '';
      if (timedOut) {
        resolve({
          result: 'timeout',
          seconds,
          ...base,
          ...(allocatorFailure ? { allocatorFailure } : {}),
          message:
            `${what} printed nothing matching ${opts.expect} within smoke-timeout (${opts.timeoutSeconds} s); ` +
            `it was ended${signal ? ` by ${signal}` : ''}.${allocatorText}`,
        });
        return;
      }
      let how: string;
      if (spawnError) how = `could not be started: ${spawnError.message}`;
      else if (childError) how = `could not be run: ${childError}`;
      else if (exitInfo && 'trap' in exitInfo) how = `trapped (${exitInfo.trap})`;
      else if (exitInfo) how = `exited with code ${exitInfo.code}`;
      else if (signal) how = `was ended by ${signal}`;
      else how = `ended (the runner's exit code ${code})`;
      resolve({
        result: 'failed',
        seconds,
        ...base,
        ...(allocatorFailure ? { allocatorFailure } : {}),
        message: `${what} ${how} without printing a line matching ${opts.expect}.${allocatorText}`,
      });
    });
  });
}
