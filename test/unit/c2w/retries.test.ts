// When a failed conversion is run again: only after transient network trouble, never after a known
// failure or any other, and at most build-retries times; the pause grows.
import { describe, expect, it } from 'vitest';
import { ConversionError } from '../../../src/c2w/convert.js';
import { retryDecision, retryPauseSeconds } from '../../../src/c2w/retries.js';

const step = (lines: string[]) =>
  [
    '#9 [fetch 1/1] RUN wget http://127.0.0.1:8080/x',
    ...lines.map((l) => `#9 0.2 ${l}`),
    '#9 ERROR: process "/bin/sh -c wget" did not complete successfully: exit code: 1',
  ].join('\n');

const reset = new ConversionError(
  'c2w failed (exit 1)',
  step(['wget: error getting response: Connection reset by peer']),
);

describe('retryDecision', () => {
  it('retries transient network trouble while retries are left', () => {
    expect(retryDecision(reset, 1, 2)).toMatchObject({
      reason: 'the connection was reset',
      step: '[fetch 1/1] RUN wget http://127.0.0.1:8080/x',
    });
    expect(retryDecision(reset, 2, 2)).toBeDefined();
    expect(retryDecision(reset, 3, 2)).toBeUndefined();
    expect(retryDecision(reset, 1, 0)).toBeUndefined();
  });

  it('never retries another failure', () => {
    expect(retryDecision(new ConversionError('x', step(['make: *** [all] Error 2'])), 1, 2)).toBeUndefined();
    // A known failure wins over a network line (a disk full while downloading is no blip).
    expect(
      retryDecision(
        new ConversionError(
          'x',
          step(['curl: (56) Recv failure: Connection reset by peer', 'write /x: no space left on device']),
        ),
        1,
        2,
      ),
    ).toBeUndefined();
    // c2w ended by a signal (a cancel, the OOM killer) has no log to judge by.
    expect(retryDecision(new ConversionError('c2w failed (ended by SIGKILL)'), 1, 2)).toBeUndefined();
    // Not the build: an output check, a timeout.
    expect(retryDecision(new Error('Connection reset by peer'), 1, 2)).toBeUndefined();
  });
});

describe('retryPauseSeconds', () => {
  it('grows: 10 s, 20 s, 40 s', () => {
    expect([1, 2, 3].map(retryPauseSeconds)).toEqual([10, 20, 40]);
  });
});
