// A cancelled step: the runner sends the action's process SIGINT, then SIGTERM 7.5 s later, then
// kills it (actions/runner ProcessInvoker). Node's default for both signals is to exit at once,
// leaving every child group running. Here a signal stops new children from starting, ends the
// tracked groups (SIGTERM, SIGKILL after a short grace that fits before the runner's own kill), then
// exits non-zero. The post step still runs; it saves only what the main step finished (the
// cache-save state is written after a completed build's rotation, never before).
import * as core from '@actions/core';
import { endAll, liveChildren, stopStarting } from '../lib/processes.js';

/** SIGTERM-to-SIGKILL grace for the children: well inside the runner's 7.5 s between signals. */
export const CANCEL_GRACE_MS = 3000;

/** Exit codes as a shell reports a process ended by the signal: 128 + its number. */
const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

let ending: Promise<void> | undefined;

/**
 * Resolves at once when no cancel is under way; else never (the cancel exits the process once its
 * children are gone), so the step's own exit cannot cut the ending short.
 */
export function cancelSettled(): Promise<void> {
  return ending ? new Promise<void>(() => undefined) : Promise.resolve();
}

/** Installs the handlers; returns a function that removes them (for tests). */
export function installCancelHandlers(onExit: (code: number) => void = (code) => process.exit(code)): () => void {
  const handler = (signal: NodeJS.Signals) => {
    // The runner's SIGTERM after its SIGINT: already ending.
    if (ending) return;
    stopStarting(`the step was cancelled (${signal})`);
    core.setFailed(
      `The step was cancelled (${signal}); ending ${liveChildren().length} running child process group(s).`,
    );
    ending = endAll(CANCEL_GRACE_MS).then(() => onExit(EXIT_CODE[signal] ?? 1));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    ending = undefined;
    stopStarting(undefined);
  };
}
