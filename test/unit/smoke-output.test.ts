import { describe, expect, it } from 'vitest';
import { CappedText } from '../../src/smoke-output.js';

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

describe('CappedText bounds', () => {
  it('keeps at most the cap and twice the window, whatever is pushed', () => {
    const t = new CappedText(1000, 500);
    for (let i = 0; i < 10_000; i++) t.push('x'.repeat(333));
    expect(t.text.length).toBeLessThan(1000 + 100);
    expect(t.searchable.length).toBeLessThanOrEqual(1000 + 1 + 2 * 500);
  });
});
