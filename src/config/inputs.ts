// Reads the action's inputs once and validates every value before anything is spawned.
// `parseInputs` is pure (it takes a getter), so the whole table of bad inputs is unit-tested.
import { parseImageReference } from '../c2w/image-ref.js';
import { artifactNameProblem, assetNameProblem } from '../publish/names.js';
import { checkEnvBudget } from '../c2w/boot-info.js';
import { releasesApiFor } from '../github/hosts.js';
import { parseToolchainSetting } from '../cache/toolchain.js';
import { compileInputExpectation } from '../smoke/expect.js';
import { passthroughProblem } from '../lib/child-env.js';
import { addRedaction, addRunnerSecrets, addSecret, urlForDisplay, urlPasswordOf } from '../lib/redact.js';
import { InputError, quoted } from './errors.js';
import { checkDockerfile, checkOutputPlace } from './host-checks.js';
import { C2W_RELEASE_TAG } from '../types/c2w.js';
import { checkSitePlace, workspaceRoot } from '../site/folder.js';
import {
  ALLOCATORS,
  SMOKE_RUNTIMES,
  type Allocator,
  type CacheMode,
  type Inputs,
  type KeyValue,
  type Pattern,
  type SmokeRuntime,
  type SmokeSandbox,
  type Target,
} from '../types/inputs.js';

export { InputError, quoted } from './errors.js';
export { checkDockerfile, checkOutputPlace } from './host-checks.js';

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

/** Returns the raw value of an input ('' when unset), like core.getInput. */
export type InputGetter = (name: string) => string;

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

export function bool(get: InputGetter, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (TRUE_VALUES.includes(raw)) return true;
  if (FALSE_VALUES.includes(raw)) return false;
  throw new InputError(name, `must be true or false (YAML 1.2 core schema), got ${quoted(raw)}`);
}

export function oneOf<T extends string>(get: InputGetter, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quoted(raw)}`);
}

function integer(get: InputGetter, name: string, min: number, max: number): number | undefined {
  const raw = get(name).trim();
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max}; got ${quoted(raw)}`);
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
  return lines(get(name)).map((line, i) => {
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (eq < 0 || !ENV_KEY.test(key)) {
      // The line is not quoted: a value is often a secret, and it is not registered as one yet.
      const got = eq < 0 ? `line ${i + 1} has no '='` : `line ${i + 1} has the key ${quoted(key)}`;
      throw new InputError(name, `needs one KEY=VALUE per line (KEY: letters, digits, _); ${got}`);
    }
    return { key, value: line.slice(eq + 1) };
  });
}

