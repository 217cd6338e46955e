// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching node:child_process (ESM namespaces cannot be spied on).
//
// Every child leads a process group of its own (`detached: true`) and is tracked in processes.ts,
// so a cancel or a timeout ends it together with what it started (c2w's `docker buildx build`).
// Its environment is childEnv()'s: no inputs, tokens or command-file paths of the action.
import { spawn } from 'node:child_process';
import { childEnv, type EnvNeeds } from './child-env.js';
import { endGroup, startable, track } from './processes.js';

export interface RunResult {
  exitCode: number;
  /** The signal that ended the process (then exitCode is 128 + its number, as a shell reports it). */
  signal?: NodeJS.Signals;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Stream the process output to the log (default true). */
  echo?: boolean;
  /** Variables the child gets on top of childEnv(process.env, envNeeds). */
  env?: Record<string, string>;
  /** Which of the action's runtime variables the child needs (default: none). */
  envNeeds?: EnvNeeds;
  cwd?: string;
  /** Called with every chunk the process writes, stdout and stderr alike. */
  onOutput?: (chunk: string) => void;
  /** End the process group after this long: SIGTERM, then SIGKILL after `graceMs`; `run` then rejects. */
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when ending the group (default 5000). */
  graceMs?: number;
}

export type Runner = (file: string, args: string[], options?: RunOptions) => Promise<RunResult>;

export class RunTimeoutError extends Error {
  override name = 'RunTimeoutError';
}

/**
 * How long the output of a child that has exited is still waited for. The pipes close as soon as
 * the child's last byte is read when nothing else holds them (well under this); only a descendant
 * that keeps them open makes this wait its full length.
 */
export const PIPE_SETTLE_MS = 2000;

/** Signal numbers on Linux, for the shell-style exit code 128 + n. */
const SIGNAL_NUMBER: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
};

/**
 * Runs `file` with `args` as an argv array (never through a shell); never throws on a non-zero
 * exit. stdout and stderr go to the log on one stream (process.stdout), in the order they arrive:
 * a ::stop-commands:: written to stdout around the run (log.ts) cannot be overtaken by lines on
 * another pipe.
 */
export const execRunner: Runner = (file, args, options = {}) =>
  new Promise<RunResult>((resolve, reject) => {
    const echo = options.echo !== false;
    const command = [file, ...args].join(' ');
    startable(file);
    if (echo) process.stdout.write(`[command]${command}\n`);
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...childEnv(process.env, options.envNeeds), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    track(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const onData = (into: Buffer[]) => (data: Buffer) => {
      into.push(data);
      if (echo) process.stdout.write(data);
      options.onOutput?.(data.toString());
    };
    child.stdout.on('data', onData(stdout));
    child.stderr.on('data', onData(stderr));

    let timedOut = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settleTimer: NodeJS.Timeout | undefined;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            void endGroup(child, options.graceMs ?? 5000);
          }, options.timeoutMs);

    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(settleTimer);
      if (timedOut) {
        reject(
          new RunTimeoutError(
            `${command} did not finish within ${Math.round(options.timeoutMs! / 1000)} s; it was ended.`,
          ),
        );
        return;
      }
      const signal = exit?.signal ?? null;
      const result: RunResult = {
        exitCode: exit?.code ?? 128 + (SIGNAL_NUMBER[signal as NodeJS.Signals] ?? 0),
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      };
      if (signal) result.signal = signal;
      resolve(result);
    };

    child.once('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(settleTimer);
      reject(new Error(`Could not start ${file}: ${e.message}`));
    });
    // The pipes close once every process holding them has exited. A descendant that left the
    // child's process group (setsid, a daemon) is beyond endGroup's reach and may hold them for
    // ever: once the child itself has exited, its output is waited for PIPE_SETTLE_MS at most,
    // so neither the time limit nor the end of a run depends on what such a descendant does.
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      settleTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, PIPE_SETTLE_MS);
    });
    child.once('close', (code, signal) => {
      exit ??= { code, signal };
      finish();
    });
  });

let current: Runner = execRunner;

export function run(file: string, args: string[], options?: RunOptions): Promise<RunResult> {
  return current(file, args, options);
}

/** Test seam: replace the runner; returns a function that restores the previous one. */
export function setRunner(runner: Runner): () => void {
  const previous = current;
  current = runner;
  return () => {
    current = previous;
  };
}
