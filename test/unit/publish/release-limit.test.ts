import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASE_ASSET_LIMIT } from '../../../src/lib/limits.js';
import { publishReleaseAsset, ReleaseError } from '../../../src/publish/release-asset.js';

const dir = mkdtempSync(join(tmpdir(), 'c2w-release-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (path: string) => ({
  token: 'ghs_x',
  tag: 'v1',
  create: true,
  overwrite: false,
  assetName: 'app.wasm',
  path,
  target: 'wasi' as const,
  sha256: '',
  repository: 'org/app',
});

describe('a release asset of 2 GiB or more', () => {
  it('is refused with the limit before any call (the API address leads nowhere)', async () => {
    const wasm = join(dir, 'out.wasm');
    writeFileSync(wasm, '\0asm');
    // Sparse: 2 GiB for no disk.
    truncateSync(wasm, RELEASE_ASSET_LIMIT);
    const err = await publishReleaseAsset(request(wasm), {
      env: { GITHUB_API_URL: 'http://127.0.0.1:9', RUNNER_TEMP: dir },
      requestTimeoutMs: 1000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReleaseError);
    expect((err as Error).message).toBe(
      'The release asset app.wasm is 2.00 GiB (2147483648 bytes); GitHub takes release files under 2.00 GiB each, ' +
        'so it was not uploaded and the release was left as it was. A workflow artifact (upload-artifact: true, ' +
        'the default) has no such limit per file.',
    );
  });
});
