import { describe, expect, it } from 'vitest';
import { HeadlessPty, packInfo } from '../../src/smoke-child.js';
import {
  CappedText,
  checkEnvBudget,
  classifyAllocatorFailure,
  nextFallbackAllocator,
  wasiArgs,
} from '../../src/smoke.js';

const NOW = 1_795_569_312; // ten digits, like every time c2w will write for a while: "t: " + 10 + "\n" = 14
const env = (...kv: string[]): { key: string; value: string }[] =>
  kv.map((s) => ({ key: s.slice(0, s.indexOf('=')), value: s.slice(s.indexOf('=') + 1) }));

describe('checkEnvBudget', () => {
  it.each([
    // [command, env, bytes, ok]
    [['echo', 'c2w-smoke-ok'], [], 3 + 'echo c2w-smoke-ok'.length + 1 + 14, true],
    [[], [], 14, true],
    [['echo', 'a b'], [], 3 + 'echo a\\ b'.length + 1 + 14, true], // a space costs a backslash
    [['x'], env('A=1'), 3 + 2 + 5 + 3 + 1 + 14, true],
    [['x'], env('A=l1\nl2'), 3 + 2 + 5 + 'A=l1\\\nl2'.length + 1 + 14, true], // newline costs a backslash
    [['echo', 'é'], [], 3 + 5 + 2 + 1 + 14, true], // bytes, not characters
  ] as const)('%j with %j takes %i bytes', (command, e, bytes, ok) => {
    const b = checkEnvBudget([...command], [...e], { nowSeconds: NOW });
    expect(b.bytes).toBe(bytes);
    expect(b.ok).toBe(ok);
  });

  it('accepts exactly 1024 bytes and refuses 1025, as c2w does', () => {
    // "c: " + arg + "\n" + 14 = 1024  ->  arg of 1006 bytes
    expect(checkEnvBudget(['a'.repeat(1006)], [], { nowSeconds: NOW }).ok).toBe(true);
    const over = checkEnvBudget(['a'.repeat(1007)], [], { nowSeconds: NOW });
    expect(over.ok).toBe(false);
    expect(over.c2wMessage).toBe('too many write (1025 > 1024)failed to prepare time info');
    expect(over.overflowing).toEqual(['smoke-command']);
  });

  it('names smoke-env when the command fits and the environment does not', () => {
    const b = checkEnvBudget(['echo', 'c2w-smoke-ok'], env(`BIG=${'x'.repeat(1000)}`), { nowSeconds: NOW });
    expect(b.ok).toBe(false);
    expect(b.overflowing).toEqual(['smoke-env']);
    expect(b.c2wMessage).toBe('too many write (1025 > 1024)failed to prepare env info');
    expect(b.message).toMatch(/^smoke-env does not fit c2w's 1024-byte budget/);
    expect(b.message).toContain('Shorten smoke-env');
  });

  it('names both inputs when the command alone is too long and there is an environment', () => {
    const b = checkEnvBudget(['echo', 'y'.repeat(1100)], env('A=1'), { nowSeconds: NOW });
    expect(b.overflowing).toEqual(['smoke-command', 'smoke-env']);
    expect(b.c2wMessage).toBe('too many write (1025 > 1024)failed to prepare entrypoint info');
  });

  it('reports where a multi-byte write crosses the limit', () => {
    // "c: " + 1013 + "\n" = 1017; "env: " -> 1022, "A=1" one byte at a time fails at 1025
    const b = checkEnvBudget(['z'.repeat(1013)], env('A=1'), { nowSeconds: NOW });
    expect(b.c2wMessage).toBe('too many write (1025 > 1024)failed to prepare env info');
    // 1021 used: the five bytes of "env: " are one write, which fails whole at 1026
    const c = checkEnvBudget(['z'.repeat(1017)], env('A=1'), { nowSeconds: NOW });
    expect(c.c2wMessage).toBe('too many write (1026 > 1024)failed to prepare env info');
  });
});

describe('classifyAllocatorFailure', () => {
  it.each([
    [
      'Aborted(Assertion failed: region_is_in_use(region), at: system/lib/emmalloc.c,886,emmalloc_free)',
      'emmalloc',
      'emmalloc',
      'dlmalloc',
    ],
    [
      'Assertion failed: freeRegion->next, at: /emsdk/upstream/emscripten/system/lib/emmalloc.c,363',
      'default',
      'emmalloc',
      'dlmalloc',
    ],
    ['Aborted(Assertion failed: ... emmalloc.c ...)', 'emmalloc-debug', 'emmalloc-debug', 'dlmalloc'],
    ['mimalloc: error: double free detected of block 0x1234', 'mimalloc', 'mimalloc', 'emmalloc'],
    ['Assertion failed: mi_heap_is_initialized, mimalloc/src/heap.c', 'mimalloc', 'mimalloc', 'emmalloc'],
    ['Aborted(Assertion failed: dlmalloc corrupted)', 'dlmalloc', 'dlmalloc', 'emmalloc'],
  ])('%s (built with %s) blames %s and suggests %s', (line, built, blamed, next) => {
    const f = classifyAllocatorFailure(`booting\n${line}\nmore`, built);
    expect(f?.allocator).toBe(blamed);
    expect(f?.line).toBe(line);
    expect(f?.suggestion).toContain(`allocator: ${next}`);
    expect(f?.suggestion).toContain('allocator-fallback');
  });

  it.each([
    'Assertion failed: x > 0, at: hw/core/qdev.c,12',
    'Aborted(native code called abort())',
    'emmalloc is fine', // a mention alone is not a failure
    '',
  ])('ignores %j', (out) => {
    expect(classifyAllocatorFailure(out, 'emmalloc')).toBeUndefined();
  });
});

describe('nextFallbackAllocator', () => {
  it.each([
    ['emmalloc', ['dlmalloc', 'mimalloc'], [], 'dlmalloc'],
    ['emmalloc', ['emmalloc', 'dlmalloc'], [], 'dlmalloc'],
    ['dlmalloc', ['dlmalloc', 'mimalloc'], ['emmalloc'], 'mimalloc'],
    ['mimalloc', ['dlmalloc', 'mimalloc'], ['emmalloc', 'dlmalloc'], undefined],
    ['emmalloc', [], [], undefined],
  ] as const)('after %s with %j, tried %j: %s', (current, list, tried, next) => {
    expect(nextFallbackAllocator(current, list, tried)).toBe(next);
  });
});

describe('wasiArgs', () => {
  it('puts -no-stdin before the command, or nothing for a plain WASI command', () => {
    expect(wasiArgs('/o/out.wasm', ['echo', 'hi'])).toEqual(['/o/out.wasm', '-no-stdin', 'echo', 'hi']);
    expect(wasiArgs('/o/flite.wasm', ['-lv'], false)).toEqual(['/o/flite.wasm', '-lv']);
  });
});

describe('packInfo', () => {
  it('writes the clock, the command with escaped spaces, and the environment', () => {
    expect(packInfo(['echo', 'a b', 'c'], env('A=1', 'B=x\ny'), 1700000000.7)).toBe(
      't:1700000000\nc:echo a\\ b c\nenv:A=1\nenv:B=x\\\ny\n',
    );
    expect(packInfo([], [], 5)).toBe('t:5\n');
  });
});

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
