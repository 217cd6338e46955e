// The smoke boot in a browser: the output's site (site/site.ts: the same folder `site` deploys) served
// on loopback with the cross-origin-isolation headers, opened in a headless Chrome/Chromium driven over
// the DevTools protocol (launch.ts), and watched until the terminal shows the expectation, the guest
// ends, or smoke-timeout runs out. What it means is decided by decideSmokeResult, as in Node.
//
// - Matching: on the terminal's text (xterm's buffer, what the DOM renderer shows), read every
//   POLL_MS, wrapped rows joined; \r\n is a line end as in the Node boot.
// - The guest's output (what was written to the terminal) streams to the log and is kept for the
//   report, bounded (output.ts), as in Node; the browser's console (page and workers) is the run's
//   stderr: an emscripten `Aborted(Assertion failed: … emmalloc.c …)` there is the allocator failure.
// - Bounds: the browser is one tracked process group, ended at the timeout, at the match, when the
//   guest ends, and by the cancel path; every member is waited for before the result is returned.
// - Boundary: the browser runs in namespaces where the page reaches only the site (boundary.ts);
//   which one, or why there is none, is in the log and the result's `sandbox`. Without one,
//   `sandbox: required` fails the boot before anything is started, `auto` boots with Chromium's own
//   confinement only and says so.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'puppeteer-core';
import { checkEnvBudget } from '../../c2w/boot-info.js';
import { BOOT_PARAM, encodeBoot, type BootEnd, type BootState } from '../../site/contract.js';
import { writeSite } from '../../site/site.js';
import { decideSmokeResult, type SmokeEvents, type SmokeOptions, type SmokeResult } from '../boot.js';
import { compileExpectation, settledMatch, showPattern } from '../expect.js';
import { CappedLog, CappedText } from '../output.js';
import { boundaryOnce, reportOf, type Boundary, type SandboxMode, type SandboxReport } from './boundary.js';
import { findBrowser } from './find.js';
import { launchBrowser } from './launch.js';
import { PagePeakMemory } from './memory.js';
import { serveSite } from './server.js';

export interface BrowserSmokeOptions extends SmokeOptions {
  /** smoke-browser: the binary; else found (find.ts). */
  browser?: string;
  /** A site folder already written for this output (writeSite); else one is written to a temporary folder. */
  site?: string;
  /** A site already served elsewhere (its index.html's folder URL): no folder is written, no server started. */
  siteUrl?: string;
  /** Time for the browser to answer on its DevTools pipe (default 30 s). */
  startTimeoutMs?: number;
  /** smoke-sandbox: `required` fails the boot when no boundary can be made; `auto` (default) boots without. */
  sandbox?: SandboxMode;
  /** Finds the boundary (default: probed once per process, boundary.ts). */
  findBoundary?: () => Promise<Boundary>;
}

/** A browser boot's result: the smoke result and the boundary it ran in. */
export type BrowserSmokeResult = SmokeResult & { sandbox: SandboxReport };

/** The boot's failure when `required` finds no boundary. Pure. */
export function noBoundaryMessage(reason: string): string {
  return (
    `smoke-sandbox is required, but no boundary could be made for the browser boot: ${reason}. ` +
    `The browser was not started. Run as root, give the runner's user passwordless sudo, or allow ` +
    `unprivileged user namespaces; or set smoke-sandbox: auto to boot with Chromium's own sandbox only.`
  );
}

/** How often the page's terminal is read. */
export const POLL_MS = 200;
/** How often the page's memory is sampled. */
const MEMORY_MS = 1000;

interface PageRead {
  state?: Pick<BootState, 'phase' | 'end' | 'crossOriginIsolated'>;
  text: string;
  out: string;
  dropped: number;
}

/** Reads the page's boot state, the terminal's text and the guest's new output (see site/contract.ts). */
const readPage = (page: Page): Promise<PageRead> =>
  page.evaluate(() => {
    const b = (window as unknown as { c2wBoot?: import('../../site/contract.js').BootApi }).c2wBoot;
    if (!b) return { text: '', out: '', dropped: 0 };
    const t = b.take();
    return {
      state: { phase: b.phase, end: b.end, crossOriginIsolated: b.crossOriginIsolated },
      text: b.text(),
      out: t.text,
      dropped: t.dropped,
    };
  });

