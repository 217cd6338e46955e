// Output the action does not control (the build log, what the guest prints at its smoke boot) can
// contain lines that look like workflow commands (`::set-output …`, `::save-state …`, `::error …`).
// The runner must not act on them: stream such output between ::stop-commands:: and its resume token.
import { randomUUID } from 'node:crypto';

export async function withoutWorkflowCommands<T>(fn: () => Promise<T>): Promise<T> {
  const token = randomUUID().replace(/-/g, '');
  process.stdout.write(`::stop-commands::${token}\n`);
  try {
    return await fn();
  } finally {
    process.stdout.write(`::${token}::\n`);
  }
}

/**
 * Resolves once everything written to process.stdout and process.stderr so far has been handed to
 * the operating system, or after `timeoutMs` (a log reader that never reads must not keep the step
 * alive). On Linux, writes to a pipe are asynchronous in Node: process.exit() drops what is still
 * queued, such as the last `::error::` line or a stop-commands resume token.
 */
export async function flushStdio(timeoutMs = 30_000): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) =>
        new Promise<void>((resolve) => {
          if (stream.writableLength === 0) {
            resolve();
            return;
          }
          const timer = setTimeout(resolve, timeoutMs);
          // The callback of a write runs after every write before it has been flushed.
          stream.write('', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
}

/** process.exit(code), once stdout and stderr are flushed (see flushStdio). */
export async function exitWhenFlushed(code: number | string | undefined, timeoutMs?: number): Promise<never> {
  await flushStdio(timeoutMs);
  process.exit(code);
}
