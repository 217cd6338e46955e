// The main step, in the order a user reads it in the log.
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import { convert } from './convert.js';
import { prepareDockerfile } from './dockerfile.js';
import { getInputs } from './inputs.js';
import { installC2w } from './install.js';
import { Report } from './summary.js';

export async function main(): Promise<void> {
  const report = new Report();
  let failure: string | undefined;
  try {
    const inputs = getInputs();
    const tempDir = path.join(process.env.RUNNER_TEMP || os.tmpdir(), `c2w-action-${process.pid}`);

    const c2w = await core.group('Install c2w', () =>
      installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }),
    );
    report.set('c2w-version', c2w.version);

    const dockerfile = await core.group('Prepare the Dockerfile', () => prepareDockerfile(inputs, c2w.c2w, tempDir));
    report.set('allocator', inputs.allocator);

    const built = await convert(c2w.c2w, inputs, dockerfile.path);
    report.set('wasm-path', built.path);
    report.set('wasm-size', built.size);
    report.set('sha256', built.sha256);
    report.set('build-seconds', built.buildSeconds);
  } catch (e) {
    failure = (e as Error).message;
    core.setFailed(failure);
  }
  await report.write('c2w-action', failure);
}
