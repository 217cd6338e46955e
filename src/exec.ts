// The one seam through which the action starts processes. Tests replace `setRunner`
// instead of patching @actions/exec (ESM namespaces cannot be spied on).
import * as actionsExec from '@actions/exec';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Stream the process output to the log (default true). */
  echo?: boolean;
  /** Environment for the child; defaults to the action's own environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Called with every chunk the process writes, stdout and stderr alike. */
  onOutput?: (chunk: string) => void;
}

export type Runner = (file: string, args: string[], options?: RunOptions) => Promise<RunResult>;

/** Runs `file` with `args` as an argv array (never through a shell); never throws on a non-zero exit. */
export const execRunner: Runner = async (file, args, options = {}) => {
  const result = await actionsExec.getExecOutput(file, args, {
    ignoreReturnCode: true,
    silent: options.echo === false,
    env: options.env,
    cwd: options.cwd,
    // One stream, in order: the log reads as the process wrote it, and a ::stop-commands::
    // written to stdout around it (log.ts) cannot be overtaken by lines on another pipe.
    errStream: process.stdout,
    listeners: options.onOutput
      ? {
          stdout: (data: Buffer) => options.onOutput?.(data.toString()),
          stderr: (data: Buffer) => options.onOutput?.(data.toString()),
        }
      : undefined,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};

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
