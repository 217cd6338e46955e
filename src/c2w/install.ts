// Stage: a pinned c2w release, checksum-verified, kept in the runner's tool cache.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import * as io from '@actions/io';
import * as tc from '@actions/tool-cache';
import { run } from '../lib/exec.js';
import { describeAnswer } from '../lib/answer.js';
import { BoundedGetError, boundedGet, type Limits } from '../lib/bounded-get.js';
import { urlForDisplay } from '../lib/redact.js';
import { DownloadError, downloadFile } from './download.js';
import { listFiles } from '../lib/files.js';
import { sha256File } from '../lib/hash.js';
import { releasesApiFor } from '../github/hosts.js';

export const TOOL_NAME = 'c2w';

export interface InstalledC2w {
  /** Absolute path of the c2w binary. */
  c2w: string;
  /** The resolved release tag, or what `c2w --version` says for `system`. */
  version: string;
  /** true when the tool cache already had it. */
  cached: boolean;
}

export class InstallError extends Error {
  override name = 'InstallError';
}

/** c2w publishes Linux binaries for these Node `os.arch()` values. */
const RELEASE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

export function releaseAssetName(tag: string, nodeArch: string): string {
  const arch = RELEASE_ARCH[nodeArch];
  if (arch === undefined) {
    throw new InstallError(`c2w has Linux binaries for amd64 and arm64 only; this runner is ${nodeArch}.`);
  }
  return `container2wasm-${tag}-linux-${arch}.tar.gz`;
}

/**
 * A c2w release tag: `v` and a semantic version, with an optional pre-release of dot-separated
 * letters, digits and hyphens (v0.8.4, v0.9.0-rc.1). Nothing else may come from the network into
 * a download URL, a tool-cache path (no `/`, no `..` part) or the log (no line break).
 */
export const RELEASE_TAG = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Finds the sha256 that a SHA256SUMS file (`sha256sum` format) gives for `file`. Lines that give
 * it two different sums are refused: which one would be checked is up to the order.
 */
export function checksumFor(sums: string, file: string): string | undefined {
  const found = new Set<string>();
  for (const line of sums.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (m && m[2] === file) found.add(m[1]!.toLowerCase());
  }
  if (found.size > 1) {
    throw new InstallError(
      `SHA256SUMS gives ${found.size} different checksums for ${file} (${[...found].join(', ')}); refusing to install a binary it cannot vouch for.`,
    );
  }
  return [...found][0];
}

/** Tool-cache versions are semver: v0.8.4 → 0.8.4. */
export function toolCacheVersion(tag: string): string {
  return tag.replace(/^v/, '');
}

export interface InstallOptions {
  version: string;
  downloadUrl: string;
  token: string;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Longest silence of a download in ms (download.ts STALL_MS by default); tests shrink it. */
  downloadStallMs?: number;
  /** Bounds of the `latest` lookup (LATEST_LIMITS by default); tests shrink them. */
  latestLimits?: Partial<Limits>;
}

