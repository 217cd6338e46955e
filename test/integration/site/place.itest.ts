// What `site` may name, through the bundled action as the runner runs it and through the command:
// a value that names the workspace, one of its ancestors, a folder outside it (a repository link
// included), the output or a folder holding it, a file, or a folder of someone else's files is
// refused when the inputs are read, before c2w is installed, and nothing is deleted. A folder that
// changes during the build is judged again before it is emptied, and that failure is the site's.
import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../harness/engine.js';
import { NODE24, ROOT, runJob } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';
import type { SiteConfig } from '../../../src/site/contract.js';

const exec = promisify(execFile);
const CLI = path.join(ROOT, 'dist/c2w-action.js');
const standin = path.join(ROOT, 'test/fixtures/wasi-standin/standin.wasm');

/** Every file, folder and link below `dir`, with contents: what must survive a refused run. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = path.join(rel, name);
      const st = lstatSync(path.join(dir, r));
      if (st.isSymbolicLink()) out[r] = `-> ${readlinkSync(path.join(dir, r))}`;
      else if (st.isDirectory()) {
        out[`${r}/`] = '';
        walk(r);
      } else out[r] = readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

/**
 * The runner's work folder as a hosted runner lays it out: `work/ws` is the workspace (a
 * repository with a user's docs and a link `site -> ../../elsewhere`), beside it a neighbour.
 */
function runnerFolders(): { base: string; ws: string } {
  const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'c2w-site-place-')));
  const ws = path.join(base, 'work', 'ws');
  mkdirSync(path.join(ws, 'sub'), { recursive: true });
  mkdirSync(path.join(ws, 'docs'));
  mkdirSync(path.join(base, 'work', 'neighbour'));
  mkdirSync(path.join(base, 'elsewhere'));
  writeFileSync(path.join(ws, 'README.md'), '# app\n');
  writeFileSync(path.join(ws, 'sub', 'main.c'), 'int main(void) { return 0; }\n');
  writeFileSync(path.join(ws, 'docs', 'index.md'), 'the docs\n');
  writeFileSync(path.join(base, 'work', 'neighbour', 'keep.txt'), 'another repository\n');
  writeFileSync(path.join(base, 'elsewhere', 'theirs.txt'), 'not the site\n');
  symlinkSync('../../elsewhere', path.join(ws, 'site'));
  return { base, ws };
}

describe('site is refused before anything is built (the action)', () => {
  const cases: [string, (ws: string) => Record<string, string>, RegExp][] = [
    ['${{ github.workspace }}', (ws) => ({ site: ws }), /Input 'site' '[^']*\/ws' is the workspace /],
    ['..', () => ({ site: '..' }), /Input 'site' '\.\.' \([^)]*\/work\) is an ancestor of the workspace /],
    ['sub/..', () => ({ site: 'sub/..' }), /Input 'site' 'sub\/\.\.' \([^)]*\/ws\) is the workspace /],
    ['../ws', () => ({ site: '../ws' }), /Input 'site' '\.\.\/ws' \([^)]*\/ws\) is the workspace /],
    [
      'a regular file',
      () => ({ site: 'README.md' }),
      /Input 'site' 'README\.md' \(.*\) is a regular file, not a folder/,
    ],
    [
      'out/ with output: out/',
      () => ({ site: 'out/', target: 'js', output: 'out/' }),
      /Input 'site' 'out\/' \(.*\) is the output /,
    ],
    [
      'a folder holding the output',
      () => ({ site: 'build', output: 'build/app.wasm' }),
      /Input 'site' 'build' \(.*\) holds the output .*build\/app\.wasm: writing the site would delete it/,
    ],
    [
      'a repository link site/ -> /elsewhere',
      () => ({ site: 'site/' }),
      /Input 'site' 'site\/' \([^)]*\/elsewhere\) is outside the workspace /,
    ],
    [
      'a folder of the user without the marker',
      () => ({ site: 'docs' }),
      /Input 'site' 'docs' \(.*\) is a folder holding 1 entry \(index\.md\) that this action did not write .*choose a new or empty folder, or delete this one yourself/,
    ],
  ];

  it.each(cases)('%s: the workspace and its neighbours survive; no c2w is installed', async (_name, given, error) => {
    const { base, ws } = runnerFolders();
    const before = tree(base);
    const r = await runJob({
      workspace: ws,
      runnerTemp: path.join(base, 'temp'),
      with: {
        image: TEST_IMAGE,
        ...given(ws),
        // Never reached: the inputs are refused first.
        'c2w-download-url': 'http://127.0.0.1:9/releases/download',
        cache: 'none',
        'upload-artifact': 'false',
        record: 'false',
      },
      timeoutMs: 60_000,
    });
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.log).toMatch(new RegExp(`::error::${error.source}`));
    // GITHUB_OUTPUT is still there to carry the error; the summary names the class.
    expect(`${r.main.outputs.error}`).toMatch(error);
    expect(r.main.summary).toContain('**Failed (inputs):**');
    expect(r.main.log).not.toMatch(/Install c2w|Convert /);
    expect(existsSync(path.join(ws, 'out'))).toBe(false);
    expect(existsSync(path.join(ws, 'build'))).toBe(false);
    const after = tree(base);
    // Only the runner's own folders (temp) may have been added.
    for (const [p, content] of Object.entries(before)) expect(after[p], p).toBe(content);
  });
});

