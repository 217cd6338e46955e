import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checksumFor,
  installIntoToolCache,
  InstallError,
  releaseAssetName,
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
