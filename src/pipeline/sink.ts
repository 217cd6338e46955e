// How the pipeline shows a run as it goes. The pipeline (convert-image.ts, attempt.ts) is the same
// code for the action and the command; each gives it a Sink that shows the run its own way: log
// groups, the guest's output in the job log and sentences for the job summary (action/sink.ts),
// stage headings and plain lines on the terminal (cli/sink.ts). What the run learns is not shown
// here: it goes into the run's result (types/result.ts), which each front end renders at the end.
import type { SmokeResult } from '../smoke/boot.js';
import type { SeriesBootOptions } from '../smoke/series.js';

export abstract class Sink {
  /** A titled part of the run (a log group; a stage heading). */
  abstract section<T>(title: string, work: () => Promise<T>): Promise<T>;
  /**
   * Announces a stage whose module shows its own log group (the conversion): nothing more in the
   * action's log, a heading on the command's console.
   */
  abstract step(title: string): void;
  abstract info(text: string): void;
  abstract warn(text: string): void;
  /** A sentence for the end of the run (the job summary), e.g. why an allocator was rejected. */
  abstract note(text: string): void;
  /** Runs one smoke boot, shown the front end's way. */
  abstract boot(options: SeriesBootOptions, title: string): Promise<SmokeResult>;
  /** Called between steps; throws to stop the run (the command's Ctrl-C). */
  checkpoint(): void {}
}
