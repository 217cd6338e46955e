// The action's sink for the pipeline: a section is a log group; a note is a sentence of the job
// summary; a smoke boot streams the guest's output into its group, between stop-commands, so nothing
// it prints is taken for a workflow command. The run's facts are not here: main renders its result.
import * as core from '@actions/core';
import type { SmokeResult } from '../smoke/boot.js';
import { bootSmoke } from '../smoke/runtime.js';
import type { SeriesBootOptions } from '../smoke/series.js';
import { withoutWorkflowCommands } from '../lib/workflow-log.js';
import { Sink } from '../pipeline/sink.js';
import { JobSummary } from './job-summary.js';

export class ActionSink extends Sink {
  readonly summary = new JobSummary();

  section<T>(title: string, work: () => Promise<T>): Promise<T> {
    return core.group(title, work);
  }

  step(): void {}

  info(text: string): void {
    core.info(text);
  }

  warn(text: string): void {
    core.warning(text);
  }

  note(text: string): void {
    this.summary.note(text);
  }

  async boot(options: SeriesBootOptions, title: string): Promise<SmokeResult> {
    const result = await core.group(title, () =>
      withoutWorkflowCommands(() => bootSmoke({ ...options, log: process.stdout })),
    );
    core.info(result.message);
    return result;
  }
}
