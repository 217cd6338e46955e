// The bundled action, run as the runner runs it (Node 24, INPUT_* variables, file commands),
// end to end: c2w downloaded from a local release server and verified, the Dockerfile patched,
// the c2w stand-in converting through the project's real Docker engine, the output checked and
// smoke-booted, the outputs and job summary written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packStandinRelease } from '../../harness/c2w-release.js';
import { TEST_IMAGE } from '../../harness/engine.js';
import { startGitHubApi } from '../../harness/github-api.js';
import { metadataOf } from '../../harness/metadata.js';
import { useHarness } from '../../harness/use-harness.js';
import type { Job, JobResult } from '../../harness/runner.js';

let dir: string;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function argvLog(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
}

/** A job whose c2w logs its argv to `argvLog`; each gets a fresh tool cache unless given one. */
function job(
  withInputs: Record<string, string>,
  extra: Omit<Job, 'with'> & { argvLog?: string } = {},
): Promise<JobResult> {
  const { argvLog: log, ...rest } = extra;
  return h.job(
    { cache: 'none', 'upload-artifact': 'false', ...withInputs },
    {
      toolCache: path.join(dir, `toolcache-${Math.random().toString(36).slice(2)}`),
      ...rest,
      standin: { ...(log ? { C2W_STANDIN_ARGV_LOG: log } : {}), ...rest.standin },
    },
  );
}

const h = useHarness({ name: 'action' });

beforeAll(async () => {
  dir = h.dir;
  packStandinRelease(path.join(dir, 'releases', 'v0.8.3'), 'v0.8.3', { corruptSum: true });
  // v0.8.2: SHA256SUMS without a line for the tarball.
  packStandinRelease(path.join(dir, 'releases', 'v0.8.2'), 'v0.8.2');
  writeFileSync(path.join(dir, 'releases', 'v0.8.2', 'SHA256SUMS'), `${'0'.repeat(64)}  c2w-net-proxy.wasm\n`);
});

