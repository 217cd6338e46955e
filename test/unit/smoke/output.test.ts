import { describe, expect, it } from 'vitest';
import { CappedLog, CappedText, logTruncatedNote } from '../../../src/smoke/output.js';

describe('CappedText', () => {
  it('keeps the head for the report and still matches what comes after the cap', () => {
    const t = new CappedText(10, 100);
    t.push('0123456789abc');
    t.push('-c2w-smoke-ok');
    expect(t.truncated).toBe(true);
    expect(t.text).toBe('0123456789\n[… output truncated at 10 bytes]');
    expect(t.searchable).toMatch(/c2w-smoke-ok/);
  });
});

/** A log sink that takes `room` bytes, then asks to wait until drain() is called. */
class SlowSink {
  written = '';
  buffered = 0;
  private drains: (() => void)[] = [];
  constructor(private readonly room: number) {}
  write(chunk: string): boolean {
    this.written += chunk;
    this.buffered += Buffer.byteLength(chunk);
    return this.buffered < this.room;
  }
  once(_event: 'drain', f: () => void): void {
    this.drains.push(f);
  }
  drain(): void {
    this.buffered = 0;
    for (const f of this.drains.splice(0)) f();
  }
}

describe('CappedLog', () => {
  it('streams up to the cap, then one note, then nothing', () => {
    const sink = new SlowSink(Infinity);
    const log = new CappedLog(sink, 10);
    expect(log.write('0123')).toBe(true);
    expect(log.write('456789abc')).toBe(true);
    expect(log.write('more')).toBe(true);
    expect(sink.written).toBe(`0123456789\n${logTruncatedNote(10)}`);
    expect(logTruncatedNote(10)).toBe('… smoke output truncated in the log after 10 bytes; the rest is not shown\n');
    expect(log.truncated).toBe(true);
  });

  it('does not cut a character in two', () => {
    const sink = new SlowSink(Infinity);
    new CappedLog(sink, 4).write('abcé');
    expect(sink.written).toBe(`abc\n${logTruncatedNote(4)}`);
  });

  it('asks the caller to wait while the sink is full, and says when it drained', () => {
    const sink = new SlowSink(4);
    const log = new CappedLog(sink, 100);
    expect(log.write('ab')).toBe(true);
    expect(log.write('cd')).toBe(false);
    let resumed = 0;
    log.whenDrained(() => resumed++);
    expect(resumed).toBe(0);
    sink.drain();
    expect(resumed).toBe(1);
    log.whenDrained(() => resumed++);
    expect(resumed).toBe(2); // not full: at once
  });

  it('releases a waiting caller when closed, and writes nothing after', () => {
    const sink = new SlowSink(1);
    const log = new CappedLog(sink, 100);
    expect(log.write('ab')).toBe(false);
    let resumed = false;
    log.whenDrained(() => (resumed = true));
    log.close();
    expect(resumed).toBe(true);
    log.write('late');
    expect(sink.written).toBe('ab');
  });
});

describe('CappedText bounds', () => {
  it('keeps at most the cap and twice the window, whatever is pushed', () => {
    const t = new CappedText(1000, 500);
    for (let i = 0; i < 10_000; i++) t.push('x'.repeat(333));
    expect(t.text.length).toBeLessThan(1000 + 100);
    expect(t.searchable.length).toBeLessThanOrEqual(1000 + 1 + 2 * 500);
  });
});