export async function installC2w(options: InstallOptions): Promise<InstalledC2w> {
  const platform = options.platform ?? os.platform();
  if (platform !== 'linux') {
    throw new InstallError(
      `c2w publishes Linux binaries only; this runner is ${platform}. Use runs-on: ubuntu-latest (or another Linux runner).`,
    );
  }
  if (options.version === 'system') return useSystemC2w();

  const tag =
    options.version === 'latest'
      ? await resolveLatest(options.token, options.downloadUrl, process.env, options.latestLimits)
      : options.version;
  const asset = releaseAssetName(tag, options.arch ?? os.arch());
  const arch = options.arch ?? os.arch();

  const found = tc.find(TOOL_NAME, toolCacheVersion(tag), arch);
  if (found) {
    core.info(`c2w ${tag} found in the tool cache: ${found}`);
    core.addPath(found);
    return { c2w: path.join(found, 'c2w'), version: tag, cached: true };
  }

  const base = `${options.downloadUrl}/${tag}`;
  const shownBase = urlForDisplay(base);
  core.info(`Downloading ${shownBase}/${asset}`);
  const temp = process.env.RUNNER_TEMP || os.tmpdir();
  const sumsFile = path.join(temp, `c2w-SHA256SUMS-${randomUUID()}`);
  const tarball = path.join(temp, `c2w-${randomUUID()}.tar.gz`);
  try {
    try {
      const stall = { stallMs: options.downloadStallMs };
      await downloadFile(`${base}/SHA256SUMS`, sumsFile, stall);
      await downloadFile(`${base}/${asset}`, tarball, stall);
    } catch (e) {
      const notThere = e instanceof DownloadError && e.status === 404;
      throw new InstallError(
        `Could not download c2w ${tag}: ${(e as Error).message}.${notThere ? ' Check c2w-version.' : ''}`,
      );
    }
    const expected = checksumFor(await readFile(sumsFile, 'utf8'), asset);
    if (expected === undefined) {
      throw new InstallError(
        `SHA256SUMS of c2w ${tag} has no line for ${asset}; refusing to install an unverified binary.`,
      );
    }
    const actual = await sha256File(tarball);
    if (actual !== expected) {
      throw new InstallError(
        `Checksum mismatch for ${asset}: SHA256SUMS says ${expected}, the download is ${actual}. Nothing was installed.`,
      );
    }
    core.info(`Verified ${asset} (sha256 ${actual})`);
    const cachedDir = await installIntoToolCache(tarball, toolCacheVersion(tag), arch);
    core.addPath(cachedDir);
    return { c2w: path.join(cachedDir, 'c2w'), version: tag, cached: false };
  } finally {
    await rm(sumsFile, { force: true });
    await rm(tarball, { force: true });
  }
}

/** Bounded time for unpacking the release archive (a few MB). */
const EXTRACT_TIMEOUT_MS = 120_000;

/**
 * Puts the release into the tool cache so that two jobs on one runner can install at once.
 * @actions/tool-cache's cacheDir empties the destination and copies file by file, so a second
 * job's cacheDir deletes files the first one is copying or running ("ENOENT copyfile", "Unable to
 * locate executable file"). Here each install unpacks into a folder of its own beside the
 * destination and renames it into place: a rename on one file system is atomic, and it fails when
 * the destination already holds files. The loser of that race compares the winner's files with its
 * own (same verified archive, same bytes) and uses the winner's copy; a destination that differs
 * (left half-copied by an interrupted install) is moved aside and replaced. The `<arch>.complete`
 * marker, which tool-cache's `find` requires, is written only once the folder is in place.
 */
export async function installIntoToolCache(tarball: string, version: string, arch: string): Promise<string> {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) throw new InstallError('RUNNER_TOOL_CACHE is not set: this does not look like an Actions runner.');
  const dest = path.join(root, TOOL_NAME, version, arch);
  await mkdir(path.dirname(dest), { recursive: true });
  const staging = path.join(path.dirname(dest), `.${arch}-${randomUUID()}`);
  await mkdir(staging);
  try {
    const untar = await run('tar', ['-xzf', tarball, '-C', staging, '--no-same-owner'], {
      echo: false,
      timeoutMs: EXTRACT_TIMEOUT_MS,
    });
    if (untar.exitCode !== 0) throw new InstallError(`Could not unpack ${tarball}: ${untar.stderr.trim()}`);
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(staging, dest);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 3) throw e;
      }
      if (await sameFiles(staging, dest)) {
        core.info(`Another job installed c2w ${version} at the same time; using its identical copy.`);
        break;
      }
      const stale = `${dest}.stale-${randomUUID()}`;
      await rename(dest, stale).catch(() => undefined);
      await rm(stale, { recursive: true, force: true });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await writeFile(`${dest}.complete`, '');
  return dest;
}

