// chooseBuilder decides from what `docker buildx inspect` and `docker info` print. The exec seam
// stands in for the docker CLI here (the integration tests run the real one on a containerd-store
// engine, which can always export; a classic-store engine is not available on this machine).
import { afterEach, describe, expect, it } from 'vitest';
import { chooseBuilder } from '../../src/cache.js';
import { setRunner, type RunResult } from '../../src/exec.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function fakeDocker(answers: Record<string, Partial<RunResult>>): string[][] {
  const calls: string[][] = [];

  restore = setRunner(async (file, args) => {
    calls.push([file, ...args]);
    const key = [file, ...args].join(' ');
    const answer = Object.entries(answers).find(([prefix]) => key.startsWith(prefix))?.[1] ?? {};
    return { exitCode: 0, stdout: '', stderr: '', ...answer };
  });
  return calls;
}

const CLASSIC = '[["Backing Filesystem","extfs"],["Supports d_type","true"]]';
const CONTAINERD = '[["driver-type","io.containerd.snapshotter.v1"]]';

describe('chooseBuilder', () => {
  it('creates a docker-container builder when the docker driver has the classic store', async () => {
    const calls = fakeDocker({
      'docker buildx inspect': { stdout: 'Name: default\nDriver: docker\n' },
      'docker info': { stdout: CLASSIC },
    });
    const choice = await chooseBuilder({ cache: 'local' }, '777');
    expect(choice).toEqual({ name: `c2w-action-777-${process.pid}`, created: true, canExport: true });
    expect(calls.at(-1)).toEqual([
      'docker',
      'buildx',
      'create',
      '--name',
      `c2w-action-777-${process.pid}`,
      '--driver',
      'docker-container',
      '--bootstrap',
    ]);
  });

  it.each([
    ['docker driver with the containerd store', 'Name: default\nDriver: docker\n', CONTAINERD],
    ['a docker-container builder', 'Name: b\nDriver: docker-container\n', CLASSIC],
    ['a remote builder', 'Name: r\nDriver: remote\n', CLASSIC],
  ])('keeps %s', async (_name, inspect, info) => {
    const calls = fakeDocker({ 'docker buildx inspect': { stdout: inspect }, 'docker info': { stdout: info } });
    expect(await chooseBuilder({ cache: 'gha' }, '1')).toEqual({ created: false, canExport: true });
    expect(calls.some((c) => c.includes('create'))).toBe(false);
  });

  it('uses an explicit builder as given, without asking docker', async () => {
    const calls = fakeDocker({});
    expect(await chooseBuilder({ cache: 'registry', builder: 'remote-bk' }, '1')).toEqual({
      name: 'remote-bk',
      created: false,
      canExport: true,
    });
    expect(calls).toEqual([]);
  });

  it('needs no builder decision without a cache', async () => {
    const calls = fakeDocker({});
    expect(await chooseBuilder({ cache: 'none' }, '1')).toEqual({ created: false, canExport: false });
    expect(calls).toEqual([]);
  });

  it('goes on uncached when creating a builder fails, and removes the half-made one', async () => {
    const calls = fakeDocker({
      'docker buildx inspect': { stdout: 'Name: default\nDriver: docker\n' },
      'docker info': { stdout: CLASSIC },
      'docker buildx create': { exitCode: 1, stderr: 'permission denied' },
    });
    expect(await chooseBuilder({ cache: 'local' }, '1')).toEqual({ created: false, canExport: false });
    expect(calls.at(-1)).toEqual(['docker', 'buildx', 'rm', '--force', `c2w-action-1-${process.pid}`]);
  });
});
