// smoke-expect: the pattern a smoke boot's stdout must match, and the matching itself.
//
// Matching runs on RE2's engine (re2js, a pure-JS port of RE2), whose time is linear in the text
// searched: no pattern can make a match run long enough to hold up smoke-timeout, as a backtracking
// engine can (`^(a+)+$` against 32 `a`s and a `b` takes minutes in JavaScript's own RegExp).
// RE2 has no backreferences or lookaround; a pattern that needs them is refused as an input.
//
// The rules a user relies on (action.yml and docs/smoke-boot.md say the same):
// - a match must be at least one character of what the module printed, so a pattern that matches
//   the empty string (`x*`, `^$`) is refused as an input, and nothing passes a module that printed
//   nothing;
// - the output is searched as it arrives, each part once, with MATCH_OVERLAP characters of what came
//   before it: a match is found wherever it is, as long as it is no longer than that;
// - a match counts only once the character after it has arrived, or it ends with a line's \n, or
//   the output has ended (the module exited). RE2's `$`, `\b` and `\z` also hold at the end of the text searched, so text
//   that stops in the middle of a line (`c2w-smoke-ok`, then `-BROKEN` 300 ms later) would match
//   `^c2w-smoke-ok\s*$` as it stands and not as it ends. Every assertion RE2 has looks at no more
//   than the one character after its position (https://github.com/google/re2/wiki/Syntax: `^ $ \A
//   \z \b \B`), so a match that ends before the end of what has arrived is a match in whatever
//   comes next: the verdict is the same however the output is cut into parts. A match that ends
//   with a \n (`^c2w-smoke-ok\s*$` takes the \n into `\s*`) is decided on that complete line.
import { RE2JS } from 're2js';
import type { Pattern } from '../types/inputs.js';

/** A pattern as the user wrote it, `/source/flags`, for messages. */
export function showPattern(p: Pattern): string {
  return `/${p.source}/${p.flags}`;
}

/** Characters of earlier output a match may reach back into (a match longer than this can be missed). */
export const MATCH_OVERLAP = 16 * 1024;

export class ExpectationError extends Error {
  override name = 'ExpectationError';
}

/** RE2 flags for the JavaScript flags the pattern was written with (`m`, `i`, `s`). */
function re2Flags(flags: string): number {
  let f = 0;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return f;
}

/**
 * Compiles `source` with RE2. Throws ExpectationError with the bare reason when RE2 cannot handle
 * it or when it matches the empty string.
 */
export function compileExpectation(source: string, flags = 'm'): RE2JS {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, re2Flags(flags));
  } catch (e) {
    throw new ExpectationError(
      `is not a regular expression the smoke boot can match in linear time (RE2 syntax: no ` +
        `backreferences, no lookaround): ${(e as Error).message}`,
    );
  }
  if (re.matcher('').find()) {
    throw new ExpectationError(
      `matches the empty string, so it would pass a module that printed nothing; write a pattern ` +
        `that needs at least one character (e.g. ^c2w-smoke-ok\\s*$)`,
    );
  }
  return re;
}

/**
 * compileExpectation for the smoke-expect input, which also refuses a pattern whose every match is
 * empty (`\\b`, `^\\b$`): findNonEmpty never finds one, so it could never pass. (A boot given one
 * anyway still fails rather than passes: it never matches.)
 */
export function compileInputExpectation(source: string, flags = 'm'): RE2JS {
  const re = compileExpectation(source, flags);
  if (!canMatchText(re)) {
    throw new ExpectationError(
      `matches nothing but empty strings (it only tests positions, like \\b or ^), so no printed ` +
        `line can ever match it; write a pattern that needs at least one character (e.g. ^c2w-smoke-ok\\s*$)`,
    );
  }
  return re;
}

/**
 * RE2's program instructions (re2js, after RE2's prog.go): `Inst.op` numbers. A rune instruction
 * consumes one character; the others move between instructions without consuming.
 * https://github.com/google/re2j/blob/master/java/com/google/re2j/Inst.java
 */
const INST = { ALT: 1, ALT_MATCH: 2, FAIL: 5, MATCH: 6, RUNE: 8, RUNE_ANY_NOT_NL: 11 } as const;

interface ProgInst {
  op: number;
  out: number;
  arg: number;
}

