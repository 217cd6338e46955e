import { describe, expect, it } from 'vitest';
import {
  decideSmokeResult,
  oneLine,
  smokeChildEnv,
  wasiArgs,
  type SmokeContext,
  type SmokeEvents,
  type SmokeResult,
} from '../../../src/smoke/boot.js';
import { SMOKE_CHILD_CONFIG_ENV, type SmokeChildConfig } from '../../../src/smoke/protocol.js';

describe('wasiArgs', () => {
  it('puts -no-stdin before the command, or nothing for a plain WASI command', () => {
    expect(wasiArgs('/o/out.wasm', ['echo', 'hi'])).toEqual(['/o/out.wasm', '-no-stdin', 'echo', 'hi']);
    expect(wasiArgs('/o/flite.wasm', ['-lv'], false)).toEqual(['/o/flite.wasm', '-lv']);
  });
});

describe('decideSmokeResult', () => {
  const ctx = (over: Partial<SmokeContext> = {}): SmokeContext => ({
    target: 'wasi',
    expect: '/c2w-smoke-ok/m',
    timeoutSeconds: 5,
    allocator: 'emmalloc',
    stdout: 'out',
    stderr: 'err',
    searchable: 'out\nerr',
    ...over,
  });
  const EMMALLOC_ABORT = 'Aborted(Assertion failed: region_is_in_use(region), at: system/lib/emmalloc.c,886)';

  it.each<[string, SmokeEvents, Partial<SmokeContext>, Partial<SmokeResult>, RegExp]>([
    [
      'a match passes, however the child ended after it',
      { matchedAt: 1.5, signal: 'SIGTERM', endedAt: 1.6 },
      {},
      { result: 'passed', seconds: 1.5 },
      /^The module printed a line matching \/c2w-smoke-ok\/m after 1\.50 s\.$/,
    ],
    [
      'a match in a js output',
      { matchedAt: 2, endedAt: 2.1 },
      { target: 'js' },
      { result: 'passed', seconds: 2 },
      /^The js output printed a line matching/,
    ],
    [
      'an exit without a match fails with the code',
      { exit: { code: 0 }, code: 0, signal: null, endedAt: 0.4, peakRssKiB: 2048 },
      {},
      { result: 'failed', seconds: 0.4, exit: { code: 0 }, peakRssKiB: 2048 },
      /^The module exited with code 0 without printing a line matching \/c2w-smoke-ok\/m\.$/,
    ],
    [
      'a trap fails and says so',
      { exit: { trap: 'RuntimeError: unreachable' }, code: 3, signal: null, endedAt: 0.3 },
      {},
      { result: 'failed', exit: { trap: 'RuntimeError: unreachable' } },
      /trapped \(RuntimeError: unreachable\) without printing/,
    ],
    [
      'the child could not run the module',
      { childError: 'ENOENT: no such file', code: 2, signal: null, endedAt: 0.1 },
      {},
      { result: 'failed' },
      /could not be run: ENOENT: no such file/,
    ],
    [
      'the child could not be started',
      { spawnError: 'spawn /no/node ENOENT', code: -2, signal: null, endedAt: 0 },
      {},
      { result: 'failed' },
      /could not be started: spawn \/no\/node ENOENT/,
    ],
    [
      'a signal from outside',
      { code: null, signal: 'SIGKILL', endedAt: 3 },
      {},
      { result: 'failed' },
      /was ended by SIGKILL without printing/,
    ],
    [
      'a child that ended with no report',
      { code: 1, signal: null, endedAt: 3 },
      {},
      { result: 'failed' },
      /ended \(the runner's exit code 1\)/,
    ],
    [
      'the timeout, ended by SIGKILL',
      { timedOut: true, code: null, signal: 'SIGKILL', endedAt: 7 },
      { target: 'js' },
      { result: 'timeout', seconds: 7 },
      /^The js output printed nothing matching \/c2w-smoke-ok\/m within smoke-timeout \(5 s\); it was ended by SIGKILL\.$/,
    ],
    [
      'a timeout that follows an allocator failure names the allocator',
      { timedOut: true, code: null, signal: 'SIGTERM', endedAt: 5 },
      { searchable: `booting\n${EMMALLOC_ABORT}\n` },
      { result: 'timeout', allocatorFailure: expect.objectContaining({ allocator: 'emmalloc' }) as never },
      /Allocator failure \(emmalloc\): Aborted\(Assertion failed.*allocator: dlmalloc/,
    ],
    [
      'an exit after an allocator failure names the allocator',
      { exit: { code: 1 }, code: 1, signal: null, endedAt: 1 },
      { searchable: EMMALLOC_ABORT },
      { result: 'failed', allocatorFailure: expect.objectContaining({ allocator: 'emmalloc' }) as never },
      /exited with code 1 without printing .*Allocator failure \(emmalloc\)/,
    ],
    [
      'an allocator line does not spoil a match',
      { matchedAt: 1, endedAt: 1 },
      { searchable: EMMALLOC_ABORT },
      { result: 'passed' },
      /printed a line matching/,
    ],
  ])('%s', (_what, events, context, result, message) => {
    const r = decideSmokeResult(events, ctx(context));
    expect(r).toMatchObject({ ...result, stdout: 'out', stderr: 'err' });
    if (!('allocatorFailure' in result)) expect(r.allocatorFailure).toBeUndefined();
    expect(r.message).toMatch(message);
  });
});

describe('smokeChildEnv', () => {
  const config: SmokeChildConfig = { target: 'wasi', path: '/o/out.wasm', args: ['/o/out.wasm'], env: [] };
  it.each<[string, NodeJS.ProcessEnv, NodeJS.ProcessEnv]>([
    [
      'keeps what Node needs and the runner’s process-tracking id',
      { PATH: '/usr/bin', HOME: '/home/r', TMPDIR: '/t', LANG: 'C.UTF-8', TZ: 'UTC', RUNNER_TRACKING_ID: 'github_1' },
      { PATH: '/usr/bin', HOME: '/home/r', TMPDIR: '/t', LANG: 'C.UTF-8', TZ: 'UTC', RUNNER_TRACKING_ID: 'github_1' },
    ],
    [
      'drops the job’s files, tokens and inputs',
      {
        PATH: '/bin',
        GITHUB_STATE: '/s',
        GITHUB_OUTPUT: '/o',
        ACTIONS_RUNTIME_TOKEN: 'secret',
        'INPUT_GITHUB-TOKEN': 'ghs_x',
        GITHUB_TOKEN: 'ghs_y',
      },
      { PATH: '/bin' },
    ],
    [
      'drops the registry credential helpers’ variables docker and buildx get',
      {
        PATH: '/bin',
        AWS_SECRET_ACCESS_KEY: 'aws',
        GOOGLE_APPLICATION_CREDENTIALS: '/g.json',
        CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/g.json',
        AZURE_CLIENT_SECRET: 'az',
      },
      { PATH: '/bin' },
    ],
    ['leaves out what is not set', {}, {}],
  ])('%s', (_what, parent, kept) => {
    expect(smokeChildEnv(config, parent)).toEqual({ ...kept, [SMOKE_CHILD_CONFIG_ENV]: JSON.stringify(config) });
  });
});

describe('oneLine', () => {
  it('writes control characters as escapes, so guest text cannot start a line of its own', () => {
    expect(oneLine('x\n::warning::forged\r\n\u001b[2J\u2028')).toBe('x\\n::warning::forged\\r\\n\\u001b[2J\\u2028');
    expect(oneLine('plain text: ok')).toBe('plain text: ok');
  });

  it('keeps a forged child error on the message’s one line', () => {
    const r = decideSmokeResult(
      { childError: 'x\n::add-mask::y', code: 2, signal: null, endedAt: 0.1 },
      { target: 'js', expect: '/ok/', timeoutSeconds: 5, allocator: 'default', stdout: '', stderr: '', searchable: '' },
    );
    expect(r.message.split('\n')).toEqual([r.message]);
    expect(r.message).toContain('could not be run: x\\n::add-mask::y');
  });
});
