import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { InputError, parseInputs } from '../../../src/config/inputs.js';
import {
  canMatchText,
  compileExpectation,
  findNonEmpty,
  settledMatch,
  StreamMatcher,
} from '../../../src/smoke/expect.js';

describe('compileExpectation', () => {
  it.each([
    ['(a)\\1', /no backreferences, no lookaround.*invalid escape sequence/],
    ['foo(?=bar)', /no backreferences, no lookaround.*\(\?=/],
    ['(unclosed', /missing closing \)/],
    ['x*', /matches the empty string, so it would pass a module that printed nothing/],
    ['^$', /matches the empty string/],
    ['(ok)?', /matches the empty string/],
  ])('refuses %j', (source, message) => {
    expect(() => compileExpectation(source)).toThrow(message);
  });

  it.each(['^c2w-smoke-ok\\s*$', 'x+', '^(a+)+$', 'Voices available:.*\\bkal\\b', '(?i)ready'])('accepts %j', (s) => {
    expect(() => compileExpectation(s)).not.toThrow();
  });

  it('keeps `m` (lines), and honours `i` and `s`', () => {
    expect(findNonEmpty(compileExpectation('^ok$', 'm'), 'boot\nok\nmore')).toEqual([5, 7]);
    expect(findNonEmpty(compileExpectation('^ok$', ''), 'boot\nok\nmore')).toBeUndefined();
    expect(findNonEmpty(compileExpectation('OK', 'mi'), 'ok')).toEqual([0, 2]);
    expect(findNonEmpty(compileExpectation('a.b', 'ms'), 'a\nb')).toEqual([0, 3]);
  });

  it('matches a catastrophic-backtracking pattern in linear time', () => {
    // JavaScript's RegExp takes minutes on this (2^32 ways to split the a's).
    const re = compileExpectation('^(a+)+$');
    const t0 = performance.now();
    expect(findNonEmpty(re, `${'a'.repeat(32)}b\n`)).toBeUndefined();
    expect(findNonEmpty(re, `${'a'.repeat(100_000)}b\n`)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('findNonEmpty', () => {
  it('skips empty matches: only characters the module printed count', () => {
    // `\b` matches empty at every word boundary; only the `x` is a match of something printed.
    const re = compileExpectation('x|\\b');
    expect(findNonEmpty(re, 'hello')).toBeUndefined();
    expect(findNonEmpty(re, 'hello x')).toEqual([6, 7]);
    expect(findNonEmpty(re, '')).toBeUndefined();
  });
});

describe('StreamMatcher', () => {
  it.each<[string, string, string[], boolean]>([
    ['a line in one part', '^c2w-smoke-ok\\s*$', ['boot\nc2w-smoke-ok\n'], true],
    ['a line split across parts', '^c2w-smoke-ok\\s*$', ['boot\nc2w-sm', 'oke-', 'ok\n'], true],
    ['a match over two lines in two parts', 'ready\\nset', ['x ready\n', 'set go'], true],
    ['not a line start inside a line', '^ok', ['not ', 'ok\n'], false],
    ['a word boundary against the part before', '\\bok\\b', ['look', 'ok now'], false],
    ['nothing printed', 'x', [], false],
    ['a terminal’s line ends', '^ready$', ['boot\r\nready\r', '\nmore\r\n'], true],
  ])('%s', (_what, source, parts, matched) => {
    const m = new StreamMatcher(compileExpectation(source));
    let result = false;
    for (const p of parts) result = m.push(p);
    expect(result).toBe(matched);
  });

  it.each<[string, string, string[]]>([
    [
      'a line still being written (`$` at the end of what arrived)',
      '^c2w-smoke-ok\\s*$',
      ['c2w-smoke-ok', '-BROKEN: kernel panic\n'],
    ],
    ['a word that goes on (`\\b` at the end of what arrived)', '\\bready\\b', ['boot: ready', 'ing nothing\n']],
    ['a line end that goes on after \\r', '^ok$', ['ok\r', 'but broken\n']],
  ])('does not pass %s, cut or whole', (_what, source, parts) => {
    const cut = new StreamMatcher(compileExpectation(source));
    expect(parts.map((p) => cut.push(p))).toEqual(parts.map(() => false));
    expect(cut.finish()).toBe(false);
    const whole = new StreamMatcher(compileExpectation(source));
    expect(whole.push(parts.join(''))).toBe(false);
    expect(whole.finish()).toBe(false);
  });

  it('decides a match at the end of the output once the output has ended (the module exited)', () => {
    const m = new StreamMatcher(compileExpectation('^c2w-smoke-ok\\s*$'));
    expect(m.push('boot\nc2w-smoke-ok')).toBe(false);
    expect(m.finish()).toBe(true);
    expect(m.matched).toBe('c2w-smoke-ok');
  });

  it('passes a match as soon as the character after it arrives', () => {
    const m = new StreamMatcher(compileExpectation('login:'));
    expect(m.push('host login')).toBe(false);
    expect(m.push(':')).toBe(false);
    expect(m.push(' ')).toBe(true);
  });

  it('finds a line after megabytes of output, searching each part once, keeping little', () => {
    const m = new StreamMatcher(compileExpectation('^c2w-smoke-ok$'), 1024);
    const part = `${'y'.repeat(1023)}\n`.repeat(64); // 64 KiB
    const t0 = performance.now();
    for (let i = 0; i < 256; i++) expect(m.push(part)).toBe(false); // 16 MiB
    expect(m.push('c2w-smoke-ok\n')).toBe(true);
    expect(m.matched).toBe('c2w-smoke-ok');
    // A rescan of everything kept on every part would be 256 × 8 MiB on average.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('keeps only a bounded window of what it searched', () => {
    const m = new StreamMatcher(compileExpectation('never'), 1024);
    for (let i = 0; i < 1000; i++) m.push('z'.repeat(4096));
    expect((m as unknown as { recent: string }).recent.length).toBeLessThanOrEqual(2 * 1024 + 4096);
  });
});

describe('smoke-expect as an input', () => {
  const get = (expectSource: string) => (name: string) =>
    ({ image: 'alpine:3.20', 'smoke-expect': expectSource })[name] ?? '';
  it.each([
    ['x*', /^Input 'smoke-expect' matches the empty string/],
    ['^$', /^Input 'smoke-expect' matches the empty string/],
    ['(ok)\\1', /^Input 'smoke-expect' is not a regular expression the smoke boot can match in linear time/],
    ['ok(?!x)', /^Input 'smoke-expect' is not a regular expression the smoke boot can match in linear time/],
  ])('refuses %j before anything runs, naming the input', (source, message) => {
    let error: unknown;
    try {
      parseInputs(get(source));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('smoke-expect');
    expect((error as Error).message).toMatch(message);
  });

  it('accepts the default and a catastrophic-backtracking pattern (harmless under RE2)', () => {
    expect(parseInputs(get('')).smokeExpect.source).toBe('^c2w-smoke-ok\\s*$');
    expect(parseInputs(get('^(a+)+$')).smokeExpect.source).toBe('^(a+)+$');
  });
});

describe('canMatchText: whether any match can hold a character', () => {
  it.each([
    ['\\b', false],
    ['^\\b$', false],
    ['\\B', false],
    ['(?:\\b|^)', false],
    ['(\\b)*', false],
    ['a', true],
    ['\\ba\\b', true],
    ['a|\\b', true],
    ['(?i)ok', true],
    ['(?P<n>x)y', true],
    ['^c2w-smoke-ok\\s*$', true],
  ])('%s: %s', (source, can) => {
    expect(canMatchText(RE2JS.compile(source, RE2JS.MULTILINE))).toBe(can);
  });
});

describe('settledMatch: a match on a terminal text is decided on complete lines', () => {
  const re = compileExpectation('^c2w-smoke-ok\\s*$', 'm');
  it.each([
    ['a finished line (the cursor on the next, empty row)', 'c2w-smoke-ok\n', false, true],
    ['a line still being written', 'c2w-smoke-ok', false, false],
    ['the same line once the guest ended', 'c2w-smoke-ok', true, true],
    ['the rest of the line arrived', 'c2w-smoke-ok-BROKEN: kernel panic\n', false, false],
    ['a terminal line end', 'boot\r\nc2w-smoke-ok\r\n', false, true],
    ['no match', 'booting\n', true, false],
  ])('%s', (_what, text, ended, expected) => {
    expect(settledMatch(re, text, ended)).toBe(expected);
  });
  it('a prompt without a newline is decided once something follows it', () => {
    const prompt = compileExpectation('login:', 'm');
    expect(settledMatch(prompt, 'login:', false)).toBe(false);
    expect(settledMatch(prompt, 'login: ', false)).toBe(true);
  });
});
