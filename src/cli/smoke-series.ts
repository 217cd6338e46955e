// The smoke gate as the action runs it (smoke-series.ts), shown on the command's console. Shared by
// `convert` and `smoke`.
import type { SmokeResult } from '../smoke/boot.js';
import { bootSmoke } from '../smoke/runtime.js';
import { smokeSeries as runSeries, type SmokeInputs } from '../smoke/series.js';
import type { Console } from './console.js';
import type { Results } from './results.js';

export type { SmokeInputs } from '../smoke/series.js';

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
  const series = await runSeries(inputs, path, async (options, title) => {
    before();
    out.stage(title);
    const result = await bootSmoke({
      ...options,
      ...(verbose ? { onOutput: (_stream: string, chunk: string) => out.passthrough(chunk) } : {}),
    });
    out.info(result.message);
    return result;
  });
  const last = series.last;
  if (last.result !== 'passed' && !verbose) {
    // What the guest printed last, so the failure can be read without --verbose.
    const tail = `${last.stdout}\n${last.stderr}`.trim().split('\n').slice(-15).join('\n');
    if (tail) out.info(`Last lines of the boot:\n${tail}`);
  }
  Object.assign(results, series.outputs);
  return last;
}
