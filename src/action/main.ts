// The main step, in the order a user reads it in the log:
// inputs → install → builder → (per allocator: Dockerfile → cache restore → convert → smoke) →
// publish (→ cache save and builder removal in the post step). The conversion is the pipeline the
// command runs too (pipeline/convert-image.ts); this step gives it the action's sink and the
// Actions cache as the home of its layers. What the run learns is one result (types/result.ts),
// rendered at the end, whether the run passed or not: the outputs, the job summary, the cell record.
import * as path from 'node:path';
import * as core from '@actions/core';
import { chooseBuilder } from '../buildx/builder.js';
import { installC2w } from '../c2w/install.js';
import { localCacheDir, plannedSave } from '../cache/layers.js';
import { ActionsCacheStore } from '../cache/actions-cache-store.js';
import { getInputs } from '../config/inputs.js';
import type { Inputs } from '../types/inputs.js';
import { newRunResult, type RunResult } from '../types/result.js';
import { convertImage } from '../pipeline/convert-image.js';
import type { LayerHome } from '../pipeline/layer-cache.js';
import { publish } from '../publish/publish.js';
import { redact } from '../lib/redact.js';
import { Outputs, outputsOf } from './outputs.js';
import { recordCancelledCell, recordCell, recordRefusedCell } from '../record/cell-record.js';
import { renderMetadata } from '../record/metadata.js';
import { failureOf } from '../record/record.js';
import { classifyFailure } from '../c2w/failures.js';
import { beforeCancelExit } from './cancel.js';
import { ActionSink } from './sink.js';
import { setCacheSave, setCreatedBuilder } from './state.js';
import { runnerPlatform, runnerTemp } from '../lib/runner.js';
import { workspaceRoot } from '../site/folder.js';

export async function main(): Promise<void> {
  const sink = new ActionSink();
  const result = newRunResult();
  let inputs: Inputs | undefined;
  let error: Error | undefined;
  try {
    inputs = getInputs((name) => core.getInput(name));
    const valid = inputs;
    // A cancel sets the outputs and records the cell with what the run learned so far, before the step exits.
    beforeCancelExit(async (signal) => {
      setOutputs(result);
      if (valid.record) await recordCancelledCell(valid, result, signal);
    });
    await run(inputs, sink, result);
  } catch (e) {
    error = e as Error;
  }
  // Outputs of what the run learned, passed or failed: a later step (continue-on-error) can read them.
  setOutputs(result);
  if (error) {
    // Also an output: a later step can read why, not only that it failed.
    core.setOutput(Outputs.Error, redact(error.message));
    core.setFailed(error.message);
  }
  // Every run records itself for the report action: passed, failed, or refused at its inputs.
  if (inputs?.record) await recordCell(inputs, result, error);
  else if (!inputs && error) await recordRefusedCell(error, (name) => core.getInput(name));
  // The summary names the failure's class as the record does (`inputs` for refused inputs).
  const failureClass = !error ? undefined : inputs ? failureOf(result.stage, error, classifyFailure).class : 'inputs';
  await sink.summary.write('c2w-action', renderMetadata(result), error?.message, failureClass);
}

function setOutputs(result: RunResult): void {
  for (const [name, value] of Object.entries(outputsOf(result, renderMetadata(result)))) core.setOutput(name, value);
}

async function run(inputs: Inputs, sink: ActionSink, result: RunResult): Promise<void> {
  const temp = runnerTemp();

  const c2w = await core.group('Install c2w', () =>
    installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }),
  );
  // Later steps of the job can run the installed c2w by name (as setup-* actions put their tool on PATH).
  if (inputs.c2wVersion !== 'system') core.addPath(path.dirname(c2w.c2w));
  result.build.c2wVersion = c2w.version;

  const builder = await chooseBuilder(inputs, process.env.GITHUB_RUN_ID || 'local');
  if (builder.created && builder.name) setCreatedBuilder(builder.name);

  const { build } = await convertImage(
    inputs,
    {
      c2w,
      builder,
      home: actionsCacheHome(temp),
      workDir: path.join(temp, `c2w-action-${process.pid}`),
      siteRoot: workspaceRoot(),
    },
    sink,
    result,
  );

  result.stage = 'publish';
  if (inputs.uploadArtifact || inputs.releaseTag || inputs.releaseId !== undefined) {
    // What publish learns goes into the result as it is learned: a failed release leaves the artifact's facts.
    const published = (result.publish = {});
    await core.group('Publish', () =>
      publish(inputs, { path: build.wasmPath!, sha256: build.sha256!, target: inputs.target }, {}, published),
    );
  }
}

/** The Actions cache, saved by the post step: the plan goes to it through the step state. */
function actionsCacheHome(temp: string): LayerHome {
  return {
    store: new ActionsCacheStore(),
    runner: runnerPlatform(),
    dir: (keys) => localCacheDir(temp, keys),
    save: async (plan) => {
      setCacheSave(plan);
      return plannedSave(plan);
    },
  };
}
