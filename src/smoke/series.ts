// The smoke gate: `smoke-runs` boots of the output, each in its own child process (smoke.ts), the
// first one that does not pass ending the series, and the outputs it gives. The action (main.ts)
// and the command (cli/) run the same series and differ only in how a boot is shown.
import { Outputs } from '../action/outputs.js';
import type { SmokeOptions, SmokeResult } from './boot.js';
import { smokeFigures, type SmokeFigures } from './figures.js';
import type { Inputs } from '../config/types.js';

/** Characters of the guest's stdout kept in the smoke-output output. */
export const SMOKE_OUTPUT_MAX = 4096;

export type SmokeInputs = Pick<
  Inputs,
  'target' | 'allocator' | 'smokeCommand' | 'smokeExpect' | 'smokeTimeoutSeconds' | 'smokeRuns' | 'smokeEnv'
>;

export interface SmokeSeries {
  /** The last run: the one that did not pass, or the last that did. */
  last: SmokeResult;
  figures: SmokeFigures;
  /** The outputs of the series, named as action.yml names them. */
  outputs: Partial<Record<Outputs, string | number>>;
}

/**
 * Boots `path` smoke-runs times. `boot` runs one boot (runSmoke, shown the caller's way) with its
 * title, e.g. `Smoke boot 2 of 3: echo c2w-smoke-ok`.
 */
export async function smokeSeries(
  inputs: SmokeInputs,
  path: string,
  boot: (options: SmokeOptions, title: string) => Promise<SmokeResult>,
): Promise<SmokeSeries> {
  const runs: SmokeResult[] = [];
  let last: SmokeResult | undefined;
  for (let i = 1; i <= inputs.smokeRuns && (last === undefined || last.result === 'passed'); i++) {
    const title = `Smoke boot${inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : ''}: ${inputs.smokeCommand.join(' ')}`;
    last = await boot(
      {
        target: inputs.target,
        path,
        command: inputs.smokeCommand,
        expect: inputs.smokeExpect,
        timeoutSeconds: inputs.smokeTimeoutSeconds,
        env: inputs.smokeEnv,
        allocator: inputs.allocator,
      },
      title,
    );
    runs.push(last);
  }
  const figures = smokeFigures(runs);
  const output = last!.stdout.length > SMOKE_OUTPUT_MAX ? `${last!.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last!.stdout;
  return {
    last: last!,
    figures,
    outputs: {
      [Outputs.SmokeResult]: last!.result,
      [Outputs.SmokeSeconds]: figures.smokeSecondsMedian,
      [Outputs.SmokeSecondsMax]: figures.smokeSecondsMax,
      ...(figures.smokePeakRss !== undefined ? { [Outputs.SmokePeakRss]: figures.smokePeakRss } : {}),
      [Outputs.SmokeOutput]: output,
    },
  };
}
