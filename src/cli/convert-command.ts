// `c2w-action convert`: the action's pipeline on this machine, stage by stage as main.ts runs it:
// install c2w (or --c2w) → the Dockerfile with the allocator → the build cache (a local folder) →
// the conversion → the smoke boot, per allocator of the fallback order. Publishing is not part of it.
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { builderFlags, chooseBuilder, removeBuilder, type BuilderChoice } from '../buildx/builder.js';
import { cacheFlags, cacheKeys, keyDockerfileSha256, type CachePlan } from '../cache/keys.js';
import { restoreLayers } from '../cache/layers.js';
import { convert, type BuiltOutput } from '../c2w/convert.js';
import { prepareDockerfile } from '../c2w/dockerfile.js';
import { run } from '../lib/exec.js';
import { attemptOrder, firstPassing, type Attempt } from '../pipeline/fallback.js';
import { installC2w, type InstalledC2w } from '../c2w/install.js';
import { Outputs } from '../action/outputs.js';
import type { Inputs } from '../config/types.js';
import type { Console } from './console.js';
import type { Interrupt } from './interrupt.js';
import {
  CACHE_BUDGET_BYTES,
  discardExport,
  evict,
  restoreLocal,
  saveLocal,
  type LocalRestore,
} from '../cache/local-folder.js';
import { toolCacheDir } from './paths.js';
import type { Results } from './results.js';
import { smokeSeries } from './smoke-series.js';
import { siteStage } from '../site/stage.js';

export interface ConvertOptions {
  /** --c2w PATH. */
  c2w?: string;
  /** The local build cache folder. */
  cacheDir: string;
  verbose: boolean;
}

export class SmokeFailed extends Error {
  override name = 'SmokeFailed';
}

export async function convertCommand(
  inputs: Inputs,
  options: ConvertOptions,
  out: Console,
  results: Results,
  interrupt: Interrupt,
): Promise<void> {
  // @actions/tool-cache keeps releases under RUNNER_TOOL_CACHE and downloads to RUNNER_TEMP.
  const temp = await mkdtemp(path.join(os.tmpdir(), 'c2w-action-'));
  process.env.RUNNER_TOOL_CACHE = toolCacheDir();
  process.env.RUNNER_TEMP = temp;
  let builder: BuilderChoice | undefined;
  try {
    out.stage('Install c2w');
    const c2w = options.c2w
      ? await givenC2w(options.c2w, out)
      : await installC2w({
          version: inputs.c2wVersion,
          downloadUrl: inputs.c2wDownloadUrl,
          token: process.env.GITHUB_TOKEN ?? '',
        });
    results[Outputs.C2wVersion] = c2w.version;
    interrupt.check();

    if (inputs.cache !== 'none' || inputs.builder) out.stage('Choose the builder');
    builder = await chooseBuilder(inputs, 'cli');
    interrupt.check();

    const attempt = (allocator: Inputs['allocator']) =>
      buildAndBoot({ ...inputs, allocator }, c2w, builder!, temp, options, out, results, interrupt);
    const { allocator, rejected } = await firstPassing(
      attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
      attempt,
      (rejectedSoFar, next) => {
        const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1]!;
        results[Outputs.RejectedAllocators] = rejectedSoFar.map((r) => `${r.allocator}: ${r.line}`).join('\n');
        out.warn(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
      },
    );
    if (rejected.length > 0) {
      out.info(`Allocator ${allocator} passed after ${rejected.map((r) => r.allocator).join(', ')} failed.`);
    }
  } finally {
    if (builder?.created && builder.name) await removeBuilder(builder.name);
    await rm(temp, { recursive: true, force: true });
  }
}

/** `--c2w PATH`: that binary, its version as it reports it. */
async function givenC2w(file: string, out: Console): Promise<InstalledC2w> {
  const c2w = path.resolve(file);
  const shown = await run(c2w, ['--version'], { echo: false });
  // c2w prints `c2w version v0.8.4`.
  const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(shown.stdout)?.[0] ?? 'unknown';
  out.info(`Using ${c2w} (${version}).`);
  return { c2w, version, cached: true };
}

