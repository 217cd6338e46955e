import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkSitePlace,
  judgeSite,
  MARKER_TEXT,
  prepareSiteFolder,
  SITE_MARKER,
  sitePlaceOf,
  type SiteState,
} from '../../../src/site/folder.js';
import { SiteError } from '../../../src/site/error.js';
import { failureOf } from '../../../src/record/record.js';

// The workspace of a hosted runner, and the paths the observed values of `site` resolve to.
const WS = '/home/runner/work/app/app';
const OUT = `${WS}/out`;
const at = (p: string) => path.resolve(WS, p);
const absent: SiteState = { kind: 'absent' };
const empty: SiteState = { kind: 'folder', entries: [], marked: false };

describe('judgeSite: where a site may be written, with every path resolved', () => {
  it.each<[string, string, string, SiteState, RegExp | 'create' | 'fill' | 'empty']>([
    // [what was written, the site resolved, the output resolved, what is there, verdict]
    [
      '${{ github.workspace }}',
      WS,
      OUT,
      { kind: 'folder', entries: ['src'], marked: false },
      /^is the workspace \/home\/runner\/work\/app\/app: give a folder of its own/,
    ],
    [
      '..',
      at('..'),
      OUT,
      { kind: 'folder', entries: ['app'], marked: false },
      /^is an ancestor of the workspace .*: writing the site would delete it/,
    ],
    ['sub/..', at('sub/..'), OUT, { kind: 'folder', entries: ['src'], marked: false }, /^is the workspace /],
    [
      '../app (the workspace by another name)',
      at('../app'),
      OUT,
      { kind: 'folder', entries: ['src'], marked: false },
      /^is the workspace /,
    ],
    [
      '/ (the root)',
      '/',
      OUT,
      { kind: 'folder', entries: ['home'], marked: false },
      /^is an ancestor of the workspace/,
    ],
    [
      'a regular file',
      at('README.md'),
      OUT,
      { kind: 'not-folder', what: 'a regular file' },
      /^is a regular file, not a folder: .*give a new or empty folder/,
    ],
    [
      'out/ with output: out/',
      OUT,
      OUT,
      absent,
      /^is the output \/home\/runner\/work\/app\/app\/out: give a folder of the site's own/,
    ],
    [
      'a folder holding the output (output: build/out/)',
      at('build'),
      at('build/out'),
      absent,
      /^holds the output .*build\/out: writing the site would delete it; give a folder beside it/,
    ],
    [
      'a folder holding a wasi output (output: web/app.wasm)',
      at('web'),
      at('web/app.wasm'),
      absent,
      /^holds the output /,
    ],
    ['a folder inside the output', at('out/site'), OUT, absent, /^is inside the output /],
    [
      'a link site/ -> /elsewhere',
      '/elsewhere',
      OUT,
      { kind: 'folder', entries: ['secret'], marked: false },
      /^is outside the workspace \/home\/runner\/work\/app\/app: give a folder inside it/,
    ],
    ['/tmp/site', '/tmp/site', OUT, absent, /^is outside the workspace/],
    [
      'a link whose target does not exist',
      at('_site'),
      OUT,
      { kind: 'dangling', link: at('_site') },
      /^leads through the symbolic link .*_site, whose target does not exist/,
    ],
    [
      'an existing folder of the user, without the marker',
      at('docs'),
      OUT,
      { kind: 'folder', entries: ['index.md', 'a.png'], marked: false },
      /^is a folder holding 2 entries \(a\.png, index\.md\) that this action did not write \(it has no \.c2w-site marker\).*choose a new or empty folder, or delete this one yourself/,
    ],
    [
      'a folder of many entries, one with a line break in its name',
      at('docs'),
      OUT,
      { kind: 'folder', entries: ['a', 'b\n::error::x', 'c', 'd', 'e', 'f'], marked: false },
      /^is a folder holding 6 entries \(a, b\?::error::x, c, d, e, \.\.\.\)/,
    ],
    [
      'an existing site this action wrote',
      at('_site'),
      OUT,
      { kind: 'folder', entries: ['.c2w-site', 'index.html'], marked: true },
      'empty',
    ],
    ['an empty existing folder', at('_site'), OUT, empty, 'fill'],
    ['a new folder', at('_site'), OUT, absent, 'create'],
    ['a new folder below new folders', at('pages/a/b'), OUT, absent, 'create'],
    ['a folder beside the output whose name starts like it', at('out-site'), OUT, absent, 'create'],
  ])('%s', (_written, site, output, state, expected) => {
    const verdict = judgeSite({ root: WS, rootName: 'the workspace', output, site, state });
    if (typeof expected === 'string') expect(verdict).toEqual({ ok: true, prepare: expected });
    else {
      expect(verdict.ok).toBe(false);
      expect(verdict.ok ? '' : verdict.problem).toMatch(expected);
    }
  });

  it("names the command's workspace as what it is: the current directory", () => {
    const verdict = judgeSite({
      root: WS,
      rootName: 'the current directory',
      output: OUT,
      site: at('..'),
      state: empty,
    });
    expect(verdict).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^is an ancestor of the current directory /),
    });
  });
});

