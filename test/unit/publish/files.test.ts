// The sha256 listing, the artifact's file list and the release tarball come from one walk of the
// output folder: the same files, the same order, one symlink rule. Real files in a temp folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkJsOutput, hashDirectory } from '../../../src/c2w/convert.js';
import { artifactFiles } from '../../../src/publish/publish.js';
import { writeDeterministicTarGz } from '../../../src/publish/tarball.js';

let tmp: string;
let js: string;

beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-files-')));
  js = path.join(tmp, 'out');
  fs.mkdirSync(path.join(js, 'htdocs', 'containers'), { recursive: true });
  fs.writeFileSync(path.join(js, 'out.js'), 'console.log(1)\n');
  fs.writeFileSync(path.join(js, 'htdocs', 'containers', 'out.wasm'), Buffer.alloc(3000, 1));
  fs.writeFileSync(path.join(js, 'htdocs', 'index.html'), '<html></html>');
  fs.writeFileSync(path.join(js, 'htdocs-notes.txt'), 'sorts between htdocs and htdocs/');
  fs.writeFileSync(path.join(js, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Files of a .tar.gz as the system tar lists them (directories dropped). */
function tarFiles(tgz: string): string[] {
  return execFileSync('tar', ['-tzf', tgz])
    .toString()
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('/'));
}

describe('one walk of a js output', () => {
  it('with a symlink to a file inside, sha256, artifact and tarball hold the same files in the same order', async () => {
    fs.symlinkSync('containers/out.wasm', path.join(js, 'htdocs', 'alias.wasm'));
    const hashed = await hashDirectory(js);
    const artifact = await artifactFiles({ path: js, target: 'js' });
    const tgz = path.join(tmp, 'o.tar.gz');
    await writeDeterministicTarGz(js, tgz);
    const expected = [
      'htdocs-notes.txt',
      'htdocs/alias.wasm',
      'htdocs/containers/out.wasm',
      'htdocs/index.html',
      'out.js',
      'run.sh',
    ];
    expect(hashed.files).toEqual(expected);
    expect(artifact.files.map((f) => path.relative(artifact.root, f))).toEqual(expected);
    expect(tarFiles(tgz)).toEqual(expected);
    // The sha256 output covers the link's content under the link's name.
    const listing = expected.map((f) => `${sha(fs.readFileSync(path.join(js, f)))}  ${f}\n`).join('');
    expect(hashed.sha256).toBe(sha(listing));
  });

  it.each([
    ['outside the folder', () => path.join(tmp, 'secret.txt'), /outside the folder/],
    ['to a directory', () => 'htdocs', /not a regular file/],
    ['dangling', () => 'nowhere', /does not exist/],
  ])('a symlink %s is refused by all three, naming it', async (_name, target, words) => {
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'token');
    fs.symlinkSync(target(), path.join(js, 'link'));
    await expect(checkJsOutput(js)).rejects.toThrow(words);
    await expect(artifactFiles({ path: js, target: 'js' })).rejects.toThrow(/out\/link is a symlink/);
    await expect(writeDeterministicTarGz(js, path.join(tmp, 'o.tar.gz'))).rejects.toThrow(words);
  });
});

describe('release tarball', () => {
  it('is the same bytes for the same files, whatever their times, owners or umask', async () => {
    const a = path.join(tmp, 'a.tar.gz');
    const b = path.join(tmp, 'b.tar.gz');
    await writeDeterministicTarGz(js, a);
    const later = new Date(Date.now() + 3600_000);
    for (const f of ['run.sh', 'htdocs/index.html', 'htdocs']) fs.utimesSync(path.join(js, f), later, later);
    fs.chmodSync(path.join(js, 'out.js'), 0o600);
    await writeDeterministicTarGz(js, b);
    expect(sha(fs.readFileSync(b))).toBe(sha(fs.readFileSync(a)));
    const listing = execFileSync('tar', ['-tvzf', b]).toString();
    expect(listing).toMatch(/-rwxr-xr-x 0\/0 +10 1970-01-01 00:00 run\.sh/);
    expect(listing).toMatch(/-rw-r--r-- 0\/0 +15 1970-01-01 00:00 out\.js/);
    expect(listing).toMatch(/drwxr-xr-x 0\/0 +0 1970-01-01 00:00 htdocs\//);
    // gzip header: no file name flag, mtime 0.
    const head = fs.readFileSync(b).subarray(0, 10);
    expect(head[3]! & 0x08).toBe(0);
    expect(head.readUInt32LE(4)).toBe(0);
  });

  it('carries a path longer than 255 bytes, which the system tar extracts', async () => {
    const deep = path.join(js, ...Array.from({ length: 6 }, (_, i) => `${'d'.repeat(40)}${i}`));
    fs.mkdirSync(deep, { recursive: true });
    const name = `${'f'.repeat(60)}.wasm`;
    fs.writeFileSync(path.join(deep, name), 'long');
    const rel = path.relative(js, path.join(deep, name));
    expect(Buffer.byteLength(rel)).toBeGreaterThan(255);
    const tgz = path.join(tmp, 'long.tar.gz');
    await writeDeterministicTarGz(js, tgz);
    const x = path.join(tmp, 'x');
    fs.mkdirSync(x);
    execFileSync('tar', ['-xzf', tgz, '-C', x]);
    expect(fs.readFileSync(path.join(x, rel), 'utf8')).toBe('long');
    expect(fs.readFileSync(path.join(x, 'htdocs/containers/out.wasm'))).toEqual(Buffer.alloc(3000, 1));
  });
});
