// The comparison of a matrix's allocators, from the cells' records: one group per image, target and
// target arch, a row per allocator, and the allocator to ship for each group. Pure: the report
// action (report/main.ts) reads the records and writes what this returns.
import { escapeHtml } from '../lib/html.js';
import { oneLine, type CellRecord } from '../record/record.js';

export type RankBy = 'boot' | 'memory' | 'size';
export const RANK_BY: readonly RankBy[] = ['boot', 'memory', 'size'];

export interface Group {
  /** `image · target · arch`. */
  name: string;
  records: CellRecord[];
  /** The passing record with the best figure, when one passed. */
  best?: CellRecord;
  /** One sentence: what to ship, with its numbers, and which allocators failed and why. */
  recommendation: string;
}

/** The figure `rankBy` compares (smaller is better); undefined when the record lacks it. */
export function figure(record: CellRecord, rankBy: RankBy): number | undefined {
  const { node, browser } = record.metadata.smoke ?? {};
  // A cell booted only in the browser is ranked by its browser figures.
  if (rankBy === 'boot') return node?.secondsMedian ?? browser?.secondsMedian;
  if (rankBy === 'memory') return node?.peakMemory ?? browser?.peakMemory;
  return record.metadata.build.wasmSize;
}

/** Groups records by image, target and arch (in first-seen order), allocators sorted in each. */
export function groupRecords(records: readonly CellRecord[], rankBy: RankBy): Group[] {
  const groups = new Map<string, CellRecord[]>();
  for (const r of records) {
    const name = `${r.image} · ${r.target} · ${r.targetArch}`;
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  return [...groups].map(([name, list]) => {
    const sorted = [...list].sort((a, b) => a.allocator.localeCompare(b.allocator) || a.cell.localeCompare(b.cell));
    const best = pickBest(sorted, rankBy);
    return { name, records: sorted, best, recommendation: recommend(name, sorted, best, rankBy) };
  });
}

/** The passing record with the smallest figure; ties go to the smaller wasm, then the name. */
export function pickBest(records: readonly CellRecord[], rankBy: RankBy): CellRecord | undefined {
  const passed = records.filter((r) => r.result === 'passed');
  const key = (r: CellRecord): number => figure(r, rankBy) ?? Number.POSITIVE_INFINITY;
  return [...passed].sort(
    (a, b) =>
      key(a) - key(b) ||
      (a.metadata.build.wasmSize ?? Infinity) - (b.metadata.build.wasmSize ?? Infinity) ||
      allocatorOf(a).localeCompare(allocatorOf(b)),
  )[0];
}

/** The allocator a record's output was built with. */
export function allocatorOf(r: CellRecord): string {
  return r.metadata.build.allocator ?? r.allocator;
}

const RANK_WORDS: Record<RankBy, string> = {
  boot: 'the fastest boot',
  memory: 'the least memory',
  size: 'the smallest wasm',
};

function recommend(name: string, records: CellRecord[], best: CellRecord | undefined, rankBy: RankBy): string {
  const failed = records.filter((r) => r.result !== 'passed');
  const why = failed.map((r) => `${r.allocator} ${WHY[r.result]} (${failureText(r)})`).join('; ');
  if (!best) return `${name}: no allocator passed${why ? `: ${why}` : ''}.`;
  const { node, browser } = best.metadata.smoke ?? {};
  const wasmSize = best.metadata.build.wasmSize;
  const figures = [
    node !== undefined ? `boots in ${seconds(node.secondsMedian)}${runsText(best)}` : undefined,
    node?.peakMemory !== undefined ? `peak ${bytes(node.peakMemory)}` : undefined,
    browser !== undefined
      ? `boots in the browser in ${seconds(browser.secondsMedian)}` +
        (browser.peakMemory !== undefined ? ` (page peak ${bytes(browser.peakMemory)})` : '')
      : undefined,
    wasmSize !== undefined ? `wasm ${bytes(wasmSize)}` : undefined,
  ].filter(Boolean);
  const passedCount = records.filter((r) => r.result === 'passed').length;
  const basis = passedCount > 1 ? ` (${RANK_WORDS[rankBy]} of ${passedCount} that passed)` : '';
  return `${name}: ship ${allocatorOf(best)}${basis}: ${figures.join(', ')}.${why ? ` ${capital(why)}.` : ''}`;
}

const WHY: Record<CellRecord['result'], string> = {
  passed: 'passed',
  failed: 'failed',
  cancelled: 'was cancelled',
  refused: 'was refused',
};

function failureText(r: CellRecord): string {
  if (r.result === 'cancelled') return `at ${r.stage}`;
  if (r.result === 'refused') return `inputs: ${clip(oneLine(r.failure?.message ?? ''), 160)}`;
  if (!r.failure) return `at ${r.stage}`;
  return r.failure.line ? `${r.failure.class}: ${r.failure.line}` : `${r.failure.class} at ${r.stage}`;
}

const runsText = (r: CellRecord): string => {
  const runs = r.metadata.smoke?.node?.runs;
  return runs && runs > 1 ? `, median of ${runs}` : '';
};
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function seconds(s: number): string {
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of Unicode block characters, `width` cells for `max`, so figures compare at a glance. */
export function bar(value: number | undefined, max: number, width = 12): string {
  if (value === undefined || !(max > 0) || !(value >= 0)) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * The summary's table rows for one group: header first. Every cell is HTML-escaped text, figures
 * included: the summary is HTML inside markdown, and a record comes from another job.
 */
export function groupTable(group: Group): string[][] {
  // A failed run's boot time is the time to its failure: only passing cells show boot and memory.
  const passed = (r: CellRecord): boolean => r.result === 'passed';
  const max = (pick: (r: CellRecord) => number | undefined): number =>
    Math.max(0, ...group.records.filter(passed).map((r) => pick(r) ?? 0));
  const maxBoot = max((r) => r.metadata.smoke?.node?.secondsMedian);
  const maxRss = max((r) => r.metadata.smoke?.node?.peakMemory);
  // Browser columns only when some cell booted in a browser (smoke-runtime with browser).
  const inBrowser = group.records.some((r) => r.metadata.smoke?.browser !== undefined);
  const maxPageBoot = max((r) => r.metadata.smoke?.browser?.secondsMedian);
  const maxPageMemory = max((r) => r.metadata.smoke?.browser?.peakMemory);
  const rows = group.records.map((r) => {
    const { build, cache } = r.metadata;
    const { node, browser } = r.metadata.smoke ?? {};
    const ok = passed(r);
    const mark = r === group.best ? ' ★' : '';
    const used = build.allocator && build.allocator !== r.allocator ? ` → ${build.allocator}` : '';
    const result = ok
      ? '✅ passed'
      : `${r.result === 'cancelled' ? '⏹' : '❌'} ${r.result === 'failed' ? '' : `${r.result}: `}${clip(failureText(r), 90)}`;
    return [
      `${r.allocator}${used}${mark}`,
      result,
      build.wasmSize !== undefined ? bytes(build.wasmSize) : '',
      ok && node !== undefined
        ? `${bar(node.secondsMedian, maxBoot)} ${seconds(node.secondsMedian)}` +
          (node.runs > 1 ? ` (max ${seconds(node.secondsMax)})` : '')
        : '',
      ok && node?.peakMemory !== undefined ? `${bar(node.peakMemory, maxRss)} ${bytes(node.peakMemory)}` : '',
      ...(inBrowser
        ? [
            ok && browser ? `${bar(browser.secondsMedian, maxPageBoot)} ${seconds(browser.secondsMedian)}` : '',
            ok && browser?.peakMemory !== undefined
              ? `${bar(browser.peakMemory, maxPageMemory)} ${bytes(browser.peakMemory)}`
              : '',
          ]
        : []),
      build.seconds !== undefined ? seconds(build.seconds) : '',
      cache?.hit === undefined ? '' : cache.hit ? 'hit' : 'miss',
    ].map(escapeHtml);
  });
  const head = ['allocator', 'result', 'wasm', 'boot (median)', 'peak memory'];
  if (inBrowser) head.push('browser boot (median)', 'page peak memory');
  return [[...head, 'build', 'cache'], ...rows];
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
