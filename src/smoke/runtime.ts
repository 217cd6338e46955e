// One smoke boot in the runtime the series asks for: Node (boot.ts) or a browser page (browser/boot.ts).
// The browser side, with puppeteer-core, is loaded only when a browser boot runs. A module past
// what V8 compiles is booted in neither (module-limit.ts).
import { runSmoke, type SmokeResult } from './boot.js';
import { moduleLimitProblem } from './module-limit.js';
import type { SeriesBootOptions } from './series.js';

export async function bootSmoke(
  options: SeriesBootOptions | (Omit<SeriesBootOptions, 'runtime'> & { runtime?: undefined }),
): Promise<SmokeResult> {
  const { runtime, browser, site, ...rest } = options;
  const tooBig = await moduleLimitProblem(rest.target, rest.path, runtime ?? 'node');
  if (tooBig) {
    const what = rest.target === 'wasi' ? 'The module' : 'The js output';
    return {
      result: 'failed',
      seconds: 0,
      stdout: '',
      stderr: '',
      runtime: runtime ?? 'node',
      message: `${what} could not be booted: ${tooBig}.`,
    };
  }
  if (runtime !== 'browser') return { ...(await runSmoke(rest)), runtime: 'node' };
  const { runBrowserSmoke } = await import('./browser/boot.js');
  return runBrowserSmoke({ ...rest, ...(browser ? { browser } : {}), ...(site ? { site } : {}) });
}
