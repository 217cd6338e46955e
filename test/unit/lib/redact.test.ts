import { afterEach, describe, expect, it } from 'vitest';
import {
  addRedaction,
  addRunnerSecrets,
  addSecret,
  clearRedactions,
  protectSecrets,
  redact,
  urlForDisplay,
} from '../../../src/lib/redact.js';

describe('redact', () => {
  afterEach(() => clearRedactions());

  it('removes every registered value, its lines and its JSON-escaped form', () => {
    addRedaction('ghp_0123456789abcdef');
    addRedaction('line-one-secret\nline-two-secret');
    addRedaction('with "quotes" inside');
    expect(redact('token ghp_0123456789abcdef twice ghp_0123456789abcdef')).toBe('token *** twice ***');
    expect(redact('echoed: line-two-secret')).toBe('echoed: ***');
    expect(redact(JSON.stringify({ m: 'x with "quotes" inside y' }))).toBe('{"m":"x *** y"}');
  });

  it('takes the longest value first, so a secret holding another leaves no part behind', () => {
    addRedaction('abcd');
    addRedaction('abcdefgh');
    expect(redact('abcdefgh abcd')).toBe('*** ***');
  });

  it('leaves values too short to be secrets alone (DEBUG=1 does not turn every 1 into ***)', () => {
    addRedaction('1');
    addRedaction('on');
    expect(redact('exit code 1, on line 12')).toBe('exit code 1, on line 12');
  });

  it('masks a secret in the log too (::add-mask::), and the runner service tokens', () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      addSecret('github-token-value');
      addRunnerSecrets({ ACTIONS_RUNTIME_TOKEN: 'runtime-token-value', ACTIONS_RESULTS_URL: 'http://results/' });
    } finally {
      process.stdout.write = write;
    }
    expect(written.join('')).toContain('::add-mask::github-token-value');
    expect(written.join('')).toContain('::add-mask::runtime-token-value');
    expect(written.join('')).not.toContain('results');
    expect(redact('a github-token-value b runtime-token-value')).toBe('a *** b ***');
  });
});

describe('protectSecrets', () => {
  afterEach(() => clearRedactions());

  /** What `fn` writes to stdout. */
  function stdoutOf(fn: () => void): string {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      fn();
    } finally {
      process.stdout.write = write;
    }
    return written.join('');
  }

  const env = {
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-value',
    'INPUT_GITHUB-TOKEN': 'github-token-input-value',
    GITHUB_TOKEN: 'github-token-env-value',
    'INPUT_C2W-DOWNLOAD-URL': 'https://user:p%40ssword@mirror.example/c2w',
    ACTIONS_RESULTS_URL: 'http://results.example/',
  };

  it('the action: every secret the process was started with is masked in the log and redacted', () => {
    const out = stdoutOf(() => protectSecrets({ runner: true, env }));
    for (const value of [
      'runtime-token-value',
      'oidc-request-token-value',
      'github-token-input-value',
      'github-token-env-value',
      'p%40ssword',
      'p@ssword',
    ]) {
      // The workflow command escapes `%` as %25 (actions/toolkit packages/core/src/command.ts).
      expect(out).toContain(`::add-mask::${value.replace(/%/g, '%25')}\n`);
      expect(redact(`a ${value} b`)).toBe('a *** b');
    }
    expect(out).not.toContain('results.example');
  });

  it('the command: redacted from what it prints, never echoed to the terminal as ::add-mask::', () => {
    const out = stdoutOf(() => protectSecrets({ runner: false, env }));
    expect(out).toBe('');
    expect(redact('Bearer runtime-token-value, token github-token-env-value')).toBe('Bearer ***, token ***');
  });
});

describe('urlForDisplay', () => {
  it.each([
    ['https://user:hunter2@mirror.example/c2w', 'https://user:***@mirror.example/c2w'],
    ['https://user:p%40ss@mirror.example/c2w', 'https://user:***@mirror.example/c2w'],
    ['https://:only-password@mirror.example', 'https://:***@mirror.example'],
    ['https://user:pass word@mirror.example/x y', 'https://user:***@mirror.example/x y'],
    ['https://user@mirror.example/c2w', 'https://user@mirror.example/c2w'],
    ['https://mirror.example/a:b@c', 'https://mirror.example/a:b@c'],
    [
      'https://github.com/container2wasm/container2wasm/releases/download',
      'https://github.com/container2wasm/container2wasm/releases/download',
    ],
  ])('%s', (url, shown) => {
    expect(urlForDisplay(url)).toBe(shown);
  });
});
