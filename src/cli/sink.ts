// The command's sink for the pipeline: a section is a stage heading; a boot streams the guest's output as it is with --verbose, and
// otherwise shows the last lines of a boot that did not pass, so a failure reads either way.
import type { SmokeResult } from '../smoke/boot.js';
import { bootSmoke } from '../smoke/runtime.js';
import type { SeriesBootOptions } from '../smoke/series.js';
import { Sink } from '../pipeline/sink.js';
import type { Console } from './console.js';
import type { Interrupt } from './interrupt.js';

/** Lines of the guest's output shown for a failed boot without --verbose. */
export const FAILED_BOOT_TAIL_LINES = 15;

export class ConsoleSink extends Sink {
  constructor(
    private readonly out: Console,
    private readonly verbose: boolean,
    private readonly interrupt: Pick<Interrupt, 'check'>,
  ) {
    super();
  }

  async section<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.out.stage(title);
    return work();
  }

  step(title: string): void {
    this.out.stage(title);
  }

  info(text: string): void {
    this.out.info(text);
  }

  warn(text: string): void {
    this.out.warning(text);
  }

  note(text: string): void {
    this.out.info(text);
  }

  override checkpoint(): void {
    this.interrupt.check();
  }

  async boot(options: SeriesBootOptions, title: string): Promise<SmokeResult> {
    this.out.stage(title);
    const out = this.out;
    const result = await bootSmoke({
      ...options,
      ...(this.verbose ? { log: { write: (chunk: string) => (out.passthrough(chunk), true), once: () => out } } : {}),
    });
    this.out.info(result.message);
    if (result.result !== 'passed' && !this.verbose) {
      const tail = failedBootTail(result);
      if (tail) this.out.info(`Last lines of the boot:\n${tail}`);
    }
    return result;
  }
}

/** The last lines the guest printed, stdout then stderr. Pure. */
export function failedBootTail(result: Pick<SmokeResult, 'stdout' | 'stderr'>): string {
  return `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-FAILED_BOOT_TAIL_LINES).join('\n');
}
