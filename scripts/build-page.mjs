// Bundles the site's page (src/site/page/) into dist/site/, the template writeSite copies from: the
// page's npm dependencies (xterm, xterm-pty, browser_wasi_shim, coi-serviceworker) are in these files,
// so a site loads nothing from a CDN.
//   dist/site/index.html              the page
//   dist/site/coi-serviceworker.js    at the root: a service worker controls only its own folder and below
//                                     (src/site/page/sw-prelude.js, then coi-serviceworker)
//   dist/site/c2w/page.js, page.css   the terminal and the boot (an ES module)
//   dist/site/c2w/wasi-worker.js      the WASI worker (a classic worker script)
//   dist/site/c2w/unpack-worker.js    the loader's workers: fetch, check, decompress, keep (classic)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const out = new URL('../dist/site/', import.meta.url);
const page = new URL('../src/site/page/', import.meta.url);
mkdirSync(new URL('c2w/', out), { recursive: true });

const common = { bundle: true, minify: true, target: 'es2022', legalComments: 'eof', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: { page: new URL('page.ts', page).pathname },
  outdir: new URL('c2w/', out).pathname,
  format: 'esm',
  platform: 'browser',
});
await build({
  ...common,
  entryPoints: {
    'wasi-worker': new URL('wasi-worker.ts', page).pathname,
    'unpack-worker': new URL('unpack-worker.ts', page).pathname,
  },
  outdir: new URL('c2w/', out).pathname,
  format: 'iife',
  platform: 'browser',
});
copyFileSync(new URL('index.html', page), new URL('index.html', out));
// coi-serviceworker, after a prelude that lets the output's chunks bypass it (sw-prelude.js says why).
writeFileSync(
  new URL('coi-serviceworker.js', out),
  `${readFileSync(new URL('sw-prelude.js', page), 'utf8')}\n${readFileSync(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), 'utf8')}`,
);
