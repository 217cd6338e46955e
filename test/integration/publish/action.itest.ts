// The publish stage through the bundled action, as a workflow meets it: the c2w stand-in on the
// project's engine, the artifact uploaded to the local Actions runtime (Twirp + Azurite) and
// downloaded back with @actions/artifact, and release assets on the local GitHub REST stand-in.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionsRuntime } from '../../harness/actions-runtime.js';
import { TEST_IMAGE } from '../../harness/engine.js';
import { startGitHubApi, type GitHubApi } from '../../harness/github-api.js';
import { useHarness } from '../../harness/use-harness.js';
import type { JobResult } from '../../harness/runner.js';

const TOKEN = 'ghs_fakeTokenForTests0123456789';
let runtime: ActionsRuntime;
let dir: string;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function job(
  withInputs: Record<string, string>,
  env: Record<string, string> = {},
  options: { workspace?: string } = {},
): Promise<JobResult> {
  return h.job({ image: TEST_IMAGE, cache: 'none', ...withInputs }, { ...options, env });
}

/** @actions/artifact reads its service from process.env, as it would inside a later job step. */
async function withRuntimeEnv<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, runtime.env);
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const h = useHarness({ runtime: true, name: 'publish' });

beforeAll(async () => {
  runtime = h.runtime!;
  dir = h.dir;
});

