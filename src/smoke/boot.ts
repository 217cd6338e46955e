// The smoke boot's runner: run what c2w built, in Node, in a child process, and see whether it
// answers. What happens during the run is collected into one SmokeEvents object; what it means is
// decided at the end by decideSmokeResult, a pure function.
//
// The module runs in a child process rather than a worker thread: `worker.terminate()` cannot
// interrupt a long blocking WASI call (a 60 s poll_oneoff, a read on a silent pipe), and a js
// (emscripten, pthreads) output never exits on its own. A child can always be killed. It leads a
// process group of its own (`detached: true`) so that ending it ends whatever it started too.
// The child is the bundle itself started with SMOKE_CHILD_FLAG (see child.ts, and protocol.ts for
// what the two share); the module's environment is built only from `smoke-env`. It boots the output
// staged in a scratch folder (hard links: sandbox.ts, stageOutput) inside the operating-system
// boundary of confine.ts when this machine can make one (own PID, mount and network namespaces,
// another user), and in any case under Node's permission model (sandbox.ts): it can read only that
// folder and its own script, write nothing, and start no process. `sandbox: 'required'` refuses to boot where no boundary can be made.
//
// The time limit holds whatever the child does: at smoke-timeout (or a match) its group gets SIGTERM,
// SIGKILL after the grace; when it exits, SIGKILL for whatever it left in its group; and the run ends
// SETTLE_MS after that even if something still holds its pipes open (the wait is not for 'close').
// Inside the boundary the child's stdin is its lifeline instead: closing it ends the namespace (after
// the grace), which holds also where the action may not signal the boundary's processes (sudo).
import { spawn } from 'node:child_process';
import {
  closeSync,
  constants as fsConstants,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
} from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { Socket } from 'node:net';
import { constants as osConstants } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { Readable } from 'node:stream';
import { classifyAllocatorFailure, type AllocatorFailure } from '../c2w/allocators.js';
import { checkEnvBudget } from '../c2w/boot-info.js';
import { signalGroup, track } from '../lib/processes.js';
import { compileExpectation, showPattern, StreamMatcher } from './expect.js';
import { CappedLog, CappedText, type LogSink } from './output.js';
import {
  ControlLines,
  parseChildMessage,
  SMOKE_CHILD_CONFIG_ENV,
  SMOKE_CHILD_CONFIG_FILE_ENV,
  SMOKE_CHILD_FLAG,
  SMOKE_CONTROL_FD,
  type SmokeChildConfig,
} from './protocol.js';
import {
  BASH_PLAIN,
  confinedArgv,
  describeBoundary,
  findBoundary,
  mkfifo,
  type Boundary,
  type BoundaryVia,
} from './confine.js';
import { CONFIG_FILE, nodeVersionOf, sandboxFlags, stageOutput, type StagedOutput } from './sandbox.js';
import type { Pattern, SmokeSandbox, Target } from '../types/inputs.js';

export class SmokeError extends Error {
  override name = 'SmokeError';
}

export interface SmokeOptions {
  target: Target;
  /** The wasm file (wasi), or the js output directory (js). */
  path: string;
  /** The guest command (argv); empty runs the image's own CMD. */
  command: string[];
  /** Matched against the module's stdout (with RE2, see smoke/expect.ts). */
  expect: Pattern;
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
  /** Streams the child's stdout and stderr as they come (e.g. process.stdout, the job log). */
  log?: LogSink;
  /** Bytes streamed to `log` before it is cut with a note (default 1 MiB). */
  maxLogBytes?: number;
  /** Where the output's scratch folder is made (default os.tmpdir()). */
  scratchDir?: string;
  /** smoke-sandbox: `required` boots nothing where no boundary can be made (default `auto`). */
  sandbox?: SmokeSandbox;
  /** The boundary to use (default: what findBoundary() finds on this machine). */
  boundary?: Boundary;
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
  /** Peak resident memory of the child, KiB, when it could be read (browser: the page's renderer). */
  peakRssKiB?: number;
  /** Where it booted: in Node (the default) or in a browser page. */
  runtime?: 'node' | 'browser';
  /** browser: the page's terminal screen at the end. */
  screen?: string;
  /** node: the operating-system boundary the boot ran in (or would have), and in words. */
  sandbox?: Boundary & { text: string };
}

