// The post step: runs after the job's other steps. Errors here are warnings, never failures.
import * as core from '@actions/core';

export async function post(): Promise<void> {
  try {
    // The cache save and builder cleanup live here (see cache.ts).
  } catch (e) {
    core.warning(`c2w-action post step: ${(e as Error).message}`);
  }
}