async function buildAndBoot(
  attempt: Inputs,
  c2w: InstalledC2w,
  builder: BuilderChoice,
  temp: string,
  options: ConvertOptions,
  out: Console,
  results: Results,
  interrupt: Interrupt,
): Promise<Attempt<BuiltOutput>> {
  interrupt.check();
  out.stage('Prepare the Dockerfile');
  const dockerfile = await prepareDockerfile(attempt, c2w.c2w, path.join(temp, attempt.allocator));
  results[Outputs.Allocator] = attempt.allocator;

  const keys = cacheKeys({
    prefix: attempt.cacheKey,
    runnerOs: os.platform(),
    runnerArch: os.arch(),
    c2wVersion: c2w.version,
    target: attempt.target,
    targetArch: attempt.targetArch,
    dockerfileSha256: keyDockerfileSha256(attempt.target, dockerfile.sha256, dockerfile.sourceSha256),
    buildArgs: attempt.buildArgs,
    debugImage: attempt.debugImage,
    image: attempt.image,
  });
  const mode = builder.canExport ? attempt.cache : 'none';
  let local: LocalRestore | undefined;
  let plan: CachePlan;
  if (mode === 'local') {
    out.stage('Restore the build cache');
    local = await restoreLocal(options.cacheDir, keys);
    // --no-cache-save: import only, as cache-save: false does in the action.
    plan = attempt.cacheSave === false ? { ...local.plan, readOnly: true } : local.plan;
    out.info(
      local.matchedKey === undefined
        ? `No cache for ${keys.primary} in ${options.cacheDir}; this build is cold.`
        : `Restored ${local.size} bytes of build cache from ${local.matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`,
    );
  } else {
    plan = (await restoreLayers({ ...attempt, cache: mode }, keys, '')).plan;
  }
  if (attempt.cache !== 'none') {
    results[Outputs.CachePrimaryKey] = keys.primary;
    results[Outputs.CacheHit] = plan.exactHit;
    results[Outputs.CacheMatchedKey] = local?.matchedKey ?? '';
    results[Outputs.CacheSize] = local?.size ?? 0;
  }
  interrupt.check();

  let built: BuiltOutput;
  try {
    out.stage(`Convert ${attempt.image} (${attempt.target}, ${attempt.targetArch})`);
    built = await convert(c2w.c2w, attempt, dockerfile.path, [...builderFlags(builder.name), ...cacheFlags(plan)]);
    out.info(`Built ${built.path} in ${built.buildSeconds} s.`);
    results[Outputs.WasmPath] = built.path;
    results[Outputs.WasmSize] = built.size;
    results[Outputs.Sha256] = built.sha256;
    results[Outputs.BuildSeconds] = built.buildSeconds;
    if (local && !plan.exactHit && !plan.readOnly) {
      out.stage('Save the build cache');
      if (await saveLocal(local)) {
        out.info(`Saved the build cache under ${keys.primary}.`);
        const evicted = await evict(options.cacheDir, keys.primary);
        if (evicted.keys.length > 0) {
          out.info(
            `Removed the ${evicted.keys.length} oldest cache entr${evicted.keys.length === 1 ? 'y' : 'ies'} (${evicted.bytes} bytes) to keep the folder within ${CACHE_BUDGET_BYTES} bytes.`,
          );
        }
      }
    }
  } finally {
    if (local) await discardExport(local);
  }
  interrupt.check();

  if (attempt.site)
    await siteStage(attempt, built.path, { set: (n, v) => (results[n] = v) }, out.warn.bind(out), out.info.bind(out));
  if (!attempt.smoke) {
    results[Outputs.SmokeResult] = 'skipped';
    return { passed: true, value: built };
  }
  const smoke = await smokeSeries(attempt, built.path, out, results, options.verbose, () => interrupt.check());
  if (smoke.result === 'passed') return { passed: true, value: built };
  const failure = smoke.allocatorFailure;
  return {
    passed: false,
    error: new SmokeFailed(`Smoke boot ${smoke.result}: ${smoke.message}${failure ? `\n${failure.suggestion}` : ''}`),
    ...(failure ? { allocatorFailure: failure.line } : {}),
  };
}
