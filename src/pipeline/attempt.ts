// One attempt of a conversion, with one allocator: the Dockerfile with that allocator, the cache
// plan, the conversion, and the smoke series. What it learns goes into the run's result
// (types/result.ts); what it shows goes to the sink; what it ends with is an Attempt for the
// fallback (fallback.ts) to judge.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { builderFlags } from '../buildx/builder.js';
import { describeTrouble } from '../buildx/cache-trouble.js';
import { readBuild } from '../cache/build-reading.js';
import { cacheFlags, keyDockerfileSha256 } from '../cache/keys.js';
import type { BuiltOutput } from '../c2w/convert.js';
import { convertWithRetries } from '../c2w/retries.js';
import { prepareDockerfile } from '../c2w/dockerfile.js';
import type { InstalledC2w } from '../c2w/install.js';
import type { Inputs } from '../types/inputs.js';
import { ClassifiedError } from '../types/errors.js';
import type { RunResult } from '../types/result.js';
import type { SiteRoot } from '../site/folder.js';
import { siteStage } from '../site/stage.js';
import { smokeSeries } from '../smoke/series.js';
import type { Attempt } from './fallback.js';
import type { LayerCache } from './layer-cache.js';
import type { ToolchainCache } from './toolchain-cache.js';
import type { Sink } from './sink.js';

export interface AttemptContext {
  c2w: InstalledC2w;
  /** The builder's name for `--builder`, or undefined for the default. */
  builder: string | undefined;
  layers: LayerCache;
  toolchain: ToolchainCache;
  /** A folder of the run's own for the patched Dockerfiles. */
  workDir: string;
  /** The folder the site must be inside (site/folder.ts). */
  siteRoot: SiteRoot;
  sink: Sink;
  /** The run's result, filled in as the attempt learns. */
  result: RunResult;
}

/** Builds and boots with `attempt.allocator`. A failed build throws; a failed boot is a failed Attempt. */
export async function buildAndBoot(attempt: Inputs, ctx: AttemptContext): Promise<Attempt<BuiltOutput>> {
  const { sink, layers, toolchain, result } = ctx;
  sink.checkpoint();
  result.stage = 'build';
  result.build.allocator = attempt.allocator;
  const dockerfile = await sink.section('Prepare the Dockerfile', () =>
    prepareDockerfile(attempt, ctx.c2w.c2w, path.join(ctx.workDir, attempt.allocator)),
  );

  const keyDockerfile = keyDockerfileSha256(attempt.target, dockerfile.sha256, dockerfile.sourceSha256);
  const keys = layers.keys(ctx.c2w.version, keyDockerfile, dockerfile.sourceSha256);
  let plan = layers.restored ? layers.next() : await layers.restore(keys);
  sink.checkpoint();
  const shared = await toolchain.plan(attempt, ctx.c2w.version, await readFile(dockerfile.path, 'utf8'), plan);
  result.toolchainCache = toolchain.outcome;
  sink.checkpoint();
  sink.step(`Convert ${attempt.image} (${attempt.target}, ${attempt.targetArch})`);
  const build = () =>
    convertWithRetries(
      ctx.c2w.c2w,
      attempt,
      dockerfile.path,
      [...builderFlags(ctx.builder), ...cacheFlags(plan), ...shared.flags],
      { retries: attempt.buildRetries, onAttempt: (n) => void (result.build.attempts = n) },
    );
  let built;
  try {
    built = await build();
  } catch (error) {
    // Served by the hot cache entry and a layer was missing: once more with the whole cache.
    const wider = await layers.widen(error);
    if (wider === undefined) throw error;
    plan = wider;
    built = await build();
  }
  sink.info(`Built ${built.path} in ${built.buildSeconds} s.`);
  Object.assign(result.build, {
    wasmPath: built.path,
    wasmSize: built.size,
    sha256: built.sha256,
    seconds: built.buildSeconds,
  });
  const reading = readBuild(shared, plan, built);
  result.build.layersFrom = reading.layersFrom;
  result.build.stagesCached = reading.stagesCached;
  result.build.stagesBuilt = reading.stagesBuilt;
  toolchain.built(shared, reading);
  for (const trouble of reading.own) {
    const { level, message } = describeTrouble(trouble, plan.mode === 'registry' ? plan.ref : undefined);
    if (level === 'warning') sink.warn(message);
    else sink.info(message);
  }
  await layers.built(plan);
  sink.checkpoint();
  // Before the smoke boot, so that a browser boot boots the folder that will be deployed.
  if (attempt.site) result.stage = 'site';
  const site = await siteStage(attempt, built.path, ctx.siteRoot, sink);
  if (site) result.site = { path: site.dir };

  result.stage = 'smoke';
  const smoke = await bootSeries(attempt, built.path, sink, result);
  if (smoke === undefined || smoke.result === 'passed') {
    // Published only once the output passed its boot (not when there was none): readers read a
    // cache only beside its record.
    await toolchain.publish(shared, reading, path.join(ctx.workDir, attempt.allocator), smoke?.result === 'passed');
    return { passed: true, value: built };
  }
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
 * The smoke gate: boots `file` smoke-runs times (each in its own child process, shown the sink's
 * way) and puts what the series gave into `result.smoke`. undefined when `smoke` is off.
 */
export async function bootSeries(inputs: Inputs, file: string, sink: Sink, result: Pick<RunResult, 'smoke'>) {
  if (!inputs.smoke) {
    result.smoke = { result: 'skipped' };
    return undefined;
  }
  const series = await smokeSeries(inputs, file, (options, title) => {
    sink.checkpoint();
    return sink.boot(options, title);
  });
  result.smoke = series.result;
  for (const runtime of ['node', 'browser'] as const) {
    const sandbox = series.result[runtime]?.sandbox;
    if (!sandbox) continue;
    const line = `${runtime === 'browser' ? 'Browser' : 'Node'} smoke boot's sandbox: ${sandbox.text}.`;
    if (sandbox.kind === 'none' && inputs.smokeSandbox !== 'required') {
      sink.warn(
        runtime === 'browser'
          ? `${line} It booted in Chromium behind a proxy that answers only the site's address, as the action's ` +
              `user (smoke-sandbox: required refuses to boot without a boundary).`
          : `${line} It booted under Node's permission model only: its JavaScript could not read other files, ` +
              `write, start processes, connect, listen, look up names or signal other processes, but it ran as the ` +
              `action's user, on the action's network, beside the action's processes, with no limit on memory or ` +
              `threads; code that gets past the model (a bug in Node) can do all that user can, the Docker engine ` +
              `included where the user may use it (smoke-sandbox: required refuses to boot without a boundary).`,
      );
    } else {
      sink.info(line);
    }
    sink.note(line);
  }
  return series.last;
}
