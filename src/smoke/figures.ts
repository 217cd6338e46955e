// The figures of a series of smoke boots: median and largest seconds, and the peak resident set.
import type { SmokeResult } from './boot.js';

export interface SmokeFigures {
  smokeRuns: number;
  /** Median seconds to the expected output (the mean of the middle two for an even count). */
  smokeSecondsMedian: number;
  smokeSecondsMax: number;
  /** Bytes: the largest resident set of any run's child, when it could be read. */
  smokePeakRss?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function smokeFigures(runs: readonly Pick<SmokeResult, 'seconds' | 'peakRssKiB'>[]): SmokeFigures {
  const seconds = runs.map((r) => r.seconds);
  const rss = runs.map((r) => r.peakRssKiB).filter((k): k is number => k !== undefined);
  return {
    smokeRuns: runs.length,
    smokeSecondsMedian: median(seconds),
    smokeSecondsMax: seconds.length ? Math.max(...seconds) : 0,
    ...(rss.length ? { smokePeakRss: Math.max(...rss) * 1024 } : {}),
  };
}
