// The main step, in the order a user reads it in the log:
// inputs → install → Dockerfile → cache restore → convert → smoke → publish (→ cache save in post).
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
  restoreLayers,
  rotate,
  type CachePlan,
} from './cache.js';
import { describeTrouble } from './cache-trouble.js';
import { convert, type BuiltOutput } from './convert.js';
import { prepareDockerfile } from './dockerfile.js';
import { getInputs } from './inputs.js';
import { installC2w } from './install.js';
import { publish } from './publish.js';
import { nextFallbackAllocator, runSmoke, type SmokeResult } from './smoke.js';
import { STATE } from './state.js';
import { withoutWorkflowCommands } from './log.js';
import { Report } from './summary.js';
import type { Allocator, Inputs } from './types.js';

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
  report.set('c2w-version', c2w.version);

  const builder = await chooseBuilder(inputs, process.env.GITHUB_RUN_ID || 'local');
  if (builder.created && builder.name) core.saveState(STATE.createdBuilder, builder.name);

  // One build per allocator: the chosen one, then (js only) the allocator-fallback list
  // while the smoke boot fails with an allocator assertion.
  let allocator: Allocator = inputs.allocator;
  const tried: string[] = [];
  const rejected: string[] = [];
  let plan: CachePlan | undefined;
  let saveKey: string | undefined;
  for (;;) {
    const attempt: Inputs = { ...inputs, allocator };
    const workDir = path.join(runnerTemp, `c2w-action-${process.pid}`, allocator);
    const dockerfile = await core.group('Prepare the Dockerfile', () => prepareDockerfile(attempt, c2w.c2w, workDir));
    report.set('allocator', allocator);

    const keys = cacheKeys({
      prefix: inputs.cacheKey,
      runnerOs: process.env.RUNNER_OS || os.platform(),
      runnerArch: process.env.RUNNER_ARCH || os.arch(),
      c2wVersion: c2w.version,
      target: inputs.target,
      targetArch: inputs.targetArch,
      dockerfileSha256: keyDockerfileSha256(inputs.target, dockerfile.sha256, dockerfile.sourceSha256),
      buildArgs: inputs.buildArgs,
      debugImage: inputs.debugImage,
      image: inputs.image,
    });
    if (plan === undefined) {
      const cache = builder.canExport ? inputs.cache : 'none';
      const restored = await core.group('Restore the build cache', () =>
        restoreLayers({ ...inputs, cache }, keys, localCacheDir(runnerTemp)),
      );
      plan = restored.plan;
      if (inputs.cache !== 'none') {
        report.set('cache-hit', plan.exactHit);
        report.set('cache-matched-key', restored.matchedKey ?? '');
        report.set('cache-size', restored.size);
      }
    } else {
      // A fallback rebuild reuses what the previous build exported.
      plan = { ...plan, restored: plan.restored || saveKey !== undefined, exactHit: false };
    }
    if (inputs.cache !== 'none') report.set('cache-primary-key', keys.primary);

    const built = await convert(c2w.c2w, attempt, dockerfile.path, [
      ...builderFlags(builder.name),
      ...cacheFlags(plan),
    ]);
    report.set('wasm-path', built.path);
    report.set('wasm-size', built.size);
    report.set('sha256', built.sha256);
    report.set('build-seconds', built.buildSeconds);
    for (const trouble of built.cacheTrouble) {
      const { level, message } = describeTrouble(trouble, plan.mode === 'registry' ? plan.ref : undefined);
      if (level === 'warning') core.warning(message);
      else core.info(message);
    }
    if (await rotate(plan)) saveKey = keys.primary;
    if (saveKey !== undefined) {
      core.saveState(STATE.cacheSave, JSON.stringify({ dir: plan.dir, key: saveKey }));
    }

    const smoke = await smokeBoot(inputs, built, allocator, report);
    if (smoke === undefined || smoke.result === 'passed') break;

    const failure = smoke.allocatorFailure;
    const next =
      failure && inputs.target === 'js' ? nextFallbackAllocator(allocator, inputs.allocatorFallback, tried) : undefined;
    if (failure && next) {
      tried.push(allocator);
      rejected.push(`${allocator}: ${failure.line}`);
      report.set('rejected-allocators', rejected.join('\n'));
      report.note(
        `Allocator ${allocator} was rejected: its smoke boot failed with "${failure.line}". Rebuilding with ${next}.`,
      );
      core.warning(
        `The ${allocator} build failed its smoke boot (${failure.line}); rebuilding with allocator ${next}.`,
      );
      allocator = next;
      continue;
    }
    const hint = failure ? `\n${failure.suggestion}` : '';
    throw new Error(`Smoke boot ${smoke.result}: ${smoke.message}${hint}\nNothing was published.`);
  }
  if (tried.length > 0) report.note(`Allocator ${allocator} passed the smoke boot after ${tried.join(', ')} failed.`);

  const built: Pick<BuiltOutput, 'path' | 'sha256'> = { path: report.get('wasm-path')!, sha256: report.get('sha256')! };
  if (inputs.uploadArtifact || inputs.releaseTag) {
    // Named after the allocator the cell asked for, so a cell that fell back to another
    // allocator does not take the name of the cell that asked for that one.
    await core.group('Publish', () =>
      publish(inputs, { ...built, target: inputs.target }, { onOutput: (name, value) => report.set(name, value) }),
    );
  }
}

/** Boots the output in Node (a child process) and checks what it prints; undefined when skipped. */
async function smokeBoot(
  inputs: Inputs,
  built: BuiltOutput,
  allocator: string,
  report: Report,
): Promise<SmokeResult | undefined> {
  if (!inputs.smoke) {
    report.set('smoke-result', 'skipped');
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
        allocator,
        onOutput: (_stream, chunk) => process.stdout.write(chunk),
      }),
    ),
  );
  report.set('smoke-result', result.result);
  report.set('smoke-seconds', result.seconds);
  report.set(
    'smoke-output',
    result.stdout.length > SMOKE_OUTPUT_MAX ? `${result.stdout.slice(0, SMOKE_OUTPUT_MAX)}…` : result.stdout,
  );
  core.info(result.message);
  return result;
}
