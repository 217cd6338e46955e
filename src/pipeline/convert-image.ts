// The conversion, as the action and the command both run it: one attempt per allocator of the
// fallback order (attempt.ts) until one passes its smoke boot, after asking the builder whether it
// runs linux/amd64. Installing c2w and choosing the builder come before it, publishing after it;
// each front end does those its own way. What the run learns goes into the run's result
// (types/result.ts), which the front end hands in and renders, whether the conversion passes or not.
import type { BuilderChoice } from '../buildx/builder.js';
import { checkBuilderPlatforms } from '../buildx/platforms.js';
import type { InstalledC2w } from '../c2w/install.js';
import type { Inputs } from '../types/inputs.js';
import { newRunResult, type RunResult } from '../types/result.js';
import { buildAndBoot } from './attempt.js';
import { attemptOrder, firstPassing } from './fallback.js';
import { LayerCache, type LayerHome } from './layer-cache.js';
import { ToolchainCache } from './toolchain-cache.js';
import type { Sink } from './sink.js';
import type { SiteRoot } from '../site/folder.js';

export interface ConversionSetup {
  c2w: InstalledC2w;
  builder: BuilderChoice;
  home: LayerHome;
  /** A folder of the run's own (the patched Dockerfiles go under it). */
  workDir: string;
  /** The folder the site must be inside: the workspace, or the command's current directory. */
  siteRoot: SiteRoot;
}

/**
 * Converts and boots `inputs.image`, filling in `result` (the front end's, so that a failure
 * leaves what was learned before it) and returning it once a build passed its smoke boot.
 */
export async function convertImage(
  inputs: Inputs,
  setup: ConversionSetup,
  sink: Sink,
  result: RunResult = newRunResult(),
): Promise<RunResult> {
  // Before anything is built: a builder without linux/amd64 would fail deep in a cold build.
  await checkBuilderPlatforms(setup.builder.name);
  result.stage = 'build';
  const layers = new LayerCache(inputs, setup.builder.canExport, setup.home, sink);
  if (inputs.cache !== 'none') result.cache = layers.outcome;
  const toolchain = new ToolchainCache(inputs, setup.builder.name, setup.builder.canExport, sink);
  const ctx = {
    c2w: setup.c2w,
    builder: setup.builder.name,
    layers,
    toolchain,
    workDir: setup.workDir,
    siteRoot: setup.siteRoot,
    sink,
    result,
  };
  const { allocator, rejected } = await firstPassing(
    attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
    (allocator) => buildAndBoot({ ...inputs, allocator }, ctx),
    (rejectedSoFar, next) => {
      result.build.rejectedAllocators = rejectedSoFar.map((r) => ({ allocator: r.allocator, line: r.line }));
      const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1]!;
      sink.note(`Allocator ${allocator} was rejected: its smoke boot failed with "${line}". Rebuilding with ${next}.`);
      sink.warn(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
    },
  );
  if (rejected.length > 0) {
    sink.note(
      `Allocator ${allocator} passed the smoke boot after ${rejected.map((r) => r.allocator).join(', ')} failed.`,
    );
  }
  return result;
}