/** What happened during a run, as the runner saw it. */
export interface SmokeEvents {
  /** Seconds from the start to the first match of the expectation. */
  matchedAt?: number;
  /** smoke-timeout ran out before a match. */
  timedOut?: boolean;
  /** What the child reported about the module: its exit code, or a trap. */
  exit?: { code: number } | { trap: string };
  /** The child could not run the module (bad configuration, no such file…). */
  childError?: string;
  /** The child process could not be started. */
  spawnError?: string;
  /** How the child process ended. */
  code?: number | null;
  signal?: NodeJS.Signals | null;
  /** Seconds from the start to the end of the child process. */
  endedAt: number;
  peakRssKiB?: number;
  /** Report lines that were not a SmokeChildMessage (ignored). */
  badReports?: number;
}

/** What decideSmokeResult needs besides the events. */
export interface SmokeContext {
  target: Target;
  /** The expectation, as it is shown in messages (`/^c2w-smoke-ok\s*$/m`). */
  expect: string;
  timeoutSeconds: number;
  allocator: string;
  /** The report's copies of the output. */
  stdout: string;
  stderr: string;
  /** The output an allocator failure is looked for in. */
  searchable: string;
}

/**
 * `text` on one line, its control characters written as escapes (`\n`, `\u001b`): what the guest or
 * its report channel says goes into a message as data. A workflow command is a line that starts
 * with `::` (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions), and
 * a message starts with our own words, so none can start one.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The end of a run: what it means for the user. No I/O. */
export function decideSmokeResult(ev: SmokeEvents, ctx: SmokeContext): SmokeResult {
  const what = ctx.target === 'wasi' ? 'The module' : 'The js output';
  const base = {
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    ...(ev.exit ? { exit: ev.exit } : {}),
    ...(ev.peakRssKiB !== undefined ? { peakRssKiB: ev.peakRssKiB } : {}),
  };
  if (ev.matchedAt !== undefined) {
    return {
      result: 'passed',
      seconds: ev.matchedAt,
      ...base,
      message: `${what} printed a line matching ${ctx.expect} after ${ev.matchedAt.toFixed(2)} s.`,
    };
  }
  const allocatorFailure = classifyAllocatorFailure(ctx.searchable, ctx.allocator);
  const allocatorText = allocatorFailure
    ? ` Allocator failure (${allocatorFailure.allocator}): ${oneLine(allocatorFailure.line)}. ${allocatorFailure.suggestion}`
    : '';
  const failed = { seconds: ev.endedAt, ...base, ...(allocatorFailure ? { allocatorFailure } : {}) };
  if (ev.timedOut) {
    return {
      result: 'timeout',
      ...failed,
      message:
        `${what} printed nothing matching ${ctx.expect} within smoke-timeout (${ctx.timeoutSeconds} s); ` +
        `it was ended${ev.signal ? ` by ${ev.signal}` : ''}.${allocatorText}`,
    };
  }
  let how: string;
  if (ev.spawnError) how = `could not be started: ${oneLine(ev.spawnError)}`;
  else if (ev.childError) how = `could not be run: ${oneLine(ev.childError)}`;
  else if (ev.exit && 'trap' in ev.exit) how = `trapped (${oneLine(ev.exit.trap)})`;
  else if (ev.exit) how = `exited with code ${ev.exit.code}`;
  else if (ev.signal) how = `was ended by ${ev.signal}`;
  else how = `ended (the runner's exit code ${ev.code ?? 'unknown'})`;
  return {
    result: 'failed',
    ...failed,
    message: `${what} ${how} without printing a line matching ${ctx.expect}.${allocatorText}`,
  };
}

