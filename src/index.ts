// The bundle's single entry: the main step, the post step (dispatched on saved state, as
// docker/build-push-action does), the smoke-boot child process the main step starts, and the
// report action (report/action.yml runs dist/report.js, which imports this bundle).
import * as path from 'node:path';
import * as core from '@actions/core';
import { cancelSettled, installCancelHandlers } from './cancel.js';
import { exitWhenFlushed } from './log.js';
import { SMOKE_CHILD_FLAG } from './smoke-protocol.js';
import { STATE } from './state.js';

/** The file report/action.yml runs; it only imports this bundle (scripts/build-entries.mjs writes it). */
export const REPORT_ENTRY = 'report.js';

if (process.argv.includes(SMOKE_CHILD_FLAG)) {
  const { smokeChildMain } = await import('./smoke-child.js');
  await smokeChildMain();
} else {
  // A cancel ends the child process groups before the step exits.
  installCancelHandlers();
  if (path.basename(process.argv[1] ?? '') === REPORT_ENTRY) {
    const { reportMain } = await import('./report-main.js');
    await reportMain();
  } else if (core.getState(STATE.isPost) === 'true') {
    const { post } = await import('./post.js');
    await post();
  } else {
    core.saveState(STATE.isPost, 'true');
    const { main } = await import('./main.js');
    await main();
  }
  // A stalled cache download can keep sockets open; the step is done, so end the process
  // (actions/cache and setup-node do the same), but only once the groups a cancel is ending are
  // gone and the log has what was written to it.
  await cancelSettled();
  await exitWhenFlushed(process.exitCode ?? 0);
}
