// Stage: the c2w build layers. Restores a buildx cache before the conversion and saves it in
// the post step (local), or points buildx at its own gha/registry backends. Cache trouble is
// never a failed build: every error here is a warning or an info line and the build goes cold.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { run } from './exec.js';
import { dirSize } from './files.js';
import { sha256Text } from './hash.js';
import type { CacheMode, Inputs, KeyValue } from './types.js';

// ---------------------------------------------------------------------------------------------
// Keys (pure)

export interface KeyParts {
  prefix: string;
  runnerOs: string;
  runnerArch: string;
  c2wVersion: string;
  target: string;
  targetArch: string;
  /** sha256 of the Dockerfile whose layers are built (see keyDockerfileSha256). */
  dockerfileSha256: string;
  buildArgs: KeyValue[];
  /** --debug-image changes the kernel and init layers, like a build arg. */
  debugImage: boolean;
  image: string;
}

/**
 * The Dockerfile hash that goes into the key: the patched Dockerfile for js, whose emscripten
 * stages the allocator changes; the unpatched one for wasi, which never builds those stages, so
 * a WASI allocator matrix shares one cache entry.
 */
export function keyDockerfileSha256(target: string, patched: string, source: string): string {
  return target === 'js' ? patched : source;
}

export interface CacheKeys {
  primary: string;
  /** Most specific first: another image, other build args, another Dockerfile. */
  restore: string[];
  /** buildx gha scope: shared by every image and build arg of one Dockerfile. */
  scope: string;
}

const short = (text: string) => sha256Text(text).slice(0, 16);
const safe = (text: string) => text.replace(/[^A-Za-z0-9._+-]/g, '_');

/**
 * The key holds what changes the cached layers, least specific first, so restore keys are
 * its prefixes: a changed image still restores the layers of the same build args, a changed
 * build arg those of the same Dockerfile, a changed allocator those of the same target.
 */
export function cacheKeys(p: KeyParts): CacheKeys {
  const base = [p.prefix, p.runnerOs, p.runnerArch, `c2w${p.c2wVersion}`, p.target, p.targetArch].map(safe).join('-');
  const df = `${base}-df${p.dockerfileSha256.slice(0, 16)}`;
  const argLines = p.buildArgs.map(({ key, value }) => `${key}=${value}`);
  if (p.debugImage) argLines.push('--debug-image');
  const args = `${df}-args${short(argLines.join('\n'))}`;
  const primary = `${args}-img${short(p.image)}`;
  return { primary, restore: [`${args}-`, `${df}-`, `${base}-`], scope: df };
}

// ---------------------------------------------------------------------------------------------
// buildx flags (pure)

export interface CachePlan {
  mode: CacheMode;
  /** The folder restored into and saved from (local). */
  dir: string;
  /** The folder buildx exports into; swapped in for `dir` after a good build (local). */
  newDir: string;
  scope: string;
  ref?: string;
  /** A cache was restored (any key). */
  restored: boolean;
  /** The exact primary key was restored: nothing to export or save. */
  exactHit: boolean;
  /** cache-save: false: import only; no --cache-to and no save. */
  readOnly?: boolean;
}

