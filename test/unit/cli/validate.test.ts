import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../../src/cli/flags.js';
import { convertInputs } from '../../../src/cli/validate.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2w-validate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const convert =
  (...args: string[]) =>
  () =>
    convertInputs(parseCommand(['convert', 'alpine:3.20', ...args]));

describe('convert --dockerfile: the same host check as the action, without a workspace', () => {
  it('accepts a regular file anywhere', () => {
    const file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, 'FROM scratch\n');
    expect(convert('--dockerfile', file)().dockerfile).toBe(file);
  });

  it.each([
    ['a directory', dir, /^--dockerfile names '.*', which is not a regular file$/],
    ['a missing file', path.join(dir, 'nope'), /^--dockerfile names '.*nope', which does not exist$/],
    [
      'the environment of a process',
      '/proc/self/environ',
      /^--dockerfile names '\/proc\/self\/environ' \(\/proc\/\d+\/environ\), which is a system file/,
    ],
    ['a device', '/dev/null', /^--dockerfile names '\/dev\/null', which is a system file/],
  ])('refuses %s, naming the flag', (_name, file, words) => {
    expect(convert('--dockerfile', file)).toThrow(UsageError);
    expect(convert('--dockerfile', file)).toThrow(words);
  });
});

describe('convert --output', () => {
  it('refuses a dangling symbolic link before anything runs, naming the flag', () => {
    const link = path.join(dir, 'web');
    fs.symlinkSync(path.join(dir, 'gone'), link);
    expect(convert('--target', 'js', '--output', link)).toThrow(
      /^--output '.*web\/'.*: .*web is a symbolic link to .*gone, which does not exist/,
    );
  });
});
