// How a stage tells a person what it does. Stage modules write through `log` and never through
// @actions/core or process.stdout; each front end installs its own Log with setLog before it runs a
// stage: the action's writes workflow commands (action/log.ts), the command's writes plain lines
// to a terminal (cli/console.ts). It is one seam, as exec.ts's setRunner is for processes; nothing
// reads the log back.

export interface Log {
  info(text: string): void;
  warning(text: string): void;
  error(text: string): void;
  /** A line worth an annotation of its own, below a warning (the Actions log's notice). */
  notice(text: string): void;
  /** Shown only when asked for (the runner's step debug logging; the command's --verbose). */
  debug(text: string): void;
  /** A titled part of the log (a folded group in the Actions log). */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  /** A value that must never appear in the log (the runner masks it). */
  mask?(secret: string): void;
  /** The echo of a process being started: its argv joined. */
  command(line: string): void;
  /** Output of a child process, as it comes. */
  output(chunk: string | Uint8Array): void;
  /**
   * Runs `work`, whose `output` the action does not control (the build log): never read as
   * workflow commands in the Actions log; shown as progress lines by the command.
   */
  untrusted<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Plain lines on a stream, for a process no front end has set up (a unit test, a script importing
 * a stage module): warnings and errors prefixed, groups as a heading line, debug dropped.
 */
export function plainLog(stream: { write(chunk: string | Uint8Array): unknown } = process.stderr): Log {
  const line = (prefix: string) => (text: string) => void stream.write(`${prefix}${text}\n`);
  return {
    info: line(''),
    warning: line('warning: '),
    error: line('error: '),
    notice: line('note: '),
    debug: () => undefined,
    group: async (title, work) => {
      stream.write(`${title}\n`);
      return work();
    },
    command: line('$ '),
    output: (chunk) => void stream.write(chunk),
    untrusted: (work) => work(),
  };
}

let current: Log = plainLog();

/** The log the stages write to; calls go to whatever setLog installed last. */
export const log: Required<Log> = {
  info: (text) => current.info(text),
  warning: (text) => current.warning(text),
  error: (text) => current.error(text),
  notice: (text) => current.notice(text),
  debug: (text) => current.debug(text),
  group: (title, work) => current.group(title, work),
  mask: (secret) => current.mask?.(secret),
  command: (line) => current.command(line),
  output: (chunk) => current.output(chunk),
  untrusted: (work) => current.untrusted(work),
};

/** The front end's seam: installs `next`; returns a function that restores the previous log. */
export function setLog(next: Log): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}
