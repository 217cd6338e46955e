// The main step, in the order a user reads it in the log:
// inputs → install → Dockerfile → cache restore → convert → smoke → publish (→ cache save in post).
// Results live in variables here; the summary only renders what is set as an output.
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import {
  builderFlags,
  cacheFlags,
  cacheKeys,
  chooseBuilder,
  keyDockerfileSha256,
  localCacheDir,
  plannedSave,
  restoreLayers,
  rotate,
  type BuilderChoice,
  type CachePlan,
  type SavePlan,
} from './cache.js';
import { describeTrouble } from './cache-trouble.js';
import { convert, type BuiltOutput } from './convert.js';
import { prepareDockerfile } from './dockerfile.js';
import { attemptOrder, firstPassing, type Attempt } from './fallback.js';
import { getInputs } from './inputs.js';
import { installC2w, type InstalledC2w } from './install.js';
import { withoutWorkflowCommands } from './log.js';
import { Outputs } from './outputs.js';
import { classifyFailure } from './failures.js';
import { defaultArtifactName, defaultAssetName } from './names.js';
import { publish } from './publish.js';
import { buildRecord, ClassifiedError, failureOf, type CellProgress } from './record.js';
import { uploadRecord } from './record-artifact.js';
import { runSmoke, type SmokeResult } from './smoke.js';
import { smokeFigures } from './smoke-figures.js';
import { STATE } from './state.js';
import { Report } from './summary.js';
import type { Inputs } from './types.js';

const SMOKE_OUTPUT_MAX = 4096;

export async function main(): Promise<void> {
  const report = new Report();
  const progress: CellProgress = { stage: 'install', rejected: [], figures: {} };
  let inputs: Inputs | undefined;
  let error: Error | undefined;
  try {
    inputs = getInputs();
    await pipeline(inputs, report, progress);
  } catch (e) {
    error = e as Error;
    // Also an output: a later step (continue-on-error) can read why, not only that it failed.
    core.setOutput(Outputs.Error, error.message);
    core.setFailed(error.message);
  }
  // Every run past input validation records itself, passed or failed, for the report action.
  if (inputs?.record) await recordCell(inputs, progress, error);
  await report.write('c2w-action', error?.message);
}

async function recordCell(inputs: Inputs, progress: CellProgress, error: Error | undefined): Promise<void> {
  const record = buildRecord(
    inputs.artifactName || defaultArtifactName(inputs),
    inputs,
    progress,
    error ? failureOf(progress.stage, error, classifyFailure) : undefined,
    { os: process.env.RUNNER_OS || os.platform(), arch: process.env.RUNNER_ARCH || os.arch() },
  );
  await uploadRecord(record);
}