/** The child's argv for a module: c2w's front-end option, then the command. */
export function wasiArgs(path: string, command: string[], c2wArgs = true): string[] {
  return c2wArgs ? [path, '-no-stdin', ...command] : [path, ...command];
}

/** Variables of the action's environment the smoke child keeps. */
const CHILD_ENV_KEPT = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'RUNNER_TRACKING_ID'] as const;

/**
 * The smoke child's environment: its configuration, and of the action's environment only what a
 * Node process needs, plus RUNNER_TRACKING_ID, which the Actions runner sets to find the processes
 * a job left behind and end them. Nothing else of the job: no GITHUB_STATE/GITHUB_OUTPUT files to
 * write by mistake, no ACTIONS_* or INPUT_* tokens next to the module under test. The module itself
 * only ever sees smoke-env: the child builds the WASI env (or /pack/info) from the configuration.
 */
export function smokeChildEnv(config: SmokeChildConfig, parentEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { [SMOKE_CHILD_CONFIG_ENV]: JSON.stringify(config) };
  for (const key of CHILD_ENV_KEPT) {
    if (parentEnv[key] !== undefined) env[key] = parentEnv[key];
  }
  return env;
}

/** Peak resident set (VmHWM) of a live process, KiB; Linux only. */
export function readPeakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The largest peak resident set of `pid` and its descendants (the boundary's processes and the child). */
export function readPeakRssTree(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  let peak = readPeakRss(pid);
  const seen = new Set<number>([pid]);
  const queue = [pid];
  while (queue.length > 0 && seen.size < 256) {
    const p = queue.shift()!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children: number[] = [];
      try {
        children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        // gone meanwhile
      }
      for (const c of children) {
        if (seen.has(c)) continue;
        seen.add(c);
        queue.push(c);
        const rss = readPeakRss(c);
        if (rss !== undefined && (peak === undefined || rss > peak)) peak = rss;
      }
    }
  }
  return peak;
}

/** The signal a shell's `128 + N` exit status stands for (the boundary's init exits so), if any. */
export function signalOfStatus(code: number | null): NodeJS.Signals | undefined {
  if (code === null || code <= 128) return undefined;
  const found = Object.entries(osConstants.signals).find(([, n]) => n === code - 128);
  return found?.[0] as NodeJS.Signals | undefined;
}

/**
 * Reads the child's reports (one JSON object a line, bounded: see ControlLines) into `ev`. Only the
 * first exit or trap counts; a line that is not a report is counted and ignored.
 */
function readControl(control: Readable | null, ev: SmokeEvents): (chunk: string) => void {
  const lines = new ControlLines();
  control?.setEncoding('utf8');
  control?.on('error', () => undefined);
  const feed = (chunk: string): void => {
    for (const line of lines.push(chunk)) {
      const msg = parseChildMessage(line);
      if (!msg) {
        ev.badReports = (ev.badReports ?? 0) + 1;
      } else if ((msg.event === 'exit' || msg.event === 'trap') && ev.exit === undefined) {
        ev.exit = msg.event === 'exit' ? { code: msg.code } : { trap: msg.message };
        ev.peakRssKiB = msg.maxRssKiB;
      } else if (msg.event === 'error') {
        ev.childError ??= msg.message;
      }
    }
  };
  control?.on('data', feed);
  return feed;
}

