// The smoke boot in a browser against the smoke boot in Node, of the same outputs (the WASI stand-in
// and the three js stand-ins), side by side: each round boots every output once in each runtime, in
// turn, through the bundled command (`dist/c2w-action.js smoke PATH --runtime node|browser --json`).
// Reported per runtime, medians over the rounds: seconds to the match as the boot reports it
// (smoke-seconds / smoke-browser-seconds), the command's wall time (Node: its child; browser: the
// browser's start, the page and its end included), and peak memory (the Node child's / the page's
// renderer's).
//
//   node bench/browser.bench.mjs [--runs N] [--browser PATH]     (needs npm run build, scripts/browser.sh)
// Prints a Markdown section (paste into bench/RESULTS.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg, median } from './lib.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('--runs', '5'));
const browser = opt('--browser', execFileSync('bash', [join(repo, 'scripts/browser.sh')], { encoding: 'utf8' }).trim());
const cli = join(repo, 'dist/c2w-action.js');

const outputs = [
  ['wasi stand-in', 'test/fixtures/wasi-standin/standin.wasm'],
  ['js dlmalloc', 'test/fixtures/js-standin/dlmalloc'],
  ['js emmalloc', 'test/fixtures/js-standin/emmalloc'],
  ['js mimalloc', 'test/fixtures/js-standin/mimalloc'],
];

function boot(path, runtime) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'smoke', path, '--runtime', runtime, '--browser', browser, '--json'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const out = JSON.parse(r.stdout);
  if (out.smoke?.result !== 'passed') throw new Error(`${path} in ${runtime}: ${out.error}`);
  const figures = out.smoke[runtime];
  return { toMatch: figures.secondsMedian, wall, memory: figures.peakMemory };
}

const results = new Map(outputs.map(([name]) => [name, { node: [], browser: [] }]));
const loadBefore = loadavg();
for (let round = 0; round < runs; round++) {
  for (const [name, path] of outputs) {
    for (const runtime of round % 2 ? ['browser', 'node'] : ['node', 'browser']) {
      results.get(name)[runtime].push(boot(path, runtime));
    }
  }
}
const s = (x) => `${x.toFixed(2)} s`;
const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const med = (list, key) => median(list.map((r) => r[key]));
const version = execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim();
console.log(`## Smoke boot: browser against Node\n`);
console.log(
  `\`node bench/browser.bench.mjs --runs ${runs}\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${version}, load ${loadBefore} → ${loadavg()}. Medians of ${runs} rounds; each round boots every output once ` +
    `in each runtime, alternating which goes first.\n`,
);
console.log(
  '| output | to match: Node / browser | wall: Node / browser (ratio) | peak memory: Node child / page renderer |',
);
console.log('|---|---|---|---|');
for (const [name] of outputs) {
  const { node, browser: page } = results.get(name);
  const wn = med(node, 'wall');
  const wb = med(page, 'wall');
  console.log(
    `| ${name} | ${s(med(node, 'toMatch'))} / ${s(med(page, 'toMatch'))} | ${s(wn)} / ${s(wb)} (${(wb / wn).toFixed(1)}×) | ` +
      `${mib(med(node, 'memory'))} / ${mib(med(page, 'memory'))} |`,
  );
}
