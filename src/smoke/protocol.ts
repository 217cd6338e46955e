// What the smoke boot's two processes share: the parent (smoke.ts) starts the bundle again with
// SMOKE_CHILD_FLAG, hands it a SmokeChildConfig in one environment variable, and reads the child's
// SmokeChildMessages, one JSON object a line, on fd 3. The child (smoke-child.ts) removes the
// variable before it runs anything.
import type { Target } from '../config/types.js';

export const SMOKE_CHILD_FLAG = '--c2w-smoke-child';
/** Environment variable that carries the child's configuration (JSON of SmokeChildConfig). */
export const SMOKE_CHILD_CONFIG_ENV = 'C2W_SMOKE_CHILD_CONFIG';
/**
 * Or a file that holds it (inside the boundary of confine.ts: sudo resets the environment, and an
 * argument would show in every user's `ps`).
 */
export const SMOKE_CHILD_CONFIG_FILE_ENV = 'C2W_SMOKE_CHILD_CONFIG_FILE';
/** The child's report channel: fd 3, one JSON SmokeChildMessage a line. */
export const SMOKE_CONTROL_FD = 3;

/** What the parent tells the child. */
export interface SmokeChildConfig {
  target: Target;
  path: string;
  /** Full WASI argv (wasi), or the guest command (js). */
  args: string[];
  env: { key: string; value: string }[];
}

/** Messages the child writes on SMOKE_CONTROL_FD. */
export type SmokeChildMessage =
  | { event: 'started' }
  | { event: 'exit'; code: number; maxRssKiB: number }
  | { event: 'trap'; message: string; maxRssKiB: number }
  | { event: 'error'; message: string };

/** The longest report line read (a trap or error message with its stack fits many times). */
export const MAX_CONTROL_LINE = 64 * 1024;
/** Characters of a report's message kept. */
export const MAX_CONTROL_MESSAGE = 4096;

const isKiB = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/**
 * One report line as a message, or undefined when it is not exactly one of SmokeChildMessage's
 * shapes (extra keys, wrong types, a code that is not an integer). A js output runs in the child's
 * process and can write this channel too: nothing read here is trusted beyond its shape, and what a
 * message says is shown as data (see oneLine in boot.ts), never as a workflow command.
 */
export function parseChildMessage(line: string): SmokeChildMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).sort().join(',');
  const text = (m: unknown): string | undefined =>
    typeof m === 'string' ? m.slice(0, MAX_CONTROL_MESSAGE) : undefined;
  switch (v.event) {
    case 'started':
      return keys === 'event' ? { event: 'started' } : undefined;
    case 'exit':
      return keys === 'code,event,maxRssKiB' && Number.isSafeInteger(v.code) && isKiB(v.maxRssKiB)
        ? { event: 'exit', code: v.code as number, maxRssKiB: v.maxRssKiB }
        : undefined;
    case 'trap': {
      const message = text(v.message);
      return keys === 'event,maxRssKiB,message' && message !== undefined && isKiB(v.maxRssKiB)
        ? { event: 'trap', message, maxRssKiB: v.maxRssKiB }
        : undefined;
    }
    case 'error': {
      const message = text(v.message);
      return keys === 'event,message' && message !== undefined ? { event: 'error', message } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Splits the report channel into lines, holding at most MAX_CONTROL_LINE characters: a longer line
 * is dropped whole (its start, and the rest up to its newline), so a writer that never ends a line
 * costs the reader nothing.
 */
export class ControlLines {
  private pending = '';
  private skipping = false;
  constructor(private readonly max = MAX_CONTROL_LINE) {}
  /** The complete lines in `chunk` (with what was pending before it). */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let rest = chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = this.pending + rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      if (!this.skipping && line.length <= this.max) lines.push(line);
      this.pending = '';
      this.skipping = false;
    }
    if (!this.skipping) {
      this.pending += rest;
      if (this.pending.length > this.max) {
        this.pending = '';
        this.skipping = true;
      }
    }
    return lines;
  }
}
