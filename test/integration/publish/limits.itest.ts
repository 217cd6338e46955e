// The limits a real-size output meets, through the bundled action as a workflow meets them. The c2w
// stand-in grows its module by a custom section of zeros made with truncate(2)
// (C2W_STANDIN_SPARSE_BYTES), so a module past 2 GiB costs no disk: past V8's 1 GiB the site warns
// and the smoke boot says so instead of failing to compile it; past GitHub's 2 GiB per release file
// the release upload says so before any call, and the artifact still takes the output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js';
import { useHarness } from '../../harness/use-harness.js';

const TOKEN = 'ghs_fakeTokenForLimits0123456789';
const GiB = 1024 ** 3;
/** Just past V8's 1 GiB (the site packs it all: kept small), and past GitHub's 2 GiB per release file. */
const PAST_V8 = String(GiB + 4096);
const PAST_RELEASE = String(2 * GiB + 4096);

const h = useHarness({ runtime: true, name: 'limits' });
let api: GitHubApi;

beforeAll(async () => {
  api = await startGitHubApi({ owner: 'org', repo: 'app', token: TOKEN });
});
afterAll(async () => {
  await api?.stop();
});

/** No JavaScript stack in the step's log: every answer is a sentence. */
const noStack = (log: string): void => {
  expect(log).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(log).not.toMatch(/CompileError|RangeError|ERR_FS_FILE_TOO_LARGE/);
};

describe('an output past the limits', () => {
  it('past V8 1 GiB: the site warns, the smoke boot names the limit and what still works, and does not start', async () => {
    const r = await h.job(
      { image: TEST_IMAGE, cache: 'none', 'upload-artifact': 'false', site: '_site' },
      { standin: { C2W_STANDIN_SPARSE_BYTES: PAST_V8 } },
    );
    expect(r.main.exitCode).toBe(1);
    expect(Number(r.main.outputs['wasm-size'])).toBeGreaterThan(GiB);
    expect(r.main.log).toMatch(
      /::error::Smoke boot failed: The module could not be booted: the module out\.wasm is 1\.00 GiB \(\d+ bytes\), past the largest wasm module V8 compiles \(1\.00 GiB, kV8MaxWasmModuleSize\), so Node cannot boot it/,
    );
    expect(r.main.log).toMatch(/wasmtime and wasmer run modules of any size, and with smoke: false it is published/);
    expect(r.main.outputs['smoke-result']).toBe('failed');
    // The site is written (before the boot) and says the page cannot boot the module in V8's browsers.
    expect(r.main.log).toMatch(
      /::warning::The module out\.wasm is 1\.00 GiB, past the largest wasm module Chrome, Edge and Node compile \(1\.00 GiB, V8's kV8MaxWasmModuleSize\)/,
    );
    noStack(r.main.log);
  }, 300_000);

  it('past 2 GiB: smoke: false uploads the artifact, and the release names GitHub limit before any call', async () => {
    const before = api.requests.length;
    const r = await h.job(
      {
        image: TEST_IMAGE,
        cache: 'none',
        smoke: 'false',
        'artifact-name': 'big',
        'release-tag': 'v2.0.0',
        'github-token': TOKEN,
      },
      { standin: { C2W_STANDIN_SPARSE_BYTES: PAST_RELEASE }, env: { GITHUB_API_URL: api.url } },
    );
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(r.main.log).toMatch(
      /::error::.*The release asset \S+\.wasm is 2\.00 GiB \(\d+ bytes\); GitHub takes release files under 2\.00 GiB each, so it was not uploaded and the release was left as it was/,
    );
    expect(api.requests.slice(before)).toEqual([]);
    expect(api.releases.find((x) => x.tag_name === 'v2.0.0')).toBeUndefined();
    noStack(r.main.log);
  }, 300_000);
});
