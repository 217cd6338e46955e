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
import { convert, type BuiltOutput } from './convert.js';
import { prepareDockerfile } from './dockerfile.js';
import { attemptOrder, firstPassing, type Attempt } from './fallback.js';
import { getInputs } from './inputs.js';
import { installC2w, type InstalledC2w } from './install.js';
import { withoutWorkflowCommands } from './log.js';
import { Outputs } from './outputs.js';
import { publish } from './publish.js';
import { runSmoke, type SmokeResult } from './smoke.js';
import { STATE } from './state.js';
import { Report } from './summary.js';
import type { Inputs } from './types.js';

const SMOKE_OUTPUT_MAX = 4096;

export async function main(): Promise<void> {
  const report = new Report();
  let failure: string | undefined;
  try {
    await pipeline(report);
  } catch (e) {
    failure = (e as Error).message;
    core.setFailed(failure);
  }
  await report.write('c2w-action', failure);
}

async function pipeline(report: Report): Promise<void> {
  const inputs = getInputs();
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir();

  const c2w = await core.group('Install c2w', () =>
    installC2w({ version: inputs.c2wVersion, downloadUrl: inputs.c2wDownloadUrl, token: inputs.githubToken }),
  );
  report.set(Outputs.C2wVersion, c2w.version);

  const builder = await chooseBuilder(inputs, process.env.GITHUB_RUN_ID || 'local');
  if (builder.created && builder.name) core.saveState(STATE.createdBuilder, builder.name);

  // One build per allocator, in the attempt order, until one passes its smoke boot.
  const layers = new LayerCache(inputs, builder, runnerTemp, report);
  const {
    allocator,
    value: built,
    rejected,
  } = await firstPassing(
    attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
    (allocator) => buildAndBoot({ ...inputs, allocator }, c2w, layers, runnerTemp, report),
    (rejectedSoFar, next) => {
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

  if (inputs.uploadArtifact || inputs.releaseTag || inputs.releaseId !== undefined) {
    // Named after the allocator the cell asked for, so a cell that fell back to another
    // allocator does not take the name of the cell that asked for that one.
    await core.group('Publish', () =>
      publish(
        inputs,
        { path: built.path, sha256: built.sha256, target: inputs.target },
        { onOutput: (name, value) => report.set(name, value) },
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
): Promise<Attempt<BuiltOutput>> {
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
  await layers.built(plan);

  const smoke = await smokeBoot(attempt, built, report);
  if (smoke === undefined || smoke.result === 'passed') return { passed: true, value: built };
  const failure = smoke.allocatorFailure;
  const hint = failure ? `\n${failure.suggestion}` : '';
  return {
    passed: false,
    error: new Error(`Smoke boot ${smoke.result}: ${smoke.message}${hint}\nNothing was published.`),
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
        restoreLayers({ ...inputs, cache }, keys, localCacheDir(this.runnerTemp)),
      );
      this.current = restored.plan;
      if (inputs.cache !== 'none') {
        this.report.set(Outputs.CacheHit, restored.plan.exactHit);
        this.report.set(Outputs.CacheMatchedKey, restored.matchedKey ?? '');
        this.report.set(Outputs.CacheSize, restored.size);
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
      const save: SavePlan = { dir: plan.dir, key: this.saveKey, ...(plan.shared ? { shared: plan.shared } : {}) };
      core.saveState(STATE.cacheSave, JSON.stringify(save));
      const bytes = await plannedSave(save);
      this.report.set(Outputs.CacheSavedSharedSize, bytes.shared);
      this.report.set(Outputs.CacheSavedAllocatorSize, bytes.allocator);
    }
  }
}

/** Boots the output in Node (a child process) and checks what it prints; undefined when skipped. */
async function smokeBoot(inputs: Inputs, built: BuiltOutput, report: Report): Promise<SmokeResult | undefined> {
  if (!inputs.smoke) {
    report.set(Outputs.SmokeResult, 'skipped');
    return undefined;
  }
  const result = await core.group(`Smoke boot: ${inputs.smokeCommand.join(' ')}`, () =>
    withoutWorkflowCommands(() =>
      runSmoke({
        target: inputs.target,
        path: built.path,
        command: inputs.smokeCommand,
        expect: inputs.smokeExpect,
        timeoutSeconds: inputs.smokeTimeoutSeconds,
        env: inputs.smokeEnv,
        allocator: inputs.allocator,
        onOutput: (_stream, chunk) => process.stdout.write(chunk),
      }),
    ),
  );
  report.set(Outputs.SmokeResult, result.result);
  report.set(Outputs.SmokeSeconds, result.seconds);
  report.set(
    Outputs.SmokeOutput,
    result.stdout.length > SMOKE_OUTPUT_MAX ? `${result.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : result.stdout,
  );
  core.info(result.message);
  return result;
}
