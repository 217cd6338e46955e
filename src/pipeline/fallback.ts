// The allocator fallback: build and boot with each allocator in the attempt order until one passes.
// Only an allocator failure seen at the smoke boot (an emscripten allocator assertion, c2w issue
// #400) moves on to the next allocator; any other failure ends the run as it is.
import type { Allocator, Target } from '../types/inputs.js';

/**
 * The allocators to build with, in order: the one asked for, then the `allocator-fallback` list
 * without it and without repeats. A `wasi` build has one attempt: wasi-sdk's output never uses
 * the emscripten allocator, so another allocator would build the same module.
 */
export function attemptOrder(target: Target, allocator: Allocator, fallback: readonly Allocator[]): Allocator[] {
  if (target === 'wasi') return [allocator];
  return [...new Set([allocator, ...fallback])];
}

/** What one attempt ended with. */
export type Attempt<T> =
  | { passed: true; value: T }
  /** `allocatorFailure` is the output line that showed an allocator failure, when one did. */
  | { passed: false; error: Error; allocatorFailure?: string };

export interface Rejection {
  allocator: Allocator;
  /** The line that showed the allocator failure. */
  line: string;
}

export interface FallbackResult<T> {
  allocator: Allocator;
  value: T;
  /** The allocators that failed before `allocator` passed, in order. */
  rejected: Rejection[];
}

/**
 * Runs `attempt` for each allocator in `order` until one passes. An attempt that failed without
 * an allocator failure, or the last one, throws its error.
 */
export async function firstPassing<T>(
  order: readonly Allocator[],
  attempt: (allocator: Allocator) => Promise<Attempt<T>>,
  /** Called after each rejection with every rejection so far (the newest last) and the next allocator. */
  onRejected: (rejected: readonly Rejection[], next: Allocator) => void = () => undefined,
): Promise<FallbackResult<T>> {
  const rejected: Rejection[] = [];
  for (const [i, allocator] of order.entries()) {
    const result = await attempt(allocator);
    if (result.passed) return { allocator, value: result.value, rejected };
    const next = order[i + 1];
    if (result.allocatorFailure === undefined || next === undefined) throw result.error;
    rejected.push({ allocator, line: result.allocatorFailure });
    onRejected(rejected, next);
  }
  throw new Error('No allocator to build with.');
}
