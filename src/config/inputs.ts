// Reads the action's inputs once and validates every value before anything is spawned.
// `parseInputs` is pure (it takes a getter), so the whole table of bad inputs is unit-tested.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import { parseImageReference } from '../c2w/image-ref.js';
import { artifactNameProblem, assetNameProblem } from '../publish/names.js';
import { checkEnvBudget } from '../c2w/boot-info.js';
import { releasesApiFor } from '../github/hosts.js';
import { compileExpectation } from '../smoke/expect.js';
import { passthroughProblem } from '../lib/child-env.js';
import {
  ALLOCATORS,
  SMOKE_RUNTIMES,
  type Allocator,
  type CacheMode,
  type Inputs,
  type KeyValue,
  type SmokeRuntime,
  type Target,
} from './types.js';

export const DEFAULT_C2W_VERSION = 'v0.8.4';
export const DEFAULT_DOWNLOAD_URL = 'https://github.com/container2wasm/container2wasm/releases/download';
export const TARGET_ARCHES = ['amd64', 'riscv64', 'aarch64', 'arm', '386', 'ppc64le', 's390x', 'mips64le'] as const;
export const DEFAULT_SMOKE_COMMAND = ['echo', 'c2w-smoke-ok'];
export const DEFAULT_SMOKE_EXPECT = '^c2w-smoke-ok\\s*$';

/**
 * smoke-runtime: `node`, `browser`, or both (`node,browser`, commas or lines), each once; run in the
 * order node, browser whatever the order given, so the fast Node boot fails first.
 */
export function parseSmokeRuntime(raw: string): SmokeRuntime[] {
  const names = raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return ['node'];
  for (const n of names) {
    if (!(SMOKE_RUNTIMES as readonly string[]).includes(n)) {
      throw new InputError(
        'smoke-runtime',
        `lists '${n}'; each must be one of ${SMOKE_RUNTIMES.join(', ')} (e.g. node,browser)`,
      );
    }
  }
  return SMOKE_RUNTIMES.filter((r) => names.includes(r));
}
/**
 * Default zip compression level of the artifact. Chosen by bench/publish.bench.mjs (see
 * bench/RESULTS.md): level 1 stores a c2w-like 200 MB wasm within a few percent of level 6/9
 * at a fraction of the CPU time.
 */
export const DEFAULT_COMPRESSION_LEVEL = 1;

export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Input '${input}' ${detail}`);
    this.name = 'InputError';
  }
}

/** Returns the raw value of an input ('' when unset), like core.getInput. */
export type InputGetter = (name: string) => string;

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

export function bool(get: InputGetter, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (TRUE_VALUES.includes(raw)) return true;
  if (FALSE_VALUES.includes(raw)) return false;
  throw new InputError(name, `must be true or false (YAML 1.2 core schema), got '${raw}'`);
}

export function oneOf<T extends string>(get: InputGetter, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(name, `must be one of ${allowed.join(', ')}; got '${raw}'`);
}

function integer(get: InputGetter, name: string, min: number, max: number): number | undefined {
  const raw = get(name).trim();
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max}; got '${raw}'`);
  }
  return Number(raw);
}

/** Lines of a multiline input, trimmed, empty lines dropped (like core.getMultilineInput). */
export function lines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function keyValues(get: InputGetter, name: string): KeyValue[] {
  return lines(get(name)).map((line) => {
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (eq < 0 || !ENV_KEY.test(key)) {
      throw new InputError(name, `needs one KEY=VALUE per line (KEY: letters, digits, _); got '${line}'`);
    }
    return { key, value: line.slice(eq + 1) };
  });
}

const TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
// Git refuses these in a tag name (git check-ref-format).
// eslint-disable-next-line no-control-regex
const BAD_TAG = /(^[-./])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\.lock$|\/$|\.$|^@$/;

