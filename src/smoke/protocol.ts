// What the smoke boot's two processes share: the parent (smoke.ts) starts the bundle again with
// SMOKE_CHILD_FLAG, hands it a SmokeChildConfig in one environment variable, and reads the child's
// SmokeChildMessages, one JSON object a line, on fd 3. The child (smoke-child.ts) removes the
// variable before it runs anything.
import type { Target } from '../config/types.js';

export const SMOKE_CHILD_FLAG = '--c2w-smoke-child';
/** Environment variable that carries the child's configuration (JSON of SmokeChildConfig). */
export const SMOKE_CHILD_CONFIG_ENV = 'C2W_SMOKE_CHILD_CONFIG';
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
