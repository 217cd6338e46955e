import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  candidates,
  confinedArgv,
  describeBoundary,
  INIT_SCRIPT,
  SANDBOX_UID,
  type BoundaryVia,
} from '../../../src/smoke/confine.js';

describe('candidates', () => {
  it.each<[number, string | undefined, BoundaryVia[]]>([
    [0, undefined, ['root']],
    [1001, undefined, ['sudo', 'userns']],
    [1001, 'sudo', ['userns']],
    [1001, 'root, sudo ,userns', []],
    [0, 'root', []],
  ])('euid %i, forbidden %s', (euid, forbid, want) => {
    expect(candidates(euid, forbid)).toEqual(want);
  });
});

describe('confinedArgv', () => {
  const run = {
    rootDir: '/p/root',
    control: '/p/control',
    graceSeconds: 0.5,
    binds: ['/n/node', '/box'],
    command: ['env', '-i', 'node'],
  };
  const namespaces = ['--pid', '--fork', '--kill-child', '--mount', '--net', '--ipc', '--uts'];
  const tail = (user: string) => [
    'c2w-smoke-init',
    '/p/root',
    '/p/control',
    '1',
    user,
    '/n/node',
    '/box',
    '--',
    'env',
    '-i',
    'node',
  ];

  it('as root: unshare, then the init, which runs the command as nobody', () => {
    expect(confinedArgv('root', run)).toEqual([
      'unshare',
      ...namespaces,
      '--',
      'sh',
      '-c',
      INIT_SCRIPT,
      ...tail(String(SANDBOX_UID)),
    ]);
  });

  it('through sudo: the same under sudo -n (never a password prompt)', () => {
    expect(confinedArgv('sudo', run)).toEqual([
      'sudo',
      '-n',
      '--',
      'unshare',
      ...namespaces,
      '--',
      'sh',
      '-c',
      INIT_SCRIPT,
      ...tail('65534'),
    ]);
  });

  it('in a user namespace: uid 0 of its own namespace, which is the action’s user outside', () => {
    expect(confinedArgv('userns', run)).toEqual([
      'unshare',
      '--user',
      '--map-root-user',
      ...namespaces,
      '--',
      'sh',
      '-c',
      INIT_SCRIPT,
      ...tail(''),
    ]);
  });
});

describe('INIT_SCRIPT', () => {
  it('is a POSIX shell script (dash parses it)', () => {
    const r = spawnSync('sh', ['-n', '-c', INIT_SCRIPT], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('drops every capability and sets no_new_privs for the command, whichever user it runs as', () => {
    const setprivs = INIT_SCRIPT.split('\n').filter((l) => l.includes('setpriv '));
    expect(setprivs).toHaveLength(2);
    for (const l of setprivs) expect(l).toMatch(/--inh-caps=-all --bounding-set=-all --no-new-privs/);
  });
});

describe('describeBoundary', () => {
  it('says how the namespaces were made, or why there are none', () => {
    expect(describeBoundary({ kind: 'namespaces', via: 'sudo' })).toMatch(/namespaces made through sudo/);
    expect(describeBoundary({ kind: 'none', reason: 'no way' })).toBe('no operating-system boundary: no way');
  });
});
