// Which browser the smoke boot starts: `smoke-browser` when given, else the first Chrome or Chromium
// found where runners and distributions put it. GitHub's Ubuntu runner images install Google Chrome
// as /usr/bin/google-chrome and set CHROME_BIN to it (actions/runner-images,
// images/ubuntu/scripts/build/install-google-chrome.sh); Debian's and Ubuntu's packages install
// /usr/bin/chromium or /usr/bin/chromium-browser; macOS keeps Chrome in /Applications.
import { accessSync, constants } from 'node:fs';

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export const BROWSER_CANDIDATES = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser binary to start; throws BrowserNotFoundError naming what was tried. */
export function findBrowser(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isExecutable: (p: string) => boolean = executable,
): string {
  if (explicit) {
    if (!isExecutable(explicit)) throw new BrowserNotFoundError(`smoke-browser: ${explicit} is not an executable file`);
    return explicit;
  }
  const tried = [env.CHROME_BIN, ...BROWSER_CANDIDATES].filter((p): p is string => !!p);
  const found = tried.find(isExecutable);
  if (!found) {
    throw new BrowserNotFoundError(
      `no Chrome or Chromium found for smoke-runtime: browser (tried ${tried.join(', ')}); ` +
        `install one, or name its binary in smoke-browser`,
    );
  }
  return found;
}
