// How many of a build's Dockerfile steps came from a cache and how many were built, read from
// BuildKit's plain progress output (plain-log.ts). A step reused from a cache ends `CACHED`, or,
// when a later step needs its files and the cache is remote (a registry, gha), ends `DONE` after
// only downloading and extracting its layers (`#N sha256:… done`, `#N extracting sha256:… done`,
// `#N pulling sha256:…` on a docker-driver builder);
// a step that ran prints its command's output with timestamps (`#N 0.123 …`) or nothing at all.
import { LineSplitter, parsePlainLine } from './plain-log.js';

export interface StepCounts {
  /** Dockerfile steps answered by a cache. */
  reused: number;
  /** Dockerfile steps that ran (or failed). */
  built: number;
}

const STEP = /^\[(?:\S+ )?\d+\/\d+\] /;
const LAYER = /^(?:extracting |pulling )?sha256:[0-9a-f]{64}\b/;

interface Seen {
  ran: boolean;
  fetched: boolean;
  end?: 'done' | 'cached' | 'error' | 'canceled';
}

export class StepTally {
  private readonly lines = new LineSplitter((line) => this.line(line));
  private readonly steps = new Map<number, Seen>();

  push(chunk: string): void {
    this.lines.push(chunk);
  }

  end(): StepCounts {
    this.lines.end();
    let reused = 0;
    let built = 0;
    for (const step of this.steps.values()) {
      if (step.end === undefined) continue;
      if (step.end === 'cached' || (step.end === 'done' && step.fetched && !step.ran)) reused++;
      else built++;
    }
    return { reused, built };
  }

  private line(text: string): void {
    const line = parsePlainLine(text);
    if (line === undefined) return;
    const step = this.steps.get(line.vertex);
    if (step === undefined) {
      if (line.kind === 'text' && STEP.test(line.text)) this.steps.set(line.vertex, { ran: false, fetched: false });
      return;
    }
    if (line.kind === 'end') step.end = line.status;
    else if (line.kind === 'log') step.ran = true;
    else if (LAYER.test(line.text)) step.fetched = true;
  }
}
