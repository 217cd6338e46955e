// What BuildKit said about the cache import and export of a build, read from its plain progress
// output (c2w runs `docker buildx build --progress=plain`). BuildKit never fails a build whose
// cache import fails, nor one whose export fails with ignore-error=true: it prints
// `#N importing cache manifest from REF` / `#N exporting cache to …` and then `#N ERROR: …` under
// the same step number, and goes on. Those lines are the only place the trouble shows, so the
// action reads them (plain-log.ts) and turns them into warnings.
import { LineSplitter, parsePlainLine } from './plain-log.js';

export interface CacheTrouble {
  step: 'import' | 'export';
  /** The cache reference or backend the step names. */
  target: string;
  error: string;
}

/** Reads the build log line by line as it streams; keeps only the cache steps' errors. */
export class CacheLogReader {
  private readonly lines = new LineSplitter((line) => this.line(line));
  private readonly steps = new Map<number, { step: CacheTrouble['step']; target: string }>();
  readonly troubles: CacheTrouble[] = [];
  /** The targets of the cache exports that ended without an error (`registry`, `client directory`). */
  readonly exported: string[] = [];

  push(chunk: string): void {
    this.lines.push(chunk);
  }

  end(): CacheTrouble[] {
    this.lines.end();
    return this.troubles;
  }

  private line(text: string): void {
    const line = parsePlainLine(text);
    if (line === undefined) return;
    if (line.kind === 'end') {
      const step = this.steps.get(line.vertex);
      if (line.status === 'error' && step) this.troubles.push({ ...step, error: line.text });
      if (line.status === 'done' && step?.step === 'export') this.exported.push(step.target);
      return;
    }
    const imp = /^importing cache manifest from (\S+)/.exec(line.text);
    if (imp) {
      this.steps.set(line.vertex, { step: 'import', target: imp[1]! });
      return;
    }
    const exp = /^exporting cache to (.+?)\s*$/.exec(line.text);
    if (exp && !this.steps.has(line.vertex)) this.steps.set(line.vertex, { step: 'export', target: exp[1]! });
  }
}

/**
 * A manifest the registry does not have: the cache-ref was never exported to (or names another
 * repository). BuildKit ends that import error with `<ref>: not found` (containerd's ErrNotFound).
 */
export function isNotFound(trouble: CacheTrouble): boolean {
  return trouble.step === 'import' && trouble.error.endsWith(`${trouble.target}: not found`);
}

/** What the user reads: one line per trouble, as a warning or (a cache not made yet) as information. */
export function describeTrouble(trouble: CacheTrouble, ref?: string): { level: 'warning' | 'info'; message: string } {
  if (trouble.step === 'import') {
    if (isNotFound(trouble))
      return {
        level: 'info',
        message: `No build cache at ${trouble.target} yet (the first run with this cache-ref, or it names another repository); this build is cold.`,
      };
    return {
      level: 'warning',
      message: `Could not import the build cache from ${trouble.target}; this build is cold. BuildKit said: ${trouble.error}`,
    };
  }
  return {
    level: 'warning',
    message: `Could not export the build cache to ${ref ?? trouble.target}; the conversion succeeded, but the next run will not be warm from this one. BuildKit said: ${trouble.error}`,
  };
}
