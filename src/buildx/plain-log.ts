// BuildKit's plain progress output (`docker buildx build --progress=plain`, what c2w runs), read
// line by line. The format (moby/buildkit util/progress/progressui/printer.go): every line starts
// with `#<vertex> `; a vertex's first line is its name (a Dockerfile step's starts with
// `[<stage> <i>/<n>]`), and it ends with `#<vertex> DONE <seconds>s`, `#<vertex> CACHED`,
// `#<vertex> ERROR: …` or `#<vertex> CANCELED`. Other lines of a vertex are its log, most of them
// with the seconds since it started first (`#5 0.123 …`). `#0` is buildx's banner, not a vertex.
// The cache reader (cache-trouble.ts) and the live progress line (progress.ts) both read it here.

export type PlainLine =
  /** A vertex's end: how it ended, and for an error what BuildKit said. */
  | { vertex: number; kind: 'end'; status: 'done' | 'cached' | 'error' | 'canceled'; text: string }
  /** A line of a vertex's log that starts with its timestamp. */
  | { vertex: number; kind: 'log'; text: string }
  /** Any other line: a vertex's name when it is its first, else untimed log (`importing cache …`). */
  | { vertex: number; kind: 'text'; text: string };

const VERTEX = /^#(\d+) (.*)$/;
const END = /^(?:(DONE) \d+(?:\.\d+)?s|(CACHED)|(ERROR)\b:? ?(.*)|(CANCELED)\b.*)$/;

/** One line of the plain output, or undefined for a line that belongs to no vertex (#0 included). Pure. */
export function parsePlainLine(line: string): PlainLine | undefined {
  const m = VERTEX.exec(line.trimEnd());
  if (!m) return undefined;
  const vertex = Number(m[1]);
  if (vertex === 0) return undefined;
  const text = m[2]!;
  const end = END.exec(text);
  if (end) {
    const status = end[1] ? 'done' : end[2] ? 'cached' : end[3] ? 'error' : 'canceled';
    return { vertex, kind: 'end', status, text: end[4] ?? '' };
  }
  if (/^\d+(\.\d+)? /.test(text)) return { vertex, kind: 'log', text };
  return { vertex, kind: 'text', text };
}

/** Splits a stream into lines (without `\r`) as it comes. */
export class LineSplitter {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.replace(/\r$/, ''));
  }

  end(): void {
    if (this.partial) this.onLine(this.partial.replace(/\r$/, ''));
    this.partial = '';
  }
}
