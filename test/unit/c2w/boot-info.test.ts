import { describe, expect, it } from 'vitest';
import { checkEnvBudget, packInfo } from '../../../src/c2w/boot-info.js';

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

describe('packInfo', () => {
  it('writes the clock, the command with escaped spaces, and the environment', () => {
    expect(packInfo(['echo', 'a b', 'c'], env('A=1', 'B=x\ny'), 1700000000.7)).toBe(
      't:1700000000\nc:echo a\\ b c\nenv:A=1\nenv:B=x\\\ny\n',
    );
    expect(packInfo([], [], 5)).toBe('t:5\n');
  });
});