describe('artifact', () => {
  it('uploads the wasm; the downloaded bytes match the sha256 output; a re-run replaces it', async () => {
    const first = await job({ 'artifact-name': 'app-wasm', 'retention-days': '3' });
    expect(first.main.exitCode, first.main.log).toBe(0);
    const out = first.main.outputs;
    expect(out['artifact-id']).toMatch(/^\d+$/);
    expect(out['artifact-url']).toBe(`https://github.com/org/app/actions/runs/1234/artifacts/${out['artifact-id']}`);
    expect(out['artifact-digest']).toMatch(/^[0-9a-f]{64}$/);

    const downloaded = await withRuntimeEnv(async () => {
      const client = new DefaultArtifactClient();
      const into = mkdtempSync(path.join(dir, 'download-'));
      await client.downloadArtifact(Number(out['artifact-id']), { path: into });
      return readFileSync(path.join(into, 'out.wasm'));
    });
    expect(sha256(downloaded)).toBe(out.sha256);

    // Re-running the job: the runner's GITHUB_RUN_ATTEMPT goes up.
    const again = await job({ 'artifact-name': 'app-wasm' }, { GITHUB_RUN_ATTEMPT: '2' });
    expect(again.main.exitCode, again.main.log).toBe(0);
    expect(again.main.log).toMatch(/Replaced artifact 'app-wasm'/);
    const named = runtime.artifacts().filter((a) => a.name === 'app-wasm' && a.finalized);
    expect(named.map((a) => String(a.id))).toEqual([again.main.outputs['artifact-id']]);
  });

  it('artifact-archive: false uploads the bare .wasm, which downloads as app.wasm with the sha256 output', async () => {
    const r = await job({ 'artifact-name': 'app', 'artifact-archive': 'false' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    const id = Number(r.main.outputs['artifact-id']);
    const stored = runtime.artifacts().find((a) => a.id === id)!;
    // The service holds the file itself, named for the browser, not a zip.
    expect(stored).toMatchObject({ name: 'app.wasm', mimeType: 'application/wasm', finalized: true });
    expect(stored.digest).toBe(`sha256:${r.main.outputs.sha256}`);
    expect(r.main.outputs['artifact-digest']).toBe(r.main.outputs.sha256);

    const into = mkdtempSync(path.join(dir, 'download-'));
    await withRuntimeEnv(() => new DefaultArtifactClient().downloadArtifact(id, { path: into }));
    expect(readdirSync(into)).toEqual(['app.wasm']);
    expect(sha256(readFileSync(path.join(into, 'app.wasm')))).toBe(r.main.outputs.sha256);
  });

  it('artifact-archive: false with a js output is an input error that says why, before anything runs', async () => {
    const before = runtime.artifacts().length;
    const r = await job({ target: 'js', 'artifact-archive': 'false' });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(
      /::error::Input 'artifact-archive' can be false only for target: wasi: a js output is a directory/,
    );
    expect(r.main.outputs['wasm-path']).toBeUndefined();
    // Nothing was published; the only artifact is the refused cell's record, for the report.
    expect(
      runtime
        .artifacts()
        .slice(before)
        .map((a) => a.name),
    ).toEqual([expect.stringMatching(/^c2w-record-/)]);
  });

  it("never deletes another cell's artifact: a name taken in the same attempt is a clear error", async () => {
    const first = await job({ 'artifact-name': 'shared', smoke: 'false' });
    expect(first.main.exitCode, first.main.log).toBe(0);
    const second = await job({ 'artifact-name': 'shared', smoke: 'false', allocator: 'dlmalloc' });
    expect(second.main.exitCode).toBe(1);
    expect(second.main.log).toMatch(
      /::error::An artifact named 'shared' already exists in this workflow run .*artifact-name/,
    );
    const kept = runtime.artifacts().filter((a) => a.name === 'shared' && a.finalized);
    expect(kept.map((a) => String(a.id))).toEqual([first.main.outputs['artifact-id']]);
  });

  it('gives every cell of an allocator matrix its own artifact without configuration', async () => {
    const cells = await Promise.all(
      ['dlmalloc', 'emmalloc', 'mimalloc'].map((allocator) =>
        job({ allocator, smoke: 'false', 'upload-artifact': 'true' }),
      ),
    );
    for (const c of cells) expect(c.main.exitCode, c.main.log).toBe(0);
    const ids = cells.map((c) => c.main.outputs['artifact-id']);
    expect(new Set(ids).size).toBe(3);
    const names = runtime
      .artifacts()
      .filter((a) => ids.includes(String(a.id)))
      .map((a) => a.name)
      .sort();
    expect(names).toEqual([
      'c2w-test_busybox-1-amd64-wasi-dlmalloc',
      'c2w-test_busybox-1-amd64-wasi-emmalloc',
      'c2w-test_busybox-1-amd64-wasi-mimalloc',
    ]);
  });

  it('uploads nothing when the smoke boot fails', async () => {
    const r = await job({ 'artifact-name': 'never', 'smoke-expect': '^no such line$', 'smoke-timeout': '10' });
    expect(r.main.exitCode).toBe(1);
    expect(['failed', 'timeout']).toContain(r.main.outputs['smoke-result']);
    expect(runtime.artifacts().filter((a) => a.name === 'never')).toHaveLength(0);
  });
});

describe('what is published is only the conversion', () => {
  /** A workspace as actions/checkout leaves it: the token in .git/config, sources next to it. */
  function checkout(): string {
    const ws = mkdtempSync(path.join(dir, 'ws-'));
    mkdirSync(path.join(ws, '.git'));
    writeFileSync(path.join(ws, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`);
    writeFileSync(path.join(ws, 'README.md'), 'sources\n');
    return ws;
  }

  it.each([
    ['.', /is the workspace/],
    ['..', /is an ancestor of the workspace/],
    ['/', /is an ancestor of the workspace/],
    ['../elsewhere', /is outside the workspace/],
  ])(
    'target js with output %s fails naming output, before anything runs, and publishes nothing',
    async (output, why) => {
      const before = runtime.artifacts().length;
      const r = await job(
        { target: 'js', output, 'artifact-name': `whole-${Buffer.from(output).toString('hex')}` },
        {},
        { workspace: checkout() },
      );
      expect(r.main.exitCode).toBe(1);
      expect(r.main.log).toMatch(new RegExp(`::error::Input 'output' .*${why.source}`));
      // Nothing was installed, built or uploaded.
      expect(r.main.log).not.toMatch(/c2w |docker|buildx/i);
      // Nothing was published; the only artifact is the refused cell's record, for the report.
      expect(
        runtime
          .artifacts()
          .slice(before)
          .map((a) => a.name),
      ).toEqual([`c2w-record-whole-${Buffer.from(output).toString('hex')}`]);
    },
  );

  it('target js into a folder that already holds files fails naming output', async () => {
    const ws = checkout();
    mkdirSync(path.join(ws, 'web'));
    writeFileSync(path.join(ws, 'web', 'keep.txt'), 'not from c2w');
    const r = await job({ target: 'js', output: 'web' }, {}, { workspace: ws });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(/::error::Input 'output' .*already holds 1 entry \(keep\.txt\)/);
  });

  it('an empty github-token with release-tag, and a directory as dockerfile, fail before anything runs', async () => {
    const token = await job({ 'release-tag': 'v1.0.0', 'github-token': '' });
    expect(token.main.exitCode).toBe(1);
    expect(token.main.log).toMatch(/::error::Input 'github-token' is empty: release-tag needs/);
    expect(token.main.log).not.toMatch(/c2w |docker|buildx/i);
    const dockerfile = await job({ dockerfile: '.' });
    expect(dockerfile.main.exitCode).toBe(1);
    expect(dockerfile.main.log).toMatch(/::error::Input 'dockerfile' names '\.', which is not a regular file/);
    expect(dockerfile.main.log).not.toMatch(/c2w |docker |buildx/i);
  });
});

describe('release asset', () => {
  let api: GitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi({ owner: 'org', repo: 'app', token: TOKEN });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('keeps the artifact outputs when the release upload fails', async () => {
    const r = await job(
      { 'artifact-name': 'before-release', 'release-tag': 'v9.9.9', 'release-create': 'false', smoke: 'false' },
      { GITHUB_API_URL: api.url },
    );
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(/::error::.*v9\.9\.9/);
    expect(r.main.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(r.main.summary).toContain('<code>publish.artifactId</code>');
  });

  it('creates a draft release and uploads the wasm with its checksum; the token never shows', async () => {
    const r = await job({ 'upload-artifact': 'false', 'release-tag': 'v1.2.3' }, { GITHUB_API_URL: api.url });
    expect(r.main.exitCode, r.main.log).toBe(0);
    const release = api.releases.find((x) => x.tag_name === 'v1.2.3')!;
    expect(release.draft).toBe(true);
    expect(r.main.outputs['release-id']).toBe(String(release.id));
    const names = release.assets.map((a) => a.name).sort();
    expect(names).toEqual([
      'c2w-test_busybox-1-amd64-wasi-emmalloc.wasm',
      'c2w-test_busybox-1-amd64-wasi-emmalloc.wasm.sha256',
    ]);
    const wasm = release.assets.find((a) => a.name.endsWith('.wasm'))!;
    const sums = release.assets.find((a) => a.name.endsWith('.sha256'))!;
    expect(sha256(wasm.data)).toBe(r.main.outputs.sha256);
    expect(sums.data.toString()).toBe(`${r.main.outputs.sha256}  ${wasm.name}\n`);
    expect(r.main.outputs['release-asset-url']).toBe(wasm.browser_download_url);
    expect(r.main.outputs['release-checksum-url']).toBe(sums.browser_download_url);
    // asset-path: the file that was uploaded, for a later step such as a provenance attestation.
    expect(path.isAbsolute(r.main.outputs['asset-path']!)).toBe(true);
    expect(sha256(readFileSync(r.main.outputs['asset-path']!))).toBe(sha256(wasm.data));
    // The runner consumes ::add-mask:: lines; nothing else may carry the token.
    const shown = (log: string) =>
      log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
    expect(r.main.log).toContain(`::add-mask::${TOKEN}`);
    expect(shown(r.main.log)).not.toContain(TOKEN.slice(4));
    expect(shown(r.post?.log ?? '')).not.toContain(TOKEN.slice(4));
  });
});
