import { describe, expect, it } from 'vitest';
import { decodeBoot, encodeBoot } from '../../../src/site/contract.js';
import { PAGES_SITE_LIMIT } from '../../../src/lib/limits.js';
import { sizeWarning } from '../../../src/site/site.js';
import { parseCommand } from '../../../src/cli/flags.js';
import { siteArgs } from '../../../src/cli/site-command.js';
import { convertInputs } from '../../../src/cli/validate.js';

describe('the boot parameter', () => {
  it('carries any command and environment through the URL', () => {
    const o = { command: ['sh', '-c', 'echo "a b" && echo ü/+='], env: [{ key: 'K', value: 'v=1\nx' }] };
    const s = encodeBoot(o);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBoot(s)).toEqual(o);
  });
});

describe('sizeWarning', () => {
  it("warns past GitHub Pages' 1 GB, with the figure", () => {
    expect(sizeWarning(PAGES_SITE_LIMIT)).toBeUndefined();
    expect(sizeWarning(PAGES_SITE_LIMIT + 1)).toMatch(/is 1\.00 GiB, past GitHub Pages' limit/);
    expect(sizeWarning(3 * 1024 ** 3)).toMatch(/is 3\.00 GiB/);
  });
});

describe('c2w-action site PATH DIR', () => {
  it('follows PATH for the target', () => {
    expect(siteArgs(parseCommand(['site', 'test/fixtures/js-standin/dlmalloc', '_site']))).toEqual({
      path: 'test/fixtures/js-standin/dlmalloc',
      dir: '_site',
      target: 'js',
    });
    expect(siteArgs(parseCommand(['site', 'test/fixtures/wasi-standin/standin.wasm', 'x'])).target).toBe('wasi');
  });
  it('refuses what it cannot wrap before writing anything', () => {
    expect(() => siteArgs(parseCommand(['site', 'nope.wasm', 'x']))).toThrow(/PATH 'nope.wasm' does not exist/);
    expect(() => siteArgs(parseCommand(['site', 'test/fixtures/wasi-standin/standin.wasm']))).toThrow(/needs a PATH/);
    expect(() =>
      siteArgs(parseCommand(['site', 'test/fixtures/wasi-standin/standin.wasm', 'x', '--target', 'js'])),
    ).toThrow(/--target js needs a directory/);
  });
  it("refuses a DIR that is not a folder of the site's own in the current directory, as the action refuses `site`", () => {
    const wasm = 'test/fixtures/wasi-standin/standin.wasm';
    const js = 'test/fixtures/js-standin/dlmalloc';
    const dir =
      (d: string, path = wasm) =>
      () =>
        siteArgs(parseCommand(['site', path, d]));
    expect(dir('.')).toThrow(/^DIR '\.' \(.*\) is the current directory .*: give a folder of its own inside it/);
    expect(dir('..')).toThrow(/^DIR '\.\.' \(.*\) is an ancestor of the current directory /);
    expect(dir('test/..')).toThrow(/is the current directory /);
    expect(dir('/tmp/c2w-site')).toThrow(/is outside the current directory /);
    expect(dir('README.md')).toThrow(/is a regular file, not a folder/);
    expect(dir('docs')).toThrow(/that this action did not write \(it has no \.c2w-site marker\)/);
    expect(dir(js, js)).toThrow(/is the output /);
    expect(dir('test/fixtures/js-standin', js)).toThrow(/holds the output /);
    expect(dir(`${js}/site`, js)).toThrow(/is inside the output /);
    // convert --site: the same rules, named by the flag.
    expect(() => convertInputs(parseCommand(['convert', 'alpine:3.20', '--site', '..']))).toThrow(
      /^--site '\.\.' \(.*\) is an ancestor of the current directory /,
    );
    expect(() =>
      convertInputs(parseCommand(['convert', 'alpine:3.20', '--target', 'js', '--output', 'out/', '--site', 'out'])),
    ).toThrow(/^--site 'out' \(.*\) is the output /);
  });
  it('takes --runtime browser for smoke and --site for convert', () => {
    expect(parseCommand(['smoke', 'out.wasm', '--runtime', 'browser']).get('smoke-runtime')).toBe('browser');
    expect(parseCommand(['convert', 'alpine', '--site', '_site']).get('site')).toBe('_site');
    expect(() => parseCommand(['smoke', 'out.wasm', '--site', 'x'])).toThrow(/Unknown option '--site'/);
  });
});