export function parseInputs(get: InputGetter): Inputs {
  const image = get('image').trim();
  if (image === '') throw new InputError('image', 'is required: an image reference such as alpine:3.20');
  const parsed = parseImageReference(image);
  if (typeof parsed === 'string') throw new InputError('image', `'${image}' ${parsed}`);

  const allocator = oneOf<Allocator>(get, 'allocator', [...ALLOCATORS, 'default'], 'emmalloc');
  const target = oneOf<Target>(get, 'target', ['wasi', 'js'], 'wasi');
  const targetArch = oneOf(get, 'target-arch', TARGET_ARCHES, 'amd64');

  const c2wVersion = get('c2w-version').trim() || DEFAULT_C2W_VERSION;
  if (!(c2wVersion === 'latest' || c2wVersion === 'system' || TAG.test(c2wVersion))) {
    throw new InputError('c2w-version', `must be a release tag like v0.8.4, 'latest' or 'system'; got '${c2wVersion}'`);
  }
  const c2wDownloadUrl = (get('c2w-download-url').trim() || DEFAULT_DOWNLOAD_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(c2wDownloadUrl)) {
    throw new InputError('c2w-download-url', `must be an http(s) URL; got '${c2wDownloadUrl}'`);
  }
  // latest is asked of the releases API of the download host, which must be a GitHub release URL.
  if (c2wVersion === 'latest' && releasesApiFor(c2wDownloadUrl, {}) === undefined) {
    throw new InputError(
      'c2w-version',
      `'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got '${c2wDownloadUrl}'. Give a release tag such as ${DEFAULT_C2W_VERSION}`,
    );
  }

  const dockerfile = get('dockerfile').trim() || undefined;
  if (dockerfile !== undefined && /[\0\r\n]/.test(dockerfile)) {
    throw new InputError('dockerfile', 'must be a single file path');
  }
  const buildArgs = keyValues(get, 'build-args');
  const debugImage = bool(get, 'debug-image', false);

  let output = get('output').trim();
  if (/[\0\r\n]/.test(output)) throw new InputError('output', 'must be a single path');
  if (target === 'js') {
    output = output === '' ? 'out/' : output.endsWith('/') ? output : `${output}/`;
  } else {
    if (output === '') output = 'out.wasm';
    if (output.endsWith('/')) {
      throw new InputError(
        'output',
        `must be a file path for target 'wasi' (a directory is only for 'js'); got '${output}'`,
      );
    }
  }
  const githubToken = get('github-token');

  const cache = oneOf<CacheMode>(get, 'cache', ['local', 'gha', 'registry', 'none'], 'local');
  const cacheRef = get('cache-ref').trim() || undefined;
  if (cache === 'registry') {
    if (cacheRef === undefined)
      throw new InputError('cache-ref', 'is required with cache: registry (e.g. ghcr.io/org/app:c2w-cache)');
    const ref = parseImageReference(cacheRef);
    if (typeof ref === 'string') throw new InputError('cache-ref', `'${cacheRef}' ${ref}`);
  }
  const cacheKey = get('cache-key').trim() || 'c2w';
  if (!/^[A-Za-z0-9._+-]{1,100}$/.test(cacheKey)) {
    throw new InputError(
      'cache-key',
      `must be 1-100 characters of letters, digits, '.', '_', '+', '-'; got '${cacheKey}'`,
    );
  }
  const builder = get('builder').trim() || undefined;
  if (builder !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(builder)) {
    throw new InputError('builder', `must be a buildx builder name (letters, digits, '.', '_', '-'); got '${builder}'`);
  }

  const cacheTimeoutSeconds = integer(get, 'cache-timeout', 1, 3600) ?? 600;
  const cacheSave = bool(get, 'cache-save', true);
  const buildRetries = integer(get, 'build-retries', 0, 10) ?? 2;
  const envPassthrough = [...new Set(lines(get('env-passthrough')))];
  for (const name of envPassthrough) {
    const problem = passthroughProblem(name);
    if (problem) throw new InputError('env-passthrough', `lists ${problem}`);
  }

  const smoke = bool(get, 'smoke', true);
  const smokeCommandLines = lines(get('smoke-command'));
  const smokeCommand = smokeCommandLines.length > 0 ? smokeCommandLines : DEFAULT_SMOKE_COMMAND;
  const expectSource = get('smoke-expect').trim() || DEFAULT_SMOKE_EXPECT;
  let smokeExpect: RegExp;
  try {
    smokeExpect = new RegExp(expectSource, 'm');
  } catch (e) {
    throw new InputError('smoke-expect', `is not a valid regular expression: ${(e as Error).message}`);
  }
  try {
    compileExpectation(expectSource, 'm');
  } catch (e) {
    throw new InputError('smoke-expect', (e as Error).message);
  }
  const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
  const smokeRuns = integer(get, 'smoke-runs', 1, 20) ?? 1;
  const smokeEnv = keyValues(get, 'smoke-env');
  const smokeRuntime = parseSmokeRuntime(get('smoke-runtime'));
  const smokeBrowser = get('smoke-browser').trim() || undefined;
  if (smokeBrowser !== undefined && /[\0\r\n]/.test(smokeBrowser)) {
    throw new InputError('smoke-browser', 'must be a single file path');
  }
  const site = get('site').trim() || undefined;
  if (site !== undefined && /[\0\r\n]/.test(site)) throw new InputError('site', 'must be a single folder path');
  const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
    if (!(ALLOCATORS as readonly string[]).includes(a)) {
      throw new InputError('allocator-fallback', `lists '${a}'; each line must be one of ${ALLOCATORS.join(', ')}`);
    }
    return a as Exclude<Allocator, 'default'>;
  });

  const uploadArtifact = bool(get, 'upload-artifact', true);
  const record = bool(get, 'record', true);
  const artifactName = get('artifact-name').trim() || undefined;
  const artifactNameError = artifactName === undefined ? undefined : artifactNameProblem(artifactName);
  if (artifactNameError) throw new InputError('artifact-name', artifactNameError);
  const retentionDays = integer(get, 'retention-days', 1, 90);
  const compressionLevel = integer(get, 'compression-level', 0, 9) ?? DEFAULT_COMPRESSION_LEVEL;
  const artifactArchive = bool(get, 'artifact-archive', true);
  if (!artifactArchive && uploadArtifact && target === 'js') {
    throw new InputError(
      'artifact-archive',
      'can be false only for target: wasi: a js output is a directory of several files, and only a single file can be uploaded without a zip (keep artifact-archive: true, or set upload-artifact: false)',
    );
  }
  const releaseTag = get('release-tag').trim() || undefined;
  if (releaseTag !== undefined && BAD_TAG.test(releaseTag)) {
    throw new InputError('release-tag', `'${releaseTag}' is not a valid git tag name`);
  }
  const releaseId = integer(get, 'release-id', 1, Number.MAX_SAFE_INTEGER);
  const releaseCreate = bool(get, 'release-create', true);
  const releaseOverwrite = bool(get, 'release-overwrite', true);
  const assetName = get('asset-name').trim() || undefined;
  const assetNameError = assetName === undefined ? undefined : assetNameProblem(assetName);
  if (assetNameError) throw new InputError('asset-name', assetNameError);
  if (releaseTag !== undefined && githubToken.trim() === '') {
    throw new InputError(
      'github-token',
      'is empty: release-tag needs a token with contents: write (the default is github.token)',
    );
  }

  return {
    image,
    allocator,
    target,
    targetArch,
    c2wVersion,
    c2wDownloadUrl,
    dockerfile,
    buildArgs,
    debugImage,
    output,
    githubToken,
    cache,
    cacheRef,
    cacheKey,
    builder,
    cacheTimeoutSeconds,
    cacheSave,
    buildRetries,
    envPassthrough,
    smoke,
    smokeCommand,
    smokeExpect,
    smokeTimeoutSeconds,
    smokeRuns,
    smokeEnv,
    smokeRuntime,
    smokeBrowser,
    site,
    allocatorFallback,
    uploadArtifact,
    record,
    artifactName,
    retentionDays,
    compressionLevel,
    artifactArchive,
    releaseTag,
    releaseId,
    releaseCreate,
    releaseOverwrite,
    assetName,
  };
}

