// The error of an input that cannot be used: it names the input, so the action's message and the
// command's (which names the flag instead) say which one to change.

/** Characters of an input's value that a message quotes: a 100 KB value must not fill the log. */
export const QUOTE_MAX = 200;
/**
 * Longest message of an InputError: a net under messages that embed a value by another route (an
 * RE2 parse error quotes the pattern from where it fails; a budget error lists the command).
 */
export const MESSAGE_MAX = 1000;

export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    const text = `Input '${input}' ${detail}`;
    super(text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX)}… (${text.length} characters)`);
    this.name = 'InputError';
  }
}

/** `value` in single quotes for a message, cut to QUOTE_MAX characters with its length said. */
export function quoted(value: string): string {
  if (value.length <= QUOTE_MAX) return `'${value}'`;
  return `'${value.slice(0, QUOTE_MAX)}…' (${value.length} characters)`;
}
