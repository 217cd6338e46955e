// The conversion, as the action and the command both run it: one attempt per allocator of the
// fallback order (attempt.ts) until one passes its smoke boot, after asking the builder whether it
// runs linux/amd64. Installing c2w and choosing the builder come before it, publishing after it;
// each front end does those its own way.
import type { BuilderChoice } from '../buildx/builder.js';
import { checkBuilderPlatforms } from '../buildx/platforms.js';
import type { BuiltOutput } from '../c2w/convert.js';
import type { InstalledC2w } from '../c2w/install.js';
import { Outputs } from '../action/outputs.js';
import type { Allocator, Inputs } from '../types/inputs.js';
import { buildAndBoot } from './attempt.js';
import { attemptOrder, firstPassing, type Rejection } from './fallback.js';
import { LayerCache, type LayerHome } from './layer-cache.js';
import { ToolchainCache } from './toolchain-cache.js';
import type { Sink } from './sink.js';
import type { SiteRoot } from '../site/folder.js';

export interface Conversion {
  /** The allocator of the build that passed. */
  allocator: Allocator;
  built: BuiltOutput;
  /** Allocators whose build failed its smoke boot first, in order. */
  rejected: Rejection[];
}

export interface ConversionSetup {
  c2w: InstalledC2w;
  builder: BuilderChoice;
  home: LayerHome;
  /** A folder of the run's own (the patched Dockerfiles go under it). */
  workDir: string;
  /** The folder the site must be inside: the workspace, or the command's current directory. */
  siteRoot: SiteRoot;
}

export async function convertImage(inputs: Inputs, setup: ConversionSetup, sink: Sink): Promise<Conversion> {
  // Before anything is built: a builder without linux/amd64 would fail deep in a cold build.
  await checkBuilderPlatforms(setup.builder.name);
  sink.stage('build');
  const layers = new LayerCache(inputs, setup.builder.canExport, setup.home, sink);
  const toolchain = new ToolchainCache(inputs, setup.builder.name, setup.builder.canExport, sink);
  const ctx = {
    c2w: setup.c2w,
    builder: setup.builder.name,
    layers,
    toolchain,
    workDir: setup.workDir,
    siteRoot: setup.siteRoot,
    sink,
  };
  const { allocator, value, rejected } = await firstPassing(
    attemptOrder(inputs.target, inputs.allocator, inputs.allocatorFallback),
    (allocator) => buildAndBoot({ ...inputs, allocator }, ctx),
    (rejectedSoFar, next) => {
      sink.facts.rejected = [...rejectedSoFar];
      const { allocator, line } = rejectedSoFar[rejectedSoFar.length - 1]!;
      sink.fact(Outputs.RejectedAllocators, rejectedSoFar.map((r) => `${r.allocator}: ${r.line}`).join('\n'));
      sink.note(`Allocator ${allocator} was rejected: its smoke boot failed with "${line}". Rebuilding with ${next}.`);
      sink.warn(`The ${allocator} build failed its smoke boot (${line}); rebuilding with allocator ${next}.`);
    },
  );
  if (rejected.length > 0) {
    sink.note(
      `Allocator ${allocator} passed the smoke boot after ${rejected.map((r) => r.allocator).join(', ')} failed.`,
    );
  }
  return { allocator, built: value, rejected };
}
