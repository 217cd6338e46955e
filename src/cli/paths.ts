// Where the command keeps what the runner keeps on GitHub: the user's cache directory (the XDG Base
// Directory spec: $XDG_CACHE_HOME, else ~/.cache) holds the build cache folder and the installed c2w
// releases (the tool cache's layout), so a second run on the same machine reuses both.
import * as os from 'node:os';
import * as path from 'node:path';

/** `<XDG_CACHE_HOME or ~/.cache>/c2w-action`. */
export function cacheHome(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  // The spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'c2w-action');
}

/** The default build cache folder (`--cache-dir`). */
export function defaultBuildCacheDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return path.join(cacheHome(env, home), 'buildx-cache');
}

/** The installed c2w releases, in the tool cache's layout (c2w/install.ts is given this folder). */
export function toolCacheDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return path.join(cacheHome(env, home), 'tools');
}
