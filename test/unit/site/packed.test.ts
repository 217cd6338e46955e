import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { packFile } from '../../../src/site/packed.js';
import { loadStatus } from '../../../src/site/page/status.js';
import { V8_MODULE_LIMIT } from '../../../src/lib/limits.js';
import { moduleWarning, sizeWarning } from '../../../src/site/site.js';

const work = mkdtempSync(join(tmpdir(), 'c2w-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('packFile', () => {
  it('stores a file as gzip chunks named by content that put it back together, with every digest', async () => {
    const text = Buffer.from('usr/lib/x86_64-linux-gnu/libc.so.6\n'.repeat(3000)).subarray(0, 80_000);
    const file = Buffer.concat([text, Buffer.alloc(80_000), Buffer.from('end')]);
    writeFileSync(join(work, 'f.data'), file);
    const p = await packFile(join(work, 'f.data'), join(work, 'c'), 40_000);
    expect(p).toMatchObject({ version: 1, size: file.length, sha256: sha(file) });
    expect(p.chunks.map((c) => c.size)).toEqual([40_000, 40_000, 40_000, 40_000, file.length - 160_000]);
    const back = Buffer.concat(
      p.chunks.map((c) => {
        const gz = readFileSync(join(work, 'c', c.file));
        expect(gz.length).toBe(c.bytes);
        expect(c.file).toBe(`chunks/${c.sha256}.gz`);
        const raw = gunzipSync(gz);
        expect(sha(raw)).toBe(c.sha256);
        return raw;
      }),
    );
    expect(back.equals(file)).toBe(true);
    // The text and the zeros compress; the two chunks of zeros are one file.
    expect(p.bytes).toBeLessThan(file.length / 10);
    expect(readdirSync(join(work, 'c', 'chunks'))).toHaveLength(4);
  });

  it('packs an empty file as one empty chunk', async () => {
    writeFileSync(join(work, 'empty.wasm'), '');
    const p = await packFile(join(work, 'empty.wasm'), join(work, 'e'));
    expect(p.size).toBe(0);
    expect(p.chunks).toHaveLength(1);
    expect(gunzipSync(readFileSync(join(work, 'e', p.chunks[0]!.file))).length).toBe(0);
  });
});

describe("the site's size checks", () => {
  it("measure Pages' limit against what is deployed, compressed, and name the size before", () => {
    expect(sizeWarning(900e6, 1.5 * 1024 ** 3)).toBeUndefined();
    expect(sizeWarning(1.2 * 1024 ** 3, 2 * 1024 ** 3)).toMatch(
      /The site is 1\.20 GiB \(the output compressed; 2\.00 GiB before\), past GitHub Pages' limit for a published site \(1\.00 GiB\)/,
    );
  });
  it('name a module V8 will not compile', () => {
    expect(moduleWarning('out.wasm', V8_MODULE_LIMIT)).toBeUndefined();
    expect(moduleWarning('out.wasm', V8_MODULE_LIMIT + 1)).toMatch(
      /The module out\.wasm is 1\.00 GiB, past the largest wasm module Chrome, Edge and Node compile/,
    );
  });
});

describe("the page's status line while loading", () => {
  const s = { total: 200e6, done: 50e6, fromStorage: 0, fromNetwork: 50e6 };
  it('gives bytes, percentage and the time left', () => {
    expect(loadStatus(s, 12.2)).toBe('loading the container: 50.0 MB of 200.0 MB (25 %), about 13 s left');
    expect(loadStatus(s, 150)).toBe('loading the container: 50.0 MB of 200.0 MB (25 %), about 3 min left');
    expect(loadStatus(s, undefined)).toBe('loading the container: 50.0 MB of 200.0 MB (25 %)');
  });
  it('says what came from storage, and when storage was refused', () => {
    expect(loadStatus({ ...s, fromStorage: 50e6, fromNetwork: 0 }, undefined)).toMatch(
      /50\.0 MB kept from an earlier visit/,
    );
    expect(
      loadStatus(
        { ...s, storageNote: 'this browser did not keep the container for the next visit (QuotaExceededError: full)' },
        3,
      ),
    ).toMatch(/QuotaExceededError: full\): it comes from the network each visit$/);
  });
});
