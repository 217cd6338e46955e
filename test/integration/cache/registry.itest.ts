// `cache: registry` against a real registry: Debian's docker-registry (distribution 2.8) on
// loopback with htpasswd authentication (scripts/registry.sh), logged in through a DOCKER_CONFIG as
// docker/login-action leaves it on a runner, the bundled action (main and post) under Node 24, and
// the c2w stand-in's build on the project's Docker engine (docker driver, containerd image store).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { stepCached } from '../../harness/buildlog.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { useHarness } from '../../harness/use-harness.js';
import { catalog, loginConfig, manifest, startRegistry, type Registry } from '../../harness/registry.js';
import type { JobResult } from '../../harness/runner.js';
import { metadataOf } from '../../harness/metadata.js';

const exec = promisify(execFile);
const TOOLCHAIN = 'toolchain 2/2';

let registry: Registry;
let loggedIn: string;

/** Empties BuildKit's own cache, as a fresh runner would have it. */
async function prune(): Promise<void> {
  await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(h.engine) });
}

function job(dockerConfig: string, withInputs: Record<string, string>): Promise<JobResult> {
  return h.job(
    { image: TEST_IMAGE, 'upload-artifact': 'false', smoke: 'false', cache: 'registry', ...withInputs },
    { env: { DOCKER_CONFIG: dockerConfig } },
  );
}

/** A repository no test has used. */
const repo = (name: string) => `c2w/${name}-${randomUUID().slice(0, 8)}`;

/** A loopback port with nothing listening on it: a registry that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const warnings = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

const h = useHarness({ name: 'registry' });

beforeAll(async () => {
  registry = await startRegistry();
  loggedIn = await loginConfig(h.engine, h.dir, registry.host, registry.user, registry.password);
});

describe('cache: registry on an authenticated registry', () => {
  it('exports the cache manifest, and after a full prune imports it with the toolchain stage CACHED', async () => {
    const name = repo('roundtrip');
    const ref = `${registry.host}/${name}:wasi`;
    await prune();
    const cold = await job(loggedIn, { 'cache-ref': ref });
    expect(cold.main.exitCode, cold.main.log).toBe(0);
    expect(cold.main.log).toContain(`--cache-to=type=registry,ref=${ref},mode=max,ignore-error=true`);
    expect(stepCached(cold.main.log, TOOLCHAIN)).toBe(false);
    expect(cold.main.log).toMatch(/exporting cache to registry/);
    expect(cold.main.log).toMatch(/No build cache at .* yet/);
    expect(warnings(cold.main.log)).toEqual([]);
    // BuildKit's mode=max cache: an OCI image index (or manifest) under the tag.
    expect(await manifest(registry, name, 'wasi')).toMatch(/application\/vnd\.oci\.image\.(index|manifest)\.v1\+json/);
    // The password reached docker through DOCKER_CONFIG only, never the log.
    expect(cold.main.log + cold.post!.log).not.toContain(registry.password);

    await prune();
    const warm = await job(loggedIn, { 'cache-ref': ref });
    expect(warm.main.exitCode, warm.main.log).toBe(0);
    expect(warm.main.log).toMatch(new RegExp(`importing cache manifest from ${ref.replace(/[.]/g, '\\.')}`));
    expect(stepCached(warm.main.log, TOOLCHAIN)).toBe(true);
    expect(warnings(warm.main.log)).toEqual([]);
    expect(warm.main.outputs.sha256).toBe(cold.main.outputs.sha256);
    expect(Number(metadataOf(warm.main.outputs).build.seconds)).toBeLessThan(
      Number(metadataOf(cold.main.outputs).build.seconds),
    );
  });

  it('a registry that is down: warnings for the import and the export, the conversion succeeds', async () => {
    const ref = `127.0.0.1:${await closedPort()}/c2w/down:wasi`;
    const r = await job(loggedIn, { 'cache-ref': ref });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const w = warnings(r.main.log);
    expect(
      w.some((l) => /Could not import the build cache from .*connection refused/.test(l)),
      w.join('\n'),
    ).toBe(true);
    expect(
      w.some((l) => /Could not export the build cache to .*connection refused/.test(l)),
      w.join('\n'),
    ).toBe(true);
    expect(r.post?.exitCode).toBe(0);
  });

  it('a wrong password: warnings naming 401, the conversion succeeds, nothing is pushed', async () => {
    const name = repo('wrongpw');
    const wrong = await loginConfig(h.engine, h.dir, registry.host, registry.user, `${registry.password}x`, {
      verify: false,
    });
    const r = await job(wrong, { 'cache-ref': `${registry.host}/${name}:wasi` });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const w = warnings(r.main.log);
    expect(
      w.some((l) => /Could not import the build cache .*401 Unauthorized/.test(l)),
      w.join('\n'),
    ).toBe(true);
    expect(
      w.some((l) => /Could not export the build cache .*401 Unauthorized/.test(l)),
      w.join('\n'),
    ).toBe(true);
    expect(await manifest(registry, name, 'wasi')).toBeUndefined();
    expect(await catalog(registry)).not.toContain(name);
  });

  it('no credentials at all (no docker login): warnings, the conversion succeeds, nothing is pushed', async () => {
    const name = repo('anonymous');
    const anonymous = await loginConfig(h.engine, h.dir, '127.0.0.1:1', 'nobody', 'none', { verify: false });
    const r = await job(anonymous, { 'cache-ref': `${registry.host}/${name}:wasi` });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(warnings(r.main.log).filter((l) => /401 Unauthorized/.test(l))).toHaveLength(2);
    expect(await catalog(registry)).not.toContain(name);
  });

  it('a cache-ref repository the registry does not have: a cold build said so, then the export creates it', async () => {
    const name = repo('unknown');
    const ref = `${registry.host}/${name}:wasi`;
    expect(await catalog(registry)).not.toContain(name);
    const r = await job(loggedIn, { 'cache-ref': ref });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toContain(
      `No build cache at ${ref} yet (the first run with this cache-ref, or it names another repository); this build is cold.`,
    );
    expect(warnings(r.main.log)).toEqual([]);
    expect(await manifest(registry, name, 'wasi')).toBeDefined();
  });
});
