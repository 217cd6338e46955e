// The GitHub REST calls of the release half of publishing: find the release of a tag (drafts
// included), create a draft, list/delete/upload assets. Through @actions/github's Octokit with
// @octokit/plugin-retry (5xx and network errors) and @octokit/plugin-throttling (primary and
// secondary rate limits, honouring x-ratelimit-reset and retry-after up to a bounded total wait).
// Every request has a time limit. Creating a release and uploading an asset are not idempotent:
// they are not retried blindly, but after a failure that may have happened after GitHub did the
// work (5xx, no answer), the release or asset is looked up first and adopted when it is there.
import { apiUrl, isUploadHostOf } from './hosts.js';
import * as fs from 'node:fs';
import { log } from '../lib/log.js';
import {
  convergeOnRelease,
  findOldestDraft,
  ReleaseLookupError,
  type RequestFn as DraftRequestFn,
} from './release-draft.js';
import { apiFailure, explain, type ApiFailure } from './errors.js';
import { streamingFetch } from './upload-fetch.js';

export interface ReleaseApiOptions {
  token: string;
  /** `owner/repo`. */
  repository: string;
  env?: NodeJS.ProcessEnv;
  /** Time limit of one API call in ms (default 60 s); an upload gets one more second per MiB. */
  requestTimeoutMs?: number;
  /** Unit of the plugins' waits in ms (default 1000: a Retry-After of 3 waits 3 s); tests shrink it. */
  retryUnitMs?: number;
  /** Longest total wait for rate limits, in seconds (default 300). */
  maxRateLimitWaitSeconds?: number;
  /**
   * Spacing of write calls in ms. plugin-throttling spaces writes 1 s apart and release
   * creation 3 s (GitHub's advice against secondary rate limits); tests shrink it.
   */
  writeSpacingMs?: number;
}

export interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  immutable?: boolean;
}
export interface Asset {
  id: number;
  name: string;
  size: number;
  browser_download_url: string;
}
export interface AssetContent {
  size: number;
  contentType: string;
  /** The bytes, or a file read afresh each time a request (or a retry of it) sends it. */
  body: Buffer | FileBody;
}

/**
 * A file as a request body that can be sent more than once: the plugins retry a request with
 * the same options, and a stream would be empty the second time. fetch reads an async
 * iterable as a streamed body; a class instance (not a plain object) is passed through
 * @octokit/request untouched.
 */
export class FileBody {
  constructor(readonly file: string) {}
  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for await (const chunk of fs.createReadStream(this.file)) yield chunk as Buffer;
  }
}

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/**
 * Thrown by the fetch below when a call gets no answer in time. Named `AbortError` because
 * @octokit/request passes an AbortError through unchanged (it wraps every other fetch error
 * in a RequestError with status 500, which plugin-retry would retry): a call that used up its
 * time is not started again.
 */
class RequestTimeoutError extends Error {
  readonly timedOut = true;
  constructor(message: string) {
    super(message);
    this.name = 'AbortError';
  }
}

type Fetch = typeof globalThis.fetch;

/** `fetch` with a time limit per request, chosen from the request. */
function timedFetch(base: Fetch, limitMs: (init: RequestInit | undefined) => number): Fetch {
  return async (input, init) => {
    const ms = limitMs(init);
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await base(input, { ...init, signal });
    } catch (err) {
      if (!timeout.aborted) throw err;
      const url = new URL(String(input instanceof Request ? input.url : input));
      throw new RequestTimeoutError(
        `no answer to ${init?.method ?? 'GET'} ${url.host}${url.pathname} within ${Math.round(ms / 100) / 10} s`,
      );
    }
  };
}

/** Octokit's answer to a failed call, or our time limit, or a network error: worth checking whether it landed. */
function mayHaveLanded(f: ApiFailure): boolean {
  return f.timedOut === true || f.status === undefined || f.status >= 500;
}

type RequestFn = (route: string, params?: Record<string, unknown>) => Promise<{ data: unknown }>;

export class ReleaseApi {
  private assets: Asset[] | undefined;
  private readonly owner: string;
  private readonly repo: string;
  private readonly maxWait: number;
  private readonly retryUnitMs: number;
  private readonly api: string;

  private constructor(
    private readonly request: RequestFn,
    private readonly repository: string,
    /** The transport of an upload from a file (upload-fetch.ts), with the same time limit. */
    private readonly uploadFetch: Fetch,
    opts: ReleaseApiOptions,
  ) {
    [this.owner, this.repo] = repository.split('/') as [string, string];
    this.maxWait = opts.maxRateLimitWaitSeconds ?? 300;
    this.retryUnitMs = opts.retryUnitMs ?? 1000;
    this.api = apiUrl(opts.env ?? process.env);
  }

