// The main step, in the order a user reads it in the log:
// inputs → install → Dockerfile → cache restore → convert → smoke → publish (→ cache save in post).
// Results live in variables here; the summary only renders what is set as an output.
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import { builderFlags, chooseBuilder } from '../buildx/builder.js';
import { cacheFlags, keyDockerfileSha256 } from '../cache/keys.js';
import { describeTrouble } from '../buildx/cache-trouble.js';
import { convert, type BuiltOutput } from '../c2w/convert.js';
import { prepareDockerfile } from '../c2w/dockerfile.js';
import { attemptOrder, firstPassing, type Attempt } from '../pipeline/fallback.js';
import { getInputs } from '../config/inputs.js';
import { installC2w, type InstalledC2w } from '../c2w/install.js';
import { LayerCache } from '../pipeline/layer-cache.js';
import { withoutWorkflowCommands } from '../lib/workflow-log.js';
import { Outputs } from './outputs.js';
import { defaultAssetName } from '../publish/names.js';
import { publish } from '../publish/publish.js';
import { ClassifiedError, type CellProgress } from '../report/record.js';
import { recordCancelledCell, recordCell, recordRefusedCell } from '../report/cell-record.js';
import { beforeCancelExit } from './cancel.js';
import { runSmoke, type SmokeResult } from '../smoke/boot.js';
import { smokeSeries } from '../smoke/series.js';
import { STATE } from './state.js';
import { JobSummary } from './job-summary.js';
import type { Inputs } from '../config/types.js';

export async function main(): Promise<void> {
  const report = new JobSummary();
  const progress: CellProgress = { stage: 'install', rejected: [], figures: {} };
  let inputs: Inputs | undefined;
  let error: Error | undefined;
  try {
    inputs = getInputs();
    const valid = inputs;
    if (valid.record) beforeCancelExit((signal) => recordCancelledCell(valid, progress, signal));
    await pipeline(inputs, report, progress);
  } catch (e) {
    error = e as Error;
    // Also an output: a later step (continue-on-error) can read why, not only that it failed.
    core.setOutput(Outputs.Error, error.message);
    core.setFailed(error.message);
  }
  // Every run records itself for the report action: passed, failed, or refused at its inputs.
  if (inputs?.record) await recordCell(inputs, progress, error);
  else if (!inputs && error) await recordRefusedCell(error);
  await report.write('c2w-action', error?.message);
}

async function pipeline(inputs: Inputs, report: JobSummary, progress: CellProgress): Promise<void> {
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir();

  const c2w = await core.group('Install c2w', () =>
    installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }),
  );
  report.set(Outputs.C2wVersion, c2w.version);

  const builder = await chooseBuilder(inputs, process.env.GITHUB_RUN_ID || 'local');
  if (builder.created && builder.name) core.saveState(STATE.createdBuilder, builder.name);

  // One build per allocator, in the attempt order, until one passes its smoke boot.
  progress.stage = 'build';
  const layers = new LayerCache(inputs, builder, runnerTemp, report, progress);
  const {
    allocator,
    value: built,
    rejected,
  } = await firstPassing(
    attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
    (allocator) => buildAndBoot({ ...inputs, allocator }, c2w, layers, runnerTemp, report, progress),
    (rejectedSoFar, next) => {
      progress.rejected = [...rejectedSoFar];
      const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1]!;
      report.set(Outputs.RejectedAllocators, rejectedSoFar.map((r) => `${r.allocator}: ${r.line}`).join('\n'));
      report.note(
        `Allocator ${allocator} was rejected: its smoke boot failed with "${line}". Rebuilding with ${next}.`,
      );
      core.warning(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
    },
  );
  if (rejected.length > 0) {
    report.note(
      `Allocator ${allocator} passed the smoke boot after ${rejected.map((r) => r.allocator).join(', ')} failed.`,
    );
  }

  progress.stage = 'publish';
  if (inputs.uploadArtifact || inputs.releaseTag || inputs.releaseId !== undefined) {
    const assetName = inputs.assetName || defaultAssetName(inputs);
    // Named after the allocator the cell asked for, so a cell that fell back to another
    // allocator does not take the name of the cell that asked for that one.
    await core.group('Publish', () =>
      publish(
        inputs,
        { path: built.path, sha256: built.sha256, target: inputs.target },
        {
          onOutput: (name, value) => {
            report.set(name, value);
            if (name === Outputs.ReleaseId)
              progress.release = { id: value, assets: [assetName, `${assetName}.sha256`] };
          },
        },
      ),
    );
  }
}

