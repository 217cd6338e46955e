// The smoke gate: for each runtime of smoke-runtime (node, then browser), `smoke-runs` boots of the
// output, the first one that does not pass ending the series, and what each runtime's boots gave. Node boots
// run in a child process (boot.ts), browser boots in a headless browser's page (browser/boot.ts). The
// action (action/main.ts) and the command (cli/) run the same series and differ only in how a boot is shown.
import type { SmokeOptions, SmokeResult } from './boot.js';
import { smokeFigures } from './figures.js';
import type { Inputs, SmokeRuntime } from '../types/inputs.js';
import type { SmokeResultSet, SmokeRuntimeResult } from '../types/result.js';

/** Characters of the guest's stdout a runtime's result keeps. */
export const SMOKE_OUTPUT_MAX = 4096;

export type SmokeInputs = Pick<
  Inputs,
  'target' | 'allocator' | 'smokeCommand' | 'smokeExpect' | 'smokeTimeoutSeconds' | 'smokeRuns' | 'smokeEnv'
> &
  Partial<Pick<Inputs, 'smokeRuntime' | 'smokeBrowser' | 'site' | 'smokeSandbox'>>;

/** One boot's options: Node's, plus where it runs and, for a browser, which binary and site. */
export interface SeriesBootOptions extends SmokeOptions {
  runtime: SmokeRuntime;
  /** smoke-browser */
  browser?: string;
  /** The site folder already written for this output (`site`), booted as it will be deployed. */
  site?: string;
}

export interface SmokeSeries {
  /** The last run: the one that did not pass, or the last that did. */
  last: SmokeResult;
  /** What the series gave, per runtime that booted. */
  result: SmokeResultSet;
}

/** One runtime's result from its runs (at least one). Pure. */
export function runtimeResult(runs: readonly SmokeResult[]): SmokeRuntimeResult {
  const last = runs[runs.length - 1]!;
  const f = smokeFigures(runs);
  const sandbox = runs[0]?.sandbox;
  return {
    result: last.result,
    runs: f.smokeRuns,
    secondsMedian: f.smokeSecondsMedian,
    secondsMax: f.smokeSecondsMax,
    ...(f.smokePeakRss !== undefined ? { peakMemory: f.smokePeakRss } : {}),
    output: last.stdout.length > SMOKE_OUTPUT_MAX ? `${last.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last.stdout,
    ...(sandbox ? { sandbox: { kind: sandbox.kind, text: sandbox.text } } : {}),
  };
}

/** The series' result: the last boot's, and each runtime's that booted. Pure. */
export function seriesResult(last: SmokeResult, runs: Partial<Record<SmokeRuntime, SmokeResult[]>>): SmokeResultSet {
  const result: SmokeResultSet = { result: last.result };
  for (const runtime of ['node', 'browser'] as const) {
    const mine = runs[runtime];
    if (mine?.length) result[runtime] = runtimeResult(mine);
  }
  return result;
}

/**
 * Boots `path` smoke-runs times in each runtime. `boot` runs one boot (bootSmoke, shown the caller's
 * way) with its title, e.g. `Smoke boot 2 of 3 (browser): echo c2w-smoke-ok`.
 */
export async function smokeSeries(
  inputs: SmokeInputs,
  path: string,
  boot: (options: SeriesBootOptions, title: string) => Promise<SmokeResult>,
): Promise<SmokeSeries> {
  const runtimes = inputs.smokeRuntime?.length ? inputs.smokeRuntime : (['node'] as SmokeRuntime[]);
  const runs: Partial<Record<SmokeRuntime, SmokeResult[]>> = {};
  let last: SmokeResult | undefined;
  for (const runtime of runtimes) {
    if (last !== undefined && last.result !== 'passed') break;
    const mine: SmokeResult[] = (runs[runtime] = []);
    for (let i = 1; i <= inputs.smokeRuns && (last === undefined || last.result === 'passed'); i++) {
      const count = inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : '';
      const where = runtimes.length > 1 || runtime !== 'node' ? ` (${runtime})` : '';
      const title = `Smoke boot${count}${where}: ${inputs.smokeCommand.join(' ')}`;
      last = await boot(
        {
          runtime,
          target: inputs.target,
          path,
          command: inputs.smokeCommand,
          expect: inputs.smokeExpect,
          timeoutSeconds: inputs.smokeTimeoutSeconds,
          env: inputs.smokeEnv,
          allocator: inputs.allocator,
          ...(inputs.smokeSandbox ? { sandbox: inputs.smokeSandbox } : {}),
          ...(runtime === 'browser' && inputs.smokeBrowser ? { browser: inputs.smokeBrowser } : {}),
          ...(runtime === 'browser' && inputs.site ? { site: inputs.site } : {}),
        },
        title,
      );
      mine.push(last);
    }
  }
  return { last: last!, result: seriesResult(last!, runs) };
}