async function pipeline(inputs: Inputs, report: Report, progress: CellProgress): Promise<void> {
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
  report: Report,
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
 * The build layers across attempts: the first attempt restores the cache; a fallback rebuild
 * imports what the previous build exported, and the post step saves the last export.
 */
class LayerCache {
  private current: CachePlan | undefined;
  private saveKey: string | undefined;
  private primaryKey = '';

  constructor(
    private readonly inputs: Inputs,
    readonly builder: BuilderChoice,
    private readonly runnerTemp: string,
    private readonly report: Report,
    private readonly progress: CellProgress,
  ) {}

  async plan(c2wVersion: string, dockerfileSha256: string, sharedDockerfileSha256: string): Promise<CachePlan> {
    const inputs = this.inputs;
    const keys = cacheKeys({
      prefix: inputs.cacheKey,
      runnerOs: process.env.RUNNER_OS || os.platform(),
      runnerArch: process.env.RUNNER_ARCH || os.arch(),
      c2wVersion,
      target: inputs.target,
      targetArch: inputs.targetArch,
      dockerfileSha256,
      sharedDockerfileSha256,
      buildArgs: inputs.buildArgs,
      debugImage: inputs.debugImage,
      image: inputs.image,
    });
    this.primaryKey = keys.primary;
    if (inputs.cache !== 'none') this.report.set(Outputs.CachePrimaryKey, keys.primary);
    if (this.current === undefined) {
      const cache = this.builder.canExport ? inputs.cache : 'none';
      const restored = await core.group('Restore the build cache', () =>
        restoreLayers({ ...inputs, cache }, keys, localCacheDir(this.runnerTemp, keys)),
      );
      this.current = restored.plan;
      if (inputs.cache !== 'none') {
        this.report.set(Outputs.CacheHit, restored.plan.exactHit);
        this.report.set(Outputs.CacheMatchedKey, restored.matchedKey ?? '');
        this.report.set(Outputs.CacheSize, restored.size);
        Object.assign(this.progress.figures, { cacheHit: restored.plan.exactHit, cacheBytes: restored.size });
        this.report.set(Outputs.CacheRestoredSharedSize, restored.sharedSize);
        this.report.set(Outputs.CacheRestoredAllocatorSize, restored.allocatorSize);
        // Until a build exports something to save (never, on an exact hit).
        this.report.set(Outputs.CacheSavedSharedSize, 0);
        this.report.set(Outputs.CacheSavedAllocatorSize, 0);
      }
    } else {
      const previous: CachePlan = this.current;
      this.current = { ...previous, restored: previous.restored || this.saveKey !== undefined, exactHit: false };
    }
    return this.current;
  }

  /** After a good build: rotate the export in and tell the post step what to save. */
  async built(plan: CachePlan): Promise<void> {
    if (await rotate(plan)) this.saveKey = this.primaryKey;
    if (this.saveKey !== undefined) {
      const save: SavePlan = {
        dir: plan.dir,
        key: this.saveKey,
        ...(plan.shared ? { shared: plan.shared } : {}),
        timeoutSeconds: this.inputs.cacheTimeoutSeconds,
      };
      core.saveState(STATE.cacheSave, JSON.stringify(save));
      const bytes = await plannedSave(save);
      this.report.set(Outputs.CacheSavedSharedSize, bytes.shared);
      this.report.set(Outputs.CacheSavedAllocatorSize, bytes.allocator);
    }
  }
}

/**
 * Boots the output in Node `smoke-runs` times, each in its own child process, and checks what it
 * prints; the first run that does not pass ends the series. undefined when skipped.
 */
async function smokeBoot(
  inputs: Inputs,
  built: BuiltOutput,
  report: Report,
  progress: CellProgress,
): Promise<SmokeResult | undefined> {
  if (!inputs.smoke) {
    report.set(Outputs.SmokeResult, 'skipped');
    progress.figures.smokeResult = 'skipped';
    return undefined;
  }
  const runs: SmokeResult[] = [];
  let result: SmokeResult | undefined;
  for (let i = 1; i <= inputs.smokeRuns && (result === undefined || result.result === 'passed'); i++) {
    const title = `Smoke boot${inputs.smokeRuns > 1 ? ` ${i} of ${inputs.smokeRuns}` : ''}: ${inputs.smokeCommand.join(' ')}`;
    result = await core.group(title, () =>
      withoutWorkflowCommands(() =>
        runSmoke({
          target: inputs.target,
          path: built.path,
          command: inputs.smokeCommand,
          expect: inputs.smokeExpect,
          timeoutSeconds: inputs.smokeTimeoutSeconds,
          env: inputs.smokeEnv,
          allocator: inputs.allocator,
          log: process.stdout,
        }),
      ),
    );
    runs.push(result);
    core.info(result.message);
  }
  const figures = smokeFigures(runs);
  report.set(Outputs.SmokeResult, result!.result);
  report.set(Outputs.SmokeSeconds, figures.smokeSecondsMedian);
  report.set(Outputs.SmokeSecondsMax, figures.smokeSecondsMax);
  if (figures.smokePeakRss !== undefined) report.set(Outputs.SmokePeakRss, figures.smokePeakRss);
  report.set(
    Outputs.SmokeOutput,
    result!.stdout.length > SMOKE_OUTPUT_MAX ? `${result!.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : result!.stdout,
  );
  Object.assign(progress.figures, { smokeResult: result!.result, ...figures });
  return result;
}
