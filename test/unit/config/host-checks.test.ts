import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/config/errors.js';
import { checkDockerfile, checkOutputPlace } from '../../../src/config/host-checks.js';

describe('host checks (getInputs and the command)', () => {
  let ws: string;
  let outside: string;
  beforeEach(() => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-inputs-')));
    ws = path.join(root, 'workspace');
    outside = path.join(root, 'elsewhere');
    fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(path.dirname(ws), { recursive: true, force: true }));

  const refused = (fn: () => void): InputError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('not refused');
  };

  // Rows: target, output (relative to the workspace unless absolute), what the message says.
  it.each([
    ['js', '.', /is the workspace/],
    ['js', './', /is the workspace/],
    ['js', '..', /is an ancestor of the workspace/],
    ['js', '/', /is an ancestor of the workspace/],
    ['js', '../elsewhere/web', /is outside the workspace/],
    ['js', 'dangling/', /dangling is a symbolic link to .*nowhere, which does not exist/],
    ['js', 'dangling/web/', /dangling is a symbolic link to .*nowhere, which does not exist/],
    ['wasi', 'dangling', /dangling is a symbolic link to .*nowhere, which does not exist/],
    ['js', '.git', /already holds 1 entry \(config\)/],
    ['js', 'link-to-root/', /is an ancestor of the workspace/],
    ['wasi', '../out.wasm', /is outside the workspace/],
    ['wasi', '/tmp/out.wasm', /is outside the workspace/],
    ['wasi', 'link-to-elsewhere/out.wasm', /is outside the workspace/],
    ['wasi', '.git', /is a directory/],
  ] as const)('%s output %s is refused, naming output', (target, output, words) => {
    fs.symlinkSync('/', path.join(ws, 'link-to-root'));
    fs.symlinkSync(outside, path.join(ws, 'link-to-elsewhere'));
    fs.symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'dangling'));
    const given = path.isAbsolute(output) ? output : path.join(ws, output);
    const e = refused(() => checkOutputPlace(target, given, ws));
    expect(e.input).toBe('output');
    expect(e.message).toMatch(words);
  });

  it.each([
    ['js', 'out/'],
    ['js', 'site/htdocs'],
    ['wasi', 'out.wasm'],
    ['wasi', 'dist/app.wasm'],
    // A name that starts with two dots is a name, not the parent.
    ['js', '..web/'],
    ['js', '../workspace/..web/'],
    ['wasi', '..out.wasm'],
  ] as const)('%s output %s inside the workspace is accepted', (target, output) => {
    expect(() => checkOutputPlace(target, path.join(ws, output), ws)).not.toThrow();
  });

  it('an existing empty js directory is accepted; once it holds a file it is refused', () => {
    fs.mkdirSync(path.join(ws, 'web'));
    expect(() => checkOutputPlace('js', path.join(ws, 'web/'), ws)).not.toThrow();
    fs.writeFileSync(path.join(ws, 'web', 'stale.js'), '');
    expect(refused(() => checkOutputPlace('js', path.join(ws, 'web/'), ws)).message).toMatch(
      /already holds 1 entry \(stale\.js\).*must be empty or absent/,
    );
  });

  it('a relative output is resolved against the current directory', () => {
    const cwd = process.cwd();
    process.chdir(ws);
    try {
      expect(refused(() => checkOutputPlace('js', './', ws)).message).toMatch(/is the workspace/);
      expect(() => checkOutputPlace('js', 'out/', ws)).not.toThrow();
    } finally {
      process.chdir(cwd);
    }
  });

  it('dockerfile must be a regular file', () => {
    fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\n');
    expect(() => checkDockerfile(path.join(ws, 'Dockerfile'), ws)).not.toThrow();
    const dir = refused(() => checkDockerfile(ws));
    expect(dir.input).toBe('dockerfile');
    expect(dir.message).toContain('which is not a regular file');
    expect(refused(() => checkDockerfile(path.join(ws, 'nope'))).message).toContain('which does not exist');
  });

  // /proc/self/environ stats as a regular file and holds the tokens of the process that reads it.
  it.each([
    ['a link to /proc/self/environ', '/proc/self/environ', /\(\/proc\/\d+\/environ\), which is a system file/],
    ['a link to /dev/null', '/dev/null', /\(\/dev\/null\), which is a system file/],
    ['a link to a file outside the workspace', 'OUTSIDE', /which is outside the workspace/],
  ])('dockerfile: %s in the workspace is refused', (_name, target, words) => {
    const file = path.join(outside, 'Dockerfile');
    fs.writeFileSync(file, 'FROM scratch\n');
    fs.symlinkSync(target === 'OUTSIDE' ? file : target, path.join(ws, 'Dockerfile'));
    const e = refused(() => checkDockerfile(path.join(ws, 'Dockerfile'), ws));
    expect(e.input).toBe('dockerfile');
    expect(e.message).toMatch(words);
  });

  it('dockerfile: pseudo files are refused without a workspace too (the command); a file anywhere is not', () => {
    expect(refused(() => checkDockerfile('/proc/self/environ')).message).toMatch(/which is a system file/);
    expect(refused(() => checkDockerfile('/dev/zero')).message).toMatch(/which is a system file/);
    const file = path.join(outside, 'Dockerfile');
    fs.writeFileSync(file, 'FROM scratch\n');
    expect(() => checkDockerfile(file)).not.toThrow();
    expect(refused(() => checkDockerfile(file, ws)).message).toMatch(/which is outside the workspace/);
  });
});