/** What is left in the FIFO at `path`, read without blocking (a second reader of it). */
function drainFifo(path: string): string {
  let fd: number | undefined;
  const chunks: Buffer[] = [];
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const buf = Buffer.alloc(64 * 1024);
    for (let total = 0; total < 1024 * 1024;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
    }
  } catch {
    // EAGAIN: nothing (more) in it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Time the run waits, after the child's group was killed or the child exited, for its pipes to close. */
export const SETTLE_MS = 1000;

/** A run refused before anything started. */
const refusedRun = (target: Target, why: string): SmokeResult => ({
  result: 'failed',
  seconds: 0,
  stdout: '',
  stderr: '',
  message: `${target === 'wasi' ? 'The module' : 'The js output'} could not be started: ${oneLine(why)}.`,
});

export async function runSmoke(opts: SmokeOptions): Promise<SmokeResult> {
  const c2wArgs = opts.c2wArgs ?? true;
  if (opts.target === 'wasi' && c2wArgs) {
    const budget = checkEnvBudget(opts.command, opts.env);
    if (!budget.ok) {
      return { result: 'failed', seconds: 0, stdout: '', stderr: '', message: budget.message ?? '' };
    }
  }
  if (!Number.isFinite(opts.timeoutSeconds) || opts.timeoutSeconds <= 0) {
    throw new SmokeError(`smoke-timeout must be a positive number of seconds, got ${opts.timeoutSeconds}`);
  }
  const childEntry = opts.childEntry ?? process.argv[1];
  if (!childEntry) throw new SmokeError('runSmoke: no child entry (process.argv[1] is empty)');
  const nodePath = opts.nodePath ?? process.execPath;
  const version = nodeVersionOf(nodePath);
  if (!version) return refusedRun(opts.target, `${nodePath} --version did not answer with a Node version`);
  const allowed = sandboxFlags(version, opts.target, []);
  if ('refused' in allowed) return refusedRun(opts.target, allowed.refused);
  const boundary = opts.boundary ?? (await findBoundary());
  const sandbox = { ...boundary, text: describeBoundary(boundary) };
  if (boundary.kind === 'none' && opts.sandbox === 'required') {
    return {
      result: 'failed',
      seconds: 0,
      stdout: '',
      stderr: '',
      sandbox,
      message:
        `${opts.target === 'wasi' ? 'The module' : 'The js output'} was not booted: smoke-sandbox is required, ` +
        `and this machine gives ${oneLine(sandbox.text)}.`,
    };
  }
  let staged: StagedOutput;
  try {
    staged = await stageOutput(opts.path, opts.scratchDir);
  } catch (e) {
    return { ...refusedRun(opts.target, `its scratch folder could not be made: ${(e as Error).message}`), sandbox };
  }
  try {
    // The real path: the boundary binds the entry's real folder (confine.ts), and the model must allow that one.
    const entryDir = dirname(boundary.kind === 'namespaces' ? realOrResolved(childEntry) : resolvePath(childEntry));
    const flags = sandboxFlags(version, opts.target, [staged.dir, entryDir], staged.guard);
    const plan = {
      childEntry,
      nodePath,
      flags: 'flags' in flags ? flags.flags : [],
      path: staged.path,
      cwd: staged.dir,
      ...(boundary.kind === 'namespaces' ? { confined: { via: boundary.via, staged } } : {}),
    };
    return { ...(await boot(opts, plan)), sandbox };
  } finally {
    await staged.remove().catch(() => undefined);
  }
}

/** `path` with its links resolved, or as given (made absolute) when it cannot be. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolvePath(path);
  }
}

interface BootPlan {
  childEntry: string;
  nodePath: string;
  /** Node options of the sandbox. */
  flags: string[];
  /** The scratch copy of the output that is booted. */
  path: string;
  cwd: string;
  /** Boot inside the boundary made `via` (confine.ts), staged in `staged`. */
  confined?: { via: BoundaryVia; staged: StagedOutput };
}

/** How the child is started: the argv and options of spawn, and the report channel when it is a FIFO. */
interface Launch {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The report FIFO (inside the boundary); else the channel is the child's fd 3. */
  control?: string;
}

/**
 * Without the boundary: closes every descriptor above 3 (the report channel), then runs the
 * command. Whatever the action inherited without close-on-exec reaches every process it spawns,
 * and the guest reads a descriptor by number without any path check (the permission model checks
 * paths). bash, because `exec {n}<&-` closes any descriptor number (dash only 0-9); /proc/self is
 * this shell.
 */
