// A server's answer as a message shows it: an HTML error page, `{}` or `null` where JSON of a given
// shape was expected is named as it came (bounded, escaped so it cannot break the log's lines),
// not left to surface later as a TypeError.

/** Characters of an answer a message quotes. */
const SHOWN = 100;

/** `data` (a body as text, or what a client parsed from it) for a message: quoted, escaped, bounded. */
export function describeAnswer(data: unknown): string {
  let text: string;
  if (typeof data === 'string') text = data.trim();
  else if (data === undefined) text = '';
  else text = JSON.stringify(data) ?? String(data);
  if (text === '') return 'nothing';
  return `${JSON.stringify(text.slice(0, SHOWN))}${text.length > SHOWN ? ` (${text.length} characters)` : ''}`;
}