/** buildx quotes a CSV field that holds a comma or a quote. */
function csvField(field: string): string {
  return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function cacheFlags(plan: CachePlan): string[] {
  switch (plan.mode) {
    case 'none':
      return [];
    case 'local': {
      const flags: string[] = [];
      if (plan.restored) flags.push(`--cache-from=type=local,${csvField(`src=${plan.dir}`)}`);
      if (!plan.exactHit && !plan.readOnly)
        flags.push(`--cache-to=type=local,${csvField(`dest=${plan.newDir}`)},mode=max,ignore-error=true`);
      return flags;
    }
    // ignore-error: an export the service or registry refuses (a read-only token on a fork's pull
    // request, a 5xx, a denied push) must not fail a build that succeeded.
    case 'gha':
      return [
        `--cache-from=type=gha,scope=${plan.scope}`,
        ...(plan.readOnly ? [] : [`--cache-to=type=gha,scope=${plan.scope},mode=max,ignore-error=true`]),
      ];
    case 'registry':
      return [
        `--cache-from=type=registry,ref=${plan.ref}`,
        ...(plan.readOnly ? [] : [`--cache-to=type=registry,ref=${plan.ref},mode=max,ignore-error=true`]),
      ];
  }
}

export function builderFlags(builder: string | undefined): string[] {
  return builder ? [`--builder=${builder}`] : [];
}

// ---------------------------------------------------------------------------------------------
// Builder (detect the current one; create a docker-container builder when it cannot export)

/** The `Name:` and `Driver:` of `docker buildx inspect`'s first builder block, and its first node's `Endpoint:`. */
export function parseBuildxInspect(text: string): { name?: string; driver?: string; endpoint?: string } {
  const field = (label: string) => new RegExp(`^${label}:\\s*(\\S+)`, 'm').exec(text)?.[1];
  const result: { name?: string; driver?: string; endpoint?: string } = {};
  const name = field('Name');
  const driver = field('Driver');
  const endpoint = field('Endpoint');
  if (name) result.name = name;
  if (driver) result.driver = driver;
  if (endpoint) result.endpoint = endpoint;
  return result;
}

/** `docker info --format '{{json .DriverStatus}}'` names the containerd snapshotter when the image store is containerd. */
export function usesContainerdStore(driverStatusJson: string): boolean {
  try {
    const status = JSON.parse(driverStatusJson) as [string, string][] | null;
    return (status ?? []).some(([k, v]) => k === 'driver-type' && /io\.containerd\.snapshotter/.test(v));
  } catch {
    return false;
  }
}

/** Whether a builder with this driver (and image store) can export a build cache. */
export function canExportCache(driver: string | undefined, containerdStore: boolean): boolean {
  if (driver === undefined) return false;
  return driver !== 'docker' || containerdStore;
}

export interface BuilderChoice {
  /** Passed to c2w as --extra-flag=--builder=NAME; undefined keeps the current builder. */
  name?: string;
  /** The action made it and removes it in the post step. */
  created: boolean;
  /** false when no builder that can export a cache could be had: the build goes on uncached. */
  canExport: boolean;
}

export async function chooseBuilder(inputs: Pick<Inputs, 'builder' | 'cache'>, runId: string): Promise<BuilderChoice> {
  if (inputs.builder) return givenBuilder(inputs.builder, inputs.cache);
  if (inputs.cache === 'none') return { created: false, canExport: false };
  const inspect = await run('docker', ['buildx', 'inspect'], { echo: false });
  const { name, driver } = parseBuildxInspect(inspect.stdout);
  let containerd = false;
  if (driver === 'docker') {
    const info = await run('docker', ['info', '--format', '{{json .DriverStatus}}'], { echo: false });
    containerd = usesContainerdStore(info.stdout.trim());
  }
  if (canExportCache(driver, containerd)) {
    core.info(
      `The current builder '${name}' (driver ${driver}${driver === 'docker' ? ', containerd image store' : ''}) can export a cache.`,
    );
    return { created: false, canExport: true };
  }
  const created = `c2w-action-${safe(runId)}-${process.pid}`;
  core.info(
    `The current builder '${name ?? '?'}' (driver ${driver ?? 'unknown'}) cannot export a build cache; creating the docker-container builder '${created}'.`,
  );
  const made = await run('docker', [
    'buildx',
    'create',
    '--name',
    created,
    '--driver',
    'docker-container',
    '--bootstrap',
  ]);
  if (made.exitCode !== 0) {
    // --bootstrap can fail after the builder was registered: do not leave it behind.
    await run('docker', ['buildx', 'rm', '--force', created], { echo: false });
    core.warning(`Could not create a docker-container builder (${made.stderr.trim()}); building without a cache.`);
    return { created: false, canExport: false };
  }
  return { name: created, created: true, canExport: true };
}

/**
 * A builder named in `builder`: used as given and never removed, but inspected like the current one
 * when a cache is asked for, since a docker-driver builder on an engine with the classic image
 * store fails any build given --cache-to ("Cache export is not supported for the docker driver").
 * A docker-driver builder's endpoint is its Docker context, so that engine's `docker info` decides.
 */
async function givenBuilder(builder: string, cache: CacheMode): Promise<BuilderChoice> {
  core.info(`Using the builder '${builder}' as given.`);
  if (cache === 'none') return { name: builder, created: false, canExport: true };
  const inspect = await run('docker', ['buildx', 'inspect', builder], { echo: false });
  if (inspect.exitCode !== 0) {
    throw new Error(
      `builder: 'docker buildx inspect ${builder}' failed: ${inspect.stderr.trim() || inspect.stdout.trim()}`,
    );
  }
  const { driver, endpoint } = parseBuildxInspect(inspect.stdout);
  let containerd = false;
  if (driver === 'docker') {
    const context = endpoint ? ['--context', endpoint] : [];
    const info = await run('docker', [...context, 'info', '--format', '{{json .DriverStatus}}'], { echo: false });
    containerd = usesContainerdStore(info.stdout.trim());
  }
  if (canExportCache(driver, containerd)) {
    core.info(`The builder '${builder}' (driver ${driver}) can export a cache.`);
    return { name: builder, created: false, canExport: true };
  }
  core.warning(
    `The builder '${builder}' (driver ${driver ?? 'unknown'}${driver === 'docker' ? ', classic image store' : ''}) cannot export a build cache: ` +
      `BuildKit's docker driver exports caches only with the containerd image store. Building without a cache (cache: ${cache} is off this run); ` +
      `name a docker-container or remote builder, or turn on the containerd image store of that engine.`,
  );
  return { name: builder, created: false, canExport: false };
}

export async function removeBuilder(name: string): Promise<void> {
  const result = await run('docker', ['buildx', 'rm', '--force', name], { echo: false });
  if (result.exitCode !== 0) core.warning(`Could not remove the builder '${name}': ${result.stderr.trim()}`);
  else core.info(`Removed the builder '${name}'.`);
}

// ---------------------------------------------------------------------------------------------
// Restore, rotate, save

export interface Restored {
  plan: CachePlan;
  keys: CacheKeys;
  matchedKey?: string;
  /** Bytes on disk of what was restored. */
  size: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The local cache folder of one use of the action. @actions/cache hashes the path list into the
 * cache version, so a restore matches only entries saved from the same path string: the folder
 * must be the same in every run of the same step, and the same for every entry its restore keys
 * can match. It is named after
 * - the step (GITHUB_ACTION: the step's id, or `__<owner>_<repo>` with `_2`, `_3`… for later uses
 *   of the same action in a job, the same in every run), so two uses in one job never share a
 *   folder and each post step saves the folder its own main step built;
 * - the least specific restore key (prefix, runner, c2w version, target), which every entry the
 *   restore keys can match shares, so runs of other keys on one runner keep apart.
 */
export function localCacheDir(
  runnerTemp: string,
  keys: Pick<CacheKeys, 'restore'>,
  step: string = process.env.GITHUB_ACTION ?? '',
): string {
  const base = keys.restore[keys.restore.length - 1] ?? '';
  return path.join(runnerTemp, 'c2w-action', `buildx-cache-${short(`${step}\n${base}`).slice(0, 12)}`);
}

/** Whether `dir` is a folder localCacheDir names (the post step saves nothing else). */
export function isLocalCacheDir(runnerTemp: string, dir: string): boolean {
  return (
    path.dirname(dir) === path.join(runnerTemp, 'c2w-action') && /^buildx-cache-[0-9a-f]{12}$/.test(path.basename(dir))
  );
}

export async function restoreLayers(
  inputs: Pick<Inputs, 'cache' | 'cacheRef' | 'cacheTimeoutSeconds'> & Partial<Pick<Inputs, 'cacheSave'>>,
  keys: CacheKeys,
  dir: string,
): Promise<Restored> {
  const plan: CachePlan = {
    mode: inputs.cache,
    dir,
    // Unique per run: two runs sharing RUNNER_TEMP never export into the same folder.
    newDir: `${dir}-new-${randomUUID().slice(0, 8)}`,
    scope: keys.scope,
    ref: inputs.cacheRef,
    restored: false,
    exactHit: false,
    readOnly: inputs.cacheSave === false,
  };
  if (plan.readOnly && inputs.cache !== 'none') core.info('cache-save is false: the cache is restored, never saved.');
  if (inputs.cache !== 'local') return { plan, keys, size: 0 };

  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) {
    core.warning('The Actions cache service is not available to this job; building without a cache.');
    plan.mode = 'none';
    return { plan, keys, size: 0 };
  }
  await mkdir(dir, { recursive: true });
  let matchedKey: string | undefined;
  try {
    const result = await withTimeout(
      cache.restoreCache([dir], keys.primary, keys.restore),
      inputs.cacheTimeoutSeconds * 1000,
    );
    if (result === 'timeout') {
      // The abandoned download may still be writing into the folder: leave it alone this run.
      core.warning(
        `The cache restore took more than ${inputs.cacheTimeoutSeconds} s (cache-timeout); building without a cache this run.`,
      );
      plan.mode = 'none';
      return { plan, keys, size: 0 };
    }
    matchedKey = result;
  } catch (e) {
    core.warning(`Cache restore failed: ${(e as Error).message}; building without a cache.`);
    return { plan, keys, size: 0 };
  }
  if (matchedKey === undefined) {
    core.info(`No cache for ${keys.primary} or its restore keys; this build is cold.`);
    return { plan, keys, size: 0 };
  }
  plan.restored = true;
  plan.exactHit = matchedKey === keys.primary;
  const size = await dirSize(dir);
  core.info(
    `Restored ${size} bytes of build cache from ${matchedKey}${plan.exactHit ? ' (exact hit: nothing to save)' : ''}.`,
  );
  return { plan, keys, matchedKey, size };
}

/** After a good build: the fresh export replaces the restored folder, so the cache never grows stale layers. */
export async function rotate(plan: CachePlan): Promise<boolean> {
  if (plan.mode !== 'local' || plan.exactHit || plan.readOnly) return false;
  try {
    await stat(path.join(plan.newDir, 'index.json'));
  } catch {
    core.warning(`buildx exported no cache to ${plan.newDir}; nothing to save.`);
    return false;
  }
  // Another run on this runner with the same folder may rotate at the same moment: its rename
  // can land between the removal and ours (ENOTEMPTY). Try again once; the folder then holds one
  // complete export either way, never a mix.
  for (let attempt = 0; ; attempt++) {
    await rm(plan.dir, { recursive: true, force: true });
    try {
      await rename(plan.newDir, plan.dir);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 1) {
        core.warning(`Could not move the exported cache into ${plan.dir}: ${(e as Error).message}; nothing to save.`);
        await rm(plan.newDir, { recursive: true, force: true });
        return false;
      }
    }
  }
}

/** Post step: save the rotated folder under the primary key. Never throws. */
export async function saveLayers(dir: string, primaryKey: string): Promise<void> {
  try {
    const cache = await import('@actions/cache');
    const id = await cache.saveCache([dir], primaryKey);
    if (id === -1) core.info(`The build cache was not saved under ${primaryKey} (see the lines above).`);
    else core.info(`Saved the build cache (${await dirSize(dir)} bytes) under ${primaryKey}.`);
  } catch (e) {
    core.warning(`Cache save failed: ${(e as Error).message}`);
  }
}