// Git refuses these in a tag name (git check-ref-format).
// eslint-disable-next-line no-control-regex
const BAD_TAG = /(^[-./])|\.\.|[\s~^:?*[\\\x00-\x1f\x7f]|@\{|\.lock$|\/$|\.$|^@$/;

export function parseInputs(get: InputGetter): Inputs {
  const image = get('image').trim();
  if (image === '') throw new InputError('image', 'is required: an image reference such as alpine:3.20');
  const parsed = parseImageReference(image);
  if (typeof parsed === 'string') throw new InputError('image', `${quoted(image)} ${parsed}`);

  const allocator = oneOf<Allocator>(get, 'allocator', [...ALLOCATORS, 'default'], 'emmalloc');
  const target = oneOf<Target>(get, 'target', ['wasi', 'js'], 'wasi');
  const targetArch = oneOf(get, 'target-arch', TARGET_ARCHES, 'amd64');

  const c2wVersion = get('c2w-version').trim() || DEFAULT_C2W_VERSION;
  if (!(c2wVersion === 'latest' || c2wVersion === 'system' || C2W_RELEASE_TAG.test(c2wVersion))) {
    throw new InputError(
      'c2w-version',
      `must be a release tag like v0.8.4, 'latest' or 'system'; got ${quoted(c2wVersion)}`,
    );
  }
  const c2wDownloadUrl = (get('c2w-download-url').trim() || DEFAULT_DOWNLOAD_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(c2wDownloadUrl)) {
    throw new InputError('c2w-download-url', `must be an http(s) URL; got ${quoted(urlForDisplay(c2wDownloadUrl))}`);
  }
  // latest is asked of the releases API of the download host, which must be a GitHub release URL.
  if (c2wVersion === 'latest' && releasesApiFor(c2wDownloadUrl, {}) === undefined) {
    throw new InputError(
      'c2w-version',
      `'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got ${quoted(urlForDisplay(c2wDownloadUrl))}. Give a release tag such as ${DEFAULT_C2W_VERSION}`,
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
        `must be a file path for target 'wasi' (a directory is only for 'js'); got ${quoted(output)}`,
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
    if (typeof ref === 'string') throw new InputError('cache-ref', `${quoted(cacheRef)} ${ref}`);
  }
  const cacheKey = get('cache-key').trim() || 'c2w';
  if (!/^[A-Za-z0-9._+-]{1,100}$/.test(cacheKey)) {
    throw new InputError(
      'cache-key',
      `must be 1-100 characters of letters, digits, '.', '_', '+', '-'; got ${quoted(cacheKey)}`,
    );
  }
  const builder = get('builder').trim() || undefined;
  if (builder !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(builder)) {
    throw new InputError(
      'builder',
      `must be a buildx builder name (letters, digits, '.', '_', '-'); got ${quoted(builder)}`,
    );
  }

  const cacheTimeoutSeconds = integer(get, 'cache-timeout', 1, 3600) ?? 600;
  const cacheSave = bool(get, 'cache-save', true);
  const buildRetries = integer(get, 'build-retries', 0, 10) ?? 2;
  const toolchainCache = parseToolchainSetting(get('toolchain-cache'));
  if (typeof toolchainCache === 'string') {
    throw new InputError(
      'toolchain-cache',
      `${quoted(get('toolchain-cache').trim())} ${toolchainCache}; give auto, none or a registry repository such as ghcr.io/org/c2w-toolchain`,
    );
  }
  const toolchainCachePush = bool(get, 'toolchain-cache-push', false);
  if (toolchainCachePush) {
    if (toolchainCache.kind === 'none') {
      throw new InputError(
        'toolchain-cache-push',
        'is true but toolchain-cache is none: name the repository to publish to',
      );
    }
    // What is published is read by every conversion of the combination: it must be the build of
    // c2w's own Dockerfile with only the allocator set, not one a user's inputs changed.
    const changed =
      dockerfile !== undefined
        ? 'dockerfile'
        : buildArgs.length > 0
          ? 'build-args'
          : debugImage
            ? 'debug-image'
            : undefined;
    if (changed) {
      throw new InputError(
        'toolchain-cache-push',
        `publishes the toolchain of c2w's own Dockerfile and cannot be used with ${changed}, which changes what is built`,
      );
    }
  }
  const envPassthrough = [...new Set(lines(get('env-passthrough')))];
  for (const name of envPassthrough) {
    const problem = passthroughProblem(name);
    if (problem) throw new InputError('env-passthrough', `lists ${problem}`);
  }

  const smoke = bool(get, 'smoke', true);
  if (toolchainCachePush && !smoke) {
    // Every conversion of the combination reads what is published: only a build that booted.
    throw new InputError(
      'toolchain-cache-push',
      'is true but smoke is false: the toolchain cache is published only after a passing smoke boot; turn smoke on, or leave toolchain-cache-push off',
    );
  }
  const smokeCommandLines = lines(get('smoke-command'));
  const smokeCommand = smokeCommandLines.length > 0 ? smokeCommandLines : DEFAULT_SMOKE_COMMAND;
  const expectSource = get('smoke-expect').trim() || DEFAULT_SMOKE_EXPECT;
  // Compiled by RE2 only, the engine that matches it: RE2 syntax such as (?i) or (?P<name>…) is
  // not JavaScript's, and JavaScript's lookaround and backreferences are not RE2's.
  try {
    compileInputExpectation(expectSource, 'm');
  } catch (e) {
    throw new InputError('smoke-expect', (e as Error).message);
  }
  const smokeExpect: Pattern = { source: expectSource, flags: 'm' };
  const smokeTimeoutSeconds = integer(get, 'smoke-timeout', 1, 3600) ?? 300;
  const smokeRuns = integer(get, 'smoke-runs', 1, 20) ?? 1;
  const smokeEnv = keyValues(get, 'smoke-env');
  const smokeRuntime = parseSmokeRuntime(get('smoke-runtime'));
  const smokeBrowser = get('smoke-browser').trim() || undefined;
  if (smokeBrowser !== undefined && /[\0\r\n]/.test(smokeBrowser)) {
    throw new InputError('smoke-browser', 'must be a single file path');
  }
  const smokeSandbox = oneOf<SmokeSandbox>(get, 'smoke-sandbox', ['auto', 'required'], 'auto');
  const site = get('site').trim() || undefined;
  if (site !== undefined && /[\0\r\n]/.test(site)) throw new InputError('site', 'must be a single folder path');
  const allocatorFallback = lines(get('allocator-fallback')).map((a) => {
    if (!(ALLOCATORS as readonly string[]).includes(a)) {
      throw new InputError(
        'allocator-fallback',
        `lists ${quoted(a)}; each line must be one of ${ALLOCATORS.join(', ')}`,
      );
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
    throw new InputError('release-tag', `${quoted(releaseTag)} is not a valid git tag name`);
  }
  const releaseId = integer(get, 'release-id', 1, Number.MAX_SAFE_INTEGER);
  const releaseCreate = bool(get, 'release-create', true);
  const releaseOverwrite = bool(get, 'release-overwrite', true);
  const assetName = get('asset-name').trim() || undefined;
  const assetNameError = assetName === undefined ? undefined : assetNameProblem(assetName);
  if (assetNameError) throw new InputError('asset-name', assetNameError);
  if (releaseTag !== undefined && releaseId !== undefined) {
    throw new InputError(
      'release-id',
      `and release-tag name the release two ways (release-id ${releaseId}, release-tag ${quoted(releaseTag)}): give one`,
    );
  }
  if ((releaseTag !== undefined || releaseId !== undefined) && githubToken.trim() === '') {
    throw new InputError(
      'github-token',
      `is empty: ${releaseTag !== undefined ? 'release-tag' : 'release-id'} needs a token with contents: write (the default is github.token)`,
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
    toolchainCache,
    toolchainCachePush,
    smoke,
    smokeCommand,
    smokeExpect,
    smokeTimeoutSeconds,
    smokeRuns,
    smokeEnv,
    smokeRuntime,
    smokeBrowser,
    smokeSandbox,
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
 * Reads the inputs through `get` (the action's front end passes core.getInput, which reads the
 * runner's INPUT_* variables); masks the secrets the action holds (the
 * token, the runner's service tokens, a password in c2w-download-url) and has them, and the values
 * of build-args and smoke-env, redacted from what the runner does not mask (lib/redact.ts). Also
 * checks what needs the machine (config/host-checks.ts: the custom Dockerfile is a regular file in
 * the workspace, the output is a place of its own in the workspace, the site a folder of its own
 * there) or would otherwise only fail after an hour's build (the smoke command fits c2w's 1024-byte
 * budget).
 */
export function getInputs(get: InputGetter): Inputs {
  addRunnerSecrets();
  addSecret(get('github-token'));
  const inputs = parseInputs(get);
  registerSecrets(inputs);
  const root = workspaceRoot();
  const workspace = root.dir;
  if (inputs.dockerfile !== undefined) checkDockerfile(inputs.dockerfile, workspace);
  checkOutputPlace(inputs.target, inputs.output, workspace);
  if (inputs.site !== undefined) checkSitePlace(inputs.site, inputs.output, root);
  if (inputs.smoke && inputs.target === 'wasi') {
    const budget = checkEnvBudget(inputs.smokeCommand, inputs.smokeEnv);
    if (!budget.ok) throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
  }
  return inputs;
}

/** Masks and redacts the secrets among the inputs (lib/redact.ts). */
export function registerSecrets(
  inputs: Pick<Inputs, 'githubToken' | 'c2wDownloadUrl' | 'buildArgs' | 'smokeEnv'>,
): void {
  addSecret(inputs.githubToken);
  const password = urlPasswordOf(inputs.c2wDownloadUrl);
  if (password !== undefined) {
    addSecret(password);
    try {
      addSecret(decodeURIComponent(password));
    } catch {
      // not percent-encoding: the password as written is all there is
    }
  }
  // A value that names an allocator is configuration, not a secret (the stand-ins and custom
  // Dockerfiles take the allocator as a build arg): redacting it would erase the allocator names the
  // action itself reports (`allocator`, the rejected allocators in `metadata`, the record).
  for (const { value } of [...inputs.buildArgs, ...inputs.smokeEnv]) {
    if (!(ALLOCATORS as readonly string[]).includes(value.trim())) addRedaction(value);
  }
}
