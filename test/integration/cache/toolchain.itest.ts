// The toolchain cache with real parts: the bundled action (main and post) under Node 24, the c2w
// stand-in's build on the project's Docker engine, and the project's registry (scripts/registry.sh)
// as the public one: pushes through its authenticated port, reads through the same storage served
// read-only without a login (as ghcr.io serves public packages). The stand-in release of these tests
// builds from a base image in that registry, so its digest can be pinned and its tag moved.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { packStandinRelease } from '../../harness/c2w-release.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';
import { loginConfig, startRegistry, type Registry } from '../../harness/registry.js';
import type { Metadata } from '../../../src/record/metadata.js';
import { metadataOf } from '../../harness/metadata.js';

const exec = promisify(execFile);
const VERSION = 'v0.9.1';
const TAG = `${VERSION}-wasi-amd64`;
const TOOLCHAIN = 'toolchain';
const BUNDLE = 'bundle';

/**
 * Whether the RUN step of `stage` ran its command (printed timestamped output). Not by its number:
 * a pinned base makes the FROM a build context, which renumbers the stage's steps.
 */
function stepRan(log: string, stage: string): boolean {
  const header = new RegExp(`^#(\\d+) \\[${stage} \\d+/\\d+\\] RUN`, 'm').exec(log);
  if (!header) throw new Error(`no RUN step of ${stage} in the build log:\n${log}`);
  return new RegExp(`^#${header[1]} \\d+\\.\\d+ `, 'm').test(log);
}

const h = useHarness({ name: 'toolchain', runtime: true });
let registry: Registry;
/** Logged in to the registry's authenticated port (the publisher's). */
let publisher: string;
/** No credentials for any registry (a new user's runner). */
let anonymous: string;
/** The base image the release's Dockerfile builds from, as readers name it (the public port). */
let base: string;
let baseDigest: string;

const docker = (args: string[], config: string) =>
  exec('docker', args, { env: { ...withEngine(h.engine), DOCKER_CONFIG: config }, timeout: 120_000 });

const repo = (name: string) => `c2w/${name}-${randomUUID().slice(0, 8)}`;
const warnings = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

/** Empties BuildKit's cache and drops the base image: the store of a runner that never built. */
async function freshStore(): Promise<void> {
  await docker(['buildx', 'prune', '-af'], publisher);
  await docker(['image', 'rm', '--force', base], publisher).catch(() => undefined);
}

