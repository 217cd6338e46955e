// The smoke gate: for each runtime of smoke-runtime (node, then browser), `smoke-runs` boots of the
// output, the first one that does not pass ending the series, and the outputs it gives. Node boots
// run in a child process (boot.ts), browser boots in a headless browser's page (browser/boot.ts). The
// action (main.ts) and the command (cli/) run the same series and differ only in how a boot is shown.
import { Outputs } from '../action/outputs.js';
import type { SmokeOptions, SmokeResult } from './boot.js';
import { smokeFigures, type SmokeFigures } from './figures.js';
import type { Inputs, SmokeRuntime } from '../config/types.js';

/** Characters of the guest's stdout kept in the smoke-output output. */
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

/** The browser boot's figures (the Node ones keep their names at the top level). */
export interface BrowserFigures {
  smokeRuns: number;
  smokeSecondsMedian: number;
  smokeSecondsMax: number;
  /** Bytes: the page's renderer's largest peak resident set over the runs. */
  smokePeakMemory?: number;
}

/** The Node boot's figures when Node ran, and the browser's under `browser`. */
export type SeriesFigures = Partial<SmokeFigures> & { browser?: BrowserFigures };

export interface SmokeSeries {
  /** The last run: the one that did not pass, or the last that did. */
  last: SmokeResult;
  figures: SeriesFigures;
  /** The outputs of the series, named as action.yml names them. */
  outputs: Partial<Record<Outputs, string | number>>;
  /** The operating-system boundary the Node boots ran in (the first one's), when Node booted. */
  sandbox?: SmokeResult['sandbox'];
}

/** The figures of each runtime's runs. Pure. */
export function seriesFigures(runs: Partial<Record<SmokeRuntime, SmokeResult[]>>): SeriesFigures {
  const figures: SeriesFigures = {};
  if (runs.node?.length) Object.assign(figures, smokeFigures(runs.node));
  if (runs.browser?.length) {
    const f = smokeFigures(runs.browser);
    figures.browser = {
      smokeRuns: f.smokeRuns,
      smokeSecondsMedian: f.smokeSecondsMedian,
      smokeSecondsMax: f.smokeSecondsMax,
      ...(f.smokePeakRss !== undefined ? { smokePeakMemory: f.smokePeakRss } : {}),
    };
  }
  return figures;
}

/** The outputs for the figures and the last run. Pure. */
export function seriesOutputs(last: SmokeResult, figures: SeriesFigures): Partial<Record<Outputs, string | number>> {
  const output = last.stdout.length > SMOKE_OUTPUT_MAX ? `${last.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : last.stdout;
  const b = figures.browser;
  return {
    [Outputs.SmokeResult]: last.result,
    ...(figures.smokeSecondsMedian !== undefined ? { [Outputs.SmokeSeconds]: figures.smokeSecondsMedian } : {}),
    ...(figures.smokeSecondsMax !== undefined ? { [Outputs.SmokeSecondsMax]: figures.smokeSecondsMax } : {}),
    ...(figures.smokePeakRss !== undefined ? { [Outputs.SmokePeakRss]: figures.smokePeakRss } : {}),
    ...(b
      ? { [Outputs.SmokeBrowserSeconds]: b.smokeSecondsMedian, [Outputs.SmokeBrowserSecondsMax]: b.smokeSecondsMax }
      : {}),
    ...(b?.smokePeakMemory !== undefined ? { [Outputs.SmokeBrowserPeakMemory]: b.smokePeakMemory } : {}),
    [Outputs.SmokeOutput]: output,
  };
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
  const figures = seriesFigures(runs);
  const sandbox = runs.node?.[0]?.sandbox;
  return { last: last!, figures, outputs: seriesOutputs(last!, figures), ...(sandbox ? { sandbox } : {}) };
}
