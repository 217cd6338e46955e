// Ctrl-C. A terminal sends SIGINT to its foreground process group; the children exec.ts and the
// smoke boot start lead process groups of their own (processes.ts), so the command ends them: the
// first SIGINT (or SIGTERM) sends SIGTERM to every live group and lets the pipeline unwind (c2w
// exits, `convert` fails, the cache keeps its entries and drops the export folder); a second one
// sends SIGKILL. The process is never ended from the handler, so a cache rotation in progress
// finishes.
import { liveChildren, signalGroup } from '../lib/processes.js';

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

export function handleInterrupts(onInterrupt: (count: number) => void = () => undefined): Interrupt {
  let count = 0;
  const handler = (): void => {
    count++;
    onInterrupt(count);
    for (const child of liveChildren()) signalGroup(child, count === 1 ? 'SIGTERM' : 'SIGKILL');
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
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
