// Release asset half of the publish stage: find (or create, as a draft) the release of a tag,
// upload the wasm (a deterministic .tar.gz for js) and `<asset>.sha256`, through
// @actions/github's Octokit (loaded on demand; honours GITHUB_API_URL).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import * as core from '@actions/core';
import { sha256File } from './hash.js';
import { convergeOnRelease, ReleaseLookupError, type RequestFn as DraftRequestFn } from './release-draft.js';
import type { Target } from './types.js';

export interface ReleaseDeps {
  env?: NodeJS.ProcessEnv;
  /** Waits between retries; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per API call for 5xx and rate-limit answers (default 4). */
  maxAttempts?: number;
  /** First backoff in ms, doubled each retry (default 2000); a Retry-After is honoured up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ReleaseRequest {
  token: string;
  /** The release tag; ignored when releaseId is given. */
  tag: string;
  /** An existing release to upload to (the release-id input). */
  releaseId?: number;
  create: boolean;
  overwrite: boolean;
  assetName: string;
  /** The wasm file (wasi) or the directory (js) to publish. */
  path: string;
  target: Target;
  /** sha256 of the wasm as the convert stage computed it (checked against the file for wasi). */
  sha256: string;
  /** `owner/repo`, normally GITHUB_REPOSITORY. */
  repository: string | undefined;
}

export interface ReleaseResult {
  releaseId: number;
  assetUrl: string;
  checksumUrl: string;
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  html_url?: string;
  immutable?: boolean;
}
interface Asset {
  id: number;
  name: string;
  browser_download_url: string;
}

/** Minimal Octokit surface used here: `octokit.request(route, params)`. */
interface RequestFn {
  (route: string, params?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

/** An error as @octokit/request-error shapes it. */
interface ApiError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function publishReleaseAsset(req: ReleaseRequest, deps: ReleaseDeps = {}): Promise<ReleaseResult> {
  const env = deps.env ?? process.env;
  if (!req.token)
    throw new ReleaseError('github-token is empty: a token with contents: write is needed for release-tag');
  core.setSecret(req.token);
  const [owner, repo] = (req.repository ?? '').split('/');
  if (!owner || !repo)
    throw new ReleaseError(`GITHUB_REPOSITORY is not set as owner/repo (got ${JSON.stringify(req.repository ?? '')})`);

  // What is uploaded: the wasm itself, or a deterministic .tar.gz of the js directory.
  let file = req.path;
  let cleanup: (() => void) | undefined;
  if (req.target === 'js') {
    const dir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'c2w-release-'));
    file = path.join(dir, req.assetName);
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    await writeDeterministicTarGz(req.path, file);
  }
  try {
    const sha256 = await sha256File(file);
    if (req.target === 'wasi' && req.sha256 && sha256 !== req.sha256.toLowerCase()) {
      throw new ReleaseError(
        `${file} changed after conversion: sha256 ${sha256}, expected ${req.sha256}; refusing to publish it`,
      );
    }
    const size = fs.statSync(file).size;

    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(req.token, {
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      // Octokit's default logger prints warnings to the console; route them through core.
      log: {
        debug: () => {},
        info: () => {},
        warn: (m: string) => core.warning(m),
        error: (m: string) => core.error(m),
      },
    });
    const api = new Api(octokit.request as unknown as RequestFn, owner, repo, deps);

    const release = await api.findOrCreateRelease(req.tag, req.create, req.releaseId);
    core.info(`Release ${release.tag_name}: id ${release.id}${release.draft ? ' (draft)' : ''}`);

    const asset = await api.putAsset(release, req.assetName, req.overwrite, {
      size,
      contentType: req.target === 'js' ? 'application/gzip' : 'application/wasm',
      body: () => fs.createReadStream(file),
    });
    const checksumName = `${req.assetName}.sha256`;
    const checksum = Buffer.from(sha256sumLine(sha256, req.assetName));
    const sum = await api.putAsset(release, checksumName, req.overwrite, {
      size: checksum.length,
      contentType: 'text/plain',
      body: () => checksum,
    });
    return { releaseId: release.id, assetUrl: asset.browser_download_url, checksumUrl: sum.browser_download_url };
  } finally {
    cleanup?.();
  }
}

/** One line as `sha256sum` prints it (text mode: two spaces). */
export function sha256sumLine(hex: string, name: string): string {
  return `${hex}  ${name}\n`;
}

class Api {
  private assets: Asset[] | undefined;
  private readonly request: RequestFn;
  private readonly owner: string;
  private readonly repo: string;
  private readonly deps: ReleaseDeps;

  constructor(request: RequestFn, owner: string, repo: string, deps: ReleaseDeps) {
    this.request = request;
    this.owner = owner;
    this.repo = repo;
    this.deps = deps;
  }