export const CLOSE_INHERITED = `for fd in /proc/self/fd/*; do
  fd=\${fd##*/}
  if [ "$fd" -gt 3 ] && [ -e "/proc/self/fd/$fd" ]; then exec {fd}<&-; fi
done
exec "$@"`;

/** The bash that runs CLOSE_INHERITED, where there is one and /proc says which descriptors are open. */
function closingShell(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  return ['/usr/bin/bash', '/bin/bash'].find((p) => existsSync(p) && existsSync('/proc/self/fd'));
}

async function launch(config: SmokeChildConfig, plan: BootPlan, graceMs: number): Promise<Launch> {
  const node = [plan.nodePath, ...plan.flags, plan.childEntry, SMOKE_CHILD_FLAG];
  if (!plan.confined) {
    const bash = closingShell();
    const argv = bash ? [bash, ...BASH_PLAIN, '-c', CLOSE_INHERITED, 'c2w-smoke', ...node] : node;
    return { argv, env: smokeChildEnv(config, process.env), cwd: plan.cwd };
  }
  const { via, staged } = plan.confined;
  const rootDir = join(staged.home, 'root');
  const control = join(staged.home, 'control');
  const configFile = join(staged.dir, CONFIG_FILE);
  await mkdir(rootDir);
  await mkfifo(control);
  await writeFile(configFile, JSON.stringify(config), { mode: 0o644, flag: 'wx' });
  // Inside, /tmp is the boundary's own; the configuration is a file (sudo resets the environment).
  const env = smokeChildEnv(config, { ...process.env, HOME: '/tmp', TMPDIR: '/tmp' });
  delete env[SMOKE_CHILD_CONFIG_ENV];
  env[SMOKE_CHILD_CONFIG_FILE_ENV] = configFile;
  const nodePath = realpathSync(plan.nodePath);
  const entry = realpathSync(plan.childEntry);
  const argv = confinedArgv(via, {
    rootDir,
    control,
    graceSeconds: graceMs / 1000,
    binds: [nodePath, dirname(entry), staged.dir],
    command: [
      'env',
      '-i',
      ...Object.entries(env).map(([k, v]) => `${k}=${v ?? ''}`),
      nodePath,
      ...plan.flags,
      entry,
      SMOKE_CHILD_FLAG,
    ],
  });
  return { argv, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: staged.home, control };
}

