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