const screenOf = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const b = (window as unknown as { c2wBoot?: { screen(): string } }).c2wBoot;
    return b ? b.screen() : (document.body?.innerText ?? '');
  });

/** A promise that rejects after `ms`, so that a page that stopped answering cannot hold a boot. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the page within ${ms} ms`)), ms);
    }),
  ]);
}

/** The smoke events for how the guest ended in the page. */
export function endEvent(end: BootEnd): Pick<SmokeEvents, 'exit' | 'childError'> {
  if ('code' in end) return { exit: { code: end.code } };
  if ('trap' in end) return { exit: { trap: end.trap } };
  return { childError: end.error };
}

export async function runBrowserSmoke(opts: BrowserSmokeOptions): Promise<BrowserSmokeResult> {
  const boundary: Boundary = await (opts.findBoundary ?? boundaryOnce)().catch((e: unknown) => ({
    kind: 'none' as const,
    reason: `the probe for namespaces failed: ${(e as Error).message}`,
  }));
  const sandbox = reportOf(boundary);
  const early = (message: string): BrowserSmokeResult => ({
    result: 'failed',
    seconds: 0,
    stdout: '',
    stderr: '',
    message,
    runtime: 'browser',
    sandbox,
  });
  if (opts.target === 'wasi' && (opts.c2wArgs ?? true)) {
    const budget = checkEnvBudget(opts.command, opts.env);
    if (!budget.ok) return early(budget.message ?? '');
  }
  if (boundary.kind === 'none' && opts.sandbox === 'required') {
    opts.log?.write(`Browser boundary: none (${boundary.reason}).\n`);
    return early(noBoundaryMessage(boundary.reason));
  }
  const re = compileExpectation(opts.expect.source, opts.expect.flags);
  const binary = findBrowser(opts.browser);
  const cap = opts.maxOutputBytes ?? 1024 * 1024;
  const stdout = new CappedText(cap);
  const consoleText = new CappedText(cap);
  const errors: string[] = [];
  const log = opts.log ? new CappedLog(opts.log, opts.maxLogBytes ?? 1024 * 1024) : undefined;
  opts.log?.write(
    boundary.kind === 'namespaces'
      ? `Browser boundary: ${boundary.reason}.\n`
      : `Warning: the browser boots without a boundary of its own, in Chromium's own sandbox only: the page can ` +
          `reach what the runner reaches. ${boundary.reason}.\n`,
  );
  const ev: SmokeEvents = { endedAt: 0 };
  let screen = '';
  let lastState: PageRead['state'];

  const tmpSite = opts.site || opts.siteUrl ? undefined : await mkdtemp(join(tmpdir(), 'c2w-smoke-site-'));
  const siteDir = opts.site ?? (tmpSite ? join(tmpSite, 'site') : '');
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let start = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - start) / 1e9;
  try {
    if (tmpSite) {
      await writeSite({
        target: opts.target,
        output: opts.path,
        dir: siteDir,
        root: { dir: tmpSite, name: 'the temporary folder' },
      });
    }
    if (!opts.siteUrl) server = await serveSite(siteDir, { isolation: true });
    const siteUrl = opts.siteUrl ?? server!.url;
    launched = await launchBrowser(binary, { startTimeoutMs: opts.startTimeoutMs ?? 30_000, boundary, siteUrl });
    const { browser } = launched;
    let browserGone = false;
    void launched.exited.then(({ code, signal }) => {
      browserGone = true;
      ev.code = code;
      ev.signal = signal;
    });
    const memory = new PagePeakMemory(browser, launched.hostPids);
    const page = await browser.newPage();
    const onConsole = (where: string) => (m: ConsoleMessage) => {
      const line = `[${where} ${m.type()}] ${m.text()}\n`;
      consoleText.push(line);
      if (m.type() === 'error' || m.type() === 'assert') errors.push(line.trimEnd());
    };
    page.on('console', onConsole('page'));
    page.on('pageerror', (e) => {
      const line = `[page uncaught] ${e instanceof Error ? e.message : String(e)}`;
      consoleText.push(`${line}\n`);
      errors.push(line);
    });
    page.on('workercreated', (w) => w.on('console', onConsole('worker')));

    const url = `${launched.pageUrl(siteUrl)}?${BOOT_PARAM}=${encodeBoot({ command: opts.command, env: opts.env })}`;
    start = process.hrtime.bigint();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
    }, opts.timeoutSeconds * 1000);
    try {
      await within(page.goto(url, { waitUntil: 'domcontentloaded' }), opts.timeoutSeconds * 1000);
      let lastMemory = 0;
      for (;;) {
        if (timedOut) {
          ev.timedOut = true;
          break;
        }
        if (browserGone) break;
        let read: PageRead | undefined;
        try {
          read = await within(readPage(page), 5000);
        } catch {
          // A reload (the service worker's) or a busy page: try again until the timeout.
        }
        if (read) {
          lastState = read.state ?? lastState;
          if (read.out) {
            stdout.push(read.out);
            log?.write(read.out);
          }
          if (read.dropped) stdout.push(`\n[… ${read.dropped} bytes of output not kept by the page]\n`);
          // Decided on complete lines, as in Node: a match at the end of the line still being
          // written waits for the rest of it (or for the guest's end).
          if (ev.matchedAt === undefined && settledMatch(re, read.text, read.state?.end !== undefined)) {
            ev.matchedAt = elapsed();
            break;
          }
          if (read.state?.end) {
            Object.assign(ev, endEvent(read.state.end));
            break;
          }
        }
        if (errors.some((e) => /Aborted\(/.test(e))) {
          ev.exit ??= { trap: errors.find((e) => /Aborted\(/.test(e))! };
          break;
        }
        if (elapsed() * 1000 - lastMemory >= MEMORY_MS) {
          lastMemory = elapsed() * 1000;
          await within(memory.sample(), 5000).catch(() => undefined);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (e) {
      if (timedOut) ev.timedOut = true;
      else ev.childError = `the page could not be opened: ${(e as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
    ev.endedAt = ev.matchedAt ?? elapsed();
    await within(memory.sample(), 5000).catch(() => undefined);
    if (ev.peakRssKiB === undefined && memory.peakKiB !== undefined) ev.peakRssKiB = memory.peakKiB;
    if (!browserGone) screen = await within(screenOf(page), 5000).catch(() => '');
    if (browserGone && ev.matchedAt === undefined && !ev.timedOut && !ev.exit && !ev.childError) {
      ev.childError = `the browser ended (${ev.signal ?? `exit code ${ev.code}`})`;
    }
  } catch (e) {
    ev.spawnError = (e as Error).message;
    ev.endedAt = elapsed();
  } finally {
    if (launched) {
      await launched.browser.disconnect().catch(() => undefined);
      await launched.cleanup();
      if (ev.timedOut && ev.signal === undefined) ev.signal = 'SIGTERM';
    }
    await server?.close();
    if (tmpSite) await rm(tmpSite, { recursive: true, force: true });
  }
  const decided = decideSmokeResult(ev, {
    target: opts.target,
    expect: showPattern(opts.expect),
    timeoutSeconds: opts.timeoutSeconds,
    allocator: opts.allocator,
    stdout: stdout.text,
    stderr: consoleText.text,
    searchable: `${stdout.searchable}\n${consoleText.searchable}`,
  });
  // A page that never got its isolation (no headers, no service worker) waits for ever: say so.
  const result =
    decided.result !== 'passed' && lastState?.phase === 'isolating'
      ? {
          ...decided,
          message:
            `${decided.message} The page never became cross-origin isolated (no COOP/COEP headers, and ` +
            `coi-serviceworker did not take over), so SharedArrayBuffer was missing and the container never started.`,
        }
      : decided;
  if (result.result !== 'passed' && log) {
    if (screen) log.write(`\n--- the page's last screen ---\n${screen}\n`);
    if (errors.length) log.write(`--- the browser's console errors ---\n${errors.slice(-50).join('\n')}\n`);
  }
  log?.close();
  return { ...result, ...(screen ? { screen } : {}), runtime: 'browser', sandbox };
}
