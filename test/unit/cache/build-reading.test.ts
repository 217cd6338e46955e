import { describe, expect, it } from 'vitest';
import { layersFrom, readBuild, type BuildLogFacts, type ToolchainReadPlan } from '../../../src/cache/build-reading.js';

const REF = 'ghcr.io/o/c2w-toolchain:v0.8.4-wasi-amd64';

describe('layersFrom: where the reused steps came from', () => {
  it.each([
    // reused, own cache read, toolchain cache read → layers-from
    [0, false, false, 'built'],
    [0, true, true, 'built'],
    [3, true, true, 'own-cache,toolchain-cache'],
    [3, false, true, 'toolchain-cache'],
    [3, true, false, 'own-cache'],
    [3, false, false, 'builder'],
  ] as const)('%i reused, own %s, toolchain %s: %s', (reused, own, toolchain, from) => {
    expect(layersFrom(reused, own, toolchain)).toBe(from);
  });
});

const reading = (r: boolean, p = false, result: ToolchainReadPlan['result'] = 'hit'): ToolchainReadPlan => ({
  ref: REF,
  reading: r,
  publishing: p,
  result,
});
const log = (over: Partial<BuildLogFacts> = {}): BuildLogFacts => ({
  cacheTrouble: [],
  cacheExports: [],
  steps: { reused: 4, built: 2 },
  ...over,
});
const importFailed = { step: 'import', target: REF, error: 'unauthorized' } as const;
const ownImportFailed = { step: 'import', target: 'ghcr.io/o/own:cache', error: 'not found' } as const;
const registryExportFailed = { step: 'export', target: 'registry', error: '403 Forbidden' } as const;

describe('readBuild: the two caches in one build log', () => {
  it.each([
    // name, toolchain plan, own plan, log → what is read
    [
      'a toolchain hit with a cold own cache: the toolchain cache answered',
      reading(true),
      { mode: 'local', restored: false },
      log(),
      { toolchainResult: 'hit', layersFrom: 'toolchain-cache', own: [], toolchainImports: [] },
    ],
    [
      'a toolchain hit that answered no step is a miss',
      reading(true),
      { mode: 'local', restored: false },
      log({ steps: { reused: 0, built: 6 } }),
      { toolchainResult: 'miss', layersFrom: 'built' },
    ],
    [
      "the toolchain cache's failed import is its own, not the own cache's; a miss",
      reading(true),
      { mode: 'registry', restored: false },
      log({ cacheTrouble: [importFailed, ownImportFailed] }),
      { toolchainResult: 'miss', own: [ownImportFailed], toolchainImports: [importFailed], layersFrom: 'own-cache' },
    ],
    [
      'publishing: a registry export that failed is the toolchain cache’s when the own cache is not a registry',
      reading(true, true, 'miss'),
      { mode: 'local', restored: true },
      log({ cacheTrouble: [registryExportFailed], cacheExports: ['client directory'] }),
      { own: [], exported: false, exportError: '403 Forbidden', toolchainResult: 'miss', layersFrom: 'own-cache' },
    ],
    [
      "publishing with the own cache in a registry: a registry export's failure is the own cache's",
      reading(true, true, 'miss'),
      { mode: 'registry', restored: false },
      log({ cacheTrouble: [registryExportFailed], cacheExports: [] }),
      { own: [registryExportFailed], exported: false, toolchainResult: 'miss' },
    ],
    [
      'publishing: the export finished',
      reading(true, true, 'miss'),
      { mode: 'gha', restored: false },
      log({ cacheExports: ['registry', 'gha'] }),
      { exported: true, own: [], layersFrom: 'own-cache' },
    ],
    [
      'no toolchain cache, nothing restored: the builder kept the layers',
      { reading: false, publishing: false, result: 'off' },
      { mode: 'local', restored: false },
      log(),
      { toolchainResult: 'off', layersFrom: 'builder', stagesCached: 4, stagesBuilt: 2 },
    ],
  ] as const)('%s', (_name, toolchain, own, built, expected) => {
    const read = readBuild(toolchain, own, built);
    expect(read).toMatchObject(expected);
    if (!toolchain.publishing) expect(read).not.toHaveProperty('exported');
  });
});