/** One attempt: the Dockerfile with `attempt.allocator`, the conversion, the smoke boot. */
async function buildAndBoot(
  attempt: Inputs,
  c2w: InstalledC2w,
  layers: LayerCache,
  runnerTemp: string,
  report: JobSummary,
  progress: CellProgress,
): Promise<Attempt<BuiltOutput>> {
  progress.stage = 'build';
  progress.allocatorUsed = attempt.allocator;
  const workDir = path.join(runnerTemp, `c2w-action-${process.pid}`, attempt.allocator);
  const dockerfile = await core.group('Prepare the Dockerfile', () => prepareDockerfile(attempt, c2w.c2w, workDir));
  report.set(Outputs.Allocator, attempt.allocator);

  const keyDockerfile = keyDockerfileSha256(attempt.target, dockerfile.sha256, dockerfile.sourceSha256);
  const plan = await layers.plan(c2w.version, keyDockerfile, dockerfile.sourceSha256);
  const built = await convert(c2w.c2w, attempt, dockerfile.path, [
    ...builderFlags(layers.builder.name),
    ...cacheFlags(plan),
  ]);
  report.set(Outputs.WasmPath, built.path);
  report.set(Outputs.WasmSize, built.size);
  report.set(Outputs.Sha256, built.sha256);
  report.set(Outputs.BuildSeconds, built.buildSeconds);
  for (const trouble of built.cacheTrouble) {
    const { level, message } = describeTrouble(trouble, plan.mode === 'registry' ? plan.ref : undefined);
    if (level === 'warning') core.warning(message);
    else core.info(message);
  }
  Object.assign(progress.figures, { wasmSize: built.size, sha256: built.sha256, buildSeconds: built.buildSeconds });
  await layers.built(plan);

  progress.stage = 'smoke';
  const smoke = await smokeBoot(attempt, built, report, progress);
  if (smoke === undefined || smoke.result === 'passed') return { passed: true, value: built };
  const failure = smoke.allocatorFailure;
  const hint = failure ? `\n${failure.suggestion}` : '';
  return {
    passed: false,
    error: new ClassifiedError(
      `Smoke boot ${smoke.result}: ${smoke.message}${hint}\nNothing was published.`,
      failure ? 'allocator' : `smoke-${smoke.result}`,
      failure?.line,
    ),
    ...(failure ? { allocatorFailure: failure.line } : {}),
  };
}

/**
 * Boots the output in Node `smoke-runs` times, each in its own child process, and checks what it
 * prints; the first run that does not pass ends the series. undefined when skipped.
 */
async function smokeBoot(
  inputs: Inputs,
  built: BuiltOutput,
  report: JobSummary,
  progress: CellProgress,
): Promise<SmokeResult | undefined> {
  if (!inputs.smoke) {
    report.set(Outputs.SmokeResult, 'skipped');
    progress.figures.smokeResult = 'skipped';
    return undefined;
  }
  const series = await smokeSeries(inputs, built.path, async (options, title) => {
    const result = await core.group(title, () =>
      withoutWorkflowCommands(() => runSmoke({ ...options, log: process.stdout })),
    );
    core.info(result.message);
    return result;
  });
  for (const [name, value] of Object.entries(series.outputs)) report.set(name as Outputs, value);
  Object.assign(progress.figures, { smokeResult: series.last.result, ...series.figures });
  return series.last;
}
