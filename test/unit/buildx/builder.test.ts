// chooseBuilder decides from what `docker buildx inspect` and `docker info` print. The exec seam
// stands in for the docker CLI here (the integration tests run the real one on a containerd-store
// engine, which can always export; and test/integration/remote-builder.itest.ts names a builder on a classic-store engine).
import { afterEach, describe, expect, it } from 'vitest';
import { chooseBuilder } from '../../../src/buildx/builder.js';
import { setRunner, type RunResult } from '../../../src/lib/exec.js';

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

  it('uses an explicit builder as given, without asking docker, when no cache is asked for', async () => {
    const calls = fakeDocker({});
    expect(await chooseBuilder({ cache: 'none', builder: 'remote-bk' }, '1')).toEqual({
      name: 'remote-bk',
      created: false,
      canExport: true,
    });
    expect(calls).toEqual([]);
  });

  it.each([
    [
      'a remote builder',
      'Name: remote-bk\nDriver: remote\n\nNodes:\nName: remote-bk0\nEndpoint: tcp://10.0.0.2:1234\n',
      CLASSIC,
      true,
    ],
    ['a docker-container builder', 'Name: remote-bk\nDriver: docker-container\n', CLASSIC, true],
    [
      'a docker-driver builder with the containerd store',
      'Name: remote-bk\nDriver: docker\n\nNodes:\nName: remote-bk\nEndpoint: remote-bk\n',
      CONTAINERD,
      true,
    ],
    [
      'a docker-driver builder with the classic store',
      'Name: remote-bk\nDriver: docker\n\nNodes:\nName: remote-bk\nEndpoint: remote-bk\n',
      CLASSIC,
      false,
    ],
  ])('inspects an explicit builder when a cache is asked for: %s', async (_name, inspect, info, canExport) => {
    const calls = fakeDocker({
      'docker buildx inspect remote-bk': { stdout: inspect },
      'docker --context remote-bk info': { stdout: info },
    });
    expect(await chooseBuilder({ cache: 'registry', builder: 'remote-bk' }, '1')).toEqual({
      name: 'remote-bk',
      created: false,
      canExport,
    });
    // Never creates or removes anything around a builder it was given.
    expect(calls.some((c) => c.includes('create') || c.includes('rm'))).toBe(false);
    // A docker-driver builder's engine is asked through its context (the node endpoint).
    if (inspect.includes('Driver: docker\n'))
      expect(calls).toContainEqual(['docker', '--context', 'remote-bk', 'info', '--format', '{{json .DriverStatus}}']);
  });

  it('stops with an error naming the input when the given builder does not exist', async () => {
    fakeDocker({ 'docker buildx inspect nope': { exitCode: 1, stderr: 'ERROR: no builder "nope" found' } });
    await expect(chooseBuilder({ cache: 'local', builder: 'nope' }, '1')).rejects.toThrow(
      /^builder: 'docker buildx inspect nope' failed: ERROR: no builder "nope" found$/,
    );
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
