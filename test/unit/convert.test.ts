import { describe, expect, it } from 'vitest';
import { buildC2wArgv, type ConvertInputs } from '../../src/convert.js';

const base: ConvertInputs = {
  image: 'alpine:3.20',
  target: 'wasi',
  targetArch: 'amd64',
  buildArgs: [],
  debugImage: false,
  output: 'out.wasm',
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
