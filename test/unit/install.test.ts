import { describe, expect, it } from 'vitest';
import { checksumFor, InstallError, releaseAssetName, toolCacheVersion } from '../../src/install.js';

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
