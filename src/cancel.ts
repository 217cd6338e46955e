// A cancelled step: the runner sends the action's process SIGINT, then SIGTERM 7.5 s later, then
// kills it (actions/runner ProcessInvoker). Node's default for both signals is to exit at once,
// leaving every child group running. Here a signal ends the tracked groups first (SIGTERM, SIGKILL
// after a short grace that fits before the runner's own kill), then exits non-zero. The post step
// still runs; it saves only what the main step finished (the cache-save state is written after a
// completed build's rotation, never before).
import * as core from '@actions/core';
import { endAll } from './processes.js';

/** SIGTERM-to-SIGKILL grace for the children: well inside the runner's 7.5 s between signals. */
export const CANCEL_GRACE_MS = 3000;

/** Exit codes as a shell reports a process ended by the signal: 128 + its number. */
const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Installs the handlers; returns a function that removes them (for tests). */
export function installCancelHandlers(onExit: (code: number) => void = (code) => process.exit(code)): () => void {
  let ending = false;
  const handler = (signal: NodeJS.Signals) => {
    // The runner's SIGTERM after its SIGINT: already ending.
    if (ending) return;
    ending = true;
    void endAll(CANCEL_GRACE_MS).then((count) => {
      core.setFailed(`The step was cancelled (${signal}); ended ${count} running child process group(s).`);
      onExit(EXIT_CODE[signal] ?? 1);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
