import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FLAGS, GITHUB_ONLY, parseCommand, UsageError } from '../../../src/cli/flags.js';
import { helpText } from '../../../src/cli/help.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertInputs, smokeInputs } from '../../../src/cli/validate.js';

const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>;
};
const inputs = Object.keys(action.inputs);

describe('flags of the command and inputs of the action', () => {
  it('every action input has a flag (image: the IMAGE argument) or is listed as GitHub-only, not both', () => {
    for (const input of inputs) {
      const flagged = input === 'image' || FLAGS.some((f) => f.input === input);
      expect({ input, flagged, githubOnly: input in GITHUB_ONLY }).toEqual({
        input,
        flagged: !(input in GITHUB_ONLY),
        githubOnly: !flagged,
      });
    }
  });

  it('every flag and GitHub-only entry names an input that exists', () => {
    for (const f of FLAGS) expect(inputs).toContain(f.input);
    for (const input of Object.keys(GITHUB_ONLY)) expect(inputs).toContain(input);
  });

  it('--help lists every flag and says publishing is not part of the command', () => {
    const help = helpText('convert');
    for (const f of FLAGS) expect(help).toContain(`--${f.flag}`);
    for (const input of Object.keys(GITHUB_ONLY)) expect(help).toContain(`  ${input} `);
    expect(help).toMatch(/Publishing \(artifacts, releases\) is\s+not part of the command/);
  });
});

describe('parseCommand feeds parseInputs', () => {
  const convert = (...args: string[]) => convertInputs(parseCommand(['convert', ...args]));

  it.each([
    [['alpine:3.20'], { image: 'alpine:3.20', target: 'wasi', output: 'out.wasm', smoke: true, smokeRuns: 1 }],
    [['alpine', '--target', 'js'], { target: 'js', output: 'out/' }],
    [
      ['alpine', '--build-arg', 'A=1', '--build-arg', 'B=x=y'],
      {
        buildArgs: [
          { key: 'A', value: '1' },
          { key: 'B', value: 'x=y' },
        ],
      },
    ],
    [['alpine', '--no-smoke', '--debug-image'], { smoke: false, debugImage: true }],
    [['alpine', '--', 'uname', '-a'], { smokeCommand: ['uname', '-a'] }],
    [['alpine', '--smoke-command', 'echo', '--smoke-command', 'hi'], { smokeCommand: ['echo', 'hi'] }],
    [
      ['alpine', '--target', 'js', '--allocator-fallback', 'dlmalloc', '--allocator-fallback', 'mimalloc'],
      { allocatorFallback: ['dlmalloc', 'mimalloc'] },
    ],
    [
      ['alpine', '--smoke-env', 'A=1', '--smoke-runs', '3', '--smoke-timeout', '60'],
      { smokeEnv: [{ key: 'A', value: '1' }], smokeRuns: 3, smokeTimeoutSeconds: 60 },
    ],
    [
      ['alpine', '--cache', 'registry', '--cache-ref', 'ghcr.io/o/a:c'],
      { cache: 'registry', cacheRef: 'ghcr.io/o/a:c' },
    ],
  ])('%j', (argv, expected) => {
    expect(convert(...argv)).toMatchObject(expected);
  });

  it.each([
    [[], 'convert needs an IMAGE, e.g. c2w-action convert alpine:3.20'],
    [['a', 'b'], 'convert takes one IMAGE; got a b (put the smoke command after --)'],
    [['Bad Image'], "IMAGE 'Bad Image' contains white space"],
    [['alpine', '--smoke-runs', '0'], "--smoke-runs must be a whole number from 1 to 20; got '0'"],
    [
      ['alpine', '--build-arg', 'nokey'],
      "--build-arg needs one KEY=VALUE per line (KEY: letters, digits, _); line 1 has no '='",
    ],
    [['alpine', '--allocator', 'tcmalloc'], /^--allocator must be one of emmalloc, .*; got 'tcmalloc'$/],
    [['alpine', '--no-smoke', '--smoke-expect', '('], /^--smoke-expect is not a regular expression/],
    [['alpine', '--cache', 'registry'], /^--cache-ref is required with cache: registry/],
    [['alpine', '--cache', 'gha'], /^--cache gha is GitHub's cache service/],
    [
      ['alpine', '--dockerfile', '/no/such/Dockerfile'],
      "--dockerfile names '/no/such/Dockerfile', which does not exist",
    ],
    [['alpine', '--c2w', '/no/such/c2w'], "--c2w names '/no/such/c2w', which is not a file"],
    [
      ['alpine', '--smoke-command', 'x', '--', 'y'],
      'give the smoke command either after -- or as --smoke-command, not both',
    ],
    [['alpine', '--nope'], "Unknown option '--nope' (see c2w-action convert --help)"],
    [['alpine', '--target'], "Option '--target <value>' argument missing (see c2w-action convert --help)"],
    [['alpine', '--smoke-env', `A=${'x'.repeat(1100)}`], /^--smoke-env is too long: .*1024-byte budget/],
  ])('%j is bad usage: %s', (argv, message) => {
    let error: unknown;
    try {
      convert(...argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });

  it('knows only its verbs', () => {
    expect(() => parseCommand(['build', 'alpine'])).toThrow("unknown command 'build': use convert, smoke or site");
    expect(parseCommand([]).verb).toBe('help');
    expect(parseCommand(['convert', '--help']).options.help).toBe(true);
  });

  it('smoke takes only the boot flags', () => {
    expect(() => parseCommand(['smoke', 'out.wasm', '--target-arch', 'arm'])).toThrow(/Unknown option '--target-arch'/);
    expect(parseCommand(['smoke', 'out.wasm', '--smoke-runs', '2', '--', 'ls', '/']).rest).toEqual(['ls', '/']);
  });
});

describe('smoke PATH: the target follows PATH', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-smoke-'));
  const wasm = path.join(dir, 'a.wasm');
  writeFileSync(wasm, '');
  mkdirSync(path.join(dir, 'js'));
  const smoke = (...args: string[]) => smokeInputs(parseCommand(['smoke', ...args]));

  it('a file is wasi, a directory js; the command after --', () => {
    expect(smoke(wasm)).toMatchObject({ target: 'wasi', path: wasm, smokeCommand: ['echo', 'c2w-smoke-ok'] });
    expect(smoke(path.join(dir, 'js'), '--', 'ls', '/')).toMatchObject({ target: 'js', smokeCommand: ['ls', '/'] });
  });

  it.each([
    [[], 'smoke needs one PATH: a .wasm file (wasi) or a js output directory'],
    [['/no/such.wasm'], "PATH '/no/such.wasm' does not exist"],
    [['{wasm}', '--target', 'js'], /^--target js needs a directory; '.*a\.wasm' is a file$/],
    [['{wasm}', '--smoke-timeout', '0'], "--smoke-timeout must be a whole number from 1 to 3600; got '0'"],
  ])('%j is bad usage', (argv, message) => {
    const run = () => smoke(...argv.map((a) => a.replace('{wasm}', wasm)));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });
});
