// What BuildKit said about the cache import and export of a build, read from its plain progress
// output (c2w runs `docker buildx build --progress=plain`). BuildKit never fails a build whose
// cache import fails, nor one whose export fails with ignore-error=true: it prints
// `#N importing cache manifest from REF` / `#N exporting cache to …` and then `#N ERROR: …` under
// the same step number, and goes on. Those lines are the only place the trouble shows, so the
// action reads them and turns them into warnings.

export interface CacheTrouble {
  step: 'import' | 'export';
  /** The cache reference or backend the step names. */
  target: string;
  error: string;
}

/** Reads the build log line by line as it streams; keeps only the cache steps' errors. */
export class CacheLogReader {
  private partial = '';
  private readonly steps = new Map<string, { step: CacheTrouble['step']; target: string }>();
  readonly troubles: CacheTrouble[] = [];

  push(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line.replace(/\r$/, ''));
  }

  end(): CacheTrouble[] {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    return this.troubles;
  }

  private line(line: string): void {
    const imp = /^#(\d+) importing cache manifest from (\S+)/.exec(line);
    if (imp) {
      this.steps.set(imp[1]!, { step: 'import', target: imp[2]! });
      return;
    }
    const exp = /^#(\d+) exporting cache to (.+?)\s*$/.exec(line);
    if (exp) {
      if (!this.steps.has(exp[1]!)) this.steps.set(exp[1]!, { step: 'export', target: exp[2]! });
      return;
    }
    const err = /^#(\d+) ERROR: (.*)$/.exec(line);
    const step = err && this.steps.get(err[1]!);
    if (err && step) this.troubles.push({ ...step, error: err[2]! });
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
