// Builders that are not the runner's own engine, through the bundled action: a remote BuildKit
// (a second engine in its own network namespace, reached as `docker buildx create --driver remote
// tcp://…`, the shape docker/setup-buildx-action's `driver: remote` gives a workflow), two
// "runners" sharing one registry cache, and a builder on a classic-image-store engine that cannot
// export a cache (scripts/remote-engine.sh, scripts/registry.sh).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepCached } from '../../harness/buildlog.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { startHarness, type Harness } from '../../harness/harness.js';
import { loginConfig, manifest, startRegistry, type Registry } from '../../harness/registry.js';
import { startClassicEngine, startRemoteEngine, type RemoteEngine } from '../../harness/remote.js';

const exec = promisify(execFile);
const TOOLCHAIN = 'toolchain 2/2';

let h: Harness;
let registry: Registry;
let remote: RemoteEngine;
/** The runner's DOCKER_CONFIG: logged in to the registry, with the remote builder registered. */
let config: string;
let builder: string;

const docker = (args: string[], env: Record<string, string> = {}) =>
  exec('docker', args, { env: { ...withEngine(h.engine), DOCKER_CONFIG: config, ...env }, timeout: 120_000 });

/** The build records an engine's own BuildKit keeps (asked on its own socket, not through a builder). */
async function history(dockerHost: string): Promise<string[]> {
  const { stdout } = await docker(['buildx', 'history', 'ls', '--format', '{{.Ref}}'], {
    DOCKER_HOST: dockerHost,
    DOCKER_CONFIG: h.engine.DOCKER_CONFIG,
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((ref) => ref.split('/').at(-1)!);
}

const repo = (name: string) => `c2w/${name}-${randomUUID().slice(0, 8)}`;
const warnings = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

beforeAll(async () => {
  h = await startHarness({ name: 'remote' });
  registry = await startRegistry();
  remote = await startRemoteEngine();
  config = await loginConfig(h.engine, h.dir, registry.host, registry.user, registry.password);
  // What docker/setup-buildx-action does with `driver: remote` and `endpoint:`.
  builder = `c2w-remote-${randomUUID().slice(0, 8)}`;
  await docker(['buildx', 'create', '--name', builder, '--driver', 'remote', remote.buildkit, '--bootstrap']);
});

afterAll(async () => {
  if (builder) await docker(['buildx', 'rm', '--force', builder]).catch(() => undefined);
  await h?.stop();
});

describe('builder: a remote BuildKit', () => {
  it('converts there, the output arrives on the runner, and the builder is left alone', async () => {
    const localBefore = await history(h.engine.DOCKER_HOST);
    const remoteBefore = await history(remote.socket);
    const r = await h.job(
      {
        image: TEST_IMAGE,
        builder,
        cache: 'registry',
        'cache-ref': `${registry.host}/${repo('remote')}:wasi`,
        'upload-artifact': 'false',
        smoke: 'true',
      },
      { env: { DOCKER_CONFIG: config } },
    );
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toContain(`--builder=${builder}`);
    expect(r.main.log).toContain(`The builder '${builder}' (driver remote) can export a cache.`);
    // The build ran on the remote engine's BuildKit, not on the runner's.
    const remoteNew = (await history(remote.socket)).filter((ref) => !remoteBefore.includes(ref));
    const localNew = (await history(h.engine.DOCKER_HOST)).filter((ref) => !localBefore.includes(ref));
    expect(remoteNew).toHaveLength(1);
    expect(localNew).toEqual([]);
    // The output came back to the runner's workspace and boots there.
    expect(existsSync(path.resolve(r.workspace, r.main.outputs['wasm-path']!))).toBe(true);
    expect(r.main.outputs['smoke-result']).toBe('passed');
    // Never removed: it was given, not created.
    expect(r.post?.log).not.toMatch(/Removed the builder/);
    const { stdout } = await docker(['buildx', 'inspect', builder]);
    expect(stdout).toMatch(/Driver:\s+remote/);
  });

  it('two runners share one registry cache: the remote one is warm from what the local one exported', async () => {
    const name = repo('shared');
    const ref = `${registry.host}/${name}:wasi`;
    await docker(['buildx', 'prune', '-af']);
    await docker(['buildx', 'prune', '-af', '--builder', builder]);
    const job = (withInputs: Record<string, string>) =>
      h.job(
        {
          image: TEST_IMAGE,
          cache: 'registry',
          'cache-ref': ref,
          'upload-artifact': 'false',
          smoke: 'false',
          ...withInputs,
        },
        { env: { DOCKER_CONFIG: config } },
      );

    // Runner A: the local engine (its default builder), cold; exports.
    const a = await job({});
    expect(a.main.exitCode, a.main.log).toBe(0);
    expect(stepCached(a.main.log, TOOLCHAIN)).toBe(false);
    expect(await manifest(registry, name, 'wasi')).toBeDefined();

    // Runner B: the remote engine, whose BuildKit has never built this; imports what A exported.
    const b = await job({ builder });
    expect(b.main.exitCode, b.main.log).toBe(0);
    expect(b.main.log).toMatch(/importing cache manifest from /);
    expect(stepCached(b.main.log, TOOLCHAIN)).toBe(true);
    expect(warnings(b.main.log)).toEqual([]);
    expect(b.main.outputs.sha256).toBe(a.main.outputs.sha256);
  });
});

describe('builder: a docker-driver builder on the classic image store', () => {
  it('warns that the cache is off and why, and converts without it', async () => {
    const classic = await startClassicEngine();
    const name = repo('classic');
    const r = await h.job(
      {
        image: TEST_IMAGE,
        builder: 'default',
        cache: 'registry',
        'cache-ref': `${registry.host}/${name}:wasi`,
        'upload-artifact': 'false',
        smoke: 'false',
      },
      { env: { DOCKER_HOST: classic, DOCKER_CONFIG: config } },
    );
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(warnings(r.main.log)).toContainEqual(
      expect.stringMatching(
        /^::warning::The builder 'default' \(driver docker, classic image store\) cannot export a build cache: .*containerd image store.*cache: registry is off this run/,
      ),
    );
    expect(r.main.log).not.toMatch(/--cache-(to|from)/);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await manifest(registry, name, 'wasi')).toBeUndefined();
    expect(r.post?.log).not.toMatch(/Removed the builder/);
  });
});