describe('site is refused before anything is built (the command)', () => {
  it.each<[string, string[], RegExp]>([
    ['site PATH .', ['site', standin, '.'], /^c2w-action: DIR '\.' \(.*\/ws\) is the current directory /m],
    [
      'site PATH ..',
      ['site', standin, '..'],
      /^c2w-action: DIR '\.\.' \(.*\/work\) is an ancestor of the current directory /m,
    ],
    [
      'site PATH site/ (a link out)',
      ['site', standin, 'site/'],
      /DIR 'site\/' \(.*\/elsewhere\) is outside the current directory /,
    ],
    [
      'site PATH docs',
      ['site', standin, 'docs'],
      /DIR 'docs' \(.*\) is a folder holding 1 entry \(index\.md\) that this action did not write/,
    ],
    [
      'convert --site ../ws',
      ['convert', TEST_IMAGE, '--site', '../ws'],
      /^c2w-action: --site '\.\.\/ws' \(.*\/ws\) is the current directory /m,
    ],
  ])('%s: exit 2, nothing deleted', (_name, args, error) => {
    const { base, ws } = runnerFolders();
    const before = tree(base);
    const r = spawnSync(NODE24, [CLI, ...args], { cwd: ws, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(error);
    expect(tree(base)).toEqual(before);
  });

  it('site PATH DIR writes a new folder, and writes it again over the site it wrote', () => {
    const { ws } = runnerFolders();
    const run = () => spawnSync(NODE24, [CLI, 'site', standin, '_site', '--json'], { cwd: ws, encoding: 'utf8' });
    expect(run().status).toBe(0);
    writeFileSync(path.join(ws, '_site', 'stale.txt'), 'from before');
    const again = run();
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ site: { path: '_site' } });
    expect(existsSync(path.join(ws, '_site', 'stale.txt'))).toBe(false);
    expect(existsSync(path.join(ws, '_site', 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(ws, '_site', '.c2w-site'), 'utf8'))).toMatchObject({
      writer: 'c2w-action',
    });
  });
});

describe('the site folder when the site is written (the action, with a build)', () => {
  const h = useHarness({ runtime: true, name: 'site-place' });
  let ws = '';
  beforeAll(() => {
    ws = runnerFolders().ws;
  });

  /** The record a cell uploaded, downloaded as the report action does. */
  async function downloadRecord(name: string): Promise<Record<string, unknown>> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'c2w-site-record-'));
    await exec(NODE24, [path.join(ROOT, 'test/harness/actions-client.mjs'), 'artifact-download', name, dir], {
      cwd: ROOT,
      env: { ...process.env, ...h.runtime!.env },
    });
    return JSON.parse(readFileSync(path.join(dir, 'c2w-record.json'), 'utf8')) as Record<string, unknown>;
  }

  const inputs = { image: TEST_IMAGE, allocator: 'default', cache: 'none', 'upload-artifact': 'false', smoke: 'false' };

  it('writes a new folder with its marker, and empties only that folder on the next run', async () => {
    const first = await h.job({ ...inputs, site: '_site', record: 'false' }, { workspace: ws });
    expect(first.main.exitCode, first.main.log).toBe(0);
    expect(first.main.outputs['site-path']).toBe('_site');
    expect(existsSync(path.join(ws, '_site', '.c2w-site'))).toBe(true);
    writeFileSync(path.join(ws, '_site', 'stale.txt'), 'from the last run');
    const second = await h.job({ ...inputs, site: '_site', record: 'false' }, { workspace: ws });
    expect(second.main.exitCode, second.main.log).toBe(0);
    expect(existsSync(path.join(ws, '_site', 'stale.txt'))).toBe(false);
    // The module is written as gzip chunks listed in site.json.
    const packed = (JSON.parse(readFileSync(path.join(ws, '_site', 'c2w', 'site.json'), 'utf8')) as SiteConfig).packed;
    for (const c of packed?.['out.wasm']?.chunks ?? [{ file: 'missing' }]) {
      expect(existsSync(path.join(ws, '_site', 'container', c.file))).toBe(true);
    }
    expect(readFileSync(path.join(ws, 'docs', 'index.md'), 'utf8')).toBe('the docs\n');
  });

  it('judges the folder again before it is emptied: files that appeared during the build stop it, as a site failure', async () => {
    // Empty (so valid) when the inputs are read; the c2w stand-in logs its argv into it during the build.
    mkdirSync(path.join(ws, '_new'));
    const r = await h.job(
      { ...inputs, site: '_new', 'artifact-name': 'site-changed' },
      { workspace: ws, standin: { C2W_STANDIN_ARGV_LOG: path.join(ws, '_new', 'argv.log') } },
    );
    expect(r.main.exitCode, r.main.log).toBe(1);
    expect(r.main.log).toMatch(
      /::error::The site folder '_new' \(.*\/_new\) is a folder holding 1 entry \(argv\.log\) that this action did not write/,
    );
    expect(r.main.summary).toContain('**Failed (site):**');
    expect(readdirSync(path.join(ws, '_new'))).toEqual(['argv.log']);
    const record = await downloadRecord('c2w-record-site-changed');
    expect(record).toMatchObject({ result: 'failed', stage: 'site', failure: { class: 'site' } });
  });
});