  /** Calls the API, retrying 5xx and rate-limit answers with bounded exponential backoff. */
  async call<T>(
    what: string,
    route: string,
    params: Record<string, unknown> | (() => Record<string, unknown>) = {},
  ): Promise<T> {
    const max = this.deps.maxAttempts ?? 4;
    const base = this.deps.baseDelayMs ?? 2000;
    const cap = this.deps.maxDelayMs ?? 60_000;
    const sleep = this.deps.sleep ?? defaultSleep;
    for (let attempt = 1; ; attempt++) {
      try {
        const p = typeof params === 'function' ? params() : params;
        const res = await this.request(route, { owner: this.owner, repo: this.repo, ...p });
        return res.data as T;
      } catch (err) {
        const e = err as ApiError;
        const retryable = isRetryable(e);
        if (!retryable || attempt >= max) throw err;
        const retryAfter = Number(e.response?.headers?.['retry-after']);
        const delay = Math.min(
          cap,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : base * 2 ** (attempt - 1),
        );
        core.info(
          `${what}: ${e.status ?? 'network error'} ${apiMessage(e)}; retrying in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of ${max})`,
        );
        await sleep(delay);
      }
    }
  }

  /** The release of the tag (or `releaseId`), one draft for every cell of a matrix: see release-draft.ts. */
  async findOrCreateRelease(tag: string, create: boolean, releaseId?: number): Promise<Release> {
    const request: DraftRequestFn = async (route, params = {}) => ({
      status: 200,
      data: await this.call(route, route, params),
    });
    try {
      return (await convergeOnRelease(request, {
        owner: this.owner,
        repo: this.repo,
        tag,
        create,
        ...(releaseId !== undefined ? { releaseId } : {}),
        log: (line) => core.info(line),
      })) as Release;
    } catch (err) {
      if (err instanceof ReleaseLookupError) {
        throw err.cause === undefined ? new ReleaseError(err.message) : this.fail(err.message, err.cause);
      }
      throw err;
    }
  }

  private async listAssets(release: Release, refresh = false): Promise<Asset[]> {
    if (this.assets && !refresh) return this.assets;
    const all: Asset[] = [];
    for (let page = 1; ; page++) {
      let list: Asset[];
      try {
        list = await this.call<Asset[]>(
          'List release assets',
          'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
          {
            release_id: release.id,
            per_page: 100,
            page,
          },
        );
      } catch (err) {
        throw this.fail(`Listing the assets of release ${release.tag_name}`, err, release);
      }
      all.push(...list);
      if (list.length < 100) break;
    }
    this.assets = all;
    return all;
  }

  /** Makes room for `name` (delete when overwriting, error otherwise). */
  private async clear(release: Release, name: string, overwrite: boolean, refresh: boolean): Promise<void> {
    const existing = (await this.listAssets(release, refresh)).find((a) => a.name === name);
    if (!existing) return;
    if (!overwrite) {
      throw new ReleaseError(
        `Release ${release.tag_name} already has an asset named ${name} (id ${existing.id}) and release-overwrite is false`,
      );
    }
    core.info(`Deleting the existing asset ${name} (id ${existing.id})`);
    try {
      await this.call('Delete release asset', 'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        asset_id: existing.id,
      });
    } catch (err) {
      if ((err as ApiError).status !== 404) throw this.fail(`Deleting the existing asset ${name}`, err, release);
    }
    this.assets = this.assets?.filter((a) => a.id !== existing.id);
  }

  async putAsset(
    release: Release,
    name: string,
    overwrite: boolean,
    content: { size: number; contentType: string; body: () => Buffer | Readable },
  ): Promise<Asset> {
    await this.clear(release, name, overwrite, false);
    for (let raced = false; ; raced = true) {
      core.info(`Uploading ${name} (${content.size} bytes) to release ${release.tag_name}`);
      try {
        // upload_url is a URI template (`.../assets{?name,label}`) on uploads.github.com
        // (or the API host on GHES): Octokit expands it with `name`. A fresh body per attempt.
        // The upload API needs a Content-Length: fetch sets it for a Buffer (a second one makes
        // undici reject the request), a stream needs it given.
        const asset = await this.call<Asset>(`Upload ${name}`, `POST ${release.upload_url}`, () => {
          const data = content.body();
          const headers: Record<string, string> = { 'content-type': content.contentType };
          if (!Buffer.isBuffer(data)) headers['content-length'] = String(content.size);
          return { name, headers, data };
        });
        this.assets?.push(asset);
        return asset;
      } catch (err) {
        if (!raced && isAlreadyExists(err)) {
          // Another job uploaded the same name between our listing and our upload.
          core.info(`${name} appeared on the release meanwhile; refreshing the asset list and retrying once`);
          await this.clear(release, name, overwrite, true);
          continue;
        }
        throw this.fail(`Uploading ${name}`, err, release);
      }
    }
  }

  /** A failure with the API's own message, plus what to do for the cases users hit. */
  fail(what: string, err: unknown, release?: Release): Error {
    if (err instanceof ReleaseError) return err;
    const e = err as ApiError;
    const msg = apiMessage(e);
    const status = e.status;
    if (status === 401) {
      return new ReleaseError(
        `${what} failed: 401 ${msg}. The github-token is invalid or expired; pass a valid token (the default is github.token).`,
      );
    }
    if (status === 403 || status === 404) {
      return new ReleaseError(
        `${what} failed: ${status} ${msg}. Check that ${this.owner}/${this.repo} exists and that the github-token ` +
          `can write to it (permissions: contents: write).`,
      );
    }
    if (status === 422 && (/immutable/i.test(msg) || (release && !release.draft && release.immutable))) {
      return new ReleaseError(
        `${what} failed: 422 ${msg}. Release ${release?.tag_name ?? ''} is published and immutable: assets can only be ` +
          `added while a release is a draft. Create the release as a draft (or let this action create it with ` +
          `release-create: true), publish it after the uploads, or use a new tag.`,
      );
    }
    return new ReleaseError(`${what} failed: ${status ?? ''} ${msg}`.replace(/\s+/g, ' ').trim());
  }
}

