import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildC2wArgv, convert, describeEnd, needsActionsCache, type ConvertInputs } from '../../../src/c2w/convert.js';
import { setRunner } from '../../../src/lib/exec.js';

const base: ConvertInputs = {
  image: 'alpine:3.20',
  target: 'wasi',
  targetArch: 'amd64',
  buildArgs: [],
  debugImage: false,
  output: 'out.wasm',
  envPassthrough: [],
};

describe('buildC2wArgv', () => {
  it.each<[string, Partial<ConvertInputs>, string[], string[]]>([
    ['defaults', {}, [], ['--dockerfile=/t/Dockerfile', '--target-arch=amd64', '--', 'alpine:3.20', 'out.wasm']],
    [
      'js',
      { target: 'js', output: 'out/' },
      [],
      ['--dockerfile=/t/Dockerfile', '--target-arch=amd64', '--to-js', '--', 'alpine:3.20', 'out/'],
    ],
    [
      'riscv64 with build args and debug',
      {
        targetArch: 'riscv64',
        buildArgs: [
          { key: 'VM_MEMORY_SIZE_MB', value: '256' },
          { key: 'X', value: 'a b=c' },
        ],
        debugImage: true,
      },
      [],
      [
        '--dockerfile=/t/Dockerfile',
        '--target-arch=riscv64',
        '--build-arg=VM_MEMORY_SIZE_MB=256',
        '--build-arg=X=a b=c',
        '--debug-image',
        '--',
        'alpine:3.20',
        'out.wasm',
      ],
    ],
    [
      'extra flags keep their commas',
      {},
      ['--cache-from=type=local,src=/c', '--cache-to=type=local,dest=/n,mode=max', '--builder=b1'],
      [
        '--dockerfile=/t/Dockerfile',
        '--target-arch=amd64',
        '--extra-flag=--cache-from=type=local,src=/c',
        '--extra-flag=--cache-to=type=local,dest=/n,mode=max',
        '--extra-flag=--builder=b1',
        '--',
        'alpine:3.20',
        'out.wasm',
      ],
    ],
    [
      'digest image',
      { image: `alpine@sha256:${'a'.repeat(64)}`, output: 'dist/a.wasm' },
      [],
      ['--dockerfile=/t/Dockerfile', '--target-arch=amd64', '--', `alpine@sha256:${'a'.repeat(64)}`, 'dist/a.wasm'],
    ],
  ])('%s', (_name, overrides, extra, argv) => {
    expect(buildC2wArgv({ ...base, ...overrides }, '/t/Dockerfile', extra)).toEqual(argv);
  });

  it('never puts a flag after the image', () => {
    const argv = buildC2wArgv({ ...base, target: 'js', output: 'o/', debugImage: true }, '/d', ['--x=y']);
    const dashdash = argv.indexOf('--');
    expect(argv.slice(dashdash + 1)).toEqual(['alpine:3.20', 'o/']);
    expect(argv.slice(0, dashdash).every((a) => a.startsWith('--'))).toBe(true);
  });
});

describe('how c2w ended', () => {
  it.each<[string, { exitCode: number; signal?: NodeJS.Signals }, string]>([
    ['an exit code', { exitCode: 1 }, 'exit 1'],
    ['SIGKILL (the OOM killer)', { exitCode: 137, signal: 'SIGKILL' }, 'ended by SIGKILL'],
    ['SIGTERM', { exitCode: 143, signal: 'SIGTERM' }, 'ended by SIGTERM'],
  ])('%s', (_name, result, expected) => {
    expect(describeEnd(result)).toBe(expected);
  });

  it('names the signal in the error of a c2w that a signal ended', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'c2w-convert-'));
    const restore = setRunner(async () => ({ exitCode: 137, signal: 'SIGKILL', stdout: '', stderr: '' }));
    try {
      await expect(convert('/x/c2w', { ...base, output: path.join(out, 'out.wasm') }, '/t/Dockerfile')).rejects.toThrow(
        /^c2w failed \(ended by SIGKILL\)/,
      );
    } finally {
      restore();
    }
  });
});

describe('needsActionsCache', () => {
  it.each<[string[], boolean]>([
    [[], false],
    [['--builder=b'], false],
    [['--cache-from=type=local,src=/t/c', '--cache-to=type=local,dest=/t/n,mode=max,ignore-error=true'], false],
    [['--cache-from=type=registry,ref=r/gha:1'], false],
    [['--cache-from=type=gha,scope=s', '--cache-to=type=gha,scope=s,mode=max,ignore-error=true'], true],
  ])('%j → %s', (flags, expected) => {
    expect(needsActionsCache(flags)).toBe(expected);
  });

  it('hands c2w the Actions runtime variables only for the gha cache backend', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'c2w-convert-'));
    const seen: (boolean | undefined)[] = [];
    const restore = setRunner(async (_file, _args, options) => {
      seen.push(options?.envNeeds?.actionsCache);
      return { exitCode: 1, stdout: '', stderr: '' };
    });
    try {
      const inputs = { ...base, output: path.join(out, 'out.wasm') };
      await expect(convert('/x/c2w', inputs, '/t/D', ['--cache-from=type=local,src=/c'])).rejects.toThrow();
      await expect(convert('/x/c2w', inputs, '/t/D', ['--cache-from=type=gha,scope=s'])).rejects.toThrow();
    } finally {
      restore();
    }
    expect(seen).toEqual([false, true]);
  });
});
