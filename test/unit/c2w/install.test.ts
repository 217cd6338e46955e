import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checksumFor,
  installC2w,
  installIntoToolCache,
  InstallError,
  releaseAssetName,
  resolveLatest,
  toolCacheVersion,
} from '../../../src/c2w/install.js';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('install helpers', () => {
  it.each([
    ['v0.8.4', 'x64', 'container2wasm-v0.8.4-linux-amd64.tar.gz'],
    ['v0.8.4', 'arm64', 'container2wasm-v0.8.4-linux-arm64.tar.gz'],
  ])('asset for %s on %s', (tag, arch, name) => {
    expect(releaseAssetName(tag, arch)).toBe(name);
  });

  it('refuses an architecture without binaries', () => {
    expect(() => releaseAssetName('v0.8.4', 'ia32')).toThrow(InstallError);
  });

  it('reads sha256sum lines, text and binary mode', () => {
    const sums = `${A}  container2wasm-v0.8.4-linux-amd64.tar.gz\n${B} *container2wasm-v0.8.4-linux-arm64.tar.gz\n${A}  c2w-net-proxy.wasm\n`;
    expect(checksumFor(sums, 'container2wasm-v0.8.4-linux-amd64.tar.gz')).toBe(A);
    expect(checksumFor(sums, 'container2wasm-v0.8.4-linux-arm64.tar.gz')).toBe(B.toLowerCase());
    expect(checksumFor(sums, 'container2wasm-v0.8.3-linux-amd64.tar.gz')).toBeUndefined();
    expect(checksumFor(`${A}  x.tar.gz.sig`, 'x.tar.gz')).toBeUndefined();
    expect(checksumFor('garbage', 'x')).toBeUndefined();
  });

  it('refuses a SHA256SUMS that gives one file two sums, in either order', () => {
    const name = 'container2wasm-v0.8.4-linux-amd64.tar.gz';
    for (const sums of [`${A}  ${name}\n${B}  ${name}\n`, `${B} *${name}\n${A}  ${name}\n`]) {
      expect(() => checksumFor(sums, name)).toThrow(/SHA256SUMS gives 2 different checksums for container2wasm/);
    }
    // The same sum twice is no contradiction.
    expect(checksumFor(`${A}  ${name}\n${A.toUpperCase()} *${name}\n`, name)).toBe(A);
  });

  it('maps tags to tool-cache versions', () => {
    expect(toolCacheVersion('v0.8.4')).toBe('0.8.4');
  });
});

describe('installIntoToolCache', () => {
  const saved = process.env.RUNNER_TOOL_CACHE;
  afterEach(() => {
    process.env.RUNNER_TOOL_CACHE = saved;
  });

  /** A release-like tarball with `c2w` at its root. */
  function tarball(dir: string, content: string): string {
    const src = path.join(dir, `src-${content.length}`);
    mkdirSync(src);
    writeFileSync(path.join(src, 'c2w'), content, { mode: 0o755 });
    const file = path.join(dir, `c2w-${content.length}.tar.gz`);
    execFileSync('tar', ['-czf', file, '-C', src, 'c2w']);
    return file;
  }

  it('two installs at once both get one complete copy', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-install-'));
    process.env.RUNNER_TOOL_CACHE = path.join(dir, 'toolcache');
    const archive = tarball(dir, '#!/bin/sh\necho c2w\n');
    const results = await Promise.all([0, 1, 2, 3].map(() => installIntoToolCache(archive, '0.8.4', 'x64')));
    const dest = path.join(dir, 'toolcache', 'c2w', '0.8.4', 'x64');
    expect(new Set(results)).toEqual(new Set([dest]));
    expect(readFileSync(path.join(dest, 'c2w'), 'utf8')).toBe('#!/bin/sh\necho c2w\n');
    // No staging folder is left; the marker that tool-cache's find() requires is there.
    expect(readdirSync(path.dirname(dest)).sort()).toEqual(['x64', 'x64.complete']);
    expect(tc.find('c2w', '0.8.4', 'x64')).toBe(dest);
  });

  it('replaces a copy left half-done by an interrupted install', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-install-'));
    process.env.RUNNER_TOOL_CACHE = path.join(dir, 'toolcache');
    const dest = path.join(dir, 'toolcache', 'c2w', '0.8.4', 'x64');
    mkdirSync(dest, { recursive: true });
    writeFileSync(path.join(dest, 'c2w'), '#!/bin/sh\n'); // truncated
    const archive = tarball(dir, '#!/bin/sh\necho the whole c2w\n');
    expect(await installIntoToolCache(archive, '0.8.4', 'x64')).toBe(dest);
    expect(readFileSync(path.join(dest, 'c2w'), 'utf8')).toBe('#!/bin/sh\necho the whole c2w\n');
    expect(readdirSync(path.dirname(dest)).sort()).toEqual(['x64', 'x64.complete']);
  });
});