function apiMessage(e: ApiError): string {
  const data = e.response?.data as
    { message?: string; errors?: { code?: string; message?: string; field?: string }[] } | undefined;
  if (data && typeof data === 'object' && data.message) {
    const details = (data.errors ?? [])
      .map((x) => x.message || [x.field, x.code].filter(Boolean).join(' '))
      .filter(Boolean);
    return details.length ? `${data.message} (${details.join('; ')})` : data.message;
  }
  return e.message ?? String(e);
}

function isRetryable(e: ApiError): boolean {
  const s = e.status;
  if (s === undefined) return isNetwork(e);
  if (s === 500 || s === 502 || s === 503 || s === 504 || s === 429) return true;
  if (s === 403) {
    const h = e.response?.headers ?? {};
    return h['x-ratelimit-remaining'] === '0' || h['retry-after'] !== undefined || /rate limit/i.test(apiMessage(e));
  }
  return false;
}

function isNetwork(e: ApiError): boolean {
  return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|fetch failed/i.test(String(e.message ?? ''));
}

function isAlreadyExists(err: unknown): boolean {
  const e = err as ApiError;
  if (e.status !== 422) return false;
  const data = e.response?.data as { errors?: { code?: string }[] } | undefined;
  return Boolean(data?.errors?.some((x) => x.code === 'already_exists'));
}

// ---------------------------------------------------------------------------------------
// Deterministic .tar.gz of a directory (no dependency, no system tar): entries sorted by
// path, mtime 0, uid/gid 0, no user names, mode 0644 or 0755; gzip without name or time.

export async function writeDeterministicTarGz(dir: string, outFile: string): Promise<void> {
  const entries = collect(path.resolve(dir), '');
  async function* tar(): AsyncGenerator<Buffer> {
    for (const e of entries) {
      if (e.type === 'dir') {
        yield header(e.rel + '/', 0, 0o755, '5');
      } else {
        yield header(e.rel, e.size, e.mode, '0');
        for await (const chunk of fs.createReadStream(e.abs)) yield chunk as Buffer;
        const pad = (512 - (e.size % 512)) % 512;
        if (pad) yield Buffer.alloc(pad);
      }
    }
    yield Buffer.alloc(1024);
  }
  await pipeline(Readable.from(tar()), zlib.createGzip({ level: 9 }), fs.createWriteStream(outFile));
}

interface Entry {
  rel: string;
  abs: string;
  type: 'dir' | 'file';
  size: number;
  mode: number;
}

function collect(root: string, rel: string): Entry[] {
  const out: Entry[] = [];
  const names = fs.readdirSync(path.join(root, rel)).sort();
  for (const name of names) {
    const r = rel ? `${rel}/${name}` : name;
    const abs = path.join(root, r);
    const st = fs.statSync(abs); // follows symlinks: the archive holds their targets
    if (st.isDirectory()) {
      out.push({ rel: r, abs, type: 'dir', size: 0, mode: 0o755 });
      out.push(...collect(root, r));
    } else if (st.isFile()) {
      out.push({ rel: r, abs, type: 'file', size: st.size, mode: st.mode & 0o111 ? 0o755 : 0o644 });
    }
  }
  return out;
}

function header(name: string, size: number, mode: number, type: '0' | '5'): Buffer {
  const h = Buffer.alloc(512);
  let base = name;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    // ustar: split at a slash into prefix (<=155) and name (<=100).
    const i = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, i);
    base = name.slice(i + 1);
    if (i < 0 || Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) {
      throw new ReleaseError(`Path too long for the release tarball: ${name}`);
    }
  }
  if (size > 0o77777777777) throw new ReleaseError(`File too large for the release tarball: ${name}`);
  h.write(base, 0, 100, 'utf8');
  h.write(octal(mode, 7), 100);
  h.write(octal(0, 7), 108);
  h.write(octal(0, 7), 116);
  h.write(octal(size, 11), 124);
  h.write(octal(0, 11), 136);
  h.fill(' ', 148, 156);
  h.write(type, 156);
  h.write('ustar\u000000', 257, 'binary');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\u0000 ', 148, 'binary');
  return h;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width, '0') + '\u0000';
}