describe('the site folder on disk', () => {
  let base = '';
  let ws = '';
  let outside = '';
  const root = () => ({ dir: ws, name: 'the workspace' });
  beforeEach(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'c2w-site-folder-')));
    ws = path.join(base, 'work', 'ws');
    outside = path.join(base, 'elsewhere');
    mkdirSync(path.join(ws, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(ws, 'keep.txt'), 'keep');
    writeFileSync(path.join(outside, 'theirs.txt'), 'theirs');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it.each([
    ['the workspace', () => ws, /Input 'site' '.*\/ws' is the workspace /],
    ['..', () => `${ws}/..`, /is an ancestor of the workspace /],
    ['sub/..', () => `${ws}/sub/..`, /'.*\/ws\/sub\/\.\.' \(.*\/ws\) is the workspace /],
    ['../ws', () => `${ws}/../ws`, /is the workspace /],
    ['a regular file', () => path.join(ws, 'keep.txt'), /is a regular file, not a folder/],
    [
      'a link to a folder outside',
      () => (symlinkSync(outside, path.join(ws, 'site')), path.join(ws, 'site')),
      /\(.*\/elsewhere\) is outside the workspace/,
    ],
    [
      'a link on the way to a new folder outside',
      () => (symlinkSync(outside, path.join(ws, 'pages')), path.join(ws, 'pages/site')),
      /\(.*\/elsewhere\/site\) is outside the workspace/,
    ],
    [
      'a dangling link',
      () => (symlinkSync(path.join(base, 'none'), path.join(ws, 'site')), path.join(ws, 'site')),
      /leads through the symbolic link .*\/ws\/site, whose target does not exist/,
    ],
    ['a folder of the user', () => path.join(ws, 'sub'), null],
  ])('refuses %s when the inputs are read, deleting nothing', (_name, site, message) => {
    if (message === null) writeFileSync(path.join(ws, 'sub', 'notes.md'), 'mine');
    expect(() => checkSitePlace(site(), path.join(ws, 'out'), root())).toThrow(
      message ?? /is a folder holding 1 entry \(notes\.md\) that this action did not write/,
    );
    expect(readFileSync(path.join(ws, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(outside)).toEqual(['theirs.txt']);
  });

  it('a link to a folder inside the workspace is judged, and written, at its target', async () => {
    mkdirSync(path.join(ws, 'pages'));
    symlinkSync(path.join(ws, 'pages'), path.join(ws, 'site'));
    const place = sitePlaceOf(path.join(ws, 'site'), path.join(ws, 'out'), root());
    expect(place.site).toBe(path.join(ws, 'pages'));
    expect(judgeSite(place)).toEqual({ ok: true, prepare: 'fill' });
    expect(await prepareSiteFolder(path.join(ws, 'site'), path.join(ws, 'out'), root())).toBe(path.join(ws, 'pages'));
    expect(readdirSync(path.join(ws, 'pages'))).toEqual([SITE_MARKER]);
  });

  it('creates a new folder and leaves the marker; empties it again, links removed, not followed', async () => {
    const site = path.join(ws, '_site');
    expect(await prepareSiteFolder(site, path.join(ws, 'out'), root())).toBe(site);
    expect(readFileSync(path.join(site, SITE_MARKER), 'utf8')).toBe(MARKER_TEXT);
    mkdirSync(path.join(site, 'c2w'));
    writeFileSync(path.join(site, 'index.html'), 'old');
    symlinkSync(outside, path.join(site, 'c2w', 'out'));
    symlinkSync(path.join(outside, 'theirs.txt'), path.join(site, 'theirs.txt'));
    await prepareSiteFolder(site, path.join(ws, 'out'), root());
    expect(readdirSync(site)).toEqual([SITE_MARKER]);
    expect(readdirSync(outside)).toEqual(['theirs.txt']);
    expect(readFileSync(path.join(outside, 'theirs.txt'), 'utf8')).toBe('theirs');
  });

  it("a marker that is not this action's (a link, or other JSON) does not make a folder its own", async () => {
    const site = path.join(ws, 'docs');
    mkdirSync(site);
    writeFileSync(path.join(site, 'index.md'), 'mine');
    writeFileSync(path.join(outside, 'marker'), MARKER_TEXT);
    symlinkSync(path.join(outside, 'marker'), path.join(site, SITE_MARKER));
    await expect(prepareSiteFolder(site, path.join(ws, 'out'), root())).rejects.toThrow(/did not write/);
    rmSync(path.join(site, SITE_MARKER));
    writeFileSync(path.join(site, SITE_MARKER), '{"writer":"someone else"}');
    await expect(prepareSiteFolder(site, path.join(ws, 'out'), root())).rejects.toThrow(/did not write/);
    expect(readFileSync(path.join(site, 'index.md'), 'utf8')).toBe('mine');
  });

  it('judges the folder again when it writes: a folder that changed since the inputs were read is refused', async () => {
    const site = path.join(ws, '_site');
    const output = path.join(ws, 'out');
    // Valid when the inputs were read: a new folder.
    checkSitePlace(site, output, root());
    // During the build it became a link to a folder outside the workspace.
    symlinkSync(outside, site);
    const e = await prepareSiteFolder(site, output, root()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SiteError);
    expect((e as Error).message).toMatch(/^The site folder '.*_site' \(.*\/elsewhere\) is outside the workspace/);
    expect(readdirSync(outside)).toEqual(['theirs.txt']);
    // Or a folder of someone else's files.
    rmSync(site);
    mkdirSync(site);
    writeFileSync(path.join(site, 'argv.log'), '[]');
    await expect(prepareSiteFolder(site, output, root())).rejects.toThrow(/holding 1 entry \(argv\.log\)/);
    expect(readdirSync(site)).toEqual(['argv.log']);
  });

  it('a site failure is classed `site`, whatever stage the run was in', () => {
    const f = failureOf('install', new SiteError('The site folder x is outside the workspace'), () => undefined);
    expect(f.class).toBe('site');
  });
});