/** Whether `other` holds every file of `mine` with the same bytes. */
async function sameFiles(mine: string, other: string): Promise<boolean> {
  try {
    for (const file of await listFiles(mine)) {
      if ((await sha256File(path.join(mine, file))) !== (await sha256File(path.join(other, file)))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function useSystemC2w(): Promise<InstalledC2w> {
  let c2w: string;
  try {
    c2w = await io.which('c2w', true);
  } catch {
    throw new InstallError("c2w-version is 'system' but there is no c2w on PATH.");
  }
  const out = await run(c2w, ['--version'], { echo: false, timeoutMs: 60_000 });
  const version = /v?\d+\.\d+\.\d+[^\s]*/.exec(out.stdout)?.[0] ?? 'system';
  core.info(`Using the c2w on PATH: ${c2w} (${version})`);
  return { c2w, version, cached: true };
}

/**
 * Bounds of the releases API's answer. The API answers in well under a second; 30 s allows a slow
 * proxy and still ends a stalled or dribbling body long before anyone wonders. The answer for
 * container2wasm's releases is about 20 KB (the release notes and one entry per asset); 1 MiB
 * leaves room for a release with long notes and many assets.
 */
export const LATEST_LIMITS: Limits = { timeoutMs: 30_000, maxBytes: 1024 * 1024 };

/**
 * Resolves `latest` through the releases API of the host that serves the downloads (see
 * releases-api.ts): github.com's public API by default, so a GHES runner neither asks its own
 * instance about a github.com repository nor sends its token there.
 */
export async function resolveLatest(
  token: string,
  downloadUrl: string,
  env = process.env,
  limits: Partial<Limits> = {},
): Promise<string> {
  const source = releasesApiFor(downloadUrl, env);
  if (source === undefined) {
    throw new InstallError(
      `c2w-version 'latest' needs c2w-download-url on a GitHub host (<host>/<owner>/<repo>/releases/download) to ask its releases API; got ${urlForDisplay(downloadUrl)}. Give a release tag instead.`,
    );
  }
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token && source.sendToken) headers.authorization = `Bearer ${token}`;
  const url = `${source.api}/repos/${source.owner}/${source.repo}/releases/latest`;
  let status: number;
  let body: string;
  try {
    ({ status, body } = await boundedGet(url, headers, { ...LATEST_LIMITS, ...limits }));
  } catch (e) {
    const advice =
      e instanceof BoundedGetError && e.reason === 'too-large'
        ? 'a release is a few tens of KB of JSON; this is not the releases API'
        : 're-run the job';
    throw new InstallError(
      `Could not resolve c2w-version 'latest' from ${url}: ${(e as Error).message}; ${advice}, or give a release tag such as v0.8.4.`,
    );
  }
  const tag = tagNameOf(body);
  if (status !== 200 || tag === undefined) {
    throw new InstallError(
      `Could not resolve c2w-version 'latest': ${url} answered HTTP ${status} with ${describeAnswer(body)}, not a release with a tag_name. Give a release tag such as v0.8.4.`,
    );
  }
  if (!RELEASE_TAG.test(tag)) {
    throw new InstallError(
      `Could not resolve c2w-version 'latest': ${url} names the tag ${JSON.stringify(tag.slice(0, 100))}, which is not a release tag like v0.8.4; refusing to use it in a download URL or the tool cache. Give a release tag.`,
    );
  }
  core.info(`c2w-version latest is ${tag} (${url}${headers.authorization ? '' : ', unauthenticated'})`);
  return tag;
}

/** The string `tag_name` of a JSON object, or undefined for anything else (HTML, null, {}). */
function tagNameOf(body: string): string | undefined {
  try {
    const data = JSON.parse(body) as unknown;
    const tag = data !== null && typeof data === 'object' ? (data as { tag_name?: unknown }).tag_name : undefined;
    return typeof tag === 'string' ? tag : undefined;
  } catch {
    return undefined;
  }
}
