// A cancelled step: the runner sends the action's process SIGINT, then SIGTERM 7.5 s later, then
// kills it (actions/runner ProcessInvoker). Node's default for both signals is to exit at once,
// leaving every child group running. Here a signal stops new children from starting, ends the
// tracked groups (SIGTERM, SIGKILL after a short grace that fits before the runner's own kill), then
// exits non-zero. Work registered with beforeCancelExit (the cell's record) runs alongside, each
// bounded by CANCEL_HOOK_MS, and the `error` output says the step was cancelled: set at the signal
// and again just before the exit, so it is the last value written (the runner keeps the last) even
// when the unwinding step writes the error its ended child gave. The post step still runs; it saves only what the main step finished (the
// cache-save state is written after a completed build's rotation, never before).
import * as core from '@actions/core';
import { endAll, liveChildren, stopStarting } from '../lib/processes.js';
import { raceTimeout } from '../lib/timeout.js';
import { Outputs } from './outputs.js';

/** SIGTERM-to-SIGKILL grace for the children: well inside the runner's 7.5 s between signals. */
export const CANCEL_GRACE_MS = 3000;

/** Exit codes as a shell reports a process ended by the signal: 128 + its number. */
const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The longest a beforeCancelExit hook may take: with the children's grace alongside, the process
 * exits before the runner's SIGTERM (7.5 s after its SIGINT).
 */
export const CANCEL_HOOK_MS = 6000;

let ending: Promise<void> | undefined;
const hooks: ((signal: NodeJS.Signals) => Promise<void>)[] = [];

/** Work a cancel waits for (bounded by CANCEL_HOOK_MS) before it exits, such as the cell's record. */
export function beforeCancelExit(hook: (signal: NodeJS.Signals) => Promise<void>): void {
  hooks.push(hook);
}

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
    const message = `The step was cancelled (${signal}).`;
    core.setOutput(Outputs.Error, message);
    core.setFailed(`${message} Ending ${liveChildren().length} running child process group(s).`);
    // Started before the children are signalled: their ending makes the step unwind and record a failure.
    const finishing = hooks.map((hook) =>
      raceTimeout(
        hook(signal).catch((e: unknown) => core.warning(`While cancelling: ${(e as Error).message}`)),
        CANCEL_HOOK_MS,
      ),
    );
    ending = Promise.all([endAll(CANCEL_GRACE_MS), ...finishing]).then(() => {
      core.setOutput(Outputs.Error, message);
      onExit(EXIT_CODE[signal] ?? 1);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    ending = undefined;
    hooks.length = 0;
    stopStarting(undefined);
  };
}