/**
 * Reads the inputs from the runner's INPUT_* variables and masks the token. Also checks what
 * needs the machine (the custom Dockerfile is a file, the output is a place of its own in the
 * workspace) or would otherwise only fail after an hour's build (the smoke command fits c2w's
 * 1024-byte budget).
 */
export function getInputs(): Inputs {
  const inputs = parseInputs((name) => core.getInput(name));
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  if (inputs.dockerfile !== undefined) checkDockerfile(inputs.dockerfile);
  checkOutputPlace(inputs.target, inputs.output, process.env.GITHUB_WORKSPACE || process.cwd());
  if (inputs.smoke && inputs.target === 'wasi') {
    const budget = checkEnvBudget(inputs.smokeCommand, inputs.smokeEnv);
    if (!budget.ok) throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
  }
  return inputs;
}

/** The custom Dockerfile must be a regular file (c2w reads it; a directory fails only after the download). */
export function checkDockerfile(file: string): void {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError('dockerfile', `names '${file}', which does not exist`);
  }
  if (!st.isFile()) throw new InputError('dockerfile', `names '${file}', which is not a regular file`);
}

/** `p` with every symlink in its existing part resolved (the rest may not exist yet). */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

/**
 * Everything in a `js` output directory is published (artifact, `sha256`, release tarball), so it
 * must be a folder of the conversion's own: inside the workspace, not the workspace or one of its
 * ancestors, and empty or absent before the build. Then the files in it after c2w ran are exactly
 * c2w's. A `wasi` output file must be inside the workspace too. Relative paths are resolved
 * against the current directory, as c2w resolves them.
 */
export function checkOutputPlace(target: Target, output: string, workspace: string): void {
  const ws = realPathOf(workspace);
  const out = realPathOf(output);
  const rel = path.relative(ws, out);
  const shown = output === path.resolve(output) ? `'${output}'` : `'${output}' (${out})`;
  if (rel === '') {
    throw new InputError('output', `${shown} is the workspace ${ws}: give a folder of its own, such as out/`);
  }
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    const ancestor = path.relative(out, ws);
    const where = !ancestor.startsWith('..') && !path.isAbsolute(ancestor) ? 'an ancestor of' : 'outside';
    throw new InputError('output', `${shown} is ${where} the workspace ${ws}: give a path inside it, such as out/`);
  }
  let st;
  try {
    st = statSync(out);
  } catch {
    return; // absent: c2w creates it
  }
  if (target === 'wasi') {
    if (st.isDirectory()) throw new InputError('output', `${shown} is a directory; target 'wasi' writes one file`);
    return;
  }
  if (!st.isDirectory()) throw new InputError('output', `${shown} exists and is not a directory`);
  const present = readdirSync(out);
  if (present.length > 0) {
    throw new InputError(
      'output',
      `${shown} already holds ${present.length} entr${present.length === 1 ? 'y' : 'ies'} ` +
        `(${present.sort().slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): ` +
        `everything in a js output directory is published, so it must be empty or absent before the build`,
    );
  }
}
