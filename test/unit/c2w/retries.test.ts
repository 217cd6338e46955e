// When a failed conversion is run again: only after transient network trouble, never after a known
// failure or any other, and at most build-retries times; the pause grows.
import { describe, expect, it } from 'vitest';
import { ConversionError } from '../../../src/c2w/convert.js';
import { MAX_TOTAL_PAUSE_SECONDS, nextPause, retryDecision, retryPauseSeconds } from '../../../src/c2w/retries.js';

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

describe('nextPause', () => {
  it('build-retries: 10 pauses 600 s in all, not 10,230 s: the last pause is cut, then no more retries', () => {
    const pauses: number[] = [];
    let paused = 0;
    for (let n = 1; n <= 10; n++) {
      const seconds = nextPause(n, paused);
      if (seconds === undefined) break;
      pauses.push(seconds);
      paused += seconds;
    }
    expect(pauses).toEqual([10, 20, 40, 80, 160, 290]);
    expect(paused).toBe(MAX_TOTAL_PAUSE_SECONDS);
  });
});

describe('the retry warning', () => {
  it('quotes at most 200 characters of the line', () => {
    const long = `wget: error getting response: Connection reset by peer ${'x'.repeat(5000)}`;
    const decision = retryDecision(new ConversionError('c2w failed (exit 1)', step([long])), 1, 2);
    expect(decision?.line).toBe(`${long.slice(0, 200)}…`);
  });
});
