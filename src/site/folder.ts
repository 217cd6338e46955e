// The site's folder: where it may be, and how it is made ready. Writing a site empties its folder,
// so `site` decides what gets deleted; it may name only a folder of the site's own: inside the
// workspace (the command: its current directory), not the workspace or one of its ancestors, not
// the output, a folder holding it or a folder inside it, and not a file. An existing folder is
// emptied only when it is a site this action wrote, which it knows by the marker file it leaves
// (SITE_MARKER); any other folder must be empty. Every path is compared with its links resolved
// (config/host-checks.ts realPathOf), so a link cannot put the site elsewhere.
//
// The same judgement (judgeSite, pure) runs twice: when the inputs are read, before anything is
// built, and again right before the folder is emptied, since the folder may have changed during an
// hour's build; the site is then written into the resolved folder, never through a link.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { danglingLinkIn, isInside, realPathOf } from '../config/host-checks.js';
import { InputError, quoted } from '../config/errors.js';
import { SiteError } from './error.js';

/**
 * The marker a site this action wrote holds. A hidden file: actions/upload-pages-artifact leaves
 * hidden files out of the Pages artifact by default (since v4), so it is not deployed.
 */
export const SITE_MARKER = '.c2w-site';
/** What the marker says wrote the folder. */
export const MARKER_WRITER = 'c2w-action';
/** A marker is a small JSON object; a larger file is not one. */
const MARKER_MAX_BYTES = 4096;

export const MARKER_TEXT = `${JSON.stringify({
  writer: MARKER_WRITER,
  about: 'This folder is a site written by c2w-action, which empties it before it writes the site again.',
})}\n`;

/** The folder a site must be inside, and what to call it in a message. */
export interface SiteRoot {
  dir: string;
  /** `the workspace` (the action), `the current directory` (the command). */
  name: string;
}

/** What is at the site's place now. */
export type SiteState =
  | { kind: 'absent' }
  /** A symbolic link on the way whose target does not exist: where it leads cannot be checked. */
  | { kind: 'dangling'; link: string }
  /** Something that is not a folder: `a regular file`, `a special file`, `below a file`. */
  | { kind: 'not-folder'; what: string }
  | { kind: 'folder'; entries: readonly string[]; marked: boolean };

/** The site's place with every path resolved (realPathOf), and its state. */
export interface SitePlace {
  root: string;
  rootName: string;
  output: string;
  site: string;
  state: SiteState;
}

/** `create` a new folder, `fill` an empty one, `empty` a site this action wrote; or why not. */
export type SiteVerdict = { ok: true; prepare: 'create' | 'fill' | 'empty' } | { ok: false; problem: string };

const EXAMPLE = 'such as _site/';

/** Whether a site may be written at `p.site`, and how its folder is made ready. Pure. */
export function judgeSite(p: SitePlace): SiteVerdict {
  const refuse = (problem: string): SiteVerdict => ({ ok: false, problem });
  const { root, rootName: name, output, site, state } = p;
  if (site === root) return refuse(`is ${name} ${root}: give a folder of its own inside it, ${EXAMPLE}`);
  if (isInside(root, site)) {
    return refuse(
      `is an ancestor of ${name} ${root}: writing the site would delete it; give a folder of its own inside it, ${EXAMPLE}`,
    );
  }
  if (!isInside(site, root)) return refuse(`is outside ${name} ${root}: give a folder inside it, ${EXAMPLE}`);
  if (site === output) return refuse(`is the output ${output}: give a folder of the site's own, ${EXAMPLE}`);
  if (isInside(output, site)) {
    return refuse(`holds the output ${output}: writing the site would delete it; give a folder beside it, ${EXAMPLE}`);
  }
  if (isInside(site, output)) {
    return refuse(`is inside the output ${output}, which holds c2w's files only: give a folder beside it, ${EXAMPLE}`);
  }
  switch (state.kind) {
    case 'absent':
      return { ok: true, prepare: 'create' };
    case 'dangling':
      return refuse(
        `leads through the symbolic link ${state.link}, whose target does not exist: give a plain path, ${EXAMPLE}`,
      );
    case 'not-folder':
      return refuse(
        `is ${state.what}, not a folder: the site replaces nothing but a site this action wrote; give a new or empty folder, ${EXAMPLE}`,
      );
    case 'folder': {
      if (state.entries.length === 0) return { ok: true, prepare: 'fill' };
      if (state.marked) return { ok: true, prepare: 'empty' };
      const n = state.entries.length;
      // A name is shown on one line: a line break in it would start a line of its own in the log.
      const names = [...state.entries]
        .sort()
        .slice(0, 5)
        .map((e) => e.replace(/\p{Cc}/gu, '?'));
      const some = names.join(', ') + (n > 5 ? ', ...' : '');
      return refuse(
        `is a folder holding ${n} entr${n === 1 ? 'y' : 'ies'} (${some}) that this action did not write ` +
          `(it has no ${SITE_MARKER} marker), and writing the site empties its folder: ` +
          `choose a new or empty folder, or delete this one yourself if nothing in it is needed`,
      );
    }
  }
}

