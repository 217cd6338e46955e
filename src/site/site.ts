// `site`: a folder that runs the converted container on a web page, as GitHub Pages serves it. The
// page's template (index.html, coi-serviceworker.js, c2w/page.js, page.css, wasi-worker.js, unpack-worker.js) is bundled
// into dist/site/ by scripts/build-page.mjs; writeSite copies it, puts the output under container/ and
// writes c2w/site.json. The smoke boot in a browser boots this same folder. The output's large files
// (wasi: the module; js: the QEMU .wasm and the .data package) go in as gzip chunks with their digests
// (packed.ts), which the page fetches in parallel, checks and keeps for the next visit.
//
// actions/upload-pages-artifact packs the folder with `tar --dereference` and its docs ask for files
// and folders only (no symlinks, no hard links): the output is copied with every link resolved, and a
// link that would leave the output or point at a folder is refused, as the artifact's walker refuses it.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walkFolder } from '../lib/files.js';
import { gib, PAGES_SITE_LIMIT, V8_MODULE_LIMIT } from '../lib/limits.js';
import type { PackedFile, SiteConfig } from './contract.js';
import { SiteError } from './error.js';
import { prepareSiteFolder, type SiteRoot } from './folder.js';
import { packFile } from './packed.js';

export { SiteError } from './error.js';

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
  /** Bytes of the output's packed files, before compression (`bytes` counts them compressed). */
  outputBytes: number;
  /** A warning to show when the site passes GitHub Pages' size limit or a browser's module limit. */
  warning?: string;
}

/**
 * The warning for a site of `bytes` (what is deployed: the output compressed), or undefined within
 * Pages' limit. `raw` is the output's size before compression, named when it differs.
 */
export function sizeWarning(bytes: number, raw?: number): string | undefined {
  if (bytes <= PAGES_SITE_LIMIT) return undefined;
  const before = raw !== undefined && raw !== bytes ? ` (the output compressed; ${gib(raw)} before)` : '';
  return (
    `The site is ${gib(bytes)}${before}, past GitHub Pages' limit for a published site (${gib(PAGES_SITE_LIMIT)}): ` +
    `actions/deploy-pages may refuse it. A smaller image, or another host, keeps it within reach.`
  );
}

/** The warning for a wasm module of `bytes` that browsers built on V8 will not compile, or undefined. */
export function moduleWarning(name: string, bytes: number): string | undefined {
  if (bytes <= V8_MODULE_LIMIT) return undefined;
  return (
    `The module ${name} is ${gib(bytes)}, past the largest wasm module Chrome, Edge and Node compile ` +
    `(${gib(V8_MODULE_LIMIT)}, V8's kV8MaxWasmModuleSize): the page cannot boot it in those browsers.`
  );
}

/** The files of a js output the page loads through its loader (packed): the QEMU module and the .data package. */
const isPackedJsFile = (rel: string): boolean => !rel.includes('/') && ['.wasm', '.data'].includes(extname(rel));

async function copyTree(from: string, to: string, skip: (rel: string) => boolean = () => false): Promise<void> {
  for (const e of await walkFolder(from)) {
    if (e.type === 'file' && skip(e.rel)) continue;
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
  const packed: Record<string, PackedFile> = {};
  if (opts.target === 'js') {
    await copyTree(opts.output, container, isPackedJsFile);
    for (const e of await walkFolder(opts.output)) {
      if (e.type === 'file' && isPackedJsFile(e.rel)) packed[e.rel] = await packFile(e.abs, container);
    }
  } else {
    wasm = basename(opts.output);
    packed[wasm] = await packFile(opts.output, container);
  }
  const config: SiteConfig = {
    target: opts.target,
    container: 'container/',
    ...(wasm ? { wasm } : {}),
    command: opts.command ?? [],
    env: opts.env ?? [],
    title: opts.title ?? 'container',
    packed,
  };
  await writeFile(join(dir, 'c2w', 'site.json'), `${JSON.stringify(config, null, 2)}\n`);
  const entries = await walkFolder(dir);
  const files = entries.filter((e) => e.type === 'file');
  const bytes = files.reduce((n, e) => n + e.size, 0);
  const outputBytes = Object.values(packed).reduce((n, p) => n + p.size, 0);
  const packedBytes = Object.values(packed).reduce((n, p) => n + p.bytes, 0);
  const warnings = [
    sizeWarning(bytes, bytes - packedBytes + outputBytes),
    ...Object.entries(packed)
      .filter(([name]) => extname(name) === '.wasm')
      .map(([name, p]) => moduleWarning(name, p.size)),
  ].filter((w): w is string => w !== undefined);
  return {
    dir: opts.dir,
    bytes,
    files: files.length,
    outputBytes,
    ...(warnings.length ? { warning: warnings.join('\n') } : {}),
  };
}