describe('the bundled action', () => {
  it('converts, verifies, smoke-boots and reports; a second run uses the tool cache', async () => {
    const toolCache = path.join(dir, 'toolcache-1');
    const log = path.join(dir, 'argv-1.log');
    const first = await job(
      { image: TEST_IMAGE, allocator: 'dlmalloc', output: 'dist/app.wasm' },
      { toolCache, argvLog: log },
    );
    expect(first.main.exitCode, first.main.log).toBe(0);

    const out = first.main.outputs;
    const wasm = path.join(first.workspace, 'dist/app.wasm');
    expect(out['wasm-path']).toBe('dist/app.wasm');
    expect(readFileSync(wasm).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    expect(Number(out['wasm-size'])).toBe(readFileSync(wasm).length);
    expect(out.sha256).toBe(sha256(wasm));
    expect(out['c2w-version']).toBe('v0.8.4');
    expect(out.allocator).toBe('dlmalloc');
    const meta = metadataOf(out);
    expect(meta.build.seconds).toBeGreaterThan(0);
    expect(out['smoke-result']).toBe('passed');
    expect(meta.smoke?.node?.output).toContain('c2w-smoke-ok');
    // The metadata holds the scalars too, from the same result.
    expect(meta.build).toMatchObject({ wasmPath: 'dist/app.wasm', sha256: out.sha256, c2wVersion: 'v0.8.4' });

    // Downloaded and verified once, from the configured base URL.
    expect(h.releases.requests).toContain('/v0.8.4/SHA256SUMS');
    expect(h.releases.requests).toContain('/v0.8.4/container2wasm-v0.8.4-linux-amd64.tar.gz');
    expect(first.main.log).toMatch(/Verified container2wasm-v0\.8\.4-linux-amd64\.tar\.gz/);
    expect(readdirSync(path.join(toolCache, 'c2w'))).toEqual(['0.8.4']);

    // The allocator was applied to c2w's own Dockerfile, and the notice says WASI ignores it.
    expect(first.main.log).toMatch(/set 2 -sMALLOC= setting\(s\) to dlmalloc \(2 changed/);
    expect(first.main.log).toMatch(/::notice::allocator 'dlmalloc' only affects target: js builds/);
    const [showDockerfile, conversion] = argvLog(log);
    expect(showDockerfile).toEqual(['--show-dockerfile']);
    expect(conversion!.slice(-3)).toEqual(['--', TEST_IMAGE, 'dist/app.wasm']);
    const dockerfileFlag = conversion!.find((a) => a.startsWith('--dockerfile='))!;
    const used = readFileSync(dockerfileFlag.slice('--dockerfile='.length), 'utf8');
    expect(used.match(/-sMALLOC=\w+/g)).toEqual(['-sMALLOC=dlmalloc', '-sMALLOC=dlmalloc']);

    // The job summary shows the metadata, each figure by its path.
    expect(first.main.summary).toContain('<code>build.sha256</code>');
    expect(first.main.summary).toContain(out.sha256);
    expect(first.post?.exitCode).toBe(0);

    const before = h.releases.requests.length;
    const second = await job({ image: TEST_IMAGE, allocator: 'dlmalloc' }, { toolCache });
    expect(second.main.exitCode, second.main.log).toBe(0);
    expect(second.main.log).toMatch(/c2w v0\.8\.4 found in the tool cache/);
    expect(h.releases.requests.length).toBe(before);
  });

  it('builds a js directory with the trailing slash c2w requires', async () => {
    const log = path.join(dir, 'argv-js.log');
    const r = await job(
      { image: TEST_IMAGE, target: 'js', output: 'site/htdocs', allocator: 'mimalloc' },
      { argvLog: log },
    );
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs['wasm-path']).toBe('site/htdocs/');
    const files = readdirSync(path.join(r.workspace, 'site/htdocs'));
    expect(files).toContain('out.js');
    expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.main.outputs['smoke-result']).toBe('passed');
    const conversion = argvLog(log)[1]!;
    expect(conversion).toContain('--to-js');
    expect(conversion.slice(-3)).toEqual(['--', TEST_IMAGE, 'site/htdocs/']);
  });

  it('keeps the runner from acting on workflow commands printed by the build or the guest', async () => {
    const r = await job({
      image: TEST_IMAGE,
      'smoke-command': 'echo\n::save-state name=cache-save::{"dir":"/etc","key":"x"}',
      'smoke-expect': 'save-state',
    });
    expect(r.main.exitCode, r.main.log).toBe(0);
    // The guest's line, at the start of a line where the runner would read it as a command.
    const guest = /^::save-state name=cache-save::\{"dir":"\/etc"/m.exec(r.main.log)?.index ?? -1;
    expect(guest).toBeGreaterThan(0);
    // Every stretch of build or guest output sits between ::stop-commands::TOKEN and ::TOKEN::.
    const stretches = [...r.main.log.matchAll(/^::stop-commands::(\w+)$/gm)].map((m) => {
      const end = r.main.log.indexOf(`\n::${m[1]}::`, m.index);
      return [m.index!, end] as const;
    });
    expect(stretches).toHaveLength(2); // the conversion and the smoke boot
    expect(stretches.every(([, end]) => end > 0)).toBe(true);
    expect(stretches.some(([start, end]) => start < guest && guest < end)).toBe(true);
    const buildLine = r.main.log.indexOf('buildx args: [');
    expect(stretches.some(([start, end]) => start < buildLine && buildLine < end)).toBe(true);
  });

  it('refuses a tarball whose checksum does not match, and caches nothing', async () => {
    const toolCache = path.join(dir, 'toolcache-bad');
    const r = await job({ image: TEST_IMAGE, 'c2w-version': 'v0.8.3' }, { toolCache });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(/::error::Checksum mismatch for container2wasm-v0\.8\.3-linux-amd64\.tar\.gz/);
    expect(existsSync(path.join(toolCache, 'c2w'))).toBe(false);
    expect(r.main.outputs['wasm-path']).toBeUndefined();
  });

  it('refuses a release whose SHA256SUMS has no line for the tarball', async () => {
    const toolCache = path.join(dir, 'toolcache-noline');
    const r = await job({ image: TEST_IMAGE, 'c2w-version': 'v0.8.2' }, { toolCache });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(
      /SHA256SUMS of c2w v0\.8\.2 has no line for container2wasm-v0\.8\.2-linux-amd64\.tar\.gz/,
    );
    expect(existsSync(path.join(toolCache, 'c2w'))).toBe(false);
  });

  it('fails on a release that does not exist, naming c2w-version', async () => {
    const r = await job({ image: TEST_IMAGE, 'c2w-version': 'v9.9.9' });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(/Could not download c2w v9\.9\.9.*Check c2w-version/);
    expect(r.main.outputs.error).toMatch(/^Could not download c2w v9\.9\.9.*Check c2w-version/);
  });

  /** Publishes the c2w stand-in as release v0.8.4 of a REST stand-in (the host of its downloads), v0.8.3 older, v0.9.0 a draft. */
  function publishC2w(api: Awaited<ReturnType<typeof startGitHubApi>>): void {
    const folder = path.join(dir, `published-${Math.random().toString(36).slice(2)}`);
    packStandinRelease(folder, 'v0.8.4');
    api.addRelease({ tag_name: 'v0.8.3', draft: false, published_at: '2025-01-01T00:00:00Z' });
    api.addRelease({
      tag_name: 'v0.8.4',
      draft: false,
      published_at: '2025-06-01T00:00:00Z',
      assets: readdirSync(folder).map((name) => ({ name, data: readFileSync(path.join(folder, name)) })),
    });
    api.addRelease({ tag_name: 'v0.9.0', draft: true });
  }

  it('on GHES resolves latest at the download host, unauthenticated, never at GITHUB_API_URL', async () => {
    // The runner's own GHES instance: it has no container2wasm/container2wasm, and its token is its own.
    const ghesToken = 'ghs_ghesTokenThatStaysHome0123456789';
    const ghes = await startGitHubApi({ owner: 'org', repo: 'app', token: ghesToken });
    // The host that serves the c2w downloads (github.com in real life): public, another token.
    const dotcom = await startGitHubApi({
      owner: 'container2wasm',
      repo: 'container2wasm',
      token: 'ghs_notTheGhesToken0123456789',
      public: true,
    });
    publishC2w(dotcom);
    try {
      const r = await job(
        {
          image: TEST_IMAGE,
          'c2w-version': 'latest',
          'c2w-download-url': `${dotcom.url}/container2wasm/container2wasm/releases/download`,
          'github-token': ghesToken,
          smoke: 'false',
        },
        { env: { GITHUB_SERVER_URL: ghes.url, GITHUB_API_URL: `${ghes.url}/api/v3` } },
      );
      expect(r.main.exitCode, r.main.log).toBe(0);
      expect(r.main.outputs['c2w-version']).toBe('v0.8.4');
      expect(ghes.requests).toEqual([]);
      expect(dotcom.requests).toContainEqual({
        method: 'GET',
        path: '/api/v3/repos/container2wasm/container2wasm/releases/latest',
        authorization: undefined,
        status: 200,
      });
      expect(dotcom.requests.map((q) => q.path)).toContain(
        '/container2wasm/container2wasm/releases/download/v0.8.4/SHA256SUMS',
      );
      expect(dotcom.requests.every((q) => q.authorization === undefined)).toBe(true);
    } finally {
      await ghes.stop();
      await dotcom.stop();
    }
  });

  it("resolves latest with github-token when the downloads are on the runner's own GitHub host", async () => {
    const token = 'ghs_fakeTokenForTests0123456789';
    const api = await startGitHubApi({ owner: 'mirrors', repo: 'container2wasm', token, public: true });
    publishC2w(api);
    try {
      const r = await job(
        {
          image: TEST_IMAGE,
          'c2w-version': 'latest',
          'c2w-download-url': `${api.url}/mirrors/container2wasm/releases/download`,
          'github-token': token,
          smoke: 'false',
        },
        { env: { GITHUB_SERVER_URL: api.url, GITHUB_API_URL: `${api.url}/api/v3` } },
      );
      expect(r.main.exitCode, r.main.log).toBe(0);
      expect(r.main.outputs['c2w-version']).toBe('v0.8.4');
      expect(r.main.log).toMatch(/c2w-version latest is v0\.8\.4/);
      expect(api.requests).toContainEqual({
        method: 'GET',
        path: '/api/v3/repos/mirrors/container2wasm/releases/latest',
        authorization: `Bearer ${token}`,
        status: 200,
      });
    } finally {
      await api.stop();
    }
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a bad image', { image: 'Alpine;reboot' }, /::error::Input 'image' 'Alpine;reboot'/],
    [
      'a missing Dockerfile',
      { image: TEST_IMAGE, dockerfile: 'nope/Dockerfile' },
      /::error::Input 'dockerfile' names 'nope\/Dockerfile', which does not exist/,
    ],
    [
      'a Dockerfile outside the workspace',
      { image: TEST_IMAGE, dockerfile: '/etc/hostname' },
      /::error::Input 'dockerfile' names '\/etc\/hostname', which is outside the workspace/,
    ],
    [
      'release-id with an empty github-token',
      { image: TEST_IMAGE, 'release-id': '42', 'github-token': '' },
      /::error::Input 'github-token' is empty: release-id needs a token/,
    ],
    [
      "a smoke environment over c2w's 1024-byte budget",
      { image: TEST_IMAGE, 'smoke-env': `BIG=${'x'.repeat(1100)}` },
      /::error::Input 'smoke-env' is too long: smoke-env does not fit c2w's 1024-byte budget/,
    ],
    [
      'a bad allocator',
      { image: TEST_IMAGE, allocator: 'tcmalloc' },
      /::error::Input 'allocator' must be one of emmalloc/,
    ],
  ])('rejects %s before anything runs', async (_name, inputs, error) => {
    const log = path.join(dir, `argv-bad-${Math.random()}.log`);
    const before = h.releases.requests.length;
    const r = await job(inputs, { argvLog: log });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(error);
    // The same message as an output, for a later step that asserts why the step failed.
    expect(`::error::${r.main.outputs.error}`).toMatch(error);
    expect(h.releases.requests.length).toBe(before);
    expect(argvLog(log)).toEqual([]);
  });

  /** A workspace of its own holding `Dockerfile` (the action refuses a Dockerfile outside the workspace). */
  function workspaceWith(name: string, dockerfile: string): string {
    const ws = path.join(dir, `ws-${name}`);
    mkdirSync(ws, { recursive: true });
    writeFileSync(path.join(ws, 'Dockerfile'), dockerfile);
    return ws;
  }

  it('fails when the allocator cannot be applied to a custom Dockerfile', async () => {
    const workspace = workspaceWith('no-malloc', `FROM ${TEST_IMAGE}\nRUN true\n`);
    const log = path.join(dir, 'argv-nomalloc.log');
    const r = await job(
      { image: TEST_IMAGE, dockerfile: 'Dockerfile', allocator: 'mimalloc' },
      { argvLog: log, workspace },
    );
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(/has no -sMALLOC= setting, so allocator 'mimalloc' cannot be applied/);
    expect(argvLog(log)).toEqual([]);
  });

  it('names the failure signature when the build fails', async () => {
    const workspace = workspaceWith(
      'disk-full',
      `FROM ${TEST_IMAGE}\nRUN --network=none echo 'write /var/lib/x: no space left on device' && exit 1\n`,
    );
    const r = await job({ image: TEST_IMAGE, dockerfile: 'Dockerfile', allocator: 'default' }, { workspace });
    expect(r.main.exitCode).toBe(1);
    expect(r.main.log).toMatch(
      /::error::c2w failed \(exit \d+\): .*no space left on device.*%0AThe runner ran out of disk/,
    );
    expect(r.main.outputs['wasm-path']).toBeUndefined();
  });
});
