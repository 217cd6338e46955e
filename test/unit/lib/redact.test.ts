import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addRedaction,
  addRunnerSecrets,
  addSecret,
  clearRedactions,
  redact,
  urlForDisplay,
} from '../../../src/lib/redact.js';
import { actionLog } from '../../../src/action/log.js';
import { setLog } from '../../../src/lib/log.js';

// What these tests read is the job log, as the action writes it.
let restoreLog: () => void = () => undefined;
beforeAll(() => {
  restoreLog = setLog(actionLog);
});
afterAll(() => restoreLog());

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
