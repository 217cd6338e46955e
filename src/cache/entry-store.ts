// Where cache entries live between runs: the Actions cache in a workflow (actions-cache-store.ts),
// a folder on the machine for the command (folder-store.ts). restoreLayers and saveLayers
// (layers.ts) split a build's cache into the entry every allocator shares and the allocator's own
// and merge them again, the same way through either.
import type { TIMED_OUT } from '../lib/timeout.js';

export interface EntryStore {
  /** For messages: where the entries are. */
  readonly where: string;
  /** Why no entry can be restored or saved this run (a warning), or undefined when the store works. */
  unavailable(): Promise<string | undefined>;
  /**
   * Empties `dir` and restores into it the entry of `primary`, else the newest of the first
   * restore key (a prefix) that matches one. The key restored, undefined on a miss, TIMED_OUT
   * when `timeoutMs` ran out (the abandoned restore may still write into `dir`). Throws on trouble.
   */
  restore(
    dir: string,
    primary: string,
    restore: readonly string[],
    timeoutMs: number,
  ): Promise<string | undefined | typeof TIMED_OUT>;
  /** Saves `dir` as the entry `key`; true when stored, false when not (said why in the log). */
  save(dir: string, key: string, timeoutSeconds?: number): Promise<boolean>;
  /** The bytes the store's owner uses of its quota, or why that is unknown (stores without a quota: absent). */
  usage?(): Promise<{ bytes: number } | { reason: string }>;
}
