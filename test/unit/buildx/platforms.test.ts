// Reading a builder's platforms from `docker buildx inspect`, as buildx prints them.
import { describe, expect, it } from 'vitest';
import { judgePlatforms, missingAmd64Message, parseNodePlatforms } from '../../../src/buildx/platforms.js';

const inspect = (...platformLines: string[]) =>
  [
    'Name:          b',
    'Driver:        docker-container',
    '',
    'Nodes:',
    ...platformLines.flatMap((p, i) => [
      `Name:             b${i}`,
      'Status:           running',
      `Platforms:        ${p}`,
      'Labels:',
    ]),
  ].join('\n');

describe('parseNodePlatforms and judgePlatforms', () => {
  it.each([
    // This machine's engine (amd64).
    ['an x64 runner', inspect('linux/amd64, linux/amd64/v2, linux/amd64/v3'), { kind: 'native' }],
    // An arm64 runner: arm64 runs arm/v7 and arm/v6 itself.
    [
      'an arm64 runner',
      inspect('linux/arm64, linux/arm/v7, linux/arm/v6'),
      { kind: 'missing', platforms: ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6'] },
    ],
    // The same after docker/setup-qemu-action: the emulators are listed after the native platform.
    [
      'an arm64 runner with QEMU',
      inspect('linux/arm64, linux/arm/v7, linux/arm/v6, linux/amd64, linux/amd64/v2, linux/riscv64, linux/386'),
      { kind: 'emulated', native: 'linux/arm64' },
    ],
    // `docker buildx create --platform linux/arm64` on this machine's engine: the configured one first, marked.
    [
      'a configured platform first',
      inspect('linux/arm64*, linux/amd64, linux/amd64/v2, linux/amd64/v3'),
      { kind: 'native' },
    ],
    [
      'amd64 configured on an arm64 node',
      inspect('linux/amd64*, linux/arm64, linux/arm/v7'),
      { kind: 'emulated', native: 'linux/arm64' },
    ],
    [
      'two nodes, one of them amd64',
      inspect('linux/arm64, linux/arm/v7', 'linux/amd64, linux/386'),
      { kind: 'native' },
    ],
    ['no Platforms line', 'Name: b\nDriver: remote\n', { kind: 'unknown' }],
    ['an empty Platforms line (a node not started)', inspect(''), { kind: 'unknown' }],
  ])('%s', (_name, text, verdict) => {
    expect(judgePlatforms(parseNodePlatforms(text))).toEqual(verdict);
  });
});

describe('missingAmd64Message', () => {
  it('names the cause and both fixes', () => {
    const message = missingAmd64Message('default', ['linux/arm64', 'linux/arm/v7']);
    expect(message).toContain("The builder 'default' cannot build linux/amd64: it runs linux/arm64, linux/arm/v7");
    expect(message).toContain('--platform=linux/amd64');
    expect(message).toContain('docker/setup-qemu-action');
    expect(message).toContain('x64 runner');
  });
});
