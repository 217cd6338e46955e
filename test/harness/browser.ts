// The real browser the browser tests drive: Debian's chromium, installed by scripts/browser.sh (as
// scripts/engine.sh brings the engine), and the page bundle built from src/site/page into dist/site.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The chromium binary (installs it the first time). */
export function testBrowser(): string {
  return execFileSync('bash', [join(repo, 'scripts/browser.sh')], { encoding: 'utf8', timeout: 1_500_000 }).trim();
}

/** Bundles the page (src/site/page → dist/site), so the tests boot the current sources. */
export function buildPage(): void {
  execFileSync(process.execPath, [join(repo, 'scripts/build-page.mjs')], { stdio: 'inherit', timeout: 120_000 });
}
