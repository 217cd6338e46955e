// The page's peak memory, found through the DevTools protocol: SystemInfo.getProcessInfo lists the
// browser's processes with their type and pid (https://chromedevtools.github.io/devtools-protocol/tot/SystemInfo/#method-getProcessInfo);
// the page, its workers and the emscripten pthreads all run in a renderer process, whose peak resident
// set (VmHWM) Linux keeps in /proc/PID/status. The largest renderer is the page's: the others (the
// first blank tab, Chrome's spare renderer) hold no module. Not the Node process, which only drives.
// Inside the boot's PID namespace (boundary.ts) the browser reports the pids of that namespace.
import type { Browser, CDPSession } from 'puppeteer-core';
import { readPeakRss } from '../boot.js';

export interface ProcessInfo {
  type: string;
  id: number;
}

/** KiB: the largest peak resident set of the renderer processes listed, or undefined. */
export function rendererPeakKiB(
  processes: readonly ProcessInfo[],
  peakOf: (pid: number) => number | undefined = readPeakRss,
): number | undefined {
  const peaks = processes
    .filter((p) => p.type === 'renderer')
    .map((p) => peakOf(p.id))
    .filter((k): k is number => k !== undefined);
  return peaks.length ? Math.max(...peaks) : undefined;
}

/** Samples the renderers' peak through a browser-level DevTools session. */
export class PagePeakMemory {
  private session?: CDPSession;
  peakKiB?: number;
  /** `hostPids`: inside a PID namespace, the runner's pids by the browser's (launch.ts). */
  constructor(
    private readonly browser: Browser,
    private readonly hostPids?: () => Map<number, number>,
  ) {}
  async sample(): Promise<void> {
    try {
      this.session ??= await this.browser.target().createCDPSession();
      const { processInfo } = (await this.session.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
      const map = this.hostPids?.();
      const k = rendererPeakKiB(processInfo, (pid) => {
        const host = map ? map.get(pid) : pid;
        return host === undefined ? undefined : readPeakRss(host);
      });
      if (k !== undefined) this.peakKiB = Math.max(this.peakKiB ?? 0, k);
    } catch {
      // The browser is going away; the last sample stands.
    }
  }
}
