// The smoke gate as the action runs it (main.ts): `smoke-runs` boots of the output, each in its own
// child process through smoke.ts's runSmoke, the first one that does not pass ending the series; the
// figures and the output named like the action's outputs. Shared by `convert` and `smoke`.
import { Outputs } from '../outputs.js';
import { runSmoke, type SmokeResult } from '../smoke.js';
import { smokeFigures } from '../smoke-figures.js';
import type { Inputs } from '../types.js';
import type { Console } from './console.js';
import { SMOKE_OUTPUT_MAX, type Results } from './results.js';

export type SmokeInputs = Pick<
  Inputs,
  'target' | 'allocator' | 'smokeCommand' | 'smokeExpect' | 'smokeTimeoutSeconds' | 'smokeRuns' | 'smokeEnv'
>;

/** Boots `path`; returns the last run (the failing one, or the last that passed). */
export async function smokeSeries(
  inputs: SmokeInputs,
  path: string,
  out: Console,
  results: Results,
  verbose: boolean,
  /** Called before each boot; throws to stop (an interrupt). */
  before: () => void = () => undefined,
): Promise<SmokeResult> {
  const runs: SmokeResult[] = [];
  let result: SmokeResult | undefined;
  for (let i = 1; i <= inputs.smokeRuns && (result === undefined || result.result === 'passed'); i++) {
    before();
    out.stage(
      `Smoke boot${inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : ''}: ${inputs.smokeCommand.join(' ')}`,
    );
    result = await runSmoke({
      target: inputs.target,
      path,
      command: inputs.smokeCommand,
      expect: inputs.smokeExpect,
      timeoutSeconds: inputs.smokeTimeoutSeconds,
      env: inputs.smokeEnv,
      allocator: inputs.allocator,
      ...(verbose ? { onOutput: (_stream: string, chunk: string) => out.passthrough(chunk) } : {}),
    });
    runs.push(result);
    out.info(result.message);
  }
  const last = result!;
  if (last.result !== 'passed' && !verbose) {
    // What the guest printed last, so the failure can be read without --verbose.
    const tail = `${last.stdout}\n${last.stderr}`.trim().split('\n').slice(-15).join('\n');
    if (tail) out.info(`Last lines of the boot:\n${tail}`);
  }
  const figures = smokeFigures(runs);
  results[Outputs.SmokeResult] = last.result;
  results[Outputs.SmokeSeconds] = figures.smokeSecondsMedian;
  results[Outputs.SmokeSecondsMax] = figures.smokeSecondsMax;
  if (figures.smokePeakRss !== undefined) results[Outputs.SmokePeakRss] = figures.smokePeakRss;
  results[Outputs.SmokeOutput] =
    last.stdout.length > SMOKE_OUTPUT_MAX ? `${last.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last.stdout;
  return last;
}
