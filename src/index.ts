// The bundle's single entry: the main step, the post step (dispatched on saved state, as
// docker/build-push-action does), and the smoke-boot child process the main step starts.
import * as core from '@actions/core';
import { cancelSettled, installCancelHandlers } from './cancel.js';
import { SMOKE_CHILD_FLAG } from './smoke.js';
import { STATE } from './state.js';

if (process.argv.includes(SMOKE_CHILD_FLAG)) {
  const { smokeChildMain } = await import('./smoke-child.js');
  await smokeChildMain();
} else {
  // A cancel ends the child process groups before the step exits.
  installCancelHandlers();
  if (core.getState(STATE.isPost) === 'true') {
    const { post } = await import('./post.js');
    await post();
  } else {
    core.saveState(STATE.isPost, 'true');
    const { main } = await import('./main.js');
    await main();
  }
  // A stalled cache download can keep sockets open; the step is done, so end the process
  // (actions/cache and setup-node do the same).
  await cancelSettled();
  process.exit(process.exitCode ?? 0);
}