/** Whether `file` is a marker this action wrote: a small regular file (not a link) of JSON naming it. */
function isMarker(file: string): boolean {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > MARKER_MAX_BYTES) return false;
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && (data as { writer?: unknown }).writer === MARKER_WRITER;
  } catch {
    return false;
  }
}

/** What is at `real` (a realPathOf result) now. */
export function siteStateOf(real: string): SiteState {
  const link = danglingLinkIn(real);
  if (link !== undefined) return { kind: 'dangling', link };
  let st;
  try {
    st = lstatSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    if (code === 'ENOTDIR') return { kind: 'not-folder', what: 'below a file' };
    throw e;
  }
  // A link here was made after realPathOf resolved the path: its target is not checked.
  if (st.isSymbolicLink()) return { kind: 'dangling', link: real };
  if (!st.isDirectory()) return { kind: 'not-folder', what: st.isFile() ? 'a regular file' : 'a special file' };
  return { kind: 'folder', entries: readdirSync(real), marked: isMarker(path.join(real, SITE_MARKER)) };
}

/** The site's place as it is now: `site` and `output` resolved against the current directory. */
export function sitePlaceOf(site: string, output: string, root: SiteRoot): SitePlace {
  const real = realPathOf(site);
  return {
    root: realPathOf(root.dir),
    rootName: root.name,
    output: realPathOf(output),
    site: real,
    state: siteStateOf(real),
  };
}

/** `'site'`, with the resolved path unless it is the path as written. */
export function shownSite(site: string, real: string): string {
  return real === site ? quoted(site) : `${quoted(site)} (${real})`;
}

/**
 * `site` checked when the inputs are read, before anything is built (the action's getInputs, the
 * command's --site): throws an InputError naming the input.
 */
export function checkSitePlace(site: string, output: string, root: SiteRoot): void {
  const place = sitePlaceOf(site, output, root);
  const verdict = judgeSite(place);
  if (!verdict.ok) throw new InputError('site', `${shownSite(site, place.site)} ${verdict.problem}`);
}

/**
 * Makes the folder of a site ready to be written, judged again as it is now: created, or emptied
 * when it is a site this action wrote, with the marker written first (a site that fails half-way
 * is still known as this action's). Returns the resolved folder to write into. Throws SiteError.
 */
export async function prepareSiteFolder(site: string, output: string, root: SiteRoot): Promise<string> {
  const place = sitePlaceOf(site, output, root);
  const verdict = judgeSite(place);
  if (!verdict.ok) throw new SiteError(`The site folder ${shownSite(site, place.site)} ${verdict.problem}`);
  const dir = place.site;
  if (verdict.prepare === 'create') await mkdir(dir, { recursive: true });
  // rm does not follow a link inside the folder: it removes the link.
  if (verdict.prepare === 'empty') {
    for (const e of await readdir(dir)) await rm(path.join(dir, e), { recursive: true, force: true });
  }
  // A link put in the folder's place while it was made ready would have it written elsewhere.
  if (realpathSync(dir) !== dir) {
    throw new SiteError(
      `The site folder ${shownSite(site, dir)} changed while it was made ready: write the site again`,
    );
  }
  // `wx`: created here, never written through a link that appeared meanwhile.
  await writeFile(path.join(dir, SITE_MARKER), MARKER_TEXT, { flag: 'wx' });
  return dir;
}

/** The action's root: the workspace (GITHUB_WORKSPACE; the current directory outside a runner). */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SiteRoot {
  return { dir: env.GITHUB_WORKSPACE || cwd, name: 'the workspace' };
}

/** The command's root: its current directory, the workspace of a person at a shell. */
export function currentDirRoot(cwd = process.cwd()): SiteRoot {
  return { dir: cwd, name: 'the current directory' };
}
