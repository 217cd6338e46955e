// What the pipeline tells its front end. The pipeline (convert-image.ts, attempt.ts) is the same
// code for the action and the command; each gives it a Sink that shows the run its own way: the
// action as outputs, log groups and the job summary (action/sink.ts), the command as stage lines
// and its results (cli/sink.ts). Every fact is stored once, in the sink's RunFacts, named as
// action.yml names the output; what a front end writes at the end (the summary, the cell record,
// --json) is read from there.
import type { Outputs } from '../action/outputs.js';
import type { RunStage } from '../types/stages.js';

export type { RunStage };
import type { SmokeResult } from '../smoke/boot.js';
import type { SeriesBootOptions, SeriesFigures } from '../smoke/series.js';

export type Value = string | number | boolean;
export type Facts = Partial<Record<Outputs, Value>>;

/** The facts of one run: the outputs in the order they were learned, and what the cell record needs besides. */
export class RunFacts {
  readonly values: Facts = {};
  /** Where the run is (where a failure is recorded). */
  stage: RunStage = 'install';
  /** Allocators whose build failed its smoke boot, in order, with the line that showed it. */
  rejected: { allocator: string; line: string }[] = [];
  /** The figures of the last smoke series, per runtime. */
  smokeFigures?: SeriesFigures;
  /** The release the run uploaded to, and the assets it put there. */
  release?: { id: string; assets: string[] };
}

export abstract class Sink {
  readonly facts = new RunFacts();

  /** A fact the run learned, under its output's name: stored, then shown. */
  fact(name: Outputs, value: Value): void {
    this.facts.values[name] = value;
    this.show(name, value);
  }

  stage(stage: RunStage): void {
    this.facts.stage = stage;
  }

  /** How the front end shows a fact as it is learned (an output at once; nothing, for the command). */
  protected abstract show(name: Outputs, value: Value): void;
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
