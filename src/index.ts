// The bundle's single entry: the main step, the post step (dispatched on saved state, as
// docker/build-push-action does), and the smoke-boot child process.
import * as core from '@actions/core';

const IS_POST = 'isPost';

if (core.getState(IS_POST) === 'true') {
  const { post } = await import('./post.js');
  await post();
} else {
  core.saveState(IS_POST, 'true');
  const { main } = await import('./main.js');
  await main();
}
