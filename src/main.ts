// The main step, in the order a user reads it in the log.
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import { builderFlags, cacheFlags, cacheKeys, chooseBuilder, restoreLayers, rotate } from './cache.js';
import { convert } from './convert.js';
import { prepareDockerfile } from './dockerfile.js';
import { getInputs } from './inputs.js';
import { installC2w } from './install.js';
import { STATE } from './state.js';
import { Report } from './summary.js';

export async function main(): Promise<void> {
  const report = new Report();
  let failure: string | undefined;
  try {
    const inputs = getInputs();
    const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir();
    const workDir = path.join(runnerTemp, `c2w-action-${process.pid}`);

    const c2w = await core.group('Install c2w', () =>
      installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }),
    );
    report.set('c2w-version', c2w.version);

    const dockerfile = await core.group('Prepare the Dockerfile', () => prepareDockerfile(inputs, c2w.c2w, workDir));
    report.set('allocator', inputs.allocator);

    const keys = cacheKeys({
      prefix: inputs.cacheKey,
      runnerOs: process.env.RUNNER_OS || os.platform(),
      runnerArch: process.env.RUNNER_ARCH || os.arch(),
      c2wVersion: c2w.version,
      target: inputs.target,
      targetArch: inputs.targetArch,
      dockerfileSha256: dockerfile.sha256,
      buildArgs: inputs.buildArgs,
      image: inputs.image,
    });
    const { builder, restored } = await core.group('Restore the build cache', async () => {
      const builder = await chooseBuilder(inputs, process.env.GITHUB_RUN_ID || 'local');
      if (builder.created && builder.name) core.saveState(STATE.createdBuilder, builder.name);
      // A fixed folder: the cache version hashes the path, so every run must use the same one.
      const restored = await restoreLayers(inputs, keys, path.join(runnerTemp, 'c2w-action'));
      return { builder, restored };
    });
    if (inputs.cache !== 'none') {
      report.set('cache-hit', restored.plan.exactHit);
      report.set('cache-primary-key', keys.primary);
      report.set('cache-matched-key', restored.matchedKey ?? '');
      report.set('cache-size', restored.size);
    }

    const built = await convert(c2w.c2w, inputs, dockerfile.path, [
      ...builderFlags(builder.name),
      ...cacheFlags(restored.plan),
    ]);
    report.set('wasm-path', built.path);
    report.set('wasm-size', built.size);
    report.set('sha256', built.sha256);
    report.set('build-seconds', built.buildSeconds);

    if (await rotate(restored.plan)) {
      core.saveState(STATE.cacheSave, JSON.stringify({ dir: restored.plan.dir, key: keys.primary }));
    }
  } catch (e) {
    failure = (e as Error).message;
    core.setFailed(failure);
  }
  await report.write('c2w-action', failure);
}