// A local HTTP server standing in for GitHub's REST API (releases/latest) and release downloads,
// which this machine cannot reach: it answers what each test puts in `answers`.
describe('what the network answers', () => {
  let server: Server;
  let origin: string;
  const answers = new Map<string, (res: ServerResponse) => void>();
  const held: ServerResponse[] = [];
  const savedCache = process.env.RUNNER_TOOL_CACHE;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = answers.get(req.url ?? '');
      if (answer) answer(res);
      else res.writeHead(404).end('Not Found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env.RUNNER_TOOL_CACHE = savedCache;
    for (const res of held) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const LATEST = '/api/v3/repos/container2wasm/container2wasm/releases/latest';
  const latest = (status: number, body: string) =>
    answers.set(LATEST, (res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  const resolve = () =>
    resolveLatest('', `${origin}/container2wasm/container2wasm/releases/download`, {}).catch((e: unknown) => e);

  it.each([
    ['a tag with a line break (it would forge a log command)', 'v0.8.4\n::add-mask::x'],
    ['a tag that climbs out of the tool cache', 'v0.8.4/../../../../tmp/evil'],
    ['a tag that is a path', '../x'],
    ['a tag that is not a version', 'main'],
  ])('refuses %s', async (_name, tag) => {
    latest(200, JSON.stringify({ tag_name: tag }));
    const error = await resolve();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toMatch(/names the tag ".*", which is not a release tag like v0\.8\.4/);
    expect((error as Error).message).not.toContain('\n');
  });

  it.each([
    [
      'HTML',
      '<!DOCTYPE html><html><body>Sign in</body></html>',
      /answered HTTP 200 with "<!DOCTYPE html><html><body>Sign in/,
    ],
    ['{}', '{}', /answered HTTP 200 with "\{\}", not a release with a tag_name/],
    ['null', 'null', /answered HTTP 200 with "null", not a release with a tag_name/],
    ['nothing', '', /answered HTTP 200 with nothing, not a release/],
  ])('says what the server answered: %s', async (_name, body, words) => {
    latest(200, body);
    const error = await resolve();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toMatch(words);
  });

  // The real bounds are LATEST_LIMITS (30 s, 1 MiB); these tests shrink the time so they are quick.
  const bounded = () =>
    resolveLatest('', `${origin}/container2wasm/container2wasm/releases/download`, {}, { timeoutMs: 400 }).catch(
      (e: unknown) => e,
    );
  const url = () => `${origin}${LATEST}`;

  it('a body that stalls after its headers fails within the bound, naming the URL', async () => {
    answers.set(LATEST, (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"tag_name":');
      held.push(res);
    });
    const error = await bounded();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toBe(
      `Could not resolve c2w-version 'latest' from ${url()}: no complete answer within 0.4 s; re-run the job, or give a release tag such as v0.8.4.`,
    );
  });

  it('a body that dribbles a byte at a time fails within the bound, naming the URL', async () => {
    answers.set(LATEST, (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
      held.push(res);
    });
    const error = await bounded();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toContain(`from ${url()}: no complete answer within 0.4 s`);
  });

  it('a 64 MiB body is read no further than 1 MiB, and the error names the URL', async () => {
    let sent = 0;
    answers.set(LATEST, (res) => {
      const chunk = Buffer.alloc(1024 * 1024, ' ');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * chunk.length) });
      const more = (): void => {
        while (sent < 64) {
          sent++;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => res.off('drain', more));
      more();
    });
    const error = await resolve();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toBe(
      `Could not resolve c2w-version 'latest' from ${url()}: the answer is larger than 1048576 bytes; a release is a few tens of KB of JSON; this is not the releases API, or give a release tag such as v0.8.4.`,
    );
    // The reader stopped: the server could not push the whole 64 MiB through.
    expect(sent).toBeLessThan(64);
  });

  it('a connection closed in the middle of the body fails, naming the URL', async () => {
    answers.set(LATEST, (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"tag_name":', () => res.destroy());
    });
    const error = await bounded();
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toMatch(new RegExp(`^Could not resolve c2w-version 'latest' from ${url()}: `));
    expect((error as Error).message).toContain('the connection closed before the answer was complete');
  });

  it('accepts a version-shaped tag, pre-release included', async () => {
    latest(200, JSON.stringify({ tag_name: 'v0.9.0-rc.1' }));
    expect(await resolve()).toBe('v0.9.0-rc.1');
  });

  it('a download that sends headers and stalls fails in bounded time, naming the URL', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-install-'));
    process.env.RUNNER_TOOL_CACHE = path.join(dir, 'toolcache');
    answers.set('/dl/v0.8.4/SHA256SUMS', (res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('0');
      held.push(res);
    });
    const error = await installC2w({
      version: 'v0.8.4',
      downloadUrl: `${origin}/dl`,
      token: '',
      platform: 'linux',
      arch: 'x64',
      downloadStallMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstallError);
    expect((error as Error).message).toBe(
      `Could not download c2w v0.8.4: no data from ${origin}/dl/v0.8.4/SHA256SUMS for 0.5 s; the server or the network in between is stalling: re-run the job, or set c2w-download-url to a mirror that answers.`,
    );
  }, 10_000);
});
