// `c2w-action site PATH DIR`: wraps an existing output (a .wasm file, or a js output directory) in a
// site folder, as `convert --site DIR` and the action's `site` input do. The target follows PATH
// unless --target says. DIR follows the `site` input's rules (site/folder.ts), with the current
// directory as the workspace: checked before anything is written, and again when it is written.
import { statSync } from 'node:fs';
import { currentDirRoot, judgeSite, shownSite, sitePlaceOf } from '../site/folder.js';
import { writeSite } from '../site/site.js';
import { asSiteFailure } from '../site/stage.js';
import type { Sink } from '../pipeline/sink.js';
import type { RunResult } from '../types/result.js';
import { UsageError, type ParsedCommand } from './flags.js';

export interface SiteArgs {
  path: string;
  dir: string;
  target: 'wasi' | 'js';
}

/** The command's PATH and DIR, checked before anything is written. Throws UsageError. */
export function siteArgs(cmd: ParsedCommand): SiteArgs {
  if (cmd.positionals.length !== 2) {
    throw new UsageError('site needs a PATH (a .wasm file or a js output directory) and a DIR to write the site into');
  }
  const [path, dir] = cmd.positionals as [string, string];
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`PATH '${path}' does not exist`);
  }
  const given = cmd.get('target');
  if (given !== '' && given !== 'wasi' && given !== 'js')
    throw new UsageError(`--target must be wasi or js; got '${given}'`);
  const target = given === '' ? (isDir ? 'js' : 'wasi') : given;
  if ((target === 'js') !== isDir) {
    throw new UsageError(
      `--target ${target} needs ${target === 'js' ? 'a directory' : 'a .wasm file'}; '${path}' is ${isDir ? 'a directory' : 'a file'}`,
    );
  }
  const place = sitePlaceOf(dir, path, currentDirRoot());
  const verdict = judgeSite(place);
  if (!verdict.ok) throw new UsageError(`DIR ${shownSite(dir, place.site)} ${verdict.problem}`);
  return { path, dir, target };
}

export async function siteCommand(args: SiteArgs, sink: Sink, result: RunResult): Promise<void> {
  result.stage = 'site';
  const site = await sink.section(`Write the site ${args.dir}`, () =>
    asSiteFailure(writeSite({ target: args.target, output: args.path, dir: args.dir, root: currentDirRoot() })),
  );
  result.site = { path: site.dir };
  sink.info(
    `Wrote ${site.files} files, ${site.bytes} bytes (the output's ${site.outputBytes} bytes in gzip chunks). Serve the folder (any static server; GitHub Pages) and open index.html.`,
  );
  if (site.warning) sink.warn(site.warning);
}