  static async connect(opts: ReleaseApiOptions): Promise<ReleaseApi> {
    const env = opts.env ?? process.env;
    const [{ getOctokit }, { defaults }, { retry }, { throttling }, { HttpClient }] = await Promise.all([
      import('@actions/github'),
      import('@actions/github/lib/utils'),
      import('@octokit/plugin-retry'),
      import('@octokit/plugin-throttling'),
      import('@actions/http-client'),
    ]);
    const requestTimeoutMs = opts.requestTimeoutMs ?? 60_000;
    const maxWait = opts.maxRateLimitWaitSeconds ?? 300;
    let waited = 0;
    // plugin-throttling asks before each wait; the total is bounded, after which the 403/429
    // reaches explain(), which names the wait GitHub asked for.
    const onLimit =
      (kind: string) =>
      (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
        const call = `${options.method ?? ''} ${options.url ?? ''}`.trim();
        if (retryCount < 3 && waited + retryAfter <= maxWait) {
          waited += retryAfter;
          log.info(`${call}: ${kind} rate limit; waiting ${retryAfter} s as GitHub asks`);
          return true;
        }
        log.info(`${call}: ${kind} rate limit; GitHub asks to wait ${retryAfter} s, more than the action waits`);
        return false;
      };
    // Only when asked (tests): write groups with a shorter spacing than the plugin's own.
    const spacing =
      opts.writeSpacingMs === undefined
        ? {}
        : await import('bottleneck/light.js').then(({ default: Bottleneck }) => ({
            write: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs }),
            notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs }),
          }));
    const baseFetch = (defaults.request as { fetch?: Fetch } | undefined)?.fetch ?? globalThis.fetch;
    // An upload streams its body: one more second per MiB, i.e. it may go as slow as 1 MiB/s.
    const limitMs = (init: RequestInit | undefined): number => {
      const len = Number(new Headers(init?.headers).get('content-length') ?? 0);
      return requestTimeoutMs + Math.ceil(len / 1_048_576) * 1000;
    };
    const proxies = new HttpClient('c2w-action');
    const uploadFetch = timedFetch(
      streamingFetch((url) => proxies.getAgent(url)),
      limitMs,
    );
    const octokit = getOctokit(
      opts.token,
      {
        baseUrl: apiUrl(env),
        request: {
          ...defaults.request,
          fetch: timedFetch(baseFetch, limitMs),
        },
        // 429 too is left to the throttling plugin, which reads retry-after; plugin-retry's
        // own backoff (1, 4, 9 units) is for 5xx and network errors.
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: opts.retryUnitMs ?? 1000 },
        throttle: {
          onRateLimit: onLimit('primary'),
          onSecondaryRateLimit: onLimit('secondary'),
          retryAfterBaseValue: opts.retryUnitMs ?? 1000,
          ...spacing,
        },
        // Octokit's default logger prints warnings to the console; route them through the log.
        log: {
          debug: () => {},
          info: () => {},
          warn: (m: string) => log.warning(m),
          error: (m: string) => log.error(m),
        },
      },
      retry,
      throttling,
    );
    return new ReleaseApi(octokit.request as unknown as RequestFn, opts.repository, uploadFetch, opts);
  }

  private async call<T>(route: string, params: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request(route, { owner: this.owner, repo: this.repo, ...params });
    return res.data as T;
  }

  /** A ReleaseError with the API's message and what to do. */
  fail(what: string, err: unknown, release?: Release): Error {
    if (err instanceof ReleaseError) return err;
    return new ReleaseError(
      explain(apiFailure(err), {
        what,
        repository: this.repository,
        tag: release?.tag_name,
        immutable: release ? !release.draft && release.immutable : undefined,
        now: Date.now(),
        maxWaitSeconds: this.maxWait,
      }),
    );
  }

  /**
   * The release to upload to: `releaseId` when given, else the one release of the tag that every
   * cell of a matrix converges on (release-draft.ts). Creating the draft is not repeated blindly:
   * after a failure that may have come after GitHub created it, the draft is looked for first.
   */
  /**
   * Octokit's request in the shape release-draft.ts takes. Creating a draft is not repeated
   * blindly: after a failure that may have come after GitHub created it, it is looked for first.
   */
  private draftRequest(tag: string): DraftRequestFn {
    return async (route, params = {}) => {
      const { owner: _owner, repo: _repo, ...rest } = params;
      if (route === 'POST /repos/{owner}/{repo}/releases') {
        const data = await this.once(
          `Creating a draft release for tag ${tag}`,
          () => this.call<Release>(route, { ...rest, request: { retries: 0 } }),
          // The draft the failed call may have made: the one every cell converges on.
          () => this.oldestDraft(tag),
        );
        return { status: 201, data };
      }
      return { status: 200, data: await this.call(route, rest) };
    };
  }

  async findOrCreateRelease(tag: string, create: boolean, releaseId?: number): Promise<Release> {
    const request = this.draftRequest(tag);
    try {
      return (await convergeOnRelease(request, {
        owner: this.owner,
        repo: this.repo,
        tag,
        create,
        ...(releaseId !== undefined ? { releaseId } : {}),
        log: (line) => log.info(line),
      })) as Release;
    } catch (err) {
      if (err instanceof ReleaseLookupError) {
        throw err.cause === undefined ? new ReleaseError(err.message) : this.fail(err.message, err.cause);
      }
      throw this.fail(`Finding the release of tag ${tag}`, err);
    }
  }

  /** The draft of `tag` the cells of a matrix converge on (the oldest), or undefined. */
  async oldestDraft(tag: string): Promise<Release | undefined> {
    try {
      return (await findOldestDraft(this.draftRequest(tag), { owner: this.owner, repo: this.repo, tag })) as
        Release | undefined;
    } catch (err) {
      if (err instanceof ReleaseLookupError && err.cause !== undefined) throw this.fail(err.message, err.cause);
      throw err;
    }
  }

  /** The names of the assets on `release`, read afresh. */
  async assetNames(release: Release): Promise<string[]> {
    return (await this.listAssets(release, true)).map((a) => a.name);
  }

  /** Publishes a draft release. */
  async publish(release: Release): Promise<void> {
    try {
      await this.call('PATCH /repos/{owner}/{repo}/releases/{release_id}', { release_id: release.id, draft: false });
    } catch (err) {
      throw this.fail(`Publishing release ${release.tag_name}`, err, release);
    }
  }

  /**
   * Runs a call that must not happen twice (up to 3 attempts). After a failure that may have
   * come after GitHub did the work, `landed` looks for the result and adopts it. The last
   * failure is thrown as it came.
   */
  private async once<T>(what: string, attempt: () => Promise<T>, landed: () => Promise<T | undefined>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        const f = apiFailure(err);
        if (!mayHaveLanded(f) || n >= 3) throw err;
        log.info(`${what}: ${f.status ?? ''} ${f.message}; checking whether it happened anyway`.replace(/ +/g, ' '));
        const found = await landed();
        if (found !== undefined) {
          log.info(`${what}: it did; using what GitHub made`);
          return found;
        }
        await new Promise((r) => setTimeout(r, n * n * this.retryUnitMs));
      }
    }
  }

  private async listAssets(release: Release, refresh = false): Promise<Asset[]> {
    if (this.assets && !refresh) return this.assets;
    const all: Asset[] = [];
    for (let page = 1; ; page++) {
      let list: Asset[];
      try {
        list = await this.call<Asset[]>('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
          release_id: release.id,
          per_page: 100,
          page,
        });
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
    log.info(`Deleting the existing asset ${name} (id ${existing.id})`);
    try {
      await this.call('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', { asset_id: existing.id });
    } catch (err) {
      if ((err as { status?: number }).status !== 404) {
        throw this.fail(`Deleting the existing asset ${name}`, err, release);
      }
    }
    this.assets = this.assets?.filter((a) => a.id !== existing.id);
  }

  async putAsset(release: Release, name: string, overwrite: boolean, content: AssetContent): Promise<Asset> {
    if (!isUploadHostOf(release.upload_url, this.api)) {
      throw new ReleaseError(
        `Release ${release.tag_name} names the upload URL ${JSON.stringify(release.upload_url.slice(0, 200))}, which is not on the upload host of ${this.api}; the token is not sent there`,
      );
    }
    await this.clear(release, name, overwrite, false);
    const what = `Uploading ${name}`;
    // Ours when it is there after a failed attempt with the same size: clear() removed any other.
    const landed = async (): Promise<Asset | undefined> => {
      const found = (await this.listAssets(release, true)).find((a) => a.name === name);
      if (found && found.size === content.size) return found;
      if (found) await this.clear(release, name, true, false); // a broken upload of ours
      return undefined;
    };
    for (let raced = false; ; raced = true) {
      log.info(`Uploading ${name} (${content.size} bytes) to release ${release.tag_name}`);
      try {
        // upload_url is a URI template (`.../assets{?name,label}`) on uploads.github.com
        // (or the API host on GHES): Octokit expands it with `name`. The upload API needs a
        // Content-Length: fetch sets it for a Buffer (a second one makes undici reject the
        // request), a stream needs it given.
        const asset = await this.once(
          what,
          () => {
            const data = content.body;
            const headers: Record<string, string> = { 'content-type': content.contentType };
            if (!Buffer.isBuffer(data)) headers['content-length'] = String(content.size);
            // A file's bytes go through upload-fetch.ts, which holds a few blocks of them at a time.
            const request = Buffer.isBuffer(data) ? { retries: 0 } : { retries: 0, fetch: this.uploadFetch };
            return this.call<Asset>(`POST ${release.upload_url}`, { name, headers, data, request });
          },
          landed,
        );
        this.assets = [...(this.assets ?? []).filter((a) => a.name !== name), asset];
        return asset;
      } catch (err) {
        if (!raced && isAlreadyExists(err)) {
          // Another job uploaded the same name between our listing and our upload.
          log.info(`${name} appeared on the release meanwhile; refreshing the asset list and retrying once`);
          await this.clear(release, name, overwrite, true);
          continue;
        }
        throw this.fail(what, err, release);
      }
    }
  }
}

function isAlreadyExists(err: unknown): boolean {
  const e = err as { status?: number; response?: { data?: unknown } };
  if (e.status !== 422) return false;
  const data = e.response?.data as { errors?: { code?: string }[] } | undefined;
  return Boolean(data?.errors?.some((x) => x.code === 'already_exists'));
}
