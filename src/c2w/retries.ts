// The conversion, tried again after transient network trouble (transient.ts): the same c2w argv on
// the same builder, so BuildKit answers every stage that finished the first time from its store and
// the build resumes at the step that failed. A failure of any other kind, or a known one
// (failures.ts: disk, memory, allocator, ...), is never retried.
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../lib/log.js';
import { classifyFailure } from './failures.js';
import { classifyTransient, type TransientFailure } from './transient.js';
import { convert, ConversionError, type BuiltOutput, type ConvertInputs } from './convert.js';

/** The pause before retry `n` (1-based): 10 s, 20 s, 40 s, ... Pure. */
export function retryPauseSeconds(n: number): number {
  return 10 * 2 ** (n - 1);
}

/**
 * All the pauses of one conversion together, whatever build-retries says: a blip is over in
 * minutes, and build-retries: 10 would otherwise add 10,230 s of waiting (10 + 20 + … + 5,120).
 */
export const MAX_TOTAL_PAUSE_SECONDS = 600;

/**
 * The pause before retry `n` when `paused` seconds have been spent already: the growing pause,
 * cut to what is left of MAX_TOTAL_PAUSE_SECONDS; undefined once nothing is left. Pure.
 */
export function nextPause(n: number, paused: number): number | undefined {
  const left = MAX_TOTAL_PAUSE_SECONDS - paused;
  return left <= 0 ? undefined : Math.min(retryPauseSeconds(n), left);
}

/**
 * What a failed attempt leads to: the transient trouble to retry after, or undefined to fail now.
 * `attempt` is 1-based; `retries` is the build-retries input. Pure.
 */
export function retryDecision(error: unknown, attempt: number, retries: number): TransientFailure | undefined {
  if (attempt > retries) return undefined;
  if (!(error instanceof ConversionError) || error.log === undefined) return undefined;
  if (classifyFailure(error.log) !== undefined) return undefined;
  return classifyTransient(error.log);
}

export interface RetryOptions {
  /** How many times a build that failed with transient network trouble is run again (build-retries). */
  retries: number;
  /** Called as each attempt starts, with its number (1 for the first): the run's build.attempts. */
  onAttempt?: (attempt: number) => void;
  /** The pause between attempts (a seam for the unit tests). */
  pause?: (seconds: number) => Promise<void>;
}

/** `convert`, run again after transient network trouble, at most `options.retries` more times. */
export async function convertWithRetries(
  c2w: string,
  inputs: ConvertInputs,
  dockerfile: string,
  extraFlags: string[],
  options: RetryOptions,
): Promise<BuiltOutput> {
  const pause = options.pause ?? ((seconds: number) => sleep(seconds * 1000));
  let paused = 0;
  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(attempt);
    try {
      return await convert(c2w, inputs, dockerfile, extraFlags);
    } catch (error) {
      const transient = retryDecision(error, attempt, options.retries);
      const seconds = transient === undefined ? undefined : nextPause(attempt, paused);
      if (transient === undefined || seconds === undefined) {
        if (attempt > 1 && error instanceof Error) {
          const spent =
            seconds === undefined && transient !== undefined
              ? `, and its pauses reached ${MAX_TOTAL_PAUSE_SECONDS} s`
              : '';
          error.message = `${error.message}\n(The build ran ${attempt} times${spent}; build-retries is ${options.retries}.)`;
        }
        throw error;
      }
      paused += seconds;
      log.warning(
        `The build failed with transient network trouble${transient.step ? ` in ${transient.step}` : ''}: ` +
          `${transient.reason} (${transient.line}). Retrying the same build on the same builder in ${seconds} s ` +
          `(attempt ${attempt + 1} of ${options.retries + 1}); BuildKit reuses every stage that finished.`,
      );
      await pause(seconds);
    }
  }
}