/**
 * Whether some path of the compiled program from its start to MATCH consumes a character, i.e. the
 * pattern can match a non-empty text (whether its assertions can hold there is not decided).
 * `\b` or `^\b$` have no such path: every match is empty, and findNonEmpty never finds one. When
 * the program is not shaped as expected (another re2js), the pattern is given the benefit of the doubt.
 */
export function canMatchText(re: RE2JS): boolean {
  const prog = (re.re2() as { prog?: { inst?: ProgInst[]; start?: number } }).prog;
  const inst = prog?.inst;
  if (!Array.isArray(inst) || typeof prog?.start !== 'number') return true;
  const seen = new Set<string>();
  const todo: [number, boolean][] = [[prog.start, false]];
  while (todo.length > 0) {
    const [pc, consumed] = todo.pop()!;
    const key = `${pc}:${consumed}`;
    const i = inst[pc];
    if (seen.has(key) || i === undefined) continue;
    seen.add(key);
    if (i.op === INST.MATCH) {
      if (consumed) return true;
      continue;
    }
    if (i.op === INST.FAIL) continue;
    const next = consumed || (i.op >= INST.RUNE && i.op <= INST.RUNE_ANY_NOT_NL);
    todo.push([i.out, next]);
    if (i.op === INST.ALT || i.op === INST.ALT_MATCH) todo.push([i.arg, next]);
  }
  return false;
}

/** The first non-empty match of `re` in `text` that starts at or after `from`, as [start, end). */
export function findNonEmpty(re: RE2JS, text: string, from = 0): [number, number] | undefined {
  const m = re.matcher(text);
  for (let at = from; at <= text.length;) {
    if (!m.find(at)) return undefined;
    const start = m.start();
    const end = m.end();
    if (end > start) return [start, end];
    at = start + 1;
  }
  return undefined;
}

/**
 * Whether `text` (all the output so far, or a terminal's text ending with the line the cursor is
 * on) holds a decided match: one followed by more text, or ending with a newline, or any match
 * once the output has ended (`ended`). A match that reaches the end of a line still being written
 * is not decided: the rest of the line may still turn it into something else. Pure.
 */
export function settledMatch(re: RE2JS, text: string, ended: boolean): boolean {
  const normal = text.replace(/\r\n/g, '\n');
  const found = findNonEmpty(re, normal);
  if (!found) return false;
  return ended || found[1] < normal.length || normal[found[1] - 1] === '\n';
}

/**
 * Searches a stream for the expectation as it arrives: each push searches only the new text and the
 * MATCH_OVERLAP characters before it, and keeps no more than about twice that. A match that reaches
 * the end of what has arrived waits for the next part (or finish()).
 */
export class StreamMatcher {
  private recent = '';
  matched?: string;
  constructor(
    private readonly re: RE2JS,
    private readonly overlap = MATCH_OVERLAP,
  ) {}
  /** Adds output; true once the expectation has matched (it stays true). */
  push(chunk: string): boolean {
    return this.search(chunk, false);
  }
  /** The output has ended (the module exited): a match may now reach the end. */
  finish(): boolean {
    return this.search('', true);
  }
  private search(chunk: string, ended: boolean): boolean {
    if (this.matched !== undefined) return true;
    // One character before the overlap: a deferred match starts within it, and `^` and `\b` look
    // at the character before.
    const from = Math.max(0, this.recent.length - this.overlap - 1);
    // A terminal ends lines with \r\n (a js output prints through a pty), and RE2's `$` matches
    // only before \n: the matcher sees \n alone, so `^ready$` matches `ready\r\n` as JavaScript's
    // RegExp did. A \r at the end of a part waits for the next one (a match ending there does too).
    this.recent = `${this.recent}${chunk}`.replace(/\r\n/g, '\n');
    if (ended) this.recent = this.recent.replace(/\r$/, '\n');
    const found = findNonEmpty(this.re, this.recent, from);
    if (found && (ended || found[1] < this.recent.length || this.recent[found[1] - 1] === '\n')) {
      this.matched = this.recent.slice(found[0], found[1]);
      this.recent = '';
      return true;
    }
    if (this.recent.length > 2 * this.overlap) this.recent = this.recent.slice(-(this.overlap + 1));
    return false;
  }
}
