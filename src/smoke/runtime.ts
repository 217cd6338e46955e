// One smoke boot in the runtime the series asks for: Node (boot.ts) or a browser page (browser/boot.ts).
// The browser side, with puppeteer-core, is loaded only when a browser boot runs.
import { runSmoke, type SmokeResult } from './boot.js';
import type { SeriesBootOptions } from './series.js';

export async function bootSmoke(
  options: SeriesBootOptions | (Omit<SeriesBootOptions, 'runtime'> & { runtime?: undefined }),
): Promise<SmokeResult> {
  const { runtime, browser, site, ...rest } = options;
  if (runtime !== 'browser') return { ...(await runSmoke(rest)), runtime: 'node' };
  const { runBrowserSmoke } = await import('./browser/boot.js');
  return runBrowserSmoke({ ...rest, ...(browser ? { browser } : {}), ...(site ? { site } : {}) });
}
