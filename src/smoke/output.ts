// What the smoke boot does with the guest's output, whatever its size: it keeps a bounded part for
// the report (CappedText) and streams a bounded part to the job log (CappedLog), which waits for a
// slow log reader instead of queueing. A guest that floods its stdout costs neither memory nor log.

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The first `bytes` bytes of `s` (a character cut in two at the end is dropped). */
function headBytes(s: string, bytes: number): string {
  return Buffer.from(s, 'utf8')
    .subarray(0, Math.max(0, bytes))
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/** Keeps the first `cap` bytes of a stream for the report, and a window of its end. */
export class CappedText {
  private head = '';
  private headBytes = 0;
  private tail = '';
  truncated = false;
  constructor(
    private readonly cap: number,
    private readonly window = 64 * 1024,
  ) {}
  push(chunk: string): void {
    if (!this.truncated) {
      const bytes = utf8(chunk);
      if (this.headBytes + bytes <= this.cap) {
        this.head += chunk;
        this.headBytes += bytes;
        return;
      }
      this.head += headBytes(chunk, this.cap - this.headBytes);
      this.headBytes = this.cap;
      this.truncated = true;
      this.tail = chunk.slice(-this.window);
      return;
    }
    this.tail += chunk;
    if (this.tail.length > 2 * this.window) this.tail = this.tail.slice(-this.window);
  }
  /** Everything kept, plus the recent end past the cap (for finding an allocator failure). */
  get searchable(): string {
    return this.truncated ? `${this.head}\n${this.tail}` : this.head;
  }
  get text(): string {
    return this.truncated ? `${this.head}\n[… output truncated at ${this.cap} bytes]` : this.head;
  }
}

/** Where the log goes: process.stdout, or any writable stream. */
export interface LogSink {
  /** false: the sink buffers and wants no more until 'drain'. */
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** The line CappedLog writes when it stops streaming. */
export const logTruncatedNote = (bytes: number): string =>
  `… smoke output truncated in the log after ${bytes} bytes; the rest is not shown\n`;

/**
 * Streams output to a log up to `cap` bytes, then writes logTruncatedNote once and drops the rest.
 * write() returns false while the sink is full: the caller stops reading its source until the
 * callback given to whenDrained() runs (backpressure, so a slow reader of the log does not make the
 * action buffer what the guest prints).
 */
export class CappedLog {
  private written = 0;
  private closed = false;
  private full = false;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly sink: LogSink,
    private readonly cap: number,
  ) {}
  get truncated(): boolean {
    return this.written >= this.cap;
  }
  /** Writes what fits under the cap; false when the sink asked to wait. */
  write(chunk: string): boolean {
    if (this.closed || this.written >= this.cap) return true;
    const bytes = utf8(chunk);
    let text = chunk;
    if (this.written + bytes >= this.cap) {
      const room = this.cap - this.written;
      text = headBytes(chunk, room);
      text += `${text.endsWith('\n') || text === '' ? '' : '\n'}${logTruncatedNote(this.cap)}`;
      this.written = this.cap;
    } else {
      this.written += bytes;
    }
    if (this.sink.write(text)) return !this.full;
    if (this.full) return false;
    this.full = true;
    this.sink.once('drain', () => {
      this.full = false;
      for (const f of this.waiting.splice(0)) f();
    });
    return false;
  }
  /** Runs `f` once the sink has drained (at once when it is not full, or the log is closed). */
  whenDrained(f: () => void): void {
    if (!this.full || this.closed) f();
    else this.waiting.push(f);
  }
  /** Writes nothing more and releases whoever waits for a drain (the sink may never drain). */
  close(): void {
    this.closed = true;
    for (const f of this.waiting.splice(0)) f();
  }
}
