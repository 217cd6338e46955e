// The post step: runs after the job's other steps (post-if: always()). It saves the build
// cache the main step rotated and removes a builder the main step created. Never fails the job.
import * as core from '@actions/core';
import { removeBuilder } from '../buildx/builder.js';
import { ActionsCacheStore } from '../cache/actions-cache-store.js';
import { isLocalCacheDir, saveLayers, type SavePlan } from '../cache/layers.js';
import { cacheSave, createdBuilder } from './state.js';
import { runnerTemp } from '../lib/runner.js';

export async function post(): Promise<void> {
  try {
    const plan = cacheSave();
    if (plan) {
      // State is only ever a folder localCacheDir named; anything else did not come from the main step.
      if (!isLocalCacheDir(runnerTemp(), plan.dir)) {
        core.warning(`Not saving the build cache: unexpected folder ${plan.dir} in the step state.`);
      } else {
        const saved = await core.group('Save the build cache', () =>
          saveLayers(plan, new ActionsCacheStore(core.getInput('github-token'))),
        );
        await summarize(plan, saved);
      }
    }
    const builder = createdBuilder();
    if (builder) await removeBuilder(builder);
  } catch (e) {
    core.warning(`c2w-action post step: ${(e as Error).message}`);
  }
}

/** One line under the main step's summary: what the cache service now holds from this job. */
async function summarize(plan: SavePlan, saved: { shared: number; allocator: number }): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const parts = [
    saved.shared > 0 ? `${saved.shared} bytes shared by every allocator under <code>${plan.shared?.key}</code>` : '',
    saved.allocator > 0 ? `${saved.allocator} bytes for this allocator under <code>${plan.key}</code>` : '',
  ].filter(Boolean);
  await core.summary.addRaw(`Build cache saved: ${parts.length ? parts.join('; ') : 'nothing'}.`, true).write();
}
