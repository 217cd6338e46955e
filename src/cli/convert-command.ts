// `c2w-action convert`: the action's pipeline on this machine (pipeline/convert-image.ts, the same
// code the action runs): install c2w (or --c2w) → the builder → per allocator of the fallback
// order: the Dockerfile with the allocator → the build cache → the conversion → the smoke boot.
// The build cache's home is a folder (cache/folder-store.ts), split into the entry every allocator
// shares and each allocator's own, as `cache: local` is in a workflow; a good build's export is
// saved at once. Publishing is not part of the command.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseBuilder, removeBuilder, type BuilderChoice } from '../buildx/builder.js';
import { installC2w, type InstalledC2w } from '../c2w/install.js';
import { FolderStore } from '../cache/folder-store.js';
import { entryDirs, saveLayers } from '../cache/layers.js';
import { run } from '../lib/exec.js';
import type { Inputs } from '../types/inputs.js';
import type { RunResult } from '../types/result.js';
import { convertImage } from '../pipeline/convert-image.js';
import type { LayerHome } from '../pipeline/layer-cache.js';
import { currentDirRoot } from '../site/folder.js';
import { toolCacheDir } from './paths.js';
import type { ConsoleSink } from './sink.js';

export interface ConvertOptions {
  /** --c2w PATH. */
  c2w?: string;
  /** The local build cache folder. */
  cacheDir: string;
}

export async function convertCommand(
  inputs: Inputs,
  options: ConvertOptions,
  sink: ConsoleSink,
  result: RunResult,
): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'c2w-action-'));
  // The merged cache a build imports from and exports to lives beside the entries (same file
  // system: entries are hard-linked, not copied), under a name the folder's listing skips and a
  // later run removes once this process is gone.
  const work = path.join(options.cacheDir, `.export-${process.pid}-${randomBytes(4).toString('hex')}`);
  let builder: BuilderChoice | undefined;
  try {
    const c2w = await sink.section('Install c2w', () =>
      options.c2w
        ? givenC2w(options.c2w, sink)
        : installC2w({
            version: inputs.c2wVersion,
            downloadUrl: inputs.c2wDownloadUrl,
            token: process.env.GITHUB_TOKEN ?? '',
            toolCache: toolCacheDir(),
            temp,
          }),
    );
    result.build.c2wVersion = c2w.version;
    sink.checkpoint();

    builder =
      inputs.cache !== 'none' || inputs.builder
        ? await sink.section('Choose the builder', () => chooseBuilder(inputs, 'cli'))
        : await chooseBuilder(inputs, 'cli');
    sink.checkpoint();

    await convertImage(
      inputs,
      { c2w, builder, home: folderHome(options.cacheDir, work), workDir: temp, siteRoot: currentDirRoot() },
      sink,
      result,
    );
  } finally {
    if (builder?.created && builder.name) await removeBuilder(builder.name);
    await rm(temp, { recursive: true, force: true });
    await removeWork(work);
  }
}

/** The cache folder, saved right after a good build (there is no post step). */
function folderHome(root: string, work: string): LayerHome {
  const store = new FolderStore(root);
  return {
    store,
    runner: { os: os.platform(), arch: os.arch() },
    dir: () => work,
    save: (plan) => saveLayers(plan, store),
  };
}

async function removeWork(work: string): Promise<void> {
  const dirs = entryDirs(work);
  await Promise.all([work, dirs.shared, dirs.allocator].map((d) => rm(d, { recursive: true, force: true })));
  // A build's export folder (`<work>-new-…`) is removed by the next run's listing once this process is gone.
  const base = path.basename(work);
  for (const name of await readdir(path.dirname(work)).catch(() => [] as string[])) {
    if (name.startsWith(`${base}-`)) await rm(path.join(path.dirname(work), name), { recursive: true, force: true });
  }
}

/** `--c2w PATH`: that binary, its version as it reports it. */
async function givenC2w(file: string, sink: ConsoleSink): Promise<InstalledC2w> {
  const c2w = path.resolve(file);
  const shown = await run(c2w, ['--version'], { echo: false });
  // c2w prints `c2w version v0.8.4`.
  const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(shown.stdout)?.[0] ?? 'unknown';
  sink.info(`Using ${c2w} (${version}).`);
  return { c2w, version, cached: true };
}
