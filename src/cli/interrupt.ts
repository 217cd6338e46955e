// Ctrl-C. A terminal sends SIGINT to its foreground process group; the children lib/exec.ts and the
// smoke boot start lead process groups of their own (lib/processes.ts), so the command ends them: the
// first SIGINT (or SIGTERM) sends SIGTERM to every live group and lets the pipeline unwind (c2w
// exits, `convert` fails, the cache keeps its entries and drops the export folder). Unwinding needs
// a child to end: a wait with none (a stalled download, a Node `mkdir` that never settles) would
// hold the command forever. So the command also ends on its own: UNWIND_MS after the first signal,
// or at once on a second one, the live groups get SIGKILL and `onForce` ends the process.
import { liveChildren, signalGroup } from '../lib/processes.js';

/** How long the first interrupt lets the pipeline unwind before the command ends regardless. */
export const UNWIND_MS = 10_000;

export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor() {
    super('Interrupted: the children were ended; the build cache keeps what it had before this run.');
  }
}

export interface Interrupt {
  readonly interrupted: boolean;
  /** Throws InterruptedError once an interrupt came: call between stages. */
  check(): void;
  dispose(): void;
}

export function handleInterrupts(
  onInterrupt: (count: number) => void = () => undefined,
  onForce: () => void = () => process.exit(130),
  unwindMs = UNWIND_MS,
): Interrupt {
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  const force = (): void => {
    for (const child of liveChildren()) signalGroup(child, 'SIGKILL');
    onForce();
  };
  const handler = (): void => {
    count++;
    onInterrupt(count);
    if (count === 1) {
      for (const child of liveChildren()) signalGroup(child, 'SIGTERM');
      // Unref'd: a pipeline that unwinds in time ends the process as usual.
      timer = setTimeout(force, unwindMs);
      timer.unref();
    } else {
      clearTimeout(timer);
      force();
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get interrupted() {
      return count > 0;
    },
    check() {
      if (count > 0) throw new InterruptedError();
    },
    dispose() {
      clearTimeout(timer);
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