async function boot(opts: SmokeOptions, plan: BootPlan): Promise<SmokeResult> {
  const c2wArgs = opts.c2wArgs ?? true;
  const matcher = new StreamMatcher(compileExpectation(opts.expect.source, opts.expect.flags));
  const config: SmokeChildConfig = {
    target: opts.target,
    path: plan.path,
    // argv[0] stays the output's own path: the guest sees the name it was built with.
    args: opts.target === 'wasi' ? wasiArgs(opts.path, opts.command, c2wArgs) : opts.command,
    env: opts.env,
  };
  const graceMs = opts.graceMs ?? 2000;
  const cap = opts.maxOutputBytes ?? 1024 * 1024;
  const stdout = new CappedText(cap);
  const stderr = new CappedText(cap);
  const log = opts.log ? new CappedLog(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;

  let how: Launch;
  try {
    how = await launch(config, plan, graceMs);
  } catch (e) {
    return refusedRun(opts.target, `its boundary could not be prepared: ${(e as Error).message}`);
  }
  const start = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - start) / 1e9;
  const ev: SmokeEvents = { endedAt: 0 };
  // The report FIFO is held open for reading and writing: opening never blocks, and it never ends.
  const fifo = how.control
    ? new Socket({
        fd: openSync(how.control, fsConstants.O_RDWR | fsConstants.O_NONBLOCK),
        readable: true,
        writable: false,
      })
    : undefined;
  const child = spawn(how.argv[0]!, how.argv.slice(1), {
    stdio: how.control ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'pipe'],
    env: how.env,
    cwd: how.cwd,
    detached: true,
  });
  track(child);
  const outputs = [child.stdout, child.stderr].filter((s): s is Readable => s !== null);
  const control = fifo ?? (child.stdio[SMOKE_CONTROL_FD] as Readable | null);

  await new Promise<void>((resolve) => {
    let killTimer: NodeJS.Timeout | undefined;
    let settleTimer: NodeJS.Timeout | undefined;
    let ending = false;
    let exited = false;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      if (settleTimer) clearTimeout(settleTimer);
      // What the child reported just before it ended may still be in the FIFO (its 'close' does not
      // wait for the FIFO as it waits for a pipe of its own).
      if (how.control) feed(drainFifo(how.control));
      // Whoever still holds the pipes (nothing can, in the sandbox) is not waited for.
      for (const s of [...outputs, control]) s?.destroy();
      child.stdin?.destroy();
      log?.close();
      if (!exited) ev.endedAt = elapsed();
      resolve();
    };
    const settle = (): void => {
      settleTimer ??= setTimeout(finish, SETTLE_MS);
    };
    const end = (): void => {
      // From now on the output is read to its end whatever the log's reader does (it may be stuck;
      // what still goes to the log is bounded by its cap), so that the child's pipes close.
      ending = true;
      for (const s of outputs) s.resume();
      if (exited) return;
      ev.peakRssKiB = (plan.confined ? readPeakRssTree(child.pid) : readPeakRss(child.pid)) ?? ev.peakRssKiB;
      signalGroup(child, 'SIGTERM');
      // The boundary's lifeline: its init sends SIGTERM, then SIGKILL after the grace, and ends.
      if (plan.confined) child.stdin?.destroy();
      killTimer ??= setTimeout(() => {
        signalGroup(child, 'SIGKILL');
        settle();
      }, graceMs);
    };
    const timer = setTimeout(() => {
      if (ev.matchedAt !== undefined) return;
      ev.timedOut = true;
      end();
    }, opts.timeoutSeconds * 1000);

    const collect = (stream: Readable | null, into: CappedText, name: 'stdout' | 'stderr'): void => {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        into.push(chunk);
        if (name === 'stdout' && ev.matchedAt === undefined && !ev.timedOut && matcher.push(chunk)) {
          ev.matchedAt = elapsed();
          end();
        }
        if (log && !log.write(chunk) && !ending) {
          // The log's reader is slow: stop reading the child until it catches up.
          for (const s of outputs) s.pause();
          log.whenDrained(() => {
            for (const s of outputs) s.resume();
          });
        }
      });
    };
    collect(child.stdout, stdout, 'stdout');
    collect(child.stderr, stderr, 'stderr');
    // The output has ended: a match may now reach its very end (a last line without \n).
    child.stdout?.on('end', () => {
      if (ev.matchedAt === undefined && !ev.timedOut && matcher.finish()) ev.matchedAt = elapsed();
    });
    const feed = readControl(control, ev);
    // The child never reads stdin; keep the pipe open and silent (a read on it blocks, as a
    // console with no input would). It is closed when the child ends.
    child.stdin?.on('error', () => undefined);
    child.on('error', (err) => {
      ev.spawnError = err.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      // The boundary's init ends as a shell does: 128 + N for a child that a signal ended.
      const bySignal = plan.confined ? signalOfStatus(code) : undefined;
      ev.code = bySignal ? null : code;
      ev.signal = bySignal ?? signal;
      ev.endedAt = elapsed();
      // Whatever the child left in its group goes with it; its pipes get SETTLE_MS to drain.
      signalGroup(child, 'SIGKILL');
      for (const s of outputs) s.resume();
      settle();
    });
    child.on('close', finish);
  });

  return decideSmokeResult(ev, {
    target: opts.target,
    expect: showPattern(opts.expect),
    timeoutSeconds: opts.timeoutSeconds,
    allocator: opts.allocator,
    stdout: stdout.text,
    stderr: stderr.text,
    searchable: `${stdout.searchable}\n${stderr.searchable}`,
  });
}
