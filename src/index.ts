// The bundle's single entry: the main step, the post step (dispatched on saved state, as
// docker/build-push-action does), the smoke-boot child process the main step starts, the report
// action (report/action.yml runs dist/report.js) and the c2w-action command (package.json `bin`:
// dist/c2w-action.js); those two files only import this bundle, which dispatches on their name.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { cancelSettled, installCancelHandlers } from './action/cancel.js';
import { protectSecrets } from './lib/redact.js';
import { exitWhenFlushed } from './lib/workflow-log.js';
import { SMOKE_CHILD_FLAG } from './smoke/protocol.js';
import { isPost, setIsPost } from './action/state.js';

/** The files scripts/build-entries.mjs writes beside the bundle: the report action's and the command's. */
export const REPORT_ENTRY = 'report.js';
export const CLI_ENTRY = 'c2w-action.js';

/** The file Node started, through symlinks (npm links a `bin` as node_modules/.bin/<name>). */
function startedFile(): string {
  const file = process.argv[1] ?? '';
  try {
    return path.basename(realpathSync(file));
  } catch {
    return path.basename(file);
  }
}
const started = startedFile();

if (process.argv.includes(SMOKE_CHILD_FLAG)) {
  const { smokeChildMain } = await import('./smoke/child.js');
  await smokeChildMain();
} else if (started === CLI_ENTRY) {
  protectSecrets({ runner: false });
  const { cliMain } = await import('./cli/main.js');
  const code = await cliMain(process.argv.slice(2));
  // A stalled download can keep sockets open; the command is done.
  process.exit(code);
} else {
  // Before anything can log (a library's ::debug:: line included).
  protectSecrets({ runner: true });
  // A cancel ends the child process groups before the step exits.
  installCancelHandlers();
  if (started === REPORT_ENTRY) {
    const { reportMain } = await import('./report/main.js');
    await reportMain();
  } else if (isPost()) {
    const { post } = await import('./action/post.js');
    await post();
  } else {
    setIsPost();
    const { main } = await import('./action/main.js');
    await main();
  }
  // A stalled cache download can keep sockets open; the step is done, so end the process
  // (actions/cache and setup-node do the same), but only once the groups a cancel is ending are
  // gone and the log has what was written to it.
  await cancelSettled();
  await exitWhenFlushed(process.exitCode ?? 0);
}
