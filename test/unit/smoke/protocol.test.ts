import { describe, expect, it } from 'vitest';
import { ControlLines, MAX_CONTROL_MESSAGE, parseChildMessage } from '../../../src/smoke/protocol.js';

describe('parseChildMessage', () => {
  it.each<[string, unknown]>([
    ['{"event":"started"}', { event: 'started' }],
    ['{"event":"exit","code":7,"maxRssKiB":2048}', { event: 'exit', code: 7, maxRssKiB: 2048 }],
    ['{"event":"trap","message":"unreachable","maxRssKiB":1}', { event: 'trap', message: 'unreachable', maxRssKiB: 1 }],
    ['{"event":"error","message":"ENOENT"}', { event: 'error', message: 'ENOENT' }],
    ['{"event":"exit","code":"0","maxRssKiB":1}', undefined],
    ['{"event":"exit","code":0.5,"maxRssKiB":1}', undefined],
    ['{"event":"exit","code":0,"maxRssKiB":-1}', undefined],
    ['{"event":"exit","code":0}', undefined],
    ['{"event":"error","message":"x","extra":1}', undefined],
    ['{"event":"error","message":{"toString":1}}', undefined],
    ['{"event":"passed"}', undefined],
    ['["started"]', undefined],
    ['null', undefined],
    ['not json', undefined],
  ])('%s', (line, want) => {
    expect(parseChildMessage(line)).toEqual(want);
  });

  it('keeps a bounded part of a message', () => {
    const msg = parseChildMessage(JSON.stringify({ event: 'error', message: 'm'.repeat(100_000) }));
    expect(msg).toEqual({ event: 'error', message: 'm'.repeat(MAX_CONTROL_MESSAGE) });
  });
});

describe('ControlLines', () => {
  it('splits lines across parts', () => {
    const c = new ControlLines(100);
    expect(c.push('{"a"')).toEqual([]);
    expect(c.push(':1}\n{"b":2}\n{"c"')).toEqual(['{"a":1}', '{"b":2}']);
    expect(c.push('}\n')).toEqual(['{"c"}']);
  });

  it('drops a line longer than its limit, holding no more than the limit, and reads on after it', () => {
    const c = new ControlLines(100);
    for (let i = 0; i < 1000; i++) expect(c.push('x'.repeat(1000))).toEqual([]);
    expect((c as unknown as { pending: string }).pending.length).toBeLessThanOrEqual(100);
    expect(c.push('xxx\n{"event":"started"}\n')).toEqual(['{"event":"started"}']);
  });
});
