// `site`: a folder that runs the converted container on a web page, as GitHub Pages serves it. The
// page's template (index.html, coi-serviceworker.js, c2w/page.js, page.css, wasi-worker.js) is bundled
// into dist/site/ by scripts/build-page.mjs; writeSite copies it, puts the output under container/ and
// writes c2w/site.json. The smoke boot in a browser boots this same folder.
//
// actions/upload-pages-artifact packs the folder with `tar --dereference` and its docs ask for files
// and folders only (no symlinks, no hard links): the output is copied with every link resolved, and a
// link that would leave the output or point at a folder is refused, as the artifact's walker refuses it.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walkFolder } from '../lib/files.js';
import type { SiteConfig } from './contract.js';
import { SiteError } from './error.js';
import { prepareSiteFolder, type SiteRoot } from './folder.js';

export { SiteError } from './error.js';

/**
 * Published GitHub Pages sites may be no larger than 1 GB (docs.github.com, "GitHub Pages limits");
 * actions/deploy-pages warns past 1073741824 bytes of the uploaded tar (src/internal/deployment.js,
 * ONE_GIGABYTE). The tar adds a few hundred bytes a file to the sum measured here.
 */
export const PAGES_SITE_LIMIT = 1024 ** 3;

/** Where the bundled page is: beside the bundle (dist/site), or dist/site of the clone (tests run src/). */
export function pageTemplateDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'site'), join(here, '../../dist/site')]) {
    if (existsSync(join(candidate, 'c2w', 'page.js'))) return candidate;
  }
  throw new SiteError('the page bundle (dist/site) is missing: run `npm run build`');
}

export interface SiteOptions {
  target: 'js' | 'wasi';
  /** The wasm file (wasi) or the output directory (js). */
  output: string;
  dir: string;
  /** The folder `dir` must be inside (site/folder.ts): the workspace, or the command's current directory. */
  root: SiteRoot;
  command?: string[];
  env?: { key: string; value: string }[];
  title?: string;
}

export interface SiteResult {
  dir: string;
  /** Bytes of all the site's files. */
  bytes: number;
  files: number;
  /** A warning to show when the site passes GitHub Pages' size limit. */
  warning?: string;
}

/** The warning for a site of `bytes`, or undefined within Pages' limit. */
export function sizeWarning(bytes: number): string | undefined {
  if (bytes <= PAGES_SITE_LIMIT) return undefined;
  const gb = (n: number): string => `${(n / 1024 ** 3).toFixed(2)} GiB`;
  return (
    `The site is ${gb(bytes)}, past GitHub Pages' limit for a published site (${gb(PAGES_SITE_LIMIT)}): ` +
    `actions/deploy-pages may refuse it. A smaller image, or another host, keeps it within reach.`
  );
}

async function copyTree(from: string, to: string): Promise<void> {
  for (const e of await walkFolder(from)) {
    const dest = join(to, ...e.rel.split('/'));
    if (e.type === 'dir') await mkdir(dest, { recursive: true });
    else {
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(e.abs, dest);
    }
  }
}

/**
 * Writes the site folder `opts.dir` for the output, and measures it. The folder is made ready by
 * site/folder.ts: created, or emptied only when it is a site this action wrote.
 */
export async function writeSite(opts: SiteOptions): Promise<SiteResult> {
  const template = pageTemplateDir();
  let st;
  try {
    st = await stat(opts.output);
  } catch {
    throw new SiteError(`the output ${opts.output} does not exist`);
  }
  if (opts.target === 'js' && !st.isDirectory()) {
    throw new SiteError(`a js output is a directory (out.js, load.js, arg-module.js…); ${opts.output} is not one`);
  }
  if (opts.target === 'js' && !existsSync(join(opts.output, 'out.js'))) {
    throw new SiteError(`${opts.output} has no out.js: it is not a c2w --to-js output`);
  }
  if (opts.target === 'wasi' && !st.isFile())
    throw new SiteError(`a wasi output is a .wasm file; ${opts.output} is not a file`);
  // Written into the folder with its links resolved, as it was judged.
  const dir = await prepareSiteFolder(opts.dir, opts.output, opts.root);
  await copyTree(template, dir);
  const container = join(dir, 'container');
  await mkdir(container, { recursive: true });
  let wasm: string | undefined;
  if (opts.target === 'js') await copyTree(opts.output, container);
  else {
    wasm = basename(opts.output);
    await copyFile(opts.output, join(container, wasm));
  }
  const config: SiteConfig = {
    target: opts.target,
    container: 'container/',
    ...(wasm ? { wasm } : {}),
    command: opts.command ?? [],
    env: opts.env ?? [],
    title: opts.title ?? 'container',
  };
  await writeFile(join(dir, 'c2w', 'site.json'), `${JSON.stringify(config, null, 2)}\n`);
  const entries = await walkFolder(dir);
  const files = entries.filter((e) => e.type === 'file');
  const bytes = files.reduce((n, e) => n + e.size, 0);
  const warning = sizeWarning(bytes);
  return { dir: opts.dir, bytes, files: files.length, ...(warning ? { warning } : {}) };
}
