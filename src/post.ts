// The post step: runs after the job's other steps (post-if: always()). It saves the build
// cache the main step rotated and removes a builder the main step created. Never fails the job.
import * as os from 'node:os';
import * as core from '@actions/core';
import { isLocalCacheDir, removeBuilder, saveLayers } from './cache.js';
import { STATE } from './state.js';

export async function post(): Promise<void> {
  try {
    const save = core.getState(STATE.cacheSave);
    if (save) {
      const { dir, key } = JSON.parse(save) as { dir: string; key: string };
      // State is only ever a folder localCacheDir named; anything else did not come from the main step.
      if (!isLocalCacheDir(process.env.RUNNER_TEMP || os.tmpdir(), dir))
        core.warning(`Not saving the build cache: unexpected folder ${dir} in the step state.`);
      else await core.group('Save the build cache', () => saveLayers(dir, key));
    }
    const builder = core.getState(STATE.createdBuilder);
    if (builder) await removeBuilder(builder);
  } catch (e) {
    core.warning(`c2w-action post step: ${(e as Error).message}`);
  }
}