/** The manifest JSON of `name:tag`, read anonymously from the public port. */
async function publicManifest(
  name: string,
  tag: string,
): Promise<{ annotations?: Record<string, string> } | undefined> {
  const res = await fetch(`http://${registry.publicHost}/v2/${name}/manifests/${tag}`, {
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json' },
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${name}:${tag}: ${res.status}`);
  return (await res.json()) as { annotations?: Record<string, string> };
}

/** Pushes a record of our own making (annotations as given) to `name:<TAG>-bases`. */
async function pushRecord(name: string, annotations: Record<string, string>): Promise<void> {
  const dir = path.join(h.dir, `record-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY Dockerfile /\n');
  await docker(
    [
      'buildx',
      'build',
      '--provenance=false',
      ...Object.entries(annotations).map(([k, v]) => `--annotation=manifest:${k}=${v}`),
      `--output=type=image,name=${registry.host}/${name}:${TAG}-bases,push=true,oci-mediatypes=true`,
      dir,
    ],
    publisher,
  );
}

function publish(name: string, extra: Record<string, string> = {}, config = publisher) {
  return h.job(
    {
      image: TEST_IMAGE,
      'c2w-version': VERSION,
      cache: 'none',
      'upload-artifact': 'false',
      record: 'false',
      'toolchain-cache': `${registry.host}/${name}`,
      'toolchain-cache-push': 'true',
      ...extra,
    },
    { env: { DOCKER_CONFIG: config } },
  );
}

/** The new user's own image: not the one the publisher converted, so its image stages are new. */
const USER_IMAGE = 'c2w-test/toolchain-user:1';

function read(toolchainCache: string, extra: Record<string, string> = {}, runnerTemp?: string) {
  return h.job(
    {
      image: USER_IMAGE,
      'c2w-version': VERSION,
      cache: 'none',
      'upload-artifact': 'false',
      smoke: 'false',
      record: 'false',
      'toolchain-cache': toolchainCache,
      ...extra,
    },
    { env: { DOCKER_CONFIG: anonymous }, ...(runnerTemp ? { runnerTemp } : {}) },
  );
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  registry = await startRegistry();
  publisher = await loginConfig(h.engine, h.dir, registry.host, registry.user, registry.password);
  anonymous = await loginConfig(h.engine, h.dir, '127.0.0.1:1', 'nobody', 'none', { verify: false });
  const baseRepo = repo('base');
  await docker(['tag', TEST_IMAGE, `${registry.host}/${baseRepo}:1`], publisher);
  await docker(['push', '-q', `${registry.host}/${baseRepo}:1`], publisher);
  base = `${registry.publicHost}/${baseRepo}:1`;
  const { stdout } = await docker(
    ['buildx', 'imagetools', 'inspect', base, '--format', '{{json .Manifest}}'],
    anonymous,
  );
  baseDigest = (JSON.parse(stdout) as { digest: string }).digest;
  packStandinRelease(path.join(h.dir, 'releases', VERSION), VERSION, { baseImage: base });
  const user = path.join(h.dir, 'user-image');
  mkdirSync(user);
  writeFileSync(path.join(user, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN --network=none echo mine > /mine\n`);
  await docker(['buildx', 'build', '--provenance=false', '--load', '-t', USER_IMAGE, user], publisher);
});

describe('toolchain cache: published by one run, read by a new user', () => {
  let name: string;

  it('publishes the cache and a record of the base digests after a passing boot', async () => {
    name = repo('toolchain');
    await freshStore();
    const r = await publish(name);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('published');
    expect(metadataOf(r.main.outputs).toolchainCache?.ref).toBe(`${registry.host}/${name}:${TAG}`);
    expect(metadataOf(r.main.outputs).toolchainCache?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.main.outputs['smoke-result']).toBe('passed');
    expect(r.main.log).toContain(`--cache-to=type=registry,ref=${registry.host}/${name}:${TAG},mode=max`);
    expect(r.main.log).toContain(`--build-context=${base}=docker-image://${base.replace(/:1$/, '')}@${baseDigest}`);
    expect(warnings(r.main.log)).toEqual([]);
    const record = await publicManifest(name, `${TAG}-bases`);
    expect(record?.annotations).toMatchObject({
      'org.c2w-action.toolchain-cache': `${registry.host}/${name}:${TAG}`,
      'org.c2w-action.base-image.0': `${base}@${baseDigest}`,
    });
    expect(await publicManifest(name, TAG)).toBeDefined();
  });

  it('a new runner with no cache of its own builds only the image stages, without a login', async () => {
    await freshStore();
    const r = await read(`${registry.publicHost}/${name}`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/importing cache manifest from .*toolchain/);
    expect(stepRan(r.main.log, TOOLCHAIN)).toBe(false);
    expect(stepRan(r.main.log, BUNDLE)).toBe(true);
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('hit');
    expect(metadataOf(r.main.outputs).build.layersFrom).toBe('toolchain-cache');
    expect(Number(metadataOf(r.main.outputs).build.stagesCached)).toBeGreaterThan(0);
    expect(Number(metadataOf(r.main.outputs).build.stagesBuilt)).toBeGreaterThan(0);
    expect(warnings(r.main.log)).toEqual([]);
  });

  it('the base tag moved since publishing: still a hit, through the pinned digest', async () => {
    // A different image under the same tag, in the registry and on the runner.
    const moved = path.join(h.dir, 'moved');
    mkdirSync(moved, { recursive: true });
    writeFileSync(path.join(moved, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN --network=none echo moved > /moved\n`);
    const pushName = base.replace(registry.publicHost, registry.host);
    await docker(['buildx', 'build', '--provenance=false', '-t', pushName, '--push', moved], publisher);
    await docker(['tag', pushName, base], publisher);
    const { stdout } = await docker(
      ['buildx', 'imagetools', 'inspect', base, '--format', '{{json .Manifest}}'],
      anonymous,
    );
    expect((JSON.parse(stdout) as { digest: string }).digest).not.toBe(baseDigest);

    await docker(['buildx', 'prune', '-af'], publisher);
    const r = await read(`${registry.publicHost}/${name}`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toContain(`docker-image://${base.replace(/:1$/, '')}@${baseDigest}`);
    expect(stepRan(r.main.log, TOOLCHAIN)).toBe(false);
    expect(metadataOf(r.main.outputs).build.layersFrom).toBe('toolchain-cache');
  });

  it("the command reads the same toolchain cache: a laptop's first conversion builds only the image stages", async () => {
    await freshStore();
    const { stdout } = await exec(
      NODE24,
      [
        path.join(ROOT, 'dist/c2w-action.js'),
        'convert',
        USER_IMAGE,
        '--c2w-version',
        VERSION,
        '--c2w-download-url',
        h.releases.url,
        '--cache-dir',
        mkdtempSync(path.join(h.dir, 'cli-cache-')),
        '--toolchain-cache',
        `${registry.publicHost}/${name}`,
        '--no-smoke',
        '--json',
      ],
      {
        cwd: mkdtempSync(path.join(h.dir, 'cli-work-')),
        env: {
          ...withEngine(h.engine),
          DOCKER_CONFIG: anonymous,
          XDG_CACHE_HOME: mkdtempSync(path.join(h.dir, 'xdg-')),
        },
        timeout: 280_000,
      },
    );
    // --json is the action's metadata.
    const facts = JSON.parse(stdout) as Metadata;
    expect(facts.toolchainCache?.result).toBe('hit');
    expect(facts.toolchainCache?.ref).toBe(`${registry.publicHost}/${name}:${TAG}`);
    expect(facts.build.layersFrom).toBe('toolchain-cache');
    expect(facts.build.stagesCached).toBeGreaterThan(0);
    expect(facts.build.stagesBuilt).toBeGreaterThan(0);
  });

  it("a user's own exact hit: the toolchain cache is not even asked", async () => {
    const inputs = { cache: 'local', 'cache-key': `own-${randomUUID().slice(0, 8)}` };
    // One kind of runner: the same RUNNER_TEMP path (the Actions cache version hashes it).
    const temp = mkdtempSync(path.join(h.dir, 'runner-'));
    const first = await read(`${registry.publicHost}/${name}`, inputs, temp);
    expect(first.main.exitCode, first.main.log).toBe(0);
    expect(first.post?.exitCode, first.post?.log).toBe(0);
    const second = await read(`${registry.publicHost}/${name}`, inputs, temp);
    expect(second.main.exitCode, second.main.log).toBe(0);
    expect(second.main.outputs['cache-hit']).toBe('true');
    expect(metadataOf(second.main.outputs).toolchainCache?.result).toBe('not-asked');
    expect(second.main.log).not.toMatch(
      /Reading the toolchain cache|imagetools|importing cache manifest from .*toolchain/,
    );
  });
});

describe('toolchain cache: missing or wrong never fails a conversion', () => {
  const infoOnly = (log: string) => {
    expect(warnings(log)).toEqual([]);
    expect(log).not.toMatch(/^::error::/m);
  };

  it('never published: one info line, a good cold build', async () => {
    const r = await read(`${registry.publicHost}/${repo('absent')}`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/No toolchain cache read from .*absent.* the build goes on without it\./);
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('miss');
    expect(r.main.log).not.toContain('--cache-from=type=registry');
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    infoOnly(r.main.log);
  });

  it('the registry is down: one info line, a good cold build', async () => {
    const r = await read(`127.0.0.1:${await closedPort()}/c2w/toolchain`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(
      /No toolchain cache read from 127\.0\.0\.1:\d+\/c2w\/toolchain:v0\.9\.1-wasi-amd64 \(.*connection refused/,
    );
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('miss');
    infoOnly(r.main.log);
  });

  it('garbage in the record: an info line naming it, the cache not read', async () => {
    const name = repo('garbage');
    await pushRecord(name, {
      'org.c2w-action.toolchain-cache': `${registry.publicHost}/${name}:${TAG}`,
      'org.c2w-action.base-image.0': 'not a reference@sha256:zz',
    });
    const r = await read(`${registry.publicHost}/${name}`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/No toolchain cache read from .*org\.c2w-action\.base-image\.0 is not NAME@sha256/);
    expect(r.main.log).not.toContain('--build-context=');
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('miss');
    infoOnly(r.main.log);
  });

  it('a publisher without push rights: a warning, the conversion passes, no record beside the old cache', async () => {
    const name = repo('no-rights');
    await freshStore();
    const r = await publish(name, {}, anonymous);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.outputs['smoke-result']).toBe('passed');
    expect(r.main.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('publish-failed');
    expect(warnings(r.main.log)).toEqual([
      expect.stringMatching(
        /Could not publish the toolchain cache .*no-rights.*: BuildKit could not export to the registry: .+\. The conversion succeeded/,
      ),
    ]);
    expect(r.main.log).not.toMatch(/^::error::/m);
    expect(await publicManifest(name, `${TAG}-bases`)).toBeUndefined();
    expect(await publicManifest(name, TAG)).toBeUndefined();
  });

  it('a record without its cache (stale): BuildKit cannot import it, an info line, a good cold build', async () => {
    const name = repo('stale');
    await pushRecord(name, {
      'org.c2w-action.toolchain-cache': `${registry.publicHost}/${name}:${TAG}`,
      'org.c2w-action.base-image.0': `${base}@${baseDigest}`,
    });
    await docker(['buildx', 'prune', '-af'], publisher);
    const r = await read(`${registry.publicHost}/${name}`);
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(/The toolchain cache .*stale.* could not be read/);
    expect(metadataOf(r.main.outputs).toolchainCache?.result).toBe('miss');
    expect(stepRan(r.main.log, TOOLCHAIN)).toBe(true);
    infoOnly(r.main.log);
  });
});

describe('toolchain cache: js, one cache per allocator', () => {
  it('a js cache published for emmalloc is read by an emmalloc conversion and not by a dlmalloc one', async () => {
    const name = repo('js');
    const js = { target: 'js', allocator: 'emmalloc' };
    await freshStore();
    const published = await publish(name, js);
    expect(published.main.exitCode, published.main.log).toBe(0);
    expect(metadataOf(published.main.outputs).toolchainCache?.result).toBe('published');
    expect(metadataOf(published.main.outputs).toolchainCache?.ref).toBe(
      `${registry.host}/${name}:${VERSION}-js-amd64-emmalloc`,
    );

    await freshStore();
    const same = await read(`${registry.publicHost}/${name}`, js);
    expect(same.main.exitCode, same.main.log).toBe(0);
    expect(metadataOf(same.main.outputs).toolchainCache?.result).toBe('hit');
    expect(stepRan(same.main.log, TOOLCHAIN)).toBe(false);
    expect(stepRan(same.main.log, BUNDLE)).toBe(true);

    // The toolchain stage carries the allocator: another allocator's cache would not match, so it is not asked for.
    await freshStore();
    const other = await read(`${registry.publicHost}/${name}`, { ...js, allocator: 'dlmalloc' });
    expect(other.main.exitCode, other.main.log).toBe(0);
    expect(other.main.log).toMatch(/No toolchain cache read from .*:v0\.9\.1-js-amd64-dlmalloc/);
    expect(metadataOf(other.main.outputs).toolchainCache?.result).toBe('miss');
    expect(stepRan(other.main.log, TOOLCHAIN)).toBe(true);
    expect(warnings(other.main.log)).toEqual([]);
  });
});
