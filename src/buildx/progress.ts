// Follows BuildKit's plain progress output (read by plain-log.ts) to say which step runs: a
// Dockerfile step's name starts with `[<stage> <i>/<n>]` (or `[<i>/<n>]` in a file of one unnamed
// stage). Stages are announced as they start, so the total is the steps of the stages seen so far.
import { parsePlainLine } from './plain-log.js';

export interface Step {
  vertex: number;
  /** `toolchain 2/2`-style label without brackets, or the vertex name when it is no Dockerfile step. */
  name: string;
  stage?: string;
  index?: number;
  count?: number;
  startedMs: number;
  ended: boolean;
}

export interface ProgressView {
  /** Dockerfile steps seen (started or cached). */
  started: number;
  /** Steps of every stage seen so far. */
  total: number;
  /** The newest step still running, if any. */
  current?: Step;
}

const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/;

export class BuildProgress {
  private readonly steps = new Map<number, Step>();
  private readonly stageCounts = new Map<string, number>();

  /** Reads one line; true when what the live line shows changed. */
  feed(line: string, nowMs: number): boolean {
    // #0 is buildx's banner (`#0 building with "default" instance using docker driver`), never ended.
    const parsed = parsePlainLine(line);
    if (parsed === undefined) return false;
    const { vertex, text } = parsed;
    const known = this.steps.get(vertex);
    if (known) {
      if (!known.ended && parsed.kind === 'end') {
        known.ended = true;
        return true;
      }
      return false;
    }
    // The first line of a vertex is its name; a line with a timestamp or a status is its log.
    if (parsed.kind !== 'text') return false;
    const s = STEP.exec(text);
    const step: Step = { vertex, name: text, startedMs: nowMs, ended: false };
    if (s) {
      step.stage = s[1] ?? '';
      step.index = Number(s[2]);
      step.count = Number(s[3]);
      this.stageCounts.set(step.stage, Math.max(this.stageCounts.get(step.stage) ?? 0, step.count));
    }
    this.steps.set(vertex, step);
    return true;
  }

  view(): ProgressView {
    let started = 0;
    let current: Step | undefined;
    for (const step of this.steps.values()) {
      if (step.index !== undefined) started++;
      if (!step.ended && (current === undefined || step.startedMs >= current.startedMs)) current = step;
    }
    let total = 0;
    for (const n of this.stageCounts.values()) total += n;
    return { started, total, ...(current ? { current } : {}) };
  }
}

/** `3m05s`, `42s`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The live line: `step 3 of 7 · [toolchain 2/2] RUN … · 12s`, cut to `width` characters. Pure. */
export function progressLine(view: ProgressView, nowMs: number, width = 120): string {
  const parts: string[] = [];
  if (view.total > 0) parts.push(`step ${view.started} of ${view.total}`);
  if (view.current) {
    parts.push(view.current.name.replace(/\s+/g, ' '));
    parts.push(duration(nowMs - view.current.startedMs));
  }
  const line = parts.join(' · ') || 'starting';
  if (line.length <= width) return line;
  // Keep the elapsed time at the end; shorten the step's name.
  const tail = view.current ? ` · ${duration(nowMs - view.current.startedMs)}` : '';
  return `${line.slice(0, Math.max(0, width - tail.length - 1))}…${tail}`;
}
