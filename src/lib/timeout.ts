// Time limits for work that cannot itself be stopped (a library call with no abort signal): the
// caller stops waiting; the work is abandoned and ends with the action's process.

export const TIMED_OUT = Symbol('timed out');

/** `promise`'s value, or TIMED_OUT when it has not settled within `ms`. The timer never holds the process. */
export async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** `promise`'s value, or an error naming `what` when it has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const result = await raceTimeout(promise, ms);
  if (result === TIMED_OUT)
    throw new Error(`${what} got no answer within ${Math.round(ms / 100) / 10} s; re-run the job`);
  return result;
}
