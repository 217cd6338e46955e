import { describe, expect, it } from 'vitest';
import { HeadlessPty } from '../../../src/smoke/child.js';

describe('HeadlessPty', () => {
  it('implements the slave interface emscripten-pty.js uses, with no input', () => {
    const written: number[] = [];
    const pty = new HeadlessPty((b) => written.push(...b));
    expect(pty.readable).toBe(false);
    expect(pty.writable).toBe(true);
    expect(pty.read(10)).toEqual([]);
    pty.write([104, 105]);
    expect(written).toEqual([104, 105]);
    expect(pty.ioctl('TIOCGWINSZ')).toEqual([80, 24]);
    const t = pty.ioctl('TCGETS') as { lflag: number };
    pty.ioctl('TCSETS', { ...t, lflag: 7 });
    expect((pty.ioctl('TCGETS') as { lflag: number }).lflag).toBe(7);
    const d = pty.onReadable(() => undefined);
    const s = pty.onSignal(() => undefined);
    d.dispose();
    s.dispose();
  });
});
